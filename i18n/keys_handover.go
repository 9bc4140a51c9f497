package i18n

// The words a handover writes into a book: its notes, its task titles and
// the source of its history, in the book's language (handover.Options.Lang)
// at the one place each is written; and the warnings of its report.
const (
	HoStoredHandedOver    Key = "ho.stored.handed_over"    // the colleague
	HoStoredAColleague    Key = "ho.stored.a_colleague"    //
	HoStoredSource        Key = "ho.stored.source"         // the associate who handed over
	HoStoredIntroduce     Key = "ho.stored.introduce"      // the client, the associate
	HoStoredMergedWith    Key = "ho.stored.merged_with"    // the associate
	HoStoredOlderValue    Key = "ho.stored.older_value"    // the field, the older value, the value now
	HoWarnBundleForOther  Key = "ho.warn.bundle_for_other" // whom the bundle was made for, the book's associate
	HoWarnCurrencyDiffers Key = "ho.warn.currency_differs" // the purchases' currency, the book's
)

// enHandover holds the words of keys_handover.go.
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
	}
}

// zhHandover holds the Chinese words of keys_handover.go.
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
