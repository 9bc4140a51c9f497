package i18n

// Removing a note or a purchase logged by mistake (book.DeleteNote,
// book.DeletePurchase): the errors, the follow-ups' notes, the command
// line's and the app's words.
func enRemoveTable() map[Key]string {
	return map[Key]string{
		ErrNoNote:                    "No note %q in the book: vipbook show CLIENT lists a client's notes with their ids.",
		ErrNoPurchase:                "No purchase %q in the book: vipbook show CLIENT lists a client's purchases with their ids.",
		TaskCancelledPurchaseRemoved: "cancelled: the purchase it followed was removed",
		TaskCancelledNoteRemoved:     "cancelled: the complaint note was removed",
		CliNoteRemoved:               "Removed the note on %s (%s): %s",
		CliPurchaseRemoved:           "Removed the purchase of %s %s by %s on %s.",
		CliPurchaseRemovedItems:      "Removed the purchase of %s %s by %s on %s: %s",
		CliRemovedFollowUps:          "%d open follow-ups it had made were cancelled.",
		AppRemovePurchaseAsk:         "Remove this purchase and cancel its open follow-ups? \"%s\" of %s's history. enter: remove, esc: keep",
	}
}

func zhRemoveTable() map[Key]string {
	return map[Key]string{
		ErrNoNote:                    "客户册中没有记录 %q：vipbook show 客户 会列出客户的记录及其编号。",
		ErrNoPurchase:                "客户册中没有购买 %q：vipbook show 客户 会列出客户的购买及其编号。",
		TaskCancelledPurchaseRemoved: "已取消：所跟进的购买已删除",
		TaskCancelledNoteRemoved:     "已取消：投诉记录已删除",
		CliNoteRemoved:               "已删除 %s 的记录（%s）：%s",
		CliPurchaseRemoved:           "已删除 %[3]s 于 %[4]s 的购买 %[1]s %[2]s。",
		CliPurchaseRemovedItems:      "已删除 %[3]s 于 %[4]s 的购买 %[1]s %[2]s：%[5]s",
		CliRemovedFollowUps:          "由它产生的 %d 项未完成跟进已取消。",
		AppRemovePurchaseAsk:         "删除这笔购买并取消其未完成的跟进？%[2]s的记录“%[1]s”。enter：删除，esc：保留",
	}
}

func helpRemoveEN() map[string]string {
	return map[string]string{
		"vipbook note rm.short": "Remove a note logged by mistake (its id from vipbook show CLIENT)",
		"vipbook buy rm.short":  "Remove a purchase logged by mistake (its id from vipbook show CLIENT); its open follow-ups are cancelled",
	}
}

func helpRemoveZH() map[string]string {
	return map[string]string{
		"vipbook note rm.short": "删除误记的一条记录（编号见 vipbook show 客户）",
		"vipbook buy rm.short":  "删除误记的一笔购买（编号见 vipbook show 客户）；其未完成的跟进随之取消",
	}
}

func initRemove() {
	for k, s := range enRemoveTable() {
		en[k] = s
	}
	for k, s := range zhRemoveTable() {
		zh[k] = s
	}
	enOne[CliRemovedFollowUps] = "%d open follow-up it had made was cancelled."
	for k, s := range helpRemoveEN() {
		helpEN[k] = s
	}
	for k, s := range helpRemoveZH() {
		helpZH[k] = s
	}
}
