package i18n

// helpEN is the English of the command line's help, keyed as helpZH is.
var helpEN map[string]string

func helpENTable() map[string]string {
	return map[string]string{
		"vipbook --book":            "the book file (default $VIPBOOK_BOOK or the XDG data dir vipbook/book.db)",
		"vipbook --config":          "the config file (default $XDG_CONFIG_HOME/vipbook/config.toml)",
		"vipbook --help":            "help for this command",
		"vipbook --lang":            "language of the interface: en or zh (default from LANG)",
		"vipbook --version":         "version for vipbook",
		"vipbook add --birthday":    "birthday: MM-DD, YYYY-MM-DD, or a lunar date written in Chinese (the lunar month and day)",
		"vipbook add --city":        "city",
		"vipbook add --email":       "e-mail address",
		"vipbook add --json":        "print the new client as JSON",
		"vipbook add --latin-name":  "English or romanised name",
		"vipbook add --lunar":       "the birthday is a lunar-calendar date",
		"vipbook add --phone":       "phone number in any format (repeat for several)",
		"vipbook add --referred-by": "the client who brought this one (id, phone or name)",
		"vipbook add --tag":         "tags (repeat or comma separate)",
		"vipbook add --tier":        "tier override (A, B, C, D or a card name)",
		"vipbook add.short":         "Add a client (a name and a phone are enough to start)",
		"vipbook backup --force":    "replace FILE if it exists; copy a damaged book for rescue, under a name ending -DAMAGED",
		"vipbook backup --output":   "the file to write (default: backups/book-YYYYMMDD-HHMM.db beside the book)",
		"vipbook backup.long":       "Write a copy of the book, as it stands at one moment, to FILE (mode 0600).\n\nWithout -o the copy goes to a \"backups\" directory beside the book (created\nowner-only, 0700), named after the book and the time: backups/book-YYYYMMDD-HHMM.db\n(a second backup in the same minute gets -2, -3). An existing FILE is not\nreplaced unless --force is given. Other vipbooks, the full-screen book\nincluded, may stay open meanwhile. Put the copy back with `vipbook restore FILE`.\n\nThe copy is checked before it takes its name: a damaged book is not backed up\n(the good backups stay as they are); --force then writes a rescue copy whose\nname ends in -DAMAGED, which is no backup to restore.",
		"vipbook backup.short":      "Write a copy of the book as it stands now (owner-only)",
		"vipbook brief --date":      "the day to brief, YYYY-MM-DD (default today)",
		"vipbook brief --json":      "print as JSON",
		"vipbook brief --limit":     "most items in the requests, festivals, situations and lapsed sections (0: all)",
		"vipbook brief --markdown":  "print as Markdown",
		"vipbook brief.long": `brief prints the briefing for the morning meeting: the most urgent items of the
day first, then today's visits with a prep card each, the follow-ups overdue and
due today, the dates coming within their lead time, the three specials (open
special requests, festivals and situations, special people expected today) and
the top clients away longer than usual. Every item has an urgency score and
says why; the weights are in the config's [urgency] section.

It prints text (the default), Markdown (--markdown) to paste into a chat or a
document, or JSON (--json); in Chinese with --lang zh.`,
		"vipbook brief.short":    "Print the morning briefing: the most urgent first, today's visits, follow-ups, the three specials, lapsed clients",
		"vipbook buy --currency": "currency (default: the book's)",
		"vipbook buy --date":     "day of the purchase: YYYY-MM-DD, MM-DD, yesterday, last friday, -3d... (default today)",
		"vipbook buy --items":    "what was bought",
		"vipbook buy --visit":    "the client came in: count the day as a visit (a purchase of 0 is none otherwise)",
		"vipbook buy --store":    "store (default: the book's)",
		"vipbook buy.short":      "Record a purchase",
		"vipbook check --json":   "print the report as JSON",
		"vipbook check --repair": "first finish what a vipbook killed half way left (an erasure's compaction, its temporary copies) and rebuild the indexes the book keeps on write (search, the tiers' value records) from its records, then check",
		"vipbook check.long": `check reads every page of the book without changing it: bbolt's consistency
check, then the book's own rules (a summary for every client, every index entry
pointing at a record, every client's note count). It says the book is sound, or
what is wrong and what to do, and exits non-zero when the book is damaged.`,
		"vipbook check.short":                       "Check the whole book file for damage (read only)",
		"vipbook completion bash --no-descriptions": "disable completion descriptions",
		"vipbook completion bash.long": `Generate the autocompletion script for the bash shell.

This script depends on the 'bash-completion' package.
If it is not installed already, you can install it via your OS's package manager.

To load completions in your current shell session:

	source <(vipbook completion bash)

To load completions for every new session, execute once:

#### Linux:

	vipbook completion bash > /etc/bash_completion.d/vipbook

#### macOS:

	vipbook completion bash > $(brew --prefix)/etc/bash_completion.d/vipbook

You will need to start a new shell for this setup to take effect.
`,
		"vipbook completion bash.short":             "Generate the autocompletion script for bash",
		"vipbook completion fish --no-descriptions": "disable completion descriptions",
		"vipbook completion fish.long": `Generate the autocompletion script for the fish shell.

To load completions in your current shell session:

	vipbook completion fish | source

To load completions for every new session, execute once:

	vipbook completion fish > ~/.config/fish/completions/vipbook.fish

You will need to start a new shell for this setup to take effect.
`,
		"vipbook completion fish.short":                   "Generate the autocompletion script for fish",
		"vipbook completion powershell --no-descriptions": "disable completion descriptions",
		"vipbook completion powershell.long": `Generate the autocompletion script for powershell.

To load completions in your current shell session:

	vipbook completion powershell | Out-String | Invoke-Expression

To load completions for every new session, add the output of the above command
to your powershell profile.
`,
		"vipbook completion powershell.short":      "Generate the autocompletion script for powershell",
		"vipbook completion zsh --no-descriptions": "disable completion descriptions",
		"vipbook completion zsh.long": `Generate the autocompletion script for the zsh shell.

If shell completion is not already enabled in your environment you will need
to enable it.  You can execute the following once:

	echo "autoload -U compinit; compinit" >> ~/.zshrc

To load completions in your current shell session:

	source <(vipbook completion zsh)

To load completions for every new session, execute once:

#### Linux:

	vipbook completion zsh > "${fpath[1]}/_vipbook"

#### macOS:

	vipbook completion zsh > $(brew --prefix)/share/zsh/site-functions/_vipbook

You will need to start a new shell for this setup to take effect.
`,
		"vipbook completion zsh.short": "Generate the autocompletion script for zsh",
		"vipbook completion.long": `Generate the autocompletion script for vipbook for the specified shell.
See each sub-command's help for details on how to use the generated script.
`,
		"vipbook completion.short":  "Generate the autocompletion script for the specified shell",
		"vipbook demo --clients":    "how many clients",
		"vipbook demo --date":       "the day the book is as of (default today)",
		"vipbook demo --if-missing": "do nothing when a book already exists (first run)",
		"vipbook demo --seed":       "the same seed gives the same book",
		"vipbook demo.short":        "Write a realistic demo book (refuses to overwrite a real book)",
		"vipbook edit --json":       "print the client as JSON",
		"vipbook edit --set":        "field=value (repeat)",
		"vipbook edit.long": `Change fields of a client. Lists are comma separated; an empty value clears a field.
Fields: anniversary, best_time, birthday, channel, child, city, country, disability, dislikes, district, do_not_contact, elderly, email, gender, gift_prefs, health, hobbies, home_store, honorific, latin_name, lunar_birthday, motivator, name, occupation, phone, pregnant, share_of_wallet, special_note, tags, tier, wechat, why_brand`,
		"vipbook edit.short":  "Change fields of a client",
		"vipbook erase --yes": "erase without asking (for scripts)",
		"vipbook erase.example": `  vipbook erase 王小明
  vipbook erase 13800138000 --yes`,
		"vipbook erase.long": `erase deletes everything the book holds about one client: profile, notes,
purchases, tasks, appointments, requests, unsaved drafts, the follow-up
rules' state that names them, and the rule tasks of other clients that name
them; clients they introduced keep no pointer to them. The book file is then
compacted so that the erased bytes leave it, not only its index.

It shows what will go and asks you to type the client's id to confirm;
--yes confirms without asking (for scripts). Older backups, copies of the
book and exports still hold the client: delete them too.`,
		"vipbook erase.short":            "Erase everything the book holds about a client (on the client's request)",
		"vipbook export --bom":           "csv for Excel: the byte-order mark Excel needs to read UTF-8, phones as Excel's text",
		"vipbook export --campaign":      "leave out the clients who asked not to be contacted (for a mailing or a call list)",
		"vipbook export --clients":       "export only the clients this search finds (name, pinyin, phone, tag, tier:A city:上海 tag:vip, or an id)",
		"vipbook export --force":         "replace FILE if it exists",
		"vipbook export --headers":       "csv: the language of the header row, en or zh (default: the session's language, --lang); import reads either",
		"vipbook export --format":        "vcf, csv, json or ics (default: from the file's extension)",
		"vipbook export --output":        "the file to write (0600); - for standard output",
		"vipbook export --special":       "vcf and csv: include the special-person flags (child, elderly, pregnant, disability, health and their note), left out by default as sensitive",
		"vipbook export --years":         "ics: years of lunar dates to place on the calendar",
		"vipbook export-client --force":  "replace the file if it exists",
		"vipbook export-client --output": "the file to write (0600); - for standard output",
		"vipbook export-client.example": `  vipbook export-client 王小明 -o wang.json
  vipbook export-client 13800138000 -o -`,
		"vipbook export-client.long": `export-client writes, as JSON with readable field names, everything the book
holds about one client: the profile, the figures derived from it, every note,
purchase, task (done and cancelled too), appointment and request, unsaved
drafts, and the follow-up rules' state that names them. Other clients appear
only as counts.

The file is readable only by you (0600); an existing file is not overwritten
without --force. -o - writes to the screen.`,
		"vipbook export-client.short": "Write everything the book holds about one client to a JSON file (a subject access request)",
		"vipbook export.example": `  vipbook export -o clients.vcf
  vipbook export -o book.csv --bom
  vipbook export -o book.csv --headers en
  vipbook export -o dates.ics --clients 王小明
  vipbook export -o top.csv --clients "tier:A city:上海"
  vipbook export -o greetings.vcf --campaign`,
		"vipbook export.long": `export writes the clients of the book (or those --clients finds, as vipbook
search finds them: a name, pinyin, phone digits, a tag, tier:A, city:上海,
tag:vip, combined with text; or an id) to a file readable only by you (0600);
an existing file is replaced only with --force:

  vcf   vCard 3.0 for phones and mail programs: birthdays, anniversaries and
        other dates (with their lead days), city and district, notes, one
        CATEGORIES per tag
  csv   one row per client in UTF-8 (--bom for Excel), do_not_contact, a
        column for each kind of date and the notes (oldest first, between
        lines ---) included; the header row in the session's language
        (--lang zh: 姓名, 电话, 生日 ...) or as --headers en|zh says, and
        import reads either; in a cell holding a list, a backslash keeps
        the next character plain text (navy\; dark is one like)
  json  everything: profiles, consent, notes, purchases, tasks, appointments;
        vipbook import reads it back whole
  ics   iCalendar: each important date as a yearly all-day event (lunar dates
        placed on their day for the next --years years), appointments as
        events, open tasks as to-dos

The format is taken from the file's extension when --format is not given.
Clients who asked not to be contacted keep that flag in every format;
--campaign leaves them out (for a mailing or a phone list) and says how many.
The special-person flags (child, elderly, pregnant, disability, health and
their note) are sensitive: vcf and csv leave them out, and say for how many
clients, unless --special is given; json keeps them.`,
		"vipbook export.short":                      "Export clients to vCard, CSV, JSON or iCalendar",
		"vipbook handover export --all":             "every client of the active book",
		"vipbook handover export --clients":         "the clients a search finds (name, pinyin, phone, tier:A city:上海 tag:vip)",
		"vipbook handover export --output":          "the bundle file to write",
		"vipbook handover export --passphrase-file": "read the passphrase from this file instead of asking",
		"vipbook handover export --release":         "they leave this book: their data goes into the bundle and is erased here",
		"vipbook handover export --all-matches":     "with --clients, hand over every client it finds even when two share a name (otherwise the matches are listed and you pick one)",
		"vipbook handover export --force":           "with --release, release them even though changes to them have not reached the chain yet (those changes are lost; otherwise the release is refused until you sync)",
		"vipbook handover export --tier":            "the clients of a tier (A, B, C, D or a card)",
		"vipbook handover export --to":              "the colleague who receives them",
		"vipbook handover export.long": `export writes the chosen clients to an encrypted handover bundle for a
colleague and marks them in this book as handed over (to whom, when); their
open tasks go with them. With --release they leave this book: everything it
holds about them (profile, notes, purchases, tasks, visits, requests, drafts,
the search index, their names in other clients' follow-ups) goes into the
bundle and is erased here, and the file is compacted so their bytes leave it.
No tombstone is kept: they may come back in a bundle one day. The book keeps
only a line without names: when, how many clients, to whom, the bundle's id
(vipbook handover log). Keep the bundle until your colleague has imported it:
it is then the only copy. Private notes (note --private) are your own: they
never go into a bundle (with --release they are erased with the client).
Without --passphrase-file the passphrase is asked twice on the terminal.`,
		"vipbook handover log.short": "List the handovers this book made: when, how many clients, to whom",
		"vipbook handover log.long": `log lists the handovers this book made, one line each: the day, how many
clients, to whom, the bundle's id, and whether they were released. It names no
client: after a release that line is all the book keeps of them.`,
		"vipbook handover log --json":               "print the lines as JSON",
		"vipbook handover export.short":             "Write chosen clients to an encrypted bundle and mark them handed over",
		"vipbook handover import --allow-erased":    "also take clients erased from this book (at their request): normally skipped",
		"vipbook handover import --dry-run":         "show what would happen and write nothing",
		"vipbook handover import --force":           "add a client who has the name of a client here but another phone as a new client, without asking",
		"vipbook handover import --json":            "print the report as JSON",
		"vipbook handover import --passphrase-file": "read the passphrase from this file instead of asking",
		"vipbook handover import.long": `import first shows what the bundle will do to this book: new clients, clients
that match ones you have (by phone, e-mail, or name with birthday) and every
field the two books fill differently (the newer value wins, the older stays in
the history). Then it imports all of it in one go, or nothing: notes and
purchases united, open tasks assigned to you, and an "introduce yourself" task
for each client who may be contacted and has none yet (a second bundle adds no
second one). A client with the name of one of yours but no phone, e-mail or id
in common is not merged nor added silently: the import lists them and asks on
a terminal, and is refused otherwise unless --force (they are added as new
clients; vipbook merge joins two later). Importing the same bundle again
changes nothing. A damaged bundle, a wrong passphrase, or a record over the
book's limits (a note over note_bytes, a name over 200 characters, details
over 256 KiB) is refused whole, and nothing is written.`,
		"vipbook handover import.short": "Receive clients from a colleague's bundle, merging those you already have",
		"vipbook handover.long": `handover passes clients between associates' books with their whole history:
profile, notes, purchases, open tasks, appointments, special requests, consent
and the trail of associates who held them. The bundle is encrypted under a
passphrase the two of you share (tell it apart from the file: say it, don't
mail it with the bundle).`,
		"vipbook handover.short": "Hand clients to a colleague with their whole history, or receive them",
		"vipbook help.long": `Help provides help for any command in the application.
Simply type vipbook help [path to command] for full details.`,
		"vipbook help.short":            "Help about any command",
		"vipbook import --allow-erased": "also take clients erased from this book (at their request): normally skipped",
		"vipbook import --date-order":   "how dates like 3/4/1985 are read (CSV): dmy or mdy (default: detected)",
		"vipbook import --dry-run":      "show the column mapping and what would happen; write nothing",
		"vipbook import --encoding":     "the file's encoding, not guessed: UTF-8, UTF-16LE, GB18030, Big5, Shift_JIS, EUC-KR, windows-1252, ...",
		"vipbook import --json":         "print the plan or report as JSON",
		"vipbook import --map":          "read FIELD from COLUMN (CSV): FIELD=COLUMN, repeatable; fields: name, given, middle, family, honorific, latin_name, gender, phone, email, wechat, channel, city, district, country, work_country, address, occupation, company, birthday, lunar_birthday, birth_year, birth_month, birth_day, anniversary, child_birthday, family_birthday, first_purchase, date, tags, note, do_not_contact, accepts_marketing, sizes, likes, dislikes, measurements, household, spouse, cards, size_history, measurement_history, referred_by, home_store, counter, best_time, hobbies, gift_prefs, why_brand, motivator, share_of_wallet, made_to_order, special, consent_recorded, gifts",
		"vipbook import --no-header":    "the CSV has no header row: its first row is a contact (name columns with --map name=1)",
		"vipbook import --region":       "the file's country or region (GB, United Kingdom, +44): its numbers without a country code are read as that country's, unless a row or card says its own country (a country column, an address); the dry run says which numbers were read where",
		"vipbook import --country":      "the same as --region",
		"vipbook import.example": `  vipbook import contacts.vcf --dry-run
  vipbook import 客户.csv --map phone=手机号码 --map note=
  vipbook import outlook.csv --date-order mdy`,
		"vipbook import.long": `import reads the contacts a phone, a mail program or a shop exported: vCard 2.1,
3.0 and 4.0 (.vcf), and CSV from Google Contacts, Outlook, Shopify,
Thunderbird, Windows Live Mail (English, German, French, Japanese, Chinese,
Korean) or a sheet with Chinese headers (姓名, 手机, 生日, ...), separated by
commas, semicolons or tabs. The encoding (UTF-8, UTF-16, GB18030, Big5,
Shift_JIS, EUC-KR, Windows-1252) is detected; --dry-run says the guess and
how sure it is, an unsure guess writes nothing, and --encoding names it.

A contact whose phone or e-mail is already a client's (under the same name)
is merged into that client: nothing is lost, the newer value of a field wins
and the older one stays in the client's history; a do-not-contact client stays
so. Importing the same file twice changes nothing. Everything lands in one
transaction, or nothing does.

--dry-run shows how the columns are read, what would be new, merged or
skipped (with the line and the reason), and writes nothing. A column read
wrongly is fixed with --map FIELD=COLUMN (COLUMN is the header or its
number; FIELD= reads the field from no column).`,
		"vipbook import.short":        "Import clients from a vCard (.vcf) or CSV file; --dry-run shows what would happen",
		"vipbook init --associate":    "the associate who keeps the book",
		"vipbook init --country-code": "calling code assumed for phones typed without one",
		"vipbook init --currency":     "the currency of purchases",
		"vipbook init --store":        "the associate's store",
		"vipbook init.short":          "Create an empty book for an associate",
		"vipbook list --all":          "include clients archived by a handover",
		"vipbook list --json":         "print as JSON",
		"vipbook list --limit":        "show at most this many",
		"vipbook list --sort":         "sort by name, spend, last-visit or next-date",
		"vipbook list.short":          "List the clients of the book",
		"vipbook message --items":     "what the message is about (default: the last purchase's items)",
		"vipbook message --kind":      "which message: holiday, birthday, season, miss_you, thank_you, call, care, service_invite, referral_thanks, welcome, complaint",
		"vipbook message --log":       "record the message on the client as a message note",
		"vipbook message --occasion":  "the holiday's name (default: the festival of the coming week)",
		"vipbook message.long": `Write a message for a client, in the interface language (--lang zh for Chinese),
addressed with their honorific and shaped by what they like. Kinds: holiday, birthday, season, miss_you, thank_you, call, care, service_invite, referral_thanks, welcome, complaint.
The message goes to stdout to copy or send; --log records it on the client as a
message note, which resets the keep-in-touch clock. A client who asked not to be
contacted gets no message.

The templates can be edited: put KIND.LANG.tmpl files (Go text/template, e.g.
birthday.zh.tmpl) in the "messages" directory next to the config file, or in the
directory set by dir in the config's [messages] section.`,
		"vipbook message.short": "Write a message for a client (birthday, holiday, season, miss_you, thank_you, ...)",
		"vipbook note --kind":   "what the note records",
		"vipbook note.short":    "Log a note on a client (kinds: general, visit, call, message, preference, size, complaint, special_request, situation)",
		"vipbook purge --yes":   "confirm",
		"vipbook purge.long": `purge erases everything the book holds about the archived clients (those an
earlier vipbook's handover --release, or the chain's reassignment, moved out of
the active book; a handover --release now erases at once): profile, notes, purchases,
tasks, appointments, requests and drafts, then compacts the book file so the
erased bytes leave it. Without --yes it only lists them.`,
		"vipbook purge.short":   "Erase for good the clients a handover archived (--release)",
		"vipbook report --date": "the day of the report, YYYY-MM-DD (default today)",
		"vipbook report --json": "print as JSON",
		"vipbook report.long": `report is the VIP stocktake: the top 10 clients by spend this year with where
they live, what they do, their hobbies and dates; the products and styles they
like; the share of this year's sales of the top 10 and top 50; who visits most
and who has the highest average ticket; which top client has been away longest
and why; why they like the brand, what they dislike, what share of their
spending comes to us and what would move them.`,
		"vipbook report.short":            "Answer the ten questions about the book: top clients, favourites, shares, who is away",
		"vipbook request update --note":   "what happened",
		"vipbook request update --status": "open, sourcing, fulfilled or declined",
		"vipbook request update.short":    "Move a special request on",
		"vipbook request.short":           "Open a special request (something asked beyond normal service)",
		"vipbook restore --yes":           "restore without asking",
		"vipbook restore.long": `Put the backup FILE back in place of the book.

FILE is checked page by page first: a file that is not a sound vipbook book is
refused and the book is not touched. vipbook then shows what FILE and the book
hold and asks you to confirm (type y or yes; --yes skips the question, for
scripts). The book as it is now is kept beside it, owner-only, as
book.db.before-restore-YYYYMMDD-HHMMSS. A vipbook that has the book open must
be closed first.`,
		"vipbook restore.short":       "Put a backup back in place of the book (the book as it is now is kept)",
		"vipbook search --limit":      "show at most this many, best first (0: all); 50 unless given, all with --json",
		"vipbook search --json":       "print as JSON",
		"vipbook search.short":        "Find clients by name, pinyin (wxm finds 王小明), phone digits, tag, or tier:A city:上海 tag:vip",
		"vipbook show --json":         "print as JSON",
		"vipbook show.short":          "Show everything the book holds about a client (by id, phone or name)",
		"vipbook task add --due":      "due date: YYYY-MM-DD, MM-DD, today, tomorrow, +3d, +2w, friday, next friday, or in Chinese",
		"vipbook task add --kind":     "call_back, thank_you, care_message, service_invite, birthday_greeting, ...",
		"vipbook task add.short":      "Add a follow-up for a client (CLIENT may be - for none)",
		"vipbook task cancel.short":   "Cancel a follow-up that is no longer needed",
		"vipbook task check --undo":   "untick the steps instead",
		"vipbook task check.short":    "Tick steps of a follow-up's checklist (numbers from `task show`)",
		"vipbook task done.short":     "Tick a follow-up off",
		"vipbook task done --force":   "close a complaint case even though some of its steps are still open",
		"vipbook task list --all":     "include done and cancelled tasks",
		"vipbook task list --client":  "only this client's tasks",
		"vipbook task list --json":    "print as JSON",
		"vipbook task list.short":     "List open follow-ups: the overdue ones, today's, then the next days', each with its count (--all for closed ones too)",
		"vipbook task reopen.short":   "Undo the tick of a follow-up: it is open again",
		"vipbook task show.short":     "Show a follow-up with its checklist and note",
		"vipbook task snooze --until": "the day it comes back: YYYY-MM-DD, MM-DD, tomorrow, +3d, +2w, next friday, or in Chinese",
		"vipbook task snooze.short":   "Put a follow-up off to a later day",
		"vipbook task.short":          "Add, tick off, snooze and list follow-ups",
		"vipbook tiers --date":        "the day the tiers are computed on, YYYY-MM-DD (default today)",
		"vipbook tiers --json":        "print as JSON",
		"vipbook tiers --limit":       "list at most this many clients (0: all)",
		"vipbook tiers --scheme":      "the tier scheme to use instead of the config's: pyramid or a card scheme's name",
		"vipbook tiers --tier":        "list only the clients of this tier",
		"vipbook tiers.long": `tiers lists the clients by tier, highest first, each with the reason for the
tier ("A: 18,400 CNY in 12 months, rank 4 of 320") and RFM scores (recency,
frequency, monetary, 1 to 5). The scheme (the A-D pyramid or a card scheme)
comes from the config file; a tier set by hand on a client wins and says so.`,
		"vipbook tiers.short":     "List clients with their tier, the reason for it and their RFM scores",
		"vipbook visit --at":      "when: \"YYYY-MM-DD HH:MM\", \"tomorrow 15:00\", \"next friday 3pm\", or in Chinese",
		"vipbook visit --minutes": "how long",
		"vipbook visit --purpose": "what the visit is for",
		"vipbook visit.short":     "Book an expected visit (it appears on that day's briefing with a prep card)",
		"vipbook.long": `vipbook keeps a sales associate's book of VIP clients: who they are, their sizes,
preferences and dates, every note and purchase, and the follow-ups due. Run it
without a command to open the book on today's briefing.`,
		"vipbook.short": "A clienteling assistant: your book of VIP clients, opening on the morning briefing",
	}
}
