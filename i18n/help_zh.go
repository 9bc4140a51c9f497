package i18n

// helpZH is the Chinese of the command line's help: each command's short
// and long description and examples, and each flag's usage, keyed by the
// command's path ("vipbook task add") and ".short", ".long", ".example" or
// " --flag". helpEN holds the English under the same keys
// (TestHelpTables); a test in cli checks that every command and flag of
// the tree has its text in both.
var helpZH map[string]string

func helpZHTable() map[string]string {
	return map[string]string{
		"vipbook.short": "客户经营助手：你的 VIP 客户册，打开即是今日简报",
		"vipbook.long": `vipbook 为销售顾问保存 VIP 客户册：客户是谁、尺码、喜好和重要日子，
每一条记录和每一笔购买，以及到期的跟进。不带命令运行即打开客户册，
显示今天的简报。`,
		"vipbook --book":    "客户册文件（默认 $VIPBOOK_BOOK 或 XDG 数据目录下的 vipbook/book.db）",
		"vipbook --config":  "配置文件（默认 $XDG_CONFIG_HOME/vipbook/config.toml）",
		"vipbook --lang":    "界面语言：en 或 zh（默认取自 LANG）",
		"vipbook --help":    "显示帮助",
		"vipbook --version": "显示版本",

		"vipbook add.short":         "添加客户（有姓名和电话即可开始）",
		"vipbook add --birthday":    "生日，MM-DD 或 YYYY-MM-DD",
		"vipbook add --city":        "城市",
		"vipbook add --email":       "电子邮箱",
		"vipbook add --json":        "以 JSON 输出新客户",
		"vipbook add --latin-name":  "英文名或拼音名",
		"vipbook add --lunar":       "生日是农历日期",
		"vipbook add --phone":       "电话号码，任意格式（可重复填写多个）",
		"vipbook add --referred-by": "介绍这位客户的老客户（编号、电话或姓名）",
		"vipbook add --tag":         "标签（可重复，或用逗号分隔）",
		"vipbook add --tier":        "手动指定等级（A、B、C、D 或卡名）",

		"vipbook backup.short": "把客户册此刻的状态写成一份副本（仅本人可读写）",
		"vipbook backup.long": `把客户册某一时刻的副本写到 FILE（权限 0600）。

不加 -o 时，副本写到客户册旁的 "backups" 目录（仅本人可访问，0700），
按客户册和时间命名：backups/book-YYYYMMDD-HHMM.db（同一分钟内的第二份
加 -2、-3）。已有的 FILE 不会被替换，除非加 --force。其他 vipbook（包括
全屏界面）可以同时开着。
用 ` + "`vipbook restore FILE`" + ` 恢复副本。

副本在命名前先经过检查：损坏的客户册不会被备份（完好的备份保持原样）；
此时加 --force 会写一份文件名以 -DAMAGED 结尾的救援副本，它不是可以
恢复的备份。`,
		"vipbook backup --force":  "FILE 已存在时替换它；客户册损坏时写一份救援副本，文件名以 -DAMAGED 结尾",
		"vipbook backup --output": "要写入的文件（默认：客户册旁的 backups/book-YYYYMMDD-HHMM.db）",

		"vipbook brief.short": "输出今日简报：最紧要的在前，然后是今日到店、跟进、三项特别事项、久未到店的客户",
		"vipbook brief.long": `brief 输出晨会用的简报：先列当天最紧要的事项，然后是今日到店（每位附
接待卡）、逾期和今天到期的跟进、提前期内将到的重要日子、三项特别事项
（未完成的特别需求、节日和特殊情况、今天预计到店的特别关照客户），以及
比平时更久未到店的重要客户。每一项都有紧急分数并说明原因；权重在配置
文件的 [urgency] 部分。

输出文本（默认）、Markdown（--markdown，可贴到聊天或文档中）或
JSON（--json）；加 --lang zh 输出中文。`,
		"vipbook brief --date":     "简报的日期，YYYY-MM-DD（默认今天）",
		"vipbook brief --json":     "以 JSON 输出",
		"vipbook brief --limit":    "需求、节日、特殊情况和久未到店各部分最多列出的条数（0：全部）",
		"vipbook brief --markdown": "以 Markdown 输出",

		"vipbook buy.short":      "记录一笔购买",
		"vipbook buy --currency": "币种（默认：客户册的币种）",
		"vipbook buy --date":     "购买日期，YYYY-MM-DD（默认今天）",
		"vipbook buy --items":    "购买的商品",
		"vipbook buy --visit":    "客户到店：把这一天计为到店（金额为 0 的购买否则不计）",
		"vipbook buy --store":    "门店（默认：客户册的门店）",

		"vipbook check.short": "检查整个客户册文件是否损坏（只读）",
		"vipbook check.long": `check 逐页读取客户册而不做任何改动：先做 bbolt 的一致性检查，再检查
客户册自己的规则（每位客户都有摘要、每个索引项都指向一条记录、每位
客户的记录数都对）。它会说明客户册完好，或哪里有问题、该怎么办；客户册
损坏时以非零状态退出。`,
		"vipbook check --json":   "以 JSON 输出检查报告",
		"vipbook check --repair": "先完成中途被终止的 vipbook 留下的工作（删除后的压缩、临时副本），并根据记录重建客户册随写入维护的索引（搜索、等级所需的消费记录），再检查",

		"vipbook completion.short":                        "生成指定 shell 的自动补全脚本",
		"vipbook completion.long":                         "为 vipbook 生成指定 shell 的自动补全脚本。各 shell 的用法见其子命令的帮助。",
		"vipbook completion bash.short":                   "生成 bash 的自动补全脚本",
		"vipbook completion bash.long":                    "生成 bash 的自动补全脚本。在当前 shell 中加载：source <(vipbook completion bash)",
		"vipbook completion bash --no-descriptions":       "不附带补全说明",
		"vipbook completion fish.short":                   "生成 fish 的自动补全脚本",
		"vipbook completion fish.long":                    "生成 fish 的自动补全脚本。在当前 shell 中加载：vipbook completion fish | source",
		"vipbook completion fish --no-descriptions":       "不附带补全说明",
		"vipbook completion powershell.short":             "生成 PowerShell 的自动补全脚本",
		"vipbook completion powershell.long":              "生成 PowerShell 的自动补全脚本。在当前 shell 中加载：vipbook completion powershell | Out-String | Invoke-Expression",
		"vipbook completion powershell --no-descriptions": "不附带补全说明",
		"vipbook completion zsh.short":                    "生成 zsh 的自动补全脚本",
		"vipbook completion zsh.long":                     "生成 zsh 的自动补全脚本。在当前 shell 中加载：source <(vipbook completion zsh)",
		"vipbook completion zsh --no-descriptions":        "不附带补全说明",

		"vipbook demo.short":        "写入一本逼真的演示客户册（不会覆盖真实的客户册）",
		"vipbook demo --clients":    "客户数量",
		"vipbook demo --date":       "客户册所处的日期（默认今天）",
		"vipbook demo --if-missing": "已有客户册时什么都不做（首次运行）",
		"vipbook demo --seed":       "相同的种子生成相同的客户册",

		"vipbook edit.short": "修改客户的字段",
		"vipbook edit.long": `修改客户的字段。列表用逗号分隔；留空则清除该字段。
字段：anniversary, best_time, birthday, channel, child, city, country, disability, dislikes, district, do_not_contact, elderly, email, gender, gift_prefs, health, hobbies, home_store, honorific, latin_name, lunar_birthday, motivator, name, occupation, phone, pregnant, share_of_wallet, special_note, tags, tier, wechat, why_brand`,
		"vipbook edit --json": "以 JSON 输出客户",
		"vipbook edit --set":  "字段=值（可重复）",

		"vipbook erase.short": "删除客户册中关于某位客户的一切（应客户本人要求）",
		"vipbook erase.long": `erase 删除客户册中关于一位客户的一切：资料、记录、购买、跟进、预约、
需求、未保存的草稿、提及此人的跟进规则状态，以及其他客户中提及此人的
规则跟进；此人介绍的客户不再保留指向此人的链接。随后压缩客户册文件，
使被删除的字节离开文件，而不只是离开索引。

它先列出将删除的内容，并要求输入客户编号确认；--yes 不再询问直接确认
（用于脚本）。较早的备份、客户册的副本和导出文件中仍有此客户：请一并删除。`,
		"vipbook erase.example": `  vipbook erase 王小明
  vipbook erase 13800138000 --yes`,
		"vipbook erase --yes": "不询问直接删除（用于脚本）",

		"vipbook export.short": "把客户导出为 vCard、CSV、JSON 或 iCalendar",
		"vipbook export.long": `export 把客户册中的客户（或 --clients 找到的客户，与 vipbook search 的
搜索方式相同：姓名、拼音、电话数字、标签、tier:A、city:上海、tag:vip，
可与文字组合；或编号）写到只有你可读的文件（0600）；已有的文件只在加
--force 时替换：

  vcf   vCard 3.0，供手机和邮件程序使用：生日、纪念日和其他日期（含提前
        天数）、城市和区、记录，每个标签一个 CATEGORIES
  csv   每位客户一行，UTF-8 编码（--bom 供 Excel 使用），包含勿联系、
        每类日子一列和记录（最早的在前，以 --- 分隔）；标题行用本次的
        语言（--lang zh：姓名、电话、生日……），或按 --headers en|zh 指定，
        两种语言导入时都能读；存放多项的单元格中，反斜杠使其后的字符
        作为普通文字（藏青\; 深色 是一项喜好）
  json  全部内容：资料、同意、记录、购买、跟进、预约；vipbook import
        可完整读回
  ics   iCalendar：每个重要日子是一个每年的全天事件（农历日期按接下来
        --years 年的公历日期排入），预约是事件，未完成的跟进是待做事项

不加 --format 时按文件扩展名确定格式。要求勿联系的客户在每种格式中
都保留这一标记；--campaign 会排除他们（用于群发或电话名单）并说明人数。
特殊人群标记（儿童、长者、孕期、残障、健康状况及其说明）属敏感信息：
vcf 和 csv 默认不导出，并说明涉及几位客户，加 --special 才包含；json 保留。`,
		"vipbook export.example": `  vipbook export -o clients.vcf
  vipbook export -o book.csv --bom
  vipbook export -o book.csv --headers en
  vipbook export -o dates.ics --clients 王小明
  vipbook export -o top.csv --clients "tier:A city:上海"
  vipbook export -o greetings.vcf --campaign`,
		"vipbook export --bom":      "供 Excel 使用的 csv：以 Excel 读取 UTF-8 所需的字节顺序标记开头，电话写成 Excel 的文本",
		"vipbook export --campaign": "排除要求勿联系的客户（用于群发或电话名单）",
		"vipbook export --clients":  "只导出这次搜索找到的客户（姓名、拼音、电话、标签、tier:A city:上海 tag:vip，或编号）",
		"vipbook export --force":    "FILE 已存在时替换它",
		"vipbook export --headers":  "csv：标题行的语言，en 或 zh（默认：本次的语言，--lang）；导入两种都能读",
		"vipbook export --format":   "vcf、csv、json 或 ics（默认：按文件扩展名）",
		"vipbook export --output":   "要写入的文件（0600）；- 表示标准输出",
		"vipbook export --special":  "vcf 和 csv：包含特殊人群标记（儿童、长者、孕期、残障、健康状况及其说明），这些属敏感信息，默认不导出",
		"vipbook export --years":    "ics：排入日历的农历日期年数",

		"vipbook export-client.short": "把客户册中关于一位客户的一切写入 JSON 文件（个人信息查阅请求）",
		"vipbook export-client.long": `export-client 以 JSON（字段名易读）写出客户册中关于一位客户的一切：
资料、由此得出的数据、每一条记录、购买、跟进（包括已完成和已取消的）、
预约和需求、未保存的草稿，以及提及此人的跟进规则状态。其他客户只以
数量出现。

文件只有你可读（0600）；已有的文件不加 --force 不会被覆盖。-o - 输出到屏幕。`,
		"vipbook export-client.example": `  vipbook export-client 王小明 -o wang.json
  vipbook export-client 13800138000 -o -`,
		"vipbook export-client --force":  "文件已存在时替换它",
		"vipbook export-client --output": "要写入的文件（0600）；- 表示标准输出",

		"vipbook handover.short": "把客户连同全部往来交接给同事，或接收同事交来的客户",
		"vipbook handover.long": `handover 在销售顾问的客户册之间交接客户及其全部往来：资料、记录、购买、
未完成的跟进、预约、特别需求、同意记录，以及先后负责过的顾问。交接包
用你们两人共享的口令加密（口令与文件分开传：当面说，不要和交接包一起
发送）。`,
		"vipbook handover export.short": "把选中的客户写入加密交接包，并标记为已交接",
		"vipbook handover export.long": `export 把选中的客户写入加密的交接包交给同事，并在本客户册中标记为已交接
（交给谁、何时）；他们未完成的跟进随客户转交。加 --release 时，他们离开
本客户册：关于他们的一切（资料、记录、购买、跟进、预约、需求、草稿、搜索
索引、其他客户跟进中的姓名）写入交接包后从这里删除，文件随即压缩，使这些
字节离开文件。不保留删除标记：他们日后仍可随交接包回来。客户册只保留一行
不含姓名的记录：何时、多少位客户、交给谁、交接包编号（vipbook handover
log）。请保留交接包直到同事导入完成：那时它是唯一的副本。私人记录（note
--private）属于你自己：永远不会写入交接包（加 --release 时随客户删除）。
不加 --passphrase-file 时，口令在终端上询问两次。`,
		"vipbook handover log.short": "列出本客户册做过的交接：何时、多少位客户、交给谁",
		"vipbook handover log.long": `log 列出本客户册做过的交接，每次一行：日期、客户数、交给谁、交接包编号，
以及是否已移出。不列出任何客户的姓名：移出之后，这一行就是客户册关于他们
保留的全部内容。`,
		"vipbook handover log --json":               "以 JSON 输出",
		"vipbook handover export --all":             "当前客户册的全部客户",
		"vipbook handover export --clients":         "搜索找到的客户（姓名、拼音、电话、tier:A city:上海 tag:vip）",
		"vipbook handover export --output":          "要写入的交接包文件",
		"vipbook handover export --passphrase-file": "从此文件读取口令，而不是询问",
		"vipbook handover export --release":         "让他们离开本客户册：资料写入交接包并从这里删除",
		"vipbook handover export --all-matches":     "与 --clients 一起用：即使有同名客户也交接找到的每一位（否则列出匹配的客户，由你指明一位）",
		"vipbook handover export --force":           "与 --release 一起用：即使对他们的修改尚未同步到连锁也移出（这些修改会丢失；否则在同步之前拒绝移出）",
		"vipbook handover export --tier":            "某一等级的客户（A、B、C、D 或卡名）",
		"vipbook handover export --to":              "接收客户的同事",

		"vipbook handover import.short": "从同事的交接包接收客户，与已有的客户合并",
		"vipbook handover import.long": `import 先显示交接包会对本客户册做什么：新客户、与已有客户匹配的客户（按
电话、邮箱，或姓名加生日），以及两本客户册填写不同的每个字段（较新的值
生效，较旧的留在历史中）。然后一次全部导入，或全部不导入：记录和购买
合并，未完成的跟进分派给你，并为每位可以联系且还没有“自我介绍”跟进的
客户加一项（第二个交接包不会再加一项）。与你的客户同名、却没有相同电话、
邮箱或编号的客户，不会被悄悄合并或添加：导入会列出他们，在终端上询问，
否则拒绝，除非加 --force（作为新客户添加；之后可用 vipbook merge 合并）。
再次导入同一个交接包不会有任何改变。损坏的交接包、错误的口令，或超出客户册
上限的记录（超过 note_bytes 的记录、超过 200 个字符的姓名、超过 256 千字节的
资料）会整体被拒绝，不写入任何内容。`,
		"vipbook handover import --allow-erased":    "也导入已从本客户册删除（应客户要求）的客户：默认跳过",
		"vipbook handover import --dry-run":         "显示将会发生什么，不写入任何内容",
		"vipbook handover import --force":           "与这里的客户同名但电话不同的客户，不再询问，直接作为新客户添加",
		"vipbook handover import --json":            "以 JSON 输出报告",
		"vipbook handover import --passphrase-file": "从此文件读取口令，而不是询问",

		"vipbook help.short": "显示任一命令的帮助",
		"vipbook help.long":  "显示任一命令的帮助。输入 vipbook help [命令] 查看详细说明。",

		"vipbook import.short": "从 vCard（.vcf）或 CSV 文件导入客户；--dry-run 显示将会发生什么",
		"vipbook import.long": `import 读取手机、邮件程序或店铺导出的联系人：vCard 2.1、3.0 和 4.0
（.vcf），以及来自 Google 通讯录、Outlook、Shopify、Thunderbird 或带
中文表头（姓名、手机、生日……）的表格的 CSV，编码为 UTF-8、UTF-16 或
GBK，以逗号、分号或制表符分隔。

电话或邮箱已属于某位客户（且姓名相同）的联系人会并入该客户：不丢失
任何内容，字段以较新的值为准，较旧的值留在客户的历史中；要求勿联系的
客户保持勿联系。同一文件导入两次不会有任何改变。全部内容在一次事务中
写入，或全部不写入。

--dry-run 显示各列如何读取、哪些会新增、合并或跳过（附行号和原因），
不写入任何内容。读错的列用 --map 字段=列 纠正（列是表头或其序号；
字段= 表示该字段不从任何列读取）。`,
		"vipbook import.example": `  vipbook import contacts.vcf --dry-run
  vipbook import 客户.csv --map phone=手机号码 --map note=
  vipbook import outlook.csv --date-order mdy`,
		"vipbook import --allow-erased": "也导入已从本客户册删除（应客户要求）的客户：默认跳过",
		"vipbook import --date-order":   "3/4/1985 这类日期的读法（CSV）：dmy 或 mdy（默认：自动判断）",
		"vipbook import --dry-run":      "显示列的对应关系和将会发生什么；不写入任何内容",
		"vipbook import --encoding":     "文件的编码，不再猜测：UTF-8、UTF-16LE、GB18030、Big5、Shift_JIS、EUC-KR、windows-1252……",
		"vipbook import --no-header":    "CSV 没有表头行：第一行就是一位联系人（用 --map name=1 指定姓名所在的列）",
		"vipbook import --region":       "文件所属的国家或地区（GB、英国、+44）：未写国家区号的号码按该国读取，除非某行或某张名片写明了自己的国家（国家列、地址）；试运行会列出哪些号码按哪里读取",
		"vipbook import --country":      "同 --region",
		"vipbook import --json":         "以 JSON 输出计划或报告",
		"vipbook import --map":          "从某列读取某字段（CSV）：字段=列，可重复；字段：name, given, middle, family, honorific, latin_name, gender, phone, email, wechat, channel, city, district, country, work_country, address, occupation, company, birthday, lunar_birthday, birth_year, birth_month, birth_day, anniversary, child_birthday, family_birthday, first_purchase, date, tags, note, do_not_contact, accepts_marketing, sizes, likes, dislikes, measurements, household, spouse, cards, size_history, measurement_history, referred_by, home_store, counter, best_time, hobbies, gift_prefs, why_brand, motivator, share_of_wallet, made_to_order, special, consent_recorded, gifts",

		"vipbook init.short":          "为销售顾问新建一本空的客户册",
		"vipbook init --associate":    "保管这本客户册的销售顾问",
		"vipbook init --country-code": "输入电话时未带国家代码时默认的代码",
		"vipbook init --currency":     "购买使用的币种",
		"vipbook init --store":        "销售顾问所在的门店",

		"vipbook list.short":   "列出客户册中的客户",
		"vipbook list --all":   "包括因交接而归档的客户",
		"vipbook list --json":  "以 JSON 输出",
		"vipbook list --limit": "最多显示这么多位",
		"vipbook list --sort":  "排序：name（姓名）、spend（消费）、last-visit（上次到店）或 next-date（下个日子）",

		"vipbook message.short": "为客户撰写消息（birthday 生日、holiday 节日、season 换季、miss_you 想念、thank_you 感谢……）",
		"vipbook message.long": `为客户撰写一条消息，使用界面语言（--lang zh 为中文），按客户的称呼
称呼对方，并结合其喜好。种类：holiday, birthday, season, miss_you, thank_you, call, care, service_invite, referral_thanks, welcome, complaint。
消息输出到标准输出，可复制或发送；--log 把它作为消息记录记在客户名下，
并重新开始保持联系的计时。要求勿联系的客户不会得到消息。

模板可以修改：把 KIND.LANG.tmpl 文件（Go text/template，例如
birthday.zh.tmpl）放在配置文件旁的 "messages" 目录，或配置文件 [messages]
部分的 dir 所指的目录。`,
		"vipbook message --items":    "消息所说的商品（默认：上次购买的商品）",
		"vipbook message --kind":     "哪种消息：holiday, birthday, season, miss_you, thank_you, call, care, service_invite, referral_thanks, welcome, complaint",
		"vipbook message --log":      "把消息作为消息记录记在客户名下",
		"vipbook message --occasion": "节日名称（默认：未来一周的节日）",

		"vipbook note.short":  "为客户记一条记录（种类：general, visit, call, message, preference, size, complaint, special_request, situation）",
		"vipbook note --kind": "记录的种类",

		"vipbook purge.short": "永久删除交接时归档（--release）的客户",
		"vipbook purge.long": `purge 删除客户册中关于已归档客户（旧版 vipbook 的 handover --release 或
连锁的重新分配移出当前客户册的客户；现在 handover --release 会立即删除）的一切：资料、记录、购买、跟进、预约、需求和草稿，然后压缩客户册
文件，使被删除的字节离开文件。不加 --yes 时只列出他们。`,
		"vipbook purge --yes": "确认",

		"vipbook report.short": "回答关于客户册的十个问题：重要客户、偏好、占比、谁久未到店",
		"vipbook report.long": `report 是 VIP 盘点：今年消费前十名的客户，以及他们住在哪里、做什么、
爱好和重要日子；他们喜欢的产品和风格；前十名和前五十名占今年销售额的
比例；谁到店最频繁，谁的客单价最高；哪位重要客户最久未到店，原因是什么；
他们为什么喜欢这个品牌、不喜欢什么、消费中有多少份额在我们这里，以及
什么最能打动他们。`,
		"vipbook report --date": "盘点的日期，YYYY-MM-DD（默认今天）",
		"vipbook report --json": "以 JSON 输出",

		"vipbook request.short":           "登记一项特别需求（超出常规服务的请求）",
		"vipbook request update.short":    "推进一项特别需求",
		"vipbook request update --note":   "发生了什么",
		"vipbook request update --status": "open（未处理）、sourcing（寻货中）、fulfilled（已满足）或 declined（已婉拒）",

		"vipbook restore.short": "用备份替换客户册（保留客户册现在的样子）",
		"vipbook restore.long": `用备份 FILE 替换客户册。

先逐页检查 FILE：不是完好的 vipbook 客户册的文件会被拒绝，客户册不受
影响。然后 vipbook 显示 FILE 和客户册各自的内容，并请你确认（输入 y、
yes 或 是；--yes 跳过询问，用于脚本）。客户册现在的样子会保留在旁边，
仅本人可读写，名为 book.db.before-restore-YYYYMMDD-HHMMSS。打开着
客户册的 vipbook 须先关闭。`,
		"vipbook restore --yes": "不询问直接恢复",

		"vipbook search.short":   "按姓名、拼音（wxm 可找到王小明）、电话数字、标签或 tier:A city:上海 tag:vip 查找客户",
		"vipbook search --limit": "最多显示这么多位，最匹配的在前（0：全部）；未指定时为 50 位，--json 时为全部",
		"vipbook search --json":  "以 JSON 输出",

		"vipbook show.short":  "显示客户册中关于一位客户的一切（按编号、电话或姓名）",
		"vipbook show --json": "以 JSON 输出",

		"vipbook task.short":          "添加、完成、推迟和列出跟进",
		"vipbook task add.short":      "为客户添加一项跟进（CLIENT 为 - 表示不属于任何客户）",
		"vipbook task add --due":      "到期日，YYYY-MM-DD、today（今天）或 tomorrow（明天）",
		"vipbook task add --kind":     "call_back, thank_you, care_message, service_invite, birthday_greeting, ...",
		"vipbook task cancel.short":   "取消一项不再需要的跟进",
		"vipbook task check.short":    "勾选跟进清单中的步骤（编号见 `task show`）",
		"vipbook task check --undo":   "改为取消勾选这些步骤",
		"vipbook task done.short":     "完成一项跟进",
		"vipbook task done --force":   "客诉处理仍有未完成的步骤时也关闭",
		"vipbook task list.short":     "列出未完成的跟进：逾期的、今天的、再是未来几天的，各附数量（--all 包括已关闭的）",
		"vipbook task list --all":     "包括已完成和已取消的跟进",
		"vipbook task list --client":  "只列出这位客户的跟进",
		"vipbook task list --json":    "以 JSON 输出",
		"vipbook task reopen.short":   "撤销一项跟进的完成：重新打开它",
		"vipbook task show.short":     "显示一项跟进及其清单和备注",
		"vipbook task snooze.short":   "把一项跟进推迟到以后某天",
		"vipbook task snooze --until": "它重新出现的日期",

		"vipbook tiers.short": "列出客户及其等级、等级的原因和 RFM 分数",
		"vipbook tiers.long": `tiers 按等级从高到低列出客户，每位附等级的原因（“A：近 12 个月
18,400 CNY，320 位中排第 4”）和 RFM 分数（最近一次、频率、金额，1 到 5）。
等级方案（A-D 金字塔或会员卡方案）来自配置文件；手动为客户指定的等级
优先，并会注明。`,
		"vipbook tiers --date":   "计算等级的日期，YYYY-MM-DD（默认今天）",
		"vipbook tiers --json":   "以 JSON 输出",
		"vipbook tiers --limit":  "最多列出这么多位客户（0：全部）",
		"vipbook tiers --scheme": "使用的等级方案，代替配置文件中的：pyramid 或某个会员卡方案的名称",
		"vipbook tiers --tier":   "只列出这一等级的客户",

		"vipbook visit.short":     "预约到店（当天的简报会显示并附接待卡）",
		"vipbook visit --at":      "时间，格式 \"YYYY-MM-DD HH:MM\"",
		"vipbook visit --minutes": "时长（分钟）",
		"vipbook visit --purpose": "到店的目的",
	}
}
