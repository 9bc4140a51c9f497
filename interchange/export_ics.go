package interchange

import (
	"fmt"
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// ICSOptions tune WriteICS.
type ICSOptions struct {
	From  civil.Date // the first day dates are placed from (today)
	Years int        // how many years of lunar dates to expand (default 10)
	Lang  string     // "en" or "zh", for the event titles
}

// WriteICS writes an iCalendar file with:
//
//   - each important date as a yearly all-day event from its next
//     occurrence, with an alarm its lead time before. 29 February recurs
//     on the last day of February (28 February in common years, as the
//     book counts it). A lunar date has no Gregorian rule, so it is
//     expanded into one event per year for opts.Years years, each on the
//     day the lunar date falls that year;
//   - each appointment as an event (cancelled ones marked so);
//   - each open task as a VTODO due on its day.
//
// A do-not-contact client's dates say so in their title. Every component
// has its own UID (a lunar date's yearly events are told apart by the day
// they fall on, which two of them never share; any other clash gets a
// counter), and lines end in CRLF as RFC 5545 requires.
func WriteICS(w io.Writer, ex *Export, o ICSOptions) error {
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
				ev := dayEvent(cal, uids.unique(uid), next, title, stamp)
				rule := "FREQ=YEARLY"
				if d.When.Month == time.February && d.When.Day == 29 {
					rule = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
				}
				ev.AddRrule(rule)
				addAlarm(ev, d.Lead(), title)
				continue
			}
			day := o.From
			for y := 0; y < o.Years; y++ {
				next := d.Next(day)
				// The day it falls on, not its year: a lunar date late in
				// the year can fall twice in one Gregorian year (January
				// and December) and not at all in the next.
				ev := dayEvent(cal, uids.unique(fmt.Sprintf("%s-on%04d%02d%02d", uid, next.Year, int(next.Month), next.Day)), next, title, stamp)
				ev.SetDescription(d.WhenText())
				addAlarm(ev, d.Lead(), title)
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

// uidSet hands out the UIDs of one calendar, each once.
type uidSet map[string]bool

// unique returns base@vipbook, or base-2@vipbook (-3, ...) when that was
// already given out: a calendar keeps one component per UID and drops the
// others.
func (u uidSet) unique(base string) string {
	uid := base + "@vipbook"
	for n := 2; u[uid]; n++ {
		uid = fmt.Sprintf("%s-%d@vipbook", base, n)
	}
	u[uid] = true
	return uid
}

func dayEvent(cal *ics.Calendar, uid string, day civil.Date, title string, stamp time.Time) *ics.VEvent {
	ev := cal.AddEvent(uid)
	ev.SetDtStampTime(stamp)
	ev.SetAllDayStartAt(day.In(time.UTC))
	ev.SetAllDayEndAt(day.AddDays(1).In(time.UTC))
	ev.SetSummary(title)
	ev.SetTimeTransparency(ics.TransparencyTransparent)
	return ev
}

func addAlarm(ev *ics.VEvent, lead int, title string) {
	if lead <= 0 {
		return
	}
	al := ev.AddAlarm()
	al.SetAction(ics.ActionDisplay)
	al.SetTrigger(fmt.Sprintf("-P%dD", lead))
	al.SetProperty(ics.ComponentPropertyDescription, title)
}

func dateTitle(name string, d profile.ImportantDate, cat *i18n.Catalog) string {
	what := d.Label
	if what == "" {
		what = cat.CalendarDateKind(d.Kind)
	}
	if d.Lunar {
		what += cat.T(i18n.IcsLunar)
	}
	return cat.T(i18n.IcsDateTitle, name, what)
}

func lunarTag(d profile.ImportantDate) string {
	switch {
	case d.Lunar && d.LeapMonth:
		return "lunarleap-"
	case d.Lunar:
		return "lunar-"
	}
	return ""
}

// shortHash tells labels apart in a UID without putting text in it.
func shortHash(s string) string {
	var h uint32 = 2166136261
	for _, b := range []byte(strings.ToLower(s)) {
		h = (h ^ uint32(b)) * 16777619
	}
	return fmt.Sprintf("%08x", h)
}
