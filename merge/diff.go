package merge

import (
	"slices"
	"strconv"
	"strings"

	"github.com/vipbook/vipbook/profile"
)

// Change is one thing a merge added to or changed in a profile, for a
// report: a field that took a value (Old empty) or another value, an item
// added to a list, a date completed.
type Change struct {
	// Field is the profile's JSON name of the field ("city", "phones",
	// "tags"), "date:KIND[:LABEL]" for an important date, "special:FLAG"
	// for a special-person flag.
	Field string `json:"field"`
	Old   string `json:"old,omitempty"`
	New   string `json:"new"`
}

// Diff returns what changed from before to after in the fields a merge
// touches (Profiles), in field order; the History, which records the
// values that lost, is left out. It is empty exactly when Profiles left
// those fields as they were.
func Diff(before, after *profile.Profile) []Change {
	var out []Change
	str := func(field, b, a string) {
		if b != a {
			out = append(out, Change{Field: field, Old: b, New: a})
		}
	}
	list := func(field string, b, a []string) {
		for _, x := range a {
			if !slices.Contains(b, x) {
				out = append(out, Change{Field: field, New: x})
			}
		}
	}
	str("name", before.Name, after.Name)
	str("latin_name", before.LatinName, after.LatinName)
	str("honorific", before.Honorific, after.Honorific)
	str("gender", before.Gender, after.Gender)
	for _, p := range after.Phones {
		i := slices.IndexFunc(before.Phones, func(q profile.Phone) bool { return q.Number == p.Number })
		switch {
		case i < 0:
			out = append(out, Change{Field: "phones", New: phoneText(p)})
		case before.Phones[i] != p:
			out = append(out, Change{Field: "phones", Old: phoneText(before.Phones[i]), New: phoneText(p)})
		}
	}
	str("email", before.Email, after.Email)
	str("wechat", before.WeChat, after.WeChat)
	str("channel", string(before.Channel), string(after.Channel))
	str("best_time", before.BestTime, after.BestTime)
	if bc, ac := before.Consent, after.Consent; bc.DoNotContact != ac.DoNotContact || bc.How != ac.How || !bc.RecordedAt.Equal(ac.RecordedAt) {
		str("do_not_contact", strconv.FormatBool(before.Consent.DoNotContact), strconv.FormatBool(after.Consent.DoNotContact))
		if before.Consent.DoNotContact == after.Consent.DoNotContact {
			out = append(out, Change{Field: "consent", Old: consentText(before.Consent), New: consentText(after.Consent)})
		}
	}
	str("home_store", before.HomeStore, after.HomeStore)
	str("city", before.City, after.City)
	str("district", before.District, after.District)
	str("country", before.Country, after.Country)
	str("occupation", before.Occupation, after.Occupation)
	list("hobbies", before.Hobbies, after.Hobbies)
	for _, h := range after.Household {
		i := slices.IndexFunc(before.Household, func(x profile.Member) bool { return x.Name == h.Name })
		if i < 0 || before.Household[i] != h {
			c := Change{Field: "household", New: memberText(h)}
			if i >= 0 {
				c.Old = memberText(before.Household[i])
			}
			out = append(out, c)
		}
	}
	str("why_brand", before.WhyBrand, after.WhyBrand)
	list("dislikes", before.Dislikes, after.Dislikes)
	list("gift_prefs", before.GiftPrefs, after.GiftPrefs)
	str("motivator", before.Motivator, after.Motivator)
	str("share_of_wallet", before.ShareOfWallet, after.ShareOfWallet)
	for _, x := range after.Sizes {
		if !slices.Contains(before.Sizes, x) {
			out = append(out, Change{Field: "sizes", New: strings.TrimSpace(x.Category + " " + x.System + " " + x.Value)})
		}
	}
	for _, x := range after.Preferences {
		if !slices.Contains(before.Preferences, x) {
			field := "preferences"
			if x.Dislike {
				field = "dislikes"
			}
			out = append(out, Change{Field: field, New: strings.TrimSpace(x.Value)})
		}
	}
	for _, x := range after.MadeToOrder {
		if !slices.Contains(before.MadeToOrder, x) {
			out = append(out, Change{Field: "made_to_order", New: x.Item})
		}
	}
	for _, x := range after.Measurements {
		if !slices.Contains(before.Measurements, x) {
			out = append(out, Change{Field: "measurements", New: strings.TrimSpace(x.Name + " " + x.Value + " " + x.Unit)})
		}
	}
	for _, x := range after.Cards {
		if !slices.ContainsFunc(before.Cards, func(c profile.Card) bool { return profile.NormalizeCard(c.Number) == profile.NormalizeCard(x.Number) }) {
			out = append(out, Change{Field: "cards", New: strings.TrimSpace(x.Program + " " + x.Number)})
		}
	}
	for _, x := range after.Gifts[min(len(before.Gifts), len(after.Gifts)):] {
		out = append(out, Change{Field: "gifts", New: x.What})
	}
	for _, d := range after.Dates {
		field := "date:" + string(d.Kind)
		if d.Label != "" {
			field += ":" + d.Label
		}
		i := slices.IndexFunc(before.Dates, func(x profile.ImportantDate) bool { return dateKey(x) == dateKey(d) })
		switch {
		case i < 0:
			out = append(out, Change{Field: field, New: DateText(d)})
		case before.Dates[i] != d:
			out = append(out, Change{Field: field, Old: dateDetail(before.Dates[i]), New: dateDetail(d)})
		}
	}
	for _, f := range []struct {
		name string
		b, a bool
	}{{"child", before.Special.Child, after.Special.Child}, {"elderly", before.Special.Elderly, after.Special.Elderly},
		{"pregnant", before.Special.Pregnant, after.Special.Pregnant}, {"disability", before.Special.Disability, after.Special.Disability},
		{"health", before.Special.Health, after.Special.Health}} {
		if f.a != f.b {
			out = append(out, Change{Field: "special:" + f.name, Old: strconv.FormatBool(f.b), New: strconv.FormatBool(f.a)})
		}
	}
	str("special_note", before.Special.Note, after.Special.Note)
	str("tier", before.Tier, after.Tier)
	str("referred_by", before.ReferredBy, after.ReferredBy)
	list("tags", before.Tags, after.Tags)
	if !before.Created.Equal(after.Created) {
		out = append(out, Change{Field: "created", Old: before.Created.Format("2006-01-02"), New: after.Created.Format("2006-01-02")})
	}
	for _, o := range after.Owners {
		if !slices.ContainsFunc(before.Owners, func(x profile.Ownership) bool {
			return x.Associate == o.Associate && x.Store == o.Store && x.From.Equal(o.From) && x.To.Equal(o.To)
		}) {
			out = append(out, Change{Field: "owners", New: o.Associate})
		}
	}
	return out
}

func phoneText(p profile.Phone) string {
	if p.Label == "" {
		return p.Number
	}
	return p.Number + " (" + p.Label + ")"
}

func memberText(m profile.Member) string {
	s := m.Name
	if m.Relation != "" {
		s += " (" + m.Relation + ")"
	}
	if !m.Birthday.IsZero() {
		s += " " + m.Birthday.String()
	}
	return s
}

func consentText(c profile.Consent) string {
	s := strconv.FormatBool(c.DoNotContact)
	if c.How != "" {
		s += ", " + c.How
	}
	return s
}

// dateDetail writes a date with its lead time when it has one.
func dateDetail(d profile.ImportantDate) string {
	if d.LeadDays == 0 {
		return DateText(d)
	}
	return DateText(d) + " (" + strconv.Itoa(d.LeadDays) + "d)"
}

// NewTexts returns the texts of in that neither have nor an earlier text
// of in holds, compared with the line breaks and the space around them
// ignored: the notes of an incoming client that the book's client lacks,
// so that a note arrives once however often it is imported.
func NewTexts(have, in []string) []string {
	seen := make(map[string]bool, len(have)+len(in))
	for _, t := range have {
		seen[textKey(t)] = true
	}
	var out []string
	for _, t := range in {
		k := textKey(t)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}

func textKey(t string) string {
	return strings.TrimSpace(strings.ReplaceAll(t, "\r\n", "\n"))
}

// Clone returns a copy of p whose lists Profiles may change without
// touching p's.
func Clone(p *profile.Profile) *profile.Profile {
	c := *p
	c.Phones = slices.Clone(p.Phones)
	c.Hobbies = slices.Clone(p.Hobbies)
	c.Household = slices.Clone(p.Household)
	c.Dislikes = slices.Clone(p.Dislikes)
	c.GiftPrefs = slices.Clone(p.GiftPrefs)
	c.Sizes = slices.Clone(p.Sizes)
	c.Preferences = slices.Clone(p.Preferences)
	c.MadeToOrder = slices.Clone(p.MadeToOrder)
	c.Dates = slices.Clone(p.Dates)
	c.Measurements = slices.Clone(p.Measurements)
	c.Cards = slices.Clone(p.Cards)
	c.Gifts = slices.Clone(p.Gifts)
	c.Tags = slices.Clone(p.Tags)
	c.Owners = slices.Clone(p.Owners)
	c.History = slices.Clone(p.History)
	if p.HandedOver != nil {
		h := *p.HandedOver
		c.HandedOver = &h
	}
	return &c
}
