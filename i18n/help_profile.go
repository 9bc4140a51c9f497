package i18n

// The help of the profile's entry commands (size, like, dislike, measure,
// date, family, card, gift), added to helpEN and helpZH.
func initHelpProfile1() {
	for k, s := range helpProfileEN {
		helpEN[k] = s
	}
	for k, s := range helpProfileZH {
		helpZH[k] = s
	}
}

var helpProfileEN map[string]string

func helpProfileENTable() map[string]string {
	return map[string]string{
		"vipbook size.short":    "Record a size (shoes 39 --system EU); the older one stays as history. Without CATEGORY: list the sizes",
		"vipbook size --system": "size system: EU, US, UK, FR, IT, DE, JP, CN, HK, KR, AU, INT (letter sizes), cm, mm, in",
		"vipbook size --fit":    "a fit note: \"narrow foot\", \"slim cut\"",
		"vipbook size --date":   "the day the size was taken (default today)",
		"vipbook size --remove": "remove the category's sizes, history included",
		"vipbook size --json":   "print as JSON",

		"vipbook like.short":         "Record something the client likes (--category colour|fabric|brand|style|line|occasion|other); without TEXT: list the likes",
		"vipbook like --category":    "colour, fabric, brand, style, line, occasion or other",
		"vipbook like --remove":      "remove it",
		"vipbook like --json":        "print as JSON",
		"vipbook dislike.short":      "Record something the client does not want (--category as for like); without TEXT: list the dislikes",
		"vipbook dislike --category": "colour, fabric, brand, style, line, occasion or other",
		"vipbook dislike --remove":   "remove it",
		"vipbook dislike --json":     "print as JSON",

		"vipbook measure.short":    "Record a made-to-order measurement (chest 98 --unit cm); without NAME: list them",
		"vipbook measure --unit":   "unit of the value: cm, mm or in",
		"vipbook measure --date":   "the day it was taken (default today)",
		"vipbook measure --remove": "remove the measurement, history included",
		"vipbook measure --json":   "print as JSON",

		"vipbook date.short":       "Important dates of a client, each with its own lead time: add, list, rm",
		"vipbook date add.short":   "Add an important date (lunar: --lunar, or 农历八月十五)",
		"vipbook date add --kind":  "birthday, anniversary, child_birthday, family_birthday, first_purchase or custom",
		"vipbook date add --date":  "MM-DD or YYYY-MM-DD; lunar: --lunar, or 农历八月十五",
		"vipbook date add --label": "what the date is (\"first date\")",
		"vipbook date add --lunar": "the date is a lunar month and day",
		"vipbook date add --lead":  "days ahead to prepare a card or gift (default from the config, 14)",
		"vipbook date add --for":   "the person whose date it is, when not the client's own",
		"vipbook date add --json":  "print the date as JSON",
		"vipbook date list.short":  "List a client's important dates with their ids, lead days and next day",
		"vipbook date list --json": "print as JSON",
		"vipbook date rm.short":    "Remove an important date (its id from `vipbook date list`)",
		"vipbook date rm --json":   "print the client as JSON",

		"vipbook family.short":          "The client's household and relations: add, list, rm",
		"vipbook family add.short":      "Add a family member or relation (their birthday comes on the briefing)",
		"vipbook family add --relation": "spouse, partner, child, parent, assistant or other",
		"vipbook family add --birthday": "their birthday: MM-DD, YYYY-MM-DD, or lunar (农历八月十五, --lunar)",
		"vipbook family add --lunar":    "the birthday is a lunar month and day",
		"vipbook family add --client":   "the member is also a client of the book (id, phone or name)",
		"vipbook family add --json":     "print the client as JSON",
		"vipbook family list.short":     "List the client's family and relations",
		"vipbook family list --json":    "print as JSON",
		"vipbook family rm.short":       "Remove a family member (and the birthday kept for them)",
		"vipbook family rm --json":      "print the client as JSON",

		"vipbook card.short":         "Membership cards (the number finds the client as a phone does): add, list, rm",
		"vipbook card add.short":     "Add a membership card",
		"vipbook card add --program": "the programme the card belongs to",
		"vipbook card add --level":   "the card's level",
		"vipbook card add --points":  "the points on the card",
		"vipbook card add --expires": "the day the card expires",
		"vipbook card add --json":    "print the client as JSON",
		"vipbook card list.short":    "List the client's membership cards",
		"vipbook card list --json":   "print as JSON",
		"vipbook card rm.short":      "Remove a membership card",
		"vipbook card rm --json":     "print the client as JSON",

		"vipbook gift.short":    "Log a gift or card given (--for DATE-ID marks the date's gift prepared and ticks its greeting); without TEXT: list the gifts",
		"vipbook gift --for":    "the date it is for (its id from `vipbook date list`)",
		"vipbook gift --date":   "the day it was given or sent (default today)",
		"vipbook gift --remove": "remove the gift with this id (g1, g2 ...)",
		"vipbook gift --json":   "print as JSON",
	}
}

var helpProfileZH map[string]string

func helpProfileZHTable() map[string]string {
	return map[string]string{
		"vipbook size.short":    "记录尺码（鞋 39 --system EU）；旧尺码保留为历史。不写品类则列出尺码",
		"vipbook size --system": "尺码体系：EU、US、UK、FR、IT、DE、JP、CN、HK、KR、AU、INT（字母尺码）、cm、mm、英寸（也可写 欧码、美码、国际码 等）",
		"vipbook size --fit":    "版型备注：“脚背窄”“修身”",
		"vipbook size --date":   "量尺码的日期（默认今天）",
		"vipbook size --remove": "删除该品类的尺码，连同历史",
		"vipbook size --json":   "以 JSON 输出",

		"vipbook like.short":         "记录客户喜欢的东西（--category colour|fabric|brand|style|line|occasion|other）；不写内容则列出",
		"vipbook like --category":    "colour（颜色）、fabric（面料）、brand（品牌）、style（款式）、line（系列）、occasion（场合）或 other（其他）",
		"vipbook like --remove":      "删除这一条",
		"vipbook like --json":        "以 JSON 输出",
		"vipbook dislike.short":      "记录客户不想要的东西（--category 同 like）；不写内容则列出",
		"vipbook dislike --category": "colour（颜色）、fabric（面料）、brand（品牌）、style（款式）、line（系列）、occasion（场合）或 other（其他）",
		"vipbook dislike --remove":   "删除这一条",
		"vipbook dislike --json":     "以 JSON 输出",

		"vipbook measure.short":    "记录定制尺寸（胸围 98 --unit cm）；不写名称则列出",
		"vipbook measure --unit":   "数值的单位：cm、mm 或英寸（也可写 厘米、毫米）",
		"vipbook measure --date":   "量的日期（默认今天）",
		"vipbook measure --remove": "删除该尺寸，连同历史",
		"vipbook measure --json":   "以 JSON 输出",

		"vipbook date.short":       "客户的重要日子，各有自己的提前天数：add、list、rm",
		"vipbook date add.short":   "添加重要日子（农历：--lunar，或 农历八月十五）",
		"vipbook date add --kind":  "birthday（生日）、anniversary（结婚纪念日）、child_birthday（孩子生日）、family_birthday（家人生日）、first_purchase（首次购买纪念日）或 custom（自定义）",
		"vipbook date add --date":  "MM-DD 或 YYYY-MM-DD；农历：--lunar，或 农历八月十五",
		"vipbook date add --label": "这一天是什么（“初次约会”）",
		"vipbook date add --lunar": "该日期为农历月日",
		"vipbook date add --lead":  "提前几天准备贺卡或礼物（默认取自配置，14 天）",
		"vipbook date add --for":   "这一天属于谁（不是客户本人时）",
		"vipbook date add --json":  "以 JSON 输出该日期",
		"vipbook date list.short":  "列出客户的重要日子，含编号、提前天数和下一次日期",
		"vipbook date list --json": "以 JSON 输出",
		"vipbook date rm.short":    "删除一个重要日子（编号见 `vipbook date list`）",
		"vipbook date rm --json":   "以 JSON 输出客户",

		"vipbook family.short":          "客户的家人与关系：add、list、rm",
		"vipbook family add.short":      "添加家人或关系人（其生日会出现在简报上）",
		"vipbook family add --relation": "spouse（配偶）、partner（伴侣）、child（子女）、parent（父母）、assistant（助理）或 other（其他）",
		"vipbook family add --birthday": "其生日：MM-DD、YYYY-MM-DD 或农历（农历八月十五，--lunar）",
		"vipbook family add --lunar":    "生日为农历月日",
		"vipbook family add --client":   "此人也是客户册中的客户（编号、电话或姓名）",
		"vipbook family add --json":     "以 JSON 输出客户",
		"vipbook family list.short":     "列出客户的家人与关系",
		"vipbook family list --json":    "以 JSON 输出",
		"vipbook family rm.short":       "删除一位家人（及为其记录的生日）",
		"vipbook family rm --json":      "以 JSON 输出客户",

		"vipbook card.short":         "会员卡（卡号与电话一样能找到客户）：add、list、rm",
		"vipbook card add.short":     "添加会员卡",
		"vipbook card add --program": "会员卡所属的会员计划",
		"vipbook card add --level":   "会员卡等级",
		"vipbook card add --points":  "卡上积分",
		"vipbook card add --expires": "会员卡到期日",
		"vipbook card add --json":    "以 JSON 输出客户",
		"vipbook card list.short":    "列出客户的会员卡",
		"vipbook card list --json":   "以 JSON 输出",
		"vipbook card rm.short":      "删除一张会员卡",
		"vipbook card rm --json":     "以 JSON 输出客户",

		"vipbook gift.short":    "记录送出的礼物或贺卡（--for 日期编号：标记该日子的礼物已准备并完成其祝福跟进）；不写内容则列出礼物",
		"vipbook gift --for":    "礼物是为哪个日子准备的（编号见 `vipbook date list`）",
		"vipbook gift --date":   "送出或寄出的日期（默认今天）",
		"vipbook gift --remove": "删除该编号的礼物（g1、g2 等）",
		"vipbook gift --json":   "以 JSON 输出",
	}
}
