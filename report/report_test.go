package report

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

var (
	today = civil.MustParse("2026-11-24")
	zone  = time.FixedZone("CST", 8*3600)
)

func at(d string) time.Time { return civil.MustParse(d).In(zone).Add(10 * time.Hour) }

type buy struct {
	date  string
	yuan  int64
	items string
}

type fixture struct {
	p       profile.Profile
	buys    []buy
	notes   []notes.Note // ClientID filled in
	archive bool
}

// smallBook writes a book of a few clients into t.TempDir().
func smallBook(t *testing.T, fs []fixture) *store.Book {
	t.Helper()
	b, err := store.Init(filepath.Join(t.TempDir(), "book.db"), store.Meta{Associate: "Li Na", Currency: "CNY"},
		store.Options{Now: func() time.Time { return at("2026-11-24") }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	err = b.Update(func(tx *store.Tx) error {
		for _, f := range fs {
			p := f.p
			if err := tx.AddClient(&p); err != nil {
				return err
			}
			for _, by := range f.buys {
				if err := tx.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.MustParse(by.date), Amount: profile.Money(by.yuan * 100), Items: by.items}); err != nil {
					return err
				}
			}
			for _, n := range f.notes {
				n.ClientID = p.ID
				if err := tx.AddNote(&n); err != nil {
					return err
				}
			}
			if f.archive {
				p2, _ := tx.Client(p.ID)
				p2.HandedOver = &profile.Handover{To: "Wang", At: at("2026-10-01"), Released: true}
				if err := tx.UpdateClient(p2); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func fixtures() []fixture {
	return []fixture{
		{p: profile.Profile{ID: "amy", Name: "Amy Chen", City: "Shanghai", District: "Jing'an", Occupation: "architect",
			Hobbies: []string{"tennis", "opera"}, WhyBrand: "the fit of the trousers", Dislikes: []string{"loud logos"},
			ShareOfWallet: "most of it", Motivator: "a private fitting evening",
			Preferences: []profile.Preference{{Kind: profile.PrefStyle, Value: "minimal"}, {Kind: profile.PrefColour, Value: "navy"}},
			Dates: []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 12, Day: 3}},
				{Kind: profile.DateAnniversary, Label: "wedding", When: civil.MonthDay{Year: 2010, Month: 5, Day: 20}}}},
			buys: []buy{{"2026-02-10", 12000, "navy wool suit"}, {"2026-09-01", 6400, "white poplin shirt, silk tie"}, {"2025-12-20", 50000, "cashmere coat"}}},
		{p: profile.Profile{ID: "bo", Name: "王博", City: "Beijing", Occupation: "banker", Hobbies: []string{"golf"},
			Preferences: []profile.Preference{{Kind: profile.PrefStyle, Value: "Minimal"}, {Kind: profile.PrefCategory, Value: "watches"}},
			Dates:       []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 8, Day: 15}, Lunar: true}}},
			buys: []buy{{"2026-03-01", 9000, "chronograph watch"}, {"2026-03-15", 9000, "Navy wool suit"}, {"2026-06-01", 500, "silk tie"}}},
		{p: profile.Profile{ID: "cy", Name: "Cyril Dubois", Country: "FR"},
			buys: []buy{{"2026-11-20", 3000, "loafers"}}},
		{p: profile.Profile{ID: "dee", Name: "Dee"}, // a frequent visitor who buys little
			buys: []buy{{"2026-01-05", 100, "socks"}, {"2026-04-05", 100, "socks"}},
			notes: []notes.Note{{Kind: notes.Visit, Text: "looked around", At: at("2026-05-05")}, {Kind: notes.Visit, Text: "tried coats", At: at("2026-06-05")},
				{Kind: notes.Visit, Text: "picked up alterations", At: at("2026-07-05")}, {Kind: notes.Call, Text: "called", At: at("2026-07-06")}}},
		{p: profile.Profile{ID: "ed", Name: "Edmund Fox", Motivator: "first look at the new season"}, // big spender, away since spring 2025
			buys: []buy{{"2024-11-01", 80000, "evening dress"}, {"2025-02-01", 60000, "jade bracelet"}, {"2025-04-01", 40000, "pearl earrings"}},
			notes: []notes.Note{{Kind: notes.General, Text: "moved to Hong Kong for work", At: at("2025-06-01")},
				{Kind: notes.Situation, Text: "future note must not count", At: at("2026-12-24")}}},
		{p: profile.Profile{ID: "gone", Name: "Gone Archived"}, archive: true,
			buys: []buy{{"2026-05-01", 900000, "everything"}}},
		{p: profile.Profile{ID: "nil", Name: "Never Bought"}},
	}
}

func TestReportOnASmallBook(t *testing.T) {
	b := smallBook(t, fixtures())
	var in Input
	if err := b.View(func(tx *store.Tx) error {
		var err error
		in, err = Load(tx, today)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	// Only the shown clients are read in full.
	if len(in.Profiles) != 4 || in.Profiles["gone"] != nil || in.Profiles["nil"] != nil {
		t.Errorf("profiles read: %d", len(in.Profiles))
	}
	r := Build(in)

	if r.Clients != 6 || r.Buyers != 4 || r.Currency != "CNY" {
		t.Errorf("clients %d buyers %d currency %s", r.Clients, r.Buyers, r.Currency)
	}
	// Q1: year-to-date order. Amy 18,400; Bo 18,500; Cyril 3,000; Dee 200.
	var order []string
	for _, c := range r.Top {
		order = append(order, c.ID)
	}
	if strings.Join(order, ",") != "bo,amy,cy,dee" {
		t.Fatalf("top = %v", order)
	}
	amy := r.Top[1]
	if amy.YTD != 1840000 || amy.PurchasesYTD != 2 || amy.Rank != 2 {
		t.Errorf("amy: %+v", amy)
	}
	// Q2: where, what, hobbies, anniversaries.
	if amy.City != "Shanghai" || amy.District != "Jing'an" || amy.Occupation != "architect" || strings.Join(amy.Hobbies, ",") != "tennis,opera" {
		t.Errorf("amy Q2: %+v", amy)
	}
	if len(amy.Dates) != 2 || amy.Dates[0].Next.String() != "2026-12-03" || amy.Dates[0].DaysAway != 9 || amy.Dates[1].Next.String() != "2027-05-20" || amy.Dates[1].Years != 17 || amy.Dates[0].Years != 0 {
		t.Errorf("amy dates: %+v", amy.Dates)
	}
	if bo := r.Top[0]; bo.Dates[0].Next.String() != "2027-09-15" || bo.Dates[0].When != "农历八月十五" {
		t.Errorf("bo lunar birthday: %+v", bo.Dates)
	}
	// Q3: favourites across the top clients (case folded), items bought.
	if len(r.Favourites.Styles) != 1 || r.Favourites.Styles[0] != (Count{"Minimal", 2}) {
		t.Errorf("styles: %+v", r.Favourites.Styles)
	}
	// Ties in the order first seen: Bo first, newest purchase first.
	if r.Favourites.Items[0] != (Count{"silk tie", 2}) || r.Favourites.Items[1] != (Count{"Navy wool suit", 2}) || r.Favourites.Items[3].N != 1 {
		t.Errorf("items: %+v", r.Favourites.Items)
	}
	if amy.Items[0].Value != "white poplin shirt" || len(amy.Items) != 3 {
		t.Errorf("amy items: %+v", amy.Items)
	}
	// Q4: shares of this year's sales (18,500 + 18,400 + 3,000 + 200 = 40,100).
	if r.SalesYTD != 4010000 || r.Share.Top10 != 4010000 || r.Share.Top10Pct != 100 || r.Share.Top50Pct != 100 {
		t.Errorf("share: %+v of %s", r.Share, r.SalesYTD)
	}
	// Q5: Dee visits most (2 purchases + 3 visits); Bo's... highest average ticket in 12 months: Amy (68,400/3 = 22,800).
	if len(r.MostFrequent) == 0 || r.MostFrequent[0].ID != "dee" || r.MostFrequent[0].Visits != 5 {
		t.Errorf("most frequent: %+v", r.MostFrequent)
	}
	if len(r.HighestTicket) == 0 || r.HighestTicket[0].ID != "amy" || r.HighestTicket[0].Average != 2280000 || r.HighestTicket[0].Purchases != 3 {
		t.Errorf("highest ticket: %+v", r.HighestTicket)
	}
	// Q6: Edmund, away since 2025-04-01 (gaps of 92 and 59 days: usual
	// rhythm 76), with the last note as the why.
	if len(r.LongestAway) == 0 {
		t.Fatal("no longest away")
	}
	ed := r.LongestAway[0]
	if ed.ID != "ed" || ed.LastVisit.String() != "2025-04-01" || ed.DaysAway != 602 || ed.Rhythm != 76 {
		t.Errorf("longest away: %+v", ed)
	}
	if ed.LastNote == nil || ed.LastNote.Text != "moved to Hong Kong for work" {
		t.Errorf("why: %+v", ed.LastNote)
	}
	// Q7-Q10 and the gaps to fill.
	if amy.WhyBrand != "the fit of the trousers" || amy.Dislikes[0] != "loud logos" || amy.ShareOfWallet != "most of it" || amy.Motivator != "a private fitting evening" {
		t.Errorf("amy Q7-10: %+v", amy)
	}
	if r.Gaps.Motivator != 3 || r.Gaps.WhyBrand != 3 || r.Gaps.Hobbies != 2 || r.Gaps.Dates != 2 {
		t.Errorf("gaps: %+v", r.Gaps)
	}
	// The archived client is nowhere.
	for _, l := range [][]string{ids(r.MostFrequent), idsT(r.HighestTicket), idsA(r.LongestAway)} {
		for _, id := range l {
			if id == "gone" {
				t.Errorf("archived client in the report")
			}
		}
	}
}

func ids(vs []Visitor) (out []string) {
	for _, v := range vs {
		out = append(out, v.ID)
	}
	return
}

func idsT(vs []Ticket) (out []string) {
	for _, v := range vs {
		out = append(out, v.ID)
	}
	return
}

func idsA(vs []Away) (out []string) {
	for _, v := range vs {
		out = append(out, v.ID)
	}
	return
}

func TestShareOfTopTenAndFifty(t *testing.T) {
	// 60 clients spending 1..60 thousand this year: the top 10 bring
	// (51..60) = 555 of 1830, the top 50 (11..60) = 1775.
	var sums []profile.Summary
	for i := 1; i <= 60; i++ {
		sums = append(sums, profile.Summary{ID: string(rune('A'+i%26)) + string(rune('a'+i/26)), Name: "c",
			Spends: []profile.Spend{{Date: civil.MustParse("2026-03-01"), Amount: profile.Money(i * 100000)}}})
	}
	sums = append(sums, profile.Summary{ID: "last-year", Spends: []profile.Spend{{Date: civil.MustParse("2025-12-31"), Amount: 99999900}}})
	r := Build(inputOf(today, sums))
	if r.SalesYTD != 183000000 || r.Share.Top10 != 55500000 || r.Share.Top50 != 177500000 {
		t.Fatalf("share: %+v of %s", r.Share, r.SalesYTD)
	}
	if r.Share.Top10Pct != 30.3 || r.Share.Top50Pct != 96.9 {
		t.Errorf("pcts: %v %v", r.Share.Top10Pct, r.Share.Top50Pct)
	}
	if len(r.Top) != TopN || r.Top[0].YTD != 6000000 {
		t.Errorf("top: %d, first %s", len(r.Top), r.Top[0].YTD)
	}
}

// inputOf is the Input of a report of day today on a book of the
// clients sums, as Load reads it (every summary kept).
func inputOf(today civil.Date, sums []profile.Summary) Input {
	in := Input{Today: today, Summaries: map[string]*profile.Summary{}}
	w := WindowOf(today)
	for i := range sums {
		if v, ok := Derive(&sums[i], w); ok {
			in.Clients = append(in.Clients, v)
		}
		in.Summaries[sums[i].ID] = &sums[i]
	}
	return in
}

func TestEmptyBook(t *testing.T) {
	r := Build(Input{Today: today})
	if r.Clients != 0 || len(r.Top) != 0 || r.Share.Top10Pct != 0 {
		t.Errorf("empty: %+v", r)
	}
}

func TestSplitItems(t *testing.T) {
	got := splitItems("navy suit, white shirt；真丝围巾、 皮鞋 + belt")
	if strings.Join(got, "|") != "navy suit|white shirt|真丝围巾|皮鞋|belt" {
		t.Errorf("splitItems = %q", got)
	}
}

// TestQuestion3FromLikesDislikesAndSizes: question 3 ("what products and
// styles do they like most?") counts the top clients' likes by category
// (a line, an occasion too), never a dislike entered with a category as a
// like; what they dislike and the sizes they wear now (not an older
// size) are counted beside, and each top client carries them.
func TestQuestion3FromLikesDislikesAndSizes(t *testing.T) {
	fs := fixtures()
	amy, bo := &fs[0].p, &fs[1].p
	amy.Preferences = append(amy.Preferences,
		profile.Preference{Kind: profile.PrefLine, Value: "Riviera"},
		profile.Preference{Kind: profile.PrefColour, Value: "gold", Dislike: true})
	amy.Sizes = []profile.Size{{Category: "shoes", Value: "38", System: "EU", Taken: civil.MustParse("2020-01-01")},
		{Category: "shoes", Value: "39", System: "EU", Taken: civil.MustParse("2025-01-01")}}
	bo.Preferences = append(bo.Preferences, profile.Preference{Kind: profile.PrefLine, Value: "riviera"},
		profile.Preference{Kind: profile.PrefOccasion, Value: "gala"})
	bo.Dislikes = []string{"Loud logos", "gold"}
	bo.Sizes = []profile.Size{{Category: "shoes", Value: "39", System: "EU"}, {Category: "jacket", Value: "50", System: "IT"}}
	b := smallBook(t, fs)
	var in Input
	if err := b.View(func(tx *store.Tx) error {
		var err error
		in, err = Load(tx, today)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	f := Build(in).Favourites
	want := map[string][]Count{
		"lines":     {{"Riviera", 2}},
		"occasions": {{"gala", 1}},
		"colours":   {{"navy", 1}},
		"dislikes":  {{"loud logos", 2}, {"gold", 2}},
		"sizes":     {{"shoes 39 EU", 2}, {"jacket 50 IT", 1}},
	}
	got := map[string][]Count{"lines": f.Lines, "occasions": f.Occasions, "colours": f.Colours, "dislikes": f.Dislikes, "sizes": f.Sizes}
	for k, w := range want {
		g := got[k]
		if len(g) != len(w) {
			t.Errorf("%s: %+v, want %+v", k, g, w)
			continue
		}
		for i := range w {
			if g[i].N != w[i].N || !strings.EqualFold(g[i].Value, w[i].Value) {
				t.Errorf("%s: %+v, want %+v", k, g, w)
			}
		}
	}
	r := Build(in)
	a := r.Top[1]
	if a.ID != "amy" || len(a.Sizes) != 1 || a.Sizes[0].Value != "39" || len(a.Dislikes) != 2 {
		t.Errorf("amy: sizes %+v dislikes %v", a.Sizes, a.Dislikes)
	}
	for _, p := range a.Preferences {
		if p.Dislike {
			t.Errorf("a dislike among amy's likes: %+v", p)
		}
	}
}

// TestLoadReadsWhatTheWholeBookGives: Load, which reads the clients one
// summary at a time and keeps only the summaries of those the report
// names, makes the report that every summary of the book makes, on days
// across the year (a demo book of 600 clients).
func TestLoadReadsWhatTheWholeBookGives(t *testing.T) {
	made := demobench.Today
	b, err := store.Open(demobench.Small(t, 600, 9), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		for _, day := range []civil.Date{made, made.AddDays(-200), made.AddDays(20)} {
			in, err := Load(tx, day)
			if err != nil {
				return err
			}
			if len(in.Summaries) > TopN+3*ListN {
				t.Errorf("%s: Load kept %d summaries, more than the report names", day, len(in.Summaries))
			}
			whole := inputOf(day, sums)
			whole.Currency, whole.Profiles, whole.Purchases, whole.LastNotes = in.Currency, in.Profiles, in.Purchases, in.LastNotes
			got, want := Build(in), Build(whole)
			if len(want.Top) != TopN || len(want.MostFrequent) != ListN || len(want.LongestAway) == 0 {
				t.Fatalf("%s: the demo book gives a thin report (%d top, %d frequent, %d away): the test proves little", day, len(want.Top), len(want.MostFrequent), len(want.LongestAway))
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: Load's report\n%+v\nthe whole book's\n%+v", day, got, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
