package i18n

// The English and Chinese of `vipbook task list`'s agenda
// (keys_tasklist.go).

func initTaskList() {
	for k, s := range map[Key]string{
		CliTaskHeadOverdue:  "Overdue: %d",
		CliTaskHeadToday:    "Due today: %d",
		CliTaskHeadAhead:    "Due in the next %d days: %d",
		CliTaskLater:        "%d more due later, the last on %s;\nvipbook task list --days %d lists them",
		CliTaskDaysNegative: "--days %d: say how many days ahead to list, 0 or more (0: overdue and today's only)",
	} {
		en[k] = s
	}
	enOne[CliTaskHeadAhead] = "Due in the next %d day: %d"
	enOne[CliTaskLater] = "%d more due later, on %s;\nvipbook task list --days %d lists it"
	for k, s := range map[Key]string{
		CliTaskHeadOverdue:  "逾期：%d",
		CliTaskHeadToday:    "今天到期：%d",
		CliTaskHeadAhead:    "未来 %d 天内到期：%d",
		CliTaskLater:        "之后还有 %d 项跟进到期，最晚在 %s；\nvipbook task list --days %d 列出它们",
		CliTaskDaysNegative: "--days %d：请说列出未来几天的跟进，0 或更多（0：只列逾期和今天的）",
	} {
		zh[k] = s
	}
	helpEN["vipbook task list --days"] = "list the follow-ups due up to this many days ahead, after the overdue ones and today's (0: none ahead); every open one with --json unless given"
	helpZH["vipbook task list --days"] = "在逾期和今天的跟进之后，列出未来这么多天内到期的（0：不列以后的）；用 --json 且未给出时列出全部未完成的"
}
