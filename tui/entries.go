package tui

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/dateinput"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/store"
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
	secMeasure
	secDate
	secCard
	secGift
	// A note and a purchase of the history: del removes one logged by
	// mistake (they have no form: they are not edited).
	secNote
	secPurchase
	// A dislike entered with its category (a Preference with Dislike set;
	// secDislike is a dislike kept as text alone).
	secPrefDislike
)

// entryRef is an entry of the profile: its section and its place there
// (a note's or a purchase's id: record).
type entryRef struct {
	sec    entrySec
	i      int
	record string
}

// The forms of the entries.
const (
	formSize    formKind = "size"
	formLike    formKind = "like"
	formDislike formKind = "dislike"
	formFamily  formKind = "family"
	formMeasure formKind = "measure"
	formDate    formKind = "date"
	formCard    formKind = "card"
	formGift    formKind = "gift"
)

// entryForms maps a section to its form.
var entryForms = map[entrySec]formKind{secSize: formSize, secLike: formLike, secDislike: formDislike, secFamily: formFamily,
	secMeasure: formMeasure, secDate: formDate, secCard: formCard, secGift: formGift, secPrefDislike: formDislike}

// isEntryForm reports whether kind is the form of a profile entry.
func isEntryForm(kind formKind) bool {
	for _, k := range entryForms {
		if k == kind {
			return true
		}
	}
	return false
}

// recurringText writes a day that comes back every year into a form as
// the interface says it, a form dateinput reads back: 03-05, 1985-03-05;
// a lunar one 农历八月十五 (农历1985年闰四月初一) in Chinese, lunar 08-15
// (lunar leap 1985-04-01) in English.
func recurringText(cat *i18n.Catalog, r dateinput.Recurring) string {
	if r.Lunar && !cat.IsChinese() {
		return cat.When(profile.ImportantDate{When: r.When, Lunar: true, LeapMonth: r.Leap})
	}
	return r.String()
}

// fillEntry puts entry e of p into the form's answers, to change it; cat
// says a lunar day in its language.
func fillEntry(v *typing.Values, p *profile.Profile, e entryRef, cat *i18n.Catalog) {
	switch {
	case e.sec == secSize && e.i < len(p.Sizes):
		z := p.Sizes[e.i]
		*v.Str("category"), *v.Str("system"), *v.Str("value"), *v.Str("fit") = z.Category, z.System, z.Value, z.Note
		if !z.Taken.IsZero() {
			*v.Str("taken") = z.Taken.String()
		}
	case (e.sec == secLike || e.sec == secPrefDislike) && e.i < len(p.Preferences):
		pr := p.Preferences[e.i]
		*v.Str("value"), *v.Str("pref"), *v.Str("note") = pr.Value, string(pr.Kind), pr.Note
	case e.sec == secDislike && e.i < len(p.Dislikes):
		*v.Str("value"), *v.Str("pref") = p.Dislikes[e.i], string(profile.PrefOther)
	case e.sec == secFamily && e.i < len(p.Household):
		q := *p
		q.MigrateFamily() // a birthday kept the app's old way reads as the book's
		m := q.Household[e.i]
		*v.Str("name"), *v.Str("relation"), *v.Str("client") = m.Name, m.Relation, m.ClientID
		if r, err := profile.ParseRelation(m.Relation); err == nil {
			*v.Str("relation") = r // husband reads as spouse, the form's choice
		}
		if m.Birthday.Valid() {
			*v.Str("birthday"), *v.Flag("lunar") = recurringText(cat, dateinput.Recurring{When: m.Birthday, Lunar: m.Lunar, Leap: m.LeapMonth}), m.Lunar
		}
	case e.sec == secMeasure && e.i < len(p.Measurements):
		m := p.Measurements[e.i]
		*v.Str("name"), *v.Str("value"), *v.Str("unit") = m.Name, m.Value, m.Unit
		if !m.Taken.IsZero() {
			*v.Str("taken") = m.Taken.String()
		}
	case e.sec == secDate && e.i < len(p.Dates):
		d := p.Dates[e.i]
		*v.Str("kind"), *v.Str("label"), *v.Str("for") = string(d.Kind), d.Label, d.For
		*v.Str("when"), *v.Flag("lunar") = recurringText(cat, dateinput.Recurring{When: d.When, Lunar: d.Lunar, Leap: d.LeapMonth}), d.Lunar
		if d.LeadDays > 0 {
			*v.Str("lead") = strconv.Itoa(d.LeadDays)
		}
	case e.sec == secCard && e.i < len(p.Cards):
		cd := p.Cards[e.i]
		*v.Str("program"), *v.Str("number"), *v.Str("level") = cd.Program, cd.Number, cd.Level
		if cd.Points != 0 {
			*v.Str("points") = strconv.Itoa(cd.Points)
		}
		if !cd.Expires.IsZero() {
			*v.Str("expires") = cd.Expires.String()
		}
	case e.sec == secGift && e.i < len(p.Gifts):
		g := p.Gifts[e.i]
		*v.Str("what"), *v.Str("date"), *v.Str("for") = g.What, g.Date.String(), g.ForDate
	}
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
			input("value", i18n.FieldSizeValue, f.checkSize("value")),
			input("system", i18n.FieldSizeSystem, f.checkSize("system")).Placeholder("EU / US / UK / IT / JP / CN / cm"),
			input("fit", i18n.FieldSizeFit, nil),
			input("taken", i18n.FieldSizeTaken, f.checkTaken),
		}
	case formLike, formDislike:
		// The categories a like or a dislike is entered with (vipbook
		// like --category), and the older one an entry has.
		if *v.Str("pref") == "" {
			*v.Str("pref") = string(profile.PrefStyle)
			if f.kind == formDislike {
				*v.Str("pref") = string(profile.PrefOther)
			}
		}
		var kinds []huh.Option[string]
		seen := false
		for _, name := range profile.LikeCategories {
			k, _ := profile.ParsePrefKind(name)
			seen = seen || string(k) == *v.Str("pref")
			kinds = append(kinds, huh.NewOption(c.cat.PrefKind(k), string(k)))
		}
		if !seen {
			kinds = append(kinds, huh.NewOption(c.cat.PrefKind(profile.PrefKind(*v.Str("pref"))), *v.Str("pref")))
		}
		what := i18n.FieldLike
		if f.kind == formDislike {
			what = i18n.FieldDislike
		}
		return []huh.Field{
			input("value", what, f.required(i18n.ErrEntryRequired)),
			huh.NewSelect[string]().Key("pref").Title(c.t(i18n.FieldLikeKind)).Options(kinds...).Value(v.Str("pref")).Height(len(kinds) + 2),
			input("note", i18n.FieldEntryNote, nil),
		}
	case formFamily:
		// The relations a member is entered with (vipbook family add
		// --relation), and one written otherwise before.
		if *v.Str("relation") == "" {
			*v.Str("relation") = "spouse"
		}
		var rels []huh.Option[string]
		for _, r := range profile.Relations {
			rels = append(rels, huh.NewOption(c.cat.Relation(r), r))
		}
		if !slices.Contains(profile.Relations, *v.Str("relation")) {
			rels = append(rels, huh.NewOption(c.cat.Relation(*v.Str("relation")), *v.Str("relation")))
		}
		return []huh.Field{
			input("name", i18n.FieldName, f.required(i18n.ErrMemberNameRequired)),
			huh.NewSelect[string]().Key("relation").Title(c.t(i18n.FieldRelation)).Options(rels...).Value(v.Str("relation")).Height(len(rels) + 2),
			input("birthday", i18n.FieldBirthday, f.checkBirthday).Placeholder(c.t(i18n.FieldFamilyDayHint)),
			huh.NewConfirm().Key("lunar").Title(c.t(i18n.FieldLunar)).Value(v.Flag("lunar")).
				Affirmative(c.t(i18n.Yes)).Negative(c.t(i18n.No)),
			input("client", i18n.FieldFamilyClient, nil),
		}
	case formMeasure:
		if *v.Str("taken") == "" {
			*v.Str("taken") = c.today().String()
		}
		return []huh.Field{
			input("name", i18n.FieldMeasureName, f.required(i18n.ErrEntryRequired)),
			input("value", i18n.FieldMeasureValue, f.checkMeasure("value")),
			input("unit", i18n.FieldMeasureUnit, f.checkMeasure("unit")).Placeholder("cm / in / mm"),
			input("taken", i18n.FieldSizeTaken, f.checkTaken),
		}
	case formDate:
		if *v.Str("kind") == "" {
			*v.Str("kind") = string(profile.DateBirthday)
		}
		var kinds []huh.Option[string]
		for _, k := range profile.DateKinds {
			kinds = append(kinds, huh.NewOption(c.cat.DateKind(k), string(k)))
		}
		lead := input("lead", i18n.FieldDateLead, f.checkLead)
		lead.Title(c.t(i18n.FieldDateLead, c.cfg.Rhythm.DateLeadDays))
		return []huh.Field{
			huh.NewSelect[string]().Key("kind").Title(c.t(i18n.FieldDateKind)).Options(kinds...).Value(v.Str("kind")).Height(len(kinds) + 2),
			input("when", i18n.FieldDateWhen, f.checkWhen).Placeholder(c.t(i18n.FieldDayHint)),
			huh.NewConfirm().Key("lunar").Title(c.t(i18n.FieldDateLunar)).Value(v.Flag("lunar")).
				Affirmative(c.t(i18n.Yes)).Negative(c.t(i18n.No)),
			input("label", i18n.FieldDateLabel, nil),
			input("for", i18n.FieldDateFor, nil),
			lead,
		}
	case formCard:
		return []huh.Field{
			input("program", i18n.FieldCardProgram, f.required(i18n.ErrEntryRequired)),
			input("number", i18n.FieldCardNumber, f.checkCardNumber),
			input("level", i18n.FieldCardLevel, nil),
			input("points", i18n.FieldCardPoints, f.checkPoints),
			input("expires", i18n.FieldCardExpires, f.checkExpires).Placeholder(c.t(i18n.FieldCardExpiresHint)),
		}
	case formGift:
		if *v.Str("date") == "" {
			*v.Str("date") = c.today().String()
		}
		opts := []huh.Option[string]{huh.NewOption(c.t(i18n.GiftForNone), "")}
		if f.before != nil {
			for _, d := range f.before.Dates {
				opts = append(opts, huh.NewOption(termsafe.Line(dateName(c.cat, d)+"  "+c.cat.When(d)), d.ID))
			}
		}
		return []huh.Field{
			input("what", i18n.FieldGiftWhat, f.required(i18n.ErrEntryRequired)),
			input("date", i18n.FieldGiftDate, f.checkTaken),
			huh.NewSelect[string]().Key("for").Title(c.t(i18n.FieldGiftFor)).Options(opts...).Value(v.Str("for")).Height(min(len(opts), 6) + 2),
		}
	}
	return nil
}

// dateName names an important date where its day is shown beside it
// (cat.When says "lunar 08-15" / 农历八月十五 itself): its label or kind,
// and whose it is ("张伟's birthday"), without DateLabel's lunar mark.
func dateName(cat *i18n.Catalog, d profile.ImportantDate) string {
	return cat.DateWhose(d.Kind, d.Label, d.For)
}

// checkWhen reads an important date's day (03-05, 1985-03-05, 农历八月十五),
// which is needed.
func (f *formScreen) checkWhen(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New(f.c.t(i18n.ErrDateRequired))
	}
	return f.checkBirthday(s)
}

// checkLead reads a date's lead days: empty (the settings'), or 0 to 365.
func (f *formScreen) checkLead(s string) error {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	if n, err := strconv.Atoi(s); err != nil || n < 0 || n > 365 {
		return errors.New(f.c.t(i18n.ErrLeadBad, s, f.c.cfg.Rhythm.DateLeadDays))
	}
	return nil
}

// checkCardNumber needs a card number with a letter or digit in it.
func (f *formScreen) checkCardNumber(s string) error {
	switch {
	case strings.TrimSpace(s) == "":
		return errors.New(f.c.t(i18n.ErrEntryRequired))
	case profile.NormalizeCard(s) == "":
		return errors.New(f.c.t(i18n.ErrCardNumberBad, strings.TrimSpace(s)))
	}
	return nil
}

// checkPoints reads a card's points: empty, or a whole number.
func (f *formScreen) checkPoints(s string) error {
	if s = strings.TrimSpace(s); s == "" {
		return nil
	}
	if _, err := strconv.Atoi(strings.ReplaceAll(s, ",", "")); err != nil {
		return errors.New(f.c.t(i18n.ErrPointsBad, s))
	}
	return nil
}

// checkExpires reads the day a card expires: empty, or a day as
// dateinput reads it.
func (f *formScreen) checkExpires(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return f.checkDue(s)
}

// checkTaken reads the day a size or a measurement was taken or a gift
// given (today, 2025-03-01, 上周五): today or before, as the newest size
// is the one taken last.
func (f *formScreen) checkTaken(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	d, err := dateinput.PastDay(s, f.c.today())
	if err != nil {
		return errors.New(f.c.cat.Error(err))
	}
	if d.After(f.c.today()) {
		return errors.New(f.c.t(i18n.ErrTakenFuture, strings.TrimSpace(s)))
	}
	return nil
}

// checkSize checks the size form's field k (value or system) as the book
// does (book.CheckSize), so that the form says what vipbook size says; a
// value is needed. What the entry changed held is taken as it is.
func (f *formScreen) checkSize(k string) func(string) error {
	return func(s string) error {
		if k == "value" && strings.TrimSpace(s) == "" {
			return errors.New(f.c.t(i18n.ErrEntryRequired))
		}
		if f.before != nil && f.entry >= 0 && f.entry < len(f.before.Sizes) {
			if was := f.before.Sizes[f.entry]; s == map[string]string{"value": was.Value, "system": was.System}[k] {
				return nil
			}
		}
		z := profile.Size{Value: s}
		if k == "system" {
			z = profile.Size{System: s}
		}
		if _, err := book.CheckSize(z); err != nil {
			return errors.New(friendly(f.c.cat, err).Error())
		}
		return nil
	}
}

// measureKept reports whether what the measurement form's field k holds
// is what the entry changed held (taken as it is).
func (f *formScreen) measureKept(k, s string) bool {
	if f.before == nil || f.entry < 0 || f.entry >= len(f.before.Measurements) {
		return false
	}
	was := f.before.Measurements[f.entry]
	return s == map[string]string{"value": was.Value, "unit": was.Unit}[k]
}

// checkMeasure checks the measurement form's field k (value or unit) as
// the book does (book.CheckMeasurement), so that the form says what
// vipbook measure says; a value is needed.
func (f *formScreen) checkMeasure(k string) func(string) error {
	return func(s string) error {
		if k == "value" && strings.TrimSpace(s) == "" {
			return errors.New(f.c.t(i18n.ErrEntryRequired))
		}
		if f.measureKept(k, s) {
			return nil
		}
		m := profile.Measurement{Value: s}
		if k == "unit" {
			m = profile.Measurement{Unit: s}
		}
		if _, err := book.CheckMeasurement(m); err != nil {
			return errors.New(friendly(f.c.cat, err).Error())
		}
		return nil
	}
}

// checkMeasureUnits checks, on submit, that a unit typed with the value
// (82cm) is the unit given, when one is.
func (f *formScreen) checkMeasureUnits() error {
	v := f.Values
	if f.measureKept("value", v.Get("value")) && f.measureKept("unit", v.Get("unit")) {
		return nil
	}
	if _, err := book.CheckMeasurement(profile.Measurement{Value: v.Get("value"), Unit: v.Get("unit")}); err != nil {
		return errors.New(friendly(f.c.cat, err).Error())
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
		return []func() error{req("category", i18n.ErrEntryRequired), func() error { return f.checkSize("value")(v.Get("value")) },
			func() error { return f.checkSize("system")(v.Get("system")) }, func() error { return f.checkTaken(v.Get("taken")) }}
	case formLike, formDislike:
		return []func() error{req("value", i18n.ErrEntryRequired)}
	case formFamily:
		return []func() error{req("name", i18n.ErrMemberNameRequired), func() error { return f.checkBirthday(v.Get("birthday")) }}
	case formMeasure:
		return []func() error{req("name", i18n.ErrEntryRequired), func() error { return f.checkMeasure("value")(v.Get("value")) },
			func() error { return f.checkMeasure("unit")(v.Get("unit")) }, f.checkMeasureUnits,
			func() error { return f.checkTaken(v.Get("taken")) }}
	case formDate:
		return []func() error{func() error { return f.checkWhen(v.Get("when")) }, func() error { return f.checkLead(v.Get("lead")) }}
	case formCard:
		return []func() error{req("program", i18n.ErrEntryRequired), func() error { return f.checkCardNumber(v.Get("number")) },
			func() error { return f.checkPoints(v.Get("points")) }, func() error { return f.checkExpires(v.Get("expires")) }}
	case formGift:
		return []func() error{req("what", i18n.ErrEntryRequired), func() error { return f.checkTaken(v.Get("date")) }}
	}
	return nil
}

// entryTitle is the title of an entry's form: adding one ("Add a size
// for 王小明") or changing one ("Change the size of 王小明").
func (f *formScreen) entryTitle() string {
	k := map[formKind][2]i18n.Key{formSize: {i18n.FormSizeTitle, i18n.FormSizeChangeTitle},
		formLike: {i18n.FormLikeTitle, i18n.FormLikeChangeTitle}, formDislike: {i18n.FormDislikeTitle, i18n.FormDislikeChangeTitle},
		formFamily: {i18n.FormFamilyTitle, i18n.FormFamilyChangeTitle}, formMeasure: {i18n.FormMeasureTitle, i18n.FormMeasureChangeTitle},
		formDate: {i18n.FormDateTitle, i18n.FormDateChangeTitle}, formCard: {i18n.FormCardTitle, i18n.FormCardChangeTitle},
		formGift: {i18n.FormGiftTitle, i18n.FormGiftChangeTitle}}[f.kind]
	add, change := k[0], k[1]
	if f.entry >= 0 {
		return f.c.t(change, f.ref.clientName)
	}
	return f.c.t(add, f.ref.clientName)
}

// submitEntry writes the entry: a new one added, a changed one in its
// place (f.entry), in one UpdateClient.
func (f *formScreen) submitEntry() tea.Cmd {
	c, v, at := f.c, f.Values, f.entry
	today := c.today()
	var edit func(p *profile.Profile) error
	switch f.kind {
	case formMeasure, formDate, formCard, formGift, formFamily:
		return f.submitBookEntry()
	case formSize:
		taken := today
		if s := v.Get("taken"); s != "" {
			taken, _ = dateinput.PastDay(s, today)
		}
		z := profile.Size{Category: v.Get("category"), System: v.Get("system"), Value: v.Get("value"), Note: v.Get("fit"), Taken: taken}
		if checked, err := book.CheckSize(z); err == nil {
			z = checked // as the book keeps it: eu is EU (a value the entry held, kept as it was)
		}
		edit = func(p *profile.Profile) error { p.Sizes = putAt(p.Sizes, at, z); return nil }
	case formLike, formDislike:
		pr := profile.Preference{Kind: profile.PrefKind(v.Get("pref")), Value: strings.TrimSpace(v.Get("value")),
			Note: strings.TrimSpace(v.Get("note")), Added: today, Dislike: f.kind == formDislike}
		sec := f.sec
		edit = func(p *profile.Profile) error { putPreference(p, sec, at, pr); return nil }
	}
	return updateClient(c, f.ref.clientID, func(p *profile.Profile) error {
		if err := edit(p); err != nil {
			return err
		}
		return p.Validate()
	}, f.Key(), f.despite)
}

// putPreference puts the like or dislike pr in the place of entry at of
// section sec (a new one at the end when at is none), as book.AddPreference
// adds one: the same thing (any case) liked or disliked elsewhere goes, so
// a thing liked and now disliked is a dislike only. A dislike kept as text
// alone (secDislike) changed becomes one with its category.
func putPreference(p *profile.Profile, sec entrySec, at int, pr profile.Preference) {
	if sec == secDislike && at >= 0 && at < len(p.Dislikes) {
		p.Dislikes = slices.Delete(p.Dislikes, at, at+1)
		at = -1
	}
	if at < 0 || at >= len(p.Preferences) || sec == secDislike {
		at = len(p.Preferences)
		p.Preferences = append(p.Preferences, pr)
	} else {
		if added := p.Preferences[at].Added; !added.IsZero() {
			pr.Added = added
		}
		p.Preferences[at] = pr
	}
	kept := p.Preferences[:0]
	for i, o := range p.Preferences {
		if i == at || !strings.EqualFold(o.Value, pr.Value) {
			kept = append(kept, o)
		}
	}
	p.Preferences = kept
	p.Dislikes = slices.DeleteFunc(p.Dislikes, func(o string) bool { return strings.EqualFold(o, pr.Value) })
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
func removeEntry(c *shared, id string, e entryRef, what string, p *profile.Profile) tea.Cmd {
	if e.sec == secNote || e.sec == secPurchase {
		return removeRecord(c, id, e, what)
	}
	cmd := updateClient(c, id, func(p *profile.Profile) error {
		switch e.sec {
		case secSize:
			if e.i < len(p.Sizes) {
				p.Sizes = slices.Delete(p.Sizes, e.i, e.i+1)
			}
		case secLike, secPrefDislike:
			if e.i < len(p.Preferences) {
				p.Preferences = slices.Delete(p.Preferences, e.i, e.i+1)
			}
		case secDislike:
			if e.i < len(p.Dislikes) {
				p.Dislikes = slices.Delete(p.Dislikes, e.i, e.i+1)
			}
		case secMeasure:
			if e.i < len(p.Measurements) {
				p.Measurements = slices.Delete(p.Measurements, e.i, e.i+1)
			}
		}
		return nil
	}, "", false)
	// A date, a card and a gift go by their ID or number, through the
	// book's method for them (a date's gifts stay, a gift's date counts
	// its last gift again).
	if p != nil {
		b := c.use
		var fn func() error
		switch {
		case e.sec == secDate && e.i < len(p.Dates):
			dateID := p.Dates[e.i].ID
			fn = func() error { _, err := b.RemoveDate(id, dateID); return err }
		case e.sec == secFamily && e.i < len(p.Household):
			name := p.Household[e.i].Name
			fn = func() error { _, err := b.RemoveFamily(id, name); return err }
		case e.sec == secCard && e.i < len(p.Cards):
			number := p.Cards[e.i].Number
			fn = func() error { _, err := b.RemoveCard(id, number); return err }
		case e.sec == secGift && e.i < len(p.Gifts):
			giftID := p.Gifts[e.i].ID
			fn = func() error { _, err := b.RemoveGift(id, giftID); return err }
		}
		if fn != nil {
			cmd = write(c, func(*book.Book) error { return fn() }, changedMsg{clientID: id})
		}
	}
	return func() tea.Msg {
		msg := cmd()
		if ch, ok := msg.(changedMsg); ok {
			ch.status = c.t(i18n.StatusEntryRemoved, what)
			return ch
		}
		return msg
	}
}

// removeRecord removes a note or a purchase of the history (logged by
// mistake) through the book: a purchase's open follow-ups go with it, and
// the status line counts them.
func removeRecord(c *shared, id string, e entryRef, what string) tea.Cmd {
	b, cat := c.use, c.cat
	return func() tea.Msg {
		var r book.Removed
		var err error
		if e.sec == secNote {
			_, r, err = b.DeleteNote(e.record)
		} else {
			_, r, err = b.DeletePurchase(e.record)
		}
		if err != nil && !errors.Is(err, store.ErrNotCompacted) {
			return errMsg{friendly(cat, err)}
		}
		status := cat.T(i18n.StatusEntryRemoved, what)
		if n := len(r.Cancelled); n > 0 {
			status += " " + cat.N(i18n.CliRemovedFollowUps, n, n)
		}
		if err != nil { // removed; the file is compacted later
			status += " " + cat.T(i18n.RemovedNotCompacted)
		}
		return changedMsg{clientID: id, status: status}
	}
}

// linkedClient finds the client of the book a family member is (typed:
// their id, phone, card number or name; "" for none): one other than the
// client id, or a user error saying what to type.
func linkedClient(b *book.Book, cat *i18n.Catalog, id, typed string) (string, error) {
	if typed == "" {
		return "", nil
	}
	var out string
	err := b.View(func(tx *store.Tx) error {
		q := typed
		if to, ok := tx.Alias(q); ok {
			q = to
		}
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		var hits []profile.Summary
		for _, s := range search.Resolve(q, sums, tx.Book().Meta().CountryCode) {
			if s.Status != profile.Archived {
				hits = append(hits, s)
			}
		}
		switch {
		case len(hits) == 0:
			return userErr(cat.T(i18n.ErrLinkNone, typed))
		case len(hits) > 1:
			return userErr(cat.T(i18n.ErrLinkSeveral, len(hits), typed))
		case hits[0].ID == id:
			return userErr(cat.T(i18n.ErrLinkSelf, typed))
		}
		out = hits[0].ID
		return nil
	})
	return out, err
}

// submitBookEntry writes a measurement, a date, a card or a gift through
// the book's method for it: added when new, changed in its place (by its
// ID or number as loaded) otherwise.
func (f *formScreen) submitBookEntry() tea.Cmd {
	c, v, at, id := f.c, f.Values, f.entry, f.ref.clientID
	today := c.today()
	var p profile.Profile
	if f.before != nil {
		p = *f.before
	}
	changed := changedMsg{clientID: id, status: c.t(i18n.StatusClientSaved, f.ref.clientName)}
	var fn func(b *book.Book) error
	switch f.kind {
	case formMeasure:
		taken, _ := parsePastDay(v.Get("taken"), today)
		m := profile.Measurement{Name: v.Get("name"), Value: v.Get("value"), Unit: v.Get("unit"), Taken: taken}
		if checked, err := book.CheckMeasurement(m); err == nil {
			m = checked // as the book keeps it: 98cm is 98 cm (a value the entry held, kept as it was)
		}
		fn = func(b *book.Book) error {
			if at < 0 || at >= len(p.Measurements) {
				_, err := b.AddMeasurement(id, m)
				return err
			}
			_, err := b.UpdateClient(id, func(q *profile.Profile) error { q.Measurements = putAt(q.Measurements, at, m); return nil })
			return err
		}
	case formDate:
		r, _ := dateinput.Anniversary(v.Get("when"), *v.Flag("lunar"))
		lead, _ := strconv.Atoi(strings.TrimSpace(v.Get("lead")))
		d := profile.ImportantDate{Kind: profile.DateKind(v.Get("kind")), When: r.When, Lunar: r.Lunar, LeapMonth: r.Leap,
			Label: strings.TrimSpace(v.Get("label")), For: strings.TrimSpace(v.Get("for")), LeadDays: lead}
		fn = func(b *book.Book) error {
			var err error
			if at < 0 || at >= len(p.Dates) {
				_, err = b.AddDate(id, d)
			} else {
				_, err = b.ChangeDate(id, p.Dates[at].ID, d)
			}
			return err
		}
	case formCard:
		points, _ := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(v.Get("points")), ",", ""))
		var expires civil.Date
		if s := v.Get("expires"); strings.TrimSpace(s) != "" {
			expires, _ = parseDay(s, today)
		}
		cd := profile.Card{Program: v.Get("program"), Number: v.Get("number"), Level: v.Get("level"), Points: points, Expires: expires}
		fn = func(b *book.Book) error {
			var err error
			if at < 0 || at >= len(p.Cards) {
				_, err = b.AddCard(id, cd)
			} else {
				_, err = b.ChangeCard(id, p.Cards[at].Number, cd)
			}
			return err
		}
	case formFamily:
		m := profile.Member{Name: v.Get("name"), Relation: v.Get("relation")}
		if s := v.Get("birthday"); s != "" {
			r, _ := dateinput.Anniversary(s, *v.Flag("lunar"))
			m.Birthday, m.Lunar, m.LeapMonth = r.When, r.Lunar, r.Leap
		}
		link := strings.TrimSpace(v.Get("client"))
		fn = func(b *book.Book) error {
			var err error
			if m.ClientID, err = linkedClient(b, c.cat, id, link); err != nil {
				return err
			}
			if at < 0 || at >= len(p.Household) {
				_, err = b.AddFamily(id, m)
			} else {
				_, err = b.ChangeFamily(id, p.Household[at].Name, m)
			}
			return err
		}
	case formGift:
		day, _ := parsePastDay(v.Get("date"), today)
		g := profile.Gift{What: v.Get("what"), Date: day, ForDate: v.Get("for")}
		fn = func(b *book.Book) error {
			if at >= 0 && at < len(p.Gifts) {
				_, err := b.ChangeGift(id, p.Gifts[at].ID, g)
				return err
			}
			_, ticked, err := b.LogGift(id, g)
			if len(ticked) > 0 {
				changed.status = c.t(i18n.StatusGiftTicked, f.ref.clientName)
			}
			return err
		}
	}
	b, cat := c.use, c.cat
	return func() tea.Msg {
		if err := fn(b); err != nil {
			return errMsg{friendly(cat, err)}
		}
		return changed
	}
}
