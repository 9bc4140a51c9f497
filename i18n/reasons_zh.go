package i18n

// zhReasons holds the words of the reasons (keys.go).
var zhReasons map[Key]string

func zhReasonsTable() map[Key]string {
	return map[Key]string{
		ReasonLate:          "逾期 %d 天",
		ReasonDueOn:         "跟进应于 %s 完成",
		ReasonDueToday:      "今天到期的跟进",
		ReasonWishesToday:   "今天就要送上祝福",
		ReasonExpectedAt:    "今天 %s 到店",
		ReasonDate:          "%[2]s%[1]s",
		ReasonDateLunar:     "（%s）",
		ReasonDateOn:        "，%s",
		ReasonRequestOpen:   "特别需求已等待 %d 天（%s 起）",
		ReasonWaitingWeeks:  "已超过 %d 周",
		ReasonFestival:      "%[2]s%[1]s（%[3]s）",
		ReasonFestivalTier:  "涉及 %d 位客户，其中有 %s 级客户",
		ReasonNoted:         "%s记录：%s",
		ReasonTierSpend:     "等级 %s：近 12 个月消费 %s，排名第 %d / %d",
		ReasonTierByHand:    "等级 %s（手动设定）",
		ReasonTier:          "等级 %s",
		ReasonNoContact:     "加入 %d 天来没有联系记录",
		ReasonLastContact:   "上次联系在 %d 天前",
		ReasonSpecialPerson: "特殊关照：%s",
		LapseAway:           "已 %d 天未到店（上次 %s）",
		LapseRhythm:         "；平时约每 %d 天来一次",
		LapseByRhythm:       "，超过 %d 天即为流失",
		LapseByTier:         "；%s客户超过 %d 天即为流失",
	}
}
