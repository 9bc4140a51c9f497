package i18n

// zhApp holds the Chinese words of keys_app.go.
var zhApp = map[Key]string{
	KeyUndo:             "撤销勾选",
	StatusTaskReopened:  "已重新打开：%s。",
	StatusUndoHint:      "按 %s 撤销。",
	StatusNothingToUndo: "没有可撤销的操作：%s 撤销刚勾选完成的跟进（已完成的跟进可在跟进页或客户资料中重新打开）。",
	TasksDoneHere:       "本次已完成（%s）：选中后按空格重新打开",
	LinePickKind:        "为%s记录：按一个键选择类型（enter：普通记录，esc：取消）",
	LineKindPrompt:      "%s（%s）：",
	LineRequestPrompt:   "%s的特别需求：",
	LineRequestHint:     "客户想要什么（enter 登记需求，esc 取消）",
	LineKindHint:        "了解到的情况（enter 保存，esc 取消）",
	StatusRequestOpen:   "已为%s登记特别需求。",
}
