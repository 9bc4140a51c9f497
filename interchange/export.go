package interchange

import (
	"encoding/json"
	"io"
	"slices"
	"time"

	"github.com/vipbook/vipbook/civil"
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
	return ex, nil
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
