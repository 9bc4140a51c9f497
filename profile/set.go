package profile

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/vipbook/vipbook/dateinput"
)

// setters maps the field names accepted by Set (as typed on the command
// line: `vipbook edit CLIENT --set city=上海`) to what they change.
var setters = map[string]func(p *Profile, v string, now time.Time) error{
	"name":       func(p *Profile, v string, _ time.Time) error { p.Name = v; return nil },
	"latin_name": func(p *Profile, v string, _ time.Time) error { p.LatinName = v; return nil },
	"honorific":  func(p *Profile, v string, _ time.Time) error { p.Honorific = v; return nil },
	"gender": func(p *Profile, v string, _ time.Time) error {
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "":
			p.Gender = ""
		case "f", "female", "女":
			p.Gender = "f"
		case "m", "male", "男":
			p.Gender = "m"
		default:
			return &ChoiceError{Field: "gender", Input: v, Choices: []string{"f", "m", "女", "男"}}
		}
		return nil
	},
	"phone": func(p *Profile, v string, _ time.Time) error {
		p.Phones = nil
		for _, n := range splitList(v) {
			if err := CheckPhone(n); err != nil {
				return err
			}
			p.Phones = append(p.Phones, Phone{Number: n})
		}
		return nil
	},
	"email":  func(p *Profile, v string, _ time.Time) error { p.Email = v; return nil },
	"wechat": func(p *Profile, v string, _ time.Time) error { p.WeChat = v; return nil },
	"channel": func(p *Profile, v string, _ time.Time) error {
		c := Channel(strings.ToLower(v))
		for _, k := range Channels {
			if k == c || v == "" {
				p.Channel = c
				return nil
			}
		}
		names := make([]string, len(Channels))
		for i, k := range Channels {
			names[i] = string(k)
		}
		return &ChoiceError{Field: "channel", Input: v, Choices: names}
	},
	"best_time": func(p *Profile, v string, _ time.Time) error { p.BestTime = v; return nil },
	"do_not_contact": func(p *Profile, v string, now time.Time) error {
		b, err := ParseYesNo("do_not_contact", v)
		if err != nil {
			return err
		}
		p.Consent = Consent{DoNotContact: b, RecordedAt: now, How: "set by the associate"}
		return nil
	},
	"home_store": func(p *Profile, v string, _ time.Time) error { p.HomeStore = v; return nil },
	"store":      func(p *Profile, v string, _ time.Time) error { p.HomeStore = v; return nil },
	"counter":    func(p *Profile, v string, _ time.Time) error { p.Counter = v; return nil },
	"city":       func(p *Profile, v string, _ time.Time) error { p.City = v; return nil },
	"district":   func(p *Profile, v string, _ time.Time) error { p.District = v; return nil },
	"country": func(p *Profile, v string, _ time.Time) error {
		if v != "" && len(v) != 2 {
			return &CountryError{Input: v}
		}
		p.Country = strings.ToUpper(v)
		return nil
	},
	"occupation":      func(p *Profile, v string, _ time.Time) error { p.Occupation = v; return nil },
	"hobbies":         func(p *Profile, v string, _ time.Time) error { p.Hobbies = splitList(v); return nil },
	"why_brand":       func(p *Profile, v string, _ time.Time) error { p.WhyBrand = v; return nil },
	"dislikes":        func(p *Profile, v string, _ time.Time) error { p.Dislikes = splitList(v); return nil },
	"gift_prefs":      func(p *Profile, v string, _ time.Time) error { p.GiftPrefs = splitList(v); return nil },
	"motivator":       func(p *Profile, v string, _ time.Time) error { p.Motivator = v; return nil },
	"share_of_wallet": func(p *Profile, v string, _ time.Time) error { p.ShareOfWallet = v; return nil },
	"tier": func(p *Profile, v string, _ time.Time) error {
		p.Tier = strings.ToUpper(strings.TrimSpace(v))
		return nil
	},
	"tags": func(p *Profile, v string, _ time.Time) error { p.Tags = splitList(v); return nil },
	"birthday": func(p *Profile, v string, _ time.Time) error {
		return p.setDate(DateBirthday, v, false)
	},
	"lunar_birthday": func(p *Profile, v string, _ time.Time) error {
		return p.setDate(DateBirthday, v, true)
	},
	"anniversary": func(p *Profile, v string, _ time.Time) error {
		return p.setDate(DateAnniversary, v, false)
	},
	"special_note": func(p *Profile, v string, _ time.Time) error { p.Special.Note = v; return nil },
	"child":        flagSetter("child", func(s *Special, b bool) { s.Child = b }),
	"elderly":      flagSetter("elderly", func(s *Special, b bool) { s.Elderly = b }),
	"pregnant":     flagSetter("pregnant", func(s *Special, b bool) { s.Pregnant = b }),
	"disability":   flagSetter("disability", func(s *Special, b bool) { s.Disability = b }),
	"health":       flagSetter("health", func(s *Special, b bool) { s.Health = b }),
}

func flagSetter(field string, set func(s *Special, b bool)) func(p *Profile, v string, _ time.Time) error {
	return func(p *Profile, v string, _ time.Time) error {
		b, err := ParseYesNo(field, v)
		if err != nil {
			return err
		}
		set(&p.Special, b)
		return nil
	}
}

// setDate replaces the date of a kind, or removes it when v is empty.
func (p *Profile) setDate(kind DateKind, v string, lunar bool) error {
	kept := p.Dates[:0:0]
	for _, d := range p.Dates {
		if d.Kind != kind {
			kept = append(kept, d)
		}
	}
	p.Dates = kept
	if strings.TrimSpace(v) == "" {
		return nil
	}
	// The date as people write it: 03-05, 1985-03-05, 3月5日, or a lunar
	// one (农历八月十五, 腊月廿三, 闰四月初一), which makes the date lunar
	// whatever the field; lunar set reads digits as a lunar date.
	r, err := dateinput.Anniversary(v, lunar)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrBadField, err)
	}
	lead := DefaultLeadDays
	p.Dates = append(p.Dates, ImportantDate{Kind: kind, When: r.When, Lunar: r.Lunar, LeapMonth: r.Leap, LeadDays: lead})
	return nil
}

// Set changes one field by name, as `vipbook edit --set field=value` does.
// Lists (hobbies, dislikes, tags, phone) are comma separated; an empty value
// clears the field. It returns ErrBadField, naming the fields it knows, for
// an unknown field.
func Set(p *Profile, field, value string, now time.Time) error {
	f := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(field)), "-", "_")
	set, ok := setters[f]
	if !ok {
		return &UnknownFieldError{Field: field}
	}
	return set(p, strings.TrimSpace(value), now)
}

// UnknownFieldError is returned by Set for a field it does not know; it
// matches ErrBadField.
type UnknownFieldError struct{ Field string }

func (e *UnknownFieldError) Error() string {
	return fmt.Sprintf("%v %q: known fields are %s", ErrBadField, e.Field, strings.Join(SettableFields(), ", "))
}

// Unwrap is ErrBadField.
func (e *UnknownFieldError) Unwrap() error { return ErrBadField }

// SettableFields lists the field names Set accepts, sorted.
func SettableFields() []string {
	out := make([]string, 0, len(setters))
	for k := range setters {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == ';' }) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// ChoiceError is a field given a value that is none of those it takes
// (Set): the field, what was given, the values it takes. It matches
// ErrBadField.
type ChoiceError struct {
	Field, Input string
	Choices      []string
}

func (e *ChoiceError) Error() string {
	return fmt.Sprintf("%v: %s is one of %s, not %q", ErrBadField, e.Field, strings.Join(e.Choices, ", "), e.Input)
}

// Unwrap is ErrBadField.
func (e *ChoiceError) Unwrap() error { return ErrBadField }

// CountryError is a country given as anything but a two-letter code
// (Set). It matches ErrBadField.
type CountryError struct{ Input string }

func (e *CountryError) Error() string {
	return fmt.Sprintf("%v: country is a two-letter code such as CN, FR, JP, not %q", ErrBadField, e.Input)
}

// Unwrap is ErrBadField.
func (e *CountryError) Unwrap() error { return ErrBadField }
