package i18n

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
