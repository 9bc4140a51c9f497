package i18n

// enApp holds the English words of keys_app.go.
var enApp = map[Key]string{
	KeyUndo:             "undo tick",
	StatusTaskReopened:  "Reopened: %s.",
	StatusUndoHint:      "Press %s to undo.",
	StatusNothingToUndo: "Nothing to undo: %s undoes the last follow-up ticked off (a done one can be reopened from the follow-ups or the profile).",
	TasksDoneHere:       "Ticked off in this session (%s): select one and press space to reopen it",
	LinePickKind:        "Note on %s: pick its kind with one key (enter: a plain note, esc: cancel)",
	LineKindPrompt:      "%s on %s:",
	LineRequestPrompt:   "Special request of %s:",
	LineRequestHint:     "what was asked for (enter opens the request, esc cancels)",
	LineKindHint:        "what you learnt (enter saves, esc cancels)",
	StatusRequestOpen:   "Special request opened for %s.",
}

func init() {
	for k, s := range enApp {
		en[k] = s
	}
	for k, s := range zhApp {
		zh[k] = s
	}
}
