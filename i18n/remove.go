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
		AppRemovePurchaseAsk:         "Remove this purchase and cancel its open follow-ups? It cannot be undone. \"%s\" of %s's history. enter: remove, esc: keep",
		AppRemoveNoteAsk:             "Remove this note? It cannot be undone. \"%s\" of %s's history. enter: remove, esc: keep",
		CliNoteRemoveWhat:            "This removes the note on %s (%s): %s",
		CliPurchaseRemoveWhat:        "This removes the purchase of %s %s by %s on %s; its open follow-ups are cancelled.",
		CliRemoveAsk:                 "It cannot be undone: the record leaves this book for good (and a chain's books at their next sync). Remove it? [y/N] ",
		CliRemoveNotConfirmed:        "Nothing was removed (not confirmed): answer y, or give --yes.",
		RemovedNotCompacted: "The book file could not be compacted just now, so the removed record's old bytes may still be in it: " +
			"the next time vipbook opens the book for writing it compacts it (or run vipbook check --repair now).",
		AppRemovingRecord: "Removing the record and compacting the book: a large book takes a while…",
	}
}

func zhRemoveTable() map[Key]string {
	return map[Key]string{
		ErrNoNote:                    "客户册中没有记录“%s”：vipbook show 客户 会列出客户的记录及其编号。",
		ErrNoPurchase:                "客户册中没有购买“%s”：vipbook show 客户 会列出客户的购买及其编号。",
		TaskCancelledPurchaseRemoved: "已取消：所跟进的购买已删除",
		TaskCancelledNoteRemoved:     "已取消：投诉记录已删除",
		CliNoteRemoved:               "已删除 %s 的记录（%s）：%s",
		CliPurchaseRemoved:           "已删除 %[3]s 于 %[4]s 的购买 %[1]s %[2]s。",
		CliPurchaseRemovedItems:      "已删除 %[3]s 于 %[4]s 的购买 %[1]s %[2]s：%[5]s",
		CliRemovedFollowUps:          "由它产生的 %d 项未完成跟进已取消。",
		AppRemovePurchaseAsk:         "删除这笔购买并取消其未完成的跟进？删除后无法撤销。%[2]s的记录“%[1]s”。enter：删除，esc：保留",
		AppRemoveNoteAsk:             "删除这条记录？删除后无法撤销。%[2]s的记录“%[1]s”。enter：删除，esc：保留",
		CliNoteRemoveWhat:            "将删除 %s 的记录（%s）：%s",
		CliPurchaseRemoveWhat:        "将删除 %[3]s 于 %[4]s 的购买 %[1]s %[2]s；其未完成的跟进随之取消。",
		CliRemoveAsk:                 "删除后无法撤销：该记录将从本客户册中永久删除（连锁中的其他客户册也会在下次同步时删除）。确定删除吗？（是/否，默认否）",
		CliRemoveNotConfirmed:        "未删除任何内容（未确认）：请回答“是”，或加上 --yes。",
		RemovedNotCompacted:          "客户册文件暂时未能压缩，被删除记录的旧数据可能仍留在文件中：vipbook 下次以写入方式打开客户册时会完成压缩（也可以现在运行 vipbook check --repair）。",
		AppRemovingRecord:            "正在删除记录并压缩客户册：客户册较大时需要一些时间……",
	}
}

func helpRemoveEN() map[string]string {
	return map[string]string{
		"vipbook note rm.short": "Remove a note logged by mistake (its id from vipbook show CLIENT); asks first, cannot be undone",
		"vipbook buy rm.short":  "Remove a purchase logged by mistake (its id from vipbook show CLIENT); its open follow-ups are cancelled; asks first, cannot be undone",
		"vipbook note rm --yes": "remove without asking (for scripts)",
		"vipbook buy rm --yes":  "remove without asking (for scripts)",
	}
}

func helpRemoveZH() map[string]string {
	return map[string]string{
		"vipbook note rm.short": "删除误记的一条记录（编号见 vipbook show 客户）；会先确认，删除后无法撤销",
		"vipbook buy rm.short":  "删除误记的一笔购买（编号见 vipbook show 客户）；其未完成的跟进随之取消；会先确认，删除后无法撤销",
		"vipbook note rm --yes": "不询问直接删除（用于脚本）",
		"vipbook buy rm --yes":  "不询问直接删除（用于脚本）",
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
