package i18n

// zhApp holds the Chinese words of keys_app.go.
var zhApp map[Key]string

func zhAppTable() map[Key]string {
	return map[Key]string{
		KeyUndo:               "撤销勾选",
		StatusTaskReopened:    "已重新打开：%s。",
		StatusUndoHint:        "按 %s 撤销。",
		StatusNothingToUndo:   "没有可撤销的操作：%s 撤销刚勾选完成的跟进（已完成的跟进可在跟进页或客户资料中重新打开）。",
		TasksDoneHere:         "本次已完成（%s）：选中后按空格重新打开",
		LinePickKind:          "为%s记录：按一个键选择类型（enter：普通记录，esc：取消）",
		LineKindPrompt:        "%s（%s）：",
		LineRequestPrompt:     "%s的特别需求：",
		LineRequestHint:       "客户想要什么（enter 登记需求，esc 取消）",
		LineKindHint:          "了解到的情况（enter 保存，esc 取消）",
		StatusRequestOpen:     "已为%s登记特别需求。",
		KeyAddEntry:           "添加尺码/喜好/家人",
		KeyRemoveEntry:        "删除条目",
		EntrySize:             "尺码",
		EntryLike:             "喜欢",
		EntryDislike:          "不喜欢",
		EntryFamily:           "家人",
		LinePickEntry:         "为%s的资料添加：按一个键选择（esc：取消）",
		FieldSizeCategory:     "品类",
		FieldSizeCategoryHint: "鞋、外套、裤子、戒指、连衣裙…",
		FieldSizeValue:        "尺码",
		FieldSizeSystem:       "尺码标准",
		FieldSizeFit:          "版型备注（脚偏窄、修身…）",
		FieldSizeTaken:        "测量日期",
		FieldLike:             "喜欢",
		FieldLikeKind:         "类别",
		FieldEntryNote:        "备注",
		FieldDislike:          "不喜欢",
		FieldRelation:         "关系",
		FieldRelationHint:     "配偶、子女、父母、助理…",
		ErrEntryRequired:      "此项必填：请填写，或按 esc 离开表单。",
		FormSizeTitle:         "%s的尺码",
		FormLikeTitle:         "%s喜欢的",
		FormDislikeTitle:      "%s不喜欢的",
		FormFamilyTitle:       "%s的家人与关系",
		LineRemoveEntry:       "从%[2]s的资料中删除“%[1]s”？enter：删除，esc：保留",
		StatusEntryRemoved:    "已删除：%s。",
		ProfEntriesHint:       "+ 添加尺码、喜好、不喜欢或家人；e 修改选中的条目，del 删除",
	}
}
