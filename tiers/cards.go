package tiers

import (
	"slices"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
)

// Kept is the status of the lowest card kept without renewal (a scheme
// with keep_lowest never takes it away).
const Kept CardStatus = "kept"

// The routes in the order of a period's evidence and a level's thresholds.
const (
	rPurchase = iota
	rDay
	rMonth
	rYear
	nRoutes
)

// period is the spend of one client in one yearly period: the biggest
// purchase, day and calendar month, and the period's total.
type period [nRoutes]Evidence

// thresholds are a card level's amounts by route (0: not a route).
type thresholds [nRoutes]profile.Money

// levelMet returns the highest level the period's spend reaches (-1 for
// none), and the evidence for it.
func (p *period) levelMet(th []thresholds) (int, Evidence) {
	for l := len(th) - 1; l >= 0; l-- {
		for r := range nRoutes {
			if t := th[l][r]; t > 0 && p[r].Amount >= t {
				return l, p[r]
			}
		}
	}
	return -1, Evidence{}
}

// best returns the spend that comes closest to the lowest card.
func (p *period) best(lowest thresholds) Evidence {
	var out Evidence
	bestRatio := -1.0
	for r := range nRoutes {
		if lowest[r] <= 0 || p[r].Amount == 0 {
			continue
		}
		if x := float64(p[r].Amount) / float64(lowest[r]); x > bestRatio {
			bestRatio, out = x, p[r]
		}
	}
	return out
}

// cardYear gives the yearly periods of a scheme.
type cardYear struct {
	start civil.MonthDay
	md    int // start month<<5 | day, to compare with a date's
}

func newCardYear(start civil.MonthDay) cardYear {
	return cardYear{start: start, md: int(start.Month)<<5 | start.Day}
}

// of returns the year of the period that contains d (the year it starts in).
func (c cardYear) of(d civil.Date) int {
	if int(d.Month)<<5|d.Day < c.md {
		return d.Year - 1
	}
	return d.Year
}

func (c cardYear) first(k int) civil.Date {
	return civil.Date{Year: k, Month: c.start.Month, Day: c.start.Day}
}

func (c cardYear) last(k int) civil.Date { return c.first(k + 1).AddDays(-1) }

// assignCards gives each client the card they hold on today.
func assignCards(sums []profile.Summary, out []Assignment, today civil.Date, cs config.CardScheme) {
	cy := newCardYear(cs.YearStartDay())
	levels := cs.Levels
	th := make([]thresholds, len(levels))
	for i, l := range levels {
		th[i] = thresholds{l.Purchase.Money(), l.Day.Money(), l.Month.Money(), l.Year.Money()}
	}
	current := cy.of(today)
	prevStart, prevEnd := cy.first(current-1), cy.last(current-1)
	curStart, curEnd := cy.first(current), cy.last(current)
	nextEnd := cy.last(current + 1)
	todayP := int(today.Pack())
	var buf []period
	cards := make([]Card, len(sums))
	for i := range sums {
		a := &out[i]
		card := &cards[i]
		a.Card = card
		a.Computed, a.Label, a.Level = "", "", 0
		spends := sums[i].Spends
		if !sortedSpends(spends) {
			spends = slices.Clone(spends)
			slices.SortStableFunc(spends, func(a, b profile.Spend) int { return a.Date.Compare(b.Date) })
		}
		first := -1
		for _, sp := range spends {
			if int(sp.Date.Pack()) <= todayP {
				first = cy.of(sp.Date)
				break
			}
		}
		if first < 0 || a.Archived {
			card.Status = NoCard
			continue
		}
		n := current - first + 1
		if cap(buf) < n {
			buf = make([]period, n)
		}
		ps := buf[:n]
		clear(ps)
		fillPeriods(ps, spends, todayP, cy, first)

		held, prevHeld, prevQ := -1, -1, -1
		var q int
		var ev Evidence
		for k := range ps {
			prevHeld = held
			carry := -1
			if k > 0 && held >= 0 {
				switch {
				case prevQ >= held:
					carry = held
				case cs.Downgrade == config.DowngradeToQualified:
					carry = prevQ
				default:
					carry = max(held-1, prevQ)
				}
				if carry < 0 && cs.KeepLowest {
					carry = 0
				}
			}
			q, ev = ps[k].levelMet(th)
			held = max(q, carry)
			if k < len(ps)-1 {
				prevQ = q
			}
		}
		last := len(ps) - 1
		switch {
		case held < 0:
			card.Status = NoCard
			card.Evidence = ps[last].best(th[0])
			card.PeriodStart, card.PeriodEnd = curStart, curEnd
		case q == held:
			card.Status = Earned
			card.Evidence = ev
			card.PeriodStart, card.PeriodEnd = curStart, curEnd
			card.ValidTo = nextEnd
		case prevQ >= prevHeld:
			_, card.Evidence = ps[last-1].levelMet(th)
			card.Status = Held
			card.PeriodStart, card.PeriodEnd = prevStart, prevEnd
			card.ValidTo = curEnd
		case held == prevHeld:
			card.Status = Kept
			card.PeriodStart, card.PeriodEnd = prevStart, prevEnd
			card.ValidTo = curEnd
		default:
			card.Status = Downgraded
			card.Lost = levelName(levels[prevHeld])
			card.Evidence = ps[last-1].best(th[0])
			if pq, pev := ps[last-1].levelMet(th); pq >= 0 {
				card.Evidence = pev
			}
			card.PeriodStart, card.PeriodEnd = prevStart, prevEnd
			card.ValidTo = curEnd
		}
		if held >= 0 {
			a.Computed, a.Label, a.Level = levels[held].Name, levels[held].Label, held+1
		}
	}
}

func levelName(l config.CardLevel) string {
	if l.Label != "" {
		return l.Label
	}
	return l.Name
}

func sortedSpends(ss []profile.Spend) bool {
	for i := 1; i < len(ss); i++ {
		if ss[i].Date.Pack() < ss[i-1].Date.Pack() {
			return false
		}
	}
	return true
}

// fillPeriods records, for every period from first, the biggest purchase,
// day and calendar month, and the period's total. spends are oldest first.
func fillPeriods(ps []period, spends []profile.Spend, todayP int, cy cardYear, first int) {
	var dayAmt, monthAmt profile.Money
	var day, month civil.Date
	dayK, monthK := -1, -1
	flush := func(k, r int, amt profile.Money, on civil.Date) {
		if k >= 0 && amt > ps[k][r].Amount {
			ps[k][r] = Evidence{Route: routes[r], Amount: amt, On: on}
		}
	}
	for _, sp := range spends {
		if int(sp.Date.Pack()) > todayP {
			continue
		}
		k := cy.of(sp.Date) - first
		if k < 0 || k >= len(ps) {
			continue
		}
		p := &ps[k]
		if sp.Amount > p[rPurchase].Amount {
			p[rPurchase] = Evidence{Route: ByPurchase, Amount: sp.Amount, On: sp.Date}
		}
		if p[rYear].Amount == 0 {
			p[rYear] = Evidence{Route: ByYear, On: cy.first(first + k)}
		}
		p[rYear].Amount += sp.Amount
		if sp.Date != day {
			flush(dayK, rDay, dayAmt, day)
			day, dayAmt, dayK = sp.Date, 0, k
		}
		dayAmt += sp.Amount
		if sp.Date.Year != month.Year || sp.Date.Month != month.Month || k != monthK {
			flush(monthK, rMonth, monthAmt, month)
			month, monthAmt, monthK = civil.Date{Year: sp.Date.Year, Month: sp.Date.Month, Day: 1}, 0, k
		}
		monthAmt += sp.Amount
	}
	flush(dayK, rDay, dayAmt, day)
	flush(monthK, rMonth, monthAmt, month)
}

var routes = [nRoutes]Route{ByPurchase, ByDay, ByMonth, ByYear}
