package tiers

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
)

// TestPoint3DepartmentStore checks the default department_store scheme
// against the seed's words, clause by clause, each on the day before, the
// day of and the day after its boundary (issue 12 point 3).
func TestPoint3DepartmentStore(t *testing.T) {
	type want struct {
		day    string
		tier   string     // "" is no card
		status CardStatus // "" skips
		valid  string     // the card's last valid day; "" skips
	}
	tests := []struct {
		rule  string
		buys  []string
		wants []want
	}{
		{"entry card (ME) at 500 in one day: 499 is not enough",
			[]string{"2025-09-01=499", "2025-09-02=499"},
			[]want{{"2025-09-02", "", NoCard, ""}}},
		{"entry card (ME) at 500 in one day, from two purchases; valid to the end of the period (31 Jul)",
			[]string{"2025-09-01=300", "2025-09-01=200"},
			[]want{{"2025-08-31", "", NoCard, ""}, {"2025-09-01", "entry", Earned, "2026-07-31"}, {"2026-07-31", "entry", Earned, "2026-07-31"}}},
		{"entry card void at the end of a period under 1,000 points",
			[]string{"2025-09-01=500", "2026-07-31=499"},
			[]want{{"2026-07-31", "entry", Earned, "2026-07-31"}, {"2026-08-01", "", NoCard, ""}, {"2026-08-02", "", NoCard, ""}}},
		{"entry card kept through the next period at 1,000 points in the period",
			[]string{"2025-09-01=500", "2026-07-31=500"},
			[]want{{"2026-07-31", "entry", Earned, "2026-07-31"}, {"2026-08-01", "entry", Kept, "2027-07-31"}, {"2027-08-01", "", NoCard, ""}}},
		{"1,000 points spent on 1 August count for the new period, not the old",
			[]string{"2025-09-01=500", "2026-08-01=500"},
			[]want{{"2026-08-01", "entry", Earned, "2027-07-31"}}},
		{"middle card (WE) at 6,000 in one day, valid one year from the day it was earned",
			[]string{"2025-09-15=5999", "2025-09-16=6000"},
			[]want{{"2025-09-15", "entry", Earned, "2026-07-31"}, {"2025-09-16", "middle", Earned, "2026-09-15"}, {"2026-09-15", "middle", Earned, "2026-09-15"}}},
		{"middle card at 12,000 in one calendar month, earned on the day the month reaches it",
			[]string{"2025-10-02=5000", "2025-10-20=5000", "2025-10-31=2000"},
			[]want{{"2025-10-30", "entry", Earned, ""}, {"2025-10-31", "middle", Earned, "2026-10-30"}, {"2025-11-01", "middle", Earned, "2026-10-30"}}},
		{"12,000 across two calendar months is not the middle card",
			[]string{"2025-09-25=5000", "2025-10-05=5000", "2025-10-06=2000"},
			[]want{{"2025-10-06", "entry", Earned, "2026-07-31"}}},
		{"an entry member with 10,000 in the period is upgraded at the next 1 August, not at once",
			[]string{"2025-08-10=2000", "2025-10-10=3000", "2026-01-10=3000", "2026-07-31=3000"},
			[]want{{"2026-07-31", "entry", Earned, "2026-07-31"}, {"2026-08-01", "middle", Upgraded, "2027-07-31"}, {"2026-08-02", "middle", Upgraded, "2027-07-31"}}},
		{"9,999 in the period is no upgrade (the entry card is kept)",
			[]string{"2025-08-10=2000", "2025-10-10=3000", "2026-01-10=3000", "2026-07-31=1999"},
			[]want{{"2026-08-01", "entry", Kept, "2027-07-31"}}},
		{"middle card with one 7,000 day lapses a year later: only the entry card remains, to the period's end",
			[]string{"2025-09-15=7000"},
			[]want{{"2026-09-14", "middle", Earned, "2026-09-14"}, {"2026-09-15", "entry", Downgraded, "2027-07-31"}, {"2026-09-16", "entry", Downgraded, "2027-07-31"}}},
		{"middle card renewed for another year at 10,000 within its year",
			[]string{"2025-09-15=7000", "2026-09-14=3000"},
			[]want{{"2026-09-14", "middle", Earned, "2026-09-14"}, {"2026-09-15", "middle", Renewed, "2027-09-14"}, {"2027-09-15", "entry", Downgraded, "2028-07-31"}}},
		{"3,000 on the day after its year does not renew the middle card",
			[]string{"2025-09-15=7000", "2026-09-15=3000"},
			[]want{{"2026-09-15", "entry", Downgraded, "2027-07-31"}}},
		{"the entry card a lapsed middle card leaves is void at the period's end under 1,000",
			[]string{"2025-09-15=7000"},
			[]want{{"2027-07-31", "entry", Downgraded, "2027-07-31"}, {"2027-08-01", "", NoCard, ""}}},
		{"top card (SVIP) at 30,000 in one day, valid one year",
			[]string{"2025-09-15=29999", "2025-09-16=30000"},
			[]want{{"2025-09-15", "middle", Earned, "2026-09-14"}, {"2025-09-16", "top", Earned, "2026-09-15"}}},
		{"top card at 60,000 in one calendar month",
			[]string{"2025-10-01=25000", "2025-10-15=25000", "2025-10-31=10000"},
			[]want{{"2025-10-30", "middle", Earned, ""}, {"2025-10-31", "top", Earned, "2026-10-30"}}},
		{"60,000 in the period upgrades to the top card at the next 1 August",
			[]string{"2025-08-10=20000", "2025-11-10=20000", "2026-03-10=20000"},
			[]want{{"2026-07-31", "middle", Earned, ""}, {"2026-08-01", "top", Upgraded, "2027-07-31"}}},
		{"top card renewed at 60,000 within its year",
			[]string{"2025-09-16=30000", "2026-01-10=20000", "2026-09-15=10000"},
			[]want{{"2026-09-15", "top", Earned, "2026-09-15"}, {"2026-09-16", "top", Renewed, "2027-09-15"}}},
		{"top card not renewed: the client keeps the middle card their year's spend renews",
			[]string{"2025-09-16=30000"},
			[]want{{"2026-09-15", "top", Earned, ""}, {"2026-09-16", "middle", Downgraded, "2027-09-15"}, {"2027-09-16", "entry", Downgraded, "2028-07-31"}}},
		{"a top card from an upgrade, with nothing spent in its year, leaves the entry card, void with the period",
			[]string{"2025-08-10=20000", "2025-11-10=20000", "2026-03-10=20000"},
			[]want{{"2027-07-31", "top", Upgraded, "2027-07-31"}, {"2027-08-01", "", NoCard, ""}}},
		{"reaching a year card again restarts its year from that day",
			[]string{"2025-09-15=6000", "2026-03-01=6000"},
			[]want{{"2026-02-28", "middle", Earned, "2026-09-14"}, {"2026-03-01", "middle", Earned, "2027-02-28"}}},
		{"no purchase, no card",
			nil,
			[]want{{"2026-01-01", "", NoCard, ""}}},
	}
	cs := config.Default().Tiers.Cards["department_store"]
	for _, tt := range tests {
		s := client("x", tt.buys...)
		for _, w := range tt.wants {
			c, l := CardOn(s.Spends, civil.MustParse(w.day), cs)
			tier := ""
			if l >= 0 {
				tier = cs.Levels[l].Name
			}
			if tier != w.tier || (w.status != "" && c.Status != w.status) || (w.valid != "" && c.ValidTo.String() != w.valid) {
				t.Errorf("%s\n  on %s: %q %s valid to %s, want %q %s valid to %s", tt.rule, w.day, tier, c.Status, c.ValidTo, w.tier, w.status, w.valid)
			}
		}
	}
}

// TestPoint3Reasons checks what the tiers, show and the prep card say of a
// dated card: how it is held, to when, and what keeps it.
func TestPoint3Reasons(t *testing.T) {
	cfg := cardConfig(nil)
	cfg.Currency = "CNY"
	tests := []struct {
		buys    []string
		day     string
		reason  string
		outlook string
	}{
		{[]string{"2025-09-15=7000"}, "2026-08-20",
			"Gold card: 7,000 CNY in one day on 2025-09-15, valid to 2026-09-14",
			"renewed with 10,000 CNY in its year to 2026-09-14 (7,000 CNY so far, 3,000 CNY to go)"},
		{[]string{"2025-09-15=7000"}, "2026-09-15",
			"Entry card: Gold card not renewed on 2026-09-15 (7,000 CNY in its year from 2025-09-15), valid to 2027-07-31",
			"void on 2027-08-01 unless 1,000 CNY this period (0 CNY so far, 1,000 CNY to go)"},
		{[]string{"2025-09-15=7000", "2026-09-14=3000"}, "2026-09-15",
			"Gold card: renewed on 2026-09-15 (10,000 CNY in its year from 2025-09-15), valid to 2027-09-14",
			"renewed with 10,000 CNY in its year to 2027-09-14 (0 CNY so far, 10,000 CNY to go)"},
		{[]string{"2025-08-10=2000", "2025-10-10=3000", "2026-01-10=3000", "2026-07-30=3000"}, "2026-07-31",
			"Entry card: 2,000 CNY in one day on 2025-08-10, valid to 2026-07-31",
			"kept next period: 11,000 CNY this period; upgraded to Gold card on 2026-08-01"},
		{[]string{"2025-08-10=2000", "2025-10-10=3000", "2026-01-10=3000", "2026-07-30=3000"}, "2026-08-01",
			"Gold card: upgraded on 2026-08-01 (11,000 CNY in the year from 2025-08-01), valid to 2027-07-31", ""},
		{[]string{"2025-09-01=500"}, "2026-08-01",
			"no card: Entry card void on 2026-08-01 (500 CNY in the year from 2025-08-01)", ""},
	}
	for _, tt := range tests {
		a := Assign([]profile.Summary{client("x", tt.buys...)}, civil.MustParse(tt.day), cfg)[0]
		if a.Reason() != tt.reason {
			t.Errorf("on %s reason\n  %q\nwant\n  %q", tt.day, a.Reason(), tt.reason)
		}
		if tt.outlook != "" && a.Outlook() != tt.outlook {
			t.Errorf("on %s outlook\n  %q\nwant\n  %q", tt.day, a.Outlook(), tt.outlook)
		}
		if strings.Contains(a.Reason(), "held to") {
			t.Errorf("a dated card is not held to a period's end: %s", a.Reason())
		}
	}
}
