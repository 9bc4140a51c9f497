package i18n

// The app's words, screen by screen: the frame, the help, the status line,
// the briefing, prep cards, follow-ups, clients, the profile, the one-line
// input and forms, drafts, the report, the message composer, the handover
// screen and backups.

// Frame: the tabs, the header and the messages of the whole program.
const (
	TabBriefing  Key = "tab.briefing"
	TabClients   Key = "tab.clients"
	TabTasks     Key = "tab.tasks"
	Loading      Key = "loading"
	TooSmall     Key = "too_small"      // min width, min height
	RunCrashed   Key = "run.crashed"    // the function that failed
	RunDraftKept Key = "run.draft_kept" // the book's path
	RunDraftLost Key = "run.draft_lost" // the error
	// RunDraftFile: the book could not take the drafts; they went to a
	// fallback file.
	RunDraftFile    Key = "run.draft_file"    // why, the file's path
	RunNothingTyped Key = "run.nothing_typed" // after a crash, nothing was being typed
	// BannerReadOnly shows above every screen when the book file cannot
	// be written.
	BannerReadOnly Key = "banner.read_only" // the book's path
	Yes            Key = "yes"
	No             Key = "no"
)

// Help: what each key does.
const (
	KeyQuit        Key = "key.quit"
	KeyHelp        Key = "key.help"
	KeyBack        Key = "key.back"
	KeySearch      Key = "key.search"
	KeyOpen        Key = "key.open"
	KeyAdd         Key = "key.add"
	KeyEdit        Key = "key.edit"
	KeyNote        Key = "key.note"
	KeyTask        Key = "key.task"
	KeyBuy         Key = "key.buy"
	KeyVisit       Key = "key.visit"
	KeyTick        Key = "key.tick"
	KeySnooze      Key = "key.snooze"
	KeySort        Key = "key.sort"
	KeyNextScreen  Key = "key.next_screen"
	KeyPrevScreen  Key = "key.prev_screen"
	KeyUp          Key = "key.up"
	KeyDown        Key = "key.down"
	KeyPageUp      Key = "key.page_up"
	KeyPageDown    Key = "key.page_down"
	KeyTop         Key = "key.top"
	KeyBottom      Key = "key.bottom"
	KeySave        Key = "key.save"
	KeyCancel      Key = "key.cancel"
	KeyResume      Key = "key.resume"
	KeyDiscard     Key = "key.discard"
	KeyLater       Key = "key.later"
	KeyClearSearch Key = "key.clear_search"
	KeyNextField   Key = "key.next_field"
	KeyPrevField   Key = "key.prev_field"
)

// Status line: news after a write, and what an action needs.
const (
	StatusNoteSaved     Key = "status.note_saved"     // client name
	StatusTaskDone      Key = "status.task_done"      // task title
	StatusTaskSnoozed   Key = "status.task_snoozed"   // task title, day
	StatusTaskAdded     Key = "status.task_added"     // task title, day
	StatusClientAdded   Key = "status.client_added"   // client name
	StatusClientSaved   Key = "status.client_saved"   // client name
	StatusPurchaseAdded Key = "status.purchase_added" // amount, client name
	StatusVisitBooked   Key = "status.visit_booked"   // client name, date and time
	StatusPickClient    Key = "status.pick_client"
	StatusPickTask      Key = "status.pick_task"
	StatusNoTasksHere   Key = "status.no_tasks_here" // the key to the briefing, its name, the key to the follow-ups, their name
)

// Briefing. A count is text: "5", or "20 of 70" when a section shows only
// its most urgent items (CountOf).
const (
	BriefTitle          Key = "brief.title"  // the long date
	BriefFor            Key = "brief.for"    // associate
	BriefVisits         Key = "brief.visits" // count
	BriefNoVisits       Key = "brief.no_visits"
	BriefBuilding       Key = "brief.building"
	BriefOverdue        Key = "brief.overdue" // count
	BriefNothingOverdue Key = "brief.nothing_overdue"
	BriefDue            Key = "brief.due" // count
	BriefNothingDue     Key = "brief.nothing_due"
	BriefDates          Key = "brief.dates" // count
	BriefNoDates        Key = "brief.no_dates"
	// BriefAhead heads the look ahead (briefing.AheadDays days).
	BriefAhead Key = "brief.ahead" // count
	// BriefAheadNone: nothing booked tomorrow nor due in the days ahead.
	BriefAheadNone Key = "brief.ahead_none"
	// BriefTomorrowAt: when one of tomorrow's visits is.
	BriefTomorrowAt Key = "brief.tomorrow_at" // the time
	// BriefAheadMore: how many follow-ups ahead are not listed.
	BriefAheadMore Key = "brief.ahead_more" // count
	DateTurns      Key = "brief.date_turns" // age
	DateYears      Key = "brief.date_years" // years since the date
	CountOf        Key = "brief.count_of"   // shown, total
	AndMore        Key = "brief.and_more"   // how many more
	SecUrgent      Key = "brief.urgent"     // count
	SecSpecials    Key = "brief.specials"
	SecRequests    Key = "brief.requests"   // count
	SecFestivals   Key = "brief.festivals"  // count
	SecSituations  Key = "brief.situations" // count
	SecPeople      Key = "brief.people"     // count
	SecLapsed      Key = "brief.lapsed"     // count
	TagOverdue     Key = "tag.overdue"
	TagDue         Key = "tag.due"
	TagDate        Key = "tag.date"
	TagRequest     Key = "tag.request"
	TagFestival    Key = "tag.festival"
	TagSituation   Key = "tag.situation"
	TagPerson      Key = "tag.person"
	TagLapsed      Key = "tag.lapsed"
)

// Prep cards of today's visits.
const (
	CardPhone        Key = "card.phone"
	CardSizes        Key = "card.sizes"
	CardLikes        Key = "card.likes"
	CardDislikes     Key = "card.dislikes"
	CardLastPurchase Key = "card.last_purchase"
	CardRequest      Key = "card.request"
	CardRequestSince Key = "card.request_since" // what, day opened
	CardNote         Key = "card.note"
	CardDates        Key = "card.dates"
	CardSpecial      Key = "card.special"
	CardValue        Key = "card.value"
	CardValueText    Key = "card.value_text" // 12-month spend, visits
)

// When things are due.
const (
	WhenToday     Key = "when.today"
	WhenTomorrow  Key = "when.tomorrow"
	WhenInDays    Key = "when.in_days" // days
	WhenYesterday Key = "when.yesterday"
	WhenDaysAgo   Key = "when.days_ago"   // days
	WhenLate      Key = "when.late"       // days
	WhenSnoozedTo Key = "when.snoozed_to" // day
	WhenWaiting   Key = "when.waiting"    // days
	WhenAway      Key = "when.away"       // days
)

// Follow-ups screen.
const (
	TasksComing     Key = "tasks.coming" // count
	TasksNoneComing Key = "tasks.none_coming"
)

// Clients screen.
const (
	ClientsSearchHint   Key = "clients.search_hint"
	ClientsCount        Key = "clients.count"     // shown, total
	ClientsSortedBy     Key = "clients.sorted_by" // sort name
	ClientsSearching    Key = "clients.searching"
	ClientsFound        Key = "clients.found" // matches, before the list has loaded
	ClientsNone         Key = "clients.none"
	ClientsTooMany      Key = "clients.too_many"       // the look-up's limit, the query
	ClientsTooManyShort Key = "clients.too_many_short" // the look-up's limit
	ColName             Key = "col.name"
	ColTier             Key = "col.tier"
	ColLastVisit        Key = "col.last_visit"
	ColSpend12          Key = "col.spend12"
	ColNextDate         Key = "col.next_date"
	SortBest            Key = "sort.best"
	SortName            Key = "sort.name"
	SortSpend           Key = "sort.spend"
	SortLastVisit       Key = "sort.last_visit"
	SortNextDate        Key = "sort.next_date"
	MarkDNC             Key = "mark.dnc"
)

// Profile screen.
const (
	ProfTier        Key = "prof.tier" // tier
	ProfDNC         Key = "prof.dnc"
	ProfPhone       Key = "prof.phone"
	ProfEmail       Key = "prof.email"
	ProfWeChat      Key = "prof.wechat"
	ProfReach       Key = "prof.reach"
	ProfPlace       Key = "prof.place"
	ProfOccupation  Key = "prof.occupation"
	ProfHousehold   Key = "prof.household"
	ProfValue       Key = "prof.value"
	ProfValueText   Key = "prof.value_text" // 12-month spend, currency, year to date, all-time spend, visits, average ticket (the last three all time)
	ProfLastVisit   Key = "prof.last_visit"
	ProfSpecial     Key = "prof.special"
	ProfTags        Key = "prof.tags"
	ProfOwner       Key = "prof.owner"
	ProfSizesPrefs  Key = "prof.sizes_prefs"
	ProfTaken       Key = "prof.taken" // day
	ProfDislikes    Key = "prof.dislikes"
	ProfGifts       Key = "prof.gifts"
	ProfHobbies     Key = "prof.hobbies"
	ProfWhyBrand    Key = "prof.why_brand"
	ProfMotivator   Key = "prof.motivator"
	ProfShare       Key = "prof.share"
	ProfMadeToOrder Key = "prof.made_to_order"
	ProfNothingYet  Key = "prof.nothing_yet"
	ProfDates       Key = "prof.dates"
	ProfNoDates     Key = "prof.no_dates"
	ProfTasks       Key = "prof.tasks"
	ProfNoTasks     Key = "prof.no_tasks"
	ProfRequests    Key = "prof.requests"
	ProfHistory     Key = "prof.history"
	ProfNoHistory   Key = "prof.no_history"
	HistPurchase    Key = "hist.purchase"
	HistAppointment Key = "hist.appointment"
)

// The one-line input.
const (
	LineNotePrompt   Key = "line.note_prompt" // client name
	LineNoteHint     Key = "line.note_hint"
	LineSnoozePrompt Key = "line.snooze_prompt"
	LineSnoozeHint   Key = "line.snooze_hint" // tomorrow's day
)

// Forms.
const (
	FormAddTitle    Key = "form.add_title"
	FormEditTitle   Key = "form.edit_title"  // client name
	FormTaskTitle   Key = "form.task_title"  // client name
	FormBuyTitle    Key = "form.buy_title"   // client name
	FormVisitTitle  Key = "form.visit_title" // client name
	FieldName       Key = "field.name"
	FieldLatinName  Key = "field.latin_name"
	FieldPhone      Key = "field.phone"
	FieldBirthday   Key = "field.birthday"
	FieldLunar      Key = "field.lunar"
	FieldCity       Key = "field.city"
	FieldEmail      Key = "field.email"
	FieldHonorific  Key = "field.honorific"
	FieldWeChat     Key = "field.wechat"
	FieldChannel    Key = "field.channel"
	FieldBestTime   Key = "field.best_time"
	FieldDistrict   Key = "field.district"
	FieldOccupation Key = "field.occupation"
	FieldDNC        Key = "field.dnc"
	FieldTier       Key = "field.tier"
	FieldTags       Key = "field.tags"
	FieldTaskTitle  Key = "field.task_title"
	FieldDue        Key = "field.due"
	FieldTaskKind   Key = "field.task_kind"
	FieldAmount     Key = "field.amount"
	FieldItems      Key = "field.items"
	FieldDate       Key = "field.date"
	FieldAt         Key = "field.at"
	FieldPurpose    Key = "field.purpose"
	ChannelNone     Key = "channel.none"
)

// Drafts kept from an earlier session.
const (
	DraftsTitle   Key = "drafts.title"
	DraftsExplain Key = "drafts.explain"
	DraftNote     Key = "drafts.note" // client name, first line
	DraftForm     Key = "drafts.form" // the form's title
)

// Report screen and the other screens reached with the number keys 4 and 5.
const (
	TabReport        Key = "tab.report"
	TabHandover      Key = "tab.handover"
	KeyMessage       Key = "key.message"
	KeyCopy          Key = "key.copy"
	KeyConfirm       Key = "key.confirm"
	KeyToggle        Key = "key.toggle"
	ReportTitle      Key = "report.title" // long date
	ReportBook       Key = "report.book"  // clients, buyers this year, sales this year
	ReportTop        Key = "report.top"
	ReportNoSales    Key = "report.no_sales"
	ReportPurchases  Key = "report.purchases" // count
	ReportHandedOver Key = "report.handed_over"
	ReportLikes      Key = "report.likes"
	ReportDate       Key = "report.date"  // name, when, next day, how far
	ReportTurns      Key = "report.turns" // age
	ReportYears      Key = "report.years" // years
	ReportFavourites Key = "report.favourites"
	ReportItems      Key = "report.items"
	ReportNothingYet Key = "report.nothing_yet"
	ReportShare      Key = "report.share"
	ReportTop10      Key = "report.top10"
	ReportTop50      Key = "report.top50"
	ReportFrequent   Key = "report.frequent"
	ReportVisits     Key = "report.visits" // visits, last visit
	ReportTicket     Key = "report.ticket"
	ReportTicketLine Key = "report.ticket_line" // purchases, spend
	ReportAway       Key = "report.away"
	ReportDaysAway   Key = "report.days_away" // days, last visit
	ReportRhythm     Key = "report.rhythm"    // days
	ReportTotal      Key = "report.total"     // money
	ReportCount      Key = "report.count"     // value, count
	ReportLastNote   Key = "report.last_note" // day, kind, text
	ReportNone       Key = "report.none"
	ReportGapsTitle  Key = "report.gaps_title"
	ReportGaps       Key = "report.gaps" // list
	ReportNoGaps     Key = "report.no_gaps"
)

// Message composer.
const (
	MsgTitle            Key = "msg.title"    // client name
	MsgExplain          Key = "msg.explain"  // client name
	MsgTemplate         Key = "msg.template" // file
	MsgNothingToCopy    Key = "msg.nothing_to_copy"
	MsgRefused          Key = "msg.refused"           // client name
	MsgRefusedSince     Key = "msg.refused_since"     // client name, day
	StatusMessageCopied Key = "status.message_copied" // client name
	// StatusMessageSaved: as StatusMessageCopied, and where the text was saved.
	StatusMessageSaved Key = "status.message_saved" // client name, the file
	MsgHoliday         Key = "msg.holiday"
	MsgBirthday        Key = "msg.birthday"
	MsgSeason          Key = "msg.season"
	MsgMissYou         Key = "msg.miss_you"
	MsgThankYou        Key = "msg.thank_you"
	MsgCall            Key = "msg.call"
	MsgCare            Key = "msg.care"
	MsgServiceInvite   Key = "msg.service_invite"
	MsgReferralThanks  Key = "msg.referral_thanks"
	MsgWelcome         Key = "msg.welcome"
	MsgComplaint       Key = "msg.complaint"

	// The fragments the messages package puts into a template when the
	// client's record has nothing better, in the message's language.
	MsgFragPiece      Key = "msg.frag.piece"       // the piece bought, when no item is recorded
	MsgFragCareTip    Key = "msg.frag.care_tip"    // how to care for a new piece
	MsgFragOccasion   Key = "msg.frag.occasion"    // the occasion, when no festival is near
	MsgSeasonWinter   Key = "msg.season.winter"    // the season's name
	MsgSeasonSpring   Key = "msg.season.spring"    //
	MsgSeasonSummer   Key = "msg.season.summer"    //
	MsgSeasonAutumn   Key = "msg.season.autumn"    //
	MsgSeasonCareWint Key = "msg.season.care_wint" // the weather care of the season
	MsgSeasonCareSpr  Key = "msg.season.care_spr"  //
	MsgSeasonCareSum  Key = "msg.season.care_sum"  //
	MsgSeasonCareAut  Key = "msg.season.care_aut"  //
)

// Handover screen.
const (
	HoExportTitle    Key = "ho.export_title"
	HoImportTitle    Key = "ho.import_title"
	HoChoose         Key = "ho.choose"
	HoBySearch       Key = "ho.by_search"
	HoByTier         Key = "ho.by_tier"
	HoAll            Key = "ho.all"
	HoQuery          Key = "ho.query"
	HoQueryHint      Key = "ho.query_hint"
	HoTier           Key = "ho.tier"
	HoTierHint       Key = "ho.tier_hint"
	HoTo             Key = "ho.to"
	HoToHint         Key = "ho.to_hint"
	HoFile           Key = "ho.file"
	HoInFileHint     Key = "ho.in_file_hint"
	HoPass           Key = "ho.pass"
	HoPassAgain      Key = "ho.pass_again"
	HoRelease        Key = "ho.release"
	HoReleaseText    Key = "ho.release_text"
	HoExportButton   Key = "ho.export_button"
	HoPreviewButton  Key = "ho.preview_button"
	HoHintForm       Key = "ho.hint_form"
	HoHintTyping     Key = "ho.hint_typing"
	HoWorking        Key = "ho.working"
	HoConfirmTitle   Key = "ho.confirm_title" // clients, colleague
	HoConfirmFile    Key = "ho.confirm_file"  // path
	HoConfirmKeep    Key = "ho.confirm_keep"
	HoConfirmRelease Key = "ho.confirm_release"
	HoConfirmAsk     Key = "ho.confirm_ask"
	HoMore           Key = "ho.more"     // count
	HoExported       Key = "ho.exported" // clients, colleague, notes, purchases, tasks, path
	HoColleague      Key = "ho.colleague"
	HoGivePassphrase Key = "ho.give_passphrase"
	HoReleased       Key = "ho.released"
	HoReviewTitle    Key = "ho.review_title" // path
	HoReviewFrom     Key = "ho.review_from"  // associate, made, clients, for
	HoReviewAsk      Key = "ho.review_ask"
	HoCounts         Key = "ho.counts"   // new, merged, unchanged, conflicts, notes, purchases, tasks, introduce tasks
	HoImported       Key = "ho.imported" // what it did
	HoNothingToDo    Key = "ho.nothing_to_do"
	HoWarning        Key = "ho.warning" // text
	HoNew            Key = "ho.new"
	HoMerged         Key = "ho.merged"
	HoUnchanged      Key = "ho.unchanged"
	HoMatchedBy      Key = "ho.matched_by" // how
	HoByPhone        Key = "ho.by_phone"
	HoByEmail        Key = "ho.by_email"
	HoByNameBirthday Key = "ho.by_name_birthday"
	HoByIDName       Key = "ho.by_id_name"
	HoConflict       Key = "ho.conflict" // field, old, new
	HoErrNoQuery     Key = "ho.err_no_query"
	HoErrNoTier      Key = "ho.err_no_tier"
	HoErrNoTo        Key = "ho.err_no_to"
	HoErrNoFile      Key = "ho.err_no_file"
	HoErrNoPass      Key = "ho.err_no_pass"
	HoErrShortPass   Key = "ho.err_short_pass" // min length
	HoErrPassDiffer  Key = "ho.err_pass_differ"
	HoErrNoneFound   Key = "ho.err_none_found" // query
	HoErrExists      Key = "ho.err_exists"     // path
	HoErrRead        Key = "ho.err_read"       // error
	HoErrWrongPass   Key = "ho.err_wrong_pass"
	HoErrDamaged     Key = "ho.err_damaged"
	HoErrNotBundle   Key = "ho.err_not_bundle"
	HoErrNewer       Key = "ho.err_newer"
)

// Backups: the daily automatic backup and the one asked for (B).
const (
	KeyBackup       Key = "key.backup"
	BackupRunning   Key = "backup.running"
	BackupDone      Key = "backup.done"        // the file written
	BackupFull      Key = "backup.full"        // the backups directory
	BackupFailed    Key = "backup.failed"      // the error
	BackupAutoErr   Key = "backup.auto_failed" // the error
	BackupNotPruned Key = "backup.not_pruned"  // the file written, the error
)

// The words of the app's newer parts: undoing a tick, the note's kind
// picked with one key, a special request, the profile's sections.
const (
	KeyUndo Key = "key.undo"
	// KeyWhy shows or hides the reasons of each briefing item's urgency.
	KeyWhy Key = "key.why"
	// BriefWhy is an item's urgency and its reasons.
	BriefWhy Key = "brief.why" // the score, the reasons
	// BriefWhyJoin joins the reasons of BriefWhy.
	BriefWhyJoin        Key = "brief.why_join"
	StatusTaskReopened  Key = "status.task_reopened" // task title
	StatusUndoHint      Key = "status.undo_hint"     // the undo key
	StatusCloseAnyway   Key = "status.close_anyway"
	StatusNothingToUndo Key = "status.nothing_to_undo" // the undo key
	TasksDoneHere       Key = "tasks.done_here"        // count
	// The note's kind picked with one key: the prompt, the line's prompt
	// for a kind, the request's prompt and its news.
	LinePickKind      Key = "line.pick_kind"      // client name
	LineKindPrompt    Key = "line.kind_prompt"    // kind, client name
	LineRequestPrompt Key = "line.request_prompt" // client name
	LineRequestHint   Key = "line.request_hint"
	LineKindHint      Key = "line.kind_hint"
	StatusRequestOpen Key = "status.request_open" // client name
)

// The profile's entries.
const (
	KeyAddEntry           Key = "key.add_entry"
	KeyRemoveEntry        Key = "key.remove_entry"
	EntrySize             Key = "entry.size"
	EntryLike             Key = "entry.like"
	EntryDislike          Key = "entry.dislike"
	EntryFamily           Key = "entry.family"
	LinePickEntry         Key = "line.pick_entry" // client name
	FieldSizeCategory     Key = "field.size_category"
	FieldSizeCategoryHint Key = "field.size_category_hint"
	FieldSizeValue        Key = "field.size_value"
	FieldSizeSystem       Key = "field.size_system"
	FieldSizeFit          Key = "field.size_fit"
	FieldSizeTaken        Key = "field.size_taken"
	FieldLike             Key = "field.like"
	FieldLikeKind         Key = "field.like_kind"
	FieldEntryNote        Key = "field.entry_note"
	FieldDislike          Key = "field.dislike"
	FieldRelation         Key = "field.relation"
	ErrEntryRequired      Key = "err.entry_required"
	FormSizeTitle         Key = "form.size_title"    // client name
	FormLikeTitle         Key = "form.like_title"    // client name
	FormDislikeTitle      Key = "form.dislike_title" // client name
	FormFamilyTitle       Key = "form.family_title"  // client name
	ProfEntriesHint       Key = "prof.entries_hint"
	LineRemoveEntry       Key = "line.remove_entry"    // the entry, client name
	StatusEntryRemoved    Key = "status.entry_removed" // the entry
	EntryMeasure          Key = "entry.measure"
	EntryDate             Key = "entry.date"
	EntryCard             Key = "entry.card"
	EntryGift             Key = "entry.gift"
	FieldMeasureName      Key = "field.measure_name"
	FieldMeasureValue     Key = "field.measure_value"
	FieldMeasureUnit      Key = "field.measure_unit"
	FieldDateKind         Key = "field.date_kind"
	FieldDateWhen         Key = "field.date_when"
	FieldDateLunar        Key = "field.date_lunar"
	FieldDateLabel        Key = "field.date_label"
	FieldDateFor          Key = "field.date_for"
	FieldDateLead         Key = "field.date_lead"
	ErrDateRequired       Key = "err.date_required"
	ErrLeadBad            Key = "err.lead_bad"
	FieldCardProgram      Key = "field.card_program"
	FieldCardNumber       Key = "field.card_number"
	FieldCardLevel        Key = "field.card_level"
	FieldCardPoints       Key = "field.card_points"
	FieldCardExpires      Key = "field.card_expires"
	FieldCardExpiresHint  Key = "field.card_expires_hint"
	FieldDayHint          Key = "field.day_hint"        // a day of the year, a full date or a lunar day
	FieldBirthdayHint     Key = "field.birthday_hint"   // a birthday with or without its year
	FieldFamilyDayHint    Key = "field.family_day_hint" // a family birthday, solar or lunar
	ErrPointsBad          Key = "err.points_bad"
	FieldGiftWhat         Key = "field.gift_what"
	FieldGiftDate         Key = "field.gift_date"
	FieldGiftFor          Key = "field.gift_for"
	GiftForNone           Key = "gift.for_none"
	FormMeasureTitle      Key = "form.measure_title"
	FormDateTitle         Key = "form.date_title"
	FormCardTitle         Key = "form.card_title"
	FormGiftTitle         Key = "form.gift_title"
	// The titles of the entries' forms when one is changed (the ones
	// above add one); each takes the client's name.
	FormSizeChangeTitle    Key = "form.size_change_title"
	FormLikeChangeTitle    Key = "form.like_change_title"
	FormDislikeChangeTitle Key = "form.dislike_change_title"
	FormFamilyChangeTitle  Key = "form.family_change_title"
	FormMeasureChangeTitle Key = "form.measure_change_title"
	FormDateChangeTitle    Key = "form.date_change_title"
	FormCardChangeTitle    Key = "form.card_change_title"
	FormGiftChangeTitle    Key = "form.gift_change_title"
	ProfMeasurements       Key = "prof.measurements"
	ProfCards              Key = "prof.cards"
	ProfGiftLog            Key = "prof.gift_log"
	ProfLastGift           Key = "prof.last_gift"
	ProfGiftFor            Key = "prof.gift_for"
	StatusGiftTicked       Key = "status.gift_ticked"
)

// Report question 3 from likes, dislikes and sizes.
const (
	CliReportLines     Key = "cli.report.lines"
	CliReportOccasions Key = "cli.report.occasions"
	CliReportDisliked  Key = "cli.report.disliked"
	CliReportSizesWorn Key = "cli.report.sizes_worn"
	CliReportSizes     Key = "cli.report.sizes"
	ReportSizes        Key = "report.sizes"
)

// The briefing's sections seen whole (issue 15).
const (
	// KeyWhole opens the briefing's section under the cursor whole.
	KeyWhole Key = "key.whole"
	// BriefSeeAll follows the heading of a section shown in part: the key
	// that shows it whole.
	BriefSeeAll Key = "brief.see_all" // the key
	// BriefWholeBack is the line under a section seen whole.
	BriefWholeBack Key = "brief.whole_back" // the key back
	// BriefWholePick says the key works on an item of a section.
	BriefWholePick Key = "brief.whole_pick"
)

// The special requests on the profile, closed and reopened there, and
// the follow-ups ticked off recently, reopened from the follow-ups screen
// (issue 11).
const (
	// ProfRequestsHint follows the requests' heading: the keys on one.
	ProfRequestsHint Key = "prof.requests_hint" // the tick key
	// LineCloseRequest asks how a request is closed, with one key.
	LineCloseRequest Key = "line.close_request" // what was asked, client name
	// StatusRequestIs says where a request now stands.
	StatusRequestIs Key = "status.request_is" // what was asked, its status
	// StatusRequestReopened says a closed request is open again.
	StatusRequestReopened Key = "status.request_reopened" // what was asked
	// KeyShowDone shows or hides the follow-ups ticked off recently.
	KeyShowDone Key = "key.show_done"
	// TasksDoneRecently heads the follow-ups ticked off in the last days.
	TasksDoneRecently Key = "tasks.done_recently" // days, count, the reopen key
	// TasksNoneDoneRecently heads them when none was ticked off in
	// those days.
	TasksNoneDoneRecently Key = "tasks.none_done_recently" // days
	// TasksDoneRecentlyHead heads them until the book has given them.
	TasksDoneRecentlyHead Key = "tasks.done_recently_head" // days
	// TasksDoneHint follows the follow-ups' last section when the ones
	// ticked off recently are hidden: the key that shows them.
	TasksDoneHint Key = "tasks.done_hint" // the key, days
)
