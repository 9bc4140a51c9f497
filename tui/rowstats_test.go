package tui

import (
	"math/rand/v2"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
)

// TestRowStatsAsStats: a row's last visit and 12-month spend, worked out
// without the set of visit days, are those of Summary.Stats, for spends
// and visits around the day (after it, a year before it, zero amounts,
// refunds, the zero date).
func TestRowStatsAsStats(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	today := civil.Date{Year: 2026, Month: 12, Day: 6}
	day := func() civil.Date {
		if rng.IntN(20) == 0 {
			return civil.Date{}
		}
		return today.AddDays(rng.IntN(800) - 700)
	}
	for range 2000 {
		var s profile.Summary
		for range rng.IntN(6) {
			s.Spends = append(s.Spends, profile.Spend{Date: day(), Amount: profile.Money(rng.IntN(5)-1) * 10000})
		}
		for range rng.IntN(4) {
			s.VisitDays = append(s.VisitDays, day())
		}
		st := s.Stats(today)
		last, spend12 := rowStats(&s, today)
		if last != st.LastVisit || spend12 != st.Last12 {
			t.Fatalf("%+v: rowStats %v %v, Stats %v %v", s, last, spend12, st.LastVisit, st.Last12)
		}
	}
}
