package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
)

// The sections of a profile's entries, as `show` prints them and the
// entry commands list them.

// writeSizes prints the current size of each category, with its fit note
// and day, and the older ones after it when history is set.
func writeSizes(w io.Writer, cat *i18n.Catalog, p *profile.Profile, history bool) {
	for _, s := range p.CurrentSizes() {
		fmt.Fprintf(w, "  %s %s", pad(s.Category, 12), strings.TrimSpace(s.Value+" "+s.System))
		if s.Note != "" {
			fmt.Fprint(w, cat.Aside("", s.Note))
		}
		if !s.Taken.IsZero() {
			fmt.Fprintf(w, "  %s", cat.T(i18n.CliShowTaken, s.Taken))
		}
		fmt.Fprintln(w)
		if !history {
			continue
		}
		for _, o := range p.Sizes {
			if profile.SizeCategory(o.Category) == profile.SizeCategory(s.Category) && o != s {
				v := strings.TrimSpace(o.Value + " " + o.System)
				if !strings.EqualFold(o.Category, s.Category) { // kept in the other language: 鞋 39
					v = o.Category + " " + v
				}
				fmt.Fprintf(w, "    %s %s %s\n", cat.T(i18n.CliProfileEarlier), v, o.Taken)
			}
		}
	}
}

func writePrefs(w io.Writer, cat *i18n.Catalog, prefs []profile.Preference, plain []string) {
	for _, pr := range prefs {
		fmt.Fprintf(w, "  %s %s", pad(cat.PrefKind(pr.Kind), 12), pr.Value)
		if pr.Note != "" {
			fmt.Fprint(w, cat.Aside("", pr.Note))
		}
		fmt.Fprintln(w)
	}
	for _, s := range plain {
		fmt.Fprintf(w, "  %s %s\n", pad("", 12), s)
	}
}

func writeMeasurements(w io.Writer, p *profile.Profile) {
	for _, m := range p.CurrentMeasurements() {
		fmt.Fprintf(w, "  %s %s", pad(m.Name, 12), strings.TrimSpace(m.Value+" "+m.Unit))
		if !m.Taken.IsZero() {
			fmt.Fprintf(w, "  %s", m.Taken)
		}
		fmt.Fprintln(w)
	}
}

// writeDates prints each date with its id, kind or label, whose it is,
// when it falls next, its lead days, and whether a gift is prepared when
// it is within them.
func writeDates(w io.Writer, cat *i18n.Catalog, p *profile.Profile, today civil.Date) {
	dayW := 0 // the days in one column: lunar 08-15 is wider than 05-20
	for _, d := range p.Dates {
		dayW = max(dayW, width(cat.When(d)))
	}
	for _, d := range p.Dates {
		label := cat.DateWhose(d.Kind, d.Label, d.For) // "Zhang Wei's birthday"; When says lunar
		next := d.Next(today)
		fmt.Fprintf(w, "  %-4s %s %s  %s  %s", d.ID, pad(label, 26), pad(cat.When(d), dayW), cat.T(i18n.CliShowNext, next),
			cat.N(i18n.CliProfileLead, d.Lead(), d.Lead()))
		if away := today.DaysUntil(next); away <= d.Lead() {
			if d.GiftPrepared(next) {
				fmt.Fprintf(w, "  %s", cat.T(i18n.CliProfileGiftReady))
			} else {
				fmt.Fprintf(w, "  %s", cat.T(i18n.CliProfileGiftNotYet))
			}
		}
		fmt.Fprintln(w)
	}
}

// writeFamily prints p's household members; a member linked to another
// client of the book is followed by that client's name (linked, by id, as
// book.LinkedNames gives them), not the id, which --json keeps.
func writeFamily(w io.Writer, cat *i18n.Catalog, p *profile.Profile, linked map[string]string) {
	for _, m := range p.Household {
		// The catalog's words, as the app says them: a member written by
		// relation only reads as the relation's word alone.
		fmt.Fprintf(w, "  %s", cat.Member(m))
		if !m.Birthday.IsZero() {
			d := profile.ImportantDate{When: m.Birthday, Lunar: m.Lunar, LeapMonth: m.LeapMonth}
			fmt.Fprintf(w, "  %s", cat.T(i18n.CliProfileBorn, cat.When(d)))
		}
		if name, ok := linked[m.ClientID]; ok {
			fmt.Fprintf(w, "  %s", cat.T(i18n.ProfLinked, name))
		}
		fmt.Fprintln(w)
	}
}

func writeCards(w io.Writer, cat *i18n.Catalog, p *profile.Profile) {
	for _, c := range p.Cards {
		parts := []string{pad(c.Program, 12), c.Number}
		if c.Level != "" {
			parts = append(parts, c.Level)
		}
		if c.Points != 0 {
			parts = append(parts, cat.N(i18n.CliProfilePoints, c.Points, cat.Number(c.Points)))
		}
		if !c.Expires.IsZero() {
			parts = append(parts, cat.T(i18n.CliProfileExpires, c.Expires))
		}
		fmt.Fprintf(w, "  %s\n", strings.Join(parts, "  "))
	}
}

func writeGifts(w io.Writer, p *profile.Profile) {
	for _, g := range p.Gifts {
		fmt.Fprintf(w, "  %-4s %s  %s", g.ID, g.Date, g.What)
		if g.ForDate != "" {
			fmt.Fprintf(w, "  → %s", g.ForDate)
		}
		fmt.Fprintln(w)
	}
}

// writeEntries prints the sections of the profile's entries that hold
// something: sizes, likes, dislikes, measurements, dates, family, cards,
// gifts.
func writeEntries(w io.Writer, cat *i18n.Catalog, p *profile.Profile, linked map[string]string, today civil.Date) {
	section := func(k i18n.Key, n int, body func()) {
		if n == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s\n", cat.T(k))
		body()
	}
	section(i18n.CliShowSizes, len(p.Sizes), func() { writeSizes(w, cat, p, true) })
	likes := p.Likes()
	section(i18n.CliProfileLikes, len(likes), func() { writePrefs(w, cat, likes, nil) })
	var dislikes []profile.Preference
	for _, pr := range p.Preferences {
		if pr.Dislike {
			dislikes = append(dislikes, pr)
		}
	}
	section(i18n.CliShowDislikes, len(dislikes)+len(p.Dislikes), func() { writePrefs(w, cat, dislikes, p.Dislikes) })
	section(i18n.CliProfileMeasurements, len(p.Measurements), func() { writeMeasurements(w, p) })
	section(i18n.CliShowDates, len(p.Dates), func() { writeDates(w, cat, p, today) })
	section(i18n.CliShowHousehold, len(p.Household), func() { writeFamily(w, cat, p, linked) })
	section(i18n.CliProfileCards, len(p.Cards), func() { writeCards(w, cat, p) })
	section(i18n.CliProfileGifts, len(p.Gifts), func() { writeGifts(w, p) })
}
