package i18n

// The command line's refusals of what was typed (a flag's value, a missing
// file name, a file that cannot be read) and the import's refusals of a
// file, each said in the language in use.
const (
	// UsageBadChoice: a flag's value is not one it takes.
	UsageBadChoice Key = "usage.bad_choice" // the flag, the value, the values it takes
	// UsageJSONOrMarkdown: brief --json and --markdown together.
	UsageJSONOrMarkdown Key = "usage.json_or_markdown"
	// UsageLimit: --limit below 0.
	UsageLimit Key = "usage.limit" // the value
	// UsageDemoClients: demo --clients out of range.
	UsageDemoClients Key = "usage.demo_clients"
	// UsageMessageKind: message without --kind.
	UsageMessageKind Key = "usage.message_kind" // the kinds
	// UsageMessageTemplates: the message templates cannot be read.
	UsageMessageTemplates Key = "usage.message_templates" // why
	// UsageHandoverWhich: handover export names no clients, or several ways.
	UsageHandoverWhich Key = "usage.handover_which"
	// UsageHandoverOut: handover export without -o.
	UsageHandoverOut Key = "usage.handover_out"
	// UsageFileExists: a file to write is already there.
	UsageFileExists Key = "usage.file_exists" // the path
	// UsageCannotRead: a file cannot be read.
	UsageCannotRead Key = "usage.cannot_read" // the path, why (OSReason)
	// UsageCannotWrite: a file cannot be written.
	UsageCannotWrite Key = "usage.cannot_write" // the path, why (OSReason)
	// UsagePassphraseEmpty: --passphrase-file holds nothing.
	UsagePassphraseEmpty Key = "usage.passphrase_empty" // the path
	// UsageDateOrder: --date-order is neither dmy nor mdy.
	UsageDateOrder Key = "usage.date_order" // the value
	// UsageIsFolder: import was given a folder.
	UsageIsFolder Key = "usage.is_folder" // the path
	// UsageTooBig: a file to import is over the limit.
	UsageTooBig Key = "usage.too_big" // the path, its MB, the limit in MB
	// UsageExportOut: export without -o.
	UsageExportOut Key = "usage.export_out"
	// UsageFormat: --format names no format.
	UsageFormat Key = "usage.format" // the value
	// UsageNoMatch: no client matches what was typed.
	UsageNoMatch Key = "usage.no_match" // the query, the query again
	// UsageManyMatch: several clients match what was typed.
	UsageManyMatch Key = "usage.many_match" // how many, the query, the list of them
	// UsageScheme: --scheme names no card scheme.
	UsageScheme Key = "usage.scheme" // the value, the schemes
	// UsageLang: --lang is neither en nor zh.
	UsageLang Key = "usage.lang" // the value

	// The store's refusals to open a book, in the language in use
	// (the store's own texts are English).
	StoreNoBook      Key = "store.no_book"      // the path
	StoreLocked      Key = "store.locked"       // the path
	StoreNotBook     Key = "store.not_book"     // the path
	StoreNewerSchema Key = "store.newer_schema" // the path
	StoreExists      Key = "store.exists"       // the path
	StoreReadOnly    Key = "store.read_only"

	// OSNotExist, OSPermission, OSIsDir, OSOther: why a file could not be
	// read or written (UsageCannotRead, UsageCannotWrite).
	OSNotExist   Key = "os.not_exist"
	OSPermission Key = "os.permission"
	OSIsDir      Key = "os.is_dir"
	OSNoSpace    Key = "os.no_space"

	// The import's refusals of a file (interchange.Error).
	ImportErrWorkbook     Key = "import.err.workbook"       // the file
	ImportErrCalendar     Key = "import.err.calendar"       // the file
	ImportErrOwnJSON      Key = "import.err.own_json"       // the file
	ImportErrBinary       Key = "import.err.binary"         // the file
	ImportErrEmpty        Key = "import.err.empty"          // the file
	ImportErrBadCSV       Key = "import.err.bad_csv"        // the file, the line
	ImportErrNoNameColumn Key = "import.err.no_name_column" // the file, its columns
	ImportErrNoRecords    Key = "import.err.no_records"     // the file, how many were skipped
	ImportErrMapSyntax    Key = "import.err.map_syntax"     // the --map value, the fields
	ImportErrMapColumn    Key = "import.err.map_column"     // the --map value, the column, the file's columns
	ImportErrBadJSON      Key = "import.err.bad_json"       // what the decoder said
	ImportErrForeignJSON  Key = "import.err.foreign_json"
	ImportErrNewerJSON    Key = "import.err.newer_json" // its version, the version read
	ImportErrRecord       Key = "import.err.record"     // the line, the name, why
)
