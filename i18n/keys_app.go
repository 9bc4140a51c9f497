package i18n

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
	FieldRelationHint     Key = "field.relation_hint"
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
	ErrPointsBad          Key = "err.points_bad"
	FieldGiftWhat         Key = "field.gift_what"
	FieldGiftDate         Key = "field.gift_date"
	FieldGiftFor          Key = "field.gift_for"
	GiftForNone           Key = "gift.for_none"
	FormMeasureTitle      Key = "form.measure_title"
	FormDateTitle         Key = "form.date_title"
	FormCardTitle         Key = "form.card_title"
	FormGiftTitle         Key = "form.gift_title"
	ProfMeasurements      Key = "prof.measurements"
	ProfCards             Key = "prof.cards"
	ProfGiftLog           Key = "prof.gift_log"
	ProfLastGift          Key = "prof.last_gift"
	ProfGiftFor           Key = "prof.gift_for"
	StatusGiftTicked      Key = "status.gift_ticked"
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
