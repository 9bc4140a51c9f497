package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/vipbook/vipbook/safefile"
)

// A book found damaged takes no write, from any process, until `vipbook
// check` finds it sound again or a backup is restored. bbolt keeps no
// checksums of its pages, so damage inside a record shows only when
// something reads it; the vipbook that reads it leaves a mark beside the
// book (MarkPath), and every later Update, from this process or another,
// refuses to write while the mark is there. Reads go on.

// DamageMark is what the mark beside a damaged book says: when the damage
// was found, by what, and what was found (Check's words or the kind of
// record that could not be read, never bytes of the file).
//
// What is the English line; Code and Args say it as a Finding, for a
// front end to say in the associate's language (a mark written before
// they were kept has What only).
type DamageMark struct {
	Found time.Time `json:"found"`
	By    string    `json:"by"` // "read", "write", "check", "open"
	What  string    `json:"what"`
	Code  string    `json:"code,omitempty"`
	Args  []string  `json:"args,omitempty"`
}

// KnownDamagedError is returned by a write to a book marked damaged. It
// matches ErrKnownDamaged and ErrDamaged.
type KnownDamagedError struct {
	Path string
	Mark DamageMark
}

// Error says what to do, in English; front ends word it through the
// catalog.
func (e *KnownDamagedError) Error() string {
	return fmt.Sprintf("the book was found damaged on %s (%s): nothing is saved until `vipbook check` finds it sound or a backup is put back with `vipbook restore FILE`",
		e.Mark.Found.Format("2006-01-02 15:04"), e.Mark.What)
}

// Is reports whether target is ErrKnownDamaged or ErrDamaged.
func (e *KnownDamagedError) Is(target error) bool {
	return target == ErrKnownDamaged || target == ErrDamaged
}

// MarkPath is where the mark of a damaged book at path is kept: beside the
// file the book is (a link's target), named after it.
func MarkPath(path string) string { return safefile.Resolve(path) + ".damaged" }

// KnownDamaged returns the mark of the book at path when it was found
// damaged and not found sound or restored since.
func KnownDamaged(path string) (DamageMark, bool) {
	raw, err := os.ReadFile(MarkPath(path))
	if err != nil {
		return DamageMark{}, false
	}
	var m DamageMark
	if json.Unmarshal(raw, &m) != nil {
		m = DamageMark{What: "see vipbook check"} // a mark, even unreadable, is a mark
	}
	return m, true
}

// markDamaged leaves the mark beside the book at path (best effort: a
// directory that cannot be written leaves none).
func markDamaged(path, by string, what Finding, now time.Time) {
	if _, ok := KnownDamaged(path); ok {
		return
	}
	m := DamageMark{Found: now, By: by, What: what.Text, Code: what.Code, Args: what.Args}
	_ = safefile.Write(MarkPath(path), func(w io.Writer) error {
		return json.NewEncoder(w).Encode(m)
	})
}

// clearDamaged removes the mark: the book was found sound, or restored.
func clearDamaged(path string) {
	_ = os.Remove(MarkPath(path))
}

// errBadRecord is the damage of a record that does not decode.
var errBadRecord = fmt.Errorf("%w: a record could not be read", ErrDamaged)

// unmarshalRecord decodes a record of the book; a record that does not
// decode is damage (errBadRecord), not an input error.
func unmarshalRecord(data []byte, v any) error {
	data, err := unseal(data)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%w (%w)", errBadRecord, err)
	}
	return nil
}

// isDamage reports whether err, from a read or a write of the book, says
// the file is damaged: bbolt's faults (ErrDamaged), a record that does
// not decode (errBadRecord) or a summary (errBadSummary). A decoding error
// of anything else (a bundle being imported) is not the book's damage.
func isDamage(err error) bool {
	if err == nil || errors.Is(err, ErrKnownDamaged) {
		return false
	}
	return errors.Is(err, ErrDamaged) || errors.Is(err, errBadSummary)
}

// noteDamage marks the book when err says it is damaged and returns the
// error to give: ErrDamaged with what to do, and no bytes of the file
// (a decoding error quotes them).
func (b *Book) noteDamage(by string, err error) error {
	if !isDamage(err) {
		return err
	}
	what := newFinding("a record could not be read")
	var cd *ClientDamagedError
	var rd *RecordDamagedError
	switch {
	case errors.As(err, &cd):
		what = newFinding("the record of client %s is damaged", cd.ID)
	case errors.As(err, &rd):
		what = newFinding("the %s %s of client %s is damaged", rd.Kind, rd.ID, rd.Client)
	case errors.Is(err, errBadSummary):
		what = newFinding("a client summary could not be read")
	}
	markDamaged(b.path, by, what, b.now())
	return fmt.Errorf("%w (%s)", ErrDamaged, what.Text)
}
