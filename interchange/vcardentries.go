package interchange

import (
	"strconv"
	"strings"

	govcard "github.com/emersion/go-vcard"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/interchange/vcard"
	"github.com/vipbook/vipbook/profile"
)

// The parts of a profile vCard has no property for, each a property of
// its own whose value is a list of fields joined by ";" (as N and ADR
// are), empty fields kept in their place:
//
//	X-VIPBOOK-SIZE:shoes;39;EU;narrow foot;2026-03-01        category, value, system, fit, day taken
//	X-VIPBOOK-LIKE:style;loafers;;2026-03-01                 category, what, note, day added
//	X-VIPBOOK-DISLIKE:colour;gold;;                          the same (no category: a plain dislike)
//	X-VIPBOOK-MEASUREMENT:chest;98;cm;2026-02-02             name, value, unit, day taken
//	X-VIPBOOK-CARD:Maison;VIP 8800-123;gold;1200;2027-12-31  programme, number, level, points, expiry
//	X-VIPBOOK-GIFT:g1;silk scarf;2025-08-01;d1               id, what, day, the date's id
//
// Every size and measurement is written, the older ones too: the newest
// of each name is the current one, as in the book.
const (
	propSize        = "X-VIPBOOK-SIZE"
	propLike        = "X-VIPBOOK-LIKE"
	propDislike     = "X-VIPBOOK-DISLIKE"
	propMeasurement = "X-VIPBOOK-MEASUREMENT"
	propCard        = "X-VIPBOOK-CARD"
	propGift        = "X-VIPBOOK-GIFT"
	// propReferredBy is the UID of the client who referred this one.
	propReferredBy = "X-VIPBOOK-REFERRED-BY"
)

// writeEntries adds the properties above for p's entries.
func writeEntries(add func(name, value string, params govcard.Params, group string), p *profile.Profile) {
	fields := func(fs ...string) string {
		for i := range fs {
			fs[i] = nameField(fs[i])
		}
		return strings.Join(fs, ";")
	}
	day := func(d civil.Date) string {
		if d.IsZero() {
			return ""
		}
		return d.String()
	}
	for _, z := range p.Sizes {
		add(propSize, fields(z.Category, z.Value, z.System, z.Note, day(z.Taken)), nil, "")
	}
	for _, pr := range p.Preferences {
		name := propLike
		if pr.Dislike {
			name = propDislike
		}
		add(name, fields(string(pr.Kind), pr.Value, pr.Note, day(pr.Added)), nil, "")
	}
	for _, d := range p.Dislikes {
		add(propDislike, fields("", d, "", ""), nil, "")
	}
	for _, m := range p.Measurements {
		add(propMeasurement, fields(m.Name, m.Value, m.Unit, day(m.Taken)), nil, "")
	}
	for _, c := range p.Cards {
		points := ""
		if c.Points != 0 {
			points = strconv.Itoa(c.Points)
		}
		add(propCard, fields(c.Program, c.Number, c.Level, points, day(c.Expires)), nil, "")
	}
	for _, g := range p.Gifts {
		add(propGift, fields(g.ID, g.What, day(g.Date), g.ForDate), nil, "")
	}
}

// readEntries reads the properties above into the record; an entry
// without its name or value, or with a day that is no date, is kept as
// a line of the details instead.
func (r *Record) readEntries(c *vcard.Card) {
	p := &r.Profile
	each := func(name string, fn func(f []string) bool) {
		for _, prop := range c.All(name) {
			if !fn(vcard.Fields(prop.Value)) {
				r.addDetail(strings.TrimPrefix(name, "X-VIPBOOK-") + ": " + vcard.Text(prop.Value))
			}
		}
	}
	day := func(s string) (civil.Date, bool) {
		if s == "" {
			return civil.Date{}, true
		}
		d, err := civil.Parse(s)
		return d, err == nil
	}
	f := vcard.Field
	each(propSize, func(fs []string) bool {
		taken, ok := day(f(fs, 4))
		if f(fs, 0) == "" || f(fs, 1) == "" || !ok {
			return false
		}
		p.Sizes = append(p.Sizes, profile.Size{Category: f(fs, 0), Value: f(fs, 1), System: f(fs, 2), Note: f(fs, 3), Taken: taken})
		return true
	})
	for _, name := range []string{propLike, propDislike} {
		dislike := name == propDislike
		each(name, func(fs []string) bool {
			added, ok := day(f(fs, 3))
			if f(fs, 1) == "" || !ok {
				return false
			}
			if dislike && f(fs, 0) == "" {
				p.Dislikes = append(p.Dislikes, f(fs, 1))
				return true
			}
			kind, err := profile.ParsePrefKind(f(fs, 0))
			if err != nil {
				kind = profile.PrefOther
			}
			p.Preferences = append(p.Preferences, profile.Preference{Kind: kind, Value: f(fs, 1), Note: f(fs, 2), Added: added, Dislike: dislike})
			return true
		})
	}
	each(propMeasurement, func(fs []string) bool {
		taken, ok := day(f(fs, 3))
		if f(fs, 0) == "" || f(fs, 1) == "" || !ok {
			return false
		}
		p.Measurements = append(p.Measurements, profile.Measurement{Name: f(fs, 0), Value: f(fs, 1), Unit: f(fs, 2), Taken: taken})
		return true
	})
	each(propCard, func(fs []string) bool {
		expires, ok := day(f(fs, 4))
		points, err := strconv.Atoi(firstOf(f(fs, 3), "0"))
		if profile.NormalizeCard(f(fs, 1)) == "" || !ok || err != nil {
			return false
		}
		p.Cards = append(p.Cards, profile.Card{Program: f(fs, 0), Number: f(fs, 1), Level: f(fs, 2), Points: points, Expires: expires})
		return true
	})
	each(propGift, func(fs []string) bool {
		given, ok := day(f(fs, 2))
		if f(fs, 1) == "" || given.IsZero() || !ok {
			return false
		}
		p.Gifts = append(p.Gifts, profile.Gift{ID: f(fs, 0), What: f(fs, 1), Date: given, ForDate: f(fs, 3)})
		return true
	})
	// A date's last gift is the day of the latest gift logged for it.
	for i := range p.Dates {
		for _, g := range p.Gifts {
			if g.ForDate != "" && strings.EqualFold(g.ForDate, p.Dates[i].ID) && g.Date.After(p.Dates[i].LastGift) {
				p.Dates[i].LastGift = g.Date
			}
		}
	}
}
