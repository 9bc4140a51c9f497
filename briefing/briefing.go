// Package briefing builds the associate's morning briefing: today's
// expected visits with a prep card each, follow-ups overdue and due, the
// dates coming up within their lead time, the "three specials" (open
// special requests, special situations such as a festival or a new baby,
// special people expected today), the top clients who have lapsed, and on
// top of it all the most urgent items of every section.
//
// Every item carries an Urgency: a score made of weighted terms (overdue,
// due, tier, date proximity, days since the last contact, special person)
// with the reason for each, the weights coming from the config's [urgency]
// section. Each section is sorted by it, most urgent first (today's visits
// stay in the order of the day), and Urgent lists the most urgent items of
// all sections.
//
// The briefing is a function of the book, the day and the configuration,
// made in two steps: Load reads what it needs (what ranking reads of
// every client, kept by the store on write; the due-task index, today's
// appointments and the profiles of today's visitors, the open requests
// and the situation notes of the last days; never every profile or
// summary) into an Input, and Build, pure,
// makes the briefing of an Input (tests build one by hand). After a write
// to a few clients, Refresh reads again only what changed.
package briefing

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/tiers"
	"github.com/vipbook/vipbook/visits"
)

// PrepNotes is how many recent notes a prep card shows.
const PrepNotes = 3

// Defaults of Options.
const (
	DefaultFestivalLeadDays = 31 // festivals shown a month ahead: time to order cards and gifts
	DefaultSituationDays    = 7  // situation notes of the last week
	DefaultFestivalClients  = 5  // clients named per festival
	DefaultLimit            = 20 // items per book-wide section
	DefaultUrgentN          = 10 // items in Urgent
)

// MaxOverdueDays is how many days late count in the overdue term. A
// follow-up grows more urgent for the first days it is late; after that
// it is stale (a thank-you weeks late is no thank-you), and what ranks it
// among the others is the client's tier and the time since the last
// contact, so that stale follow-ups do not bury today's birthdays.
const MaxOverdueDays = 3

// Options tune the sections that look across the whole book. Zero fields
// take the defaults.
type Options struct {
	FestivalLeadDays int // festivals from today to this many days ahead
	SituationDays    int // situation notes logged in the last this many days (today included)
	FestivalClients  int // clients named per festival, most valued first
	// Limit is the most items kept in the book-wide sections (Requests,
	// Festivals, Situations, Lapsed), the most urgent; Totals counts them
	// all. A negative Limit keeps every item.
	Limit   int
	UrgentN int // items in Urgent
	// Whole is a book-wide section kept whole, every item, while the
	// others keep Limit: the app's list of one section seen whole reads
	// only that one without limit. "" for none.
	Whole Section
}

// limit is the most items kept in section sec (negative: every item).
func (o Options) limit(sec Section) int {
	if sec != "" && sec == o.Whole {
		return -1
	}
	return o.Limit
}

// of returns o with the limit of section sec.
func (o Options) of(sec Section) Options {
	o.Limit = o.limit(sec)
	return o
}

func (o Options) withDefaults() Options {
	if o.FestivalLeadDays <= 0 {
		o.FestivalLeadDays = DefaultFestivalLeadDays
	}
	if o.SituationDays <= 0 {
		o.SituationDays = DefaultSituationDays
	}
	if o.FestivalClients <= 0 {
		o.FestivalClients = DefaultFestivalClients
	}
	if o.Limit == 0 {
		o.Limit = DefaultLimit
	}
	if o.UrgentN <= 0 {
		o.UrgentN = DefaultUrgentN
	}
	return o
}

// PrepCard is what the associate reads before a client walks in.
type PrepCard struct {
	Appointment visits.Appointment `json:"appointment"`
	Client      profile.Summary    `json:"-"`
	Name        string             `json:"name"`
	Honorific   string             `json:"honorific,omitempty"`
	Phone       string             `json:"phone,omitempty"`
	Tier        string             `json:"tier,omitempty"`
	// Card is the client's card under a card scheme: how it is held, to
	// when, and what keeps it (absent with the pyramid).
	Card         *tiers.Assignment    `json:"card,omitempty"`
	Sizes        []profile.Size       `json:"sizes,omitempty"`
	Preferences  []profile.Preference `json:"preferences,omitempty"` // likes only, the newest first
	Dislikes     []string             `json:"dislikes,omitempty"`    // with a category, then plain
	LastPurchase *profile.Purchase    `json:"last_purchase,omitempty"`
	OpenRequests []requests.Request   `json:"open_requests,omitempty"`
	RecentNotes  []notes.Note         `json:"recent_notes,omitempty"`
	// Special are the special-person flags (child, elderly, pregnant,
	// disability, health) and SpecialNote what they mean for the service:
	// sensitive, shown here because they help today's service (a seat, a
	// quiet room, the lift entrance).
	Special     []string      `json:"special,omitempty"`
	SpecialNote string        `json:"special_note,omitempty"`
	Dates       []DateItem    `json:"dates,omitempty"` // the client's dates within their lead time
	Stats       profile.Stats `json:"stats"`
	Urgency     Urgency       `json:"urgency"`
}

// TaskItem is a follow-up on the briefing.
type TaskItem struct {
	Task       tasks.Task `json:"task"`
	ClientName string     `json:"client_name,omitempty"`
	Tier       string     `json:"tier,omitempty"`
	Overdue    int        `json:"overdue_days,omitempty"`
	Urgency    Urgency    `json:"urgency"`
}

// DateItem is an important date (a birthday, an anniversary, a child's
// birthday ...) coming within its lead time: a special situation. A lunar
// date is given on its Gregorian day of this year (On).
type DateItem struct {
	ClientID   string                `json:"client_id"`
	ClientName string                `json:"client_name"`
	Tier       string                `json:"tier,omitempty"`
	Date       profile.ImportantDate `json:"date"`
	On         civil.Date            `json:"on"`
	DaysAway   int                   `json:"days_away"`
	Age        int                   `json:"age,omitempty"` // years since the year of origin, when known
	// GiftPrepared says a gift or card for this occurrence was logged
	// (profile.ImportantDate.GiftPrepared).
	GiftPrepared bool    `json:"gift_prepared"`
	Urgency      Urgency `json:"urgency"`
}

// Briefing is the morning briefing of one day.
type Briefing struct {
	Date      civil.Date `json:"date"`
	Associate string     `json:"associate"`
	// Urgent are the most urgent items of every section but Visits (the
	// day's fixed agenda), most urgent first.
	Urgent  []Ref      `json:"urgent"`
	Visits  []PrepCard `json:"visits"` // in the order of the day
	Overdue []TaskItem `json:"overdue"`
	Due     []TaskItem `json:"due"`
	Dates   []DateItem `json:"dates"`
	// The three specials: open special requests, special situations
	// (festivals and situation notes; the dates are in Dates), special
	// people expected today.
	Requests   []RequestItem   `json:"requests"`
	Festivals  []FestivalItem  `json:"festivals"`
	Situations []SituationItem `json:"situations"`
	People     []PersonItem    `json:"people"`
	// Lapsed are the top clients away longer than usual.
	Lapsed []LapsedItem `json:"lapsed"`
	// Cards are the cards of a dated scheme lapsing within CardWarnDays
	// unless the client spends what keeps them.
	Cards []CardItem `json:"cards,omitempty"`
	// Ahead is a short look at the next days: tomorrow's visits and the
	// follow-ups due in the next AheadDays days.
	Ahead Ahead `json:"ahead"`
	// Totals counts the items of the sections kept to Options.Limit.
	Totals Totals `json:"totals"`
}

// Totals counts the items of the sections kept to Options.Limit, shown
// or not. SituationsMore is true when the book was not read to the end for
// situations (Situations then counts those found, the most urgent).
type Totals struct {
	Overdue        int  `json:"overdue"`
	Due            int  `json:"due"`
	Dates          int  `json:"dates"`
	Requests       int  `json:"requests"`
	Festivals      int  `json:"festivals"`
	Situations     int  `json:"situations"`
	SituationsMore bool `json:"situations_more,omitempty"`
	Lapsed         int  `json:"lapsed"`
	Cards          int  `json:"cards,omitempty"`
	Ahead          int  `json:"-"` // the follow-ups ahead Load counted (Ahead.TaskTotal)
}

// AheadDays is how far the briefing's look ahead reaches: the follow-ups
// due from tomorrow to this many days from today.
const AheadDays = 7

// AheadLimit is how many of the follow-ups ahead the briefing lists at
// most (the section is a short look; the follow-ups screen has them all).
const AheadLimit = 10

// Ahead is the briefing's short look at the next days.
type Ahead struct {
	// Visits are tomorrow's appointments, in the order of the day.
	Visits []AheadVisit `json:"visits"`
	// Tasks are the open follow-ups due from tomorrow to AheadDays days
	// from today, soonest first, at most AheadLimit (or Options.Limit if
	// less) of them.
	Tasks []TaskItem `json:"tasks"`
	// TaskTotal counts them all.
	TaskTotal int `json:"tasks_total"`
}

// AheadVisit is one of tomorrow's appointments.
type AheadVisit struct {
	Appointment visits.Appointment `json:"appointment"`
	ClientName  string             `json:"client_name"`
	Tier        string             `json:"tier,omitempty"`
}

// Input is everything Build needs, read by Load (or Refresh), or made
// by hand.
type Input struct {
	Today     civil.Date
	Associate string
	Currency  string // the book's, for the tier reasons
	// Summaries are every client's, in id order, for an Input made by
	// hand. Load keeps instead what Build reads of each client (client,
	// made from the brief summaries, store.Tx.EachBriefSummary), and the
	// summaries too only under a card scheme (whose cards need every
	// purchase).
	Summaries []profile.Summary
	// Tiers are the clients' tiers, indexed like the clients (Summaries);
	// Build assigns them when nil.
	Tiers []tiers.Assignment
	// Tasks are the open tasks due on or before Today: all of them, or
	// the most urgent when Load read only those (Counted says how many
	// there are).
	Tasks    []tasks.Task
	Cards    []PrepCard // today's visits, prepared
	Requests []requests.Request
	// Situations are the situation notes logged in the last
	// Options.SituationDays days: all of them, or the most urgent.
	Situations []notes.Note
	// Tomorrow are tomorrow's appointments, not cancelled.
	Tomorrow []visits.Appointment
	// Ahead are the open tasks due from tomorrow to AheadDays days from
	// Today: all of them, or the soonest when Load read only those
	// (Counted.Ahead says how many there are).
	Ahead []tasks.Task
	// Counted are the sizes of the sections Load read only in part; a
	// zero count means Build counts what it is given.
	Counted Totals
	Config  config.Config
	Options Options

	scorer  *scorer     // made by Load for its ranking, kept for Build
	clients []clientRow // every client's, in id order; made from Summaries when nil
	// valuation is the pyramid's tiers of the clients, compact, made by
	// Load in place of Tiers (AllTiers makes those of it).
	valuation *tiers.Valuation
}

// clientsOf returns the clients of in: those Load read, or those of its
// Summaries.
func (in *Input) clientsOf() []clientRow {
	if in.clients == nil && len(in.Summaries) > 0 {
		in.clients = clientsOfSummaries(in.Summaries, in.Today)
	}
	return in.clients
}

// SharesClients reports whether in holds the very clients prev read (a
// Refresh after a write that changed none of them), not copies.
func (in *Input) SharesClients(prev *Input) bool {
	a, b := in.clientsOf(), prev.clientsOf()
	return len(a) > 0 && len(b) > 0 && &a[0] == &b[0]
}

// rank gives in's clients their tiers: under the pyramid the compact
// valuation of their 12-month spends (Tiers left nil: AllTiers makes
// them), under a card scheme every assignment from every purchase
// (Summaries).
func (in *Input) rank() {
	in.Tiers, in.valuation = nil, nil
	if in.Summaries == nil {
		cs := in.clientsOf()
		if v, ok := tiers.ValueOf(len(cs), func(i int) tiers.Valued { return valuedOf(&cs[i]) }, in.tierConfig()); ok {
			in.valuation = v
			return
		}
	}
	in.Tiers = tiers.Assign(in.Summaries, in.Today, in.tierConfig())
}

// ranked reports whether in's clients have their tiers, Tiers or the
// valuation, one for each.
func (in *Input) ranked() bool {
	n := len(in.clientsOf())
	if in.Tiers == nil && in.valuation != nil {
		return in.valuation.Len() == n
	}
	return in.Tiers != nil && len(in.Tiers) == n
}

// AllTiers returns every client's tier, in id order (the client list's):
// Tiers, or those of the compact valuation Load keeps in their place
// (made on each call: call it once, off the screen's loop).
func (in *Input) AllTiers() []tiers.Assignment {
	if in.Tiers == nil && in.valuation != nil {
		return in.valuation.All(valued(in.clientsOf()))
	}
	return in.Tiers
}

func (in *Input) tierConfig() config.Tiers {
	t := in.Config.Tiers
	if t.Currency == "" {
		t.Currency = in.Currency
	}
	return t
}

// Build assembles the briefing from its input.
func Build(in Input) Briefing {
	opt := in.Options.withDefaults()
	if !in.ranked() {
		in.rank()
	}
	sc := in.scorer
	if sc == nil || len(sc.sums) != len(in.clientsOf()) || len(sc.tiers) != len(in.Tiers) || sc.val != in.valuation {
		sc = newScorer(&in)
	}
	b := Briefing{Date: in.Today, Associate: in.Associate}
	// The sections are independent: the two that read every client run
	// beside the others.
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		b.Lapsed, b.Totals.Lapsed = lapsedItems(sc, in.Config.Rhythm, opt.limit(SecLapsed))
	}()
	go func() {
		defer wg.Done()
		b.Festivals, b.Totals.Festivals = festivalItems(sc, opt.of(SecFestivals))
	}()
	b.Visits = visitCards(sc, in.Cards)
	b.Overdue, b.Due, b.Totals.Overdue, b.Totals.Due = taskItems(sc, in.Tasks, opt.limit(SecOverdue), opt.limit(SecDue))
	b.Dates, b.Totals.Dates = upcomingDates(sc, opt.limit(SecDates))
	b.Requests, b.Totals.Requests = requestItems(sc, in.Requests, opt.limit(SecRequests))
	b.Situations, b.Totals.Situations = situationItems(sc, in.Situations, opt.of(SecSituations))
	b.Totals.SituationsMore = in.Counted.SituationsMore
	b.People = peopleItems(b.Visits)
	b.Cards, b.Totals.Cards = cardItems(sc, opt.limit(SecCards))
	b.Ahead = aheadItems(sc, in.Tomorrow, in.Ahead, min(opt.Limit, AheadLimit))
	b.Ahead.TaskTotal = max(b.Ahead.TaskTotal, in.Counted.Ahead)
	wg.Wait()
	for _, c := range []struct {
		have    *int
		counted int
	}{{&b.Totals.Overdue, in.Counted.Overdue},
		{&b.Totals.Due, in.Counted.Due}, {&b.Totals.Situations, in.Counted.Situations}} {
		*c.have = max(*c.have, c.counted)
	}
	b.Urgent = urgent(&b, opt.UrgentN)
	return b
}

// active reports whether the briefing should prompt the associate to reach
// out to the client: active in this book (not handed over nor archived)
// and not asking to be left alone.
func active(s *clientRow) bool {
	return s.Status == profile.Active && !s.DoNotContact
}

// taskUrgency scores a follow-up of client ci (-1 for none) due on due:
// the due weight, the overdue weight per day late (up to MaxOverdueDays),
// the client's tier and days since the last contact.
func (sc *scorer) taskUrgency(ci int, due civil.Date, quiet bool) Urgency {
	u := Urgency{quiet: quiet}
	late := sc.day - due.DayNumber()
	if late > 0 {
		u.add(TermOverdue, sc.w.Overdue*float64(min(late, MaxOverdueDays)), because(ReasonLate, itoa(late)))
		u.add(TermDue, sc.w.Due, because(ReasonDueOn, due.String()))
	} else {
		u.add(TermDue, sc.w.Due, because(ReasonDueToday))
	}
	sc.tier(&u, ci)
	sc.sinceTouch(&u, ci)
	return u
}

// taskItems splits the open tasks into overdue and due today, kept to
// the limitOver and limitDue most urgent. Tasks of archived clients are
// left out.
func taskItems(sc *scorer, ts []tasks.Task, limitOver, limitDue int) (overdue, due []TaskItem, nOverdue, nDue int) {
	var over, now []int
	ci := make([]int, len(ts))
	for k := range ts {
		ci[k] = -1
		if id := ts[k].ClientID; id != "" {
			if ci[k] = sc.find(id); ci[k] >= 0 && sc.sums[ci[k]].Status == profile.Archived {
				continue
			}
		}
		if ts[k].Overdue(sc.today) > 0 {
			over = append(over, k)
		} else {
			now = append(now, k)
		}
	}
	items := func(group []int, limit int) []TaskItem {
		pick := topK(len(group), limit, func(i int) float64 {
			return sc.taskUrgency(ci[group[i]], ts[group[i]].DueOn(), true).Score
		}, func(i int) string { return ts[group[i]].ID })
		out := make([]TaskItem, len(pick))
		for n, i := range pick {
			t, c := ts[group[i]], ci[group[i]]
			out[n] = TaskItem{Task: t, Overdue: t.Overdue(sc.today), Urgency: sc.taskUrgency(c, t.DueOn(), false)}
			if c >= 0 {
				out[n].ClientName = sc.sums[c].DisplayName()
				out[n].Tier = sc.tierOf(c)
			}
		}
		return out
	}
	return items(over, limitOver), items(now, limitDue), len(over), len(now)
}

// aheadItems makes the look ahead: tomorrow's visits of clients in the
// book, and the limit soonest of the open tasks ts due after today and
// within AheadDays, of clients not archived.
func aheadItems(sc *scorer, tomorrow []visits.Appointment, ts []tasks.Task, limit int) Ahead {
	var a Ahead
	for _, ap := range tomorrow {
		if ap.Status == visits.Cancelled {
			continue
		}
		v := AheadVisit{Appointment: ap}
		if c := sc.find(ap.ClientID); c >= 0 {
			if sc.sums[c].Status == profile.Archived {
				continue
			}
			v.ClientName, v.Tier = sc.sums[c].DisplayName(), sc.tierOf(c)
		}
		a.Visits = append(a.Visits, v)
	}
	sort.SliceStable(a.Visits, func(i, j int) bool { return a.Visits[i].Appointment.Start.Before(a.Visits[j].Appointment.Start) })
	last := sc.today.AddDays(AheadDays)
	for _, t := range ts {
		due := t.DueOn()
		if !t.IsOpen() || !due.After(sc.today) || due.After(last) {
			continue
		}
		c := -1
		if t.ClientID != "" {
			if c = sc.find(t.ClientID); c >= 0 && sc.sums[c].Status == profile.Archived {
				continue
			}
		}
		it := TaskItem{Task: t, Urgency: sc.taskUrgency(c, due, false)}
		if c >= 0 {
			it.ClientName, it.Tier = sc.sums[c].DisplayName(), sc.tierOf(c)
		}
		a.Tasks = append(a.Tasks, it)
	}
	a.TaskTotal = len(a.Tasks)
	sort.SliceStable(a.Tasks, func(i, j int) bool {
		di, dj := a.Tasks[i].Task.DueOn(), a.Tasks[j].Task.DueOn()
		if di != dj {
			return di.Before(dj)
		}
		return a.Tasks[i].Urgency.Score > a.Tasks[j].Urgency.Score
	})
	if limit > 0 && len(a.Tasks) > limit {
		a.Tasks = a.Tasks[:limit]
	}
	return a
}

// UpcomingDates returns the important dates of active clients that fall
// from today to today plus their lead days, soonest first, without
// urgency (Build scores them).
func UpcomingDates(sums []profile.Summary, today civil.Date) []DateItem {
	cs := clientsOfSummaries(sums, today)
	sc := &scorer{today: today, day: today.DayNumber(), sums: cs}
	var cands []dateCand
	for i := range cs {
		if len(cs[i].dates) > 0 && active(&cs[i]) {
			cands = datesOf(cands, sc, i)
		}
	}
	slices.SortStableFunc(cands, func(a, b dateCand) int {
		if a.away != b.away {
			return a.away - b.away
		}
		return strings.Compare(cs[a.ci].DisplayName(), cs[b.ci].DisplayName())
	})
	out := make([]DateItem, len(cands))
	for j, c := range cands {
		s := &cs[c.ci]
		d := c.date(sc)
		out[j] = DateItem{ClientID: s.ID, ClientName: s.DisplayName(), Tier: s.Tier, Date: *d, On: c.on, DaysAway: c.away,
			GiftPrepared: d.GiftPrepared(c.on)}
	}
	return out
}

// dateCand is an important date within its lead time: client ci's kept
// date j (its date k).
type dateCand struct {
	ci, j, k int
	on       civil.Date
	away     int
}

// date returns the important date of c.
func (c dateCand) date(sc *scorer) *profile.ImportantDate { return &sc.sums[c.ci].dates[c.j].d }

// dateCands returns the dates within their lead time of the clients the
// briefing may prompt to contact.
func dateCands(sc *scorer) []dateCand {
	var out []dateCand
	for i := range sc.sums {
		if sc.open[i] && len(sc.sums[i].dates) > 0 {
			out = datesOf(out, sc, i)
		}
	}
	return out
}

// datesOf appends to out the dates of client i within their lead time.
func datesOf(out []dateCand, sc *scorer, i int) []dateCand {
	for j, d := range sc.sums[i].dates {
		out = append(out, dateCand{ci: i, j: j, k: d.k, on: d.on, away: d.away})
	}
	return out
}

// dateItem makes the item of a date, scored: the date proximity (and the
// due weight on the day itself), the tier and days since the last contact.
func (sc *scorer) dateItem(c dateCand, quiet bool) DateItem {
	s := &sc.sums[c.ci]
	d := *c.date(sc)
	item := DateItem{ClientID: s.ID, ClientName: s.DisplayName(), Tier: sc.tierOf(c.ci), Date: d, On: c.on, DaysAway: c.away,
		GiftPrepared: d.GiftPrepared(c.on)}
	if !quiet {
		if age, ok := d.AgeOn(sc.today); ok {
			item.Age = age
		}
	}
	u := &item.Urgency
	u.quiet = quiet
	u.add(TermDateProximity, sc.proximity(c.away, d.Lead()), func() (Reason, []string) { return dateReason(item) })
	if c.away == 0 {
		u.add(TermDue, sc.w.Due, because(ReasonWishesToday))
	}
	sc.tier(u, c.ci)
	sc.sinceTouch(u, c.ci)
	u.quiet = false
	return item
}

// upcomingDates returns the limit most urgent dates and how many there are.
func upcomingDates(sc *scorer, limit int) ([]DateItem, int) {
	cs := dateCands(sc)
	pick := topK(len(cs), limit, func(i int) float64 { return sc.dateItem(cs[i], true).Urgency.Score },
		func(i int) string { return cs[i].on.String() + sc.sums[cs[i].ci].ID + itoa(cs[i].k) })
	out := make([]DateItem, len(pick))
	for n, i := range pick {
		out[n] = sc.dateItem(cs[i], false)
	}
	return out, len(cs)
}

func dateReason(d DateItem) (Reason, []string) {
	lunar := ""
	if d.Date.Lunar {
		lunar = d.Date.WhenText()
	}
	args := []string{string(d.Date.Kind), d.Date.Label, itoa(d.DaysAway), lunar, d.On.String()}
	if d.Date.For != "" {
		args = append(args, d.Date.For) // whose it is: "Lily's birthday"
	}
	return ReasonDate, args
}

// visitCards scores today's visits and puts on each card the client's
// dates coming; the cards stay in the order of the day. A client handed
// over (released or not) has no card: the visit went with them.
func visitCards(sc *scorer, cards []PrepCard) []PrepCard {
	out := make([]PrepCard, 0, len(cards))
	for _, c := range cards {
		i := sc.find(c.Appointment.ClientID)
		if i >= 0 && sc.sums[i].Status != profile.Active {
			continue // handed over: the visit went with the client (issue 12 point 9)
		}
		c.Tier = sc.tierOf(i)
		c.Card = nil
		if i >= 0 && i < len(sc.tiers) && sc.tiers[i].Card != nil {
			a := sc.tiers[i]
			c.Card = &a
		}
		u := &c.Urgency
		at := c.Appointment.Start.Format("15:04")
		u.add(TermDue, sc.w.Due, because(ReasonExpectedAt, at))
		sc.tier(u, i)
		c.Dates = nil
		if i >= 0 {
			sc.special(u, sc.sums[i].Special())
			// The client's dates, even when they asked not to be
			// contacted: wishes said in the shop are no message.
			for _, dc := range datesOf(nil, sc, i) {
				d := sc.dateItem(dc, false)
				d.Urgency = Urgency{}
				c.Dates = append(c.Dates, d)
				u.add(TermDateProximity, sc.proximity(d.DaysAway, d.Date.Lead()), func() (Reason, []string) { return dateReason(d) })
			}
		}
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Appointment.Start.Before(out[j].Appointment.Start) })
	return out
}
