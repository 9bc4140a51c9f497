package i18n

// enRules is the English of the rules' titles (keys.go).
var enRules map[Key]string

func enRulesTable() map[Key]string {
	return map[Key]string{
		TitleThankYou:           "Thank-you message for the purchase",
		TitleThankYouFor:        "Thank-you message for the purchase (%s)",
		TitleCall:               "Call: how does it wear?",
		TitleCallFor:            "Call: how does it wear? (%s)",
		TitleCare:               "Care message: tips for the new piece",
		TitleCareFor:            "Care message: tips for the new piece (%s)",
		TitleService:            "Invite back for care or cleaning",
		TitleServiceFor:         "Invite back for care or cleaning (%s)",
		TitleThankReferrer:      "Thank %s for introducing %s",
		TitleWelcome:            "Welcome %s (introduced by %s)",
		TitleReferralFollowUp:   "Follow up with %s, introduced by %s",
		TitleErasedClient:       "a client since erased",
		TitleHandedOnClient:     "a client since handed over",
		TitleTopSpender:         "Personal visit with flowers or a gift, and ask for their advice: top spender of the last 12 months (%s)",
		TitleComplaint:          "Complaint: work through the eight steps",
		TaskCancelledDNC:        "cancelled: the client asked not to be contacted",
		TitleTopSpenderYear:     "Personal visit with flowers or a gift, and ask for their advice: top spender of the year since %[2]s (%[1]s)",
		TaskCancelledOvertaken:  "cancelled: %s is now the year's top spender (%s)",
		TitleCardLapsing:        "Invite back before the %[1]s lapses: it needs %[3]s by %[2]s to be kept",
		TaskCancelledCardKept:   "closed: the card is kept (renewed or upgraded by a purchase)",
		TaskCancelledCardLapsed: "closed: the card lapsed",
		TaskCardRenewal:         "card renewal",
		SecCards:                "Cards lapsing within 30 days (%s)",
		CardWithOutlook:         "%s: %s",

		ComplaintStep1: "Listen and empathise",
		ComplaintStep2: "Talk it through",
		ComplaintStep3: "Apologise sincerely",
		ComplaintStep4: "Analyse and restate the problem",
		ComplaintStep5: "Explain",
		ComplaintStep6: "Resolve fairly",
		ComplaintStep7: "Compensate (a small gift)",
		ComplaintStep8: "Confirm satisfaction and thank",
	}
}
