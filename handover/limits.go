package handover

import (
	"encoding/json"
	"errors"
	"unicode/utf8"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
)

// The limits a bundle is read under (issue 14 point 11), beside the book's
// own (a name of profile.NameLimit characters, a profile of
// profile.RecordLimit bytes encoded, a note of ImportOptions.NoteLimit
// bytes): a vipbook never writes a record past them, so a bundle that
// holds one was altered or made by something else, and is refused whole
// before anything is written.
var (
	// maxRecordLine is the longest record line a bundle may hold, in
	// bytes: a record larger than every limit of the book even with its
	// text escaped.
	maxRecordLine = 8 << 20
	// maxBundle is the most plaintext a bundle may hold, in bytes: an
	// import holds the whole history in memory for its one transaction.
	// A larger book is handed over in parts (by tier or by search).
	maxBundle int64 = 2 << 30
)

var (
	errLineTooLong   = errors.New("a record line over the limit")
	errBundleTooLong = errors.New("a bundle over the limit")
)

// ErrTooLarge is what every TooLargeError is (errors.Is): something in
// the bundle is over the book's limits; nothing was imported.
var ErrTooLarge = errors.New("something in the bundle is over the book's limits: nothing was imported")

// TooLargeError says what in a bundle is over which limit, in the
// catalog's words (i18n.Said).
type TooLargeError struct {
	Key  i18n.Key
	Args []any
}

func (e *TooLargeError) Error() string {
	return i18n.New("en").T(e.Key, e.Args...)
}

// Words returns the catalog key and its facts.
func (e *TooLargeError) Words() (i18n.Key, []any) { return e.Key, e.Args }

// Is makes a TooLargeError ErrTooLarge.
func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }

func tooLarge(k i18n.Key, args ...any) error { return &TooLargeError{Key: k, Args: args} }

// shortName is a client's name as a refusal shows it: its first 40
// characters.
func shortName(p *profile.Profile) string {
	n := p.DisplayName()
	if utf8.RuneCountInString(n) > 40 {
		n = string([]rune(n)[:40]) + "..."
	}
	return n
}

// checkSizes refuses a client of a bundle past the book's limits: a name,
// the profile encoded, a note or the text of a task, appointment or
// request (held to the note's limit).
func checkSizes(c *Client, noteLimit int) error {
	p := &c.Profile
	if _, n := p.TooLongName(); n > 0 {
		return tooLarge(i18n.HoTooLongName, shortName(p), n, profile.NameLimit)
	}
	if raw, err := json.Marshal(p); err == nil && len(raw) > profile.RecordLimit {
		return tooLarge(i18n.HoTooLongRecord, shortName(p), kib(len(raw)), profile.RecordLimit>>10)
	}
	if noteLimit <= 0 {
		noteLimit = notes.TextLimit
	}
	over := func(texts ...string) int {
		for _, s := range texts {
			if len(s) > noteLimit {
				return len(s)
			}
		}
		return 0
	}
	check := func(texts ...string) error {
		if n := over(texts...); n > 0 {
			return tooLarge(i18n.HoTooLongNote, shortName(p), kib(n), noteLimit>>10)
		}
		return nil
	}
	for i := range c.Notes {
		if err := check(c.Notes[i].Text); err != nil {
			return err
		}
	}
	for i := range c.Purchases {
		if err := check(c.Purchases[i].Items); err != nil {
			return err
		}
	}
	for i := range c.Tasks {
		if err := check(c.Tasks[i].Title, c.Tasks[i].Note); err != nil {
			return err
		}
	}
	for i := range c.Appointments {
		if err := check(c.Appointments[i].Purpose); err != nil {
			return err
		}
	}
	for i := range c.Requests {
		if err := check(c.Requests[i].What, c.Requests[i].Note); err != nil {
			return err
		}
	}
	return nil
}

// kib is n bytes in KiB, rounded up.
func kib(n int) int { return (n + 1023) >> 10 }
