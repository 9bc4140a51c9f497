// Package merge decides whether a client arriving from outside the book (a
// handover bundle, a vCard, a row of a shop's CSV) is a client the book
// already holds, and merges the two profiles of one client field by field.
//
// It exists so that handover and the contact-list import apply one rule for
// "the same client" and one rule for combining what two sources know, and so
// that a client is never created twice nor a known value silently lost.
//
// Matching (Index.Match) uses, in this order: a normalised phone number
// (profile.NormalizePhone, each side with its own book's calling code); a
// normalised e-mail address (trimmed, lower case); a normalised name (any
// of Name and LatinName: NFKC, lower case, no spaces) together with the
// month and day of the birthday (and whether it is lunar); and lastly the
// client's id together with a normalised name, which finds again a client
// that came with neither phone, e-mail nor birthday.
//
// A strict Index (Index.Strict, for contact lists from outside vipbook)
// asks more: a shared phone or e-mail matches only a client whose name
// agrees (NamesAgree), so five colleagues sharing one office phone, or a
// couple sharing a home phone, stay separate clients and are reported as
// Match.Apart; it looks for a name with a birthday only when no phone or
// e-mail matched; and a client who comes with neither phone, e-mail nor
// birthday matches the client of the same name.
//
// Merging (Profiles) keeps the book's id. A field both sides fill with
// different values is a Conflict: by default the side updated more recently
// wins, and the value that loses is kept in the profile's History as a
// profile.FieldChange, so nothing known is lost. A field only one side fills
// takes that value. Lists (phones, hobbies, dislikes, gift preferences, tags,
// sizes, preferences, made-to-order, household, important dates of other
// kinds, the owner trail, the history) are united. Special-person flags are
// united too (either side's knowledge counts). A phone's label, a household
// member's relation or birthday known on one side only completes the
// other's. Consent follows the answer recorded last; when that cannot be
// told, do-not-contact wins (stamped with the merge's time and source when
// the incoming side does not say when it was learnt).
//
// Diff says in a report what a merge changed, and NewTexts which note
// texts of an incoming client are new, so a note arrives once.
//
// The package is pure domain: no store, no terminal.
package merge

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/vipbook/vipbook/profile"
)

// Reason says how an incoming client was matched with one of the book.
type Reason string

// The ways a client is matched, strongest first.
const (
	ByPhone        Reason = "phone"
	ByEmail        Reason = "email"
	ByNameBirthday Reason = "name+birthday"
	ByID           Reason = "id+name"
	ByName         Reason = "name" // strict only: a client known by name alone
)

// NormalizeEmail returns the address trimmed and in lower case ("" when it
// has no @).
func NormalizeEmail(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if !strings.Contains(s, "@") {
		return ""
	}
	return s
}

// NormalizeName folds a name for comparison: NFKC (full-width letters and
// digits become plain), lower case, without spaces or dots, so "王 小明",
// "王小明", "Anne  Dubois" and "anne dubois" compare equal to their pairs.
func NormalizeName(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || r == '.' || r == '·' || r == '-' {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// squeeze folds a name as NormalizeName does and drops commas too, for
// NamesAgree.
func squeeze(s string) string { return strings.ReplaceAll(NormalizeName(s), ",", "") }

// NamesAgree reports whether two clients, by their names and latin names,
// may be one person: the same name whatever the case, width, spacing, dots
// and commas; one's latin name the other's name; or every word of the
// shorter of two names of two words or more in the longer ("John Doe" and
// "John Richter Doe"). A client without a name may be anyone (a shop's row
// that only adds an address).
func NamesAgree(name1, latin1, name2, latin2 string) bool {
	d1, d2 := firstOf(name1, latin1), firstOf(name2, latin2)
	if strings.TrimSpace(d1) == "" || strings.TrimSpace(d2) == "" {
		return true
	}
	for _, x := range []string{name1, latin1} {
		for _, y := range []string{name2, latin2} {
			if x != "" && y != "" && squeeze(x) == squeeze(y) {
				return true
			}
		}
	}
	words := func(s string) []string {
		f := strings.Fields(strings.ToLower(norm.NFKC.String(s)))
		out := f[:0]
		for _, w := range f {
			if w = strings.Trim(w, ".,"); w != "" {
				out = append(out, w)
			}
		}
		return out
	}
	short, long := words(d1), words(d2)
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) < 2 {
		return false
	}
	rest := append([]string(nil), long...)
	for _, w := range short {
		i := slices.Index(rest, w)
		if i < 0 {
			return false
		}
		rest = slices.Delete(rest, i, i+1)
	}
	return true
}

func firstOf(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// nameKeys returns the normalised forms of a client's names.
func nameKeys(name, latin string) []string {
	var out []string
	for _, n := range []string{name, latin} {
		if k := NormalizeName(n); k != "" && (len(out) == 0 || out[0] != k) {
			out = append(out, k)
		}
	}
	return out
}

// birthdayKey returns the month and day of the birthday among dates ("" when
// none): "03-14", or "L08-15" / "LL06-10" for a lunar (leap-month) one.
func birthdayKey(dates []profile.ImportantDate) string {
	for _, d := range dates {
		if d.Kind != profile.DateBirthday || d.When.IsZero() {
			continue
		}
		var b [8]byte
		k := b[:0]
		if d.Lunar {
			k = append(k, 'L')
			if d.LeapMonth {
				k = append(k, 'L')
			}
		}
		if m, day := d.When.Month, d.When.Day; m >= 1 && m <= 12 && day >= 0 && day <= 99 {
			// MonthDay.String without its year ("%02d-%02d"), without fmt:
			// every record of an import is keyed twice.
			k = append(k, byte('0'+m/10), byte('0'+m%10), '-', byte('0'+day/10), byte('0'+day%10))
			return string(k)
		}
		md := d.When
		md.Year = 0
		return string(k) + md.String()
	}
	return ""
}

// Keys are the normalised keys a client is matched on.
type Keys struct {
	Phones   []string // normalised numbers
	Email    string
	Names    []string // normalised Name and LatinName
	Birthday string   // month and day of the birthday, "" when unknown
	// Name and Latin are the names as written, for NamesAgree (strict
	// matching).
	Name, Latin string
}

// KeysOfProfile returns the keys of p, its phones normalised with the
// calling code cc of the book p comes from.
func KeysOfProfile(p *profile.Profile, cc string) Keys {
	return KeysWithPhones(p, p.NormalizedPhones(cc))
}

// KeysWithPhones returns the keys of p whose phones, normalised, are
// phones (p.NormalizedPhones, worked out by the caller, who knew them).
func KeysWithPhones(p *profile.Profile, phones []string) Keys {
	return Keys{Phones: phones, Email: NormalizeEmail(p.Email),
		Names: nameKeys(p.Name, p.LatinName), Birthday: birthdayKey(p.Dates), Name: p.Name, Latin: p.LatinName}
}

// KeysOfSummary returns the keys of a book's summary (whose phones are
// already normalised).
func KeysOfSummary(s *profile.Summary) Keys {
	return Keys{Phones: s.Phones, Email: NormalizeEmail(s.Email),
		Names: nameKeys(s.Name, s.LatinName), Birthday: birthdayKey(s.Dates), Name: s.Name, Latin: s.LatinName}
}

// Index finds the clients of a book by their keys. Build it from the
// book's summaries, then Add each client created while importing, so that
// two incoming records of one client become one client.
type Index struct {
	// Strict asks names to agree before a shared phone or e-mail matches,
	// and matches a client known by name alone (see the package doc). Set
	// it before the first Match.
	Strict bool

	phones map[string][]string
	emails map[string][]string
	nameBD map[string][]string
	names  map[string][]string    // id -> normalised names
	byName map[string][]string    // normalised name -> ids
	raw    map[string][][2]string // id -> names and latin names as written
}

// NewIndex returns an empty index.
func NewIndex() *Index { return NewIndexFor(0) }

// NewIndexFor returns an empty index with room for n clients (its maps
// made once at their size, not grown and rehashed as clients are added).
func NewIndexFor(n int) *Index {
	return &Index{phones: make(map[string][]string, n), emails: make(map[string][]string, n),
		nameBD: make(map[string][]string, n), names: make(map[string][]string, n),
		byName: make(map[string][]string, n), raw: make(map[string][][2]string, n)}
}

// IndexSummaries returns an index of the given summaries.
func IndexSummaries(sums []profile.Summary) *Index {
	x := NewIndexFor(len(sums))
	for i := range sums {
		x.Add(sums[i].ID, KeysOfSummary(&sums[i]))
	}
	return x
}

func addOnce(m map[string][]string, k, id string) {
	for _, o := range m[k] {
		if o == id {
			return
		}
	}
	m[k] = append(m[k], id)
}

// Add records the keys of the client id (again after a merge: keys add up).
func (x *Index) Add(id string, k Keys) {
	for _, p := range k.Phones {
		addOnce(x.phones, p, id)
	}
	if k.Email != "" {
		addOnce(x.emails, k.Email, id)
	}
	for _, n := range k.Names {
		if k.Birthday != "" {
			addOnce(x.nameBD, n+"|"+k.Birthday, id)
		}
		addOnce(x.names, id, n)
		addOnce(x.byName, n, id)
	}
	if k.Name != "" || k.Latin != "" {
		pair := [2]string{k.Name, k.Latin}
		if !slices.Contains(x.raw[id], pair) {
			x.raw[id] = append(x.raw[id], pair)
		}
	}
}

// agrees reports whether the names of the client id agree with k's.
func (x *Index) agrees(id string, k Keys) bool {
	names := x.raw[id]
	if len(names) == 0 {
		return true
	}
	for _, n := range names {
		if NamesAgree(n[0], n[1], k.Name, k.Latin) {
			return true
		}
	}
	return false
}

// Match is the client of the book an incoming client is taken to be.
type Match struct {
	ID string
	By Reason
	// Key is the normalised phone number or e-mail address that matched
	// (By is ByPhone or ByEmail).
	Key string
	// Others are further clients of the book that one of the keys also
	// finds (two clients sharing a number, say): the match is the first
	// client of the strongest key, and these are worth a look.
	Others []string
	// Apart are the clients (strict matching) that share a phone number or
	// the e-mail address but not the name: not matched, worth a warning.
	Apart []Shared
}

// Shared is a client that has one of the incoming phone numbers or the
// e-mail address under another name.
type Shared struct {
	ID  string
	By  Reason // ByPhone or ByEmail
	Key string // the normalised number or address
}

// Match returns the book's client with keys k, and false when there is
// none. id is the client's id in the book it comes from ("" when unknown):
// it matches only together with a name.
func (x *Index) Match(id string, k Keys) (Match, bool) {
	var m Match
	seen := map[string]bool{}
	consider := func(ids []string, by Reason, key string) {
		for _, c := range ids {
			if seen[c] {
				continue
			}
			if x.Strict && (by == ByPhone || by == ByEmail) && !x.agrees(c, k) {
				if !slices.ContainsFunc(m.Apart, func(s Shared) bool { return s.ID == c }) {
					m.Apart = append(m.Apart, Shared{ID: c, By: by, Key: key})
				}
				continue
			}
			seen[c] = true
			if m.ID == "" {
				m.ID, m.By = c, by
				if by == ByPhone || by == ByEmail {
					m.Key = key
				}
			} else {
				m.Others = append(m.Others, c)
			}
		}
	}
	for _, p := range k.Phones {
		consider(x.phones[p], ByPhone, p)
	}
	if k.Email != "" {
		consider(x.emails[k.Email], ByEmail, k.Email)
	}
	if k.Birthday != "" && (!x.Strict || m.ID == "") {
		for _, n := range k.Names {
			consider(x.nameBD[n+"|"+k.Birthday], ByNameBirthday, "")
		}
	}
	if x.Strict && m.ID == "" && k.Birthday == "" && len(k.Phones) == 0 && k.Email == "" {
		for _, n := range k.Names {
			consider(x.byName[n], ByName, "")
		}
	}
	if id != "" && m.ID == "" {
		for _, have := range x.names[id] {
			for _, n := range k.Names {
				if have == n {
					consider([]string{id}, ByID, "")
				}
			}
		}
	}
	if m.ID != "" {
		m.Apart = slices.DeleteFunc(m.Apart, func(s Shared) bool { return seen[s.ID] })
	}
	return m, m.ID != ""
}
