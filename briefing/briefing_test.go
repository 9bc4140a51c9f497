package briefing

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/lunar"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/visits"
)

var zone = time.FixedZone("CST", 8*3600)

// at is 10:00 on day d in the shop's zone.
func at(d civil.Date) time.Time { return d.In(zone).Add(10 * time.Hour) }

// client is a client of a test book with what to log on them.
type client struct {
	p         profile.Profile
	buys      []int        // purchases this many days before today
	notes     []notes.Note // At set as days before today via ago
	ago       []int
	requests  []requests.Request
	visitAt   string // "HH:MM" today
	requestAt []int  // days before today each request was opened
}

// book writes a book as of today with the clients and returns its briefing
// built with cfg.
func book(t *testing.T, today civil.Date, cfg config.Config, opt Options, cs ...client) Briefing {
	t.Helper()
	now := func() time.Time { return at(today) }
	path := filepath.Join(t.TempDir(), "book.db")
	b, err := store.Init(path, store.Meta{Associate: "Li Na", Currency: "CNY", CountryCode: "86"}, store.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.Update(func(tx *store.Tx) error {
		for _, c := range cs {
			p := c.p
			if p.Created.IsZero() {
				p.Created = at(today.AddDays(-400))
			}
			if err := tx.AddClient(&p); err != nil {
				return err
			}
			for _, d := range c.buys {
				if err := tx.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: today.AddDays(-d), Amount: 100000}); err != nil {
					return err
				}
			}
			for k, n := range c.notes {
				n.ClientID, n.At = p.ID, at(today.AddDays(-c.ago[k]))
				if err := tx.AddNote(&n); err != nil {
					return err
				}
			}
			for k, r := range c.requests {
				r.ClientID, r.Opened = p.ID, today.AddDays(-c.requestAt[k])
				if err := tx.AddRequest(&r); err != nil {
					return err
				}
			}
			if c.visitAt != "" {
				start, _ := time.ParseInLocation("2006-01-02 15:04", today.String()+" "+c.visitAt, zone)
				if err := tx.AddAppointment(&visits.Appointment{ClientID: p.ID, Start: start, Duration: time.Hour, Purpose: "fitting"}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	in, err := Load(b, today, zone, cfg, opt)
	if err != nil {
		t.Fatal(err)
	}
	return Build(in)
}

func day(s string) civil.Date { return civil.MustParse(s) }

func names[T any](items []T, name func(*T) string) string {
	var out []string
	for i := range items {
		out = append(out, name(&items[i]))
	}
	return strings.Join(out, ",")
}

func hasTerm(u Urgency, term TermName) bool {
	for _, t := range u.Terms {
		if t.Term == term {
			return true
		}
	}
	return false
}

func TestSpecialRequests(t *testing.T) {
	today := day("2026-11-24")
	tests := []struct {
		name      string
		status    requests.Status
		opened    int
		dnc, gone bool
		want      string // client names on the briefing
		age       int
		weeks     bool // the overdue term for waiting over a week
	}{
		{name: "open a week", status: requests.Open, opened: 7, want: "王小明", age: 7, weeks: true},
		{name: "sourcing today", status: requests.Sourcing, opened: 0, want: "王小明", age: 0},
		{name: "fulfilled", status: requests.Fulfilled, opened: 3, want: ""},
		{name: "do not contact still served", status: requests.Open, opened: 2, dnc: true, want: "王小明", age: 2},
		{name: "archived client", status: requests.Open, opened: 2, gone: true, want: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := profile.Profile{Name: "王小明", Consent: profile.Consent{DoNotContact: tc.dnc}}
			if tc.gone {
				p.HandedOver = &profile.Handover{To: "Zhou Min", Released: true}
			}
			br := book(t, today, config.Default(), Options{}, client{p: p,
				requests: []requests.Request{{What: "limited silk scarf", Status: tc.status}}, requestAt: []int{tc.opened}})
			if got := names(br.Requests, func(r *RequestItem) string { return r.ClientName }); got != tc.want {
				t.Fatalf("requests for %q, want %q", got, tc.want)
			}
			if tc.want == "" {
				return
			}
			r := br.Requests[0]
			if r.AgeDays != tc.age || !hasTerm(r.Urgency, TermDue) || hasTerm(r.Urgency, TermOverdue) != tc.weeks {
				t.Errorf("age %d, urgency %+v; want age %d, overdue term %v", r.AgeDays, r.Urgency, tc.age, tc.weeks)
			}
		})
	}
}

func TestSituationNotes(t *testing.T) {
	today := day("2026-11-24")
	tests := []struct {
		name string
		kind notes.Kind
		ago  int
		dnc  bool
		want string
	}{
		{"a cold today", notes.Situation, 0, false, "has a cold"},
		{"new baby six days ago", notes.Situation, 6, false, "has a cold"},
		{"a week ago is past", notes.Situation, 7, false, ""},
		{"not a situation", notes.General, 1, false, ""},
		{"do not contact", notes.Situation, 1, true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			br := book(t, today, config.Default(), Options{}, client{
				p:     profile.Profile{Name: "Anne Dubois", Consent: profile.Consent{DoNotContact: tc.dnc}},
				notes: []notes.Note{{Kind: tc.kind, Text: "has a cold"}}, ago: []int{tc.ago}})
			got := names(br.Situations, func(s *SituationItem) string { return s.Note.Text })
			if got != tc.want {
				t.Fatalf("situations %q, want %q", got, tc.want)
			}
			if got != "" && (br.Situations[0].DaysAgo != tc.ago || !hasTerm(br.Situations[0].Urgency, TermDateProximity)) {
				t.Errorf("situation %+v", br.Situations[0])
			}
		})
	}
}

func TestFestivals(t *testing.T) {
	tests := []struct {
		name    string
		today   string
		p       profile.Profile
		want    string // festival keys with their clients' count
		notWant string
	}{
		{name: "Mid-Autumn for a Chinese client", today: "2026-09-20", p: profile.Profile{Name: "王小明"},
			want: "mid_autumn:1"},
		{name: "Mid-Autumn not for a French client", today: "2026-09-20", p: profile.Profile{Name: "Anne Dubois", Country: "FR"},
			notWant: "mid_autumn"},
		{name: "Japanese name in kanji is not Chinese", today: "2026-09-20", p: profile.Profile{Name: "田中", Country: "JP"},
			notWant: "mid_autumn"},
		{name: "Bastille Day for a French client", today: "2026-07-01", p: profile.Profile{Name: "Anne Dubois", Country: "fr"},
			want: "national_day:FR:1"},
		{name: "Christmas for everyone", today: "2026-11-24", p: profile.Profile{Name: "Anne Dubois"},
			want: "christmas:1"},
		{name: "Singles' Day is no greeting", today: "2026-11-01", p: profile.Profile{Name: "王小明"},
			notWant: "singles_day"},
		{name: "Qixi for a Chinese couple", today: "2026-08-10", p: profile.Profile{Name: "王小明",
			Dates: []profile.ImportantDate{{Kind: profile.DateAnniversary, When: civil.MonthDay{Month: 5, Day: 1}}}},
			want: "qixi:1"},
		{name: "Qixi not for a single client", today: "2026-08-10", p: profile.Profile{Name: "王小明"}, notWant: "qixi"},
		{name: "no festival for a do-not-contact client", today: "2026-11-24",
			p: profile.Profile{Name: "Anne Dubois", Consent: profile.Consent{DoNotContact: true}}, notWant: "christmas"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			br := book(t, day(tc.today), config.Default(), Options{}, client{p: tc.p})
			got := names(br.Festivals, func(f *FestivalItem) string { return f.Festival.Key + ":" + itoa(f.Count) })
			if tc.want != "" && !strings.Contains(got, tc.want) {
				t.Errorf("festivals %q, want %q", got, tc.want)
			}
			if tc.notWant != "" && strings.Contains(got, tc.notWant) {
				t.Errorf("festivals %q, want none of %q", got, tc.notWant)
			}
			for _, f := range br.Festivals {
				if f.DaysAway < 0 || f.DaysAway > DefaultFestivalLeadDays || len(f.Urgency.Terms) == 0 {
					t.Errorf("festival %+v out of its window or without reasons", f)
				}
			}
		})
	}
}

func TestSpecialPeopleOnTodaysVisits(t *testing.T) {
	today := day("2026-11-24")
	br := book(t, today, config.Default(), Options{},
		client{p: profile.Profile{Name: "曾小凡", Special: profile.Special{Disability: true, Note: "use the lift entrance"}}, visitAt: "10:30"},
		client{p: profile.Profile{Name: "Anne Dubois"}, visitAt: "11:15"},
		client{p: profile.Profile{Name: "王小明", Special: profile.Special{Elderly: true}}}, // not coming today
	)
	if got := names(br.People, func(p *PersonItem) string { return p.ClientName + ":" + strings.Join(p.Flags, "+") }); got != "曾小凡:disability" {
		t.Fatalf("special people %q, want only today's visitor with her flag", got)
	}
	if br.People[0].Note != "use the lift entrance" || br.People[0].At.Format("15:04") != "10:30" {
		t.Errorf("person %+v", br.People[0])
	}
	if v := br.Visits[0]; v.Name != "曾小凡" || !hasTerm(v.Urgency, TermSpecialPerson) || hasTerm(br.Visits[1].Urgency, TermSpecialPerson) {
		t.Errorf("visits %+v", br.Visits)
	}
}

func TestLapsed(t *testing.T) {
	today := day("2026-11-24")
	top := func(name string) profile.Profile { return profile.Profile{Name: name, Tier: "A"} }
	tests := []struct {
		name   string
		c      client
		want   bool
		by     string
		rhythm int
	}{
		{name: "every 10 days, away 30: lapsed by rhythm", c: client{p: top("王小明"), buys: []int{30, 40, 50, 60}},
			want: true, by: ByRhythm, rhythm: 10},
		{name: "every 10 days, away 15: not yet", c: client{p: top("王小明"), buys: []int{15, 25, 35, 45}}},
		// The store's rhythm counts the purchase after the briefing's day
		// (a briefing for a past day): it is worked out again from the days.
		{name: "a purchase after the day does not count", c: client{p: top("王小明"), buys: []int{30, 40, 50, 60, -5}},
			want: true, by: ByRhythm, rhythm: 10},
		{name: "two visits, away 70: tier A after 60", c: client{p: top("王小明"), buys: []int{70, 200}}, want: true, by: ByTier},
		{name: "a call does not reset the visit clock", c: client{p: top("王小明"), buys: []int{30, 40, 50, 60},
			notes: []notes.Note{{Kind: notes.Call, Text: "called to say hello"}}, ago: []int{2}}, want: true, by: ByRhythm, rhythm: 10},
		{name: "a visit does", c: client{p: top("王小明"), buys: []int{30, 40, 50, 60},
			notes: []notes.Note{{Kind: notes.Visit, Text: "came to look"}}, ago: []int{2}}},
		{name: "lowest tier is not a top client", c: client{p: profile.Profile{Name: "王小明", Tier: "D"}, buys: []int{70, 200}}},
		{name: "do not contact", c: client{p: profile.Profile{Name: "王小明", Tier: "A", Consent: profile.Consent{DoNotContact: true}}, buys: []int{70, 200}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			br := book(t, today, config.Default(), Options{}, tc.c)
			if got := len(br.Lapsed) == 1; got != tc.want {
				t.Fatalf("lapsed %+v, want lapsed %v", br.Lapsed, tc.want)
			}
			if !tc.want {
				return
			}
			l := br.Lapsed[0]
			if l.By != tc.by || l.RhythmDays != tc.rhythm || l.DaysAway != tc.c.buys[0] {
				t.Errorf("lapsed %+v; want by %s, rhythm %d, away %d", l, tc.by, tc.rhythm, tc.c.buys[0])
			}
			if len(tc.c.notes) > 0 && l.SinceContact != tc.c.ago[0] {
				t.Errorf("since contact %d, want %d: a call resets the keep-in-touch clock", l.SinceContact, tc.c.ago[0])
			}
		})
	}
}

func TestUrgencyWeights(t *testing.T) {
	today := day("2026-11-24")
	c := client{p: profile.Profile{Name: "王小明", Tier: "A",
		Dates: []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 11, Day: 24}, LeadDays: 14}}},
		buys: []int{20}}
	br := book(t, today, config.Default(), Options{}, c)
	if len(br.Dates) != 1 {
		t.Fatalf("dates %+v", br.Dates)
	}
	u := br.Dates[0].Urgency
	w := config.Default().Urgency
	want := w.DateProximity + w.Due + 3*w.Tier + 20*w.SinceTouch
	if u.Score != want || len(u.Terms) != 4 {
		t.Errorf("birthday today of an A client touched 20 days ago scores %v %+v, want %v", u.Score, u.Terms, want)
	}
	cfg := config.Default()
	cfg.Urgency.Tier, cfg.Urgency.SinceTouch = 0, 0 // a zero weight switches a term off
	br = book(t, today, cfg, Options{}, c)
	if u := br.Dates[0].Urgency; hasTerm(u, TermTier) || hasTerm(u, TermSinceTouch) || u.Score != w.DateProximity+w.Due {
		t.Errorf("with tier and since-touch off: %+v", u)
	}
}

// Every section is sorted by urgency, the scores used to rank agree with
// those shown, and Urgent holds the highest of them.
func TestSortedByUrgency(t *testing.T) {
	today := day("2026-11-24")
	var cs []client
	for i := 0; i < 30; i++ {
		cs = append(cs, client{p: profile.Profile{Name: "客户" + itoa(i), Tier: []string{"A", "B", "C", "D"}[i%4],
			Dates: []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 11, Day: 24 + i%7}}}},
			buys:  []int{10 + i, 30 + 2*i, 50 + 3*i, 400},
			notes: []notes.Note{{Kind: notes.Situation, Text: "new baby"}}, ago: []int{i % 7},
			requests: []requests.Request{{What: "a bag"}}, requestAt: []int{i}})
	}
	for _, limit := range []int{3, -1} {
		br := book(t, today, config.Default(), Options{Limit: limit}, cs...)
		check := func(name string, scores []float64, total int) {
			if limit > 0 && len(scores) > limit || limit < 0 && len(scores) != total {
				t.Errorf("limit %d: %s has %d of %d", limit, name, len(scores), total)
			}
			for i := 1; i < len(scores); i++ {
				if scores[i] > scores[i-1] {
					t.Errorf("limit %d: %s not sorted: %v", limit, name, scores)
				}
			}
		}
		score := func(us ...Urgency) []float64 {
			var out []float64
			for _, u := range us {
				var sum float64
				for _, term := range u.Terms {
					sum += term.Points
				}
				if d := sum - u.Score; d > 0.05 || d < -0.05 {
					t.Errorf("score %v is not the sum of its terms %+v", u.Score, u.Terms)
				}
				out = append(out, u.Score)
			}
			return out
		}
		var us []Urgency
		for _, d := range br.Dates {
			us = append(us, d.Urgency)
		}
		check("dates", score(us...), br.Totals.Dates)
		us = nil
		for _, r := range br.Requests {
			us = append(us, r.Urgency)
		}
		check("requests", score(us...), br.Totals.Requests)
		us = nil
		for _, s := range br.Situations {
			us = append(us, s.Urgency)
		}
		check("situations", score(us...), br.Totals.Situations)
		us = nil
		for _, l := range br.Lapsed {
			us = append(us, l.Urgency)
		}
		check("lapsed", score(us...), br.Totals.Lapsed)
		if len(br.Urgent) == 0 || br.Urgent[0].Score < br.Dates[0].Urgency.Score || br.Urgent[0].Score < br.Requests[0].Urgency.Score {
			t.Errorf("limit %d: urgent %+v does not start with the highest score", limit, br.Urgent)
		}
	}
}

// A lunar birthday is on the briefing on the Gregorian day whose lunar date
// is the birthday (the last day of the month for a 30th in a 29-day month),
// within its lead time, over the years the calendar covers.
func TestPropertyLunarBirthdayOnBriefing(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		today := civil.MustParse("1950-01-01").AddDays(rapid.IntRange(0, 54700).Draw(t, "today"))
		m := rapid.IntRange(1, 12).Draw(t, "month")
		d := rapid.IntRange(1, 30).Draw(t, "day")
		lead := rapid.IntRange(0, 30).Draw(t, "lead")
		date := profile.ImportantDate{Kind: profile.DateBirthday, When: civil.MonthDay{Month: time.Month(m), Day: d}, Lunar: true, LeadDays: lead}
		if lead == 0 {
			date.LeadDays = 0 // the default lead
		}
		sums := []profile.Summary{{ID: "c1", Name: "王小明", Dates: []profile.ImportantDate{date}}}
		items := UpcomingDates(sums, today)
		on := date.Next(today)
		away := today.DaysUntil(on)
		if (away <= date.Lead()) != (len(items) == 1) {
			t.Fatalf("today %s, birthday on %s (%d days away, lead %d): %d items", today, on, away, date.Lead(), len(items))
		}
		if len(items) == 0 {
			return
		}
		l, err := lunar.FromGregorian(items[0].On)
		if err != nil {
			t.Fatal(err)
		}
		n, _ := lunar.MonthLength(l.Year, l.Month, l.Leap)
		if l.Month != m || l.Leap || l.Day != min(d, n) || items[0].DaysAway != away {
			t.Fatalf("lunar %02d-%02d on %s is lunar %+v (month of %d days), %d days away", m, d, items[0].On, l, n, items[0].DaysAway)
		}
	})
}
