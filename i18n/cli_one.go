package i18n

// enOneCLI holds the English of the command line's counted texts when the
// count is 1 (see Catalog.N).
var enOneCLI map[Key]string

func enOneCLITable() map[Key]string {
	return map[Key]string{
		CliBriefDaysAgo:                 "%d day ago",
		CliBackupMoreProblems:           "and %d more problem",
		CliBriefDaysLate:                "%d day late",
		CliBriefFestivalClients:         "%d client, first %s",
		CliBriefInDays:                  "in %d day",
		CliBriefLateDue:                 "%d day late, due %s",
		CliCountAppointments:            "%d appointment",
		CliCountClients:                 "%d client",
		CliInterchangeExportedClientsTo: "Exported %d client to %s (%s).",
		CliInterchangeNoteDays:          "the day and kind of %d note",
		CliInterchangeNotesLeftOut:      "%d older note that does not fit in a spreadsheet cell",
		CliInterchangeExportControls:    "%d text held control characters (a terminal would obey them): the file holds them as visible symbols (␛ for ESC, \\u202e for a right-to-left override), as vipbook shows them.",
		CliInterchangeLeftOutSpecial:    "The special-person flags of %d client (pregnant, disability, health and their note) were left out, as they are sensitive: --special includes them.",
		CliCountConflicts:               "%d conflict",
		CliCountDrafts:                  "%d unsaved draft",
		CliCountIntroduce:               "%d introduce-yourself task",
		CliCountMentions:                "%d rule task of another client naming them",
		CliCountNotes:                   "%d note",
		CliCountOpenTasks:               "%d open task",
		CliCountProblems:                "%d problem",
		CliCountPurchases:               "%d purchase",
		CliCountRequests:                "%d request",
		CliCountRequestsPlain:           "%d request",
		CliCountRemoved:                 "%d removed note or purchase",
		CliCountTasks:                   "%d task",
		CliCountVisits:                  "%d visit",
	}
}
