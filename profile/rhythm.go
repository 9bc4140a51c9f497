package profile

import (
	"math"
	"slices"

	"github.com/vipbook/vipbook/civil"
)

// Rhythm is how a client comes in: the distinct days with a purchase or a
// logged visit, the last of them, and the median gap between them (the
// client's own rhythm, which says when they have stayed away too long).
//
// The store works it out whenever it writes a summary, from every day
// logged, so that the briefing need not redo it for every client each
// morning; OK is false in a summary written before it did.
type Rhythm struct {
	Days      int32 // distinct days with a purchase or a logged visit
	Last      int32 // the last of them, as a civil day number; meaningful when Days > 0
	MedianGap int32 // the median of the gaps between them, in days (of an even count, the mean of the middle two, rounded up); 0 with fewer than two
	OK        bool
}

// LastDay returns the last visit day (zero with none).
func (r Rhythm) LastDay() civil.Date {
	if r.Days == 0 {
		return civil.Date{}
	}
	return civil.FromDayNumber(int(r.Last))
}

// AllDays is the today of RhythmUpTo that takes every day logged.
const AllDays = math.MaxInt32

// RhythmUpTo works out the rhythm from the days up to today (a civil day
// number; AllDays for every one) of spends and visits, both oldest first
// as the summary keeps them. buf is scratch space, returned for reuse.
func RhythmUpTo(spends []Spend, visits []civil.Date, today int, buf []int) (Rhythm, []int) {
	days := buf[:0]
	last := math.MinInt
	push := func(d int) {
		if d <= today && d != last {
			days = append(days, d)
			last = d
		}
	}
	sp, vd := spends, visits
	for len(sp) > 0 || len(vd) > 0 { // merge the two sorted lists
		if len(vd) == 0 || (len(sp) > 0 && !sp[0].Date.After(vd[0])) {
			if !sp[0].Date.IsZero() && sp[0].Amount != 0 { // a zero purchase is no visit
				push(sp[0].Date.DayNumber())
			}
			sp = sp[1:]
		} else {
			if !vd[0].IsZero() {
				push(vd[0].DayNumber())
			}
			vd = vd[1:]
		}
	}
	r := Rhythm{Days: int32(len(days)), OK: true}
	if len(days) == 0 {
		return r, days
	}
	r.Last = int32(days[len(days)-1])
	if len(days) >= 2 {
		gaps := days[:len(days)-1] // in place: days[k] becomes the gap after it
		for k := range gaps {
			gaps[k] = days[k+1] - days[k]
		}
		slices.Sort(gaps)
		if n := len(gaps); n%2 == 1 {
			r.MedianGap = int32(gaps[n/2])
		} else {
			r.MedianGap = int32((gaps[n/2-1] + gaps[n/2] + 1) / 2)
		}
	}
	return r, days
}

// RhythmOn is the client's rhythm as of today (a civil day number): the
// one the store kept when every day it counted is on or before today,
// else worked out from the days up to today. buf is scratch space,
// returned for reuse.
func (s *Summary) RhythmOn(today int, buf []int) (Rhythm, []int) {
	if r := s.Rhythm; r.OK && int(r.Last) <= today {
		return r, buf
	}
	return RhythmUpTo(s.Spends, s.VisitDays, today, buf)
}
