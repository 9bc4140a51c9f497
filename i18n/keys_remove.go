package i18n

// Keys of removing a note or a purchase logged by mistake (remove.go).
const (
	ErrNoNote     Key = "err.no_note"     // the id
	ErrNoPurchase Key = "err.no_purchase" // the id
	// TaskCancelledPurchaseRemoved is the note on a follow-up of a
	// purchase's 0-3-3-3 rhythm (or a top spender's visit) cancelled
	// because the purchase was removed.
	TaskCancelledPurchaseRemoved Key = "task.cancelled_purchase_removed"
	// TaskCancelledNoteRemoved is the note on a complaint case cancelled
	// because its complaint note was removed.
	TaskCancelledNoteRemoved Key = "task.cancelled_note_removed"
	CliNoteRemoved           Key = "cli.note.removed"     // the client's name, the note's kind, its text
	CliPurchaseRemoved       Key = "cli.purchase.removed" // the amount, the currency, the client's name, the day
	// CliPurchaseRemovedItems is CliPurchaseRemoved for a purchase with
	// its items written: the amount, the currency, the client's name, the
	// day, the items.
	CliPurchaseRemovedItems Key = "cli.purchase.removed_items"
	// CliRemovedFollowUps says how many open follow-ups the removal
	// cancelled (counted text).
	CliRemovedFollowUps Key = "cli.removed.follow_ups"
	// AppRemovePurchaseAsk asks the app's associate to confirm the
	// removal of a purchase of the history, saying it cannot be undone:
	// the purchase as it reads, the client's name.
	AppRemovePurchaseAsk Key = "app.remove_purchase_ask"
	// AppRemoveNoteAsk asks the app's associate to confirm the removal of
	// a note of the history, saying it cannot be undone: the note as it
	// reads, the client's name.
	AppRemoveNoteAsk Key = "app.remove_note_ask"
	// CliNoteRemoveWhat says which note `vipbook note rm` is about to
	// remove: the client's name, the note's kind, its text.
	CliNoteRemoveWhat Key = "cli.note.remove_what"
	// CliPurchaseRemoveWhat says which purchase `vipbook buy rm` is about
	// to remove: the amount, the currency, the client's name, the day.
	CliPurchaseRemoveWhat Key = "cli.purchase.remove_what"
	// CliRemoveAsk asks to confirm a removal, saying it cannot be undone.
	CliRemoveAsk Key = "cli.remove.ask"
	// CliRemoveNotConfirmed says nothing was removed without a yes.
	CliRemoveNotConfirmed Key = "cli.remove.not_confirmed"
	// RemovedNotCompacted says a removal landed but the book file could
	// not be compacted yet.
	RemovedNotCompacted Key = "removed.not_compacted"
	// AppRemovingRecord says, while the app removes a note or a purchase
	// and compacts the book, that it is at work.
	AppRemovingRecord Key = "app.removing_record"
)
