package i18n

// enApp holds the English words of keys_app.go.
var enApp map[Key]string

func enAppTable() map[Key]string {
	return map[Key]string{
		KeyUndo:               "undo tick",
		StatusTaskReopened:    "Reopened: %s.",
		StatusUndoHint:        "Press %s to undo.",
		StatusCloseAnyway:     "Close the case anyway? Press %[2]s again to close it, any other key keeps it open. %[1]s",
		StatusNothingToUndo:   "Nothing to undo: %s undoes the last follow-up ticked off (a done one can be reopened from the follow-ups or the profile).",
		TasksDoneHere:         "Ticked off in this session (%s): select one and press space to reopen it",
		LinePickKind:          "Note on %s: pick its kind with one key (enter: a plain note, esc: cancel)",
		LineKindPrompt:        "%s on %s:",
		LineRequestPrompt:     "Special request of %s:",
		LineRequestHint:       "what was asked for (enter opens the request, esc cancels)",
		LineKindHint:          "what you learnt (enter saves, esc cancels)",
		StatusRequestOpen:     "Special request opened for %s.",
		KeyAddEntry:           "add to profile",
		KeyRemoveEntry:        "remove entry",
		EntrySize:             "size",
		EntryLike:             "like",
		EntryDislike:          "dislike",
		EntryFamily:           "family",
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
		ProfEntriesHint:       "+ adds a size, a like, a dislike, family, a measurement, a date, a card or a gift; e changes the one selected, del removes it",
		EntryMeasure:          "measure",
		EntryDate:             "date",
		EntryCard:             "card",
		EntryGift:             "gift",
		FieldMeasureName:      "Measurement (chest, waist, sleeve, ring inner diameter…)",
		FieldMeasureValue:     "Value",
		FieldMeasureUnit:      "Unit",
		FieldDateKind:         "Kind of date",
		FieldDateWhen:         "Day",
		FieldDateLunar:        "Lunar calendar date?",
		FieldDateLabel:        "Label (first date, Lily's graduation…)",
		FieldDateFor:          "Whose (a family member's name; empty: the client's own)",
		FieldDateLead:         "Days ahead to prepare a gift or card (empty: %d, from the settings)",
		ErrDateRequired:       "The day is needed: type MM-DD, YYYY-MM-DD or 农历八月十五, or esc to leave the form.",
		ErrLeadBad:            "\"%s\" is not a number of days: type a whole number from 0 to 365 (14), or leave it empty for the settings' %d.",
		FieldCardProgram:      "Programme",
		FieldCardNumber:       "Card number",
		FieldCardLevel:        "Level",
		FieldCardPoints:       "Points",
		FieldCardExpires:      "Expires on",
		ErrPointsBad:          "\"%s\" is not a number of points: type a whole number (1200), or leave it empty.",
		FieldGiftWhat:         "What was given or sent",
		FieldGiftDate:         "Given on",
		FieldGiftFor:          "For which date",
		GiftForNone:           "no date in particular",
		FormMeasureTitle:      "A made-to-order measurement of %s",
		FormDateTitle:         "An important date of %s",
		FormCardTitle:         "A membership card of %s",
		FormGiftTitle:         "A gift or card for %s",
		ProfMeasurements:      "Made-to-order measurements",
		ProfCards:             "Membership cards",
		ProfGiftLog:           "Gifts given",
		ProfLastGift:          "last gift %s",
		ProfGiftFor:           "for %s",
		StatusGiftTicked:      "Gift logged for %s; the greeting follow-up is ticked off.",
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
