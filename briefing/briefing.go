// Package briefing builds the associate's morning briefing: today's expected
// visits with a prep card each, follow-ups overdue and due, and the dates
// coming up within their lead time. It is a function of the book, the day
// and the configuration: Gather reads what it needs from a store
// transaction (summaries, the due-task index, today's appointments and the
// profiles of today's visitors only), and Build is pure.
package briefing

import (
	"sort"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// PrepNotes is how many recent notes a prep card shows.
const PrepNotes = 3

// PrepCard is what the associate reads before a client walks in.
type PrepCard struct {
	Appointment  visits.Appointment   `json:"appointment"`
	Client       profile.Summary      `json:"-"`
	Name         string               `json:"name"`
	Honorific    string               `json:"honorific,omitempty"`
	Phone        string               `json:"phone,omitempty"`
	Sizes        []profile.Size       `json:"sizes,omitempty"`
	Preferences  []profile.Preference `json:"preferences,omitempty"`
	Dislikes     []string             `json:"dislikes,omitempty"`
	LastPurchase *profile.Purchase    `json:"last_purchase,omitempty"`
	OpenRequests []requests.Request   `json:"open_requests,omitempty"`
	RecentNotes  []notes.Note         `json:"recent_notes,omitempty"`
	Special      []string             `json:"special,omitempty"` // flags shown because they help today's service
	SpecialNote  string               `json:"special_note,omitempty"`
	Stats        profile.Stats        `json:"stats"`
}

// TaskItem is a follow-up on the briefing.
type TaskItem struct {
	Task       tasks.Task `json:"task"`
	ClientName string     `json:"client_name,omitempty"`
	Overdue    int        `json:"overdue_days,omitempty"`
}

// DateItem is an important date coming within its lead time.
type DateItem struct {
	ClientID   string                `json:"client_id"`
	ClientName string                `json:"client_name"`
	Date       profile.ImportantDate `json:"date"`
	On         civil.Date            `json:"on"`
	DaysAway   int                   `json:"days_away"`
	Age        int                   `json:"age,omitempty"` // years since the year of origin, when known
}

// Briefing is the morning briefing of one day.
type Briefing struct {
	Date      civil.Date `json:"date"`
	Associate string     `json:"associate"`
	Visits    []PrepCard `json:"visits"`
	Overdue   []TaskItem `json:"overdue"`
	Due       []TaskItem `json:"due"`
	Dates     []DateItem `json:"dates"`
}

// Input is everything Build needs, read by Gather.
type Input struct {
	Today     civil.Date
	Associate string
	Summaries []profile.Summary
	Tasks     []tasks.Task // open tasks due on or before Today
	Cards     []PrepCard   // today's visits, prepared
}

// Gather reads the book for the briefing of today (appointments in loc).
func Gather(tx *store.Tx, today civil.Date, loc *time.Location) (Input, error) {
	in := Input{Today: today, Associate: tx.Book().Meta().Associate}
	var err error
	if in.Summaries, err = tx.Summaries(); err != nil {
		return in, err
	}
	if in.Tasks, err = tx.OpenTasksDueBy(today); err != nil {
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
	b := Briefing{Date: in.Today, Associate: in.Associate, Visits: in.Cards}
	names := make(map[string]*profile.Summary, len(in.Summaries))
	for i := range in.Summaries {
		names[in.Summaries[i].ID] = &in.Summaries[i]
	}
	for _, t := range in.Tasks {
		item := TaskItem{Task: t, Overdue: t.Overdue(in.Today)}
		if s, ok := names[t.ClientID]; ok {
			if s.Status == profile.Archived {
				continue
			}
			item.ClientName = s.DisplayName()
		}
		if item.Overdue > 0 {
			b.Overdue = append(b.Overdue, item)
		} else {
			b.Due = append(b.Due, item)
		}
	}
	sort.SliceStable(b.Overdue, func(i, j int) bool { return b.Overdue[i].Overdue > b.Overdue[j].Overdue })
	b.Dates = UpcomingDates(in.Summaries, in.Today)
	return b
}

// UpcomingDates returns the important dates of active clients that fall
// from today to today plus their lead days, soonest first.
func UpcomingDates(sums []profile.Summary, today civil.Date) []DateItem {
	var out []DateItem
	for i := range sums {
		s := &sums[i]
		if s.Status == profile.Archived {
			continue
		}
		for _, d := range s.Dates {
			on := d.Next(today)
			away := today.DaysUntil(on)
			if away > d.Lead() {
				continue
			}
			item := DateItem{ClientID: s.ID, ClientName: s.DisplayName(), Date: d, On: on, DaysAway: away}
			if age, ok := d.When.AgeOn(today); ok && !d.Lunar {
				item.Age = age
			}
			out = append(out, item)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].DaysAway != out[j].DaysAway {
			return out[i].DaysAway < out[j].DaysAway
		}
		return out[i].ClientName < out[j].ClientName
	})
	return out
}
