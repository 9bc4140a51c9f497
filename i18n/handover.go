package i18n

// enHandover holds the words of keys_chain.go.
var enHandover map[Key]string

func enHandoverTable() map[Key]string {
	return map[Key]string{
		HoStoredHandedOver:    "handed over to %s with the client",
		HoStoredAColleague:    "a colleague",
		HoStoredSource:        "handover from %s",
		HoStoredIntroduce:     "Introduce yourself to %s (handed over by %s)",
		HoStoredMergedWith:    "Merged with the record handed over by %s. Older values kept in the history:",
		HoStoredOlderValue:    "%s: %s (now %s)",
		HoWarnBundleForOther:  "the bundle was made for %s, and this is the book of %s",
		HoWarnCurrencyDiffers: "the purchases are in %s and keep that currency; this book counts in %s",
		HoOutReleased: "They left this book: everything it held about them went into the bundle and was erased here " +
			"(the file was compacted). Keep the bundle until your colleague has imported it. " +
			"This book keeps only that you handed them over (vipbook handover log).",
		HoNotCompacted: "The book file could not be compacted just now, so their old bytes may still be in it: " +
			"the next time vipbook opens the book for writing it compacts it (or run vipbook check --repair now).",
		HoOutStillHeld: "Copies vipbook made earlier that still hold them (they rotate away; delete them to be sure):",
		HoLogLine:      "%s  %s to %s  (bundle %s)",
		HoLogReleased:  "  released: their data left this book",
		HoLogNone:      "This book has handed no client over.",
		HoTooLongName: "In the bundle, %q has a name of %d characters, more than the %d a name may have: " +
			"nothing was imported. Ask your colleague to shorten it and make the bundle again.",
		HoTooLongRecord: "In the bundle, the details of %q take %d KiB, more than the %d KiB a client may hold: " +
			"nothing was imported. Ask your colleague to shorten the longest field and make the bundle again.",
		HoTooLongNote: "In the bundle, a note of %q is %d KiB, more than the %d KiB a note may hold here: " +
			"nothing was imported. Ask your colleague to shorten or split it, or raise [limits] note_bytes in the config file.",
		HoTooLongLine: "Record %d of the bundle is over %d MiB, which vipbook never writes: nothing was imported. " +
			"Ask for the file again.",
		HoTooLarge: "The bundle holds more than %d MiB: nothing was imported. " +
			"Ask your colleague to hand the clients over in parts (--tier or --clients).",
		HoErrLikely: "Clients of the bundle with the name of a client of this book but another phone (%d): %s. Nothing was imported. " +
			"If they are other people, import again with --force (each is added as a new client); " +
			"if the same, add the new phone to the client here first (vipbook edit), or merge them afterwards (vipbook merge).",
		HoErrUnsent: "Nothing was released: the chain has not yet received %d of this book's changes to these clients " +
			"(clients with such changes: %d), and a release would lose them. Sync first (vipbook sync), then release; " +
			"or, to release anyway and lose those changes, run vipbook handover export --release --force.",
		HoAppUnsent: "Not released yet: the chain has not received %d of this book's changes to these clients (%d clients), " +
			"and releasing them now loses those changes. Press enter to release anyway, or esc to go back and sync first.",
		HoLikelyLine:   "          same name as %s (%s, %s) here: added as a new client",
		HoAskLikely:    "Add them as new clients anyway? [y/N] ",
		HoLikelyForced: "Added as new clients although a client here has the same name: %d (vipbook merge joins two if they are one person).",
	}
}

// zhHandover holds the Chinese words of keys_chain.go.
var zhHandover map[Key]string

func zhHandoverTable() map[Key]string {
	return map[Key]string{
		HoStoredHandedOver:    "已随客户转交给%s",
		HoStoredAColleague:    "同事",
		HoStoredSource:        "由%s转交",
		HoStoredIntroduce:     "向%s介绍自己（%s转交）",
		HoStoredMergedWith:    "与%s转交的资料合并。旧的值保存在历史中：",
		HoStoredOlderValue:    "%s: %s（现为%s）",
		HoWarnBundleForOther:  "这份交接包是给%s的，而这是%s的客户册",
		HoWarnCurrencyDiffers: "消费记录的币种是%s，保持不变；本客户册用%s",
		HoOutReleased: "这些客户已离开本客户册：关于他们的一切都已写入交接包，并已从这里删除（文件已压缩）。" +
			"请保留交接包，直到同事导入完成。本客户册只记录你交接过他们（vipbook handover log）。",
		HoNotCompacted:  "客户册文件暂时未能压缩，他们的旧数据可能仍留在文件中：vipbook 下次以写入方式打开客户册时会完成压缩（也可以现在运行 vipbook check --repair）。",
		HoOutStillHeld:  "vipbook 之前生成、仍含他们资料的副本（会轮换删除；如需确保，请手动删除）：",
		HoLogLine:       "%s  %s 交给 %s（交接包 %s）",
		HoLogReleased:   "  已移出：资料已离开本客户册",
		HoLogNone:       "本客户册还没有交接过客户。",
		HoTooLongName:   "交接包中“%s”的姓名有 %d 个字符，超过了姓名上限 %d：未导入任何内容。请同事改短后重新生成交接包。",
		HoTooLongRecord: "交接包中“%s”的资料占 %d KiB，超过了每位客户上限 %d KiB：未导入任何内容。请同事缩短最长的字段后重新生成交接包。",
		HoTooLongNote:   "交接包中“%s”的一条记录有 %d KiB，超过了本客户册每条记录上限 %d KiB：未导入任何内容。请同事缩短或拆分，或在配置文件中调高 [limits] note_bytes。",
		HoTooLongLine:   "交接包第 %d 条记录超过 %d MiB，vipbook 从不写出这样的记录：未导入任何内容。请重新索取文件。",
		HoTooLarge:      "交接包超过 %d MiB：未导入任何内容。请同事分批交接（--tier 或 --clients）。",
		HoErrLikely: "交接包中有 %d 位客户与本客户册的客户同名但电话不同：%s。未导入任何内容。" +
			"如果是不同的人，请加 --force 重新导入（各自作为新客户添加）；" +
			"如果是同一个人，请先把新电话加到这里的客户上（vipbook edit），或导入后合并（vipbook merge）。",
		HoErrUnsent: "未移出任何客户：本客户册对这些客户的修改中有 %d 条尚未同步到连锁（涉及 %d 位客户），移出会使这些修改丢失。" +
			"请先同步（vipbook sync）再移出；如确要移出并放弃这些修改，请运行 vipbook handover export --release --force。",
		HoAppUnsent: "尚未移出：本客户册对这些客户的修改中有 %d 条尚未同步到连锁（涉及 %d 位客户），现在移出会使这些修改丢失。" +
			"按回车仍然移出，或按 Esc 返回，先同步。",
		HoLikelyLine:   "          与这里的 %s（%s，%s）同名：作为新客户添加",
		HoAskLikely:    "仍然作为新客户添加吗？（是/否，默认否）",
		HoLikelyForced: "%d 位客户虽与这里的客户同名，仍作为新客户添加：如是同一人，可用 vipbook merge 合并。",
	}
}

func initKeysHandover1() {
	for k, s := range enHandover {
		en[k] = s
	}
	for k, s := range zhHandover {
		zh[k] = s
	}
}
