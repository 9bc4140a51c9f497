package search

import (
	"slices"
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
)

// Standing is what ranks clients a query matches equally well (the same
// match class and score; every client, for field filters alone): the
// higher tier first, then the one seen more recently, then the bigger
// 12-month spender. "size:shoes=39 likes:loafers" thus lists the top
// clients who came in lately first: the ones to call when the piece
// arrives.
type Standing struct {
	// Level is the tier's place in the scheme, higher is better; 0 for a
	// client without a tier (see LevelOf).
	Level int
	// Seen is the last day the client was seen: a purchase or a visit.
	Seen  civil.Date
	Spend profile.Money
}

// compareStanding orders two standings: positive when a ranks ahead of
// b, negative when behind, 0 when they stand level.
func compareStanding(a, b Standing) int {
	switch {
	case a.Level != b.Level:
		return a.Level - b.Level
	case a.Seen != b.Seen:
		if a.Seen.After(b.Seen) {
			return 1
		}
		return -1
	case a.Spend != b.Spend:
		if a.Spend > b.Spend {
			return 1
		}
		return -1
	}
	return 0
}

// LevelOf returns the place of tier among levels (the scheme's tiers,
// lowest first, as tiers.Levels gives them), counted from 1; 0 when tier
// is empty or not among them.
func LevelOf(levels []string, tier string) int {
	if tier == "" {
		return 0
	}
	for i, l := range levels {
		if l != "" && strings.EqualFold(l, tier) {
			return i + 1
		}
	}
	return 0
}

// LastSeen returns the last day s was seen, by a purchase or a logged
// visit, up to today (zero when never).
func LastSeen(s *profile.Summary, today civil.Date) civil.Date {
	var seen civil.Date
	for i := len(s.Spends) - 1; i >= 0; i-- { // oldest first: the last one not after today
		if d := s.Spends[i].Date; !d.After(today) || today.IsZero() {
			seen = d
			break
		}
	}
	for i := len(s.VisitDays) - 1; i >= 0; i-- {
		if d := s.VisitDays[i]; !d.After(today) || today.IsZero() {
			if d.After(seen) {
				seen = d
			}
			break
		}
	}
	return seen
}

// rankOrder returns the clients of standings ordered from the lowest
// rank to the highest: by compareStanding, and among clients who stand
// level the earlier one higher.
func rankOrder(standings []Standing) []int32 {
	order := make([]int32, len(standings))
	for d := range order {
		order[d] = int32(d)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := compareStanding(standings[a], standings[b]); c != 0 {
			return c
		}
		return int(b - a)
	})
	return order
}
