package i18n

// enOneApp holds the singular forms of the app's counted texts (keys.go).
var enOneApp map[Key]string

func enOneAppTable() map[Key]string {
	return map[Key]string{
		DateYears:        "(%d year)",
		HoExported:       "Handed %d client over to %s (notes %d, purchases %d, open tasks %d): %s",
		CardValueText:    "%s in 12 months, %d visit",
		WhenInDays:       "in %d day",
		WhenDaysAgo:      "%d day ago",
		WhenLate:         "%d day late",
		WhenWaiting:      "waiting %d day",
		WhenAway:         "away %d day",
		ProfValueText:    "%s %s in 12 months, %s this year; all time %s, %d visit, average ticket %s",
		ReportPurchases:  "%d purchase",
		BriefAheadMore:   "and %d more: see the follow-ups (3)",
		ReportYears:      ", %d year",
		ReportVisits:     "%d visit, last %s",
		ReportTicketLine: "average of %d purchase, %s in 12 months",
		ReportDaysAway:   "%d day away (last visit %s)",
		ReportRhythm:     ", usually every %d day",
		HoConfirmTitle:   "Hand %d client over to %s?",
	}
}
