package tui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
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

// formValues are the answers of a form, bound to its fields, kept as text
// so that a draft can hold them.
type formValues struct {
	s map[string]*string
	b map[string]*bool
}

func newFormValues() *formValues {
	return &formValues{s: map[string]*string{}, b: map[string]*bool{}}
}

func (v *formValues) str(k string) *string {
	if p, ok := v.s[k]; ok {
		return p
	}
	p := new(string)
	v.s[k] = p
	return p
}

func (v *formValues) flag(k string) *bool {
	if p, ok := v.b[k]; ok {
		return p
	}
	p := new(bool)
	v.b[k] = p
	return p
}

func (v *formValues) get(k string) string { return strings.TrimSpace(*v.str(k)) }

// snapshot returns the answers as plain text.
func (v *formValues) snapshot() map[string]string {
	out := map[string]string{}
	for k, p := range v.s {
		out[k] = *p
	}
	for k, p := range v.b {
		out[k] = strconv.FormatBool(*p)
	}
	return out
}

// restore sets the answers from a snapshot (a draft).
func (v *formValues) restore(m map[string]string) {
	for k, s := range m {
		if b, err := strconv.ParseBool(s); err == nil && (k == "dnc" || k == "lunar") {
			*v.flag(k) = b
			continue
		}
		*v.str(k) = s
	}
}

// formScreen is a form being filled in: its kind, the client it is for, the
// huh form and its answers.
type formScreen struct {
	c        *shared
	kind     formKind
	ref      itemRef
	v        *formValues
	form     *huh.Form
	group    *huh.Group // the form's one group
	last     string     // the answers last kept as a draft
	draftKey string
	before   *profile.Profile // for edit: the profile as loaded
}

// newForm builds a form of kind for the client ref (none for add), with
// answers v (nil for a fresh form).
func newForm(c *shared, kind formKind, ref itemRef, v *formValues, before *profile.Profile) *formScreen {
	fresh := v == nil
	if fresh {
		v = newFormValues()
	}
	f := &formScreen{c: c, kind: kind, ref: ref, v: v, before: before,
		draftKey: draftForm + string(kind) + ":" + ref.clientID}
	today := c.today()
	var fields []huh.Field
	input := func(k string, title i18n.Key, validate func(string) error) *huh.Input {
		in := huh.NewInput().Key(k).Title(c.t(title)).Value(v.str(k)).CharLimit(200)
		if validate != nil {
			in = in.Validate(validate)
		}
		return in
	}
	switch kind {
	case formAdd, formEdit:
		if kind == formEdit && fresh && before != nil {
			fillProfile(v, before)
		}
		fields = append(fields,
			input("name", i18n.FieldName, f.required(i18n.ErrNameRequired)),
			input("latin", i18n.FieldLatinName, nil),
			input("phone", i18n.FieldPhone, f.checkPhones),
			input("birthday", i18n.FieldBirthday, f.checkBirthday).Placeholder("MM-DD / YYYY-MM-DD"),
			huh.NewConfirm().Key("lunar").Title(c.t(i18n.FieldLunar)).Value(v.flag("lunar")).
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
				huh.NewSelect[string]().Key("channel").Title(c.t(i18n.FieldChannel)).Options(chans...).Value(v.str("channel")),
				input("best_time", i18n.FieldBestTime, nil),
				input("district", i18n.FieldDistrict, nil),
				input("occupation", i18n.FieldOccupation, nil),
				huh.NewConfirm().Key("dnc").Title(c.t(i18n.FieldDNC)).Value(v.flag("dnc")).
					Affirmative(c.t(i18n.Yes)).Negative(c.t(i18n.No)),
			)
		}
		fields = append(fields,
			input("tier", i18n.FieldTier, nil),
			input("tags", i18n.FieldTags, nil),
		)
	case formTask:
		if fresh {
			*v.str("due") = today.AddDays(1).String()
			*v.str("kind") = string(tasks.CallBack)
		}
		var kinds []huh.Option[string]
		for _, k := range tasks.Kinds {
			kinds = append(kinds, huh.NewOption(c.cat.TaskKind(k), string(k)))
		}
		fields = append(fields,
			input("title", i18n.FieldTaskTitle, f.required(i18n.ErrTitleRequired)),
			input("due", i18n.FieldDue, f.checkDue),
			huh.NewSelect[string]().Key("kind").Title(c.t(i18n.FieldTaskKind)).Options(kinds...).Value(v.str("kind")).Height(6),
		)
	case formBuy:
		if fresh {
			*v.str("date") = today.String()
		}
		fields = append(fields,
			input("amount", i18n.FieldAmount, f.checkAmount),
			input("items", i18n.FieldItems, nil),
			input("date", i18n.FieldDate, f.checkPurchaseDate),
		)
	case formVisit:
		if fresh {
			*v.str("at") = today.AddDays(1).String() + " 15:00"
		}
		fields = append(fields,
			input("at", i18n.FieldAt, f.checkStart),
			input("purpose", i18n.FieldPurpose, nil),
		)
	}
	km := huh.NewDefaultKeyMap()
	km.Quit = c.keys.FormQuit()
	f.group = huh.NewGroup(fields...)
	f.form = huh.NewForm(f.group).
		WithKeyMap(km).
		WithShowHelp(false).
		WithShowErrors(false). // the status line says what is wrong

		WithTheme(huh.ThemeFunc(huh.ThemeCharm)).
		WithWidth(min(max(40, c.width-4), 76))
	f.form.SubmitCmd = func() tea.Msg { return formDoneMsg{} }
	f.form.CancelCmd = func() tea.Msg { return formCancelMsg{} }
	f.last = encodeSnapshot(v.snapshot())
	return f
}

// formDoneMsg and formCancelMsg say the form was submitted or dismissed;
// formFailedMsg that the book refused its write.
type (
	formDoneMsg   struct{}
	formCancelMsg struct{}
	formFailedMsg struct {
		f   *formScreen
		err error
	}
)

// fillProfile puts a profile's main fields into a form's answers.
func fillProfile(v *formValues, p *profile.Profile) {
	*v.str("name") = p.Name
	*v.str("latin") = p.LatinName
	var phones []string
	for _, ph := range p.Phones {
		phones = append(phones, ph.Number)
	}
	*v.str("phone") = strings.Join(phones, ", ")
	if bd, ok := p.Birthday(); ok {
		*v.str("birthday") = bd.When.String()
		*v.flag("lunar") = bd.Lunar
	}
	*v.str("city") = p.City
	*v.str("email") = p.Email
	*v.str("honorific") = p.Honorific
	*v.str("wechat") = p.WeChat
	*v.str("channel") = string(p.Channel)
	*v.str("best_time") = p.BestTime
	*v.str("district") = p.District
	*v.str("occupation") = p.Occupation
	*v.flag("dnc") = p.Consent.DoNotContact
	*v.str("tier") = p.Tier
	*v.str("tags") = strings.Join(p.Tags, ", ")
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
	return ""
}

// Init starts the form: its first line takes the keys. huh's Form.Init
// answers a tea.Sequence, whose message Bubble Tea keeps unexported, so the
// guard (guard.go) could not wrap the commands in it; Init is called for
// what it does to the form (it makes the group active) and its commands,
// the group's Init and a request for the window size, are asked again in a
// batch, which the guard sees into. The form has one group, never hidden,
// so nothing else is in the sequence.
func (f *formScreen) Init() tea.Cmd {
	_ = f.form.Init()
	return tea.Batch(f.group.Init(), tea.RequestWindowSize)
}

// Update passes a message to the form and keeps its answers as a draft
// when they changed; it returns whether the draft changed.
func (f *formScreen) Update(msg tea.Msg) (tea.Cmd, bool) {
	m, cmd := f.form.Update(msg)
	if ff, ok := m.(*huh.Form); ok {
		f.form = ff
	}
	snap := encodeSnapshot(f.v.snapshot())
	if snap == f.last {
		return cmd, false
	}
	f.last = snap
	f.c.drafts.Set(f.draft())
	return cmd, true
}

// draft is the form's answers as a draft.
func (f *formScreen) draft() store.Draft {
	return store.Draft{Key: f.draftKey, ClientID: f.ref.clientID, Text: f.title(), Fields: formFields(f.v.snapshot())}
}

// View draws the form.
func (f *formScreen) View() string {
	return f.form.View()
}

func encodeSnapshot(m map[string]string) string { return string(formFields(m)) }

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
	}
	return nil
}

func (f *formScreen) checkBirthday(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var err error
	if *f.v.flag("lunar") {
		_, _, err = profile.ParseLunarMonthDay(s)
	} else {
		_, err = civil.ParseMonthDay(s)
	}
	if err != nil {
		return errors.New(f.c.t(i18n.ErrBirthdayBad, s))
	}
	return nil
}

func (f *formScreen) checkDue(s string) error {
	if _, err := parseDay(s, f.c.today()); err != nil {
		return errors.New(f.c.t(i18n.ErrDateBad, s))
	}
	return nil
}

func (f *formScreen) checkPurchaseDate(s string) error {
	d, err := parseDay(s, f.c.today())
	if err != nil {
		return errors.New(f.c.t(i18n.ErrDateBad, s))
	}
	if d.After(f.c.today()) {
		return errors.New(f.c.t(i18n.ErrPurchaseFuture))
	}
	return nil
}

func (f *formScreen) checkAmount(s string) error {
	m, err := profile.ParseMoney(s)
	if err != nil || m <= 0 {
		return errors.New(f.c.t(i18n.ErrAmountBad, s))
	}
	return nil
}

func (f *formScreen) checkStart(s string) error {
	if _, err := visits.ParseStart(strings.TrimSpace(s), f.c.loc()); err != nil {
		return errors.New(f.c.t(i18n.ErrStartBad, s))
	}
	return nil
}

// validateAll checks every answer (huh checks a field when it is left; a
// submit must not skip one).
func (f *formScreen) validateAll() error {
	v := f.v
	var checks []func() error
	switch f.kind {
	case formAdd, formEdit:
		checks = append(checks,
			func() error { return f.required(i18n.ErrNameRequired)(v.get("name")) },
			func() error { return f.checkPhones(v.get("phone")) },
			func() error { return f.checkBirthday(v.get("birthday")) })
	case formTask:
		checks = append(checks,
			func() error { return f.required(i18n.ErrTitleRequired)(v.get("title")) },
			func() error { return f.checkDue(v.get("due")) })
	case formBuy:
		checks = append(checks,
			func() error { return f.checkAmount(v.get("amount")) },
			func() error { return f.checkPurchaseDate(v.get("date")) })
	case formVisit:
		checks = append(checks, func() error { return f.checkStart(v.get("at")) })
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
	c, v := f.c, f.v
	now := c.now()
	switch f.kind {
	case formAdd:
		p := &profile.Profile{}
		if err := applyProfile(p, v, nil, now); err != nil {
			return nil, errors.New(c.t(i18n.ErrField, err.Error()))
		}
		for i := range p.Phones {
			p.Phones[i].Label = "mobile"
		}
		if err := p.Validate(); err != nil {
			return nil, err
		}
		return addClient(c, p, f.draftKey), nil
	case formEdit:
		before := f.before
		edit := func(p *profile.Profile) error {
			if err := applyProfile(p, v, before, now); err != nil {
				return userErr(c.t(i18n.ErrField, err.Error()))
			}
			return p.Validate()
		}
		return updateClient(c, f.ref.clientID, edit, f.draftKey), nil
	case formTask:
		due, _ := parseDay(v.get("due"), c.today())
		t := &tasks.Task{ClientID: f.ref.clientID, Title: v.get("title"), Kind: tasks.Kind(v.get("kind")), Due: due,
			Status: tasks.Open, Origin: "manual", Created: now, Assignee: c.associate}
		if err := t.Validate(); err != nil {
			return nil, err
		}
		return addTask(c, t, f.ref.clientName, f.draftKey), nil
	case formBuy:
		amt, _ := profile.ParseMoney(v.get("amount"))
		day, _ := parseDay(v.get("date"), c.today())
		p := &profile.Purchase{ClientID: f.ref.clientID, Date: day, Amount: amt, Items: v.get("items"), Author: c.associate}
		return addPurchase(c, p, f.ref.clientName, f.draftKey), nil
	case formVisit:
		start, _ := visits.ParseStart(v.get("at"), c.loc())
		a := &visits.Appointment{ClientID: f.ref.clientID, Start: start, Duration: visits.DefaultDuration,
			Purpose: v.get("purpose"), Status: visits.Booked, Created: now}
		return addVisit(c, a, f.ref.clientName, f.draftKey), nil
	}
	return nil, nil
}

// applyProfile writes the form's answers into p through profile.Set, one
// field at a time, leaving untouched the fields whose answer did not change
// from before (nil for a new client).
func applyProfile(p *profile.Profile, v *formValues, before *profile.Profile, now time.Time) error {
	was := newFormValues()
	if before != nil {
		fillProfile(was, before)
	}
	set := func(field, key string) error {
		if before != nil && v.get(key) == was.get(key) {
			return nil
		}
		return profile.Set(p, field, v.get(key), now)
	}
	for _, f := range [][2]string{{"name", "name"}, {"latin_name", "latin"}, {"phone", "phone"}, {"city", "city"},
		{"email", "email"}, {"tier", "tier"}, {"tags", "tags"}} {
		if err := set(f[0], f[1]); err != nil {
			return err
		}
	}
	if before != nil {
		for _, f := range [][2]string{{"honorific", "honorific"}, {"wechat", "wechat"}, {"channel", "channel"},
			{"best_time", "best_time"}, {"district", "district"}, {"occupation", "occupation"}} {
			if err := set(f[0], f[1]); err != nil {
				return err
			}
		}
		if *v.flag("dnc") != *was.flag("dnc") {
			if err := profile.Set(p, "do_not_contact", strconv.FormatBool(*v.flag("dnc")), now); err != nil {
				return err
			}
		}
	}
	if before == nil || v.get("birthday") != was.get("birthday") || *v.flag("lunar") != *was.flag("lunar") {
		field := "birthday"
		if *v.flag("lunar") {
			field = "lunar_birthday"
		}
		if v.get("birthday") != "" || before != nil {
			if err := profile.Set(p, field, v.get("birthday"), now); err != nil {
				return err
			}
		}
	}
	return nil
}

// parseDay reads a day typed in a form: YYYY-MM-DD, MM-DD (this year, or
// next year when already past), +N (days from today), or nothing for
// today.
func parseDay(s string, today civil.Date) (civil.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return today, nil
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(s, "+")); err == nil && n >= 0 && n < 3650 {
		return today.AddDays(n), nil
	}
	if d, err := civil.Parse(s); err == nil {
		return d, nil
	}
	md, err := civil.ParseMonthDay(s)
	if err != nil || md.Year != 0 {
		return civil.Date{}, errors.New("not a day")
	}
	return md.Next(today), nil
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
