// Package book is the associate's book as every front end uses it: the use
// cases the command line and the app both call.
//
// The store owns bbolt: buckets, keys, encoding, transactions. This package
// owns the rules and the use cases. Open opens the store and installs the
// follow-up rules (the 0-3-3-3 rhythm, referral thanks, the top spender's
// visit, a complaint's case, the next care message, do-not-contact
// cancelling contact tasks) from the configuration it is given, so the
// same rules run whichever front end, test or future server opened the
// book. Every write is a method of Book (AddClient, AddNote, AddPurchase,
// TickTask, HandOver, Erase, Import, ...) and runs in one transaction with
// the tasks its rules make: all of it lands, or none. Reads go through
// View, with the store's read models.
//
// The errors a use case returns are *Error values: a catalog key and the
// facts its text takes, matched with errors.Is against the sentinels in
// errors.go. A front end renders them with i18n.Catalog.Error, in the
// language in use, so the command line and the app say a refusal in the
// same words.
package book
