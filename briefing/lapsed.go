package briefing

import (
	"math"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
)

// Which rule found a client lapsed.
const (
	ByRhythm = "rhythm" // away longer than their own rhythm times the lapse factor
	ByTier   = "tier"   // away longer than their tier's lapse days
)

// LapsedItem is a top client (a tier above the lowest) away longer than
// usual: longer than their own rhythm (the median gap between their visits
// times the config's lapse factor, once they have lapse_min_visits visits)
// or than their tier's lapse days, whichever comes first.
//
// Two clocks are kept apart: DaysAway runs from the last visit (a purchase
// or a logged visit), and only a visit resets it; SinceContact runs from
// the last call, message, visit or purchase, the keep-in-touch clock that a
// call or a message resets. A lapsed client called last week stays lapsed,
// with a lower urgency.
type LapsedItem struct {
	ClientID   string     `json:"client_id"`
	ClientName string     `json:"client_name"`
	Tier       string     `json:"tier"`
	LastVisit  civil.Date `json:"last_visit"`
	DaysAway   int        `json:"days_away"`
	Visits     int        `json:"visits"`      // distinct days with a purchase or a logged visit
	RhythmDays int        `json:"rhythm_days"` // the median gap between visits; 0 with too few visits to tell
	LapseDays  int        `json:"lapse_days"`  // away longer than this counts as lapsed
	By         string     `json:"by"`          // ByRhythm or ByTier: the rule that set LapseDays
	// LastContact is the last call, message, visit or purchase;
	// SinceContact the days since.
	LastContact  civil.Date `json:"last_contact,omitzero"`
	SinceContact int        `json:"since_contact"`
	Urgency      Urgency    `json:"urgency"`
}

// lapsedItems returns the limit most urgent lapsed top clients and how
// many there are. Every lapsed client is ranked from a compact record;
// only the items kept are written out.
func lapsedItems(sc *scorer, r config.Rhythm, limit int) ([]LapsedItem, int) {
	found := findLapsed(sc, r)
	today := sc.day
	pick := topK(len(found), limit, func(k int) float64 {
		u := Urgency{quiet: true}
		sc.tier(&u, int(found[k].ci))
		sc.sinceTouch(&u, int(found[k].ci))
		return u.Score
	}, func(k int) string { return sc.sums[found[k].ci].ID })
	kept := make([]LapsedItem, len(pick))
	for n, k := range pick {
		f, ci := found[k], int(found[k].ci)
		s := &sc.sums[ci]
		item := LapsedItem{ClientID: s.ID, ClientName: s.DisplayName(), Tier: sc.tierOf(ci),
			LastVisit: civil.FromDayNumber(int(f.last)), DaysAway: today - int(f.last), Visits: int(f.visits),
			RhythmDays: int(f.rhythm), LapseDays: int(f.lapse), By: ByTier, LastContact: s.LastContact()}
		if f.byRhythm {
			item.By = ByRhythm
		}
		if last := s.LastContact(); !last.IsZero() {
			item.SinceContact = today - last.DayNumber()
		}
		sc.tier(&item.Urgency, ci)
		sc.sinceTouch(&item.Urgency, ci)
		kept[n] = item
	}
	return kept, len(found)
}

// lapsedClient is what ranking a lapsed client needs, kept compact.
type lapsedClient struct {
	ci, last, visits, rhythm, lapse int32
	byRhythm                        bool
}

// findLapsed returns the lapsed top clients, in client order, by their
// rhythm on the day (client.Rhythm).
func findLapsed(sc *scorer, r config.Rhythm) []lapsedClient {
	var found []lapsedClient
	today := sc.day
	for i := range sc.sums {
		if !sc.open[i] || sc.levels[i] <= 0 {
			continue
		}
		s := &sc.sums[i]
		rh := s.Rhythm
		if rh.Days == 0 {
			continue
		}
		away := today - int(rh.Last)
		lapse, byRhythm := r.LapseDays[sc.tierOf(i)], false
		if lapse < 0 {
			lapse = 0
		}
		rhythm := 0
		if int(rh.Days) >= max(r.LapseMinVisits, 2) && r.LapseFactor > 0 {
			rhythm = int(rh.MedianGap)
			if own := int(math.Ceil(float64(rhythm) * r.LapseFactor)); own > 0 && (lapse == 0 || own < lapse) {
				lapse, byRhythm = own, true
			}
		}
		if lapse == 0 || away <= lapse {
			continue
		}
		found = append(found, lapsedClient{ci: int32(i), last: rh.Last, visits: rh.Days,
			rhythm: int32(rhythm), lapse: int32(lapse), byRhythm: byRhythm})
	}
	return found
}
