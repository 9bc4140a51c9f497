package tiers

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
)

var today = civil.MustParse("2026-11-24")

func yuan(n float64) profile.Money { return profile.Money(n * 100) }

// client builds a summary with purchases given as "YYYY-MM-DD=amount".
func client(id string, buys ...string) profile.Summary {
	s := profile.Summary{ID: id, Name: id}
	for _, b := range buys {
		d, a, _ := strings.Cut(b, "=")
		var f float64
		fmt.Sscan(a, &f)
		s.Spends = append(s.Spends, profile.Spend{Date: civil.MustParse(d), Amount: yuan(f)})
	}
	return s
}

func pyramidConfig() config.Tiers {
	c := config.Default().Tiers
	c.Currency = "CNY"
	return c
}

func TestPyramid(t *testing.T) {
	var sums []profile.Summary
	// Ten clients who spent 1,000 to 10,000 in the last 12 months.
	for i := 1; i <= 10; i++ {
		sums = append(sums, client(fmt.Sprintf("c%02d", i), fmt.Sprintf("2026-06-01=%d", i*1000)))
	}
	sums = append(sums,
		client("old", "2025-11-24=99000"),    // 365 days ago: outside the 12 months
		client("edge", "2025-11-25=500"),     // 364 days ago: inside
		client("never"),                      // no purchase
		client("future", "2026-12-01=50000"), // a purchase dated after today is not counted
		profile.Summary{ID: "gone", Status: profile.Archived, Spends: []profile.Spend{{Date: today, Amount: yuan(1e6)}}},
	)
	as := Assign(sums, today, pyramidConfig())
	got := map[string]Assignment{}
	for i, a := range as {
		if a.ClientID != sums[i].ID {
			t.Fatalf("result %d is for %s, want %s (indexed like sums)", i, a.ClientID, sums[i].ID)
		}
		got[a.ClientID] = a
	}
	// 11 spenders: A takes ceil(1.1)=2, B up to ceil(3.3)=4, C up to ceil(6.6)=7.
	want := map[string]string{
		"c10": "A", "c09": "A", "c08": "B", "c07": "B", "c06": "C", "c05": "C", "c04": "C",
		"c03": "D", "c02": "D", "c01": "D", "edge": "D", "old": "D", "never": "D", "future": "D", "gone": "D",
	}
	for id, tier := range want {
		if got[id].Tier != tier {
			t.Errorf("%s: tier %s (%s), want %s", id, got[id].Tier, got[id].Reason(), tier)
		}
	}
	if r := got["c10"].Reason(); r != "A: 10,000 CNY in 12 months, rank 1 of 11" {
		t.Errorf("reason = %q", r)
	}
	if r := got["edge"].Reason(); r != "D: 500 CNY in 12 months, rank 11 of 11" {
		t.Errorf("edge reason = %q", r)
	}
	if r := got["old"].Reason(); r != "D: no purchase in 12 months" {
		t.Errorf("old reason = %q", r)
	}
	if r := got["gone"].Reason(); !strings.Contains(r, "archived") {
		t.Errorf("archived reason = %q", r)
	}
	if got["c10"].Level != 3 || got["c08"].Level != 2 || got["never"].Level != 0 {
		t.Errorf("levels: %d %d %d", got["c10"].Level, got["c08"].Level, got["never"].Level)
	}
	if got["c10"].Label != "platinum" {
		t.Errorf("label = %q", got["c10"].Label)
	}
}

func TestPyramidTiesShareATier(t *testing.T) {
	var sums []profile.Summary
	for i := 0; i < 10; i++ {
		sums = append(sums, client(fmt.Sprintf("c%d", i), "2026-10-01=5000"))
	}
	for _, a := range Assign(sums, today, pyramidConfig()) {
		if a.Tier != "A" || a.Rank != 1 || a.Of != 10 {
			t.Errorf("%s: %s", a.ClientID, a.Reason())
		}
	}
}

func TestPyramidCustomCuts(t *testing.T) {
	cfg := pyramidConfig()
	cfg.Pyramid.Levels = []config.PyramidLevel{{Name: "VIP", Share: 0.5}, {Name: "Other"}}
	sums := []profile.Summary{client("a", "2026-10-01=300"), client("b", "2026-10-01=200"), client("c", "2026-10-01=100"), client("d", "2026-10-01=50")}
	as := Assign(sums, today, cfg)
	for i, want := range []string{"VIP", "VIP", "Other", "Other"} {
		if as[i].Tier != want {
			t.Errorf("%s: %s, want %s", as[i].ClientID, as[i].Reason(), want)
		}
	}
}

func TestOverride(t *testing.T) {
	sums := []profile.Summary{client("top", "2026-10-01=9000"), client("low", "2026-10-01=10")}
	sums[1].Tier = "A"
	sums[0].Tier = "vip-friend"
	as := Assign(sums, today, pyramidConfig())
	low := as[1]
	// Two spenders: A takes rank 1 (ceil 0.2), B none more (ceil 0.6), C rank 2 (ceil 1.2).
	if low.Tier != "A" || !low.Override || low.Computed != "C" || low.Level != 3 {
		t.Fatalf("override: %+v", low)
	}
	if r := low.Reason(); r != "A: set by hand (the pyramid scheme gives C: 10 CNY in 12 months, rank 2 of 2)" {
		t.Errorf("reason = %q", r)
	}
	top := as[0]
	if top.Tier != "vip-friend" || top.Computed != "A" || top.Level != 3 {
		t.Errorf("unknown override keeps the computed level: %+v", top)
	}
}

func cardConfig(mod func(*config.CardScheme)) config.Tiers {
	c := config.Default().Tiers
	c.Scheme = "department_store"
	cs := c.Cards["department_store"]
	cs.Levels = append([]config.CardLevel(nil), cs.Levels...)
	if mod != nil {
		mod(&cs)
	}
	c.Cards = map[string]config.CardScheme{"department_store": cs, "suit_chain": c.Cards["suit_chain"]}
	return c
}

// periodConfig is the department store's thresholds in a scheme without
// dated validity: a card held through the next period, downgraded one
// level when not reached again, the lowest kept.
func periodConfig(mod func(*config.CardScheme)) config.Tiers {
	c := config.Default().Tiers
	c.Scheme = "department_store"
	cs := c.Cards["department_store"]
	cs.Downgrade, cs.KeepLowest = config.DowngradeOneLevel, true
	cs.Levels = []config.CardLevel{
		{Name: "entry", Label: "Entry card", Day: 500},
		{Name: "middle", Label: "Gold card", Day: 6000, Month: 12000},
		{Name: "top", Label: "Platinum card", Day: 30000, Month: 60000, Year: 60000},
	}
	if mod != nil {
		mod(&cs)
	}
	c.Cards = map[string]config.CardScheme{"department_store": cs, "suit_chain": c.Cards["suit_chain"]}
	return c
}

func TestCards(t *testing.T) {
	tests := []struct {
		name   string
		cfg    config.Tiers
		client profile.Summary
		tier   string
		status CardStatus
		reason string
	}{
		{"entry: 500 in one day from two purchases", periodConfig(nil),
			client("x", "2026-09-01=300", "2026-09-01=200"), "entry", Earned,
			"Entry card: 500 CNY in one day on 2026-09-01"},
		{"499 in a day is no card", periodConfig(nil),
			client("x", "2026-09-01=499", "2026-09-02=499"), "", NoCard,
			"no card: best this period 499 CNY in one day on 2026-09-01"},
		{"middle: 12,000 in a calendar month", periodConfig(nil),
			client("x", "2026-10-02=5000", "2026-10-20=5000", "2026-10-31=2000"), "middle", Earned,
			"Gold card: 12,000 CNY in October 2026"},
		{"12,000 across two months is only entry", periodConfig(nil),
			client("x", "2026-09-25=5000", "2026-10-05=5000", "2026-10-06=2000"), "entry", Earned, ""},
		{"middle: 6,000 in one day", periodConfig(nil),
			client("x", "2026-11-24=6000"), "middle", Earned, ""},
		{"top: 60,000 in the yearly period from 1 August", periodConfig(nil),
			client("x", "2026-08-01=15000", "2026-09-10=15000", "2026-10-10=15000", "2026-11-10=15000"), "top", Earned,
			"Platinum card: 60,000 CNY in the year from 2026-08-01"},
		{"60,000 across two periods is not top", periodConfig(nil),
			client("x", "2026-05-10=15000", "2026-06-10=15000", "2026-07-31=15000", "2026-08-01=15000"), "middle", Earned, ""},
		{"the same spend in a period from 1 May is top", periodConfig(func(c *config.CardScheme) { c.YearStart = "05-01" }),
			client("x", "2026-05-10=15000", "2026-06-10=15000", "2026-07-31=15000", "2026-08-01=15000"), "top", Earned, ""},
		{"held: reached last period, held through this one", periodConfig(nil),
			client("x", "2026-03-01=30000"), "top", Held,
			"Platinum card: 30,000 CNY in one day on 2026-03-01, held to 2027-07-31"},
		{"renewed: reached again last period", periodConfig(nil),
			client("x", "2025-03-01=30000", "2026-02-01=35000"), "top", Held, ""},
		{"not renewed: keeps the lower card", periodConfig(nil),
			client("x", "2025-03-01=30000", "2026-02-01=700"), "middle", Downgraded,
			"Gold card: Platinum card not renewed (best from 2025-08-01 to 2026-07-31: 700 CNY in one day on 2026-02-01), keeps the lower card"},
		{"not renewed, spending again this period", periodConfig(nil),
			client("x", "2025-03-01=30000", "2026-02-01=700", "2026-09-01=6500"), "middle", Earned, ""},
		{"to_qualified: falls to the card the spend reached", periodConfig(func(c *config.CardScheme) { c.Downgrade = config.DowngradeToQualified }),
			client("x", "2025-03-01=30000", "2026-02-01=700"), "entry", Downgraded, ""},
		{"two years without renewal: down two levels", periodConfig(nil),
			client("x", "2024-03-01=30000"), "entry", Downgraded, ""},
		{"the lowest card is kept", periodConfig(nil),
			client("x", "2019-03-01=600"), "entry", Kept, "Entry card: kept (the lowest card is not taken away), held to 2027-07-31"},
		{"without keep_lowest the lowest card lapses", periodConfig(func(c *config.CardScheme) { c.KeepLowest = false }),
			client("x", "2019-03-01=600"), "", NoCard, "no card: no purchase this period"},
		{"no purchase at all", periodConfig(nil), client("x"), "", NoCard, "no card: no purchase this period"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.cfg.Currency = "CNY"
			a := Assign([]profile.Summary{tt.client}, today, tt.cfg)[0]
			if a.Tier != tt.tier || a.Card == nil || a.Card.Status != tt.status {
				st := CardStatus("")
				if a.Card != nil {
					st = a.Card.Status
				}
				t.Fatalf("tier %q status %q (%s), want %q %q", a.Tier, st, a.Reason(), tt.tier, tt.status)
			}
			if tt.reason != "" && a.Reason() != tt.reason {
				t.Fatalf("reason %q\nwant   %q", a.Reason(), tt.reason)
			}
			if a.Scheme() != "department_store" {
				t.Errorf("scheme = %q", a.Scheme())
			}
		})
	}
}

func TestSuitChain(t *testing.T) {
	cfg := config.Default().Tiers
	cfg.Scheme = "suit_chain"
	tests := []struct {
		name   string
		client profile.Summary
		tier   string
		reason string
	}{
		{"30,000 JPY in one purchase", client("x", "2026-03-01=30000"), "vip", "VIP: 30,000 JPY in one purchase on 2026-03-01"},
		{"two purchases of 20,000 on one day are not one purchase", client("x", "2026-03-01=20000", "2026-03-01=20000"), "", ""},
		{"50,000 JPY in the year", client("x", "2026-03-01=20000", "2026-03-01=20000", "2026-10-01=10000"), "vip", "VIP: 50,000 JPY in the year from 2026-01-01"},
		{"last year's 50,000 holds through this year", client("x", "2025-06-01=50000"), "vip", ""},
	}
	for _, tt := range tests {
		a := Assign([]profile.Summary{tt.client}, today, cfg)[0]
		if a.Tier != tt.tier || (tt.reason != "" && a.Reason() != tt.reason) {
			t.Errorf("%s: tier %q, %q", tt.name, a.Tier, a.Reason())
		}
	}
}

func TestCardOverride(t *testing.T) {
	s := client("x", "2026-09-01=600")
	s.Tier = "top"
	a := Assign([]profile.Summary{s}, today, cardConfig(nil))[0]
	if a.Tier != "top" || a.Computed != "entry" || a.Level != 3 || !strings.HasPrefix(a.Reason(), "top: set by hand (the department_store scheme gives entry: 600") {
		t.Errorf("%+v: %s", a, a.Reason())
	}
}

func TestRFM(t *testing.T) {
	// Five buyers, each better than the last on every measure, and one
	// client who never bought.
	sums := []profile.Summary{
		client("e", "2025-12-01=100"),
		client("d", "2026-03-01=100", "2026-03-02=100"),
		client("c", "2026-06-01=100", "2026-06-02=100", "2026-06-03=100"),
		client("b", "2026-09-01=100", "2026-09-02=100", "2026-09-03=100", "2026-09-04=100"),
		client("a", "2026-11-01=500", "2026-11-02=100", "2026-11-03=100", "2026-11-04=100", "2026-11-05=100"),
		client("never"),
	}
	as := Assign(sums, today, pyramidConfig())
	for i, want := range []string{"111", "222", "333", "444", "555", "111"} {
		if as[i].RFM.String() != want {
			t.Errorf("%s: RFM %s, want %s", as[i].ClientID, as[i].RFM, want)
		}
	}
	if as[4].RFM.Total() != 15 {
		t.Errorf("total = %d", as[4].RFM.Total())
	}
	// A big spender of long ago: worst recency, nothing in 12 months; the
	// others move up a little.
	sums = append(sums, client("lapsed", "2020-01-01=100000"))
	as = Assign(sums, today, pyramidConfig())
	if l := as[6].RFM; l != (RFM{1, 1, 1}) {
		t.Errorf("lapsed: %v", l)
	}
	if e := as[0].RFM; e != (RFM{2, 2, 2}) {
		t.Errorf("e among six buyers: %v", e)
	}
	if a := as[4].RFM; a != (RFM{5, 5, 5}) {
		t.Errorf("a among six buyers: %v", a)
	}
}

func TestJSONHasReason(t *testing.T) {
	a := Assign([]profile.Summary{client("x", "2026-10-01=1000")}, today, pyramidConfig())[0]
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"reason":"A: 1,000 CNY in 12 months, rank 1 of 1"`) || !strings.Contains(string(b), `"tier":"A"`) || !strings.Contains(string(b), `"scheme":"pyramid"`) {
		t.Errorf("json = %s", b)
	}
}

func TestLevelsAndIndex(t *testing.T) {
	if got := strings.Join(Levels(pyramidConfig()), ","); got != "D,C,B,A" {
		t.Errorf("pyramid levels = %s", got)
	}
	if got := strings.Join(Levels(cardConfig(nil)), ","); got != ",entry,middle,top" {
		t.Errorf("card levels = %s", got)
	}
	as := Assign([]profile.Summary{client("x"), client("y")}, today, pyramidConfig())
	if Index(as)["y"].ClientID != "y" {
		t.Error("Index")
	}
}

// book builds n summaries with a realistic spread of purchases over three years.
func book(n int) []profile.Summary {
	r := rand.New(rand.NewPCG(1, 2))
	start := civil.MustParse("2023-11-24")
	sums := make([]profile.Summary, n)
	for i := range sums {
		s := profile.Summary{ID: fmt.Sprintf("c%06d", i)}
		k := r.IntN(20)
		day := r.IntN(365)
		for j := 0; j < k && day < 1096; j++ {
			s.Spends = append(s.Spends, profile.Spend{Date: start.AddDays(day), Amount: profile.Money(r.IntN(3_000_000) + 10_000)})
			day += 1 + r.IntN(120)
		}
		sums[i] = s
	}
	return sums
}

func BenchmarkAssignPyramid100k(b *testing.B) {
	sums := book(100_000)
	cfg := pyramidConfig()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Assign(sums, today, cfg)
	}
}

func BenchmarkAssignCards100k(b *testing.B) {
	sums := book(100_000)
	cfg := cardConfig(nil)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Assign(sums, today, cfg)
	}
}

// TestLargeBookInParts: on a book large enough to be valued a part per
// CPU, every client's 12-month spend, count and rank are what one pass
// over all of them gives.
func TestLargeBookInParts(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	sums := make([]profile.Summary, 50_000)
	for i := range sums {
		s := profile.Summary{ID: fmt.Sprintf("c%05d", i)}
		for range r.IntN(4) {
			d := today.AddDays(-r.IntN(500))
			s.Spends = append(s.Spends, profile.Spend{Date: d, Amount: profile.Money(r.IntN(50) * 1000)})
		}
		sums[i] = s
	}
	as := Assign(sums, today, pyramidConfig())
	want := make([]clientValue, len(sums))
	valueClients(sums, want, int(today.AddDays(-364).Pack()), int(today.Pack()))
	of := rankBySpend(want)
	for i, a := range as {
		if a.Spend12 != profile.Money(want[i].spend12) || a.Rank != int(want[i].rank) || a.Of != of {
			t.Fatalf("client %d: spend %d rank %d of %d, one pass gives %d rank %d of %d",
				i, a.Spend12, a.Rank, a.Of, want[i].spend12, want[i].rank, of)
		}
	}
	if of < 10_000 {
		t.Fatalf("only %d of 50k clients spent: the test does not exercise the ranking", of)
	}
}

// TestSortBySpend: the packed sort orders as the plain one (biggest spend
// first, equal spends by index), and spends too large to pack still sort.
func TestSortBySpend(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	plain := func(es []entry) []entry {
		out := slices.Clone(es)
		slices.SortFunc(out, func(a, b entry) int {
			if a.spend != b.spend {
				return cmp.Compare(b.spend, a.spend)
			}
			return cmp.Compare(a.i, b.i)
		})
		return out
	}
	for _, big := range []bool{false, true} {
		es := make([]entry, 5000)
		for k := range es {
			es[k] = entry{spend: int64(r.IntN(300)) * 1000, i: int32(r.IntN(100_000))}
			if big && k%10 == 0 {
				es[k].spend = 1 << 50
			}
		}
		want := plain(es)
		sortBySpend(es)
		if !slices.Equal(es, want) {
			t.Fatalf("big=%v: the packed sort differs from the plain one", big)
		}
	}
}
