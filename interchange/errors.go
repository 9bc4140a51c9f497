package interchange

import (
	"errors"
	"fmt"

	"github.com/vipbook/vipbook/i18n"
)

var (
	// ErrNotContacts is returned by Parse for a file that is not a contact
	// list (an iCalendar file, a spreadsheet saved as .xlsx, an image).
	ErrNotContacts = errors.New("not a contact list")
	// ErrNoRecords is returned by Parse when a file holds no record that can
	// be imported; the problems found are in the error's text.
	ErrNoRecords = errors.New("nothing to import")
	// ErrBadMap is returned when a --map FIELD=COLUMN names an unknown field
	// or a column the file does not have.
	ErrBadMap = errors.New("cannot map that column")
	// ErrBadRegion is returned when --region names no region whose phone
	// numbers are known.
	ErrBadRegion = errors.New("unknown region")
	// ErrBadEncoding is returned when --encoding names no charset.
	ErrBadEncoding = errors.New("unknown encoding")
	// ErrJCard is returned by Parse for JSON contacts (jCard, RFC 7095),
	// which import does not read; it is an ErrNotContacts.
	ErrJCard = fmt.Errorf("%w: JSON contacts (jCard)", ErrNotContacts)
	// ErrNewerExport is returned by ReadJSON for an export a later vipbook
	// wrote.
	ErrNewerExport = errors.New("a newer export")
	// ErrUnknownFormat is returned for an export format other than vcf,
	// csv, json or ics.
	ErrUnknownFormat = errors.New("unknown format")
)

// Error is a refusal of a file or a flag, said as a catalog key and the
// facts its words take (i18n.Catalog.Error renders it in the language in
// use). It unwraps to one of the sentinels above, so errors.Is still tells
// the kinds apart.
type Error struct {
	Key  i18n.Key // what is wrong; its catalog text takes Args
	Args []any
	Err  error // the sentinel (ErrNotContacts, ErrNoRecords, ...)
}

// Error returns the refusal in English, for logs and programs.
func (e *Error) Error() string { return i18n.New(i18n.English).T(e.Key, e.Args...) }

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// Words returns the catalog key and its facts (i18n.Said).
func (e *Error) Words() (i18n.Key, []any) { return e.Key, e.Args }

func refuse(sentinel error, k i18n.Key, args ...any) error {
	return &Error{Key: k, Args: args, Err: sentinel}
}
