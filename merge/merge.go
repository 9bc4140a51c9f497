package merge

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/vipbook/vipbook/profile"
)

// Prefer says which side wins a conflict.
type Prefer int

// The ways to settle a conflict.
const (
	// PreferNewer lets the profile with the later Updated win (the book's
	// on a tie): a handover between two books that both kept the client.
	PreferNewer Prefer = iota
	// PreferBook keeps the book's value: an import of an old contact list.
	PreferBook
	// PreferIncoming takes the incoming value.
	PreferIncoming
)

// Options tune Profiles.
type Options struct {
	Prefer Prefer
	// Now stamps the History entries of the values that lost.
	Now time.Time
	// Source says where the incoming profile comes from ("handover from
	// Li Na", "import contacts.vcf"); it is written in the History.
	Source string
	// BookCC and IncomingCC are the calling codes of the two books, used to
	// compare phone numbers typed without one. Empty means
	// profile.DefaultCountryCode.
	BookCC, IncomingCC string
}

// Conflict is a field both sides fill with different values.
type Conflict struct {
	Field    string `json:"field"`
	Book     string `json:"book"`     // the value in the book
	Incoming string `json:"incoming"` // the incoming value
	// Kept is "book" or "incoming": the value the merged profile holds.
	// The other is kept in the profile's History.
	Kept string `json:"kept"`
	// Known is true when the History already held the losing value (the
	// same source merged before): nothing new was learnt.
	Known bool `json:"known,omitempty"`
}

// Winner returns the value the merged profile holds.
func (c Conflict) Winner() string {
	if c.Kept == "incoming" {
		return c.Incoming
	}
	return c.Book
}

// Loser returns the value kept in the History.
func (c Conflict) Loser() string {
	if c.Kept == "incoming" {
		return c.Book
	}
	return c.Incoming
}

type merger struct {
	opt       Options
	incWins   bool
	conflicts []Conflict
	base      *profile.Profile
}

// Profiles merges in (the incoming profile) into base (the book's) field by
// field, as the package doc says, and returns the conflicts in field
// order. base keeps its ID, Updated and HandedOver; the caller decides
// those, and the owner trail entry of the hand-over. in is not changed.
func Profiles(base, in *profile.Profile, opt Options) []Conflict {
	m := &merger{opt: opt, base: base}
	switch opt.Prefer {
	case PreferIncoming:
		m.incWins = true
	case PreferNewer:
		m.incWins = in.Updated.After(base.Updated)
	}
	m.str("name", &base.Name, in.Name, NormalizeName)
	m.str("latin_name", &base.LatinName, in.LatinName, NormalizeName)
	m.str("honorific", &base.Honorific, in.Honorific, nil)
	m.str("gender", &base.Gender, in.Gender, strings.ToLower)
	base.Phones = unionPhones(base.Phones, in.Phones, opt.BookCC, opt.IncomingCC)
	m.str("email", &base.Email, in.Email, NormalizeEmail)
	m.str("wechat", &base.WeChat, in.WeChat, nil)
	ch := string(base.Channel)
	m.str("channel", &ch, string(in.Channel), nil)
	base.Channel = profile.Channel(ch)
	m.str("best_time", &base.BestTime, in.BestTime, nil)
	m.consent(in.Consent)
	m.str("home_store", &base.HomeStore, in.HomeStore, nil)
	m.address(in)
	m.str("country", &base.Country, in.Country, strings.ToUpper)
	m.str("occupation", &base.Occupation, in.Occupation, nil)
	base.Hobbies = unionStrings(base.Hobbies, in.Hobbies)
	base.Household = unionMembers(base.Household, in.Household)
	m.str("why_brand", &base.WhyBrand, in.WhyBrand, nil)
	base.Dislikes = unionStrings(base.Dislikes, in.Dislikes)
	base.GiftPrefs = unionStrings(base.GiftPrefs, in.GiftPrefs)
	m.str("motivator", &base.Motivator, in.Motivator, nil)
	m.str("share_of_wallet", &base.ShareOfWallet, in.ShareOfWallet, nil)
	base.Sizes = unionBy(base.Sizes, in.Sizes, func(s profile.Size) string {
		return strings.ToLower(s.Category + "|" + s.System + "|" + s.Value + "|" + s.Taken.String())
	}, func(have *profile.Size, x profile.Size) {
		if have.Note == "" {
			have.Note = x.Note
		}
	})
	base.Preferences = unionBy(base.Preferences, in.Preferences, func(p profile.Preference) string {
		return string(p.Kind) + "|" + strings.ToLower(strings.TrimSpace(p.Value))
	}, func(have *profile.Preference, x profile.Preference) {
		if have.Note == "" {
			have.Note = x.Note
		}
		if have.Added.IsZero() || (!x.Added.IsZero() && x.Added.Before(have.Added)) {
			have.Added = x.Added
		}
	})
	base.MadeToOrder = unionBy(base.MadeToOrder, in.MadeToOrder, func(x profile.MadeToOrder) string {
		return strings.ToLower(x.Item + "|" + x.Spec)
	}, func(have *profile.MadeToOrder, x profile.MadeToOrder) {
		if have.Notes == "" {
			have.Notes = x.Notes
		}
	})
	dateOf := m.dates(in.Dates)
	base.Measurements = unionBy(base.Measurements, in.Measurements, measurementKey, nil)
	base.Cards = unionBy(base.Cards, in.Cards, cardKey, fillCard)
	m.gifts(in.Gifts, dateOf)
	m.special(in.Special)
	m.str("tier", &base.Tier, in.Tier, strings.ToUpper)
	m.str("referred_by", &base.ReferredBy, in.ReferredBy, nil)
	base.Tags = unionStrings(base.Tags, in.Tags)
	if base.Created.IsZero() || (!in.Created.IsZero() && in.Created.Before(base.Created)) {
		base.Created = in.Created
	}
	base.Owners = unionOwners(base.Owners, in.Owners)
	base.History = unionBy(base.History, in.History, func(c profile.FieldChange) string {
		return c.Field + "\x00" + c.Old + "\x00" + c.New + "\x00" + c.At.UTC().Format(time.RFC3339Nano)
	}, nil)
	sort.SliceStable(base.History, func(i, j int) bool { return base.History[i].At.Before(base.History[j].At) })
	return m.conflicts
}

// settle records a conflict on field and returns whether the incoming value
// wins. The losing value goes to the History unless it is there already
// (a bundle imported twice leaves one entry).
func (m *merger) settle(field, book, incoming string) bool {
	c := Conflict{Field: field, Book: book, Incoming: incoming, Kept: "book"}
	if m.incWins {
		c.Kept = "incoming"
	}
	c.Known = !m.remember(field, c.Loser(), c.Winner())
	m.conflicts = append(m.conflicts, c)
	return m.incWins
}

// remember keeps a value that lost in the History, and reports whether it
// was not there yet.
func (m *merger) remember(field, old, now string) bool {
	for _, h := range m.base.History {
		if h.Field == field && h.Old == old && h.New == now {
			return false
		}
	}
	m.base.History = append(m.base.History, profile.FieldChange{Field: field, Old: old, New: now, At: m.opt.Now, Source: m.opt.Source})
	return true
}

// address merges where the client lives as a whole: the city comes with
// its own district, never with the other side's ("上海 朝阳" from 上海
// and 北京 朝阳). The same city (or a side that says neither) merges the
// district alone; two places settle as the city, the winner's district
// going with it and the loser's kept in the history.
func (m *merger) address(in *profile.Profile) {
	base := m.base
	bc, ic := strings.TrimSpace(base.City), strings.TrimSpace(in.City)
	bd, id := strings.TrimSpace(base.District), strings.TrimSpace(in.District)
	switch {
	case ic == "" && id == "":
	case bc == "" && bd == "":
		base.City, base.District = in.City, in.District
	case bc == ic || strings.EqualFold(bc, ic):
		m.str("district", &base.District, in.District, nil)
	case m.settle("city", base.City, in.City):
		base.City, base.District = in.City, in.District
		if bd != "" && bd != id {
			m.remember("district", bd, id)
		}
	default:
		if id != "" && id != bd {
			m.remember("district", id, bd)
		}
	}
}

// str merges one text field; fold (when not nil) says when two values are
// the same written differently.
func (m *merger) str(field string, base *string, in string, fold func(string) string) {
	b, i := strings.TrimSpace(*base), strings.TrimSpace(in)
	switch {
	case i == "":
		return
	case b == "":
		*base = in
		return
	}
	same := b == i
	if fold != nil {
		same = same || fold(b) == fold(i)
	}
	if same {
		return
	}
	if m.settle(field, *base, in) {
		*base = in
	}
}

func (m *merger) consent(in profile.Consent) {
	b := &m.base.Consent
	if b.DoNotContact == in.DoNotContact {
		if b.RecordedAt.IsZero() || (!in.RecordedAt.IsZero() && in.RecordedAt.After(b.RecordedAt)) {
			if !in.RecordedAt.IsZero() {
				*b = in
			}
		}
		return
	}
	var incoming bool
	switch {
	case !b.RecordedAt.IsZero() && !in.RecordedAt.IsZero() && !in.RecordedAt.Equal(b.RecordedAt):
		incoming = in.RecordedAt.After(b.RecordedAt)
	default:
		incoming = in.DoNotContact // unknown order: do-not-contact wins
	}
	c := Conflict{Field: "do_not_contact", Book: strconv.FormatBool(b.DoNotContact),
		Incoming: strconv.FormatBool(in.DoNotContact), Kept: "book"}
	if incoming {
		c.Kept = "incoming"
	}
	c.Known = !m.remember(c.Field, c.Loser(), c.Winner())
	m.conflicts = append(m.conflicts, c)
	if incoming {
		*b = in
		if b.DoNotContact && b.RecordedAt.IsZero() {
			// Say when and where the wish was learnt (a contact list
			// does not tell).
			b.RecordedAt = m.opt.Now
			if b.How == "" {
				b.How = m.opt.Source
			}
		}
	}
}

func (m *merger) special(in profile.Special) {
	s := &m.base.Special
	s.Child = s.Child || in.Child
	s.Elderly = s.Elderly || in.Elderly
	s.Pregnant = s.Pregnant || in.Pregnant
	s.Disability = s.Disability || in.Disability
	s.Health = s.Health || in.Health
	m.str("special_note", &s.Note, in.Note, nil)
}

// dateKey identifies an important date: its kind, its calendar and its
// label (a client may keep a Gregorian and a lunar birthday, as Chinese
// families often do and iPhones write them: they are two dates, not two
// values of one).
func dateKey(d profile.ImportantDate) string {
	cal := "g"
	if d.Lunar {
		cal = "l"
	}
	return string(d.Kind) + "|" + cal + "|" + NormalizeName(d.Label)
}

// DateText formats an important date for a conflict or the History:
// 03-14, 1985-03-14 or 农历八月十五.
func DateText(d profile.ImportantDate) string { return d.WhenText() }

// dates unites the incoming dates with base's and returns which of
// base's dates each incoming id became (the gifts naming them follow). A
// new date keeps its id when base has no date of that id, else base
// numbers it anew; a date of both keeps base's id and the later last
// gift.
func (m *merger) dates(in []profile.ImportantDate) map[string]string {
	dateOf := map[string]string{}
	for _, d := range in {
		k := dateKey(d)
		i := slices.IndexFunc(m.base.Dates, func(x profile.ImportantDate) bool { return dateKey(x) == k })
		if i < 0 {
			oldID := d.ID
			if d.ID != "" && m.base.DateByID(d.ID) >= 0 {
				d.ID = ""
			}
			m.base.Dates = append(m.base.Dates, d)
			m.base.NumberDates()
			if oldID != "" {
				dateOf[strings.ToLower(oldID)] = m.base.Dates[len(m.base.Dates)-1].ID
			}
			continue
		}
		have := &m.base.Dates[i]
		if d.ID != "" {
			dateOf[strings.ToLower(d.ID)] = have.ID
		}
		if d.LastGift.After(have.LastGift) {
			have.LastGift = d.LastGift
		}
		same := have.When.Month == d.When.Month && have.When.Day == d.When.Day &&
			have.Lunar == d.Lunar && have.LeapMonth == d.LeapMonth
		if same {
			if have.When.Year == 0 {
				have.When.Year = d.When.Year
			}
			if have.LeadDays == 0 {
				have.LeadDays = d.LeadDays
			}
			if d.When.Year == 0 || have.When.Year == d.When.Year {
				continue
			}
		}
		field := "date:" + string(d.Kind)
		if d.Label != "" {
			field += ":" + d.Label
		}
		if m.settle(field, DateText(*have), DateText(d)) {
			id, last := have.ID, have.LastGift
			*have = d
			have.ID, have.LastGift = id, last
		}
	}
	return dateOf
}

// gifts adds the incoming gifts base has not logged (the same thing on
// the same day for the same date), each under a new id of base and
// naming the date as base numbers it (dateOf, from dates); a gift for a
// date that did not come along keeps no date.
func (m *merger) gifts(in []profile.Gift, dateOf map[string]string) {
	for _, g := range in {
		if g.ForDate != "" {
			g.ForDate = dateOf[strings.ToLower(g.ForDate)]
		}
		if slices.ContainsFunc(m.base.Gifts, func(x profile.Gift) bool {
			return x.Date == g.Date && strings.EqualFold(x.ForDate, g.ForDate) && strings.EqualFold(strings.TrimSpace(x.What), strings.TrimSpace(g.What))
		}) {
			continue
		}
		g.ID = m.base.NextGiftID()
		m.base.Gifts = append(m.base.Gifts, g)
		if i := m.base.DateByID(g.ForDate); g.ForDate != "" && i >= 0 && g.Date.After(m.base.Dates[i].LastGift) {
			m.base.Dates[i].LastGift = g.Date
		}
	}
}

// measurementKey is a measurement of one day: its name, value and unit.
func measurementKey(x profile.Measurement) string {
	return strings.ToLower(x.Name + "|" + x.Value + "|" + x.Unit + "|" + x.Taken.String())
}

// cardKey is a card's number as it is compared.
func cardKey(c profile.Card) string { return profile.NormalizeCard(c.Number) }

// fillCard completes a card of both sides from the other's.
func fillCard(have *profile.Card, x profile.Card) {
	if have.Program == "" {
		have.Program = x.Program
	}
	if have.Level == "" {
		have.Level = x.Level
	}
	if have.Points == 0 {
		have.Points = x.Points
	}
	if have.Expires.IsZero() {
		have.Expires = x.Expires
	}
}

func unionStrings(base, in []string) []string {
	return unionBy(base, in, func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }, nil)
}

// unionBy appends to base the items of in whose key base lacks; for an item
// both hold, fill (when not nil) may complete base's copy from in's.
func unionBy[T any](base, in []T, key func(T) string, fill func(have *T, x T)) []T {
	if len(in) == 0 {
		return base
	}
	idx := make(map[string]int, len(base)+len(in))
	for i, x := range base {
		idx[key(x)] = i
	}
	for _, x := range in {
		k := key(x)
		if i, ok := idx[k]; ok {
			if fill != nil {
				fill(&base[i], x)
			}
			continue
		}
		idx[k] = len(base)
		base = append(base, x)
	}
	return base
}

// unionPhones adds the numbers base lacks; a number both hold takes the
// incoming label when base has none.
func unionPhones(base, in []profile.Phone, bookCC, inCC string) []profile.Phone {
	have := map[string]int{}
	for i, p := range base {
		have[profile.NormalizePhone(p.Number, bookCC)] = i
	}
	for _, p := range in {
		n := profile.NormalizePhone(p.Number, inCC)
		if n == "" {
			continue
		}
		if i, ok := have[n]; ok {
			if base[i].Label == "" && p.Label != "" {
				base[i].Label = p.Label
			}
			continue
		}
		have[n] = len(base)
		if cc(inCC) != cc(bookCC) && !strings.HasPrefix(strings.TrimSpace(p.Number), "+") {
			p.Number = "+" + n // typed for another country's book: say which country
		}
		base = append(base, p)
	}
	return base
}

// unionMembers unites two households: one member per name and relation,
// a relation or birthday known on one side only completing the other's.
func unionMembers(base, in []profile.Member) []profile.Member {
	for _, x := range in {
		name, rel := NormalizeName(x.Name), strings.ToLower(strings.TrimSpace(x.Relation))
		i := slices.IndexFunc(base, func(h profile.Member) bool {
			hr := strings.ToLower(strings.TrimSpace(h.Relation))
			return NormalizeName(h.Name) == name && (hr == rel || hr == "" || rel == "")
		})
		if i < 0 {
			base = append(base, x)
			continue
		}
		if base[i].Relation == "" {
			base[i].Relation = x.Relation
		}
		if base[i].Birthday.IsZero() {
			base[i].Birthday = x.Birthday
		}
		if base[i].ClientID == "" {
			base[i].ClientID = x.ClientID
		}
	}
	return base
}

func cc(c string) string {
	if c == "" {
		return profile.DefaultCountryCode
	}
	return c
}

// unionOwners unites two owner trails: one entry per associate and start,
// ended when either side ended it, in order of start.
func unionOwners(base, in []profile.Ownership) []profile.Ownership {
	key := func(o profile.Ownership) string { return o.Associate + "\x00" + o.From.UTC().Format(time.RFC3339Nano) }
	out := unionBy(base, in, key, func(have *profile.Ownership, x profile.Ownership) {
		if have.To.IsZero() {
			have.To = x.To
		}
		if have.Store == "" {
			have.Store = x.Store
		}
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].From.Before(out[j].From) })
	return out
}
