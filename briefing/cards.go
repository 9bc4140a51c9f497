package briefing

import (
	"cmp"
	"slices"

	"github.com/vipbook/vipbook/tiers"
)

// CardWarnDays is how many days before a card of a dated scheme lapses
// (or is void) the briefing shows it, while what keeps it is not yet
// spent: time to invite the client back.
const CardWarnDays = 30

// CardItem is a client's card lapsing within CardWarnDays: what keeps it
// and what was spent toward it (Card.Card.Keep, Toward, ValidTo).
type CardItem struct {
	ClientID   string           `json:"client_id"`
	ClientName string           `json:"client_name"`
	Card       tiers.Assignment `json:"card"`
	DaysLeft   int              `json:"days_left"` // days to the card's last valid day
	Urgency    Urgency          `json:"urgency"`
}

// cardItems lists the active clients whose dated card lapses within
// CardWarnDays unless they spend what keeps it, the soonest first (the
// higher card first on one day); at most limit, and how many there are.
func cardItems(sc *scorer, limit int) ([]CardItem, int) {
	var out []CardItem
	for i := range sc.tiers {
		a := &sc.tiers[i]
		c := a.Card
		if c == nil || c.Valid == "" || c.Keep == 0 || c.Toward >= c.Keep || c.UpgradeTo != "" || i >= len(sc.sums) || !active(&sc.sums[i]) {
			continue
		}
		left := sc.today.DaysUntil(c.ValidTo)
		if left < 0 || left > CardWarnDays {
			continue
		}
		s := &sc.sums[i]
		it := CardItem{ClientID: s.ID, ClientName: s.DisplayName(), Card: *a, DaysLeft: left}
		sc.tier(&it.Urgency, i)
		out = append(out, it)
	}
	slices.SortStableFunc(out, func(x, y CardItem) int {
		return cmp.Or(cmp.Compare(x.DaysLeft, y.DaysLeft), cmp.Compare(y.Card.Level, x.Card.Level), cmp.Compare(x.ClientName, y.ClientName))
	})
	n := len(out)
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, n
}
