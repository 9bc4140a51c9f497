package profile

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/nyaruka/phonenumbers"
)

// DefaultCountryCode is the calling code assumed for numbers typed without
// one, unless the book says otherwise.
const DefaultCountryCode = "86"

// Phone is a number with a label. Numbers written through the book are
// stored in E.164 ("+8613800138000", with " ext. 806" after it when there
// is an extension); books written before keep the number as it was typed.
// FormatPhone shows either the way the associate reads numbers.
type Phone struct {
	Number string `json:"number"`
	Label  string `json:"label,omitempty"` // mobile, home, work, ...
}

// String is the number as stored with its label: "+8613800138000 (mobile)".
func (p Phone) String() string {
	if p.Label == "" {
		return p.Number
	}
	return p.Number + " (" + p.Label + ")"
}

// Show is the number as the associate reads it (FormatPhone, for a book
// whose calling code is cc) with its label: "138 0013 8000 (mobile)".
func (p Phone) Show(cc string) string {
	n := FormatPhone(p.Number, cc)
	if p.Label == "" {
		return n
	}
	return n + " (" + p.Label + ")"
}

// PhoneError says why a typed number is not taken (it matches ErrBadPhone).
// The front ends word it through the catalog.
type PhoneError struct {
	Raw string // the number as typed
	CC  string // the calling code it was read against: the book's, or the one typed
	// NeedsCountry: the number was typed without a country code and is not
	// a valid number of the book's country; it may be another country's,
	// so the associate is asked to type it with + and its country code.
	NeedsCountry bool
}

func (e *PhoneError) Error() string {
	if e.NeedsCountry {
		return fmt.Sprintf("%q is not a valid number in the book's country (+%s): type it with + and its country code if it is another country's", e.Raw, e.CC)
	}
	return fmt.Sprintf("%q is not a valid +%s phone number", e.Raw, e.CC)
}

// Unwrap makes a PhoneError match ErrBadPhone.
func (e *PhoneError) Unwrap() error { return ErrBadPhone }

// regionOf is the region libphonenumber reads national numbers in for the
// calling code cc ("86" -> "CN", "1" -> "US", "44" -> "GB").
func regionOf(cc string) string {
	n, err := strconv.Atoi(callingCode(cc))
	if err != nil {
		return phonenumbers.UNKNOWN_REGION
	}
	return phonenumbers.GetRegionCodeForCountryCode(n)
}

// callingCode is the calling code cc as the book's settings may give it
// ("86", "+86", " 86 "), without its plus; DefaultCountryCode when empty.
func callingCode(cc string) string {
	if cc = strings.TrimPrefix(strings.TrimSpace(cc), "+"); cc == "" {
		return DefaultCountryCode
	}
	return cc
}

// prepare makes a typed number readable by libphonenumber: the Chinese
// extension mark 转 becomes " ext. ".
func prepare(raw string) string {
	raw = strings.TrimSpace(raw)
	if i := strings.Index(raw, "转"); i > 0 {
		raw = raw[:i] + " ext. " + strings.TrimSpace(raw[i+len("转"):])
	}
	return raw
}

// parsePhone reads raw with libphonenumber in the region of the calling
// code cc, keeping how the country code was given. It returns nil when the
// text is not a number at all.
func parsePhone(raw, cc string) *phonenumbers.PhoneNumber {
	n, err := phonenumbers.ParseAndKeepRawInput(prepare(raw), regionOf(cc))
	if err != nil {
		return nil
	}
	return n
}

// fromDefault reports whether n was read with the book's country because
// it carried no country code of its own.
func fromDefault(n *phonenumbers.PhoneNumber) bool {
	return n.GetCountryCodeSource() == phonenumbers.PhoneNumber_FROM_DEFAULT_COUNTRY
}

// ReadPhone reads a number as the associate typed it, for a book whose
// calling code is cc, and returns it in E.164 (with " ext. N" after an
// extension). Any way of writing one number gives the same result:
// "138 0013 8000", "+86 138-0013-8000" and "008613800138000" are all
// "+8613800138000". A number typed without a country code takes the
// book's country only when it is valid there; otherwise the error says
// NeedsCountry. A number that is not valid for its country (too short, too
// long, no such range) is refused.
func ReadPhone(raw, cc string) (string, error) {
	out, _, err := ReadPhoneInRegion(raw, cc)
	return out, err
}

// ReadPhoneInRegion is ReadPhone, and also reports what ReadInRegion
// would: whether the number was read as one of cc's country because it
// carries no country code of its own. One reading of the number for both
// (an import asks both of every number).
func ReadPhoneInRegion(raw, cc string) (e164 string, inRegion bool, err error) {
	cc = callingCode(cc)
	n := parsePhone(raw, cc)
	if n == nil {
		return "", false, &PhoneError{Raw: raw, CC: cc}
	}
	if !phonenumbers.IsValidNumber(n) {
		if fromDefault(n) {
			if d := len(Digits(raw)); d >= 7 && d <= 15 {
				return "", false, &PhoneError{Raw: raw, CC: cc, NeedsCountry: true}
			}
			return "", false, &PhoneError{Raw: raw, CC: cc}
		}
		return "", false, &PhoneError{Raw: raw, CC: strconv.Itoa(int(n.GetCountryCode()))}
	}
	out := phonenumbers.Format(n, phonenumbers.E164)
	if ext := n.GetExtension(); ext != "" {
		out += " ext. " + ext
	}
	return out, fromDefault(n), nil
}

// FormatPhone shows a stored number the way the associate reads it: in the
// national format when it is of the book's country (calling code cc),
// "138 0013 8000", else in the international format, "+1 905-555-1234".
// A number libphonenumber cannot read (an old book's typing) is shown as
// stored.
func FormatPhone(stored, cc string) string {
	cc = callingCode(cc)
	key := cc + " " + stored
	if v, ok := formatted.Load(key); ok {
		return v.(string)
	}
	out := phoneAs(stored, cc, true)
	if formattedN.Add(1) <= maxFormatted {
		formatted.Store(key, out)
	}
	return out
}

// InternationalPhone writes a stored number as a file for other programs
// holds it: in the international format, its country code first, "+86 138
// 0013 8000", whether the book stored it in E.164, formatted, or (an older
// book) without a country code, then taken as one of the book's country
// (calling code cc). Every way of storing one number gives the same text,
// so an export read back and exported again is the same file. A number
// libphonenumber cannot read as valid is written as stored.
func InternationalPhone(stored, cc string) string {
	return phoneAs(stored, callingCode(cc), false)
}

// phoneAs words stored, read as a number of the country of calling code
// cc (without its plus): in the national format when national asks it
// and the number is of that country, else in the international format;
// as stored when libphonenumber cannot read it as a valid number.
func phoneAs(stored, cc string, national bool) string {
	n := parsePhone(stored, cc)
	if n == nil || !phonenumbers.IsValidNumber(n) {
		return stored
	}
	if national && strconv.Itoa(int(n.GetCountryCode())) == cc {
		return phonenumbers.Format(n, phonenumbers.NATIONAL)
	}
	return phonenumbers.Format(n, phonenumbers.INTERNATIONAL)
}

// formatted keeps the numbers FormatPhone has worded (a few thousand at
// most): libphonenumber takes tens of microseconds a number, and a screen
// words the same numbers at every frame.
var (
	formatted  sync.Map
	formattedN atomic.Int64
)

const maxFormatted = 4096

// e164Digits returns the digits of a number already stored in E.164
// ("+8613800138000", with an optional " ext. N"), or "" for anything else.
func e164Digits(raw string) string {
	if i := strings.Index(raw, " ext. "); i > 0 {
		raw = raw[:i]
	}
	if len(raw) < 8 || len(raw) > 16 || raw[0] != '+' || raw[1] == '0' {
		return ""
	}
	for i := 1; i < len(raw); i++ {
		if raw[i] < '0' || raw[i] > '9' {
			return ""
		}
	}
	return raw[1:]
}

// NormalizePhone returns the number as country code plus national digits,
// the key phones are compared, indexed and searched by, so that
// "+86 138 0013 8000", "13800138000", "138-0013-8000" and
// "0086 138 0013 8000" all give "8613800138000". A number valid by
// libphonenumber's rules gives its E.164 digits; anything else (an old
// book's typing, part of a number) is read by the digits alone, as before.
// cc is the calling code assumed when the number carries none ("86", "1",
// "44", ...). It returns "" when the text has fewer than five digits.
func NormalizePhone(raw, cc string) string {
	if d := e164Digits(raw); d != "" {
		return d // stored numbers: no parsing
	}
	if cc == "" {
		cc = DefaultCountryCode
	}
	if len(raw) > maxNormalizedLen {
		return normalizePhone(raw, cc) // not a number anyone types: not kept
	}
	k := normalizedKey{raw, cc}
	normalized.Lock()
	d, ok := normalized.m[k]
	normalized.Unlock()
	if ok {
		return d
	}
	d = normalizePhone(raw, cc)
	normalized.Lock()
	if normalized.m == nil || len(normalized.m) >= maxNormalized {
		// Full: begun afresh, so a long import (100k numbers kept as
		// written) keeps gaining, and what was kept goes in time.
		normalized.m = make(map[normalizedKey]string)
	}
	normalized.m[normalizedKey{strings.Clone(raw), strings.Clone(cc)}] = d
	normalized.Unlock()
	return d
}

// normalizePhone is NormalizePhone of a number not in E.164: read by
// libphonenumber, or by its digits when it is not valid there.
func normalizePhone(raw, cc string) string {
	if n := parsePhone(raw, cc); n != nil && phonenumbers.IsValidNumber(n) {
		return strings.TrimPrefix(phonenumbers.Format(n, phonenumbers.E164), "+")
	}
	return digitsKey(raw, cc)
}

// normalized keeps the keys NormalizePhone has read with libphonenumber
// (numbers not in E.164: an old book's typing, or a number an import kept
// as written), up to maxNormalized of them: one number is keyed several
// times for one write, when its record is matched, its summary made and
// its index entries checked, and libphonenumber takes microseconds a
// reading. The key depends on (raw, cc) alone.
var normalized struct {
	sync.Mutex
	m map[normalizedKey]string
}

type normalizedKey struct{ raw, cc string }

const maxNormalized = 1 << 14

// maxNormalizedLen is the longest text NormalizePhone keeps the key of: a
// number with an extension and its spaces, far more than one needs.
const maxNormalizedLen = 64

// UnreadPhoneKey is NormalizePhone(raw, cc) for a number ReadPhone did not
// take for cc (it is not a valid number there): the same key without
// reading the number again (an import keeps such a number as written and
// compares it by its key).
func UnreadPhoneKey(raw, cc string) string {
	if d := e164Digits(raw); d != "" {
		return d
	}
	if cc == "" {
		cc = DefaultCountryCode
	}
	return digitsKey(raw, cc)
}

// digitsKey is NormalizePhone by the digits alone, for text libphonenumber
// does not take as a valid number.
func digitsKey(raw, cc string) string {
	raw = numberPart(raw)
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

// numberPart is raw without blanks around it and without an extension:
// "x123", "ext. 123", ";ext=123".
func numberPart(raw string) string {
	raw = strings.TrimSpace(raw)
	// The marks are sought in raw with only its ASCII letters lower-cased,
	// so a place in it is a place in raw: strings.ToLower may change a
	// character's length (Ⱥ, 2 bytes, is ⱥ, 3), and raw cut at a place in
	// that was cut past its end ("ȺȺȺȺȺȺ x" panicked).
	lower := asciiLower(raw)
	for _, sep := range []string{"ext", ";", "x", "#", "转"} {
		if i := strings.Index(lower, sep); i > 0 {
			raw, lower = raw[:i], lower[:i]
		}
	}
	return raw
}

// asciiLower is s with its ASCII capitals made small, every other byte as
// it is (s itself when it has no capital).
func asciiLower(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' })
	if i < 0 {
		return s
	}
	b := []byte(s)
	for j := i; j < len(b); j++ {
		if c := b[j]; c >= 'A' && c <= 'Z' {
			b[j] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// CheckPhone returns ErrBadPhone when raw cannot be a phone number in any
// country: fewer than five digits or more than 17 (libphonenumber's
// longest). The book reads each new number for its own country with
// ReadPhone.
func CheckPhone(raw string) error {
	// digitsKey(raw, DefaultCountryCode) is "" when the number's part has
	// fewer than five digits; counted, not gathered.
	key := 0
	for _, r := range numberPart(raw) {
		if r >= '0' && r <= '9' || r >= '０' && r <= '９' {
			key++
		}
	}
	if key < 5 || digitCount(raw) > 17+3 {
		return &PhoneError{Raw: raw, CC: DefaultCountryCode}
	}
	return nil
}

// digitCount is len(Digits(s)).
func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
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

// CallingCodeOf returns the calling code of a region (an ISO 3166 code:
// "GB" -> "44", "CN" -> "86"), or "" for a region libphonenumber does not
// know.
func CallingCodeOf(region string) string {
	n := phonenumbers.GetCountryCodeForRegion(strings.ToUpper(strings.TrimSpace(region)))
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// RegionOfCallingCode returns the main region of a calling code ("44" ->
// "GB"), or "" when there is none.
func RegionOfCallingCode(cc string) string {
	r := regionOf(cc)
	if r == phonenumbers.UNKNOWN_REGION || r == "001" {
		return ""
	}
	return r
}

// ReadInRegion reports whether raw, a valid number read for calling code
// cc, was read as a number of that country because it carries no country
// code of its own ("07700 900123", not "+44 7700 900123").
func ReadInRegion(raw, cc string) bool {
	n := parsePhone(raw, cc)
	return n != nil && fromDefault(n)
}
