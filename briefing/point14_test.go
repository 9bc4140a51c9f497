package briefing

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// TestPoint14Ahead: the briefing looks ahead: tomorrow's visits, in the
// order of the day, and the follow-ups due from tomorrow to 7 days from
// today, soonest first; not today's, not the 8th day's, not an archived
// client's, not a cancelled visit.
func TestPoint14Ahead(t *testing.T) {
	today := civil.MustParse("2026-11-24")
	in := buildInput(today)
	at := func(d civil.Date, hh int) time.Time {
		return time.Date(d.Year, time.Month(d.Month), d.Day, hh, 0, 0, 0, time.Local)
	}
	tomorrow := today.AddDays(1)
	in.Tomorrow = []visits.Appointment{
		{ID: "a2", ClientID: "c2", Start: at(tomorrow, 15), Purpose: "fitting"},
		{ID: "a1", ClientID: "c1", Start: at(tomorrow, 10), Purpose: "pick up the watch"},
		{ID: "a3", ClientID: "c3", Start: at(tomorrow, 11)}, // archived
		{ID: "a4", ClientID: "c1", Start: at(tomorrow, 12), Status: visits.Cancelled},
	}
	in.Ahead = []tasks.Task{
		{ID: "f7", ClientID: "c2", Title: "care message", Due: today.AddDays(7), Status: tasks.Open},
		{ID: "f1", ClientID: "c1", Title: "call Anna", Due: tomorrow, Status: tasks.Open},
		{ID: "f8", ClientID: "c1", Title: "too far", Due: today.AddDays(8), Status: tasks.Open},
		{ID: "fa", ClientID: "c3", Title: "archived", Due: tomorrow, Status: tasks.Open},
		{ID: "fs", ClientID: "c2", Title: "snoozed to", Due: today, Until: today.AddDays(3), Status: tasks.Snoozed},
	}
	br := Build(in)
	if got := names(br.Ahead.Visits, func(v *AheadVisit) string { return v.Appointment.ID }); got != "a1,a2" {
		t.Errorf("tomorrow's visits %s, want a1 (10:00) then a2 (15:00)", got)
	}
	if v := br.Ahead.Visits[0]; v.ClientName != "Anna" || v.Tier == "" {
		t.Errorf("visit %+v", v)
	}
	if got := names(br.Ahead.Tasks, func(i *TaskItem) string { return i.Task.ID }); got != "f1,fs,f7" {
		t.Errorf("follow-ups ahead %s, want f1 (tomorrow), fs (snoozed to day 3), f7 (day 7)", got)
	}
	if br.Ahead.TaskTotal != 3 {
		t.Errorf("TaskTotal %d", br.Ahead.TaskTotal)
	}
	// Nothing of today's moves ahead.
	if got := names(br.Due, func(i *TaskItem) string { return i.Task.ID }); got != "t2" {
		t.Errorf("due today %s", got)
	}
}

// TestPoint14AheadFromTheBook: Load reads tomorrow's visits and the
// follow-ups of the next days from a real book, from one scan of the due
// index, and counts them all beyond the limit.
func TestPoint14AheadFromTheBook(t *testing.T) {
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.Local)
	b, err := store.Init(filepath.Join(t.TempDir(), "book.db"), store.Meta{Associate: "Li Na", Currency: "CNY", CountryCode: "86"}, store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	today := civil.Of(now)
	err = b.WithoutHooks().Update(func(tx *store.Tx) error {
		p := &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "+8613800138000"}}}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		for d := 0; d <= 9; d++ {
			tk := tasks.Task{ClientID: p.ID, Title: "step", Due: today.AddDays(d), Status: tasks.Open}
			if err := tx.AddTask(&tk); err != nil {
				return err
			}
		}
		a := visits.Appointment{ClientID: p.ID, Start: now.AddDate(0, 0, 1).Add(2 * time.Hour), Duration: time.Hour, Purpose: "fitting"}
		return tx.AddAppointment(&a)
	})
	if err != nil {
		t.Fatal(err)
	}
	in, err := Load(b, today, time.Local, config.Default(), Options{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	br := Build(in)
	if len(br.Ahead.Visits) != 1 || br.Ahead.Visits[0].ClientName != "王小明" {
		t.Errorf("tomorrow's visits %+v", br.Ahead.Visits)
	}
	if len(br.Ahead.Tasks) != 3 || br.Ahead.TaskTotal != 7 || br.Ahead.Tasks[0].Task.DueOn() != today.AddDays(1) {
		t.Errorf("ahead: %d shown of %d, first due %v; want 3 of 7 (days 1 to 7), from tomorrow", len(br.Ahead.Tasks), br.Ahead.TaskTotal, br.Ahead.Tasks)
	}
	if br.Totals.Due != 1 {
		t.Errorf("due today %d, want 1", br.Totals.Due)
	}
}
