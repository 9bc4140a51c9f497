package i18n

// enUsage holds the English words of keys_cli.go.
var enUsage map[Key]string

func enUsageTable() map[Key]string {
	return map[Key]string{
		UsageBadChoice:        "%s: %q is not one of %s",
		UsageJSONOrMarkdown:   "choose one of --json and --markdown",
		UsageLimit:            "--limit must be 0 (all) or more, not %d",
		UsageDemoClients:      "--clients is between 1 and 2,000,000",
		UsageMessageKind:      "say which message: --kind KIND (one of %s)",
		UsageMessageTemplates: "the message templates cannot be read: %s",
		UsageHandoverWhich:    "say which clients: exactly one of --all, --clients QUERY or --tier T",
		UsageHandoverOut:      "say where to write the bundle: -o FILE",
		UsageFileExists:       "%s already exists: choose another file name or move that file away",
		UsageCannotRead:       "cannot read %s: %s",
		UsageCannotWrite:      "cannot write %s: %s",
		UsagePassphraseEmpty:  "--passphrase-file %s is empty: write the passphrase in it",
		UsageDateOrder:        "--date-order is dmy (3/4/1985 is 3 April) or mdy (4 March), not %q",
		UsageIsFolder:         "%s is a folder; name a .vcf or .csv file",
		UsageTooBig:           "%s is %d MB; import takes files up to %d MB (split it)",
		UsageExportOut:        "name the file to write with -o FILE (or -o - for the screen)",
		UsageFormat:           "--format is vcf, csv, json or ics, not %q",
		UsageHeaders:          "--headers is en (English column names) or zh (Chinese), not %q",
		UsageNoMatch:          "no client matches %q: try `vipbook search %s` or a phone number",
		UsageManyMatch:        "%d clients match %q; name one by id or phone:\n%s",
		UsageScheme:           "--scheme %q is not a scheme; use %s",
		UsageLang:             "--lang is en or zh, not %q",

		StoreNoBook:      "no book here yet: %s (run `vipbook init --associate NAME` or `vipbook demo`)",
		StoreLocked:      "another vipbook is holding the book %s (a long import or handover?); try again once it has finished",
		StoreNotBook:     "%s is not a vipbook book; it was left untouched: name the book with --book",
		StoreNewerSchema: "the book %s was written by a newer vipbook; update vipbook to open it",
		StoreExists:      "a book already exists at %s",
		StoreReadOnly:    "the book is open read-only",

		OSNotExist:   "there is no such file",
		OSPermission: "permission denied",
		OSIsDir:      "it is a folder",
		OSNoSpace:    "the disk is full",
		OSNotDir:     "a part of the path is a file, not a folder",
		OSReadOnlyFS: "the disk is read-only",
		OSOther:      "%s",
		OSAt:         "%s (%s)",
		OSWriteIn:    "cannot write in %s: %s",

		ImportErrWorkbook:     "%s is a spreadsheet workbook (.xlsx); save it as CSV (UTF-8) and import that",
		ImportErrCalendar:     "%s is an iCalendar file (events, not contacts); import takes vCard (.vcf) or CSV files",
		ImportErrOwnJSON:      "%s is vipbook's own JSON export; import it as a file of its own: vipbook import FILE.json",
		ImportErrBinary:       "%s is not a text file; import takes vCard (.vcf) or CSV files",
		ImportErrEmpty:        "%s is empty: nothing to import",
		ImportErrBadCSV:       "%s, line %d: a quote is not closed, or stands inside a field; fix that line and import again",
		ImportErrNoNameColumn: "no column of %s holds a name (its columns: %s); name one with --map name=COLUMN",
		ImportErrNoRecords:    "nothing to import in %s: its %d contacts were all skipped, each for the reason given",
		ImportErrMapSyntax:    "--map %q: write FIELD=COLUMN, FIELD one of %s",
		ImportErrMapColumn:    "--map %s: the file has no column %q (its columns: %s)",
		ImportErrBadJSON:      "the JSON export cannot be read (%s); export it again",
		ImportErrForeignJSON:  "this JSON comes from another program; export the contacts as vCard (.vcf) and import that",
		ImportErrNewerJSON:    "the export is of version %d, this vipbook reads up to %d: update vipbook",
		ImportErrRecord:       "line %d (%s): %s",
	}
}

// initUsage1 merges the words of keys_cli.go into the catalogs.
func initUsage1() {
	for k, s := range enUsage {
		en[k] = s
	}
	for k, s := range zhUsage {
		zh[k] = s
	}
}
