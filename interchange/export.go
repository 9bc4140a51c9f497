package interchange

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/handover"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// ExportFormat names vipbook's JSON export, and ExportVersion its version.
const (
	ExportFormat  = "vipbook-export"
	ExportVersion = 1
)

// Client is everything the book holds about one client.
type Client struct {
	Profile      profile.Profile      `json:"profile"`
	Stats        profile.Stats        `json:"stats"`
	Notes        []notes.Note         `json:"notes,omitempty"` // oldest first
	Purchases    []profile.Purchase   `json:"purchases,omitempty"`
	Tasks        []tasks.Task         `json:"tasks,omitempty"`
	Appointments []visits.Appointment `json:"appointments,omitempty"`
	Requests     []requests.Request   `json:"requests,omitempty"`
}

// Export is what an export writes: the clients asked for with all they
// hold, and the book they come from.
type Export struct {
	Format    string    `json:"format"`
	Version   int       `json:"version"`
	Exported  time.Time `json:"exported"`
	Associate string    `json:"associate"`
	Store     string    `json:"store,omitempty"`
	Currency  string    `json:"currency"`
	Clients   []Client  `json:"clients"`
	// Controls is how many texts Collect found holding control
	// characters (a book written before they were refused, or by an
	// older import) and wrote in their visible form; not written out.
	Controls int `json:"-"`
}

// Collect gathers the clients with the given ids, in that order, from the
// book.
func Collect(tx *store.Tx, ids []string) (*Export, error) {
	m := tx.Book().Meta()
	now := tx.Now()
	ex := &Export{Format: ExportFormat, Version: ExportVersion, Exported: now, Associate: m.Associate, Store: m.Store,
		Currency: m.Currency, Clients: make([]Client, 0, len(ids))}
	today := civil.Of(now)
	for _, id := range ids {
		p, err := tx.Client(id)
		if err != nil {
			return nil, err
		}
		sum, err := tx.Summary(id)
		if err != nil {
			return nil, err
		}
		c := Client{Profile: *p, Stats: sum.Stats(today)}
		c.Profile.Phones = withCountryCodes(p.Phones, m.CountryCode)
		if c.Notes, err = tx.Notes(id); err != nil {
			return nil, err
		}
		slices.Reverse(c.Notes)
		if c.Purchases, err = tx.Purchases(id); err != nil {
			return nil, err
		}
		slices.Reverse(c.Purchases)
		c.Tasks = tx.ClientTasks(id)
		c.Appointments = tx.ClientAppointments(id)
		c.Requests = tx.ClientRequests(id)
		ex.Clients = append(ex.Clients, c)
	}
	ex.Controls = ex.showControls()
	return ex, nil
}

// showControls turns the control characters of every text of the export
// into the visible forms termsafe shows them in (ESC as ␛, U+202E as
// \u202e, invalid UTF-8 as U+FFFD), as an import does, and returns how
// many texts it changed. A file vipbook writes is read by spreadsheets,
// phones, calendars and people with cat: a raw ESC in a CSV cell or a
// vCard is obeyed by the terminal that shows it, and a bidi override
// turns a name around in every program. Every field is one line, but the
// text of a note and the note of a follow-up or a request, which keep
// their line breaks and tabs.
func (ex *Export) showControls() int {
	line := func(_, s string) string { return termsafe.Line(s) }
	textIn := func(multi string) func(field, s string) string {
		return func(field, s string) string {
			if field == multi {
				return termsafe.Text(s)
			}
			return termsafe.Line(s)
		}
	}
	n := termsafe.Fields(&ex.Associate, line) + termsafe.Fields(&ex.Store, line)
	for i := range ex.Clients {
		c := &ex.Clients[i]
		n += termsafe.Fields(&c.Profile, line)
		n += termsafe.Fields(&c.Notes, textIn("text"))
		n += termsafe.Fields(&c.Purchases, line)
		n += termsafe.Fields(&c.Tasks, textIn("note"))
		n += termsafe.Fields(&c.Appointments, line)
		n += termsafe.Fields(&c.Requests, textIn("note"))
	}
	return n
}

// LeaveOutSpecial takes the special-person flags and their note (a
// pregnancy, a disability, a health condition) out of every client of
// the export, and returns how many clients had any. They are sensitive
// and shown only where they help today's service (docs/domain): a phone's
// address book, a mail program or a spreadsheet is not such a place, so
// the vCard and CSV exports leave them out unless the associate asks for
// them; the JSON export, vipbook's own, keeps them.
func (ex *Export) LeaveOutSpecial() int {
	n := 0
	for i := range ex.Clients {
		if s := &ex.Clients[i].Profile.Special; s.Any() || s.Note != "" {
			*s = profile.Special{}
			n++
		}
	}
	return n
}

// Uncarried counts what an export holds that a format's file leaves out,
// for the associate to be told at export: vCard and CSV hold profiles
// and notes, not purchases, follow-ups, appointments or requests; CSV
// holds the notes' texts without their days and kinds, and only the most
// recent that fit in a spreadsheet's cell. JSON leaves out nothing, and a
// calendar (ics) is not a copy of the clients.
type Uncarried struct {
	// NoteDays are the notes written without their day and kind (CSV),
	// NotesLeftOut the notes that did not fit in the cell.
	NoteDays, NotesLeftOut                   int
	Purchases, Tasks, Appointments, Requests int
}

// Any reports whether anything was left out.
func (u Uncarried) Any() bool { return u != Uncarried{} }

// Uncarried counts what WriteVCard ("vcf") or WriteCSV ("csv") leaves out
// of ex; nothing for the other formats.
func (ex *Export) Uncarried(format string) Uncarried {
	var u Uncarried
	if format != "vcf" && format != "csv" {
		return u
	}
	for i := range ex.Clients {
		c := &ex.Clients[i]
		u.Purchases += len(c.Purchases)
		u.Tasks += len(c.Tasks)
		u.Appointments += len(c.Appointments)
		u.Requests += len(c.Requests)
		if format == "csv" {
			from := notesFrom(c.Notes)
			u.NotesLeftOut += from
			u.NoteDays += len(c.Notes) - from
		}
	}
	return u
}

// WriteJSON writes the whole export as indented JSON: every field of every
// profile (consent included, so do-not-contact travels), notes, purchases,
// tasks, appointments and requests.
func WriteJSON(w io.Writer, ex *Export) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(ex)
}

// IsExportJSON reports whether data is vipbook's own JSON export (its
// "format" member says so), which ReadJSON reads back.
func IsExportJSON(data []byte) bool {
	data = bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))
	if len(data) == 0 || data[0] != '{' {
		return false
	}
	var head struct {
		Format string `json:"format"`
	}
	// The format is the first member WriteJSON writes: a look at the
	// start is enough to tell, the whole file is read by ReadJSON.
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	if k, err := dec.Token(); err != nil || k != "format" {
		return false
	}
	if err := dec.Decode(&head.Format); err != nil {
		return false
	}
	return head.Format == ExportFormat
}

// ReadJSON reads vipbook's JSON export back. It fails with ErrNotContacts
// for JSON of another shape and with ErrNewerExport for an export of a
// later version.
func ReadJSON(data []byte) (*Export, error) {
	var ex Export
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	if err := dec.Decode(&ex); err != nil {
		return nil, refuse(ErrNotContacts, i18n.ImportErrBadJSON, err.Error())
	}
	switch {
	case ex.Format != ExportFormat:
		return nil, refuse(ErrNotContacts, i18n.ImportErrForeignJSON)
	case ex.Version > ExportVersion:
		return nil, refuse(ErrNewerExport, i18n.ImportErrNewerJSON, ex.Version, ExportVersion)
	}
	return &ex, nil
}

// Bundle turns an export into a handover bundle, so that importing it
// brings everything the export holds (profiles, notes with their day and
// kind, purchases, tasks, appointments, requests, consent) into a book the
// way a handover does: matched clients merged, the others added, nothing
// lost.
func (ex *Export) Bundle() *handover.Bundle {
	b := &handover.Bundle{Header: handover.Header{Format: handover.Format, Version: handover.Version,
		ID: "export-" + ex.Exported.UTC().Format("20060102T150405Z"), From: handover.Party{Associate: ex.Associate, Store: ex.Store},
		Created: ex.Exported, Currency: ex.Currency, Clients: len(ex.Clients)}}
	for _, c := range ex.Clients {
		b.Clients = append(b.Clients, handover.Client{Profile: c.Profile, Notes: c.Notes, Purchases: c.Purchases,
			Tasks: c.Tasks, Appointments: c.Appointments, Requests: c.Requests})
	}
	return b
}

// withCountryCodes returns phones with every valid number in the
// international format (profile.InternationalPhone), "+86 138 0013 8000":
// a number an older book kept as typed, without a country code, gets the
// book's (calling code cc), so that a file read elsewhere, or read back
// under a client's own country, does not take it for a number of that
// other country; and a number stored in E.164 or formatted is written the
// same way, so that an export imported and exported again is the same
// file.
func withCountryCodes(phones []profile.Phone, cc string) []profile.Phone {
	out := slices.Clone(phones)
	for i := range out {
		out[i].Number = profile.InternationalPhone(out[i].Number, cc)
	}
	return out
}
