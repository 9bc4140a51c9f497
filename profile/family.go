package profile

import (
	"slices"
	"strings"
)

// IsMemberBirthday reports whether d is the birthday kept for the
// household member called name: a family or child's birthday for them.
func (d ImportantDate) IsMemberBirthday(name string) bool {
	return (d.Kind == DateFamilyBirthday || d.Kind == DateChildBirthday) && strings.EqualFold(d.For, name)
}

// MigrateFamily brings household birthdays kept the app's old way into
// the one shape the book writes (book.AddFamily): the birthday on the
// member (Birthday, Lunar, LeapMonth) and in an important date of theirs
// (For the member's name; a child's birthday for a child, a family
// birthday otherwise), so the briefing reminds of it.
//
// A member without a birthday who has a date of theirs (For the name, as
// a file or `vipbook date add --for` gives it) takes its day.
//
// The app used to keep a lunar birthday only as a family birthday
// labelled with the member's name (the member without it), and a
// Gregorian one only on the member (no date, so no reminder). The first
// becomes the member's, the second gets its date, unless the client
// already has a family or child's birthday on that day. It reports
// whether anything changed; the slices it changes are new ones, so it may
// run on a shallow copy of a profile without touching the original.
func (p *Profile) MigrateFamily() bool {
	changed := false
	for i := range p.Household {
		m := p.Household[i]
		if j := slices.IndexFunc(p.Dates, func(d ImportantDate) bool { return d.IsMemberBirthday(m.Name) }); j >= 0 {
			// A date of theirs (a file's, `vipbook date add --for`): the
			// member without a birthday takes it.
			if m.Birthday.IsZero() {
				d := p.Dates[j]
				m.Birthday, m.Lunar, m.LeapMonth = d.When, d.Lunar, d.LeapMonth
				p.Household = slices.Clone(p.Household)
				p.Household[i] = m
				changed = true
			}
			continue
		}
		kind := DateFamilyBirthday
		if m.Relation == "child" {
			kind = DateChildBirthday
		}
		// The app's lunar birthday: a family birthday labelled with the name.
		j := slices.IndexFunc(p.Dates, func(d ImportantDate) bool {
			return d.Kind == DateFamilyBirthday && d.Lunar && d.For == "" && m.Name != "" && strings.EqualFold(d.Label, m.Name)
		})
		switch {
		case j >= 0:
			d := p.Dates[j]
			p.Dates = slices.Clone(p.Dates)
			p.Dates[j].Kind, p.Dates[j].Label, p.Dates[j].For = kind, "", m.Name
			m.Birthday, m.Lunar, m.LeapMonth = d.When, true, d.LeapMonth
		case m.Birthday.Valid() && !slices.ContainsFunc(p.Dates, func(d ImportantDate) bool {
			return (d.Kind == DateFamilyBirthday || d.Kind == DateChildBirthday) && d.When == m.Birthday && d.Lunar == m.Lunar
		}):
			p.Dates = append(slices.Clone(p.Dates), ImportantDate{Kind: kind, When: m.Birthday, Lunar: m.Lunar, LeapMonth: m.LeapMonth, For: m.Name})
		default:
			continue
		}
		p.Household = slices.Clone(p.Household)
		p.Household[i] = m
		changed = true
	}
	if changed {
		p.NumberDates()
	}
	return changed
}
