package i18n

// zhInput holds the words of keys.go.
var zhInput map[Key]string

func zhInputTable() map[Key]string {
	return map[Key]string{
		ErrBadTier:                "“%s”不是本簿等级方案中的等级：请用 %s 之一，或留空由 vipbook 计算。",
		ErrBadEmail:               "“%s”不是电子邮箱地址：请写成 name@example.com 的形式。",
		ErrControlChar:            "“%s”含控制字符（此处显示为 ␛ 或 \\u202e 之类的符号），终端会执行它：请去掉后重新输入。",
		ErrPhoneNotValid:          "“%s”不是有效的 +%s 电话号码：请核对数字。",
		ErrPhoneNeedsCountry:      "“%s”不是本客户册所在国家（+%s）的有效号码。如果是其他国家的号码，请加上 + 和国家代码，例如 +1 905 555 1234。",
		ErrDateRange:              "%s 超出 vipbook 的日历范围：请填写 %s 年至 %s 年之间的日期。",
		ImportErrBadRegion:        "“%s”不是 vipbook 认得电话号码的国家或地区：请写它的 ISO 代码（GB、US、CN）、名称（英国）或国际区号（+44）。",
		ImportRegions:             "未写国家区号的号码：",
		ImportRegionLine:          "按 %s 号码（+%s）读取，依据%s：%d 个",
		ImportRegionFromBook:      "本簿所在国家",
		ImportRegionFromFlag:      "文件所属国家（--region）",
		ImportRegionFromFile:      "该记录自己的国家（国家列或地址）",
		ImportRegionExample:       "第 %d 行：%s -> %s",
		UsageHandoverSameName:     "有 %d 位同名客户匹配“%s”；请用编号或手机号指明要交接的那一位（--clients 编号），或加上 --all-matches 全部交接：\n%s",
		ImportPhoneNeedsCountryIn: "电话 \"%s\" 没有国家代码，也不是 %s（+%s，本记录号码所按的国家）的有效号码；已按原样保存：如是其他国家的号码，请编辑并加上 + 和国家代码",

		ErrAmountAmbiguous: "“%s”有两种读法：%s 或 %s。请写得明确：%s 或 %s。",

		DemoWritten:     "已在 %s 写入演示客户册：%d 位客户，%d 条备注，%d 笔购买，%d 项跟进，%d 个预约",
		DemoBackupKept:  "被替换的演示客户册保存在 %s。",
		ErrDemoRealBook: "%s 是真实的客户册，不是演示：vipbook demo 绝不会替换它。如要试用演示，请另给路径：vipbook demo --book /tmp/vipbook-demo.db。",
		ErrDemoUsed:     "%s 原是演示客户册，但之后添加了客户、备注或购买：vipbook demo 不会替换这些工作。如要新的演示，请另给路径：vipbook demo --book /tmp/vipbook-demo.db。如要开始真实的客户册：vipbook init --associate 姓名 --book 路径。",
		ErrInitOnDemo:   "%s 是演示客户册：你的真实客户册需要自己的路径。请运行 vipbook init --associate 姓名 --book 路径（之后使用 --book 路径或 VIPBOOK_BOOK），或先把演示移走：mv %s /tmp/vipbook-demo.db。",
	}
}

func initInputZh1() {
	for k, s := range zhInput {
		zh[k] = s
	}
}
