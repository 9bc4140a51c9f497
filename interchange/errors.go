package interchange

import (
	"errors"
	"fmt"
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
