package book

import (
	"encoding/json"
	"net/mail"
	"slices"
	"strconv"
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/dateinput"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tiers"
)

// checkProfile refuses what a profile must not hold, whichever front end
// wrote it: a tier that is none of the scheme's labels (ErrBadTier; a
// label written in another case is set to the scheme's spelling), an
// e-mail address that is not one (ErrBadEmail), a date whose year is
// outside the calendar's 1900 to 2100 (ErrDateRange), a phone number that
// is not valid by libphonenumber's rules for its country, or typed without
// a country code and not valid in the book's (a *profile.PhoneError; the
// number is stored in E.164 otherwise). Only what differs
// from before (the profile as stored; nil for a new client) is checked, so
// a record written before these checks can still be edited.
func (b *Book) checkProfile(p, before *profile.Profile) error {
	if before == nil {
		before = &profile.Profile{}
	}
	if p.Tier = strings.TrimSpace(p.Tier); p.Tier != "" && p.Tier != before.Tier {
		levels := tiers.Levels(b.cfg.Tiers)
		found := false
		var names []string
		for i := len(levels) - 1; i >= 0; i-- { // highest first
			l := levels[i]
			if l == "" {
				continue
			}
			names = append(names, l)
			if strings.EqualFold(l, p.Tier) {
				p.Tier, found = l, true
			}
		}
		if !found {
			return &Error{Key: i18n.ErrBadTier, Args: []any{p.Tier, strings.Join(names, ", ")}}
		}
	}
	if p.Email = strings.TrimSpace(p.Email); p.Email != "" && p.Email != before.Email && !EmailValid(p.Email) {
		return &Error{Key: i18n.ErrBadEmail, Args: []any{p.Email}}
	}
	if err := refuseControls(p, textsOf(before)); err != nil {
		return err
	}
	if n, c := p.TooLongName(); n != "" {
		return &Error{Key: ErrNameTooLong.Key, Args: []any{c, profile.NameLimit}}
	}
	if raw, err := json.Marshal(p); err == nil && len(raw) > profile.RecordLimit {
		return &Error{Key: ErrRecordTooLong.Key, Args: []any{len(raw) >> 10, profile.RecordLimit >> 10}}
	}
	cc := b.Meta().CountryCode
	for i, ph := range p.Phones {
		if slices.Contains(before.Phones, ph) {
			continue
		}
		n, err := profile.ReadPhone(ph.Number, cc)
		if err != nil {
			return err
		}
		p.Phones[i].Number = n
	}
	for _, d := range p.Dates {
		if d.When.Year != 0 && !yearInRange(d.When.Year) && !slices.Contains(before.Dates, d) {
			return rangeErr(d.WhenText())
		}
	}
	return nil
}

// EmailValid reports whether s is one plain e-mail address (name@domain.tld),
// without a display name or angle brackets.
func EmailValid(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") &&
		!strings.HasSuffix(domain, ".") && !strings.Contains(domain, "..")
}

// checkNote refuses a note longer than the configured limit
// (config.Limits.NoteBytes, 64 KiB by default): ErrNoteTooLong.
func (b *Book) checkNote(text string) error {
	if t := termsafe.Text(text); t != text {
		return &Error{Key: i18n.ErrControlChar, Args: []any{t}}
	}
	if limit := b.cfg.Limits.NoteLimit(); len(text) > limit {
		return &Error{Key: ErrNoteTooLong.Key, Args: []any{(len(text) + 1023) >> 10, limit >> 10}}
	}
	return nil
}

// refuseTyped refuses typed one-line texts (a follow-up's title, a
// purchase's items, a visit's purpose, a request's text) and multi-line
// ones (a follow-up's or a request's note: newline and tab kept) that
// hold a control character, with ErrControlChar showing the text with
// its controls visible, as a profile's fields and a note are refused.
func refuseTyped(lines []string, texts ...string) error {
	for _, s := range lines {
		if t := termsafe.Line(s); t != s {
			return &Error{Key: i18n.ErrControlChar, Args: []any{t}}
		}
	}
	for _, s := range texts {
		if t := termsafe.Text(s); t != s {
			return &Error{Key: i18n.ErrControlChar, Args: []any{t}}
		}
	}
	return nil
}

// textsOf returns every text of p's fields.
func textsOf(p *profile.Profile) map[string]bool {
	had := map[string]bool{}
	termsafe.Fields(p, func(_, s string) string { had[s] = true; return s })
	return had
}

// refuseControls refuses a text of p that is not one of had (the texts
// of the profile before the change) and that holds a control character
// (ErrControlChar): every field of a profile is one line, so a line break
// is one too. Text the profile held already (a book written before this
// check) can still be kept while other fields are edited.
func refuseControls(p *profile.Profile, had map[string]bool) error {
	var bad string
	termsafe.Fields(p, func(_, s string) string {
		if bad == "" && !had[s] && termsafe.Line(s) != s {
			bad = s
		}
		return s
	})
	if bad != "" {
		return &Error{Key: i18n.ErrControlChar, Args: []any{termsafe.Line(bad)}}
	}
	return nil
}

func yearInRange(y int) bool { return y >= dateinput.MinYear && y <= dateinput.MaxYear }

// checkDay refuses a day outside the calendar's years (ErrDateRange).
func checkDay(d civil.Date) error {
	if d.IsZero() || yearInRange(d.Year) {
		return nil
	}
	return rangeErr(d.String())
}

func rangeErr(what string) error {
	return &Error{Key: i18n.ErrDateRange, Args: []any{what, strconv.Itoa(dateinput.MinYear), strconv.Itoa(dateinput.MaxYear)}}
}
