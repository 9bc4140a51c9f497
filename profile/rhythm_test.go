package profile

import (
	"testing"

	"github.com/vipbook/vipbook/civil"
)

func TestRhythmUpTo(t *testing.T) {
	d := civil.MustParse
	// A purchase of 0 (2026-04-01) is no visit day (issue 12 point 11).
	spends := []Spend{{Date: d("2026-01-10"), Amount: 100}, {Date: d("2026-03-01"), Amount: 100}, {Date: d("2026-03-01"), Amount: 100},
		{Date: d("2026-04-01")}, {Date: d("2026-12-20"), Amount: 100}}
	visits := []civil.Date{d("2026-02-01"), d("2026-03-01"), d("2026-05-01")}
	cases := []struct {
		name         string
		today        int
		days, median int32
		last         string
	}{
		// Days: 01-10, 02-01, 03-01, 05-01, 12-20; gaps 22, 28, 61, 233:
		// the middle two 28 and 61 give 45 (44.5 rounded up).
		{"every day", AllDays, 5, 45, "2026-12-20"},
		// Up to 11-24: 01-10, 02-01, 03-01, 05-01; gaps 22, 28, 61: median 28.
		{"up to a day", d("2026-11-24").DayNumber(), 4, 28, "2026-05-01"},
		{"one day", d("2026-01-31").DayNumber(), 1, 0, "2026-01-10"},
		{"none yet", d("2025-12-31").DayNumber(), 0, 0, ""},
	}
	for _, c := range cases {
		r, _ := RhythmUpTo(spends, visits, c.today, nil)
		if !r.OK || r.Days != c.days || r.MedianGap != c.median || r.LastDay().String() != c.last && c.last != "" {
			t.Errorf("%s: %+v (last %s), want %d days, median %d, last %s", c.name, r, r.LastDay(), c.days, c.median, c.last)
		}
		if c.last == "" && !r.LastDay().IsZero() {
			t.Errorf("%s: last day %s, want none", c.name, r.LastDay())
		}
	}
}
