package profile

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vipbook/vipbook/civil"
)

// Channel is how a client prefers to be reached.
type Channel string

// The channels a client may prefer.
const (
	ChannelWeChat Channel = "wechat"
	ChannelSMS    Channel = "sms"
	ChannelPhone  Channel = "phone"
	ChannelEmail  Channel = "email"
)

// Channels lists the known channels in display order.
var Channels = []Channel{ChannelWeChat, ChannelSMS, ChannelPhone, ChannelEmail}

// Consent records whether the client may be contacted, and when and how the
// answer was recorded. The zero Consent allows contact (the client gave a
// number to be reached on); DoNotContact must be honoured everywhere.
type Consent struct {
	DoNotContact bool      `json:"do_not_contact,omitempty"`
	RecordedAt   time.Time `json:"recorded_at,omitzero"`
	How          string    `json:"how,omitempty"` // "asked in store", "by WeChat", ...
}

// Member is a person of the client's household.
type Member struct {
	Name     string         `json:"name"`
	Relation string         `json:"relation,omitempty"` // spouse, partner, child, parent, assistant, other
	Birthday civil.MonthDay `json:"birthday,omitzero"`
	// Lunar marks Birthday as a lunar month and day (LeapMonth: of the
	// leap month of that number).
	Lunar     bool `json:"lunar,omitempty"`
	LeapMonth bool `json:"leap_month,omitempty"`
	// ClientID links the member to another client of the book, when they
	// are one.
	ClientID string `json:"client_id,omitempty"`
}

// Size is one measurement in one category, with the date it was taken:
// feet and bodies change, so an old size is shown as old.
type Size struct {
	Category string     `json:"category"`         // shoes, shirt, suit, ring, ...
	System   string     `json:"system,omitempty"` // EU, CN, UK, US, letter, cm ...
	Value    string     `json:"value"`
	Note     string     `json:"note,omitempty"` // "left foot half a size larger"
	Taken    civil.Date `json:"taken,omitzero"`
}

// PrefKind is what a preference is about.
type PrefKind string

// The kinds of preference.
const (
	PrefCategory PrefKind = "category"
	PrefStyle    PrefKind = "style"
	PrefColour   PrefKind = "colour"
	PrefMaterial PrefKind = "material"
	PrefBrand    PrefKind = "brand"
	PrefFit      PrefKind = "fit"
)

// PrefKinds lists the preference kinds in display order.
var PrefKinds = []PrefKind{PrefCategory, PrefStyle, PrefColour, PrefMaterial, PrefBrand, PrefFit}

// Preference is one thing the client likes.
type Preference struct {
	Kind  PrefKind   `json:"kind"`
	Value string     `json:"value"`
	Note  string     `json:"note,omitempty"`
	Added civil.Date `json:"added,omitzero"`
	// Dislike marks something the client does not want (a colour never
	// to show, a fabric that itches): a dislike with its category.
	Dislike bool `json:"dislike,omitempty"`
}

// MadeToOrder is the exact specification of something made for the client.
type MadeToOrder struct {
	Item  string     `json:"item"`
	Spec  string     `json:"spec"`
	Date  civil.Date `json:"date,omitzero"`
	Notes string     `json:"notes,omitempty"`
}

// DateKind is what an important date celebrates.
type DateKind string

// The kinds of important date.
const (
	DateBirthday        DateKind = "birthday"
	DateAnniversary     DateKind = "anniversary" // wedding anniversary
	DateChildBirthday   DateKind = "child_birthday"
	DateFamilyBirthday  DateKind = "family_birthday"
	DateFirstPurchase   DateKind = "first_purchase"
	DateCustom          DateKind = "custom"
	DefaultLeadDays              = 14
	DefaultBirthdayLead          = 14
)

// ImportantDate is a recurring date with the lead time needed to prepare for
// it (a card or a gift must arrive before the day, not after). A lunar date
// keeps the lunar month and day in When (Year is the birth year, if known)
// and is converted to the Gregorian calendar year by year.
type ImportantDate struct {
	Kind      DateKind       `json:"kind"`
	Label     string         `json:"label,omitempty"` // "Lily's birthday", "first date"
	When      civil.MonthDay `json:"when"`
	Lunar     bool           `json:"lunar,omitempty"`
	LeapMonth bool           `json:"leap_month,omitempty"` // lunar only: the leap month of that number
	LeadDays  int            `json:"lead_days,omitempty"`
	// ID names the date within its client ("d1", "d2", ...): `vipbook date
	// rm` and a gift's ForDate refer to it. NumberDates fills it in.
	ID string `json:"id,omitempty"`
	// For is the person the date belongs to when it is not the client's
	// own (a husband's birthday, a child's): a name of the household.
	For string `json:"for,omitempty"`
	// LastGift is the day the latest gift or card for this date was
	// logged (GiftPrepared tells whether it counts for an occurrence).
	LastGift civil.Date `json:"last_gift,omitzero"`
}

// Lead returns the lead time in days, DefaultLeadDays when unset.
func (d ImportantDate) Lead() int {
	if d.LeadDays > 0 {
		return d.LeadDays
	}
	return DefaultLeadDays
}

// Special are the special-person flags. They are sensitive: shown only
// where they help today's service.
type Special struct {
	Child      bool   `json:"child,omitempty"`
	Elderly    bool   `json:"elderly,omitempty"`
	Pregnant   bool   `json:"pregnant,omitempty"`
	Disability bool   `json:"disability,omitempty"`
	Health     bool   `json:"health,omitempty"`
	Note       string `json:"note,omitempty"`
}

// Any reports whether any flag is set.
func (s Special) Any() bool {
	return s.Child || s.Elderly || s.Pregnant || s.Disability || s.Health
}

// Flags returns the names of the set flags in a fixed order.
func (s Special) Flags() []string {
	var out []string
	for _, f := range []struct {
		on   bool
		name string
	}{{s.Child, "child"}, {s.Elderly, "elderly"}, {s.Pregnant, "pregnant"}, {s.Disability, "disability"}, {s.Health, "health"}} {
		if f.on {
			out = append(out, f.name)
		}
	}
	return out
}

// SetFlag sets the flag Flags names name (in any letter case) and
// reports whether name is one.
func (s *Special) SetFlag(name string) bool {
	switch strings.ToLower(name) {
	case "child":
		s.Child = true
	case "elderly":
		s.Elderly = true
	case "pregnant":
		s.Pregnant = true
	case "disability":
		s.Disability = true
	case "health":
		s.Health = true
	default:
		return false
	}
	return true
}

// Ownership is one period during which an associate held the client.
type Ownership struct {
	Associate string    `json:"associate"`
	Store     string    `json:"store,omitempty"`
	From      time.Time `json:"from"`
	To        time.Time `json:"to,omitzero"` // zero while current
}

// Handover records that the client was handed to another associate.
type Handover struct {
	To       string    `json:"to"`
	At       time.Time `json:"at"`
	Released bool      `json:"released,omitempty"` // moved out of the active book
}

// FieldChange keeps the older value of a field replaced by a merge, so a
// merge never loses what was known.
type FieldChange struct {
	Field  string    `json:"field"`
	Old    string    `json:"old"`
	New    string    `json:"new"`
	At     time.Time `json:"at"`
	Source string    `json:"source,omitempty"` // "handover from Li Na", "import contacts.vcf"
}

// NameLimit is the most characters a name (the name, the latin name, the
// honorific) may have.
const NameLimit = 200

// RecordLimit is the most bytes a profile may take encoded (every field
// together); a profile that large is no one's, it is a file pasted in.
const RecordLimit = 256 << 10

// TooLongName returns the first of p's names longer than NameLimit
// characters, and its length; "" when none is.
func (p *Profile) TooLongName() (string, int) {
	for _, n := range []string{p.Name, p.LatinName, p.Honorific} {
		if c := utf8.RuneCountInString(n); c > NameLimit {
			return n, c
		}
	}
	return "", 0
}

// Profile is everything the book knows about one client.
type Profile struct {
	ID            string          `json:"id"`
	Name          string          `json:"name"`                 // any script: 王小明, Anne Dubois
	LatinName     string          `json:"latin_name,omitempty"` // English or romanised name: Michael Wang
	Honorific     string          `json:"honorific,omitempty"`  // Ms, Mr, 王女士 ...
	Gender        string          `json:"gender,omitempty"`     // f, m, or empty
	Phones        []Phone         `json:"phones,omitempty"`
	Email         string          `json:"email,omitempty"`
	WeChat        string          `json:"wechat,omitempty"`
	Channel       Channel         `json:"channel,omitempty"`
	BestTime      string          `json:"best_time,omitempty"` // "weekday evenings"
	Consent       Consent         `json:"consent"`
	HomeStore     string          `json:"home_store,omitempty"`
	Counter       string          `json:"counter,omitempty"` // the counter or brand within the store the client belongs to
	City          string          `json:"city,omitempty"`
	District      string          `json:"district,omitempty"`
	Country       string          `json:"country,omitempty"` // ISO 3166 alpha-2, for the national day
	Occupation    string          `json:"occupation,omitempty"`
	Hobbies       []string        `json:"hobbies,omitempty"`
	Household     []Member        `json:"household,omitempty"`
	WhyBrand      string          `json:"why_brand,omitempty"`
	Dislikes      []string        `json:"dislikes,omitempty"`
	GiftPrefs     []string        `json:"gift_prefs,omitempty"`
	Motivator     string          `json:"motivator,omitempty"`       // the one thing that would move them
	ShareOfWallet string          `json:"share_of_wallet,omitempty"` // what share of their spending in the category comes to us
	Sizes         []Size          `json:"sizes,omitempty"`
	Preferences   []Preference    `json:"preferences,omitempty"`
	MadeToOrder   []MadeToOrder   `json:"made_to_order,omitempty"`
	Dates         []ImportantDate `json:"dates,omitempty"`
	Measurements  []Measurement   `json:"measurements,omitempty"`
	Cards         []Card          `json:"cards,omitempty"`
	Gifts         []Gift          `json:"gifts,omitempty"`
	Special       Special         `json:"special"`
	Tier          string          `json:"tier,omitempty"`        // override; empty means computed
	ReferredBy    string          `json:"referred_by,omitempty"` // client id
	Tags          []string        `json:"tags,omitempty"`
	Created       time.Time       `json:"created"`
	Updated       time.Time       `json:"updated"`
	Owners        []Ownership     `json:"owners,omitempty"`
	HandedOver    *Handover       `json:"handed_over,omitempty"`
	History       []FieldChange   `json:"history,omitempty"`
}

// DisplayName returns the name to show: the name, or the latin name when the
// name is empty.
func (p *Profile) DisplayName() string {
	if p.Name != "" {
		return p.Name
	}
	return p.LatinName
}

// Validate checks what a profile must have: a name, real phone numbers and
// real dates.
func (p *Profile) Validate() error {
	if strings.TrimSpace(p.Name) == "" && strings.TrimSpace(p.LatinName) == "" {
		return ErrNoName
	}
	for _, ph := range p.Phones {
		if err := CheckPhone(ph.Number); err != nil {
			return err
		}
	}
	for _, d := range p.Dates {
		if !d.Valid() {
			return ErrBadDate
		}
	}
	return nil
}

// Birthday returns the client's own birthday, if recorded.
func (p *Profile) Birthday() (ImportantDate, bool) {
	for _, d := range p.Dates {
		if d.Kind == DateBirthday {
			return d, true
		}
	}
	return ImportantDate{}, false
}

// NormalizedPhones returns the normalised form of every phone, in order,
// without duplicates.
func (p *Profile) NormalizedPhones(cc string) []string {
	var out []string
	for _, ph := range p.Phones {
		n := NormalizePhone(ph.Number, cc)
		if n == "" {
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || o == n
		}
		if !dup {
			out = append(out, n)
		}
	}
	return out
}

// HasPhone reports whether any of the client's numbers is raw once normalised.
func (p *Profile) HasPhone(raw, cc string) bool {
	n := NormalizePhone(raw, cc)
	if n == "" {
		return false
	}
	for _, o := range p.NormalizedPhones(cc) {
		if o == n {
			return true
		}
	}
	return false
}

// CurrentOwner returns the associate who holds the client now.
func (p *Profile) CurrentOwner() string {
	for i := len(p.Owners) - 1; i >= 0; i-- {
		if p.Owners[i].To.IsZero() {
			return p.Owners[i].Associate
		}
	}
	return ""
}
