package i18n

import (
	"strconv"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
)

// reasonKeys are the keys of the reasons whose facts are said as they
// are; the reasons that need more are worded in Reason.
var reasonKeys map[string]Key

func reasonKeysTable() map[string]Key {
	return map[string]Key{
		"due_on": ReasonDueOn, "due_today": ReasonDueToday, "wishes_today": ReasonWishesToday,
		"expected_at": ReasonExpectedAt, "tier_by_hand": ReasonTierByHand, "tier": ReasonTier,
	}
}

// counted are the reasons whose first fact is a count (the singular is
// said for 1).
var counted map[string]Key

func countedTable() map[string]Key {
	return map[string]Key{
		"late": ReasonLate, "request_open": ReasonRequestOpen, "waiting_weeks": ReasonWaitingWeeks,
		"festival_tier": ReasonFestivalTier, "no_contact": ReasonNoContact, "last_contact": ReasonLastContact,
	}
}

// Reason words why a briefing item is urgent: a reason's code
// (briefing.Reason) and its facts, in the catalog's language. An unknown
// code is shown as it is.
func (c *Catalog) Reason(code string, args []string) string {
	arg := func(i int) string {
		if i < len(args) {
			return args[i]
		}
		return ""
	}
	num := func(i int) int { n, _ := strconv.Atoi(arg(i)); return n }
	if k, ok := reasonKeys[code]; ok {
		return c.T(k, anys(args)...)
	}
	if k, ok := counted[code]; ok {
		rest := anys(args)
		if len(rest) > 0 {
			rest[0] = num(0)
		}
		return c.N(k, num(0), rest...)
	}
	switch code {
	case "date":
		name := c.DateWhose(profile.DateKind(arg(0)), arg(1), arg(5))
		s := c.T(ReasonDate, name, c.DaysAway(num(2)))
		if arg(3) != "" {
			s += c.T(ReasonDateLunar, c.LunarText(arg(3)))
		}
		if num(2) > 0 {
			s += c.T(ReasonDateOn, arg(4))
		}
		return s
	case "festival":
		name := arg(0)
		if c.IsChinese() && arg(1) != "" {
			name = arg(1)
		}
		return c.T(ReasonFestival, name, c.DaysAway(num(2)), arg(3))
	case "noted":
		return c.T(ReasonNoted, c.DaysAway(-num(0)), arg(1))
	case "tier_spend":
		return c.T(ReasonTierSpend, arg(0), arg(1), num(2), num(3))
	case "special_person":
		flags := make([]string, len(args))
		for i, f := range args {
			flags[i] = c.SpecialFlag(f)
		}
		return c.T(ReasonSpecialPerson, c.List(flags))
	}
	return code
}

// LapseReason says why a top client counts as lapsed: away days since
// the last visit, their usual rhythm (0 when unknown), and the rule that
// set the lapse days (by their own rhythm, else by their tier).
func (c *Catalog) LapseReason(away int, last civil.Date, rhythm int, byRhythm bool, tier string, lapse int) string {
	s := c.N(LapseAway, away, away, last)
	if rhythm > 0 {
		s += c.N(LapseRhythm, rhythm, rhythm)
	}
	if byRhythm {
		return s + c.T(LapseByRhythm, lapse)
	}
	return s + c.N(LapseByTier, lapse, tier, lapse)
}

// anys turns strings into the arguments of T.
func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
