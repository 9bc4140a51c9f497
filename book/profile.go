package book

import (
	"slices"
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// The profile's entries: sizes, likes and dislikes, measurements,
// important dates, the household, membership cards and gifts. Each Add
// or Remove below changes one kind of entry of one client in one
// transaction and returns the profile as stored; a client the book does
// not hold is ErrGone, an entry to remove that the client does not have
// is ErrNoEntry, an empty value is ErrEntryEmpty.

// changeProfile applies change to client id's profile, with the
// transaction at hand, and stores it. A household birthday kept the
// app's old way is brought into the book's shape first (MigrateFamily).
func (b *Book) changeProfile(id string, change func(tx *store.Tx, p *profile.Profile) error) (*profile.Profile, error) {
	var out *profile.Profile
	err := b.update(func(tx *store.Tx) error {
		p, err := tx.Client(id)
		if err != nil {
			return goneErr(err)
		}
		p.MigrateFamily()
		p.NumberDates()
		had := textsOf(p)
		if err := change(tx, p); err != nil {
			return err
		}
		if err := refuseControls(p, had); err != nil {
			return err
		}
		if err := tx.UpdateClient(p); err != nil {
			return err
		}
		out = p
		return nil
	})
	return out, err
}

// CheckSize checks a size typed in (its value and its system; the
// category is free) and returns it with its system spelled as the book
// keeps it (eu, EUR and 欧码 are EU; CM is cm). A system the book does not
// know is ErrSizeSystem, naming those it knows; a value that is no size
// (no letter or digit, or over 24 characters) ErrSizeValue. Each says
// what is taken in a line of an 80-column terminal. The app's
// size form checks with it too, so both say the same.
func CheckSize(s profile.Size) (profile.Size, error) {
	if v := strings.TrimSpace(s.Value); v != "" && !profile.SizeValueOK(v) {
		return s, &Error{Key: i18n.ErrSizeValue, Args: []any{v}}
	}
	sys, ok := profile.ParseSizeSystem(s.System)
	if !ok {
		return s, &Error{Key: i18n.ErrSizeSystem, Args: []any{strings.TrimSpace(s.System), strings.Join(profile.SizeSystems, " ")}}
	}
	s.System = sys
	return s, nil
}

// CheckMeasurement checks a measurement typed in (its value and its unit;
// the name is free) and returns it as the book keeps it: the value a
// number above 0 (98, 98.5, 98,5, 38 1/2), its unit spelled as the book
// does (CM is cm, 厘米 cm, inch in). A unit typed with the number (98cm)
// is the measurement's when none is given or the same one is; another is
// ErrMeasureUnits. A value that is no such number is ErrMeasureValue, a
// unit the book does not know ErrMeasureUnit, naming those it knows. The
// app's measurement form checks with it too, so both say the same.
func CheckMeasurement(m profile.Measurement) (profile.Measurement, error) {
	unit, ok := profile.ParseUnit(m.Unit)
	if !ok {
		return m, &Error{Key: i18n.ErrMeasureUnit, Args: []any{strings.TrimSpace(m.Unit), strings.Join(profile.Units, " ")}}
	}
	typed := strings.TrimSpace(m.Value)
	if typed == "" {
		m.Unit = unit
		return m, nil // said by the caller: a value is needed
	}
	v, with, ok := profile.ParseMeasure(typed)
	if !ok {
		return m, &Error{Key: i18n.ErrMeasureValue, Args: []any{typed}}
	}
	switch {
	case with == "":
	case unit == "":
		unit = with
	case unit != with:
		return m, &Error{Key: i18n.ErrMeasureUnits, Args: []any{typed, with, unit}}
	}
	m.Value, m.Unit = v, unit
	return m, nil
}

func empty(what string) error { return &Error{Key: i18n.ErrEntryEmpty, Args: []any{what}} }

func noEntry(what string) error { return &Error{Key: i18n.ErrNoEntry, Args: []any{what}} }

// removeNamed removes from list every entry whose name (any case) is
// name, its history included; none is noEntry.
func removeNamed[T any](list []T, name string, nameOf func(T) string) ([]T, error) {
	n := len(list)
	list = slices.DeleteFunc(list, func(x T) bool { return strings.EqualFold(nameOf(x), strings.TrimSpace(name)) })
	if len(list) == n {
		return list, noEntry(name)
	}
	return list, nil
}

// AddSize records size s (category and value needed; Taken defaults to
// today) for client id. The sizes of the category taken before stay in
// Profile.Sizes as history; Profile.CurrentSizes shows the newest.
func (b *Book) AddSize(id string, s profile.Size) (*profile.Profile, error) {
	s.Category, s.Value = strings.TrimSpace(s.Category), strings.TrimSpace(s.Value)
	if s.Category == "" {
		return nil, empty("category")
	}
	if s.Value == "" {
		return nil, empty("value")
	}
	s, err := CheckSize(s)
	if err != nil {
		return nil, err
	}
	if s.Taken.IsZero() {
		s.Taken = b.today()
	}
	return b.changeProfile(id, func(_ *store.Tx, p *profile.Profile) error {
		p.Sizes = append(p.Sizes, s)
		return nil
	})
}

// RemoveSize removes every size of category of client id, its history
// included: of one category as the profile shows it (profile.SizeCategory:
// 鞋码 removes shoes 39 EU and 鞋 38, not 鞋垫 40). removed are the sizes
// taken away, in the order the profile kept them.
func (b *Book) RemoveSize(id, category string) (p *profile.Profile, removed []profile.Size, err error) {
	want := profile.SizeCategory(category)
	p, err = b.changeProfile(id, func(_ *store.Tx, p *profile.Profile) error {
		removed = nil
		p.Sizes = slices.DeleteFunc(p.Sizes, func(s profile.Size) bool {
			if profile.SizeCategory(s.Category) != want {
				return false
			}
			removed = append(removed, s)
			return true
		})
		if len(removed) == 0 {
			return noEntry(category)
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return p, removed, nil
}

// AddPreference records a like (pr.Dislike false) or a dislike of client
// id. The same value (any case) already liked or disliked is replaced: a
// thing liked and now disliked is a dislike only.
func (b *Book) AddPreference(id string, pr profile.Preference) (*profile.Profile, error) {
	pr.Value = strings.TrimSpace(pr.Value)
	if pr.Value == "" {
		return nil, empty("text")
	}
	if pr.Kind == "" {
		pr.Kind = profile.PrefOther
	}
	if pr.Added.IsZero() {
		pr.Added = b.today()
	}
	return b.changeProfile(id, func(_ *store.Tx, p *profile.Profile) error {
		p.Preferences = slices.DeleteFunc(p.Preferences, func(o profile.Preference) bool { return strings.EqualFold(o.Value, pr.Value) })
		p.Dislikes = slices.DeleteFunc(p.Dislikes, func(o string) bool { return strings.EqualFold(o, pr.Value) })
		p.Preferences = append(p.Preferences, pr)
		return nil
	})
}

// RemovePreference removes the like (dislike false) or the dislike of
// client id whose text is value (any case).
func (b *Book) RemovePreference(id, value string, dislike bool) (*profile.Profile, error) {
	value = strings.TrimSpace(value)
	return b.changeProfile(id, func(_ *store.Tx, p *profile.Profile) error {
		n := len(p.Preferences) + len(p.Dislikes)
		p.Preferences = slices.DeleteFunc(p.Preferences, func(o profile.Preference) bool {
			return o.Dislike == dislike && strings.EqualFold(o.Value, value)
		})
		if dislike {
			p.Dislikes = slices.DeleteFunc(p.Dislikes, func(o string) bool { return strings.EqualFold(o, value) })
		}
		if len(p.Preferences)+len(p.Dislikes) == n {
			return noEntry(value)
		}
		return nil
	})
}

// AddMeasurement records a made-to-order measurement of client id (name
// and value needed; Taken defaults to today). Older ones of the same name
// stay as history.
func (b *Book) AddMeasurement(id string, m profile.Measurement) (*profile.Profile, error) {
	m.Name, m.Value = strings.TrimSpace(m.Name), strings.TrimSpace(m.Value)
	if m.Name == "" {
		return nil, empty("name")
	}
	if m.Value == "" {
		return nil, empty("value")
	}
	m, err := CheckMeasurement(m)
	if err != nil {
		return nil, err
	}
	if m.Taken.IsZero() {
		m.Taken = b.today()
	}
	return b.changeProfile(id, func(_ *store.Tx, p *profile.Profile) error {
		p.Measurements = append(p.Measurements, m)
		return nil
	})
}

// RemoveMeasurement removes every measurement called name (any case) of
// client id, its history included.
func (b *Book) RemoveMeasurement(id, name string) (*profile.Profile, error) {
	return b.changeProfile(id, func(_ *store.Tx, p *profile.Profile) (err error) {
		p.Measurements, err = removeNamed(p.Measurements, name, func(m profile.Measurement) string { return m.Name })
		return err
	})
}

// AddDate adds the important date d to client id and returns it with its
// ID. A date without lead days takes the configuration's
// (rhythm.date_lead_days). An invalid day is ErrBadDay.
func (b *Book) AddDate(id string, d profile.ImportantDate) (profile.ImportantDate, error) {
	if !d.Valid() {
		return d, &Error{Key: i18n.ErrBadDay, Args: []any{d.When.String()}}
	}
	if d.Kind == "" {
		d.Kind = profile.DateCustom
	}
	if d.LeadDays <= 0 {
		d.LeadDays = b.cfg.Rhythm.DateLeadDays
	}
	d.ID = ""
	_, err := b.changeProfile(id, func(_ *store.Tx, p *profile.Profile) error {
		p.Dates = append(p.Dates, d)
		p.NumberDates()
		d = p.Dates[len(p.Dates)-1]
		return nil
	})
	return d, err
}

// RemoveDate removes the important date dateID ("d2") of client id
// (ErrNoDate when the client has none of that ID). The gifts logged for
// it stay, no longer tied to a date.
func (b *Book) RemoveDate(id, dateID string) (*profile.Profile, error) {
	return b.changeProfile(id, func(_ *store.Tx, p *profile.Profile) error {
		i := p.DateByID(dateID)
		if i < 0 {
			return &Error{Key: i18n.ErrNoDate, Args: []any{dateID}}
		}
		gone := p.Dates[i].ID
		p.Dates = slices.Delete(p.Dates, i, i+1)
		for k := range p.Gifts {
			if p.Gifts[k].ForDate == gone {
				p.Gifts[k].ForDate = ""
			}
		}
		return nil
	})
}

// AddFamily adds the household member m to client id (a member of the
// same name is replaced). A member with a birthday also gets an important
// date of their own (a child's birthday for a child, a family birthday
// otherwise) with the configured lead days, so it comes on the briefing
// ("her husband's birthday in 10 days"). A lunar birthday is kept the
// same way (m.Lunar, m.LeapMonth, and on the date): the one shape of a
// member's birthday, which the app's family form writes through
// ChangeFamily too. m.ClientID, when set, must be another client of the
// book (ErrGone otherwise).
func (b *Book) AddFamily(id string, m profile.Member) (*profile.Profile, error) {
	return b.putFamily(id, "", m)
}

// ChangeFamily puts m in the place of the household member called old
// (any case) of client id, with their birthday, as AddFamily adds one;
// old not there is ErrNoEntry.
func (b *Book) ChangeFamily(id, old string, m profile.Member) (*profile.Profile, error) {
	if strings.TrimSpace(old) == "" {
		return nil, empty("name")
	}
	return b.putFamily(id, strings.TrimSpace(old), m)
}

// putFamily writes m in the place of the member called old, or of the
// member of m's name, or at the end.
func (b *Book) putFamily(id, old string, m profile.Member) (*profile.Profile, error) {
	m.Name = strings.TrimSpace(m.Name)
	if m.Name == "" {
		return nil, empty("name")
	}
	if m.Birthday.IsZero() {
		m.Lunar, m.LeapMonth = false, false
	}
	return b.changeProfile(id, func(tx *store.Tx, p *profile.Profile) error {
		if m.ClientID != "" && (m.ClientID == id || !tx.HasClient(m.ClientID)) {
			return &Error{Key: i18n.ErrGone}
		}
		named := func(o string) bool { return strings.EqualFold(o, m.Name) || old != "" && strings.EqualFold(o, old) }
		at := slices.IndexFunc(p.Household, func(o profile.Member) bool { return named(o.Name) })
		if old != "" && !slices.ContainsFunc(p.Household, func(o profile.Member) bool { return strings.EqualFold(o.Name, old) }) {
			return noEntry(old)
		}
		p.Household = slices.DeleteFunc(p.Household, func(o profile.Member) bool { return named(o.Name) })
		p.Dates = slices.DeleteFunc(p.Dates, func(d profile.ImportantDate) bool {
			return d.IsMemberBirthday(m.Name) || old != "" && d.IsMemberBirthday(old)
		})
		if at < 0 || at > len(p.Household) {
			at = len(p.Household)
		}
		p.Household = slices.Insert(p.Household, at, m)
		if !m.Birthday.IsZero() {
			kind := profile.DateFamilyBirthday
			if m.Relation == "child" {
				kind = profile.DateChildBirthday
			}
			p.Dates = append(p.Dates, profile.ImportantDate{Kind: kind, When: m.Birthday, Lunar: m.Lunar,
				LeapMonth: m.LeapMonth, For: m.Name, LeadDays: b.cfg.Rhythm.DateLeadDays})
			p.NumberDates()
		}
		return nil
	})
}

// LinkedNames returns the names of the clients of the book that p's
// household members are linked to (Member.ClientID), by id, for a profile
// to show a linked member's name, not the id; a link to a client no
// longer in the book is left out. Nil when no member is linked.
func LinkedNames(tx *store.Tx, p *profile.Profile) map[string]string {
	var names map[string]string
	for _, m := range p.Household {
		if m.ClientID == "" {
			continue
		}
		if s, err := tx.Summary(m.ClientID); err == nil {
			if names == nil {
				names = map[string]string{}
			}
			names[m.ClientID] = s.DisplayName()
		}
	}
	return names
}

// RemoveFamily removes the household member called name (any case) of
// client id, with the birthdays kept for them.
func (b *Book) RemoveFamily(id, name string) (*profile.Profile, error) {
	name = strings.TrimSpace(name)
	return b.changeProfile(id, func(_ *store.Tx, p *profile.Profile) error {
		n := len(p.Household)
		p.Household = slices.DeleteFunc(p.Household, func(o profile.Member) bool { return strings.EqualFold(o.Name, name) })
		if len(p.Household) == n {
			return noEntry(name)
		}
		p.Dates = slices.DeleteFunc(p.Dates, func(d profile.ImportantDate) bool { return d.IsMemberBirthday(name) })
		return nil
	})
}

// AddCard adds the membership card c to client id; a card of the same
// number (NormalizeCard) on the client is replaced. A number held by
// another client is refused (ErrCardTaken, its ID that client's id): a
// card number finds one client, as a phone does.
func (b *Book) AddCard(id string, c profile.Card) (*profile.Profile, error) {
	c.Number, c.Program = strings.TrimSpace(c.Number), strings.TrimSpace(c.Program)
	n := profile.NormalizeCard(c.Number)
	if n == "" {
		return nil, empty("number")
	}
	return b.changeProfile(id, func(tx *store.Tx, p *profile.Profile) error {
		if err := cardTaken(tx, id, c.Number); err != nil {
			return err
		}
		p.Cards = slices.DeleteFunc(p.Cards, func(o profile.Card) bool { return profile.NormalizeCard(o.Number) == n })
		p.Cards = append(p.Cards, c)
		return nil
	})
}

// cardTaken refuses card number when another client than id holds it
// (ErrCardTaken, its ID that client's id).
func cardTaken(tx *store.Tx, id, number string) error {
	for _, other := range tx.FindByCard(profile.NormalizeCard(number)) {
		if other == id {
			continue
		}
		name := other
		if s, err := tx.Summary(other); err == nil {
			name = s.DisplayName()
		}
		return &Error{Key: i18n.ErrCardTaken, Args: []any{number, name}, ID: other}
	}
	return nil
}

// RemoveCard removes the membership card numbered number (in any format)
// from client id.
func (b *Book) RemoveCard(id, number string) (*profile.Profile, error) {
	n := profile.NormalizeCard(number)
	return b.changeProfile(id, func(_ *store.Tx, p *profile.Profile) error {
		k := len(p.Cards)
		p.Cards = slices.DeleteFunc(p.Cards, func(o profile.Card) bool { return n != "" && profile.NormalizeCard(o.Number) == n })
		if len(p.Cards) == k {
			return noEntry(number)
		}
		return nil
	})
}

// LogGift records the gift or card g given to client id (g.Date defaults
// to today) and returns it with its ID, and the follow-ups it ticked. A
// gift for one of the client's dates (g.ForDate, a date ID; ErrNoDate
// when the client has none) marks the date's gift prepared
// (ImportantDate.LastGift) and ticks the client's open greeting
// follow-ups due within the date's lead time before its next day.
func (b *Book) LogGift(id string, g profile.Gift) (profile.Gift, []tasks.Task, error) {
	g.What = strings.TrimSpace(g.What)
	if g.What == "" {
		return g, nil, empty("text")
	}
	if g.Date.IsZero() {
		g.Date = b.today()
	}
	var ticked []tasks.Task
	_, err := b.changeProfile(id, func(tx *store.Tx, p *profile.Profile) error {
		g.ID = p.NextGiftID()
		if g.ForDate != "" {
			i := p.DateByID(g.ForDate)
			if i < 0 {
				return &Error{Key: i18n.ErrNoDate, Args: []any{g.ForDate}}
			}
			d := &p.Dates[i]
			g.ForDate = d.ID
			if g.Date.After(d.LastGift) {
				d.LastGift = g.Date
			}
			on := d.Next(g.Date)
			from := on.AddDays(-max(d.Lead(), profile.GiftWindow))
			for _, t := range tx.ClientTasks(id) {
				if t.Kind != tasks.BirthdayGreeting || !t.IsOpen() || t.DueOn().Before(from) || t.DueOn().After(on) {
					continue
				}
				if err := t.Complete(b.now()); err != nil {
					return err
				}
				if err := tx.UpdateTask(&t); err != nil {
					return err
				}
				ticked = append(ticked, t)
			}
		}
		p.Gifts = append(p.Gifts, g)
		return nil
	})
	if err != nil {
		ticked = nil
	}
	return g, ticked, err
}

// RemoveGift removes gift giftID ("g3") of client id. The date it was
// for keeps its LastGift unless no other gift for it remains.
func (b *Book) RemoveGift(id, giftID string) (*profile.Profile, error) {
	return b.changeProfile(id, func(_ *store.Tx, p *profile.Profile) error {
		i := slices.IndexFunc(p.Gifts, func(g profile.Gift) bool { return strings.EqualFold(g.ID, giftID) })
		if i < 0 {
			return noEntry(giftID)
		}
		forDate := p.Gifts[i].ForDate
		p.Gifts = slices.Delete(p.Gifts, i, i+1)
		recountLastGift(p, forDate)
		return nil
	})
}

// recountLastGift sets the LastGift of date dateID of p from the gifts
// still logged for it (none: zero).
func recountLastGift(p *profile.Profile, dateID string) {
	k := p.DateByID(dateID)
	if dateID == "" || k < 0 {
		return
	}
	p.Dates[k].LastGift = civil.Date{}
	for _, g := range p.Gifts {
		if g.ForDate == p.Dates[k].ID && g.Date.After(p.Dates[k].LastGift) {
			p.Dates[k].LastGift = g.Date
		}
	}
}

// ChangeDate replaces the important date dateID of client id with d, in
// its place: the date keeps its ID and the day of its last gift. Lead
// days of 0 or less take the configuration's; an invalid day is
// ErrBadDay; a date the client does not have is ErrNoDate.
func (b *Book) ChangeDate(id, dateID string, d profile.ImportantDate) (profile.ImportantDate, error) {
	if !d.Valid() {
		return d, &Error{Key: i18n.ErrBadDay, Args: []any{d.When.String()}}
	}
	if d.Kind == "" {
		d.Kind = profile.DateCustom
	}
	if d.LeadDays <= 0 {
		d.LeadDays = b.cfg.Rhythm.DateLeadDays
	}
	d.Label, d.For = strings.TrimSpace(d.Label), strings.TrimSpace(d.For)
	_, err := b.changeProfile(id, func(_ *store.Tx, p *profile.Profile) error {
		i := p.DateByID(dateID)
		if i < 0 {
			return &Error{Key: i18n.ErrNoDate, Args: []any{dateID}}
		}
		d.ID, d.LastGift = p.Dates[i].ID, p.Dates[i].LastGift
		p.Dates[i] = d
		return nil
	})
	return d, err
}

// ChangeCard replaces the membership card numbered number (in any
// format) of client id with c, in its place. A new number held by another
// client is refused (ErrCardTaken), as in AddCard.
func (b *Book) ChangeCard(id, number string, c profile.Card) (*profile.Profile, error) {
	c.Number, c.Program = strings.TrimSpace(c.Number), strings.TrimSpace(c.Program)
	old, n := profile.NormalizeCard(number), profile.NormalizeCard(c.Number)
	if n == "" {
		return nil, empty("number")
	}
	return b.changeProfile(id, func(tx *store.Tx, p *profile.Profile) error {
		i := slices.IndexFunc(p.Cards, func(o profile.Card) bool { return old != "" && profile.NormalizeCard(o.Number) == old })
		if i < 0 {
			return noEntry(number)
		}
		if err := cardTaken(tx, id, c.Number); err != nil {
			return err
		}
		p.Cards[i] = c
		// The same number written twice on the client is one card.
		p.Cards = slices.DeleteFunc(p.Cards, func(o profile.Card) bool { return o != c && profile.NormalizeCard(o.Number) == n })
		return nil
	})
}

// ChangeGift replaces what, when and for which date gift giftID of
// client id was given, keeping its ID; the dates it was and now is for
// have their last gift counted again. A date the client does not have is
// ErrNoDate.
func (b *Book) ChangeGift(id, giftID string, g profile.Gift) (*profile.Profile, error) {
	g.What = strings.TrimSpace(g.What)
	if g.What == "" {
		return nil, empty("text")
	}
	if g.Date.IsZero() {
		g.Date = b.today()
	}
	return b.changeProfile(id, func(_ *store.Tx, p *profile.Profile) error {
		i := slices.IndexFunc(p.Gifts, func(o profile.Gift) bool { return strings.EqualFold(o.ID, giftID) })
		if i < 0 {
			return noEntry(giftID)
		}
		if g.ForDate != "" {
			k := p.DateByID(g.ForDate)
			if k < 0 {
				return &Error{Key: i18n.ErrNoDate, Args: []any{g.ForDate}}
			}
			g.ForDate = p.Dates[k].ID
		}
		was := p.Gifts[i].ForDate
		g.ID = p.Gifts[i].ID
		p.Gifts[i] = g
		recountLastGift(p, was)
		recountLastGift(p, g.ForDate)
		return nil
	})
}
