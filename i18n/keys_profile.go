package i18n

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

// The command line's words of the profile's entries.
const (
	CliProfileBriefGiftReady     Key = "cli.profile.brief_gift_ready"
	CliProfileBriefGiftNotYet    Key = "cli.profile.brief_gift_not_yet"
	CliProfileBorn               Key = "cli.profile.born"
	CliProfileCardProgram        Key = "cli.profile.card_program"
	CliProfileCards              Key = "cli.profile.cards"
	CliProfileDateAdded          Key = "cli.profile.date_added"
	CliProfileDateFor            Key = "cli.profile.date_for"
	CliProfileDateUsage          Key = "cli.profile.date_usage"
	CliProfileDisliked           Key = "cli.profile.disliked"
	CliProfileEarlier            Key = "cli.profile.earlier"
	CliProfileExpires            Key = "cli.profile.expires"
	CliProfileGiftLogged         Key = "cli.profile.gift_logged"
	CliProfileGiftNotYet         Key = "cli.profile.gift_not_yet"
	CliProfileGiftReady          Key = "cli.profile.gift_ready"
	CliProfileGifts              Key = "cli.profile.gifts"
	CliProfileLead               Key = "cli.profile.lead"
	CliProfileLeadNegative       Key = "cli.profile.lead_negative"
	CliProfileLiked              Key = "cli.profile.liked"
	CliProfileLikes              Key = "cli.profile.likes"
	CliProfileLunarNeedsBirthday Key = "cli.profile.lunar_needs_birthday"
	CliProfileMeasureUsage       Key = "cli.profile.measure_usage"
	CliProfileMeasurements       Key = "cli.profile.measurements"
	CliProfileNoDates            Key = "cli.profile.no_dates"
	CliProfilePoints             Key = "cli.profile.points"
	CliProfileRecorded           Key = "cli.profile.recorded"
	CliProfileRelAssistant       Key = "cli.profile.rel_assistant"
	CliProfileRelChild           Key = "cli.profile.rel_child"
	CliProfileRelOther           Key = "cli.profile.rel_other"
	CliProfileRelParent          Key = "cli.profile.rel_parent"
	CliProfileRelPartner         Key = "cli.profile.rel_partner"
	CliProfileRelSpouse          Key = "cli.profile.rel_spouse"
	CliProfileRemoveUsage        Key = "cli.profile.remove_usage"
	CliProfileSizeRemove         Key = "cli.profile.size_remove"
	CliProfileMeasureRemove      Key = "cli.profile.measure_remove"
	CliProfileLikeRemove         Key = "cli.profile.like_remove"
	CliProfileRemoved            Key = "cli.profile.removed"
	CliProfileSizeUsage          Key = "cli.profile.size_usage"
	CliProfileStore              Key = "cli.profile.store"
	CliProfileTicked             Key = "cli.profile.ticked"
)
