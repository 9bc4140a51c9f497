package interchange

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

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
	cal := &icsWriter{w: bufio.NewWriter(w)}
	cal.line("BEGIN:VCALENDAR")
	cal.text("VERSION", "2.0")
	cal.text("PRODID", "-//vipbook//vipbook//EN")
	cal.text("CALSCALE", "GREGORIAN")
	cal.text("X-WR-CALNAME", "vipbook")
	stamp := ex.Exported.UTC().Format(icsStamp)
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
				cal.dayEvent(uids.unique(uid), next, title, stamp)
				rule := "FREQ=YEARLY"
				if d.When.Month == time.February && d.When.Day == 29 {
					rule = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"
				}
				cal.value("RRULE", rule)
				cal.alarm(d.Lead(), title)
				cal.line("END:VEVENT")
				continue
			}
			day := o.From
			for y := 0; y < o.Years; y++ {
				next := d.Next(day)
				// The day it falls on, not its year: a lunar date late in
				// the year can fall twice in one Gregorian year (January
				// and December) and not at all in the next.
				cal.dayEvent(uids.unique(fmt.Sprintf("%s-on%04d%02d%02d", uid, next.Year, int(next.Month), next.Day)), next, title, stamp)
				cal.text("DESCRIPTION", d.WhenText())
				cal.alarm(d.Lead(), title)
				cal.line("END:VEVENT")
				day = next.AddDays(1)
			}
		}
		for _, a := range c.Appointments {
			cal.line("BEGIN:VEVENT")
			cal.text("UID", uids.unique("appt-"+a.ID))
			cal.value("DTSTAMP", stamp)
			cal.value("DTSTART", a.Start.UTC().Format(icsStamp))
			dur := a.Duration
			if dur <= 0 {
				dur = visits.DefaultDuration
			}
			cal.value("DTEND", a.Start.Add(dur).UTC().Format(icsStamp))
			title := cat.T(i18n.IcsVisit, name)
			if a.Purpose != "" {
				title += " - " + a.Purpose
			}
			cal.text("SUMMARY", title)
			if a.Status == visits.Cancelled {
				cal.text("STATUS", "CANCELLED")
			} else {
				cal.text("STATUS", "CONFIRMED")
			}
			cal.line("END:VEVENT")
		}
		for _, t := range c.Tasks {
			if !t.IsOpen() {
				continue
			}
			cal.line("BEGIN:VTODO")
			cal.text("UID", uids.unique("task-"+t.ID))
			cal.value("DTSTAMP", stamp)
			cal.value("DUE;VALUE=DATE", t.DueOn().In(time.UTC).Format(icsDay))
			cal.text("SUMMARY", i18n.New(o.Lang).TaskTitle(&t)+" - "+name)
			if t.Note != "" {
				cal.text("DESCRIPTION", i18n.New(o.Lang).TaskNote(t.Note))
			}
			cal.text("STATUS", "NEEDS-ACTION")
			if t.Status == tasks.Snoozed {
				cal.text("CATEGORIES", "snoozed")
			}
			cal.line("END:VTODO")
		}
	}
	cal.line("END:VCALENDAR")
	return cal.w.Flush()
}

// The forms of a time stamp and of a day in the calendar (UTC, RFC 5545).
const (
	icsStamp = "20060102T150405Z"
	icsDay   = "20060102"
)

// icsWriter writes the lines of an iCalendar file, each property folded at
// 75 octets and every line ended in CRLF, as golang-ical v0.3.4 (which
// wrote it before, and was vipbook's only user of net/http) did byte for
// byte: TestICSAsGolangICal compares the two.
type icsWriter struct {
	w *bufio.Writer
}

// dayEvent opens an all-day event on day, free time, with its title; the
// caller adds the rest and closes it.
func (c *icsWriter) dayEvent(uid string, day civil.Date, title, stamp string) {
	c.line("BEGIN:VEVENT")
	c.text("UID", uid)
	c.value("DTSTAMP", stamp)
	c.value("DTSTART;VALUE=DATE", day.In(time.UTC).Format(icsDay))
	c.value("DTEND;VALUE=DATE", day.AddDays(1).In(time.UTC).Format(icsDay))
	c.text("SUMMARY", title)
	c.text("TRANSP", "TRANSPARENT")
}

// alarm adds a display alarm lead days before, when there is a lead.
func (c *icsWriter) alarm(lead int, title string) {
	if lead <= 0 {
		return
	}
	c.line("BEGIN:VALARM")
	c.text("ACTION", "DISPLAY")
	c.value("TRIGGER", fmt.Sprintf("-P%dD", lead))
	c.text("DESCRIPTION", title)
	c.line("END:VALARM")
}

// line writes one line as it is.
func (c *icsWriter) line(s string) {
	c.w.WriteString(s)
	c.w.WriteString("\r\n")
}

// icsText escapes a TEXT value (RFC 5545 3.3.11).
var icsText = strings.NewReplacer(`\`, `\\`, "\n", `\n`, `;`, `\;`, `,`, `\,`)

// text writes a property whose value is TEXT, escaped.
func (c *icsWriter) text(name, v string) {
	c.value(name, icsText.Replace(v))
}

// value writes the property name (with its parameters) and its value as
// it is, folded: the first line holds at most 75 octets, each continuation
// a space and at most 74, cut after the last space or '>' or before a '<'
// that fits when there is one (golang-ical's cut), and never inside a
// UTF-8 sequence.
func (c *icsWriter) value(name, v string) {
	r := name + ":" + v
	const most = 75
	if len(r) > most {
		l := icsCut(most, r)
		c.line(l)
		r = r[len(l):]
		for len(r) > most-1 {
			l := icsCut(most-1, r)
			c.w.WriteString(" ")
			c.line(l)
			r = r[len(l):]
		}
		c.w.WriteString(" ")
	}
	c.line(r)
}

// icsCut returns the longest start of s of at most most octets that ends
// on a rune, or the part before the last word boundary in it (golang-ical
// v0.3.4's trimUT8StringUpTo, MIT).
func icsCut(most int, s string) string {
	length := 0
	lastWordBoundary := -1
	var lastRune rune
	for i, r := range s {
		if r == ' ' || r == '<' {
			lastWordBoundary = i
		} else if lastRune == '>' {
			lastWordBoundary = i
		}
		lastRune = r
		n := length + utf8.RuneLen(r)
		if n > most {
			break
		}
		length = n
	}
	if lastWordBoundary > 0 {
		return s[:lastWordBoundary]
	}
	return s[:length]
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
