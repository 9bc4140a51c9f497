package i18n

// The English and Chinese of likely duplicates and of merging two clients
// (keys.go).

func initClientMerge1() {
	for k, s := range enClientMerge {
		en[k] = s
	}
	for k, s := range zhClientMerge {
		zh[k] = s
	}
	for k, s := range helpMergeEN() {
		helpEN[k] = s
	}
	for k, s := range helpMergeZH() {
		helpZH[k] = s
	}
	for k, s := range map[Key]string{
		CliMergeOpenTasks:   "%d open follow-up",
		CliMergeClosedTasks: "%d done follow-up",
		CliMergeReferred:    "%d client they introduced",
		CliMergeLinks:       "%d family link",
		CliMergeCancelled:   "  %d contact follow-up cancelled (do not contact)",
		CliDupImport:        "%d record looks like a client already in the book:",
		AppDupTitle:         "This looks like a client already in the book:",
	} {
		enOne[k] = s
	}
}

var enClientMerge, zhClientMerge map[Key]string

func enClientMergeTable() map[Key]string {
	return map[Key]string{
		ErrMergeSelf:       "%s (%s) cannot be merged with itself: name two different clients.",
		ErrMergeHandedOver: "%s (%s) was handed over to a colleague: only clients of your active book can be merged.",
		ErrLikelyDuplicate: "%s may already be in the book: %s.",
		DupByName:          "the same name %s",
		DupByEmail:         "the same e-mail %s",
		DupByWeChat:        "the same WeChat %s",
		DupByCard:          "the same card %s",
		MergeNote:          "Merged %s (%s) into this client: %s.",
		MergeNoteKept:      "Kept this client's values, theirs in the history: %s.",
		MergeNoteNothing:   "the profile only",
		MergeSource:        "merge of %s (%s)",
		MergeKeptItem:      "%s %s (theirs: %s)",

		CliMergeWould:       "Would merge %s (%s) into %s (%s):",
		CliMergeDone:        "Merged %s (%s) into %s (%s):",
		CliMergeMoves:       "  moves: %s",
		CliMergeTakes:       "  takes: %s",
		CliMergeKeeps:       "  keeps its own: %s",
		CliMergeDNC:         "  %s asked not to be contacted: the merged client is not contacted",
		CliMergeSpend:       "  spend over 12 months: %s before, %s after",
		CliMergeTier:        "  tier: %s before, %s after",
		CliMergeAlias:       "  the id %s then finds %s",
		CliMergeDryRun:      "Dry run: nothing was written. Run it again without --dry-run to merge.",
		CliMergeConfirm:     "Type the id of the client merged away (%s) to merge, anything else to stop: ",
		CliMergeStopped:     "Nothing was merged.",
		CliMergeOpenTasks:   "%d open follow-ups",
		CliMergeClosedTasks: "%d done follow-ups",
		CliMergeReferred:    "%d clients they introduced",
		CliMergeLinks:       "%d family links",
		CliMergeCancelled:   "  %d contact follow-ups cancelled (do not contact)",
		CliDupFound:         "%s may already be in the book:",
		CliDupLine:          "  %s  %s  %s  (%s)",
		CliDupAsk:           "Save anyway? [y/N] ",
		CliDupRefused:       "nothing was saved: open the client above (vipbook show %s), merge the two later with vipbook merge, or save anyway with --force",
		CliDupImport:        "%d records look like clients already in the book:",
		CliDupImportLine:    "  %s: like %s (%s), %s",

		AppDupTitle:     "This looks like clients already in the book:",
		AppDupOpen:      "open that client",
		AppDupSave:      "save anyway",
		AppMergeTitle:   "Merge another client into %s",
		AppMergePick:    "Type a name, phone, card or id of the client to merge in, then enter",
		AppMergeSure:    "Merge %s into %s? y merges, any other key stops",
		AppMergeDone:    "Merged %s into %s.",
		AppMergeSeveral: "%d clients match %q: type their phone, card number or id.",
		KeyMerge:        "merge",
	}
}

func zhClientMergeTable() map[Key]string {
	return map[Key]string{
		ErrMergeSelf:       "%s（%s）不能与自己合并：请指定两位不同的客户。",
		ErrMergeHandedOver: "%s（%s）已交接给同事：只能合并您名下在册的客户。",
		ErrLikelyDuplicate: "%s 可能已在名册中：%s。",
		DupByName:          "同名 %s",
		DupByEmail:         "同一邮箱 %s",
		DupByWeChat:        "同一微信 %s",
		DupByCard:          "同一会员卡 %s",
		MergeNote:          "已将 %s（%s）合并到本客户：%s。",
		MergeNoteKept:      "保留本客户的资料，对方的资料存入历史：%s。",
		MergeNoteNothing:   "仅档案",
		MergeSource:        "合并 %s（%s）",
		MergeKeptItem:      "%s %s（对方：%s）",

		CliMergeWould:       "将把 %s（%s）合并到 %s（%s）：",
		CliMergeDone:        "已把 %s（%s）合并到 %s（%s）：",
		CliMergeMoves:       "  转移：%s",
		CliMergeTakes:       "  新增：%s",
		CliMergeKeeps:       "  保留本客户的：%s",
		CliMergeDNC:         "  %s 要求勿联系：合并后的客户也不再联系",
		CliMergeSpend:       "  近 12 个月消费：合并前 %s，合并后 %s",
		CliMergeTier:        "  等级：合并前 %s，合并后 %s",
		CliMergeAlias:       "  之后用编号 %s 也能找到 %s",
		CliMergeDryRun:      "试运行：未写入任何内容。去掉 --dry-run 再运行即可合并。",
		CliMergeConfirm:     "输入被合并客户的编号（%s）确认合并，输入其他内容则取消：",
		CliMergeStopped:     "未合并。",
		CliMergeOpenTasks:   "%d 项未完成的跟进",
		CliMergeClosedTasks: "%d 项已完成跟进",
		CliMergeReferred:    "%d 位由其介绍的客户",
		CliMergeLinks:       "%d 个家人关联",
		CliMergeCancelled:   "  已取消 %d 项联系类跟进（勿联系）",
		CliDupFound:         "%s 可能已在名册中：",
		CliDupLine:          "  %s  %s  %s（%s）",
		CliDupAsk:           "仍要保存吗？（是/否，默认否）",
		CliDupRefused:       "未保存：请打开上面的客户（vipbook show %s），以后可用 vipbook merge 合并，或加 --force 仍然保存",
		CliDupImport:        "%d 条记录像是名册中已有的客户：",
		CliDupImportLine:    "  %s：像 %s（%s），%s",

		AppDupTitle:     "这像是名册中已有的客户：",
		AppDupOpen:      "打开该客户",
		AppDupSave:      "仍然保存",
		AppMergeTitle:   "将另一位客户合并到 %s",
		AppMergePick:    "输入要并入的客户的姓名、电话、会员卡号或编号，然后按 enter",
		AppMergeSure:    "把 %s 合并到 %s？按 y 合并，按其他键取消",
		AppMergeDone:    "已把 %s 合并到 %s。",
		AppMergeSeveral: "有 %d 位客户符合“%s”：请输入其电话、会员卡号或编号。",
		KeyMerge:        "合并",
	}
}

func helpMergeEN() map[string]string {
	return map[string]string{
		"vipbook merge.short": "Merge CLIENT into INTO-CLIENT: two records of one person become one",
		"vipbook merge.long": `merge moves everything the book holds about CLIENT into INTO-CLIENT, in one
transaction: notes, purchases (spend and tier follow), follow-ups open and done,
visits, requests, dates, sizes with their history, likes and dislikes,
measurements, family, cards, gifts and tags. Where both hold a different value
(a city, an e-mail), INTO-CLIENT's stays and CLIENT's goes into the history; a
do-not-contact from either side wins. A note on INTO-CLIENT records the merge,
and CLIENT's id then finds INTO-CLIENT everywhere a CLIENT is taken.
It shows what it will do and asks for CLIENT's id first (--yes does not ask);
--dry-run only shows it and writes nothing.`,
		"vipbook merge.example": `  vipbook merge 2v3fdr 王小明 --dry-run
  vipbook merge 13900000002 13800000001 --yes`,
		"vipbook merge --dry-run": "show what would move and what conflicts; write nothing",
		"vipbook merge --json":    "print the report as JSON (merges without asking)",
		"vipbook merge --yes":     "merge without asking (for scripts)",
		"vipbook add --force":     "add even when the client looks like one already in the book (same name, e-mail, WeChat or card)",
		"vipbook edit --force":    "save even when the change makes the client look like another (same name, e-mail, WeChat or card)",
	}
}

func helpMergeZH() map[string]string {
	return map[string]string{
		"vipbook merge.short": "把 CLIENT 合并到 INTO-CLIENT：同一个人的两份档案合为一份",
		"vipbook merge.long": `merge 在一次事务中把客户册中关于 CLIENT 的一切转到 INTO-CLIENT：记录、购买
（消费额和等级随之重算）、未完成和已完成的跟进、预约、需求、日期、尺码及其历史、
喜好与忌讳、量体数据、家人、会员卡、礼品和标签。两边取值不同的地方（城市、邮箱），
保留 INTO-CLIENT 的，CLIENT 的存入历史；任何一方要求勿联系，合并后即勿联系。
INTO-CLIENT 上会留下一条合并记录，之后凡是需要 CLIENT 的地方，CLIENT 的编号都会找到 INTO-CLIENT。
合并前会先显示将做的事并要求输入 CLIENT 的编号确认（--yes 不询问）；
--dry-run 只显示，不写入任何内容。`,
		"vipbook merge.example": `  vipbook merge 2v3fdr 王小明 --dry-run
  vipbook merge 13900000002 13800000001 --yes`,
		"vipbook merge --dry-run": "显示将转移什么、有哪些冲突；不写入",
		"vipbook merge --json":    "以 JSON 输出报告（不询问直接合并）",
		"vipbook merge --yes":     "不询问直接合并（用于脚本）",
		"vipbook add --force":     "即使像名册中已有的客户（同名、同邮箱、同微信或同会员卡）也添加",
		"vipbook edit --force":    "即使修改后像另一位客户（同名、同邮箱、同微信或同会员卡）也保存",
	}
}
