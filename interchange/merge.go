package interchange

import (
	"fmt"
	"strings"
	"time"

	"github.com/vipbook/vipbook/profile"
)

// MergeOptions say how MergeProfile settles a field whose values differ.
type MergeOptions struct {
	// SrcNewer is true when the incoming profile is the newer: its value of
	// a field wins; otherwise the book's value stays.
	SrcNewer bool
	// Source names where the incoming profile came from, for the history:
	// "import contacts.vcf", "handover from Li Na".
	Source string
	// At stamps the history entries.
	At time.Time
	// CC is the book's calling code, to compare phone numbers.
	CC string
}

// MergeProfile merges src into dst and returns what changed in dst, in
// words for a report; nil when nothing did. Nothing is lost:
//
//   - lists (phones, tags, hobbies, dislikes, gift preferences, dates,
//     household, sizes, preferences, made-to-order) are united;
//   - a field set on one side only takes that value;
//   - a field whose values differ takes the newer value (SrcNewer), and the
//     other value goes to dst's history, marked as older when it is src's;
//   - special-person flags are united, and do-not-contact is never lifted:
//     a client who asked not to be contacted stays so whatever a file says.
//
// The identity and trail of dst (ID, Created, Updated, Owners, HandedOver)
// are left to the caller. Merging the same src twice changes nothing the
// second time.
func MergeProfile(dst, src *profile.Profile, o MergeOptions) []string {
	m := merger{dst: dst, o: o}
	for _, f := range scalarFields(dst, src) {
		m.scalar(f.name, f.dst, f.src)
	}
	for _, ph := range src.Phones {
		m.phone(ph)
	}
	m.dst.Tags = m.strings("tag", m.dst.Tags, src.Tags)
	m.dst.Hobbies = m.strings("hobby", m.dst.Hobbies, src.Hobbies)
	m.dst.Dislikes = m.strings("dislike", m.dst.Dislikes, src.Dislikes)
	m.dst.GiftPrefs = m.strings("gift preference", m.dst.GiftPrefs, src.GiftPrefs)
	for _, d := range src.Dates {
		m.date(d)
	}
	for _, h := range src.Household {
		m.member(h)
	}
	for _, s := range src.Sizes {
		if !containsFunc(dst.Sizes, func(e profile.Size) bool {
			return strings.EqualFold(e.Category, s.Category) && e.System == s.System && e.Value == s.Value
		}) {
			dst.Sizes = append(dst.Sizes, s)
			m.changed("+ size %s %s", s.Category, s.Value)
		}
	}
	for _, p := range src.Preferences {
		if !containsFunc(dst.Preferences, func(e profile.Preference) bool { return e.Kind == p.Kind && strings.EqualFold(e.Value, p.Value) }) {
			dst.Preferences = append(dst.Preferences, p)
			m.changed("+ %s %s", p.Kind, p.Value)
		}
	}
	for _, t := range src.MadeToOrder {
		if !containsFunc(dst.MadeToOrder, func(e profile.MadeToOrder) bool { return e.Item == t.Item && e.Spec == t.Spec }) {
			dst.MadeToOrder = append(dst.MadeToOrder, t)
			m.changed("+ made to order %s", t.Item)
		}
	}
	m.special(src.Special)
	if src.Consent.DoNotContact && !dst.Consent.DoNotContact {
		dst.Consent = src.Consent
		if dst.Consent.RecordedAt.IsZero() {
			dst.Consent.RecordedAt = o.At
		}
		if dst.Consent.How == "" {
			dst.Consent.How = o.Source
		}
		m.changed("do not contact")
	}
	for _, h := range src.History {
		m.history(h)
	}
	return m.changes
}

type merger struct {
	dst     *profile.Profile
	o       MergeOptions
	changes []string
}

func (m *merger) changed(format string, args ...any) {
	m.changes = append(m.changes, fmt.Sprintf(format, args...))
}

// history adds an entry unless the same change is already recorded; it
// reports whether it added one.
func (m *merger) history(h profile.FieldChange) bool {
	for _, e := range m.dst.History {
		if e.Field == h.Field && e.Old == h.Old && e.New == h.New {
			return false
		}
	}
	m.dst.History = append(m.dst.History, h)
	return true
}

type scalarField struct {
	name     string
	dst, src *string
}

// scalarFields lists the single-valued text fields of a profile, named as
// in its JSON.
func scalarFields(dst, src *profile.Profile) []scalarField {
	return []scalarField{
		{"name", &dst.Name, &src.Name},
		{"latin_name", &dst.LatinName, &src.LatinName},
		{"honorific", &dst.Honorific, &src.Honorific},
		{"gender", &dst.Gender, &src.Gender},
		{"email", &dst.Email, &src.Email},
		{"wechat", &dst.WeChat, &src.WeChat},
		{"channel", (*string)(&dst.Channel), (*string)(&src.Channel)},
		{"best_time", &dst.BestTime, &src.BestTime},
		{"city", &dst.City, &src.City},
		{"district", &dst.District, &src.District},
		{"country", &dst.Country, &src.Country},
		{"occupation", &dst.Occupation, &src.Occupation},
		{"why_brand", &dst.WhyBrand, &src.WhyBrand},
		{"motivator", &dst.Motivator, &src.Motivator},
		{"share_of_wallet", &dst.ShareOfWallet, &src.ShareOfWallet},
		{"tier", &dst.Tier, &src.Tier},
	}
}

func (m *merger) scalar(field string, dst, src *string) {
	s := strings.TrimSpace(*src)
	d := *dst
	switch {
	case s == "" || s == d || (field == "email" && strings.EqualFold(s, d)):
		return
	case d == "":
		*dst = s
		m.changed("+ %s %s", field, s)
	case m.o.SrcNewer:
		*dst = s
		m.history(profile.FieldChange{Field: field, Old: d, New: s, At: m.o.At, Source: m.o.Source})
		m.changed("%s %s -> %s", field, d, s)
	default:
		if m.history(profile.FieldChange{Field: field, Old: s, New: d, At: m.o.At, Source: m.o.Source + " (older; not applied)"}) {
			m.changed("kept %s %s (older %s in the history)", field, d, s)
		}
	}
}

func (m *merger) phone(ph profile.Phone) {
	n := profile.NormalizePhone(ph.Number, m.o.CC)
	for i, e := range m.dst.Phones {
		if profile.NormalizePhone(e.Number, m.o.CC) == n {
			if e.Label == "" && ph.Label != "" {
				m.dst.Phones[i].Label = ph.Label
				m.changed("phone %s labelled %s", e.Number, ph.Label)
			}
			return
		}
	}
	m.dst.Phones = append(m.dst.Phones, ph)
	m.changed("+ phone %s", ph.Number)
}

func (m *merger) strings(what string, dst, src []string) []string {
	for _, s := range src {
		if s = strings.TrimSpace(s); s == "" || containsFunc(dst, func(e string) bool { return strings.EqualFold(e, s) }) {
			continue
		}
		dst = append(dst, s)
		m.changed("+ %s %s", what, s)
	}
	return dst
}

func (m *merger) date(d profile.ImportantDate) {
	for i, e := range m.dst.Dates {
		if sameDate(e, d) {
			if e.When.Year == 0 && d.When.Year != 0 {
				m.dst.Dates[i].When.Year = d.When.Year
				m.changed("%s year %d", d.Kind, d.When.Year)
			}
			return
		}
	}
	// One birthday per client: a differing one is a field that differs.
	if d.Kind == profile.DateBirthday {
		for i, e := range m.dst.Dates {
			if e.Kind != profile.DateBirthday {
				continue
			}
			if m.o.SrcNewer {
				m.dst.Dates[i] = d
				m.history(profile.FieldChange{Field: "birthday", Old: e.WhenText(), New: d.WhenText(), At: m.o.At, Source: m.o.Source})
				m.changed("birthday %s -> %s", e.WhenText(), d.WhenText())
			} else if m.history(profile.FieldChange{Field: "birthday", Old: d.WhenText(), New: e.WhenText(), At: m.o.At, Source: m.o.Source + " (older; not applied)"}) {
				m.changed("kept birthday %s (older %s in the history)", e.WhenText(), d.WhenText())
			}
			return
		}
	}
	m.dst.Dates = append(m.dst.Dates, d)
	m.changed("+ %s %s", d.Kind, d.WhenText())
}

func (m *merger) member(h profile.Member) {
	for i, e := range m.dst.Household {
		if strings.EqualFold(e.Name, h.Name) {
			if e.Relation == "" && h.Relation != "" {
				m.dst.Household[i].Relation = h.Relation
				m.changed("%s is %s", h.Name, h.Relation)
			}
			if e.Birthday.IsZero() && !h.Birthday.IsZero() {
				m.dst.Household[i].Birthday = h.Birthday
				m.changed("+ birthday of %s", h.Name)
			}
			return
		}
	}
	m.dst.Household = append(m.dst.Household, h)
	m.changed("+ household %s", h.Name)
}

func (m *merger) special(s profile.Special) {
	d := &m.dst.Special
	for _, f := range []struct {
		name string
		dst  *bool
		src  bool
	}{{"child", &d.Child, s.Child}, {"elderly", &d.Elderly, s.Elderly}, {"pregnant", &d.Pregnant, s.Pregnant},
		{"disability", &d.Disability, s.Disability}, {"health", &d.Health, s.Health}} {
		if f.src && !*f.dst {
			*f.dst = true
			m.changed("+ special %s", f.name)
		}
	}
	m.scalar("special_note", &d.Note, &s.Note)
}

func containsFunc[T any](s []T, f func(T) bool) bool {
	for _, e := range s {
		if f(e) {
			return true
		}
	}
	return false
}
