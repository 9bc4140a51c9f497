package interchange

import (
	"slices"
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
// of each name is the current one, as in the book. The rest of the
// profile is written so too:
//
//	X-VIPBOOK-MADE-TO-ORDER:suit;chest 98, sleeve 62;2026-02-02;half canvas   item, spec, day, notes
//	X-VIPBOOK-SPECIAL:elderly health;a chair at the fitting                 the flags, the note
//	X-VIPBOOK-CONSENT:20261121T100000Z;asked in store                        when and how the answer was recorded
//	X-VIPBOOK-HOBBY:golf, X-VIPBOOK-GIFT-PREF:tea                            one property each
//
// and each text field of textProps as the property it names.
const (
	propSize        = "X-VIPBOOK-SIZE"
	propLike        = "X-VIPBOOK-LIKE"
	propDislike     = "X-VIPBOOK-DISLIKE"
	propMeasurement = "X-VIPBOOK-MEASUREMENT"
	propCard        = "X-VIPBOOK-CARD"
	propGift        = "X-VIPBOOK-GIFT"
	// propReferredBy is the UID of the client who referred this one.
	propReferredBy  = "X-VIPBOOK-REFERRED-BY"
	propMadeToOrder = "X-VIPBOOK-MADE-TO-ORDER"
	propSpecial     = "X-VIPBOOK-SPECIAL"
	propConsent     = "X-VIPBOOK-CONSENT"
	propHobby       = "X-VIPBOOK-HOBBY"
	propGiftPref    = "X-VIPBOOK-GIFT-PREF"
)

// textProps are the profile's text fields vCard has no property for, each
// with its own.
var textProps = []struct {
	name  string
	field func(p *profile.Profile) *string
}{
	{"X-VIPBOOK-GENDER", func(p *profile.Profile) *string { return &p.Gender }},
	{"X-VIPBOOK-BEST-TIME", func(p *profile.Profile) *string { return &p.BestTime }},
	{"X-VIPBOOK-STORE", func(p *profile.Profile) *string { return &p.HomeStore }},
	{"X-VIPBOOK-COUNTER", func(p *profile.Profile) *string { return &p.Counter }},
	{"X-VIPBOOK-WHY-BRAND", func(p *profile.Profile) *string { return &p.WhyBrand }},
	{"X-VIPBOOK-MOTIVATOR", func(p *profile.Profile) *string { return &p.Motivator }},
	{"X-VIPBOOK-SHARE-OF-WALLET", func(p *profile.Profile) *string { return &p.ShareOfWallet }},
}

// propChannel is the channel the client prefers (wechat, sms, phone,
// email).
const propChannel = "X-VIPBOOK-CHANNEL"

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
	for _, tp := range textProps {
		add(tp.name, *tp.field(p), nil, "")
	}
	add(propChannel, string(p.Channel), nil, "")
	for _, h := range p.Hobbies {
		add(propHobby, h, nil, "")
	}
	for _, g := range p.GiftPrefs {
		add(propGiftPref, g, nil, "")
	}
	for _, m := range p.MadeToOrder {
		add(propMadeToOrder, fields(m.Item, m.Spec, day(m.Date), m.Notes), nil, "")
	}
	if s := p.Special; s.Any() || s.Note != "" {
		add(propSpecial, fields(strings.Join(s.Flags(), " "), s.Note), nil, "")
	}
	if c := p.Consent; !c.RecordedAt.IsZero() || c.How != "" {
		at := ""
		if !c.RecordedAt.IsZero() {
			at = c.RecordedAt.UTC().Format(basicTime)
		}
		add(propConsent, fields(at, c.How), nil, "")
	}
}

// readEntries reads the properties above into the record; an entry
// without its name or value, or with a day that is no date, is kept as
// a line of the details instead.
func (r *Record) readEntries(c cardView) {
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
	for _, tp := range textProps {
		if v := c.Get(tp.name); v != nil {
			*tp.field(p) = vcard.Text(v.Value)
		}
	}
	if v := c.Get(propChannel); v != nil {
		ch := profile.Channel(strings.ToLower(vcard.Text(v.Value)))
		if slices.Contains(profile.Channels, ch) {
			p.Channel = ch
		}
	}
	for _, h := range c.All(propHobby) {
		if t := vcard.Text(h.Value); t != "" {
			p.Hobbies = append(p.Hobbies, t)
		}
	}
	for _, g := range c.All(propGiftPref) {
		if t := vcard.Text(g.Value); t != "" {
			p.GiftPrefs = append(p.GiftPrefs, t)
		}
	}
	each(propMadeToOrder, func(fs []string) bool {
		made, ok := day(f(fs, 2))
		if f(fs, 0) == "" || !ok {
			return false
		}
		p.MadeToOrder = append(p.MadeToOrder, profile.MadeToOrder{Item: f(fs, 0), Spec: f(fs, 1), Date: made, Notes: f(fs, 3)})
		return true
	})
	each(propSpecial, func(fs []string) bool {
		s := profile.Special{Note: f(fs, 1)}
		for _, flag := range strings.Fields(f(fs, 0)) {
			if !s.SetFlag(flag) {
				return false
			}
		}
		p.Special = s
		return true
	})
	settleDates(p)
}

// settleDates puts a file's dates in the order of their ids (d1, d2 ...),
// as the book had them (vCard groups them by kind, CSV by column), and
// gives each date the day of the latest gift logged for it when the file
// says none later. An id a second date or gift of the profile also
// has is dropped from the later one, which the book then numbers anew.
func settleDates(p *profile.Profile) {
	seen := map[string]bool{}
	for i := range p.Dates {
		id := strings.ToLower(p.Dates[i].ID)
		if seen[id] {
			p.Dates[i].ID = ""
		}
		seen[id] = true
	}
	num := func(id string) (int, bool) {
		n, ok := strings.CutPrefix(id, "d")
		k, err := strconv.Atoi(n)
		return k, ok && err == nil
	}
	if !slices.ContainsFunc(p.Dates, func(d profile.ImportantDate) bool { _, ok := num(d.ID); return !ok }) {
		slices.SortStableFunc(p.Dates, func(a, b profile.ImportantDate) int {
			x, _ := num(a.ID)
			y, _ := num(b.ID)
			return x - y
		})
	}
	// A date's last gift is the day of the latest gift logged for it.
	for i := range p.Dates {
		for _, g := range p.Gifts {
			if g.ForDate != "" && strings.EqualFold(g.ForDate, p.Dates[i].ID) && g.Date.After(p.Dates[i].LastGift) {
				p.Dates[i].LastGift = g.Date
			}
		}
	}
	clear(seen)
	for i := range p.Gifts {
		id := strings.ToLower(p.Gifts[i].ID)
		if id == "" || seen[id] {
			p.Gifts[i].ID = ""
			continue
		}
		seen[id] = true
	}
	for i := range p.Gifts {
		if p.Gifts[i].ID == "" {
			p.Gifts[i].ID = p.NextGiftID()
		}
	}
}
