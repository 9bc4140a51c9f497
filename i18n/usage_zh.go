package i18n

// zhUsage holds the Chinese words of keys_cli.go.
var zhUsage map[Key]string

func zhUsageTable() map[Key]string {
	return map[Key]string{
		UsageBadChoice:        "%s：不认识“%s”；可选：%s",
		UsageJSONOrMarkdown:   "--json 和 --markdown 只能选一个",
		UsageLimit:            "--limit 须为 0（全部）或更大的数，不能是 %d",
		UsageDemoClients:      "--clients 须在 1 到 2,000,000 之间",
		UsageMessageKind:      "请说明写哪种消息：--kind 种类（可选：%s）",
		UsageMessageTemplates: "无法读取消息模板：%s",
		UsageHandoverWhich:    "请说明交接哪些客户：--all、--clients 查询、--tier 等级，三者只选一个",
		UsageHandoverOut:      "请用 -o 文件 说明交接包写到哪里",
		UsageFileExists:       "%s 已存在：请换一个文件名，或先把那个文件移走",
		UsageCannotRead:       "无法读取 %s：%s",
		UsageCannotWrite:      "无法写入 %s：%s",
		UsagePassphraseEmpty:  "--passphrase-file %s 是空的：请把口令写进去",
		UsageDateOrder:        "--date-order 只能是 dmy（3/4/1985 为 4 月 3 日）或 mdy（3 月 4 日），不能是“%s”",
		UsageIsFolder:         "%s 是文件夹；请给出一个 .vcf 或 .csv 文件",
		UsageTooBig:           "%s 有 %d MB；导入的文件最大 %d MB（请拆分后再导入）",
		UsageExportOut:        "请用 -o 文件 说明写到哪个文件（-o - 表示输出到屏幕）",
		UsageFormat:           "--format 只能是 vcf、csv、json 或 ics，不能是“%s”",
		UsageHeaders:          "--headers 只能是 en（英文列名）或 zh（中文列名），不能是“%s”",
		UsageNoMatch:          "没有客户匹配“%s”：试试 `vipbook search %s`，或用手机号",
		UsageManyMatch:        "有 %d 位客户匹配“%s”；请用编号或手机号指明一位：\n%s",
		UsageScheme:           "--scheme “%s”不是会员卡方案；可选：%s",
		UsageLang:             "--lang 只能是 en 或 zh，不能是“%s”",

		StoreNoBook:      "这里还没有客户册：%s（请运行 `vipbook init --associate 姓名` 或 `vipbook demo`）",
		StoreLocked:      "客户册 %s 正被另一个 vipbook 占用（可能在长时间导入或交接）；请等它完成后再试",
		StoreNotBook:     "%s 不是 vipbook 客户册，未做任何改动：请用 --book 指明客户册",
		StoreNewerSchema: "客户册 %s 由更新版本的 vipbook 写入；请更新 vipbook 后再打开",
		StoreExists:      "%s 已有一本客户册",
		StoreReadOnly:    "客户册以只读方式打开",

		OSNotExist:   "文件不存在",
		OSPermission: "没有权限",
		OSIsDir:      "这是一个文件夹",
		OSNoSpace:    "磁盘已满",
		OSNotDir:     "路径中有一段是文件而不是文件夹",
		OSReadOnlyFS: "磁盘为只读",
		OSOther:      "系统提示：%s",
		OSAt:         "%s（%s）",
		OSWriteIn:    "无法写入 %s：%s",

		ImportErrWorkbook:     "%s 是电子表格工作簿（.xlsx）；请另存为 CSV（UTF-8）后导入",
		ImportErrCalendar:     "%s 是 iCalendar 日历文件（日程，不是联系人）；导入只接受 vCard（.vcf）或 CSV 文件",
		ImportErrOwnJSON:      "%s 是 vipbook 自己导出的 JSON；请单独导入它：vipbook import 文件.json",
		ImportErrBinary:       "%s 不是文本文件；导入只接受 vCard（.vcf）或 CSV 文件",
		ImportErrEmpty:        "%s 是空的：没有可导入的内容",
		ImportErrBadCSV:       "%s 第 %d 行：有引号没有闭合，或出现在字段中间；请改好这一行再导入",
		ImportErrNoNameColumn: "%s 没有一列是姓名（各列：%s）；请用 --map name=列名 指定",
		ImportErrNoRecords:    "%s 中没有可导入的内容：其中 %d 位联系人都被跳过，原因见各行",
		ImportErrMapSyntax:    "--map “%s”：请写成 字段=列名，字段可选：%s",
		ImportErrMapColumn:    "--map %s：文件中没有“%s”这一列（各列：%s）",
		ImportErrBadJSON:      "无法读取这份 JSON 导出（%s）；请重新导出",
		ImportErrForeignJSON:  "这份 JSON 来自其他程序；请把联系人导出为 vCard（.vcf）后导入",
		ImportErrNewerJSON:    "这份导出的版本为 %d，本 vipbook 最高只能读取版本 %d：请更新 vipbook",
		ImportErrRecord:       "第 %d 行（%s）：%s",
	}
}
