package interchange

import (
	"errors"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/merge"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
)

// Record is one contact read from a file: what the book would hold about it.
type Record struct {
	Line    int             // where it starts in the file
	Lines   []int           // other lines of the file merged into it (duplicates)
	Profile profile.Profile // name, phones, e-mail, dates, tags, consent ...
	Notes   []NoteIn        // each a note on the client
	Rev     time.Time       // when the source says it last changed (vCard REV); zero if unknown
	// UID is the key the file names the record by, which links of other
	// records use (links.go): a vCard's urn:uuid: UID, a vipbook CSV
	// row's id as csvKey; "" when the file names it by none.
	UID   string
	Warns []Msg        // what could not be taken as it was, and where it went
	reads []regionRead // numbers without a country code, read in a region
	// phoneKeys are the keys of the record's numbers (NormalizePhone),
	// each worked out once for each calling code: a number kept as
	// written is read by libphonenumber to make its key, which the record
	// is matched by in the file and again in the book.
	phoneKeys []phoneKey
}

// phoneKey is profile.NormalizePhone(number, cc).
type phoneKey struct{ number, cc, key string }

// phoneKey returns profile.NormalizePhone(number, cc), read once for the
// record. Keys are kept by the number and calling code they are of, so a
// number changed (showControls) or added (a merge) is read anew.
func (r *Record) phoneKey(number, cc string) string {
	if strings.HasPrefix(number, "+") && !strings.ContainsAny(number, " -()./") {
		return profile.NormalizePhone(number, cc) // E.164 as stored: its digits, nothing read
	}
	for _, k := range r.phoneKeys {
		if k.number == number && k.cc == cc {
			return k.key
		}
	}
	key := profile.NormalizePhone(number, cc)
	r.phoneKeys = append(r.phoneKeys, phoneKey{number, cc, key})
	return key
}

// keys returns merge.KeysOfProfile(&r.Profile, cc), its phones' keys
// read once (phoneKey).
func (r *Record) keys(cc string) merge.Keys {
	var phones []string
	for _, ph := range r.Profile.Phones {
		if n := r.phoneKey(ph.Number, cc); n != "" && !slices.Contains(phones, n) {
			phones = append(phones, n)
		}
	}
	return merge.KeysWithPhones(&r.Profile, phones)
}

// NoteIn is a note read from a file: its text, and its kind and time when
// the file says them (vipbook's own vCards do).
type NoteIn struct {
	Text string
	Kind notes.Kind // "" when the file does not say: a general note
	At   time.Time  // zero when the file does not say: the time of the import
}

// sameNote reports whether two notes are one: the same text, on the same
// day when both say their day (two equal notes on different days are two).
func sameNote(a, b NoteIn) bool {
	return textKey(a.Text) == textKey(b.Text) && sameDay(a, b)
}

// sameDay reports whether two notes are of one day, or either says none.
func sameDay(a, b NoteIn) bool {
	return a.At.IsZero() || b.At.IsZero() || civil.Of(a.At.UTC()) == civil.Of(b.At.UTC())
}

func textKey(t string) string { return strings.TrimSpace(strings.ReplaceAll(t, "\r\n", "\n")) }

// newNotes returns the notes of in that have has not, each once.
func newNotes(have, in []NoteIn) []NoteIn {
	var out []NoteIn
	for _, n := range in {
		if textKey(n.Text) == "" {
			continue
		}
		dup := func(h NoteIn) bool { return sameNote(h, n) }
		if slices.ContainsFunc(have, dup) || slices.ContainsFunc(out, dup) {
			continue
		}
		out = append(out, n)
	}
	return out
}

// Msg is a reason or a warning of a report: what (one of the i18n.Import
// keys) and its facts (a field, a value, a line), worded by
// i18n.Catalog.ImportNote in the reader's language.
type Msg struct {
	Code i18n.Key
	Args []any
}

// msg returns the Msg of code with args.
func msg(code i18n.Key, args ...any) Msg { return Msg{Code: code, Args: args} }

// In returns the text in lang ("zh" for Chinese, English otherwise).
func (m Msg) In(lang string) string {
	if m.Code == "" {
		return ""
	}
	return i18n.New(lang).ImportNote(m.Code, m.Args...)
}

// warn records something taken differently from how the file had it.
func (r *Record) warn(code i18n.Key, args ...any) { r.Warns = append(r.Warns, msg(code, args...)) }

// newSkip returns the Skip of the record on line with name, for why.
func newSkip(line int, name string, why Msg) Skip {
	return Skip{Line: line, Name: name, Code: why.Code, Args: why.Args, Reason: why.In("en")}
}

// newWarning returns the Warning of the record on line with name.
func newWarning(line int, name string, w Msg) Warning {
	return Warning{Line: line, Name: name, Code: w.Code, Args: w.Args, Text: w.In("en")}
}

// Skip is a record that is not imported, with why.
type Skip struct {
	Line int    `json:"line"`
	Name string `json:"name,omitempty"`
	// Code and Args are why (Msg); Reason is that in English, for the
	// JSON report.
	Code   i18n.Key `json:"code"`
	Args   []any    `json:"-"`
	Reason string   `json:"reason"`
	// ErasedOn is the day (YYYY-MM-DD) the record's client was erased from
	// the book at the client's request, when that is why it was skipped.
	ErasedOn string `json:"erased_on,omitempty"`
}

// In returns the reason in lang.
func (s Skip) In(lang string) string { return Msg{s.Code, s.Args}.In(lang) }

// Warning is something taken differently from how the file had it.
type Warning struct {
	Line int    `json:"line"`
	Name string `json:"name,omitempty"`
	// Code and Args are what (Msg); Text is that in English, for the
	// JSON report.
	Code i18n.Key `json:"code"`
	Args []any    `json:"-"`
	Text string   `json:"text"`
}

// In returns the text in lang.
func (w Warning) In(lang string) string { return Msg{w.Code, w.Args}.In(lang) }

// name returns a record's name for a report.
func (r *Record) name() string {
	if n := r.Profile.DisplayName(); n != "" {
		return n
	}
	if r.Profile.Email != "" {
		return r.Profile.Email
	}
	if len(r.Profile.Phones) > 0 {
		return r.Profile.Phones[0].Number
	}
	return ""
}

// addPhone adds a number with its label unless it is already there, and
// warns for text that is not a phone number. A number without a country
// code is read as a number of the region in (the record's own country,
// the file's, or the book's), and the record keeps that it was.
func (r *Record) addPhone(number, label string, in phoneRegion) {
	cc := in.cc
	number = strings.TrimSpace(number)
	if number == "" {
		return
	}
	if strings.ContainsAny(number, "eE") && excelNumber().MatchString(number) { // no E, no exponent: the pattern not run
		r.warn(i18n.ImportPhoneMangled, number)
		return
	}
	if profile.CheckPhone(number) != nil {
		r.warn(i18n.ImportPhoneNotNumber, number)
		return
	}
	// Read by libphonenumber's rules for the region's country and stored
	// in E.164. A number that is not valid (without a country code, in the
	// region) is kept as typed, so nothing in the file is lost, and the
	// warning says what to do.
	e164, inRegion, err := profile.ReadPhoneInRegion(number, cc)
	if err != nil {
		// Kept as written: its key without reading it again.
		r.phoneKeys = append(r.phoneKeys, phoneKey{number, cc, profile.UnreadPhoneKey(number, cc)})
	}
	var pe *profile.PhoneError
	switch {
	case errors.As(err, &pe) && pe.NeedsCountry && in.from != RegionFromBook:
		r.warn(i18n.ImportPhoneNeedsCountryIn, number, in.region, pe.CC)
	case errors.As(err, &pe) && pe.NeedsCountry:
		r.warn(i18n.ImportPhoneNeedsCountry, number, pe.CC)
	case errors.As(err, &pe):
		r.warn(i18n.ImportPhoneNotValid, number, pe.CC)
	default:
		if inRegion {
			r.reads = append(r.reads, regionRead{PhoneRead{Line: r.Line, Raw: number, Stored: e164}, in})
		}
		number = e164
	}
	n := r.phoneKey(number, cc)
	for i, ph := range r.Profile.Phones {
		if r.phoneKey(ph.Number, cc) == n {
			if r.Profile.Phones[i].Label == "" {
				r.Profile.Phones[i].Label = label
			}
			return
		}
	}
	r.Profile.Phones = append(r.Profile.Phones, profile.Phone{Number: number, Label: label})
}

// excelNumber matches a phone number a spreadsheet showed in scientific
// notation and saved so (9.19961E+11): its digits past the sixth are gone.
var excelNumber = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[+-]?\d([.,]\d+)?[eE]\+?\d{1,2}$`) })

// addEmail sets the e-mail, or keeps a further address in a note.
func (r *Record) addEmail(addr string) {
	addr = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(addr, "mailto:"), "MAILTO:"))
	if addr == "" || strings.EqualFold(addr, r.Profile.Email) {
		return
	}
	if !validEmail(addr) {
		r.warn(i18n.ImportEmailNotAddress, addr)
		r.addDetail("E-mail: " + addr)
		return
	}
	if r.Profile.Email == "" {
		r.Profile.Email = addr
		return
	}
	r.addDetail("E-mail: " + addr)
}

// detailsHead starts the note that keeps what a file knew and the
// profile has no field for (an address, a second e-mail, a fax number).
const detailsHead = "Imported details:"

// addDetail keeps a piece of contact data the profile has no field for in
// the record's details note, so nothing the file knew is lost.
func (r *Record) addDetail(line string) {
	const head = detailsHead
	for i, n := range r.Notes {
		if strings.HasPrefix(n.Text, head) {
			if !strings.Contains(n.Text+"\n", "\n"+line+"\n") {
				r.Notes[i].Text = n.Text + "\n" + line
			}
			return
		}
	}
	r.Notes = append(r.Notes, NoteIn{Text: head + "\n" + line})
}

// addNote adds a note once (an equal text on another day is another note).
func (r *Record) addNote(n NoteIn) {
	n.Text = textKey(n.Text)
	if n.Text == "" {
		return
	}
	// The key of n's text as sameNote makes it: textKey of a key is not
	// always the key ("x\r\r\ny" -> "x\r\ny" -> "x\ny"), but almost
	// always, and then costs one pass.
	nk := textKey(n.Text)
	for _, h := range r.Notes {
		// sameNote(h, n): a text of another length than nk is n's only
		// when its key is shorter than it.
		if (h.Text == nk || len(h.Text) > len(nk) && textKey(h.Text) == nk) && sameDay(h, n) {
			return
		}
	}
	r.Notes = append(r.Notes, n)
}

// addTag adds a tag once (case-insensitively), leaving out the system
// groups of phone address books.
func (r *Record) addTag(tag string) {
	tag = strings.TrimSpace(tag)
	switch strings.ToLower(strings.TrimPrefix(tag, "* ")) {
	case "", "my contacts", "mycontacts", "starred in android", "starred", "contacts", "all contacts":
		return
	}
	for _, t := range r.Profile.Tags {
		if strings.EqualFold(t, tag) {
			return
		}
	}
	r.Profile.Tags = append(r.Profile.Tags, tag)
}

// addDate adds an important date unless an equal one is there.
func (r *Record) addDate(d profile.ImportantDate) {
	for i, e := range r.Profile.Dates {
		if sameDate(e, d) {
			if e.When.Year == 0 && d.When.Year != 0 {
				r.Profile.Dates[i].When.Year = d.When.Year
			}
			return
		}
		if d.Kind == profile.DateBirthday && e.Kind == profile.DateBirthday && e.Lunar == d.Lunar {
			r.warn(i18n.ImportSecondBirthday, d.WhenText(), e.WhenText())
			r.addDetail("Birthday: " + d.WhenText())
			return
		}
	}
	r.Profile.Dates = append(r.Profile.Dates, d)
}

// sameDate reports whether two important dates are the same day of the
// same kind (a year known on one side only does not make them differ).
func sameDate(a, b profile.ImportantDate) bool {
	if a.Kind != b.Kind || a.Lunar != b.Lunar || a.LeapMonth != b.LeapMonth ||
		a.When.Month != b.When.Month || a.When.Day != b.When.Day {
		return false
	}
	if a.When.Year != 0 && b.When.Year != 0 && a.When.Year != b.When.Year {
		return false
	}
	return a.Kind == profile.DateBirthday || a.Kind == profile.DateAnniversary || strings.EqualFold(a.Label, b.Label)
}

// showControls turns the control characters of the record's fields into
// the visible forms termsafe shows them in (ESC as ␛, U+202E as \u202e):
// a name, a phone, every field of the profile is one line; a note keeps
// its line breaks and tabs. A record changed so says how many of its
// fields were (ImportControlChars): the import never changes a field
// silently.
func (r *Record) showControls() {
	n := termsafe.Fields(&r.Profile, func(_, s string) string { return termsafe.Line(s) })
	for i := range r.Notes {
		if t := termsafe.Text(r.Notes[i].Text); t != r.Notes[i].Text {
			r.Notes[i].Text = t
			n++
		}
	}
	if n > 0 {
		r.warn(i18n.ImportControlChars, n)
	}
}
