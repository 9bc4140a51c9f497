package i18n

// Keys of `vipbook task list`'s agenda: its headings, the count of the
// later follow-ups and the refusal of a negative --days (tasklist.go).
const (
	CliTaskHeadOverdue  Key = "cli.task.head_overdue"
	CliTaskHeadToday    Key = "cli.task.head_today"
	CliTaskHeadAhead    Key = "cli.task.head_ahead"
	CliTaskLater        Key = "cli.task.later"
	CliTaskDaysNegative Key = "cli.task.days_negative"
)
