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
	Today     civil.Date
	Currency  string
	Summaries []profile.Summary
	// Profiles, Purchases and LastNotes hold the clients the report shows
	// in full (Select); others are not read.
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
	When     string           `json:"when"` // 03-14, 农历八月十五
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

// value is what the report derives from one summary.
type value struct {
	i            int
	ytd, spend12 profile.Money
	total        profile.Money
	n12, nYTD    int
	visits12     int
	last         civil.Date
}

func yearStart(today civil.Date) civil.Date { return civil.Date{Year: today.Year, Month: 1, Day: 1} }

// derive computes the values of every client not archived.
func derive(sums []profile.Summary, today civil.Date) []value {
	ys := int(yearStart(today).Pack())
	f12, t12 := profile.Window12(today)
	from12, tp := int(f12), int(t12)
	out := make([]value, 0, len(sums))
	for i := range sums {
		s := &sums[i]
		if s.Status == profile.Archived {
			continue
		}
		v := value{i: i}
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
		out = append(out, v)
	}
	return out
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

// Selection are the clients a report shows in full.
type Selection struct {
	Top  []string // the top clients by year-to-date spend, in order
	Away []string // the top clients by total spend away longest, longest first
}

// Select picks the clients whose whole profile the report needs.
func Select(sums []profile.Summary, today civil.Date) Selection {
	vs := derive(sums, today)
	return selectFrom(sums, vs, today)
}

func selectFrom(sums []profile.Summary, vs []value, today civil.Date) Selection {
	var sel Selection
	for _, v := range topBy(vs, TopN, func(v *value) int64 { return int64(v.ytd) }) {
		sel.Top = append(sel.Top, sums[v.i].ID)
	}
	for _, v := range longestAway(vs, today) {
		sel.Away = append(sel.Away, sums[v.i].ID)
	}
	return sel
}

// topBy returns up to n values with the biggest positive key, biggest
// first (ties in book order).
func topBy(vs []value, n int, key func(*value) int64) []value {
	var out []value
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
func longestAway(vs []value, today civil.Date) []value {
	top := topBy(vs, TopValueN, func(v *value) int64 { return int64(v.total) })
	top = slices.DeleteFunc(top, func(v value) bool { return v.last.IsZero() })
	slices.SortStableFunc(top, func(a, b value) int { return a.last.Compare(b.last) })
	if len(top) > ListN {
		top = top[:ListN]
	}
	return top
}

// Build answers the ten questions from in.
func Build(in Input) Report {
	vs := derive(in.Summaries, in.Today)
	r := Report{Date: in.Today, Currency: in.Currency, Clients: len(vs)}
	for i := range vs {
		r.SalesYTD += vs[i].ytd
		if vs[i].ytd > 0 {
			r.Buyers++
		}
	}
	sums := in.Summaries

	// Q1-Q3, Q7-Q10.
	ytd := func(v *value) int64 { return int64(v.ytd) }
	top := topBy(vs, ShareN, ytd)
	fav := newTally()
	for k, v := range top[:min(TopN, len(top))] {
		s := &sums[v.i]
		tc := TopClient{Rank: k + 1, ID: s.ID, Name: s.DisplayName(), YTD: v.ytd, PurchasesYTD: v.nYTD,
			City: s.City, Occupation: s.Occupation, HandedOver: s.Status == profile.HandedOver,
			DoNotContact: s.DoNotContact}
		for _, d := range s.Dates {
			next := d.Next(in.Today)
			di := DateInfo{Kind: d.Kind, Label: d.Label, When: d.WhenText(), Next: next, DaysAway: in.Today.DaysUntil(next)}
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
	for _, v := range topBy(vs, ListN, func(v *value) int64 { return int64(v.visits12) }) {
		r.MostFrequent = append(r.MostFrequent, Visitor{ID: sums[v.i].ID, Name: sums[v.i].DisplayName(), Visits: v.visits12, LastVisit: v.last})
	}
	avg := func(v *value) int64 {
		if v.n12 == 0 {
			return 0
		}
		return int64(v.spend12) / int64(v.n12)
	}
	for _, v := range topBy(vs, ListN, avg) {
		r.HighestTicket = append(r.HighestTicket, Ticket{ID: sums[v.i].ID, Name: sums[v.i].DisplayName(),
			Average: profile.Money(avg(&v)), Purchases: v.n12, Spend: v.spend12})
	}

	// Q6.
	for _, v := range longestAway(vs, in.Today) {
		s := &sums[v.i]
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
