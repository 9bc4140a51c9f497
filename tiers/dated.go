package tiers

import (
	"slices"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
)

// The statuses of a dated scheme's card (config.CardScheme.Dated), besides
// Earned, Kept, Downgraded and NoCard.
const (
	Renewed  CardStatus = "renewed"  // renewed for another year by the spend within its year
	Upgraded CardStatus = "upgraded" // given at the start of the period by the spend of the period before
)

// ByRenewal is the evidence of a renewal or of the spend counted against
// it: what was spent within the card's year (On is the year's first day).
const ByRenewal Route = "card_year"

// datedLevel is one level of a dated scheme, in minor units.
type datedLevel struct {
	th        thresholds
	year      bool // valid one year from the day reached; else to the period's end
	voidUnder profile.Money
	renew     profile.Money
	upgrade   profile.Money
	label     string
}

// datedScheme is a dated card scheme ready to run over purchase histories.
type datedScheme struct {
	cy     cardYear
	levels []datedLevel
}

func newDatedScheme(cs config.CardScheme) *datedScheme {
	s := &datedScheme{cy: newCardYear(cs.YearStartDay())}
	for _, l := range cs.Levels {
		s.levels = append(s.levels, datedLevel{
			th:        thresholds{l.Purchase.Money(), l.Day.Money(), l.Month.Money(), l.Year.Money()},
			year:      l.Valid == config.ValidYear,
			voidUnder: l.VoidUnder.Money(),
			renew:     l.Renew.Money(),
			upgrade:   l.Upgrade.Money(),
			label:     levelName(l),
		})
	}
	return s
}

// CardOn returns the card of a dated scheme (cs.Dated()) that a client with
// this purchase history holds on day today, and its level (0 the lowest,
// -1 none). It is a pure function of the history, the day and the scheme.
// The seed's department store (points = CNY, the period 1 Aug - 31 Jul):
//
//   - the entry card at 500 in one day, valid to the end of the period,
//     void when the period ends under 1,000, otherwise kept through the next;
//   - the middle card at 6,000 in one day or 12,000 in one month, valid one
//     year from that day; an entry member who spends 10,000 in the period
//     gets it on the next 1 August; renewed for a year when 10,000 is spent
//     within its year, otherwise only the entry card remains (to the end of
//     the period);
//   - the top card at 30,000 in one day or 60,000 in one month, valid one
//     year; 60,000 in the period upgrades on the next 1 August; renewed at
//     60,000 within its year, otherwise the client keeps the middle card
//     when the year's spend renews it, else the entry card.
//
// The spend of the day a card is reached counts toward its renewal.
// Reaching a year card again restarts its year from that day.
func CardOn(spends []profile.Spend, today civil.Date, cs config.CardScheme) (Card, int) {
	if !sortedSpends(spends) {
		spends = slices.Clone(spends)
		slices.SortStableFunc(spends, func(a, b profile.Spend) int { return a.Date.Compare(b.Date) })
	}
	return newDatedScheme(cs).card(spends, today)
}

// datedRun is the state of one client's card while their history is
// replayed, day by day from the first purchase.
type datedRun struct {
	s      *datedScheme
	days   []int           // the day number of each purchase, oldest first
	spends []profile.Spend // the purchases up to today, oldest first
	held   int             // the level held, -1 none
	from   int             // the first day of the card's current year (or period)
	until  int             // the card's last valid day
	card   Card
}

// validity returns the last day of a card of level l reached on day dn.
func (r *datedRun) validity(l, dn int) int {
	d := civil.FromDayNumber(dn)
	if r.s.levels[l].year {
		return d.AddMonths(12).DayNumber() - 1
	}
	return r.s.cy.last(r.s.cy.of(d)).DayNumber()
}

// spentBetween sums the purchases from day a to day b, both included.
func (r *datedRun) spentBetween(a, b int) profile.Money {
	i, _ := slices.BinarySearch(r.days, a)
	var sum profile.Money
	for ; i < len(r.days) && r.days[i] <= b; i++ {
		sum += r.spends[i].Amount
	}
	return sum
}

// give makes level l the card in force from day dn.
func (r *datedRun) give(l, dn int, st CardStatus, ev Evidence) {
	r.held, r.from, r.until = l, dn, r.validity(l, dn)
	r.card.Status, r.card.Evidence = st, ev
	r.card.Lost, r.card.LostOn = "", civil.Date{}
}

// lose records that the card in force ended on day dn (the first day
// without it).
func (r *datedRun) lose(dn int) {
	r.card.Lost, r.card.LostOn = r.s.levels[r.held].label, civil.FromDayNumber(dn)
}

// periodEnds runs the rules of the end of a period that had total spent
// from start, at day dn (the first day of the next period): the upgrade of
// a card holder, then the entry card kept or void.
func (r *datedRun) periodEnds(total profile.Money, start civil.Date, dn int) {
	ev := Evidence{Route: ByYear, Amount: total, On: start}
	for u := len(r.s.levels) - 1; u > r.held; u-- {
		if l := r.s.levels[u]; l.upgrade > 0 && total >= l.upgrade {
			r.give(u, dn, Upgraded, ev)
			return
		}
	}
	if r.s.levels[r.held].year {
		return
	}
	if total >= r.s.levels[r.held].voidUnder {
		if r.from != dn { // not the lower card a lapse left today
			r.give(r.held, dn, Kept, ev)
		}
		return
	}
	r.lose(dn)
	r.card.Status, r.card.Evidence = NoCard, ev
	r.held = -1
}

// lapses runs the end of a year card's year at day dn: renewed, or the
// lower card the year's spend renews, or the lowest period card.
func (r *datedRun) lapses(dn int) {
	w := r.spentBetween(r.from, r.until)
	ev := Evidence{Route: ByRenewal, Amount: w, On: civil.FromDayNumber(r.from)}
	if l := r.s.levels[r.held]; l.renew > 0 && w >= l.renew {
		r.give(r.held, dn, Renewed, ev)
		return
	}
	lost := r.s.levels[r.held].label
	lostOn := civil.FromDayNumber(dn)
	to := -1
	for j := r.held - 1; j >= 0; j-- {
		if l := r.s.levels[j]; l.year && l.renew > 0 && w >= l.renew {
			to = j
			break
		}
	}
	if to < 0 && !r.s.levels[0].year {
		to = 0
	}
	if to < 0 {
		r.lose(dn)
		r.card.Status, r.card.Evidence = NoCard, ev
		r.held = -1
		return
	}
	r.give(to, dn, Downgraded, ev)
	r.card.Lost, r.card.LostOn = lost, lostOn
}

// reached returns the highest level the day's spend reaches (-1 for none)
// and the evidence: the biggest purchase and the day's total of day d,
// and the month's and the period's totals before and after the day (the
// month and period routes are reached on the day the total crosses).
func (r *datedRun) reached(d civil.Date, big, day, monthBefore, month, periodBefore, period profile.Money, periodStart civil.Date) (int, Evidence) {
	for l := len(r.s.levels) - 1; l >= 0; l-- {
		th := r.s.levels[l].th
		switch {
		case th[rPurchase] > 0 && big >= th[rPurchase]:
			return l, Evidence{Route: ByPurchase, Amount: big, On: d}
		case th[rDay] > 0 && day >= th[rDay]:
			return l, Evidence{Route: ByDay, Amount: day, On: d}
		case th[rMonth] > 0 && month >= th[rMonth] && monthBefore < th[rMonth]:
			return l, Evidence{Route: ByMonth, Amount: month, On: civil.Date{Year: d.Year, Month: d.Month, Day: 1}}
		case th[rYear] > 0 && period >= th[rYear] && periodBefore < th[rYear]:
			return l, Evidence{Route: ByYear, Amount: period, On: periodStart}
		}
	}
	return -1, Evidence{}
}

// card replays spends (oldest first) up to today.
func (s *datedScheme) card(all []profile.Spend, today civil.Date) (Card, int) {
	todayN := today.DayNumber()
	n := 0
	for n < len(all) && !all[n].Date.After(today) {
		n++
	}
	r := &datedRun{s: s, spends: all[:n], held: -1, days: make([]int, n)}
	for i := range r.spends {
		r.days[i] = r.spends[i].Date.DayNumber()
	}
	cy := s.cy
	pk := cy.of(today)
	r.card.PeriodStart, r.card.PeriodEnd = cy.first(pk), cy.last(pk)
	if n == 0 {
		r.card.Status = NoCard
		return r.card, -1
	}
	// The period being replayed: its index, first and last day, the
	// spend in it so far; and the calendar month's spend so far.
	k := cy.of(r.spends[0].Date)
	pStart, pEnd := cy.first(k), cy.last(k).DayNumber()
	var period, month profile.Money
	var monthOf civil.Date
	best := Evidence{}
	i := 0
	for {
		next := todayN + 1
		if i < n {
			next = r.days[i]
		}
		if r.held >= 0 {
			next = min(next, pEnd+1)
			if r.s.levels[r.held].year {
				next = min(next, r.until+1)
			}
		}
		if next > todayN {
			break
		}
		d := civil.FromDayNumber(next)
		// A year card's year ends first, then the period: a card that
		// lapses on 1 August leaves the entry card, which the period
		// just ended keeps or voids.
		if r.held >= 0 && r.s.levels[r.held].year && next == r.until+1 {
			r.lapses(next)
		}
		if next > pEnd {
			if r.held >= 0 && next == pEnd+1 {
				r.periodEnds(period, pStart, next)
			}
			k = cy.of(d)
			pStart, pEnd, period = cy.first(k), cy.last(k).DayNumber(), 0
			best = Evidence{}
		}
		if i >= n || r.days[i] != next {
			continue
		}
		if d.Year != monthOf.Year || d.Month != monthOf.Month {
			monthOf, month = d, 0
		}
		var big, day profile.Money
		for ; i < n && r.days[i] == next; i++ {
			a := r.spends[i].Amount
			big, day = max(big, a), day+a
		}
		if day > best.Amount {
			best = Evidence{Route: ByDay, Amount: day, On: d}
		}
		q, ev := r.reached(d, big, day, month, month+day, period, period+day, pStart)
		month, period = month+day, period+day
		switch {
		case q > r.held:
			r.give(q, next, Earned, ev)
		case q == r.held && q >= 0 && r.validity(q, next) > r.until:
			r.give(q, next, Earned, ev)
		}
	}
	if k != pk {
		period, best = 0, Evidence{}
	}
	c := r.card
	if r.held < 0 {
		c.Status = NoCard
		if c.Lost == "" || c.LostOn.Before(c.PeriodStart) {
			c.Lost, c.LostOn = "", civil.Date{}
			c.Evidence = best
		}
		return c, -1
	}
	l := s.levels[r.held]
	c.Since, c.ValidTo = civil.FromDayNumber(r.from), civil.FromDayNumber(r.until)
	c.Valid = config.ValidPeriod
	if l.year {
		c.Valid = config.ValidYear
		c.Keep, c.Toward = l.renew, r.spentBetween(r.from, todayN)
	} else {
		c.Keep, c.Toward = l.voidUnder, period
	}
	for u := len(s.levels) - 1; u > r.held; u-- {
		if s.levels[u].upgrade > 0 && period >= s.levels[u].upgrade {
			c.UpgradeTo, c.UpgradeOn = s.levels[u].label, c.PeriodEnd.AddDays(1)
			break
		}
	}
	return c, r.held
}

// assignDated gives each client the card of a dated scheme they hold today.
func assignDated(sums []profile.Summary, out []Assignment, today civil.Date, cs config.CardScheme) {
	s := newDatedScheme(cs)
	cards := make([]Card, len(sums))
	for i := range sums {
		a := &out[i]
		a.Card = &cards[i]
		a.Computed, a.Label, a.Level = "", "", 0
		if a.Archived {
			cards[i].Status = NoCard
			continue
		}
		spends := sums[i].Spends
		if !sortedSpends(spends) {
			spends = slices.Clone(spends)
			slices.SortStableFunc(spends, func(a, b profile.Spend) int { return a.Date.Compare(b.Date) })
		}
		c, held := s.card(spends, today)
		cards[i] = c
		if held >= 0 {
			a.Computed, a.Label, a.Level = cs.Levels[held].Name, cs.Levels[held].Label, held+1
		}
	}
}

// CardOf returns one client's card under the card scheme of cfg on day
// today (show, a profile); false with the pyramid, whose tiers rank the
// whole book.
func CardOf(sum profile.Summary, today civil.Date, cfg config.Tiers) (Assignment, bool) {
	if _, ok := cfg.Card(); !ok {
		return Assignment{}, false
	}
	return Assign([]profile.Summary{sum}, today, cfg)[0], true
}
