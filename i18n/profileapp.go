package i18n

// The words of the app's profile entries walked for issue 11
// (keys_profileapp.go), in English and in Chinese.

func initProfileApp() {
	for k, s := range map[Key]string{
		FieldStore:            "Store",
		FieldCounter:          "Counter or brand",
		ProfStore:             "Store",
		FieldFamilyClient:     "Also a client of the book (phone, card number, name or id; empty: no)",
		ProfLinked:            "client of the book: %s",
		ErrLinkNone:           "No client of the book is \"%s\": type their phone, card number or name, or leave it empty.",
		ErrLinkSeveral:        "%d clients of the book match \"%s\": type their phone or card number.",
		ErrLinkSelf:           "\"%s\" is this client: link another client of the book, or leave it empty.",
		ErrMemberNameRequired: "A name is needed: type the family member's name, or esc to leave the form.",
		ErrTakenFuture:        "\"%s\" is in the future: type the day it was taken or given, today or before.",
		ErrCardNumberBad:      "\"%s\" is no card number: type the letters and digits on the card (VIP-8800-123).",
	} {
		en[k] = s
	}
	en[ProfGifts] = "Gift ideas"
	for k, s := range map[Key]string{
		FieldStore:            "门店",
		FieldCounter:          "专柜或品牌",
		ProfStore:             "门店",
		FieldFamilyClient:     "也是本册客户（手机、会员卡号、姓名或编号；留空：不是）",
		ProfLinked:            "本册客户：%s",
		ErrLinkNone:           "本册中没有“%s”：请输入其手机、会员卡号或姓名，或留空。",
		ErrLinkSeveral:        "本册有 %d 位客户与“%s”相符：请输入其手机或会员卡号。",
		ErrLinkSelf:           "“%s”就是这位客户：请关联本册的另一位客户，或留空。",
		ErrMemberNameRequired: "需要姓名：请输入家人的姓名，或按 esc 离开表单。",
		ErrTakenFuture:        "“%s”是将来的日期：请输入量取或赠送的那一天（今天或之前）。",
		ErrCardNumberBad:      "“%s”不是会员卡号：请输入卡上的字母和数字（如 VIP-8800-123）。",
	} {
		zh[k] = s
	}
}
