package i18n

// The English and Chinese of the app's reads of the book that failed
// (keys_reading.go).

func initReading() {
	for k, s := range map[Key]string{
		AppReadingVisits:   "Today's visits could not be read (%s).",
		AppReadingTasks:    "The follow-ups could not be read (%s).",
		AppReadingDone:     "The follow-ups ticked off could not be read (%s).",
		AppReadingClient:   "The client could not be read (%s).",
		AppReadingClients:  "The clients could not be read (%s).",
		AppReadingDrafts:   "The drafts could not be read (%s).",
		AppReadingBriefing: "The briefing could not be read (%s).",
		AppReadingReport:   "The report could not be read (%s).",
		AppReadingHeld:     "another vipbook is writing to the book; try again once it has finished",
	} {
		en[k] = s
	}
	for k, s := range map[Key]string{
		AppReadingVisits:   "无法读取今日到店（%s）。",
		AppReadingTasks:    "无法读取跟进事项（%s）。",
		AppReadingDone:     "无法读取已完成的跟进（%s）。",
		AppReadingClient:   "无法读取客户资料（%s）。",
		AppReadingClients:  "无法读取客户列表（%s）。",
		AppReadingDrafts:   "无法读取草稿（%s）。",
		AppReadingBriefing: "无法读取今日简报（%s）。",
		AppReadingReport:   "无法读取报告（%s）。",
		AppReadingHeld:     "另一个 vipbook 正在写入客户册；请等它完成后再试",
	} {
		zh[k] = s
	}
}
