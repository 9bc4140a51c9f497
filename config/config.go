package config

import (
	"github.com/vipbook/vipbook/notes"
	"math"
	"os"
	"path/filepath"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
)

// Config is the whole configuration.
type Config struct {
	Tiers    Tiers    `toml:"tiers"`
	Rhythm   Rhythm   `toml:"rhythm"`
	Urgency  Urgency  `toml:"urgency"`
	Messages Messages `toml:"messages"`
	Limits   Limits   `toml:"limits"`
}

// Limits bound what one write may hold, so that a pasted file or a hostile
// import cannot make every later read of the book slow and large.
type Limits struct {
	// NoteBytes is the largest note, in bytes ([limits] note_bytes; 64 KiB
	// by default). 0 means the default.
	NoteBytes int `toml:"note_bytes"`
}

// NoteLimit returns the largest note in bytes: NoteBytes, or 64 KiB.
func (l Limits) NoteLimit() int {
	if l.NoteBytes > 0 {
		return l.NoteBytes
	}
	return notes.TextLimit
}

// Pyramid is the name of the default tier scheme: A-D by 12-month spend rank.
const Pyramid = "pyramid"

// Tiers chooses and defines the tier schemes.
type Tiers struct {
	// Scheme is the scheme in use: "pyramid", or the name of a card scheme
	// in Cards.
	Scheme string `toml:"scheme"`
	// Currency names the currency in reasons ("18,400 CNY"); empty means the
	// book's currency, which the caller fills in.
	Currency string                `toml:"currency"`
	Pyramid  PyramidScheme         `toml:"pyramid"`
	Cards    map[string]CardScheme `toml:"cards"`
}

// PyramidScheme ranks clients by their spend in the last 12 months (365
// days up to today) and cuts the ranking into levels, top first.
type PyramidScheme struct {
	Levels []PyramidLevel `toml:"levels"`
}

// PyramidLevel is one level of the pyramid. Share is the fraction of the
// clients who spent in the last 12 months that the level takes after the
// levels above it (0.10 for the top 10%); the last level takes the rest,
// and every client without spend in 12 months.
type PyramidLevel struct {
	Name  string  `toml:"name"`  // "A"
	Label string  `toml:"label"` // "platinum"
	Share float64 `toml:"share"`
}

// Downgrade rules for a card not renewed.
const (
	DowngradeOneLevel    = "one_level"    // the card one level lower (the client "keeps the lower card")
	DowngradeToQualified = "to_qualified" // the card the spend of the past period qualifies for
)

// CardScheme is a card programme: levels reached by spend in one purchase,
// one day, one calendar month or one yearly period (which starts on
// YearStart, e.g. 08-01).
//
// When its levels say how long a card is valid (CardLevel.Valid), the
// scheme is dated, as the department store's is: a card is valid to the
// end of its period or one year from the day it was reached, renewed,
// kept or upgraded by what is spent (Renew, VoidUnder, Upgrade), and a card
// not renewed leaves the lower card the spend qualifies for; Downgrade and
// KeepLowest do not apply. Otherwise a card reached in a period is held
// through the next period; at the start of each period it is renewed if
// its threshold was met again in the period just ended, and otherwise
// downgraded.
type CardScheme struct {
	Label      string      `toml:"label"`
	Currency   string      `toml:"currency"`    // the currency of the thresholds, for display
	YearStart  string      `toml:"year_start"`  // MM-DD, first day of the yearly period
	Downgrade  string      `toml:"downgrade"`   // DowngradeOneLevel or DowngradeToQualified
	KeepLowest bool        `toml:"keep_lowest"` // the lowest card, once reached, is never lost
	Levels     []CardLevel `toml:"levels"`      // lowest first
}

// How long a card of a dated scheme is valid (CardLevel.Valid).
const (
	ValidPeriod = "period" // to the end of the yearly period it was reached in
	ValidYear   = "year"   // one year from the day it was reached
)

// CardLevel is one card and the spend that reaches it; a zero threshold is
// not a way to reach it. Amounts are in major units (yuan, yen).
type CardLevel struct {
	Name     string `toml:"name"`
	Label    string `toml:"label"`
	Purchase Amount `toml:"purchase"` // in one purchase
	Day      Amount `toml:"day"`      // in one day
	Month    Amount `toml:"month"`    // in one calendar month
	Year     Amount `toml:"year"`     // in one yearly period, at once

	// Valid makes the scheme dated: ValidPeriod or ValidYear.
	Valid string `toml:"valid"`
	// VoidUnder: a period card is void at the end of a period in which
	// less than this was spent, and otherwise kept through the next period.
	VoidUnder Amount `toml:"void_under"`
	// Renew: a year card is renewed for another year when this much was
	// spent within its year (from the day it was reached or renewed);
	// 0: it is never renewed, only reached again.
	Renew Amount `toml:"renew"`
	// Upgrade: a card holder who spends this much in one yearly period
	// gets this card at the start of the next period.
	Upgrade Amount `toml:"upgrade"`
}

// Dated reports whether the scheme's cards have dated validity (its
// levels set Valid).
func (c CardScheme) Dated() bool {
	for _, l := range c.Levels {
		if l.Valid != "" {
			return true
		}
	}
	return false
}

// Amount is a threshold in major units of a currency (6000 is 6,000 yuan).
type Amount float64

// Money returns a as profile.Money (minor units).
func (a Amount) Money() profile.Money { return profile.Money(math.Round(float64(a) * 100)) }

// YearStartDay returns the first day of the yearly period as a month-day;
// 1 January when unset.
func (c CardScheme) YearStartDay() civil.MonthDay {
	md, err := civil.ParseMonthDay(c.YearStart)
	if err != nil || md.IsZero() {
		return civil.MonthDay{Month: 1, Day: 1}
	}
	return civil.MonthDay{Month: md.Month, Day: md.Day}
}

// Rhythm is the follow-up rhythm after a purchase (0-3-3-3) and the
// lapse rules.
type Rhythm struct {
	ThankYouDay          int `toml:"thank_you_day"`           // day of the thank-you message after a purchase (0: the same day)
	CallDay              int `toml:"call_day"`                // day of the call to ask how the item wears
	CareEveryDays        int `toml:"care_every_days"`         // a care message this many days after the purchase, and again every as many days while the client stays active
	CareMax              int `toml:"care_max"`                // at most this many care messages per purchase; 0 means while the client stays active
	ServiceInviteMonths  int `toml:"service_invite_months"`   // months after the purchase of the invitation to come back for care or cleaning
	ReferralFollowUpDays int `toml:"referral_follow_up_days"` // days within which to follow up with a referred client
	DateLeadDays         int `toml:"date_lead_days"`          // the lead days of an important date entered without its own: time to prepare a card or a gift
	FestivalLeadDays     int `toml:"festival_lead_days"`      // festivals show on the briefing from this many days ahead (1 to 366): time to order cards and gifts

	// TopSpenderMin is the spend in the book's year (the yearly period of
	// the tier scheme, Tiers.YearStart) the leader must reach before the
	// top spender gets a personal visit: below it the year has no
	// meaningful leader yet. In major units of the book's currency.
	TopSpenderMin Amount `toml:"top_spender_min"`

	// LapseFactor times the client's median gap between visits is how long
	// away counts as lapsed.
	LapseFactor float64 `toml:"lapse_factor"`
	// LapseMinVisits is how many visits a client needs before their own
	// rhythm is used; with fewer, only LapseDays applies.
	LapseMinVisits int `toml:"lapse_min_visits"`
	// LapseDays are the days away after which a client of each tier counts
	// as lapsed, whatever their own rhythm.
	LapseDays map[string]int `toml:"lapse_days"`
}

// Urgency are the weights of the terms of a briefing item's urgency score;
// the briefing defines the terms. A zero weight switches a term off.
type Urgency struct {
	Overdue       float64 `toml:"overdue"`         // per day a follow-up is overdue
	Due           float64 `toml:"due"`             // a follow-up due today
	Tier          float64 `toml:"tier"`            // per tier level above the lowest
	DateProximity float64 `toml:"date_proximity"`  // a date or festival coming: more as it nears
	SinceTouch    float64 `toml:"since_touch"`     // per day since the last call, message or visit
	SpecialPerson float64 `toml:"special_person"`  // a special-person flag that matters today
	MaxSinceTouch int     `toml:"max_since_touch"` // days after which SinceTouch stops growing
}

// Messages says where the message templates are.
type Messages struct {
	// Dir holds the templates (one file per kind and language); empty means
	// the "messages" directory next to the config file. Built-in templates
	// are used for any file not there.
	Dir string `toml:"dir"`
	// Signature is appended to messages when set: the associate's name and
	// phone, as a client should have them after a sale.
	Signature string `toml:"signature"`
}

// Default returns the configuration used when there is no file.
func Default() Config {
	return Config{
		Tiers: Tiers{
			Scheme: Pyramid,
			Pyramid: PyramidScheme{Levels: []PyramidLevel{
				{Name: "A", Label: "platinum", Share: 0.10},
				{Name: "B", Label: "gold", Share: 0.20},
				{Name: "C", Label: "iron", Share: 0.30},
				{Name: "D", Label: "lead"},
			}},
			Cards: map[string]CardScheme{
				"department_store": {
					Label: "Department store cards", Currency: "CNY", YearStart: "08-01",
					Levels: []CardLevel{
						{Name: "entry", Label: "Entry card", Day: 500, Valid: ValidPeriod, VoidUnder: 1000},
						{Name: "middle", Label: "Gold card", Day: 6000, Month: 12000, Valid: ValidYear, Renew: 10000, Upgrade: 10000},
						{Name: "top", Label: "Platinum card", Day: 30000, Month: 60000, Valid: ValidYear, Renew: 60000, Upgrade: 60000},
					},
				},
				"suit_chain": {
					Label: "Suit chain VIP", Currency: "JPY", YearStart: "01-01",
					Downgrade: DowngradeOneLevel,
					Levels: []CardLevel{
						{Name: "vip", Label: "VIP", Purchase: 30000, Year: 50000},
					},
				},
			},
		},
		Rhythm: Rhythm{
			ThankYouDay:          0,
			CallDay:              3,
			CareEveryDays:        21,
			CareMax:              0,
			ServiceInviteMonths:  3,
			ReferralFollowUpDays: 7,
			TopSpenderMin:        10000,
			DateLeadDays:         14,
			FestivalLeadDays:     31,
			LapseFactor:          2.0,
			LapseMinVisits:       3,
			LapseDays: map[string]int{
				"A": 60, "B": 90, "C": 180, "D": 365,
				"top": 60, "middle": 90, "entry": 180, "vip": 90,
			},
		},
		Urgency: Urgency{
			Overdue:       3,
			Due:           10,
			Tier:          4,
			DateProximity: 8,
			SinceTouch:    0.1,
			SpecialPerson: 2,
			MaxSinceTouch: 180,
		},
	}
}

// Dir returns vipbook's config directory: $XDG_CONFIG_HOME/vipbook, else
// ~/.config/vipbook.
func Dir() string { return XDGDir("XDG_CONFIG_HOME", ".config") }

// XDGDir returns vipbook's directory under the XDG base directory named by
// env (XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_STATE_HOME), or under home's
// fallback (".config", ".local/share", ".local/state") when env is unset
// or, as the XDG spec says, not an absolute path.
func XDGDir(env, fallback string) string {
	dir := os.Getenv(env)
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		dir = filepath.Join(home, fallback)
	}
	return filepath.Join(dir, "vipbook")
}

// DefaultPath returns where the config file is looked for.
func DefaultPath() string { return filepath.Join(Dir(), "config.toml") }

// MessageDir returns the template directory for a config loaded from path.
func (c Config) MessageDir(path string) string {
	if c.Messages.Dir != "" {
		return c.Messages.Dir
	}
	return filepath.Join(filepath.Dir(path), "messages")
}

// YearStart returns the first day of the book's year: the yearly period
// of the card scheme in use, or 1 January with the pyramid.
func (t Tiers) YearStart() civil.MonthDay {
	if c, ok := t.Card(); ok {
		return c.YearStartDay()
	}
	return civil.MonthDay{Month: 1, Day: 1}
}

// LevelLabel returns the label of the card level named name when the
// scheme in use is a card scheme that labels it ("Gold card" for
// "middle"), else name as it is (a pyramid's tier letter). Front ends
// word the label in the language in use (i18n.Catalog.CardLabel).
func (t Tiers) LevelLabel(name string) string {
	if cs, ok := t.Card(); ok {
		for _, l := range cs.Levels {
			if l.Name == name && l.Label != "" {
				return l.Label
			}
		}
	}
	return name
}

// Card returns the card scheme in use, and false when the scheme is the pyramid.
func (t Tiers) Card() (CardScheme, bool) {
	if t.Scheme == Pyramid || t.Scheme == "" {
		return CardScheme{}, false
	}
	c, ok := t.Cards[t.Scheme]
	return c, ok
}
