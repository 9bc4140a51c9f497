package tiers

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
)

// RFM are a client's quintile scores among the clients who ever bought:
// 5 is the best fifth (most recent, most frequent, biggest spend in 12
// months), 1 the lowest; a client who never bought scores 1 on each.
type RFM struct {
	R uint8 `json:"r"`
	F uint8 `json:"f"`
	M uint8 `json:"m"`
}

// String formats the scores as three digits, R then F then M: "545".
func (r RFM) String() string { return fmt.Sprintf("%d%d%d", r.R, r.F, r.M) }

// Total is the sum of the three scores (3 to 15), to rank clients.
func (r RFM) Total() int { return int(r.R) + int(r.F) + int(r.M) }

// Route is how a card was reached.
type Route string

// The routes to a card.
const (
	ByPurchase Route = "purchase" // in one purchase
	ByDay      Route = "day"      // in one day
	ByMonth    Route = "month"    // in one calendar month
	ByYear     Route = "year"     // in one yearly period
)

// Evidence is the spend that reached (or came closest to) a card.
type Evidence struct {
	Route  Route         `json:"route"`
	Amount profile.Money `json:"amount"`
	On     civil.Date    `json:"on"` // the day, the first of the month, or the period's first day
}

// CardStatus says how the card in force came to be held.
type CardStatus string

// The card statuses.
const (
	Earned     CardStatus = "earned"     // reached in the current period
	Held       CardStatus = "held"       // reached or renewed in the period before, held through this one
	Downgraded CardStatus = "downgraded" // a higher card was not renewed: the client keeps the lower card
	NoCard     CardStatus = "none"
)

// Card details a card-scheme tier.
type Card struct {
	Status      CardStatus `json:"status"`
	Evidence    Evidence   `json:"evidence"`              // what reached the card (Earned, Held), or the best of the period (Downgraded, NoCard)
	Lost        string     `json:"lost,omitempty"`        // Downgraded: the label of the card not renewed
	PeriodStart civil.Date `json:"period_start,omitzero"` // the period the evidence belongs to
	PeriodEnd   civil.Date `json:"period_end,omitzero"`
	ValidTo     civil.Date `json:"valid_to,omitzero"` // the card is held at least to this day

	// A dated scheme's card (config.CardScheme.Dated) says also when its
	// current year (or period) began, what keeps it past ValidTo (Keep:
	// the renewal, or the spend in the period under which it is void) and
	// what was spent toward that so far, the card it is upgraded to at the
	// next period's start, and when a card was lost (Lost, LostOn).
	Valid     string        `json:"valid,omitempty"` // config.ValidPeriod or config.ValidYear
	Since     civil.Date    `json:"since,omitzero"`
	Keep      profile.Money `json:"keep,omitempty"`
	Toward    profile.Money `json:"toward,omitempty"`
	UpgradeTo string        `json:"upgrade_to,omitempty"`
	UpgradeOn civil.Date    `json:"upgrade_on,omitzero"`
	LostOn    civil.Date    `json:"lost_on,omitzero"`
}

// Assignment is a client's tier and the reason for it.
type Assignment struct {
	ClientID string `json:"client_id"`
	// Tier is the tier in force: the override when one is set, else the
	// computed one. Label is its label ("platinum", "Gold card").
	Tier  string `json:"tier"`
	Label string `json:"label,omitempty"`
	// Level is the height of the tier above the lowest (0 is D, or no
	// card); the briefing weighs clients by it.
	Level int `json:"level"`
	// Override is true when the tier was set by hand; Computed is then the
	// tier the scheme gives.
	Override bool   `json:"override,omitempty"`
	Computed string `json:"computed"`
	// Spend12 is what the client spent in the last 12 months (365 days up
	// to today); Rank is their place among the Of clients who spent
	// something (0 when they spent nothing).
	Spend12 profile.Money `json:"spend_12_months"`
	Rank    int           `json:"rank,omitempty"`
	Of      int           `json:"of"`
	RFM     RFM           `json:"rfm"`
	Card    *Card         `json:"card,omitempty"`
	// Archived is true for a client released by a handover: out of the
	// ranking, in the lowest tier.
	Archived bool `json:"archived,omitempty"`

	ctx *assignContext // shared by every assignment of one Assign call
}

// assignContext is what all the assignments of one call share.
type assignContext struct {
	scheme   string
	currency string
}

// Scheme returns the name of the scheme that computed the tier: "pyramid"
// or the card scheme's name.
func (a Assignment) Scheme() string {
	if a.ctx == nil {
		return ""
	}
	return a.ctx.scheme
}

// Reason says why the client has the tier, in one line:
// "A: 18,400 CNY in 12 months, rank 4 of 320".
func (a Assignment) Reason() string {
	computed := a.computedReason()
	if a.Override {
		return fmt.Sprintf("%s: set by hand (the %s scheme gives %s)", a.Tier, a.Scheme(), computed)
	}
	return computed
}

// Money writes an amount in the currency of the book the tiers were
// computed for: "18,400 CNY".
func (a Assignment) Money(m profile.Money) string { return a.money(m) }

func (a Assignment) money(m profile.Money) string {
	if a.ctx == nil || a.ctx.currency == "" {
		return m.String()
	}
	return m.String() + " " + a.ctx.currency
}

func (a Assignment) computedReason() string {
	switch {
	case a.Archived:
		return a.Computed + ": archived (released by a handover)"
	case a.Card != nil:
		return a.cardReason()
	case a.Spend12 == 0:
		return a.Computed + ": no purchase in 12 months"
	}
	return fmt.Sprintf("%s: %s in 12 months, rank %d of %d", a.Computed, a.money(a.Spend12), a.Rank, a.Of)
}

func (e Evidence) describe(a Assignment) string {
	switch e.Route {
	case ByPurchase:
		return fmt.Sprintf("%s in one purchase on %s", a.money(e.Amount), e.On)
	case ByDay:
		return fmt.Sprintf("%s in one day on %s", a.money(e.Amount), e.On)
	case ByMonth:
		return fmt.Sprintf("%s in %s %d", a.money(e.Amount), e.On.Month, e.On.Year)
	case ByYear:
		return fmt.Sprintf("%s in the year from %s", a.money(e.Amount), e.On)
	case ByRenewal:
		return fmt.Sprintf("%s in its year from %s", a.money(e.Amount), e.On)
	}
	return "no spend"
}

func (a Assignment) cardReason() string {
	c := a.Card
	name := a.Computed
	if a.Label != "" && !a.Override {
		name = a.Label
	}
	if c.Valid != "" || !c.LostOn.IsZero() {
		return a.datedReason(name)
	}
	switch c.Status {
	case Earned:
		return fmt.Sprintf("%s: %s", name, c.Evidence.describe(a))
	case Held:
		return fmt.Sprintf("%s: %s, held to %s", name, c.Evidence.describe(a), c.ValidTo)
	case Kept:
		return fmt.Sprintf("%s: kept (the lowest card is not taken away), held to %s", name, c.ValidTo)
	case Downgraded:
		return fmt.Sprintf("%s: %s not renewed (best from %s to %s: %s), keeps the lower card", name, c.Lost, c.PeriodStart, c.PeriodEnd, c.Evidence.describe(a))
	}
	if c.Evidence.Amount == 0 {
		return "no card: no purchase this period"
	}
	return fmt.Sprintf("no card: best this period %s", c.Evidence.describe(a))
}

// datedReason says how the card of a dated scheme is held, and to when.
func (a Assignment) datedReason(name string) string {
	c := a.Card
	ev := c.Evidence.describe(a)
	var r string
	switch c.Status {
	case Earned:
		r = fmt.Sprintf("%s: %s", name, ev)
	case Renewed:
		r = fmt.Sprintf("%s: renewed on %s (%s)", name, c.Since, ev)
	case Upgraded:
		r = fmt.Sprintf("%s: upgraded on %s (%s)", name, c.Since, ev)
	case Kept:
		r = fmt.Sprintf("%s: kept on %s (%s)", name, c.Since, ev)
	case Downgraded:
		r = fmt.Sprintf("%s: %s not renewed on %s (%s)", name, c.Lost, c.LostOn, ev)
	case NoCard:
		if c.Evidence.Route == ByRenewal {
			return fmt.Sprintf("no card: %s not renewed on %s (%s)", c.Lost, c.LostOn, ev)
		}
		return fmt.Sprintf("no card: %s void on %s (%s)", c.Lost, c.LostOn, ev)
	}
	return fmt.Sprintf("%s, valid to %s", r, c.ValidTo)
}

// Outlook says what keeps a dated scheme's card past its last valid day
// and what is spent toward it, and the upgrade the period's spend has
// earned: "renewed with 10,000 CNY in its year to 2026-09-14 (7,000 CNY
// so far, 3,000 CNY to go)". It is empty for other cards.
func (a Assignment) Outlook() string {
	c := a.Card
	if c == nil || c.Valid == "" {
		return ""
	}
	var parts []string
	period := c.Valid == config.ValidPeriod
	switch {
	case c.Keep == 0:
	case c.Toward >= c.Keep && period:
		parts = append(parts, fmt.Sprintf("kept next period: %s this period", a.money(c.Toward)))
	case c.Toward >= c.Keep:
		parts = append(parts, fmt.Sprintf("renewal reached: %s in its year", a.money(c.Toward)))
	case period:
		parts = append(parts, fmt.Sprintf("void on %s unless %s this period (%s so far, %s to go)", c.ValidTo.AddDays(1), a.money(c.Keep), a.money(c.Toward), a.money(c.Keep-c.Toward)))
	default:
		parts = append(parts, fmt.Sprintf("renewed with %s in its year to %s (%s so far, %s to go)", a.money(c.Keep), c.ValidTo, a.money(c.Toward), a.money(c.Keep-c.Toward)))
	}
	if c.UpgradeTo != "" {
		parts = append(parts, fmt.Sprintf("upgraded to %s on %s", c.UpgradeTo, c.UpgradeOn))
	}
	return strings.Join(parts, "; ")
}

// MarshalJSON writes the assignment with its reason.
func (a Assignment) MarshalJSON() ([]byte, error) {
	type plain Assignment
	unit := ""
	if a.ctx != nil && a.ctx.currency != "" {
		unit = profile.MoneyUnit(a.ctx.currency)
	}
	return json.Marshal(struct {
		plain
		Scheme    string `json:"scheme"`
		Reason    string `json:"reason"`
		MoneyUnit string `json:"money_unit,omitempty"`
	}{plain(a), a.Scheme(), a.Reason(), unit})
}

// Index maps client ids to their assignment.
func Index(as []Assignment) map[string]*Assignment {
	m := make(map[string]*Assignment, len(as))
	for i := range as {
		m[as[i].ClientID] = &as[i]
	}
	return m
}

// Levels returns the tier names of the scheme in use, lowest first (the
// card scheme's list starts with "" for no card).
func Levels(cfg config.Tiers) []string {
	if cs, ok := cfg.Card(); ok {
		out := []string{""}
		for _, l := range cs.Levels {
			out = append(out, l.Name)
		}
		return out
	}
	ls := cfg.Pyramid.Levels
	out := make([]string, len(ls))
	for i, l := range ls {
		out[len(ls)-1-i] = l.Name
	}
	return out
}

// clientValue is what Assign derives from one summary; it is small so the
// ranking passes stay in the cache, and the Assignments are written once.
type clientValue struct {
	spend12  int64
	count12  int32
	last     int32 // day number of the last purchase, -1 when none
	rank     int32 // by 12-month spend, 1 is the biggest; 0 for none
	worseM   int32 // spenders in 12 months with a smaller spend
	archived bool
	rfm      [3]uint8
}

// Assign gives every client of sums its tier, its reason and its RFM
// scores on day today; the result is indexed like sums. cfg.Currency names
// the currency in reasons (the caller fills in the book's when unset).
func Assign(sums []profile.Summary, today civil.Date, cfg config.Tiers) []Assignment {
	return assign(sums, today, cfg, nil)
}

// Ranked is the whole book's ranking by 12-month spend on a day, as the
// store keeps it (store.SpendRanking): how many clients it holds, and the
// place a spend takes (1 plus how many spent more).
type Ranked interface {
	Of() int
	Rank(m profile.Money) int
}

// AssignRanked gives the clients of sums, some of the book, the tiers
// Assign gives them among the whole book, whose 12-month spend ranking on
// today is r: Tier, Level, Rank and Of are those of Assign over the whole
// book. RFM, a quintile among all buyers, is left zero.
func AssignRanked(sums []profile.Summary, today civil.Date, cfg config.Tiers, r Ranked) []Assignment {
	return assign(sums, today, cfg, r)
}

func assign(sums []profile.Summary, today civil.Date, cfg config.Tiers, r Ranked) []Assignment {
	cs := make([]clientValue, len(sums))
	from12, todayP := profile.Window12(today)
	valueClients(sums, cs, int(from12), int(todayP))
	var of int
	if r == nil {
		of = rankBySpend(cs)
		scoreRFM(cs, today.DayNumber())
	} else {
		of = r.Of()
		for i := range cs {
			if c := &cs[i]; c.spend12 > 0 && !c.archived {
				c.rank = int32(r.Rank(profile.Money(c.spend12)))
			}
		}
	}

	out := make([]Assignment, len(sums))
	card, isCard := cfg.Card()
	ctx := &assignContext{scheme: config.Pyramid, currency: cfg.Currency}
	if isCard {
		ctx.scheme = cfg.Scheme
		if card.Currency != "" {
			ctx.currency = card.Currency
		}
	}
	fill(out, cs, of, ctx, cfg.Pyramid, !isCard, func(i int) string { return sums[i].ID })
	switch {
	case isCard && card.Dated():
		assignDated(sums, out, today, card)
	case isCard:
		assignCards(sums, out, today, card)
	}
	overrides(out, cfg, func(i int) string { return sums[i].Tier })
	return out
}

// Valued is what a client's tier under the pyramid is worked out from:
// the 12-month spend (profile.Last12 on the day), whether the client is
// archived, and the tier set by hand.
type Valued struct {
	ID, Tier string
	Archived bool
	Spend12  profile.Money
}

// AssignValued gives the clients of vs, the whole book, the tiers Assign
// gives them, from their 12-month spends alone (RFM is left zero): what
// the briefing reads without every purchase. ok is false under a card
// scheme, whose cards need every purchase (call Assign then).
func AssignValued(vs []Valued, cfg config.Tiers) (as []Assignment, ok bool) {
	v, ok := Value(vs, cfg)
	if !ok {
		return nil, false
	}
	return v.All(vs), true
}

// Valuation is the pyramid's tiers of a whole book worked out from the
// 12-month spends (Value), kept compact: each client's place and level,
// a few bytes where an Assignment takes over a hundred. Assignment makes
// the whole assignment of one client, the one AssignValued gives.
type Valuation struct {
	ranks  []int32 // by 12-month spend, 1 is the biggest; 0 for none
	levels []int8  // the level in force (the override's when one is set)
	of     int
	pyr    pyramid
	ctx    *assignContext
	cfg    config.Tiers
	names  []string // Levels(cfg), made on the first override
}

// Value ranks the clients of vs, the whole book, by their 12-month spends
// under the pyramid; ok is false under a card scheme (see AssignValued).
func Value(vs []Valued, cfg config.Tiers) (v *Valuation, ok bool) {
	return ValueOf(len(vs), func(i int) Valued { return vs[i] }, cfg)
}

// ValueOf is Value of the n clients at(0) ... at(n-1), read twice each:
// no slice of them is made.
func ValueOf(n int, at func(i int) Valued, cfg config.Tiers) (v *Valuation, ok bool) {
	if _, isCard := cfg.Card(); isCard {
		return nil, false
	}
	cs := make([]clientValue, n)
	for i := range cs {
		c := at(i)
		cs[i] = clientValue{spend12: int64(c.Spend12), last: -1, archived: c.Archived}
	}
	v = &Valuation{ranks: make([]int32, n), levels: make([]int8, n), cfg: cfg,
		ctx: &assignContext{scheme: config.Pyramid, currency: cfg.Currency}}
	v.of = rankBySpend(cs)
	v.pyr = newPyramid(cfg.Pyramid, v.of)
	for i := range cs {
		v.ranks[i] = cs[i].rank
		v.levels[i] = int8(min(v.level(i, at(i).Tier), 127))
	}
	return v, true
}

// Len returns how many clients v ranks.
func (v *Valuation) Len() int { return len(v.ranks) }

// Level returns the level of client i in force (Assignment.Level).
func (v *Valuation) Level(i int) int { return int(v.levels[i]) }

// level works out the level of client i, whose tier set by hand is tier.
func (v *Valuation) level(i int, tier string) int {
	k := v.pyr.level(int(v.ranks[i]))
	lv := len(v.pyr.levels) - 1 - k
	if o := strings.TrimSpace(tier); tier != "" {
		if v.names == nil {
			v.names = Levels(v.cfg)
		}
		for l, name := range v.names {
			if name != "" && strings.EqualFold(name, o) {
				lv = l
			}
		}
	}
	return lv
}

// Tier returns the tier in force of client i, whose tier set by hand is
// tier (Assignment.Tier).
func (v *Valuation) Tier(i int, tier string) string {
	if tier != "" {
		return strings.TrimSpace(tier)
	}
	return v.pyr.levels[v.pyr.level(int(v.ranks[i]))].Name
}

// Assignment returns the assignment of client i, whose value is c (the
// i-th of those v was made of).
func (v *Valuation) Assignment(i int, c Valued) Assignment {
	out := []Assignment{{}}
	cv := []clientValue{{spend12: int64(c.Spend12), last: -1, archived: c.Archived, rank: v.ranks[i]}}
	fillWith(out, cv, v.of, v.ctx, v.pyr, true, func(int) string { return c.ID })
	overrides(out, v.cfg, func(int) string { return c.Tier })
	return out[0]
}

// All returns the assignment of every client of vs, those v was made of.
func (v *Valuation) All(vs []Valued) []Assignment {
	out := make([]Assignment, len(vs))
	cs := make([]clientValue, len(vs))
	for i := range vs {
		cs[i] = clientValue{spend12: int64(vs[i].Spend12), last: -1, archived: vs[i].Archived, rank: v.ranks[i]}
	}
	fillWith(out, cs, v.of, v.ctx, v.pyr, true, func(i int) string { return vs[i].ID })
	overrides(out, v.cfg, func(i int) string { return vs[i].Tier })
	return out
}

// fill writes each client's assignment from its value, with its pyramid
// level when pyramid.
func fill(out []Assignment, cs []clientValue, of int, ctx *assignContext, p config.PyramidScheme, pyramid bool, id func(int) string) {
	fillWith(out, cs, of, ctx, newPyramid(p, of), pyramid, id)
}

// fillWith is fill with the pyramid of the Of clients made.
func fillWith(out []Assignment, cs []clientValue, of int, ctx *assignContext, pyr pyramid, pyramid bool, id func(int) string) {
	for i := range cs {
		c := &cs[i]
		a := &out[i]
		*a = Assignment{ClientID: id(i), Spend12: profile.Money(c.spend12),
			Rank: int(c.rank), Of: of, Archived: c.archived, ctx: ctx,
			RFM: RFM{c.rfm[0], c.rfm[1], c.rfm[2]}}
		if pyramid {
			k := pyr.level(int(c.rank))
			a.Computed, a.Label, a.Level = pyr.levels[k].Name, pyr.levels[k].Label, len(pyr.levels)-1-k
		}
	}
}

// overrides sets each assignment's tier: the computed one, or the one set
// by hand (tier(i), "" for none) at its level.
func overrides(out []Assignment, cfg config.Tiers, tier func(int) string) {
	var levels []string
	for i := range out {
		a := &out[i]
		a.Tier = a.Computed
		if o := tier(i); o != "" {
			if levels == nil {
				levels = Levels(cfg)
			}
			o = strings.TrimSpace(o)
			a.Override = true
			a.Tier = o
			a.Label = ""
			for lv, name := range levels {
				if name != "" && strings.EqualFold(name, o) {
					a.Level = lv
				}
			}
		}
	}
}

// valueClients fills cs (as long as sums) with each client's spend and
// purchases in the 12 months from from12 to todayP (packed dates,
// profile.Window12: what profile.Last12 adds up) and the
// day of their last purchase.
func valueClients(sums []profile.Summary, cs []clientValue, from12, todayP int) {
	for i := range sums {
		s := &sums[i]
		c := clientValue{last: -1, archived: s.Status == profile.Archived}
		lastP := -1
		var last civil.Date
		for _, sp := range s.Spends {
			p := int(sp.Date.Pack())
			if p > todayP {
				continue
			}
			if p >= from12 {
				c.spend12 += int64(sp.Amount)
				c.count12++
			}
			if p > lastP {
				lastP, last = p, sp.Date
			}
		}
		if lastP >= 0 {
			c.last = int32(last.DayNumber())
		}
		cs[i] = c
	}
}

// rankBySpend ranks the clients who spent in 12 months, biggest first
// (equal spends share a rank), and returns how many they are.
func rankBySpend(cs []clientValue) int {
	es := make([]entry, 0, len(cs)/2)
	for i := range cs {
		if c := &cs[i]; c.spend12 > 0 && !c.archived {
			es = append(es, entry{c.spend12, int32(i)})
		}
	}
	sortBySpend(es)
	for k := 0; k < len(es); {
		end := k + 1
		for end < len(es) && es[end].spend == es[k].spend {
			end++
		}
		for _, e := range es[k:end] {
			cs[e.i].rank = int32(k + 1)
			cs[e.i].worseM = int32(len(es) - end)
		}
		k = end
	}
	return len(es)
}

// entry is a client in the spend ranking: 12-month spend and index.
type entry struct {
	spend int64
	i     int32
}

// sortBySpend orders es biggest spend first, equal spends by index. Each
// entry packs into one number (the spend's distance below the largest,
// then the index) so that the sort compares integers, not calls a
// function; spends or books too large to pack (2M clients, 43 bits of
// cents) sort the plain way.
func sortBySpend(es []entry) {
	const idxBits = 21
	var top int64
	var last int32
	for _, e := range es {
		top, last = max(top, e.spend), max(last, e.i)
	}
	if int64(last) >= 1<<idxBits || top >= 1<<(63-idxBits) {
		slices.SortFunc(es, func(a, b entry) int {
			switch {
			case a.spend > b.spend:
				return -1
			case a.spend < b.spend:
				return 1
			}
			return int(a.i - b.i)
		})
		return
	}
	keys := make([]uint64, len(es))
	for k, e := range es {
		keys[k] = uint64(top-e.spend)<<idxBits | uint64(e.i)
	}
	slices.Sort(keys)
	for k, key := range keys {
		i := int32(key & (1<<idxBits - 1))
		es[k] = entry{top - int64(key>>idxBits), i}
	}
}

// pyramid cuts the spend ranking into levels.
type pyramid struct {
	levels []config.PyramidLevel
	cut    []int // cut[k] is the last rank level k takes
}

func newPyramid(p config.PyramidScheme, n int) pyramid {
	levels := p.Levels
	if len(levels) == 0 {
		levels = config.Default().Tiers.Pyramid.Levels
	}
	last := len(levels) - 1
	cut := make([]int, len(levels))
	share := 0.0
	for k := 0; k < last; k++ {
		share += levels[k].Share
		cut[k] = int(math.Ceil(share*float64(n) - 1e-9))
	}
	cut[last] = math.MaxInt
	return pyramid{levels, cut}
}

// level returns the index (0 is the top) of the level of a rank; rank 0
// (no spend in 12 months) is the last level.
func (p pyramid) level(rank int) int {
	if rank <= 0 {
		return len(p.levels) - 1
	}
	return sort.SearchInts(p.cut, rank)
}

// scoreRFM gives the quintile scores among the clients who ever bought.
func scoreRFM(cs []clientValue, todayN int) {
	// Counting sorts: days since the last purchase and purchases in 12
	// months are small numbers.
	var byDays, byCount []int32
	n, zeroM := 0, 0
	for i := range cs {
		c := &cs[i]
		if c.last < 0 || c.archived {
			continue
		}
		n++
		days := max(todayN-int(c.last), 0)
		byDays = grow(byDays, days)
		byDays[days]++
		byCount = grow(byCount, int(c.count12))
		byCount[c.count12]++
		if c.spend12 == 0 {
			zeroM++
		}
	}
	// worseDays[d]: buyers whose last purchase is longer ago than d days.
	worseDays := make([]int32, len(byDays))
	acc := int32(0)
	for d := len(byDays) - 1; d >= 0; d-- {
		worseDays[d] = acc
		acc += byDays[d]
	}
	// worseCount[f]: buyers with fewer than f purchases in 12 months.
	worseCount := make([]int32, len(byCount))
	acc = 0
	for f := range byCount {
		worseCount[f] = acc
		acc += byCount[f]
	}
	// score is the quintile of a value with below clients worse than it.
	score := func(below int) uint8 {
		s := (5*(below+1) + n - 1) / n
		return uint8(min(max(s, 1), 5))
	}
	for i := range cs {
		c := &cs[i]
		if c.last < 0 || c.archived {
			c.rfm = [3]uint8{1, 1, 1}
			continue
		}
		worseM := 0
		if c.spend12 > 0 {
			worseM = zeroM + int(c.worseM)
		}
		c.rfm = [3]uint8{
			score(int(worseDays[max(todayN-int(c.last), 0)])),
			score(int(worseCount[c.count12])),
			score(worseM),
		}
	}
}

// grow makes xs long enough to index i.
func grow(xs []int32, i int) []int32 {
	if i < len(xs) {
		return xs
	}
	return append(xs, make([]int32, i+1-len(xs))...)
}
