package i18n

// Words every front end shows: what is wrong and what to do, the domain's
// values (note and task kinds, dates, channels, the calendar), dates as
// typed, input read as meant, why an item is urgent, the titles the rules
// give their tasks, the book's safety, likely duplicates and merging, and
// the book's refusals of a profile's entries.
//
// Every Key constant of the catalogs is declared in one of the five keys*.go
// files, by who shows the words: keys.go (every front end), keys_app.go (the
// app), keys_cli.go (the command line), keys_import.go (files in and out)
// and keys_chain.go (the chain of stores). Both catalogs (en.go, zh.go and
// their parts) hold exactly these keys; a comment beside a key says which
// arguments it is formatted with, in order.

// What is wrong with an answer or an action, and what to do.
const (
	ErrNameRequired   Key = "err.name_required"
	ErrTitleRequired  Key = "err.title_required"
	ErrPhoneRequired  Key = "err.phone_required"
	ErrPhoneBad       Key = "err.phone_bad"   // the number
	ErrPhoneTaken     Key = "err.phone_taken" // the number, the client holding it
	ErrPurchaseFuture Key = "err.purchase_future"
	ErrAmountBad      Key = "err.amount_bad" // the answer
	ErrField          Key = "err.field"      // the error
	ErrNoteEmpty      Key = "err.note_empty"
	ErrNoteTooLong    Key = "err.note_too_long"
	ErrNameTooLong    Key = "err.name_too_long"
	ErrRecordTooLong  Key = "err.record_too_long"
	ErrSnoozeDay      Key = "err.snooze_day" // the answer
	ErrSnoozePast     Key = "err.snooze_past"
	ErrTaskClosed     Key = "err.task_closed"
	ErrReadOnly       Key = "err.read_only"
	ErrReadOnlyKept   Key = "err.read_only_kept" // the book's path
	ErrFull           Key = "err.full"
	ErrDoNotContact   Key = "err.do_not_contact"
	ErrDraftNotKept   Key = "err.draft_not_kept" // why
	ErrGone           Key = "err.gone"
	ErrTaskNotDone    Key = "err.task_not_done"
	ErrNoTask         Key = "err.no_task"         // the id
	ErrNoRequest      Key = "err.no_request"      // the id
	ErrNoChecklist    Key = "err.no_checklist"    // the task's id
	ErrNoStep         Key = "err.no_step"         // the step given, how many steps, the task's id
	ErrStepsOpen      Key = "err.steps_open"      // how many steps are open, the open steps (Steps)
	CliTaskForceHint  Key = "cli.task_force_hint" // the task's id
	ErrNoneFound      Key = "err.none_found"      // the query
	ErrNoneInTier     Key = "err.none_in_tier"    // the tier
)

// Domain values: note kinds.
const (
	NoteGeneral        Key = "note.general"
	NoteVisit          Key = "note.visit"
	NoteCall           Key = "note.call"
	NoteMessage        Key = "note.message"
	NotePreference     Key = "note.preference"
	NoteSize           Key = "note.size"
	NoteComplaint      Key = "note.complaint"
	NoteSpecialRequest Key = "note.special_request"
	NoteSituation      Key = "note.situation"
)

// Domain values: task kinds and statuses.
const (
	TaskCustom            Key = "task.custom"
	TaskCallBack          Key = "task.call_back"
	TaskThankYou          Key = "task.thank_you"
	TaskCareMessage       Key = "task.care_message"
	TaskServiceInvite     Key = "task.service_invite"
	TaskBirthdayGreeting  Key = "task.birthday_greeting"
	TaskReferralThanks    Key = "task.referral_thanks"
	TaskComplaintFollowUp Key = "task.complaint_follow_up"
	TaskPersonalVisit     Key = "task.personal_visit"
	TaskIntroduce         Key = "task.introduce"
	TaskOpen              Key = "task.open"
	TaskDone              Key = "task.done"
	TaskSnoozed           Key = "task.snoozed"
	TaskCancelled         Key = "task.cancelled"
)

// Domain values: dates, channels, preferences, special persons, requests.
const (
	DateBirthday       Key = "date.birthday"
	DateAnniversary    Key = "date.anniversary"
	DateChildBirthday  Key = "date.child_birthday"
	DateFamilyBirthday Key = "date.family_birthday"
	DateFirstPurchase  Key = "date.first_purchase"
	DateCustom         Key = "date.custom"
	DateLunar          Key = "date.lunar"
	ChannelWeChat      Key = "channel.wechat"
	ChannelSMS         Key = "channel.sms"
	ChannelPhone       Key = "channel.phone"
	ChannelEmail       Key = "channel.email"
	PhoneMobile        Key = "phone.mobile"
	PhoneHome          Key = "phone.home"
	PhoneWork          Key = "phone.work"
	PhoneLabelled      Key = "phone.labelled" // the number, its label
	RelSpouse          Key = "relation.spouse"
	RelChild           Key = "relation.child"
	RelMother          Key = "relation.mother"
	RelFather          Key = "relation.father"
	RelParent          Key = "relation.parent"
	RelBrother         Key = "relation.brother"
	RelSister          Key = "relation.sister"
	RelPartner         Key = "relation.partner"
	RelFriend          Key = "relation.friend"
	RelManager         Key = "relation.manager"
	RelAssistant       Key = "relation.assistant"
	RelOther           Key = "relation.other"
	ApptBooked         Key = "appt.booked"
	ApptArrived        Key = "appt.arrived"
	ApptNoShow         Key = "appt.no_show"
	ApptCancelled      Key = "appt.cancelled"
	MemberRelation     Key = "relation.member" // the member's name, the relation
	PrefCategory       Key = "pref.category"
	PrefStyle          Key = "pref.style"
	PrefColour         Key = "pref.colour"
	PrefMaterial       Key = "pref.material"
	PrefBrand          Key = "pref.brand"
	PrefFit            Key = "pref.fit"
	SpecialChild       Key = "special.child"
	SpecialElderly     Key = "special.elderly"
	SpecialPregnant    Key = "special.pregnant"
	SpecialDisability  Key = "special.disability"
	SpecialHealth      Key = "special.health"
	RequestOpen        Key = "request.open"
	RequestSourcing    Key = "request.sourcing"
	RequestFulfilled   Key = "request.fulfilled"
	RequestDeclined    Key = "request.declined"
)

// Calendar: weekdays, months and the long date.
const (
	Sunday         Key = "day.sunday"
	Monday         Key = "day.monday"
	Tuesday        Key = "day.tuesday"
	Wednesday      Key = "day.wednesday"
	Thursday       Key = "day.thursday"
	Friday         Key = "day.friday"
	Saturday       Key = "day.saturday"
	January        Key = "month.january"
	February       Key = "month.february"
	March          Key = "month.march"
	April          Key = "month.april"
	May            Key = "month.may"
	June           Key = "month.june"
	July           Key = "month.july"
	August         Key = "month.august"
	September      Key = "month.september"
	October        Key = "month.october"
	November       Key = "month.november"
	December       Key = "month.december"
	LongDateFormat Key = "long_date" // weekday, day, month name, year
)

// Dates as typed (package dateinput): why a date was refused and the forms
// that are read.
const (
	DateInputNotDay         Key = "dateinput.not_day"         // the input, the forms
	DateInputNotAnniversary Key = "dateinput.not_anniversary" // the input, the forms
	DateInputEmpty          Key = "dateinput.empty"           // the forms
	DateInputNoSuchDay      Key = "dateinput.no_such_day"     // the input
	DateInputNoLeapMonth    Key = "dateinput.no_leap_month"   // the input
	DateInputRange          Key = "dateinput.range"           // the input
	DateFormsDay            Key = "dateinput.forms_day"
	DateFormsAnniversary    Key = "dateinput.forms_anniversary"
	DateInputNotMoment      Key = "dateinput.not_moment" // the input, the forms
	DateFormsMoment         Key = "dateinput.forms_moment"
)

// The words of likely duplicates (on add, edit and import) and of merging
// two clients of the book into one (vipbook merge, the app's merge).
const (
	ErrMergeSelf       Key = "err.merge_self"        // the client's name, id
	ErrMergeHandedOver Key = "err.merge_handed_over" // the client's name, id
	ErrLikelyDuplicate Key = "err.likely_duplicate"  // the new client's name, the likely duplicates
	DupByName          Key = "dup.by_name"           // the name as written
	DupByEmail         Key = "dup.by_email"          // the address
	DupByWeChat        Key = "dup.by_wechat"         // the WeChat id
	DupByCard          Key = "dup.by_card"           // the card number
	MergeNote          Key = "merge.note"            // the name, id merged away; what moved
	MergeNoteKept      Key = "merge.note_kept"       // the values that lost
	MergeNoteNothing   Key = "merge.note_nothing"
	MergeSource        Key = "merge.source"    // the name, id merged away: the history's source
	MergeKeptItem      Key = "merge.kept_item" // the field, the kept value, the other's value

	CliMergeWould       Key = "cli.merge.would"        // other's name, id; keep's name, id
	CliMergeDone        Key = "cli.merge.done"         // other's name, id; keep's name, id
	CliMergeMoves       Key = "cli.merge.moves"        // what moves
	CliMergeTakes       Key = "cli.merge.takes"        // what the kept client takes
	CliMergeKeeps       Key = "cli.merge.keeps"        // the values kept, the other's going to history
	CliMergeDNC         Key = "cli.merge.dnc"          // other's name
	CliMergeSpend       Key = "cli.merge.spend"        // spend before, after (12 months)
	CliMergeTier        Key = "cli.merge.tier"         // tier before, after
	CliMergeAlias       Key = "cli.merge.alias"        // other's id, keep's name
	CliMergeDryRun      Key = "cli.merge.dry_run"      //
	CliMergeConfirm     Key = "cli.merge.confirm"      // other's id
	CliMergeStopped     Key = "cli.merge.stopped"      //
	CliMergeOpenTasks   Key = "cli.merge.open_tasks"   // count
	CliMergeClosedTasks Key = "cli.merge.closed_tasks" // count
	CliMergeReferred    Key = "cli.merge.referred"     // count
	CliMergeLinks       Key = "cli.merge.links"        // count
	CliMergeCancelled   Key = "cli.merge.cancelled"    // count
	CliDupFound         Key = "cli.dup.found"          // the name
	CliDupLine          Key = "cli.dup.line"           // id, name, phone, why
	CliDupAsk           Key = "cli.dup.ask"            //
	CliDupRefused       Key = "cli.dup.refused"        // the first duplicate's id
	CliDupImport        Key = "cli.dup.import"         // the count
	CliDupImportLine    Key = "cli.dup.import_line"    // the record's name, the client's name and id, why

	AppDupTitle     Key = "app.dup.title"     // the count
	AppDupOpen      Key = "app.dup.open"      //
	AppDupSave      Key = "app.dup.save"      //
	AppMergeTitle   Key = "app.merge.title"   // the kept client's name
	AppMergePick    Key = "app.merge.pick"    //
	AppMergeSure    Key = "app.merge.sure"    // other's name, keep's name
	AppMergeDone    Key = "app.merge.done"    // other's name, keep's name
	AppMergeSeveral Key = "app.merge.several" // the count, the query
	KeyMerge        Key = "key.merge"         //
)

// The words of input read as meant: validation of what a front end writes
// to the book (tiers, e-mail, the calendar's years), amounts of money, the
// demo book.
const (
	// ErrBadTier refuses a tier the scheme does not have.
	ErrBadTier Key = "err.bad_tier" // the tier, the scheme's labels
	// ErrBadEmail refuses an e-mail address that is not one.
	ErrBadEmail Key = "err.bad_email" // the address
	// ErrControlChar refuses typed text holding a control character
	// (ESC, a bidi override, a line break in a one-line field).
	ErrControlChar Key = "err.control_char" // the text, its controls shown visibly
	// ErrPhoneNotValid refuses a number not valid for its country.
	ErrPhoneNotValid Key = "err.phone_not_valid" // the number, the calling code
	// ErrPhoneNeedsCountry asks for the country code of a number that is
	// not valid in the book's country.
	ErrPhoneNeedsCountry Key = "err.phone_needs_country" // the number, the book's calling code
	// ErrDateRange refuses a day outside the calendar's years.
	ErrDateRange Key = "err.date_range" // the day, the first year, the last year

	// ErrAmountAmbiguous refuses an amount that reads two ways.
	ErrAmountAmbiguous Key = "err.amount_ambiguous" // the input, the two readings, the two readings written plainly

	// DemoWritten reports a demo book written.
	DemoWritten Key = "demo.written" // the path, clients, notes, purchases, tasks, appointments
	// DemoBackupKept says where the demo book it replaced was kept.
	DemoBackupKept Key = "demo.backup_kept" // the backup's path
	// ErrDemoRealBook refuses to write a demo over a real book.
	ErrDemoRealBook Key = "err.demo_real_book" // the path
	// ErrDemoUsed refuses to write a demo over a demo book with work added.
	ErrDemoUsed Key = "err.demo_used" // the path
	// ErrInitOnDemo says what to do when init meets a demo book.
	ErrInitOnDemo Key = "err.init_on_demo" // the path, the path

	// ImportErrBadRegion refuses a --region that names no region.
	ImportErrBadRegion Key = "import.err.bad_region" // the text given
	// ImportRegions heads the dry run's list of the regions numbers
	// without a country code were read in.
	ImportRegions Key = "import.regions"
	// ImportRegionLine is one region: its code, its calling code, why it
	// (ImportRegionFrom*), how many numbers.
	ImportRegionLine Key = "import.region_line" // region, calling code, why, count
	// The reasons for a region.
	ImportRegionFromBook Key = "import.region_from_book"
	ImportRegionFromFlag Key = "import.region_from_flag"
	ImportRegionFromFile Key = "import.region_from_file"
	// ImportRegionExample is one number read in a region: its line, as
	// written, as it will be stored.
	ImportRegionExample Key = "import.region_example" // line, raw, stored
	// ImportPhoneNeedsCountryIn: a number without a country code, not
	// valid in the region its record's numbers are read in (not the
	// book's: --region, or the record's own country).
	ImportPhoneNeedsCountryIn Key = "import.phone_needs_country_in" // the number, the region, its calling code
	// UsageHandoverSameName refuses a handover whose --clients finds two
	// clients of one name.
	UsageHandoverSameName Key = "usage.handover_same_name" // how many, the query, the matches
)

// The words of the profile's entries (sizes, likes, measurements, dates,
// family, cards, gifts) and of merging clients: the book's refusals and
// what the command line prints about them.
const (
	ErrEntryEmpty Key = "err.entry_empty" // what is empty
	ErrNoEntry    Key = "err.no_entry"    // the entry as given
	ErrNoDate     Key = "err.no_date"     // the date id
	ErrCardTaken  Key = "err.card_taken"  // the number, the client holding it
	ErrBadDay     Key = "err.bad_day"     // the day as read
	PrefLine      Key = "pref.line"
	PrefOccasion  Key = "pref.occasion"
	PrefOther     Key = "pref.other"
)

// Why a briefing item is urgent (briefing.Reason, worded by
// Catalog.Reason) and why a client counts as lapsed (Catalog.LapseReason).
const (
	ReasonLate          Key = "reason.late"
	ReasonDueOn         Key = "reason.due_on"
	ReasonDueToday      Key = "reason.due_today"
	ReasonWishesToday   Key = "reason.wishes_today"
	ReasonExpectedAt    Key = "reason.expected_at"
	ReasonDate          Key = "reason.date"
	ReasonDateLunar     Key = "reason.date_lunar"
	ReasonDateOn        Key = "reason.date_on"
	ReasonRequestOpen   Key = "reason.request_open"
	ReasonWaitingWeeks  Key = "reason.waiting_weeks"
	ReasonFestival      Key = "reason.festival"
	ReasonFestivalTier  Key = "reason.festival_tier"
	ReasonNoted         Key = "reason.noted"
	ReasonTierSpend     Key = "reason.tier_spend"
	ReasonTierByHand    Key = "reason.tier_by_hand"
	ReasonTier          Key = "reason.tier"
	ReasonNoContact     Key = "reason.no_contact"
	ReasonLastContact   Key = "reason.last_contact"
	ReasonSpecialPerson Key = "reason.special_person"
	LapseAway           Key = "lapse.away"
	LapseRhythm         Key = "lapse.rhythm"
	LapseByRhythm       Key = "lapse.by_rhythm"
	LapseByTier         Key = "lapse.by_tier"
)

// The titles the follow-up rules give their tasks. A rule's task keeps the
// key and its arguments (tasks.Phrase) and is worded when shown, so these
// keys are also stored in books: keep them, never reuse one for other
// words.
const (
	TitleThankYou         Key = "title.thank_you"
	TitleThankYouFor      Key = "title.thank_you_for" // the items bought
	TitleCall             Key = "title.call"
	TitleCallFor          Key = "title.call_for" // the items bought
	TitleCare             Key = "title.care"
	TitleCareFor          Key = "title.care_for" // the items bought
	TitleService          Key = "title.service"
	TitleServiceFor       Key = "title.service_for"        // the items bought
	TitleThankReferrer    Key = "title.thank_referrer"     // the referrer, the new client
	TitleWelcome          Key = "title.welcome"            // the new client, the referrer
	TitleReferralFollowUp Key = "title.referral_follow_up" // the new client, the referrer
	TitleErasedClient     Key = "title.erased_client"      // stands for an erased client's name in another's title
	TitleHandedOnClient   Key = "title.handed_on_client"   // stands for the name of a client a handover released
	TitleTopSpender       Key = "title.top_spender"        // the 12 months' spend
	TitleComplaint        Key = "title.complaint"
	// TitleTopSpenderYear is the visit of the book's year's top spender:
	// the year's spend, the year's first day.
	TitleTopSpenderYear Key = "title.top_spender_year"
	// TaskCancelledDNC is the note a rule adds to the follow-ups it
	// cancels when a client asks not to be contacted.
	TaskCancelledDNC Key = "task.cancelled_dnc"
	// TaskCancelledOvertaken is the note on an earlier top spender's visit
	// cancelled when another client overtook them: the new leader's name,
	// their year's spend.
	TaskCancelledOvertaken Key = "task.cancelled_overtaken"
	// TitleCardLapsing invites a client back before their card lapses:
	// the card's label, its last valid day, what keeps it.
	TitleCardLapsing Key = "title.card_lapsing"
	// TaskCancelledCardKept is the note on a card's follow-up closed
	// because a purchase kept the card (renewed or upgraded it).
	TaskCancelledCardKept Key = "task.cancelled_card_kept"
	// TaskCancelledCardLapsed is the note on a card's follow-up closed
	// because the card lapsed.
	TaskCancelledCardLapsed Key = "task.cancelled_card_lapsed"
	// TaskCardRenewal names the kind of task that invites a client back
	// to keep their card.
	TaskCardRenewal Key = "task.card_renewal"
	// SecCards heads the app briefing's cards lapsing within 30 days
	// unless the client spends: how many.
	SecCards Key = "brief.cards"
	// CardWithOutlook is a card's label and what keeps it, on one row.
	CardWithOutlook Key = "brief.card_with_outlook"
)

// The eight steps of complaint handling, in order (tasks.CheckItem.Step
// 1 to 8).
const (
	ComplaintStep1 Key = "complaint.step1"
	ComplaintStep2 Key = "complaint.step2"
	ComplaintStep3 Key = "complaint.step3"
	ComplaintStep4 Key = "complaint.step4"
	ComplaintStep5 Key = "complaint.step5"
	ComplaintStep6 Key = "complaint.step6"
	ComplaintStep7 Key = "complaint.step7"
	ComplaintStep8 Key = "complaint.step8"
)

// The words of the book's safety: paths that are no book file, damage,
// permissions, backups of a damaged book.
const (
	ErrBookIsDirectory Key = "err.book_is_directory" // the path
	ErrBookIsPipe      Key = "err.book_is_pipe"      // the path
	ErrBookIsDevice    Key = "err.book_is_device"    // the path
	ErrBookIsSpecial   Key = "err.book_is_special"   // the path
	// BookReadableByOthers warns of a book others can read whose mode
	// vipbook could not change (another user's file).
	BookReadableByOthers Key = "book.readable_by_others" // the mode, the path
	// BackupRefusedDamaged: a backup of a damaged book was refused.
	BackupRefusedDamaged Key = "backup.refused_damaged" // what check found first
	// BackupRescueWritten: backup --force wrote a damaged book's copy.
	BackupRescueWritten Key = "backup.rescue_written" // the path
	// BookKnownDamaged warns, on every open, of a book found damaged.
	BookKnownDamaged Key = "book.known_damaged" // when found, what was found
	// ErrBookKnownDamaged refuses a write to a book found damaged.
	ErrBookKnownDamaged Key = "err.book_known_damaged" // when found, what was found
	// ErrBookDamaged says a read found damage (nothing of the file quoted).
	ErrBookDamaged Key = "err.book_damaged"
	// BannerDamaged is the app's banner over a book found damaged.
	BannerDamaged Key = "banner.damaged"
	// ImportErased: an import skipped a record of an erased client.
	ImportErased Key = "import.erased" // the day of the erasure
	// AppReadRetrying: the app's first read of the book failed (another
	// vipbook held it); it tries again by itself.
	AppReadRetrying Key = "app.read_retrying"
	// AppReadFailed: the app's first read of the book failed for good.
	AppReadFailed Key = "app.read_failed" // why
	// AppClientErasedMeanwhile: the client whose profile the app showed
	// was erased (or handed on) by another vipbook; the profile is closed.
	AppClientErasedMeanwhile Key = "app.client_erased_meanwhile"
	// AppClientErasedWhileTyping: as AppClientErasedMeanwhile, when a note
	// or a form about the client was open: it is closed and not kept.
	AppClientErasedWhileTyping Key = "app.client_erased_while_typing"
	// AppClientMergedMeanwhile: the client whose profile the app showed
	// was merged into another by another vipbook, whose profile is shown.
	AppClientMergedMeanwhile Key = "app.client_merged_meanwhile" // the kept client's name
	// AppWriteWaiting: a write of the app waits for another vipbook
	// holding the book (a command in another terminal, an import).
	AppWriteWaiting Key = "app.write_waiting"
	// CliWaitingForApp: a command waits for the app open on the book.
	CliWaitingForApp Key = "cli.waiting_for_app"
	// CliWaitingForBackup: a command waits for another vipbook's backup
	// to copy the book's pages.
	CliWaitingForBackup Key = "cli.waiting_for_backup"
	// CliWaitingForOther: a command waits for another vipbook command
	// (another terminal, an import) to let go of the book.
	CliWaitingForOther Key = "cli.waiting_for_other"
	// CliCheckSalvaged: check --repair put a damaged client's record back
	// from a backup.
	CliCheckSalvaged Key = "cli.check_salvaged" // id, name, backup file, its time
	// CliCheckNoSalvage: no backup holds a sound record of the client.
	CliCheckNoSalvage Key = "cli.check_no_salvage" // id
	// CliCheckSalvagedRecord: check --repair put a damaged note (purchase,
	// task, appointment, request) back from a backup.
	CliCheckSalvagedRecord Key = "cli.check_salvaged_record" // kind (CliRecord*), record id, client id, name, backup file, its time
	// CliCheckNoSalvageRecord: no backup holds a sound copy of the record.
	CliCheckNoSalvageRecord Key = "cli.check_no_salvage_record" // kind, record id, client id
	// The kinds of a client's records, as check --repair names them.
	CliRecordNote        Key = "cli.record.note"
	CliRecordPurchase    Key = "cli.record.purchase"
	CliRecordTask        Key = "cli.record.task"
	CliRecordAppointment Key = "cli.record.appointment"
	CliRecordRequest     Key = "cli.record.request"
)
