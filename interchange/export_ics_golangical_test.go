package interchange

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"pgregory.net/rapid"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// TestICSAsGolangICal: WriteICS writes, byte for byte, what it wrote
// through golang-ical v0.3.4 (kept below as writeICSGolangICal, the code
// before vipbook wrote the lines itself), on the sample book in both
// languages and on texts made to need escaping and folding: commas,
// semicolons, backslashes, new lines, quotes, colons, angle brackets and
// spaces at the cuts, Chinese and other multi-byte runes across them.
func TestICSAsGolangICal(t *testing.T) {
	b, ids := sampleBook(t)
	ex := collect(t, b, ids)
	from := civil.Of(testNow)
	same := func(t interface {
		Helper()
		Fatalf(string, ...any)
	}, ex *Export, o ICSOptions) {
		t.Helper()
		var got, want bytes.Buffer
		if err := WriteICS(&got, ex, o); err != nil {
			t.Fatalf("WriteICS: %v", err)
		}
		if err := writeICSGolangICal(&want, ex, o); err != nil {
			t.Fatalf("golang-ical: %v", err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("WriteICS differs from golang-ical's:\n%q\nwant\n%q", got.String(), want.String())
		}
	}
	for _, lang := range []string{"en", "zh"} {
		same(t, ex, ICSOptions{From: from, Years: 5, Lang: lang})
	}
	same(t, ex, ICSOptions{From: from})
	if n := len(ex.Clients[0].Appointments) + len(ex.Clients[0].Tasks); n == 0 {
		t.Fatal("the sample's first client has no appointment or task to write")
	}
	pieces := []string{"a", "Zoë", " ", "  ", "<", ">", "<b>", ",", ";", ":", "\\", "\n", "\r\n", `"`, "'", "王", "小明", "🎁", "x@y.z", "0123456789"}
	text := rapid.Custom(func(t *rapid.T) string {
		var s string
		for _, i := range rapid.SliceOfN(rapid.IntRange(0, len(pieces)-1), 0, 60).Draw(t, "pieces") {
			s += pieces[i]
		}
		return s
	})
	rapid.Check(t, func(rt *rapid.T) {
		c := ex.Clients[0]
		c.Profile.Name = text.Draw(rt, "name")
		c.Profile.Dates = append(c.Profile.Dates[:0:0], c.Profile.Dates...)
		for i := range c.Profile.Dates {
			c.Profile.Dates[i].Label = text.Draw(rt, "label")
		}
		c.Appointments = append(c.Appointments[:0:0], c.Appointments...)
		for i := range c.Appointments {
			c.Appointments[i].Purpose = text.Draw(rt, "purpose")
		}
		c.Tasks = append(c.Tasks[:0:0], c.Tasks...)
		for i := range c.Tasks {
			c.Tasks[i].Note = text.Draw(rt, "note")
			c.Tasks[i].Title = text.Draw(rt, "title")
		}
		one := *ex
		one.Clients = []Client{c}
		same(rt, &one, ICSOptions{From: from, Years: 2, Lang: rapid.SampledFrom([]string{"en", "zh"}).Draw(rt, "lang")})
	})
}

func writeICSGolangICal(w io.Writer, ex *Export, o ICSOptions) error {
	if o.Years <= 0 {
		o.Years = 10
	}
	cat := i18n.New(o.Lang)
	cal := ics.NewCalendar()
	cal.SetProductId("-//vipbook//vipbook//EN")
	cal.SetCalscale("GREGORIAN")
	cal.SetXWRCalName("vipbook")
	stamp := ex.Exported.UTC()
	uids := uidSet{}
	for i := range ex.Clients {
		c := &ex.Clients[i]
		p := &c.Profile
		name := p.DisplayName()
		dnc := ""
		if p.Consent.DoNotContact {
			dnc = cat.T(i18n.IcsDoNotContact)
		}
		for _, d := range p.Dates {
			title := dateTitle(name, d, cat) + dnc
			uid := fmt.Sprintf("date-%s-%s-%s%02d%02d", p.ID, d.Kind, lunarTag(d), int(d.When.Month), d.When.Day)
			if d.Label != "" {
				uid += "-" + shortHash(d.Label)
			}
			if !d.Lunar {
				next := d.Next(o.From)
				ev := dayEventGI(cal, uids.unique(uid), next, title, stamp)
				rule := "FREQ=YEARLY"
				if d.When.Month == time.February && d.When.Day == 29 {
					rule = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
				}
				ev.AddRrule(rule)
				addAlarmGI(ev, d.Lead(), title)
				continue
			}
			day := o.From
			for y := 0; y < o.Years; y++ {
				next := d.Next(day)
				// The day it falls on, not its year: a lunar date late in
				// the year can fall twice in one Gregorian year (January
				// and December) and not at all in the next.
				ev := dayEventGI(cal, uids.unique(fmt.Sprintf("%s-on%04d%02d%02d", uid, next.Year, int(next.Month), next.Day)), next, title, stamp)
				ev.SetDescription(d.WhenText())
				addAlarmGI(ev, d.Lead(), title)
				day = next.AddDays(1)
			}
		}
		for _, a := range c.Appointments {
			ev := cal.AddEvent(uids.unique("appt-" + a.ID))
			ev.SetDtStampTime(stamp)
			ev.SetStartAt(a.Start)
			dur := a.Duration
			if dur <= 0 {
				dur = visits.DefaultDuration
			}
			ev.SetEndAt(a.Start.Add(dur))
			title := cat.T(i18n.IcsVisit, name)
			if a.Purpose != "" {
				title += " - " + a.Purpose
			}
			ev.SetSummary(title)
			if a.Status == visits.Cancelled {
				ev.SetStatus(ics.ObjectStatusCancelled)
			} else {
				ev.SetStatus(ics.ObjectStatusConfirmed)
			}
		}
		for _, t := range c.Tasks {
			if !t.IsOpen() {
				continue
			}
			todo := cal.AddTodo(uids.unique("task-" + t.ID))
			todo.SetDtStampTime(stamp)
			todo.SetAllDayDueAt(t.DueOn().In(time.UTC))
			todo.SetSummary(i18n.New(o.Lang).TaskTitle(&t) + " - " + name)
			if t.Note != "" {
				todo.SetDescription(i18n.New(o.Lang).TaskNote(t.Note))
			}
			todo.SetStatus(ics.ObjectStatusNeedsAction)
			if t.Status == tasks.Snoozed {
				todo.SetProperty(ics.ComponentPropertyCategories, "snoozed")
			}
		}
	}
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}

func dayEventGI(cal *ics.Calendar, uid string, day civil.Date, title string, stamp time.Time) *ics.VEvent {
	ev := cal.AddEvent(uid)
	ev.SetDtStampTime(stamp)
	ev.SetAllDayStartAt(day.In(time.UTC))
	ev.SetAllDayEndAt(day.AddDays(1).In(time.UTC))
	ev.SetSummary(title)
	ev.SetTimeTransparency(ics.TransparencyTransparent)
	return ev
}

func addAlarmGI(ev *ics.VEvent, lead int, title string) {
	if lead <= 0 {
		return
	}
	al := ev.AddAlarm()
	al.SetAction(ics.ActionDisplay)
	al.SetTrigger(fmt.Sprintf("-P%dD", lead))
	al.SetProperty(ics.ComponentPropertyDescription, title)
}
