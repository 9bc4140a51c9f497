package profile

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/internal/thousands"
)

// ErrBadAmount is returned when an amount cannot be read as money.
var ErrBadAmount = errors.New("not an amount")

// Money is an amount in minor units (fen, cents). Amounts are whole numbers
// so sums never drift.
type Money int64

// ParseMoney reads "1280", "1,280.50", "1280.5" or "¥1280" as Money.
func ParseMoney(s string) (Money, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimLeft(t, "¥$€£￥")
	t = strings.ReplaceAll(t, ",", "")
	t = strings.ReplaceAll(t, "_", "")
	if t == "" {
		return 0, fmt.Errorf("%w: %q", ErrBadAmount, s)
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) || f > 1e13 {
		return 0, fmt.Errorf("%w: %q (write it like 1280 or 1280.50)", ErrBadAmount, s)
	}
	return Money(math.Round(f * 100)), nil
}

// String formats m with thousands separators and no decimals when whole:
// 18,400 or 1,280.50.
func (m Money) String() string {
	neg := m < 0
	if neg {
		m = -m
	}
	whole := int64(m) / 100
	cents := int64(m) % 100
	var b strings.Builder
	b.WriteString(thousands.Group(whole, ","))
	if cents != 0 {
		fmt.Fprintf(&b, ".%02d", cents)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Purchase is one sale to the client.
type Purchase struct {
	ID       string     `json:"id"`
	ClientID string     `json:"client_id"`
	Date     civil.Date `json:"date"`
	Amount   Money      `json:"amount"`
	Currency string     `json:"currency"`
	Items    string     `json:"items,omitempty"`
	Store    string     `json:"store,omitempty"`
	Author   string     `json:"author,omitempty"`
}

// Spend is the compact form of a purchase kept in a client's Summary: what
// the list, the tiers and the briefing need without reading the purchase.
type Spend struct {
	Date   civil.Date `json:"date"`
	Amount Money      `json:"amount"`
}

// Stats are the value figures derived from a client's purchases on a day.
type Stats struct {
	YearToDate  Money      `json:"ytd"`
	Last12      Money      `json:"last_12_months"`
	Total       Money      `json:"total"`
	Purchases   int        `json:"purchases"`
	Visits      int        `json:"visits"` // distinct days with a purchase or a logged visit
	AvgTicket   Money      `json:"avg_ticket"`
	LastVisit   civil.Date `json:"last_visit,omitzero"`
	FirstVisit  civil.Date `json:"first_visit,omitzero"`
	Last12Count int        `json:"last_12_months_count"`
}

// Window12 returns the first and last day (packed, civil.Date.Pack) of the
// 12 months up to today: the 365 days up to and including today, as
// Last12 and the tiers count them.
func Window12(today civil.Date) (from, to uint32) {
	return today.AddDays(-364).Pack(), today.Pack()
}

// Last12 is what spends add up to in the 12 months up to today (the 365
// days up to and including today): the Last12 of ComputeStats without
// the rest, as tiers rank a client's spend.
func Last12(spends []Spend, today civil.Date) Money {
	from, to := Window12(today)
	var m Money
	for _, s := range spends {
		if p := s.Date.Pack(); p >= from && p <= to {
			m += s.Amount
		}
	}
	return m
}

// ComputeStats derives Stats from spends on day today. visitDays are days of
// logged visits without a purchase; they count as visits and for LastVisit.
// A purchase of zero (a repair, a gift wrapped) is no visit unless a visit
// was logged that day.
// Year-to-date runs from 1 January of today's year; the 12 months are the
// 365 days up to and including today.
func ComputeStats(spends []Spend, visitDays []civil.Date, today civil.Date) Stats {
	var s Stats
	days := make(map[civil.Date]struct{}, len(spends)+len(visitDays))
	yearStart := civil.Date{Year: today.Year, Month: 1, Day: 1}
	from12 := today.AddDays(-364)
	for _, p := range spends {
		if p.Date.After(today) {
			continue
		}
		s.Total += p.Amount
		s.Purchases++
		if !p.Date.Before(yearStart) {
			s.YearToDate += p.Amount
		}
		if !p.Date.Before(from12) {
			s.Last12 += p.Amount
			s.Last12Count++
		}
		if p.Amount != 0 { // a zero purchase is no visit; a visit logged with it is
			days[p.Date] = struct{}{}
		}
	}
	for _, d := range visitDays {
		if !d.After(today) {
			days[d] = struct{}{}
		}
	}
	s.Visits = len(days)
	for d := range days {
		if s.LastVisit.IsZero() || d.After(s.LastVisit) {
			s.LastVisit = d
		}
		if s.FirstVisit.IsZero() || d.Before(s.FirstVisit) {
			s.FirstVisit = d
		}
	}
	if s.Purchases > 0 {
		s.AvgTicket = s.Total / Money(s.Purchases)
	}
	return s
}

// MoneyUnit says the unit of the amounts vipbook writes in JSON: minor
// units of the currency, "1/100 CNY" (12800.50 CNY is 1280050).
func MoneyUnit(currency string) string { return "1/100 " + currency }
