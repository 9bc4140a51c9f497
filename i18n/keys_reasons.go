package i18n

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
