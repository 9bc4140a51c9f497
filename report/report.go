package report

import (
	"slices"
	"sort"
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
)

// The sizes of the report's lists.
const (
	TopN       = 10 // the top clients by year-to-date spend
	ShareN     = 50 // the wider circle whose share of sales is given
	ListN      = 5  // most frequent visitors, highest tickets, longest away
	TopValueN  = 50 // the "top clients" among whom the longest away is found
	FavouriteN = 8  // favourite values listed per kind
)

// Input is what Build needs, read by Load.
type Input struct {
	Today    civil.Date
	Currency string
	// Clients are the figures of every client not archived, in book
	// order: Derive of each summary.
	Clients []Value
	// Summaries hold the clients the report names (Select); the others'
	// are not kept.
	Summaries map[string]*profile.Summary
	// Profiles, Purchases and LastNotes hold the clients the report shows
	// in full (Select's Top and Away); others are not read.
	Profiles  map[string]*profile.Profile
	Purchases map[string][]profile.Purchase
	LastNotes map[string]notes.Note
}

// Report is the answer to the ten questions on one day.
type Report struct {
	Date     civil.Date    `json:"date"`
	Currency string        `json:"currency"`
	Clients  int           `json:"clients"` // in the book, archived ones left out
	Buyers   int           `json:"buyers"`  // clients who bought this year
	SalesYTD profile.Money `json:"sales_ytd"`

	// Q1, Q2, Q3, Q7-Q10: the top clients by year-to-date spend, in order.
	Top []TopClient `json:"top"`
	// Q3 across the top clients: their favourite categories, styles,
	// colours, materials, brands, lines and occasions (their likes), the
	// items they bought, what they dislike and the sizes they wear.
	Favourites Favourites `json:"favourites"`
	// Q4: the share of this year's sales of the top 10 and the top 50.
	Share Share `json:"share"`
	// Q5: who visits most often (distinct days with a visit or a purchase
	// in the last 12 months) and who has the highest average ticket.
	MostFrequent  []Visitor `json:"most_frequent"`
	HighestTicket []Ticket  `json:"highest_ticket"`
	// Q6: the top clients (by total spend) away longest, with the last note.
	LongestAway []Away `json:"longest_away"`
	// Gaps counts the top clients for whom a question has no answer yet:
	// what to ask at the next visit.
	Gaps Gaps `json:"gaps"`
}

// TopClient is one of the top clients with what the associate knows of them.
type TopClient struct {
	Rank          int                  `json:"rank"`
	ID            string               `json:"id"`
	Name          string               `json:"name"`
	YTD           profile.Money        `json:"ytd"`
	PurchasesYTD  int                  `json:"purchases_ytd"`
	City          string               `json:"city,omitempty"`
	District      string               `json:"district,omitempty"`
	Occupation    string               `json:"occupation,omitempty"`
	Hobbies       []string             `json:"hobbies,omitempty"`
	Dates         []DateInfo           `json:"dates,omitempty"`
	Preferences   []profile.Preference `json:"preferences,omitempty"`
	Items         []Count              `json:"items,omitempty"` // what they bought most, from their purchases
	WhyBrand      string               `json:"why_brand,omitempty"`
	Dislikes      []string             `json:"dislikes,omitempty"`
	Sizes         []profile.Size       `json:"sizes,omitempty"` // the current size of each category
	ShareOfWallet string               `json:"share_of_wallet,omitempty"`
	Motivator     string               `json:"motivator,omitempty"`
	HandedOver    bool                 `json:"handed_over,omitempty"`
	DoNotContact  bool                 `json:"do_not_contact,omitempty"` // asked not to be contacted: serve, do not reach out
}

// DateInfo is an important date with its next occurrence.
type DateInfo struct {
	Kind     profile.DateKind `json:"kind"`
	Label    string           `json:"label,omitempty"`
	For      string           `json:"for,omitempty"` // whose date it is when not the client's own (a household member)
	When     string           `json:"when"`          // 03-14, 农历八月十五
	Next     civil.Date       `json:"next"`
	DaysAway int              `json:"days_away"`
	Years    int              `json:"years,omitempty"` // the age turned or the years marked on Next, when the year is known
}

// Count is a value and how often it occurs.
type Count struct {
	Value string `json:"value"`
	N     int    `json:"n"`
}

// Favourites are the preference values and items most common among the
// top clients, most common first.
type Favourites struct {
	Categories []Count `json:"categories,omitempty"`
	Styles     []Count `json:"styles,omitempty"`
	Colours    []Count `json:"colours,omitempty"`
	Materials  []Count `json:"materials,omitempty"`
	Brands     []Count `json:"brands,omitempty"`
	Lines      []Count `json:"lines,omitempty"`
	Occasions  []Count `json:"occasions,omitempty"`
	Items      []Count `json:"items,omitempty"`
	// Dislikes are what the top clients dislike, most common first: what
	// not to offer them.
	Dislikes []Count `json:"dislikes,omitempty"`
	// Sizes are the current sizes of the top clients ("shoes 39 EU"), most
	// common first: what to hold in stock for them.
	Sizes []Count `json:"sizes,omitempty"`
}

// Share is the top clients' share of this year's sales.
type Share struct {
	Top10    profile.Money `json:"top10"`
	Top10Pct float64       `json:"top10_pct"`
	Top50    profile.Money `json:"top50"`
	Top50Pct float64       `json:"top50_pct"`
}

// Visitor is a client by how often they come.
type Visitor struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Visits    int        `json:"visits_12_months"`
	LastVisit civil.Date `json:"last_visit"`
}

// Ticket is a client by average ticket over the last 12 months.
type Ticket struct {
	ID        string        `json:"id"`
	Name      string        `json:"name"`
	Average   profile.Money `json:"average"`
	Purchases int           `json:"purchases_12_months"`
	Spend     profile.Money `json:"spend_12_months"`
}

// Away is a top client by how long since their last visit.
type Away struct {
	ID        string        `json:"id"`
	Name      string        `json:"name"`
	Total     profile.Money `json:"total_spend"`
	LastVisit civil.Date    `json:"last_visit"`
	DaysAway  int           `json:"days_away"`
	Rhythm    int           `json:"usual_gap_days,omitempty"` // median days between visits
	LastNote  *notes.Note   `json:"last_note,omitempty"`      // the "why", as far as the book knows
}

// Gaps count the top clients without an answer to a question.
type Gaps struct {
	Hobbies       int `json:"hobbies"`
	Dates         int `json:"dates"`
	WhyBrand      int `json:"why_brand"`
	Dislikes      int `json:"dislikes"`
	ShareOfWallet int `json:"share_of_wallet"`
	Motivator     int `json:"motivator"`
}

// Value is what the report counts of one client (Derive): the spends of
// this year, of the last 12 months and of all time, the visits of the last
// 12 months and the last day seen.
type Value struct {
	ID           string
	ytd, spend12 profile.Money
	total        profile.Money
	n12, nYTD    int
	visits12     int
	last         civil.Date
}

func yearStart(today civil.Date) civil.Date { return civil.Date{Year: today.Year, Month: 1, Day: 1} }

// Window is the days a report of one day counts in (Windows): from the
// year's first day, from 12 months back, to the day itself, packed.
type Window struct{ ys, from12, to int }

// WindowOf is the window of the report of day today.
func WindowOf(today civil.Date) Window {
	f12, t12 := profile.Window12(today)
	return Window{ys: int(yearStart(today).Pack()), from12: int(f12), to: int(t12)}
}

// Derive counts what the report needs of summary s in window w; ok is
// false for an archived client, whom the report leaves out. The Value
// keeps nothing of s but a copy of its id: s may be a summary that the
// book's reader makes again for the next client (store's EachSummary).
func Derive(s *profile.Summary, w Window) (v Value, ok bool) {
	if s.Status == profile.Archived {
		return Value{}, false
	}
	ys, from12, tp := w.ys, w.from12, w.to
	v.ID = strings.Clone(s.ID)
	lastDay := -1
	for _, sp := range s.Spends {
		p := int(sp.Date.Pack())
		if p > tp {
			continue
		}
		v.total += sp.Amount
		if p >= ys {
			v.ytd += sp.Amount
			v.nYTD++
		}
		if p >= from12 {
			v.spend12 += sp.Amount
			v.n12++
		}
		if p > lastDay {
			lastDay, v.last = p, sp.Date
		}
	}
	for _, d := range s.VisitDays {
		if p := int(d.Pack()); p <= tp && p > lastDay {
			lastDay, v.last = p, d
		}
	}
	v.visits12 = distinctDays(s.Spends, s.VisitDays, from12, tp)
	return v, true
}

// distinctDays counts the distinct days in [from, to] among the spends and
// visit days (both oldest first, as the summary keeps them).
func distinctDays(spends []profile.Spend, visits []civil.Date, from, to int) int {
	n, i, j, prev := 0, 0, 0, -1
	for i < len(spends) || j < len(visits) {
		var p int
		if j >= len(visits) || (i < len(spends) && spends[i].Date.Pack() <= visits[j].Pack()) {
			p = int(spends[i].Date.Pack())
			i++
		} else {
			p = int(visits[j].Pack())
			j++
		}
		if p >= from && p <= to && p != prev {
			n++
			prev = p
		}
	}
	return n
}

// Selection are the clients a report names.
type Selection struct {
	Top  []string // the top clients by year-to-date spend, in order
	Away []string // the top clients by total spend away longest, longest first
	// Named are every client the report names: Top, Away, the most
	// frequent visitors and the highest tickets, each once.
	Named []string
}

// Select picks, among the clients' values, those the report names; the
// whole profile is needed of Top and Away only.
func Select(vs []Value, today civil.Date) Selection {
	var sel Selection
	seen := map[string]bool{}
	name := func(v Value) {
		if !seen[v.ID] {
			seen[v.ID] = true
			sel.Named = append(sel.Named, v.ID)
		}
	}
	for _, v := range topBy(vs, TopN, ytdOf) {
		sel.Top = append(sel.Top, v.ID)
		name(v)
	}
	for _, v := range longestAway(vs, today) {
		sel.Away = append(sel.Away, v.ID)
		name(v)
	}
	for _, v := range topBy(vs, ListN, visitsOf) {
		name(v)
	}
	for _, v := range topBy(vs, ListN, averageOf) {
		name(v)
	}
	return sel
}

func ytdOf(v *Value) int64    { return int64(v.ytd) }
func visitsOf(v *Value) int64 { return int64(v.visits12) }

// averageOf is a client's average ticket over the last 12 months.
func averageOf(v *Value) int64 {
	if v.n12 == 0 {
		return 0
	}
	return int64(v.spend12) / int64(v.n12)
}

// topBy returns up to n values with the biggest positive key, biggest
// first (ties in book order).
func topBy(vs []Value, n int, key func(*Value) int64) []Value {
	var out []Value
	for i := range vs {
		k := key(&vs[i])
		if k <= 0 {
			continue
		}
		if len(out) == n && k <= key(&out[n-1]) {
			continue
		}
		pos := sort.Search(len(out), func(j int) bool { return key(&out[j]) < k })
		out = slices.Insert(out, pos, vs[i])
		if len(out) > n {
			out = out[:n]
		}
	}
	return out
}

// longestAway returns, among the top clients by total spend, those away
// longest, longest first.
func longestAway(vs []Value, today civil.Date) []Value {
	top := topBy(vs, TopValueN, func(v *Value) int64 { return int64(v.total) })
	top = slices.DeleteFunc(top, func(v Value) bool { return v.last.IsZero() })
	slices.SortStableFunc(top, func(a, b Value) int { return a.last.Compare(b.last) })
	if len(top) > ListN {
		top = top[:ListN]
	}
	return top
}

// Build answers the ten questions from in.
func Build(in Input) Report {
	vs := in.Clients
	r := Report{Date: in.Today, Currency: in.Currency, Clients: len(vs)}
	for i := range vs {
		r.SalesYTD += vs[i].ytd
		if vs[i].ytd > 0 {
			r.Buyers++
		}
	}
	// sum is the summary of a client the report names (Select).
	sum := func(id string) *profile.Summary {
		if s := in.Summaries[id]; s != nil {
			return s
		}
		return &profile.Summary{ID: id}
	}

	// Q1-Q3, Q7-Q10.
	top := topBy(vs, ShareN, ytdOf)
	fav := newTally()
	for k, v := range top[:min(TopN, len(top))] {
		s := sum(v.ID)
		tc := TopClient{Rank: k + 1, ID: s.ID, Name: s.DisplayName(), YTD: v.ytd, PurchasesYTD: v.nYTD,
			City: s.City, Occupation: s.Occupation, HandedOver: s.Status == profile.HandedOver,
			DoNotContact: s.DoNotContact}
		for _, d := range s.Dates {
			next := d.Next(in.Today)
			di := DateInfo{Kind: d.Kind, Label: d.Label, For: d.For, When: d.WhenText(), Next: next, DaysAway: in.Today.DaysUntil(next)}
			if y, ok := d.AgeOn(in.Today); ok {
				di.Years = y
			}
			tc.Dates = append(tc.Dates, di)
		}
		if p := in.Profiles[s.ID]; p != nil {
			tc.District = p.District
			tc.Hobbies = p.Hobbies
			tc.Preferences = p.Likes()
			tc.WhyBrand = p.WhyBrand
			tc.Dislikes = p.AllDislikes()
			tc.Sizes = p.CurrentSizes()
			tc.ShareOfWallet = p.ShareOfWallet
			tc.Motivator = p.Motivator
			for _, pr := range tc.Preferences {
				fav.add(string(pr.Kind), pr.Value)
			}
			for _, d := range tc.Dislikes {
				fav.add("dislike", d)
			}
			for _, z := range tc.Sizes {
				fav.add("size", strings.Join(strings.Fields(z.Category+" "+z.Value+" "+z.System), " "))
			}
		}
		items := newTally()
		for _, pu := range in.Purchases[s.ID] {
			for _, it := range splitItems(pu.Items) {
				items.add("item", it)
				fav.add("item", it)
			}
		}
		tc.Items = items.top("item", 3)
		r.Top = append(r.Top, tc)
		r.Gaps.count(tc)
	}
	r.Favourites = Favourites{
		Categories: fav.top(string(profile.PrefCategory), FavouriteN),
		Styles:     fav.top(string(profile.PrefStyle), FavouriteN),
		Colours:    fav.top(string(profile.PrefColour), FavouriteN),
		Materials:  fav.top(string(profile.PrefMaterial), FavouriteN),
		Brands:     fav.top(string(profile.PrefBrand), FavouriteN),
		Lines:      fav.top(string(profile.PrefLine), FavouriteN),
		Occasions:  fav.top(string(profile.PrefOccasion), FavouriteN),
		Items:      fav.top("item", FavouriteN),
		Dislikes:   fav.top("dislike", FavouriteN),
		Sizes:      fav.top("size", FavouriteN),
	}

	// Q4.
	for k, v := range top {
		if k < TopN {
			r.Share.Top10 += v.ytd
		}
		r.Share.Top50 += v.ytd
	}
	if r.SalesYTD > 0 {
		r.Share.Top10Pct = pct(r.Share.Top10, r.SalesYTD)
		r.Share.Top50Pct = pct(r.Share.Top50, r.SalesYTD)
	}

	// Q5.
	for _, v := range topBy(vs, ListN, visitsOf) {
		r.MostFrequent = append(r.MostFrequent, Visitor{ID: v.ID, Name: sum(v.ID).DisplayName(), Visits: v.visits12, LastVisit: v.last})
	}
	for _, v := range topBy(vs, ListN, averageOf) {
		r.HighestTicket = append(r.HighestTicket, Ticket{ID: v.ID, Name: sum(v.ID).DisplayName(),
			Average: profile.Money(averageOf(&v)), Purchases: v.n12, Spend: v.spend12})
	}

	// Q6.
	for _, v := range longestAway(vs, in.Today) {
		s := sum(v.ID)
		a := Away{ID: s.ID, Name: s.DisplayName(), Total: v.total, LastVisit: v.last, DaysAway: v.last.DaysUntil(in.Today),
			Rhythm: usualGap(s, in.Today)}
		if n, ok := in.LastNotes[s.ID]; ok {
			a.LastNote = &n
		}
		r.LongestAway = append(r.LongestAway, a)
	}
	return r
}

// usualGap is the client's median gap between visits as of today, as the
// briefing counts it.
func usualGap(s *profile.Summary, today civil.Date) int {
	r, _ := s.RhythmOn(today.DayNumber(), nil)
	return int(r.MedianGap)
}

func pct(part, whole profile.Money) float64 {
	return float64(int64(part)*1000/int64(whole)) / 10 // one decimal, rounded down
}

func (g *Gaps) count(t TopClient) {
	if len(t.Hobbies) == 0 {
		g.Hobbies++
	}
	if len(t.Dates) == 0 {
		g.Dates++
	}
	if t.WhyBrand == "" {
		g.WhyBrand++
	}
	if len(t.Dislikes) == 0 {
		g.Dislikes++
	}
	if t.ShareOfWallet == "" {
		g.ShareOfWallet++
	}
	if t.Motivator == "" {
		g.Motivator++
	}
}

// splitItems reads a purchase's items ("navy suit, white shirt") as
// separate values.
func splitItems(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '、' || r == '，' || r == '；' || r == '+' })
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// tally counts values by kind; values differing only in case count as one
// (the first spelling seen is kept).
type tally struct {
	counts map[string]map[string]int
	first  map[string]string
	order  map[string][]string
}

func newTally() *tally {
	return &tally{counts: map[string]map[string]int{}, first: map[string]string{}, order: map[string][]string{}}
}

func (t *tally) add(kind, v string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	key := strings.ToLower(v)
	m := t.counts[kind]
	if m == nil {
		m = map[string]int{}
		t.counts[kind] = m
	}
	if m[key] == 0 {
		t.order[kind] = append(t.order[kind], key)
		if _, ok := t.first[kind+"\x00"+key]; !ok {
			t.first[kind+"\x00"+key] = v
		}
	}
	m[key]++
}

// top returns the n most common values of kind, most common first, ties
// in the order first seen.
func (t *tally) top(kind string, n int) []Count {
	keys := slices.Clone(t.order[kind])
	m := t.counts[kind]
	slices.SortStableFunc(keys, func(a, b string) int { return m[b] - m[a] })
	var out []Count
	for _, k := range keys[:min(n, len(keys))] {
		out = append(out, Count{Value: t.first[kind+"\x00"+k], N: m[k]})
	}
	return out
}
