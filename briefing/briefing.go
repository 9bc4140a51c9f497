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
// The briefing is a function of the book, the day and the configuration:
// Gather reads what it needs from a store transaction (every summary, the
// due-task index, today's appointments and the profiles of today's
// visitors, the open requests and the situation notes of the last days;
// never every profile), and Build is pure.
package briefing

import (
	"sort"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/tiers"
	"github.com/vipbook/vipbook/visits"
)

// PrepNotes is how many recent notes a prep card shows.
const PrepNotes = 3

// Defaults of Options.
const (
	DefaultFestivalLeadDays = 14 // festivals shown this many days ahead
	DefaultSituationDays    = 7  // situation notes of the last week
	DefaultFestivalClients  = 5  // clients named per festival
	DefaultLimit            = 20 // items per book-wide section
	DefaultUrgentN          = 10 // items in Urgent
)

// MaxOverdueDays is how many days late count in the overdue term: a
// follow-up a week late grows no more urgent (it is stale; its tier and the
// days since the last contact still rank it).
const MaxOverdueDays = 7

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
	Appointment  visits.Appointment   `json:"appointment"`
	Client       profile.Summary      `json:"-"`
	Name         string               `json:"name"`
	Honorific    string               `json:"honorific,omitempty"`
	Phone        string               `json:"phone,omitempty"`
	Tier         string               `json:"tier,omitempty"`
	Sizes        []profile.Size       `json:"sizes,omitempty"`
	Preferences  []profile.Preference `json:"preferences,omitempty"`
	Dislikes     []string             `json:"dislikes,omitempty"`
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
	Urgency    Urgency               `json:"urgency"`
}

// Briefing is the morning briefing of one day.
type Briefing struct {
	Date      civil.Date `json:"date"`
	Associate string     `json:"associate"`
	// Urgent are the most urgent items of every section, most urgent first.
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
	// Totals counts the items of the sections kept to Options.Limit.
	Totals Totals `json:"totals"`
}

// Totals counts every item of the book-wide sections, shown or not.
type Totals struct {
	Requests   int `json:"requests"`
	Festivals  int `json:"festivals"`
	Situations int `json:"situations"`
	Lapsed     int `json:"lapsed"`
}

// Input is everything Build needs, read by Gather.
type Input struct {
	Today     civil.Date
	Associate string
	Currency  string // the book's, for the tier reasons
	Summaries []profile.Summary
	Tasks     []tasks.Task // open tasks due on or before Today
	Cards     []PrepCard   // today's visits, prepared
	Requests  []requests.Request
	// Situations are the situation notes logged since Options.SituationDays
	// days before Today.
	Situations []notes.Note
	Config     config.Config // Gather sets the defaults; the caller may load the file's
	Options    Options
}

// Gather reads the book for the briefing of today (appointments in loc)
// with the default configuration and options.
func Gather(tx *store.Tx, today civil.Date, loc *time.Location) (Input, error) {
	in := Input{Today: today, Associate: tx.Book().Meta().Associate, Currency: tx.Book().Meta().Currency,
		Config: config.Default()}
	in.Options = in.Options.withDefaults()
	var err error
	if in.Summaries, err = tx.Summaries(); err != nil {
		return in, err
	}
	if in.Tasks, err = tx.OpenTasksDueBy(today); err != nil {
		return in, err
	}
	if in.Requests, err = tx.OpenRequests(); err != nil {
		return in, err
	}
	since := today.AddDays(-(in.Options.SituationDays - 1)).In(loc)
	if in.Situations, err = tx.NotesSince(since, notes.Situation); err != nil {
		return in, err
	}
	appts, err := tx.AppointmentsOn(today, loc)
	if err != nil {
		return in, err
	}
	for _, a := range appts {
		if a.Status == visits.Cancelled {
			continue
		}
		card, err := Prepare(tx, a, today)
		if err != nil {
			return in, err
		}
		in.Cards = append(in.Cards, card)
	}
	return in, nil
}

// Prepare builds the prep card of one appointment.
func Prepare(tx *store.Tx, a visits.Appointment, today civil.Date) (PrepCard, error) {
	card := PrepCard{Appointment: a}
	p, err := tx.Client(a.ClientID)
	if err != nil {
		return card, err
	}
	sum, err := tx.Summary(a.ClientID)
	if err != nil {
		return card, err
	}
	card.Client = sum
	card.Name = p.DisplayName()
	card.Honorific = p.Honorific
	if len(p.Phones) > 0 {
		card.Phone = p.Phones[0].Number
	}
	card.Sizes = p.Sizes
	card.Preferences = TopPreferences(p.Preferences, 5)
	card.Dislikes = p.Dislikes
	if ps, err := tx.Purchases(a.ClientID); err == nil && len(ps) > 0 {
		card.LastPurchase = &ps[0]
	}
	for _, r := range tx.ClientRequests(a.ClientID) {
		if r.IsOpen() {
			card.OpenRequests = append(card.OpenRequests, r)
		}
	}
	ns, err := tx.Notes(a.ClientID)
	if err != nil {
		return card, err
	}
	if len(ns) > PrepNotes {
		ns = ns[:PrepNotes]
	}
	card.RecentNotes = ns
	// Special-person flags are sensitive: on a prep card they help the
	// service (a seat, a quiet room, no heavy lifting), so they are shown.
	card.Special = p.Special.Flags()
	card.SpecialNote = p.Special.Note
	card.Stats = sum.Stats(today)
	return card, nil
}

// TopPreferences returns up to n preferences, the most recently added first.
func TopPreferences(ps []profile.Preference, n int) []profile.Preference {
	out := append([]profile.Preference(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Added.After(out[j].Added) })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// Build assembles the briefing from its input.
func Build(in Input) Briefing {
	opt := in.Options.withDefaults()
	tcfg := in.Config.Tiers
	if tcfg.Currency == "" {
		tcfg.Currency = in.Currency
	}
	sc := &scorer{w: in.Config.Urgency, today: in.Today, sums: in.Summaries, currency: tcfg.Currency,
		tiers: tiers.Assign(in.Summaries, in.Today, tcfg)}
	b := Briefing{Date: in.Today, Associate: in.Associate}
	b.Dates = upcomingDates(sc, in.Summaries, in.Today)
	b.Visits = visitCards(sc, in.Cards)
	b.Overdue, b.Due = taskItems(sc, in.Tasks)
	b.Requests = requestItems(sc, in.Requests)
	b.Festivals = festivalItems(sc, opt)
	b.Situations = situationItems(sc, in.Situations, opt.SituationDays)
	b.People = peopleItems(sc, b.Visits)
	b.Lapsed = lapsedItems(sc, in.Config.Rhythm)
	b.Totals = Totals{Requests: len(b.Requests), Festivals: len(b.Festivals), Situations: len(b.Situations), Lapsed: len(b.Lapsed)}
	if opt.Limit > 0 {
		b.Requests = limit(b.Requests, opt.Limit)
		b.Festivals = limit(b.Festivals, opt.Limit)
		b.Situations = limit(b.Situations, opt.Limit)
		b.Lapsed = limit(b.Lapsed, opt.Limit)
	}
	b.Urgent = urgent(&b, opt.UrgentN)
	return b
}

func limit[T any](items []T, n int) []T {
	if len(items) > n {
		return items[:n:n]
	}
	return items
}

// byUrgency sorts items by score, highest first, then by key.
func byUrgency[T any](items []T, score func(*T) float64, key func(*T) string) {
	sort.SliceStable(items, func(i, j int) bool {
		si, sj := score(&items[i]), score(&items[j])
		if si != sj {
			return si > sj
		}
		return key(&items[i]) < key(&items[j])
	})
}

// active reports whether the briefing should prompt the associate to reach
// out to the client: active in this book (not handed over nor archived)
// and not asking to be left alone.
func active(s *profile.Summary) bool {
	return s.Status == profile.Active && !s.DoNotContact
}

// taskItems splits the open tasks into overdue and due today, each sorted
// by urgency. Tasks of archived clients are left out.
func taskItems(sc *scorer, ts []tasks.Task) (overdue, due []TaskItem) {
	for _, t := range ts {
		item := TaskItem{Task: t, Overdue: t.Overdue(sc.today)}
		i := -1
		if t.ClientID != "" {
			if i = sc.find(t.ClientID); i >= 0 {
				if sc.sums[i].Status == profile.Archived {
					continue
				}
				item.ClientName = sc.sums[i].DisplayName()
				item.Tier = sc.tierOf(i)
			}
		}
		u := &item.Urgency
		if item.Overdue > 0 {
			en, zh := daysLate(item.Overdue)
			u.add(TermOverdue, sc.w.Overdue*float64(min(item.Overdue, MaxOverdueDays)), en, zh)
			u.add(TermDue, sc.w.Due, "follow-up due "+t.DueOn().String(), "跟进应于 "+t.DueOn().String()+" 完成")
		} else {
			u.add(TermDue, sc.w.Due, "follow-up due today", "今天到期的跟进")
		}
		sc.tier(u, i)
		sc.sinceTouch(u, i)
		if item.Overdue > 0 {
			overdue = append(overdue, item)
		} else {
			due = append(due, item)
		}
	}
	score := func(t *TaskItem) float64 { return t.Urgency.Score }
	key := func(t *TaskItem) string { return t.Task.ID }
	byUrgency(overdue, score, key)
	byUrgency(due, score, key)
	return overdue, due
}

func daysLate(n int) (en, zh string) {
	if n == 1 {
		return "1 day late", "逾期 1 天"
	}
	return itoa(n) + " days late", "逾期 " + itoa(n) + " 天"
}

// UpcomingDates returns the important dates of active clients that fall
// from today to today plus their lead days, soonest first, without
// urgency (Build scores them).
func UpcomingDates(sums []profile.Summary, today civil.Date) []DateItem {
	out := collectDates(sums, today, nil)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].DaysAway != out[j].DaysAway {
			return out[i].DaysAway < out[j].DaysAway
		}
		return out[i].ClientName < out[j].ClientName
	})
	return out
}

// collectDates returns the dates within their lead time of the clients the
// briefing may prompt to contact.
func collectDates(sums []profile.Summary, today civil.Date, sc *scorer) []DateItem {
	var out []DateItem
	for i := range sums {
		if s := &sums[i]; active(s) && len(s.Dates) > 0 {
			out = datesOf(out, s, i, today, sc)
		}
	}
	return out
}

// datesOf appends to out the dates of client s (index i) within their lead
// time, scored when sc is not nil.
func datesOf(out []DateItem, s *profile.Summary, i int, today civil.Date, sc *scorer) []DateItem {
	for _, d := range s.Dates {
		on := d.Next(today)
		away := today.DaysUntil(on)
		if away > d.Lead() {
			continue
		}
		item := DateItem{ClientID: s.ID, ClientName: s.DisplayName(), Date: d, On: on, DaysAway: away}
		if age, ok := d.AgeOn(today); ok {
			item.Age = age
		}
		if sc != nil {
			item.Tier = sc.tierOf(i)
			en, zh := dateReason(item)
			item.Urgency.add(TermDateProximity, sc.proximity(away, d.Lead()), en, zh)
			sc.tier(&item.Urgency, i)
			sc.sinceTouch(&item.Urgency, i)
		}
		out = append(out, item)
	}
	return out
}

// upcomingDates returns the scored dates, most urgent first.
func upcomingDates(sc *scorer, sums []profile.Summary, today civil.Date) []DateItem {
	out := collectDates(sums, today, sc)
	byUrgency(out, func(d *DateItem) float64 { return d.Urgency.Score },
		func(d *DateItem) string { return d.On.String() + d.ClientID + string(d.Date.Kind) })
	return out
}

// DateName names an important date in lang: its label, else its kind.
func DateName(d profile.ImportantDate, lang string) string {
	if d.Label != "" {
		return d.Label
	}
	if lang == "zh" {
		switch d.Kind {
		case profile.DateBirthday:
			return "生日"
		case profile.DateAnniversary:
			return "结婚纪念日"
		case profile.DateChildBirthday:
			return "孩子生日"
		case profile.DateFamilyBirthday:
			return "家人生日"
		case profile.DateFirstPurchase:
			return "首次购买纪念日"
		}
		return "纪念日"
	}
	switch d.Kind {
	case profile.DateChildBirthday:
		return "child's birthday"
	case profile.DateFamilyBirthday:
		return "family birthday"
	case profile.DateFirstPurchase:
		return "first purchase anniversary"
	}
	return string(d.Kind)
}

func dateReason(d DateItem) (en, zh string) {
	wen, wzh := daysText(d.DaysAway)
	en = DateName(d.Date, "en") + " " + wen
	zh = wzh + DateName(d.Date, "zh")
	if d.Date.Lunar {
		en += " (lunar " + d.Date.WhenText() + ")"
		zh += "（" + d.Date.WhenText() + "）"
	}
	if d.DaysAway > 0 {
		en += ", on " + d.On.String()
		zh += "，" + d.On.String()
	}
	return en, zh
}

// visitCards scores today's visits and puts on each card the client's
// dates coming; the cards stay in the order of the day.
func visitCards(sc *scorer, cards []PrepCard) []PrepCard {
	out := make([]PrepCard, len(cards))
	for k, c := range cards {
		i := sc.find(c.Appointment.ClientID)
		c.Tier = sc.tierOf(i)
		u := &c.Urgency
		at := c.Appointment.Start.Format("15:04")
		u.add(TermDue, sc.w.Due, "expected today at "+at, "今天 "+at+" 到店")
		sc.tier(u, i)
		var sp profile.Special
		if i >= 0 {
			sp = sc.sums[i].Special
		}
		sc.special(u, sp)
		// The client's dates, even when they asked not to be contacted:
		// wishes said in the shop are no message.
		c.Dates = nil
		if i >= 0 {
			c.Dates = datesOf(nil, &sc.sums[i], i, sc.today, nil)
		}
		for _, d := range c.Dates {
			en, zh := dateReason(d)
			u.add(TermDateProximity, sc.proximity(d.DaysAway, d.Date.Lead()), en, zh)
		}
		out[k] = c
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Appointment.Start.Before(out[j].Appointment.Start) })
	return out
}
