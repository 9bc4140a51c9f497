package tui

import (
	"errors"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/vipbook/vipbook/dateinput"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tui/typing"
)

// The profile's entries (a size, a like, a dislike, a family member) are
// added, changed and removed in place: + picks what to add with one key,
// e on an entry changes it in a form, delete removes it. Every write is
// one book.UpdateClient of the client.

// entrySec is a section of the profile's entries.
type entrySec int

const (
	secSize entrySec = iota + 1
	secLike
	secDislike
	secFamily
)

// entryRef is an entry of the profile: its section and its place there.
type entryRef struct {
	sec entrySec
	i   int
}

// The forms of the entries.
const (
	formSize    formKind = "size"
	formLike    formKind = "like"
	formDislike formKind = "dislike"
	formFamily  formKind = "family"
)

// entryForms maps a section to its form.
var entryForms = map[entrySec]formKind{secSize: formSize, secLike: formLike, secDislike: formDislike, secFamily: formFamily}

// isEntryForm reports whether kind is the form of a profile entry.
func isEntryForm(kind formKind) bool {
	for _, k := range entryForms {
		if k == kind {
			return true
		}
	}
	return false
}

// fillEntry puts entry e of p into the form's answers, to change it.
func fillEntry(v *typing.Values, p *profile.Profile, e entryRef) {
	switch {
	case e.sec == secSize && e.i < len(p.Sizes):
		z := p.Sizes[e.i]
		*v.Str("category"), *v.Str("system"), *v.Str("value"), *v.Str("fit") = z.Category, z.System, z.Value, z.Note
		if !z.Taken.IsZero() {
			*v.Str("taken") = z.Taken.String()
		}
	case e.sec == secLike && e.i < len(p.Preferences):
		pr := p.Preferences[e.i]
		*v.Str("value"), *v.Str("pref"), *v.Str("note") = pr.Value, string(pr.Kind), pr.Note
	case e.sec == secDislike && e.i < len(p.Dislikes):
		*v.Str("value") = p.Dislikes[e.i]
	case e.sec == secFamily && e.i < len(p.Household):
		m := p.Household[e.i]
		*v.Str("name"), *v.Str("relation") = m.Name, m.Relation
		if lunar, ok := memberLunar(p, m.Name); ok {
			*v.Str("birthday"), *v.Flag("lunar") = lunar.When.String(), true
		} else if m.Birthday.Valid() {
			*v.Str("birthday") = m.Birthday.String()
		}
	}
}

// memberLunar finds the lunar birthday kept for a family member (a
// member's own birthday field is Gregorian only).
func memberLunar(p *profile.Profile, name string) (profile.ImportantDate, bool) {
	for _, d := range p.Dates {
		if d.Kind == profile.DateFamilyBirthday && d.Lunar && d.Label == name {
			return d, true
		}
	}
	return profile.ImportantDate{}, false
}

// entryFields are the fields of an entry's form.
func (f *formScreen) entryFields(v *typing.Values, input func(k string, title i18n.Key, validate func(string) error) *huh.Input) []huh.Field {
	c := f.c
	switch f.kind {
	case formSize:
		if *v.Str("taken") == "" {
			*v.Str("taken") = c.today().String()
		}
		return []huh.Field{
			input("category", i18n.FieldSizeCategory, f.required(i18n.ErrEntryRequired)).Placeholder(c.t(i18n.FieldSizeCategoryHint)),
			input("value", i18n.FieldSizeValue, f.required(i18n.ErrEntryRequired)),
			input("system", i18n.FieldSizeSystem, nil).Placeholder("EU / US / UK / IT / JP / CN / cm"),
			input("fit", i18n.FieldSizeFit, nil),
			input("taken", i18n.FieldSizeTaken, f.checkTaken),
		}
	case formLike:
		if *v.Str("pref") == "" {
			*v.Str("pref") = string(profile.PrefStyle)
		}
		var kinds []huh.Option[string]
		for _, k := range profile.PrefKinds {
			kinds = append(kinds, huh.NewOption(c.cat.PrefKind(k), string(k)))
		}
		return []huh.Field{
			input("value", i18n.FieldLike, f.required(i18n.ErrEntryRequired)),
			huh.NewSelect[string]().Key("pref").Title(c.t(i18n.FieldLikeKind)).Options(kinds...).Value(v.Str("pref")).Height(len(kinds) + 2),
			input("note", i18n.FieldEntryNote, nil),
		}
	case formDislike:
		return []huh.Field{input("value", i18n.FieldDislike, f.required(i18n.ErrEntryRequired))}
	case formFamily:
		return []huh.Field{
			input("name", i18n.FieldName, f.required(i18n.ErrNameRequired)),
			input("relation", i18n.FieldRelation, nil).Placeholder(c.t(i18n.FieldRelationHint)),
			input("birthday", i18n.FieldBirthday, f.checkBirthday).Placeholder("MM-DD / 农历八月十五"),
			huh.NewConfirm().Key("lunar").Title(c.t(i18n.FieldLunar)).Value(v.Flag("lunar")).
				Affirmative(c.t(i18n.Yes)).Negative(c.t(i18n.No)),
		}
	}
	return nil
}

// checkTaken reads the day a size was taken (today, 2025-03-01, 上周五).
func (f *formScreen) checkTaken(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if _, err := dateinput.PastDay(s, f.c.today()); err != nil {
		return errors.New(f.c.cat.Error(err))
	}
	return nil
}

// entryChecks are the checks of an entry's form on submit.
func (f *formScreen) entryChecks() []func() error {
	v := f.Values
	req := func(k string, msg i18n.Key) func() error {
		return func() error { return f.required(msg)(v.Get(k)) }
	}
	switch f.kind {
	case formSize:
		return []func() error{req("category", i18n.ErrEntryRequired), req("value", i18n.ErrEntryRequired),
			func() error { return f.checkTaken(v.Get("taken")) }}
	case formLike, formDislike:
		return []func() error{req("value", i18n.ErrEntryRequired)}
	case formFamily:
		return []func() error{req("name", i18n.ErrNameRequired), func() error { return f.checkBirthday(v.Get("birthday")) }}
	}
	return nil
}

// entryTitle is the title of an entry's form.
func (f *formScreen) entryTitle() string {
	k := map[formKind]i18n.Key{formSize: i18n.FormSizeTitle, formLike: i18n.FormLikeTitle,
		formDislike: i18n.FormDislikeTitle, formFamily: i18n.FormFamilyTitle}[f.kind]
	return f.c.t(k, f.ref.clientName)
}

// submitEntry writes the entry: a new one added, a changed one in its
// place (f.entry), in one UpdateClient.
func (f *formScreen) submitEntry() tea.Cmd {
	c, v, at := f.c, f.Values, f.entry
	today := c.today()
	var edit func(p *profile.Profile) error
	switch f.kind {
	case formSize:
		taken := today
		if s := v.Get("taken"); s != "" {
			taken, _ = dateinput.PastDay(s, today)
		}
		z := profile.Size{Category: v.Get("category"), System: v.Get("system"), Value: v.Get("value"), Note: v.Get("fit"), Taken: taken}
		edit = func(p *profile.Profile) error { p.Sizes = putAt(p.Sizes, at, z); return nil }
	case formLike:
		pr := profile.Preference{Kind: profile.PrefKind(v.Get("pref")), Value: v.Get("value"), Note: v.Get("note"), Added: today}
		edit = func(p *profile.Profile) error { p.Preferences = putAt(p.Preferences, at, pr); return nil }
	case formDislike:
		d := v.Get("value")
		edit = func(p *profile.Profile) error { p.Dislikes = putAt(p.Dislikes, at, d); return nil }
	case formFamily:
		m := profile.Member{Name: v.Get("name"), Relation: v.Get("relation")}
		var lunar *profile.ImportantDate
		if s := v.Get("birthday"); s != "" {
			r, _ := dateinput.Anniversary(s, *v.Flag("lunar"))
			if r.Lunar {
				lunar = &profile.ImportantDate{Kind: profile.DateFamilyBirthday, Label: m.Name, When: r.When, Lunar: true, LeapMonth: r.Leap}
			} else {
				m.Birthday = r.When
			}
		}
		old := ""
		if f.before != nil && at >= 0 && at < len(f.before.Household) {
			old = f.before.Household[at].Name
		}
		edit = func(p *profile.Profile) error {
			p.Household = putAt(p.Household, at, m)
			// The lunar birthday lives in the dates, labelled with the name.
			p.Dates = slices.DeleteFunc(p.Dates, func(d profile.ImportantDate) bool {
				return d.Kind == profile.DateFamilyBirthday && d.Lunar && (d.Label == old || d.Label == m.Name)
			})
			if lunar != nil {
				p.Dates = append(p.Dates, *lunar)
			}
			return nil
		}
	}
	return updateClient(c, f.ref.clientID, func(p *profile.Profile) error {
		if err := edit(p); err != nil {
			return err
		}
		return p.Validate()
	}, f.Key())
}

// putAt replaces xs[i] with x, or appends x when i is not in xs.
func putAt[T any](xs []T, i int, x T) []T {
	if i >= 0 && i < len(xs) {
		xs[i] = x
		return xs
	}
	return append(xs, x)
}

// removeEntry removes entry e of client id (and a family member's lunar
// birthday with them).
func removeEntry(c *shared, id string, e entryRef, what string) tea.Cmd {
	cmd := updateClient(c, id, func(p *profile.Profile) error {
		switch e.sec {
		case secSize:
			if e.i < len(p.Sizes) {
				p.Sizes = slices.Delete(p.Sizes, e.i, e.i+1)
			}
		case secLike:
			if e.i < len(p.Preferences) {
				p.Preferences = slices.Delete(p.Preferences, e.i, e.i+1)
			}
		case secDislike:
			if e.i < len(p.Dislikes) {
				p.Dislikes = slices.Delete(p.Dislikes, e.i, e.i+1)
			}
		case secFamily:
			if e.i < len(p.Household) {
				name := p.Household[e.i].Name
				p.Household = slices.Delete(p.Household, e.i, e.i+1)
				p.Dates = slices.DeleteFunc(p.Dates, func(d profile.ImportantDate) bool {
					return d.Kind == profile.DateFamilyBirthday && d.Lunar && d.Label == name
				})
			}
		}
		return nil
	}, "")
	return func() tea.Msg {
		msg := cmd()
		if ch, ok := msg.(changedMsg); ok {
			ch.status = c.t(i18n.StatusEntryRemoved, what)
			return ch
		}
		return msg
	}
}
