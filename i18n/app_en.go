package i18n

// enApp holds the English words of keys_app.go.
var enApp map[Key]string

func enAppTable() map[Key]string {
	return map[Key]string{
		KeyUndo:               "undo tick",
		StatusTaskReopened:    "Reopened: %s.",
		StatusUndoHint:        "Press %s to undo.",
		StatusNothingToUndo:   "Nothing to undo: %s undoes the last follow-up ticked off (a done one can be reopened from the follow-ups or the profile).",
		TasksDoneHere:         "Ticked off in this session (%s): select one and press space to reopen it",
		LinePickKind:          "Note on %s: pick its kind with one key (enter: a plain note, esc: cancel)",
		LineKindPrompt:        "%s on %s:",
		LineRequestPrompt:     "Special request of %s:",
		LineRequestHint:       "what was asked for (enter opens the request, esc cancels)",
		LineKindHint:          "what you learnt (enter saves, esc cancels)",
		StatusRequestOpen:     "Special request opened for %s.",
		KeyAddEntry:           "add size/like/family",
		KeyRemoveEntry:        "remove entry",
		EntrySize:             "size",
		EntryLike:             "like",
		EntryDislike:          "dislike",
		EntryFamily:           "family member",
		LinePickEntry:         "Add to %s's profile: pick with one key (esc: cancel)",
		FieldSizeCategory:     "Category",
		FieldSizeCategoryHint: "shoes, jacket, trousers, ring, dress…",
		FieldSizeValue:        "Size",
		FieldSizeSystem:       "System",
		FieldSizeFit:          "Fit note (narrow foot, slim cut…)",
		FieldSizeTaken:        "Taken on",
		FieldLike:             "Likes",
		FieldLikeKind:         "What about",
		FieldEntryNote:        "Note",
		FieldDislike:          "Dislikes",
		FieldRelation:         "Relation",
		FieldRelationHint:     "spouse, child, parent, assistant…",
		ErrEntryRequired:      "This field is needed: type it, or esc to leave the form.",
		FormSizeTitle:         "A size of %s",
		FormLikeTitle:         "Something %s likes",
		FormDislikeTitle:      "Something %s dislikes",
		FormFamilyTitle:       "Family and relations of %s",
		LineRemoveEntry:       "Remove \"%s\" from %s's profile? enter: remove, esc: keep",
		StatusEntryRemoved:    "Removed: %s.",
		ProfEntriesHint:       "+ adds a size, a like, a dislike or a family member; e changes the one selected, del removes it",
	}
}

func initAppEn1() {
	for k, s := range enApp {
		en[k] = s
	}
	for k, s := range zhApp {
		zh[k] = s
	}
}
