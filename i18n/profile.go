package i18n

// The English and Chinese of the profile's entries (keys.go and keys_cli.go).

func initProfile1() {
	for k, s := range enProfile {
		en[k] = s
	}
	for k, s := range zhProfile {
		zh[k] = s
	}
	enOne[CliProfileLead] = "%d day ahead"
	enOne[CliProfilePoints] = "%s point"
}

// enProfile is the English of the profile's entries.
var enProfile map[Key]string

func enProfileTable() map[Key]string {
	return map[Key]string{
		PrefLine:                     "Lines",
		PrefOccasion:                 "Occasions",
		PrefOther:                    "Other",
		ErrEntryEmpty:                "Nothing to record: the %s is empty.",
		ErrNoEntry:                   "The client has no %q to remove: `vipbook show CLIENT` lists what is recorded.",
		ErrNoDate:                    "The client has no date %q: `vipbook date list CLIENT` shows the dates' ids.",
		ErrCardTaken:                 "Card %s already belongs to %s: open that client instead, or merge the two.",
		ErrBadDay:                    "%s is not a day of the year: write MM-DD or YYYY-MM-DD.",
		CliProfileBorn:               "born %s",
		CliProfileBriefGiftReady:     "; gift or card prepared",
		CliProfileBriefGiftNotYet:    "; no gift or card prepared yet",
		CliProfileCardProgram:        "say which programme card %s belongs to: --program NAME",
		CliProfileCards:              "Membership cards",
		CliProfileDateAdded:          "Added date %s to %s: %s %s, prepared %d days ahead",
		CliProfileDateFor:            "%s's %s",
		CliProfileDateUsage:          "say which day: --date MM-DD, YYYY-MM-DD or \"lunar 08-15\"",
		CliProfileDisliked:           "Noted on %s: does not want %s",
		CliProfileEarlier:            "earlier",
		CliProfileExpires:            "expires %s",
		CliProfileGiftLogged:         "Logged gift %s for %s: %s on %s",
		CliProfileGiftNotYet:         "no gift or card prepared yet",
		CliProfileGiftReady:          "gift or card prepared",
		CliProfileGifts:              "Gifts",
		CliProfileLead:               "%d days ahead",
		CliProfileLeadNegative:       "the lead time is a number of days, 0 or more",
		CliProfileLiked:              "Noted on %s: likes %s",
		CliProfileLikes:              "Likes",
		CliProfileLunarNeedsBirthday: "--lunar goes with --birthday (the lunar month and day)",
		CliProfileMeasureUsage:       "say what and how much: vipbook measure CLIENT NAME VALUE [--unit cm]",
		CliProfileMeasurements:       "Measurements",
		CliProfileNoDates:            "%s has no dates yet: vipbook date add CLIENT --kind birthday --date MM-DD",
		CliProfileNoFamily:           "%s has no family members yet: vipbook family add CLIENT NAME --relation spouse",
		CliProfileNoCards:            "%s has no membership cards yet: vipbook card add CLIENT NUMBER --program NAME",
		CliProfileNoGifts:            "%s has no gifts logged yet: vipbook gift CLIENT TEXT",
		CliProfileNoSizes:            "%s has no sizes yet: vipbook size CLIENT CATEGORY VALUE [--system EU]",
		CliProfileNoMeasurements:     "%s has no measurements yet: vipbook measure CLIENT NAME VALUE [--unit cm]",
		CliProfileNoLikes:            "%s has no likes noted yet: vipbook like CLIENT TEXT [--category colour]",
		CliProfileNoDislikes:         "%s has no dislikes noted yet: vipbook dislike CLIENT TEXT [--category colour]",
		CliProfilePoints:             "%s points",
		CliProfileRecorded:           "Recorded on %s: %s",
		CliProfileRemoveUsage:        "say what to remove: %s",
		CliProfileSizeRemove:         "vipbook size CLIENT CATEGORY --remove",
		CliProfileMeasureRemove:      "vipbook measure CLIENT NAME --remove",
		CliProfileLikeRemove:         "vipbook %s CLIENT TEXT --remove",
		CliProfileRemoved:            "Removed from %s: %s",
		CliProfileSizeUsage:          "say the category and the size: vipbook size CLIENT CATEGORY VALUE [--system EU]",
		CliProfileStore:              "Store",
		CliProfileTicked:             "Ticked follow-up %s: %s",
	}
}

// zhProfile is the Chinese of the profile's entries.
var zhProfile map[Key]string

func zhProfileTable() map[Key]string {
	return map[Key]string{
		PrefLine:                     "系列",
		PrefOccasion:                 "场合",
		PrefOther:                    "其他",
		ErrEntryEmpty:                "没有可记录的内容：%s 为空。",
		ErrNoEntry:                   "该客户没有可删除的“%s”：`vipbook show 客户` 可查看已记录的内容。",
		ErrNoDate:                    "该客户没有日期“%s”：`vipbook date list 客户` 可查看日期编号。",
		ErrCardTaken:                 "会员卡 %s 已属于 %s：请打开那位客户，或合并两位客户。",
		ErrBadDay:                    "%s 不是一年中的某一天：请写 MM-DD 或 YYYY-MM-DD。",
		CliProfileBorn:               "生日 %s",
		CliProfileBriefGiftReady:     "；礼物或贺卡已准备",
		CliProfileBriefGiftNotYet:    "；礼物或贺卡尚未准备",
		CliProfileCardProgram:        "请说明会员卡 %s 属于哪个会员计划：--program 名称",
		CliProfileCards:              "会员卡",
		CliProfileDateAdded:          "已为 %[2]s 添加日期 %[1]s：%[3]s %[4]s，提前 %[5]d 天准备",
		CliProfileDateFor:            "%s的%s",
		CliProfileDateUsage:          "请给出日期：--date MM-DD、YYYY-MM-DD 或 农历八月十五",
		CliProfileDisliked:           "已记录 %s 不喜欢：%s",
		CliProfileEarlier:            "此前",
		CliProfileExpires:            "%s 到期",
		CliProfileGiftLogged:         "已记录礼物 %[1]s（%[2]s）：%[4]s %[3]s",
		CliProfileGiftNotYet:         "礼物或贺卡尚未准备",
		CliProfileGiftReady:          "礼物或贺卡已准备",
		CliProfileGifts:              "礼物",
		CliProfileLead:               "提前 %d 天",
		CliProfileLeadNegative:       "提前天数须为 0 或以上的整数",
		CliProfileLiked:              "已记录 %s 喜欢：%s",
		CliProfileLikes:              "喜欢",
		CliProfileLunarNeedsBirthday: "--lunar 需与 --birthday（农历月日）一起使用",
		CliProfileMeasureUsage:       "请说明量的部位和数值：vipbook measure 客户 名称 数值 [--unit cm]",
		CliProfileMeasurements:       "定制尺寸",
		CliProfileNoDates:            "%s 还没有重要日期：vipbook date add 客户 --kind birthday --date MM-DD",
		CliProfileNoFamily:           "%s 还没有家人资料：vipbook family add 客户 姓名 --relation spouse",
		CliProfileNoCards:            "%s 还没有会员卡：vipbook card add 客户 卡号 --program 计划名称",
		CliProfileNoGifts:            "%s 还没有送礼记录：vipbook gift 客户 内容",
		CliProfileNoSizes:            "%s 还没有尺码：vipbook size 客户 类别 尺码 [--system EU]",
		CliProfileNoMeasurements:     "%s 还没有定制尺寸：vipbook measure 客户 名称 数值 [--unit cm]",
		CliProfileNoLikes:            "%s 还没有记下喜欢的：vipbook like 客户 内容 [--category colour]",
		CliProfileNoDislikes:         "%s 还没有记下不喜欢的：vipbook dislike 客户 内容 [--category colour]",
		CliProfilePoints:             "%s 积分",
		CliProfileRecorded:           "已记录到 %s：%s",
		CliProfileRemoveUsage:        "请说明要删除的内容：%s",
		CliProfileSizeRemove:         "vipbook size 客户 品类 --remove",
		CliProfileMeasureRemove:      "vipbook measure 客户 名称 --remove",
		CliProfileLikeRemove:         "vipbook %s 客户 内容 --remove",
		CliProfileRemoved:            "已从 %s 删除：%s",
		CliProfileSizeUsage:          "请给出品类和尺码：vipbook size 客户 品类 尺码 [--system EU]",
		CliProfileStore:              "门店",
		CliProfileTicked:             "已完成跟进 %s：%s",
	}
}
