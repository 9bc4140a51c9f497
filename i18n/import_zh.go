package i18n

// zhImport holds the Chinese words of keys_import.go.
var zhImport map[Key]string

func zhImportTable() map[Key]string {
	return map[Key]string{
		ImportCompanyCard:        "公司名片（%s），不是个人",
		ImportNoName:             "没有姓名",
		ImportNameTooLong:        "姓名有 %d 个字符，超过上限 %d 个",
		ImportNoteTooLong:        "一条记录有 %d KiB，超过上限 %d KiB",
		ImportRecordTooLong:      "资料共 %d KiB，超过单个客户上限 %d KiB",
		ImportNoNameEmail:        "没有姓名（只有邮箱 %s）",
		ImportNoNamePhone:        "没有姓名（只有电话 %s）",
		ImportInvalid:            "%s",
		ImportLunarDateNotDate:   "农历日期 \"%s\" 不是日期；已存入备注",
		ImportLunarBirthNotDate:  "农历生日 \"%s\" 不是日期；已存入备注",
		ImportDateNotDate:        "%s \"%s\" 不是日期；已存入备注",
		ImportBirthPartsNotDate:  "出生年月日 \"%s\" 不是日期；已存入备注",
		ImportNoContact:          "不接受联系（%s）；按勿联系导入",
		ImportExtraCells:         "单元格比表头多；多出的内容已存入备注",
		ImportControlChars:       "%d 个字段含控制字符（终端会执行它们）；已保留，每个控制字符改为可见符号（ESC 显示为 ␛）",
		ImportPhoneMangled:       "电话 \"%s\" 被电子表格改成了科学计数法（后几位已丢失）；未导入，请在文件中改正",
		ImportPhoneNotNumber:     "电话 \"%s\" 不是号码；未导入",
		ImportPhoneNotValid:      "电话 \"%s\" 不是有效的 +%s 号码；已按原样保存：请核对数字",
		ImportPhoneNeedsCountry:  "电话 \"%s\" 没有国家代码，也不是本客户册所在国家（+%s）的有效号码；已按原样保存：如是其他国家的号码，请编辑并加上 + 和国家代码",
		ImportEmailNotAddress:    "邮箱 \"%s\" 不是有效地址；已存入备注",
		ImportSecondBirthday:     "第二个生日 %s 与 %s 不同；保留第一个",
		ImportSharesKeyInFile:    "与第 %[2]d 行（%[3]s）共用%[1]s，但姓名不同；分开导入",
		ImportSharesKeyInBook:    "与%s共用电话或邮箱，但姓名不同；作为新客户添加",
		ImportSeveralClients:     "对应多位客户：%s；请先在客户册中合并他们，或修改文件",
		ImportNotCharsetText:     "不是 %s 文本",
		ImportNotText:            "不是文本文件",
		ImportTextOutsideCard:    "名片之外的文字（之前没有 BEGIN:VCARD）；已跳过",
		ImportNotProperty:        "不是属性（%s）；已跳过此行",
		ImportValueTooLong:       "%s 有 %d KiB，超过单个字段上限 %d KiB；未导入",
		ImportCardNotEnded:       "名片在第 %d 行的 BEGIN:VCARD 之前没有结束；已跳过",
		ImportFileEndsInsideCard: "文件在这张名片中间结束（没有 END:VCARD）；已跳过",
	}
}
