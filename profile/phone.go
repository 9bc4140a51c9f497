package profile

import (
	"fmt"
	"strings"
)

// DefaultCountryCode is the calling code assumed for numbers typed without
// one, unless the book says otherwise.
const DefaultCountryCode = "86"

// Phone is a number as the associate typed it (kept for display) with a label.
type Phone struct {
	Number string `json:"number"`
	Label  string `json:"label,omitempty"` // mobile, home, work, ...
}

// String is the number as typed with its label: "+86 138 0013 8000 (mobile)".
func (p Phone) String() string {
	if p.Label == "" {
		return p.Number
	}
	return p.Number + " (" + p.Label + ")"
}

// NormalizePhone returns the number as country code plus national digits,
// so that "+86 138 0013 8000", "13800138000", "138-0013-8000" and
// "0086 138 0013 8000" all give "8613800138000". cc is the calling code
// assumed when the number carries none ("86", "1", "44", ...). It returns ""
// when the text has fewer than five digits.
func NormalizePhone(raw, cc string) string {
	raw = strings.TrimSpace(raw)
	// Drop an extension: "x123", "ext. 123", ";ext=123".
	lower := strings.ToLower(raw)
	for _, sep := range []string{"ext", ";", "x", "#", "转"} {
		if i := strings.Index(lower, sep); i > 0 {
			raw, lower = raw[:i], lower[:i]
		}
	}
	if cc == "" {
		cc = DefaultCountryCode
	}
	plus := strings.HasPrefix(strings.TrimLeft(raw, " ("), "+")
	var b strings.Builder
	for _, r := range raw {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else if r >= '０' && r <= '９' { // full-width digits from Chinese IMEs
			b.WriteRune('0' + (r - '０'))
		}
	}
	d := b.String()
	if len(d) < 5 {
		return ""
	}
	switch {
	case plus:
		return d
	case strings.HasPrefix(d, "00"):
		return d[2:]
	case cc == "86" && len(d) == 13 && strings.HasPrefix(d, "861"):
		return d // a Chinese mobile typed with its country code but no "+"
	case cc == "1" && len(d) == 11 && d[0] == '1':
		return d // NANP number typed with its leading 1
	case strings.HasPrefix(d, "0"):
		return cc + d[1:] // national trunk prefix
	}
	return cc + d
}

// CheckPhone returns ErrBadPhone when raw cannot be a phone number.
func CheckPhone(raw string) error {
	if NormalizePhone(raw, DefaultCountryCode) == "" {
		return fmt.Errorf("%w: %q has too few digits", ErrBadPhone, raw)
	}
	return nil
}

// Digits returns only the digits of s; it is what phone search matches on.
func Digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
