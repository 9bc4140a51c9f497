package tui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/dateinput"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/tui/typing"
	"github.com/vipbook/vipbook/visits"
)

// formKind is what a form records.
type formKind string

const (
	formAdd   formKind = "add"
	formEdit  formKind = "edit"
	formTask  formKind = "task"
	formBuy   formKind = "buy"
	formVisit formKind = "visit"
)

// formScreen is a form being filled in: its kind, the client it is for, the
// huh form and its answers.
type formScreen struct {
	*typing.Form
	c      *shared
	kind   formKind
	ref    itemRef
	before *profile.Profile // for edit: the profile as loaded
	entry  int              // for an entry's form: the place of the entry changed, -1 for a new one
	sec    entrySec         // for an entry's form: the section of the entry changed
	// despite saves the client even when it looks like one of the book
	// (the associate saw the likely duplicates and chose to go on).
	despite bool
}

// formFlags are the yes-or-no answers of the forms, for a draft's restore.
var formFlags = []string{"dnc", "lunar"}

// newForm builds a form of kind for the client ref (none for add), with
// answers v (nil for a fresh form).
func newForm(c *shared, kind formKind, ref itemRef, v *typing.Values, before *profile.Profile) *formScreen {
	return newFormAt(c, kind, ref, v, before, 0, -1)
}

// newFormAt is newForm for an entry of section sec of the profile: a new
// one (at < 0) or entry at, changed in place; the title says which.
func newFormAt(c *shared, kind formKind, ref itemRef, v *typing.Values, before *profile.Profile, sec entrySec, at int) *formScreen {
	fresh := v == nil
	if fresh {
		v = typing.NewValues()
	}
	f := &formScreen{c: c, kind: kind, ref: ref, before: before, entry: at, sec: sec}
	today := c.today()
	var fields []huh.Field
	input := func(k string, title i18n.Key, validate func(string) error) *huh.Input {
		in := huh.NewInput().Key(k).Title(c.t(title)).Value(v.Str(k)).CharLimit(200)
		if validate != nil {
			in = in.Validate(validate)
		}
		return in
	}
	switch kind {
	case formAdd, formEdit:
		if kind == formEdit && fresh && before != nil {
			fillProfile(v, before, c.country, c.cat)
		}
		fields = append(fields,
			input("name", i18n.FieldName, f.required(i18n.ErrNameRequired)),
			input("latin", i18n.FieldLatinName, nil),
			input("phone", i18n.FieldPhone, f.checkPhones),
			input("birthday", i18n.FieldBirthday, f.checkBirthday).Placeholder(c.t(i18n.FieldBirthdayHint)),
			huh.NewConfirm().Key("lunar").Title(c.t(i18n.FieldLunar)).Value(v.Flag("lunar")).
				Affirmative(c.t(i18n.Yes)).Negative(c.t(i18n.No)),
			input("city", i18n.FieldCity, nil),
			input("email", i18n.FieldEmail, nil),
		)
		if kind == formEdit {
			var chans []huh.Option[string]
			chans = append(chans, huh.NewOption(c.t(i18n.ChannelNone), ""))
			for _, ch := range profile.Channels {
				chans = append(chans, huh.NewOption(c.cat.Channel(ch), string(ch)))
			}
			fields = append(fields,
				input("honorific", i18n.FieldHonorific, nil),
				input("wechat", i18n.FieldWeChat, nil),
				huh.NewSelect[string]().Key("channel").Title(c.t(i18n.FieldChannel)).Options(chans...).Value(v.Str("channel")),
				input("best_time", i18n.FieldBestTime, nil),
				input("district", i18n.FieldDistrict, nil),
				input("occupation", i18n.FieldOccupation, nil),
				input("store", i18n.FieldStore, nil),
				input("counter", i18n.FieldCounter, nil),
				huh.NewConfirm().Key("dnc").Title(c.t(i18n.FieldDNC)).Value(v.Flag("dnc")).
					Affirmative(c.t(i18n.Yes)).Negative(c.t(i18n.No)),
			)
		}
		fields = append(fields,
			input("tier", i18n.FieldTier, nil),
			input("tags", i18n.FieldTags, nil),
		)
	case formTask:
		if fresh {
			*v.Str("due") = today.AddDays(1).String()
			*v.Str("kind") = string(tasks.CallBack)
		}
		var kinds []huh.Option[string]
		for _, k := range tasks.Kinds {
			kinds = append(kinds, huh.NewOption(c.cat.TaskKind(k), string(k)))
		}
		fields = append(fields,
			input("title", i18n.FieldTaskTitle, f.required(i18n.ErrTitleRequired)),
			input("due", i18n.FieldDue, f.checkDue),
			huh.NewSelect[string]().Key("kind").Title(c.t(i18n.FieldTaskKind)).Options(kinds...).Value(v.Str("kind")).Height(6),
		)
	case formBuy:
		if fresh {
			*v.Str("date") = today.String()
		}
		fields = append(fields,
			input("amount", i18n.FieldAmount, f.checkAmount),
			input("items", i18n.FieldItems, nil),
			input("date", i18n.FieldDate, f.checkPurchaseDate),
		)
	case formVisit:
		if fresh {
			*v.Str("at") = today.AddDays(1).String() + " 15:00"
		}
		fields = append(fields,
			input("at", i18n.FieldAt, f.checkStart),
			input("purpose", i18n.FieldPurpose, nil),
		)
	default:
		fields = f.entryFields(v, input)
	}
	km := huh.NewDefaultKeyMap()
	km.Quit = c.keys.FormQuit()
	f.Form = typing.NewForm(huh.NewGroup(fields...), v, typing.FormOptions{KeyMap: km, Width: formWidth(c.width),
		Key: typing.FormKey(string(kind), ref.clientID), ClientID: ref.clientID, Title: f.title()})
	return f
}

// formWidth is the width of a form in a terminal w cells wide.
func formWidth(w int) int { return min(max(40, w-4), 76) }

// formFailedMsg says the book refused a form's write.
type formFailedMsg struct {
	f   *formScreen
	err error
}

// fillProfile puts a profile's main fields into a form's answers; cat
// says a lunar birthday in its language.
func fillProfile(v *typing.Values, p *profile.Profile, cc string, cat *i18n.Catalog) {
	*v.Str("name") = p.Name
	*v.Str("latin") = p.LatinName
	var phones []string
	for _, ph := range p.Phones {
		phones = append(phones, profile.FormatPhone(ph.Number, cc))
	}
	*v.Str("phone") = strings.Join(phones, ", ")
	if bd, ok := p.Birthday(); ok {
		// Written as it reads back, a lunar one with its leap month:
		// 农历1985年闰四月初一, lunar leap 1985-04-01.
		*v.Str("birthday") = recurringText(cat, dateinput.Recurring{When: bd.When, Lunar: bd.Lunar, Leap: bd.LeapMonth})
		*v.Flag("lunar") = bd.Lunar
	}
	*v.Str("city") = p.City
	*v.Str("email") = p.Email
	*v.Str("honorific") = p.Honorific
	*v.Str("wechat") = p.WeChat
	*v.Str("channel") = string(p.Channel)
	*v.Str("best_time") = p.BestTime
	*v.Str("district") = p.District
	*v.Str("occupation") = p.Occupation
	*v.Str("store"), *v.Str("counter") = p.HomeStore, p.Counter
	*v.Flag("dnc") = p.Consent.DoNotContact
	*v.Str("tier") = p.Tier
	*v.Str("tags") = strings.Join(p.Tags, ", ")
}

// title is the line above the form.
func (f *formScreen) title() string {
	c := f.c
	switch f.kind {
	case formAdd:
		return c.t(i18n.FormAddTitle)
	case formEdit:
		return c.t(i18n.FormEditTitle, f.ref.clientName)
	case formTask:
		return c.t(i18n.FormTaskTitle, f.ref.clientName)
	case formBuy:
		return c.t(i18n.FormBuyTitle, f.ref.clientName)
	case formVisit:
		return c.t(i18n.FormVisitTitle, f.ref.clientName)
	}
	return f.entryTitle()
}

// The validators say what is wrong and what to write instead.

func (f *formScreen) required(msg i18n.Key) func(string) error {
	return func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(f.c.t(msg))
		}
		return nil
	}
}

func (f *formScreen) checkPhones(s string) error {
	nums := splitComma(s)
	if len(nums) == 0 {
		return errors.New(f.c.t(i18n.ErrPhoneRequired))
	}
	for _, n := range nums {
		if err := profile.CheckPhone(n); err != nil {
			return errors.New(f.c.t(i18n.ErrPhoneBad, n))
		}
		if _, err := profile.ReadPhone(n, f.c.country); err != nil {
			return errors.New(f.c.cat.Error(err))
		}
	}
	return nil
}

func (f *formScreen) checkBirthday(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	// 03-05, 1985-03-05, or a lunar date as people write it (农历八月十五,
	// 腊月廿三, 闰四月初一), which is lunar without the lunar switch.
	if _, err := dateinput.Anniversary(s, *f.Values.Flag("lunar")); err != nil {
		return errors.New(f.c.cat.Error(err))
	}
	return nil
}

func (f *formScreen) checkDue(s string) error {
	if _, err := parseDay(s, f.c.today()); err != nil {
		return errors.New(f.c.cat.Error(err))
	}
	return nil
}

func (f *formScreen) checkPurchaseDate(s string) error {
	d, err := parsePastDay(s, f.c.today())
	if err != nil {
		return errors.New(f.c.cat.Error(err))
	}
	if d.After(f.c.today()) {
		return errors.New(f.c.t(i18n.ErrPurchaseFuture))
	}
	return nil
}

func (f *formScreen) checkAmount(s string) error {
	m, err := profile.ParseAmount(s, f.c.currency)
	var amb *profile.AmbiguousAmountError
	if errors.As(err, &amb) {
		return errors.New(f.c.t(i18n.ErrAmountAmbiguous, s, amb.AsDot.String(), amb.AsThou.String(), amb.AsDot.Plain(), amb.AsThou.Plain()))
	}
	if err != nil || m <= 0 {
		return errors.New(f.c.t(i18n.ErrAmountBad, s))
	}
	return nil
}

func (f *formScreen) checkStart(s string) error {
	if _, err := parseStart(s, f.c.today(), f.c.loc()); err != nil {
		return errors.New(f.c.cat.Error(err))
	}
	return nil
}

// validateAll checks every answer (huh checks a field when it is left; a
// submit must not skip one).
func (f *formScreen) validateAll() error {
	v := f.Values
	var checks []func() error
	switch f.kind {
	case formAdd, formEdit:
		checks = append(checks,
			func() error { return f.required(i18n.ErrNameRequired)(v.Get("name")) },
			func() error { return f.checkPhones(v.Get("phone")) },
			func() error { return f.checkBirthday(v.Get("birthday")) })
	case formTask:
		checks = append(checks,
			func() error { return f.required(i18n.ErrTitleRequired)(v.Get("title")) },
			func() error { return f.checkDue(v.Get("due")) })
	case formBuy:
		checks = append(checks,
			func() error { return f.checkAmount(v.Get("amount")) },
			func() error { return f.checkPurchaseDate(v.Get("date")) })
	case formVisit:
		checks = append(checks, func() error { return f.checkStart(v.Get("at")) })
	default:
		checks = f.entryChecks()
	}
	for _, ch := range checks {
		if err := ch(); err != nil {
			return err
		}
	}
	return nil
}

// submit turns the answers into the write they ask for.
func (f *formScreen) submit() (tea.Cmd, error) {
	if err := f.validateAll(); err != nil {
		return nil, err
	}
	c, v := f.c, f.Values
	now := c.now()
	switch f.kind {
	case formAdd:
		p := &profile.Profile{}
		if err := applyProfile(p, v, nil, now, c.country, c.cat); err != nil {
			return nil, errors.New(c.t(i18n.ErrField, err.Error()))
		}
		for i := range p.Phones {
			p.Phones[i].Label = "mobile"
		}
		if err := p.Validate(); err != nil {
			return nil, err
		}
		return addClient(c, p, f.Key(), f.despite), nil
	case formEdit:
		before := f.before
		edit := func(p *profile.Profile) error {
			if err := applyProfile(p, v, before, now, c.country, c.cat); err != nil {
				return userErr(c.t(i18n.ErrField, err.Error()))
			}
			return p.Validate()
		}
		return updateClient(c, f.ref.clientID, edit, f.Key(), f.despite), nil
	case formTask:
		due, _ := parseDay(v.Get("due"), c.today())
		t := &tasks.Task{ClientID: f.ref.clientID, Title: v.Get("title"), Kind: tasks.Kind(v.Get("kind")), Due: due,
			Status: tasks.Open, Origin: "manual", Created: now, Assignee: c.associate}
		if err := t.Validate(); err != nil {
			return nil, err
		}
		return addTask(c, t, f.ref.clientName, f.Key()), nil
	case formBuy:
		amt, _ := profile.ParseAmount(v.Get("amount"), c.currency)
		day, _ := parsePastDay(v.Get("date"), c.today())
		p := &profile.Purchase{ClientID: f.ref.clientID, Date: day, Amount: amt, Items: v.Get("items"), Author: c.associate}
		return addPurchase(c, p, f.ref.clientName, f.Key()), nil
	case formVisit:
		start, _ := parseStart(v.Get("at"), c.today(), c.loc())
		a := &visits.Appointment{ClientID: f.ref.clientID, Start: start, Duration: visits.DefaultDuration,
			Purpose: v.Get("purpose"), Status: visits.Booked, Created: now}
		return addVisit(c, a, f.ref.clientName, f.Key()), nil
	}
	if isEntryForm(f.kind) {
		return f.submitEntry(), nil
	}
	return nil, nil
}

// applyProfile writes the form's answers into p through profile.Set, one
// field at a time, leaving untouched the fields whose answer did not change
// from before (nil for a new client).
func applyProfile(p *profile.Profile, v *typing.Values, before *profile.Profile, now time.Time, cc string, cat *i18n.Catalog) error {
	was := typing.NewValues()
	if before != nil {
		fillProfile(was, before, cc, cat)
	}
	set := func(field, key string) error {
		if before != nil && v.Get(key) == was.Get(key) {
			return nil
		}
		return profile.Set(p, field, v.Get(key), now)
	}
	for _, f := range [][2]string{{"name", "name"}, {"latin_name", "latin"}, {"phone", "phone"}, {"city", "city"},
		{"email", "email"}, {"tier", "tier"}, {"tags", "tags"}} {
		if err := set(f[0], f[1]); err != nil {
			return err
		}
	}
	if before != nil {
		for _, f := range [][2]string{{"honorific", "honorific"}, {"wechat", "wechat"}, {"channel", "channel"},
			{"best_time", "best_time"}, {"district", "district"}, {"occupation", "occupation"},
			{"home_store", "store"}, {"counter", "counter"}} {
			if err := set(f[0], f[1]); err != nil {
				return err
			}
		}
		if *v.Flag("dnc") != *was.Flag("dnc") {
			if err := profile.Set(p, "do_not_contact", strconv.FormatBool(*v.Flag("dnc")), now); err != nil {
				return err
			}
		}
	}
	if before == nil || v.Get("birthday") != was.Get("birthday") || *v.Flag("lunar") != *was.Flag("lunar") {
		field := "birthday"
		if *v.Flag("lunar") {
			field = "lunar_birthday"
		}
		if v.Get("birthday") != "" || before != nil {
			if err := profile.Set(p, field, v.Get("birthday"), now); err != nil {
				return err
			}
		}
	}
	return nil
}

// parseDay reads a day typed in a form or a prompt: nothing for today,
// else what dateinput.Day reads (2026-03-05, 03-05, +3, 3d, +2w, tomorrow,
// next friday, 明天, 下周五, 八月十五...), a day without a year being the
// next one.
func parseDay(s string, today civil.Date) (civil.Date, error) {
	if strings.TrimSpace(s) == "" {
		return today, nil
	}
	return dateinput.Day(s, today)
}

// parseStart reads when a visit starts: what dateinput.Moment reads
// (2026-11-25 15:00, 明天 15:00, next friday 3pm, 下周五下午3点) in loc.
func parseStart(s string, today civil.Date, loc *time.Location) (time.Time, error) {
	d, h, m, err := dateinput.Moment(s, today)
	if err != nil {
		return time.Time{}, err
	}
	return time.Date(d.Year, d.Month, d.Day, h, m, 0, 0, loc), nil
}

// parsePastDay reads the day of something that happened (a purchase):
// as parseDay, but a day without a year, or a weekday, is the latest one.
func parsePastDay(s string, today civil.Date) (civil.Date, error) {
	if strings.TrimSpace(s) == "" {
		return today, nil
	}
	return dateinput.PastDay(s, today)
}

func splitComma(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ';' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
