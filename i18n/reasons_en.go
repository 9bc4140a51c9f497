package i18n

// enReasons holds the words of the reasons (keys.go).
var enReasons map[Key]string

func enReasonsTable() map[Key]string {
	return map[Key]string{
		ReasonLate:          "%d days late",
		ReasonDueOn:         "follow-up due %s",
		ReasonDueToday:      "follow-up due today",
		ReasonWishesToday:   "the wishes are due today",
		ReasonExpectedAt:    "expected today at %s",
		ReasonDate:          "%s %s",
		ReasonDateLunar:     " (%s)",
		ReasonDateOn:        ", on %s",
		ReasonRequestOpen:   "special request open %d days (since %s)",
		ReasonWaitingWeeks:  "waiting over %d weeks",
		ReasonFestival:      "%s %s (%s)",
		ReasonFestivalTier:  "matters to %d clients, tier %s among them",
		ReasonNoted:         "noted %s: %s",
		ReasonTierSpend:     "tier %s: %s in 12 months, rank %d of %d",
		ReasonTierByHand:    "tier %s (set by hand)",
		ReasonTier:          "tier %s",
		ReasonNoContact:     "no contact logged in the %d days since added",
		ReasonLastContact:   "last contact %d days ago",
		ReasonSpecialPerson: "special person: %s",
		LapseAway:           "away %d days (last visit %s)",
		LapseRhythm:         "; usually every %d days",
		LapseByRhythm:       ", lapsed after %d",
		LapseByTier:         "; %s clients lapse after %d days",
	}
}

// enOneReasons holds their singular forms (Catalog.N).
var enOneReasons map[Key]string

func enOneReasonsTable() map[Key]string {
	return map[Key]string{
		ReasonLate:         "%d day late",
		ReasonRequestOpen:  "special request open %d day (since %s)",
		ReasonWaitingWeeks: "waiting over %d week",
		ReasonFestivalTier: "matters to %d client, tier %s among them",
		ReasonNoContact:    "no contact logged in the %d day since added",
		ReasonLastContact:  "last contact %d day ago",
		LapseAway:          "away %d day (last visit %s)",
		LapseRhythm:        "; usually every %d day",
		LapseByTier:        "; %s clients lapse after %d day",
	}
}
