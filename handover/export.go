package handover

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// ExportOptions tune Export.
type ExportOptions struct {
	// To is the receiving associate's name, as the giver types it.
	To string
	// Release also moves the clients out of the active book (archived
	// until purged).
	Release bool
	// Passphrase encrypts the bundle; WorkFactor is the scrypt work factor
	// (0: age's default).
	Passphrase string
	WorkFactor int
	// Lang ("en" or "zh") is the language of the notes written on the
	// cancelled tasks.
	Lang string
}

// ExportResult says what Export wrote and changed.
type ExportResult struct {
	Path   string
	Header Header
	Counts Counts
	// TasksPassed is how many open tasks were cancelled in this book
	// because they travel with the clients.
	TasksPassed int
}

// newBundleID returns a random bundle id.
func newBundleID() string {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return hex.EncodeToString(b[:])
}

// Collect reads the records of the clients ids into a bundle made at now:
// each profile with its owner trail handed on to opt.To (the giver's
// period closed), its notes, purchases, open tasks, appointments and
// requests. It changes nothing.
func Collect(tx *store.Tx, ids []string, to string, now time.Time) (*Bundle, error) {
	m := tx.Book().Meta()
	b := &Bundle{Header: Header{Format: Format, Version: Version, ID: newBundleID(),
		From: Party{Associate: m.Associate, Store: m.Store}, To: to, Created: now,
		Currency: m.Currency, CountryCode: m.CountryCode, Clients: len(ids)}}
	b.Clients = make([]Client, 0, len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		p, err := tx.Client(id)
		if err != nil {
			return nil, err
		}
		c := Client{Profile: *p}
		c.Profile.HandedOver = nil
		c.Profile.Owners = handOn(p.Owners, m.Associate, to, now)
		if c.Notes, err = tx.Notes(id); err != nil {
			return nil, err
		}
		reverse(c.Notes) // oldest first
		if c.Purchases, err = tx.Purchases(id); err != nil {
			return nil, err
		}
		reverse(c.Purchases)
		for _, t := range tx.ClientTasks(id) {
			if t.IsOpen() {
				c.Tasks = append(c.Tasks, t)
			}
		}
		c.Appointments = tx.ClientAppointments(id)
		c.Requests = tx.ClientRequests(id)
		b.Clients = append(b.Clients, c)
	}
	b.Header.Clients = len(b.Clients)
	return b, nil
}

func reverse[T any](s []T) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// handOn returns the owner trail with the current periods closed at now and,
// when to is named, the receiver's period opened.
func handOn(owners []profile.Ownership, giver, to string, now time.Time) []profile.Ownership {
	out := make([]profile.Ownership, 0, len(owners)+1)
	for _, o := range owners {
		if o.To.IsZero() {
			o.To = now
		}
		out = append(out, o)
	}
	if to != "" {
		out = append(out, profile.Ownership{Associate: to, From: now})
	}
	return out
}

// Export hands the clients ids over: it writes their bundle to path
// (refusing to overwrite a file), and marks them in the book as handed over
// to opt.To at the book's now (archived with opt.Release), their open tasks
// cancelled because they travel. The file and the marks land together: a
// failure leaves neither.
func Export(b *store.Book, ids []string, path string, opt ExportOptions) (ExportResult, error) {
	res := ExportResult{Path: path}
	if len(ids) == 0 {
		return res, ErrNoClients
	}
	if opt.Passphrase == "" {
		return res, ErrNoPassphrase
	}
	if _, err := os.Lstat(path); err == nil {
		return res, fmt.Errorf("%s already exists: choose another file name or move that file away", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".vipbook-handover-*")
	if err != nil {
		return res, err
	}
	committed := false
	defer func() {
		if !committed {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return res, err
	}
	err = b.Update(func(tx *store.Tx) error {
		now := tx.Now()
		bundle, err := Collect(tx, ids, opt.To, now)
		if err != nil {
			return err
		}
		bundle.Header.Released = opt.Release
		res.Header, res.Counts = bundle.Header, bundle.Counts()
		if err := Write(tmp, bundle, opt.Passphrase, opt.WorkFactor); err != nil {
			return err
		}
		if err := tmp.Sync(); err != nil {
			return err
		}
		if err := tmp.Close(); err != nil {
			return err
		}
		cancelNote := text(opt.Lang, "handed over to "+orColleague(opt.To, "en")+" with the client",
			"已随客人转交给"+orColleague(opt.To, "zh"))
		for i := range bundle.Clients {
			c := &bundle.Clients[i]
			p, err := tx.Client(c.Profile.ID)
			if err != nil {
				return err
			}
			p.HandedOver = &profile.Handover{To: opt.To, At: now, Released: opt.Release}
			p.Owners = c.Profile.Owners
			if err := tx.UpdateClient(p); err != nil {
				return err
			}
			for _, t := range c.Tasks {
				t.Cancel(now)
				t.Note = joinNote(t.Note, cancelNote)
				if err := tx.UpdateTask(&t); err != nil {
					return err
				}
				res.TasksPassed++
			}
		}
		// Into place before the transaction commits: if the rename fails the
		// book is not marked; if the commit fails the file is removed below.
		if err := os.Rename(tmp.Name(), path); err != nil {
			return err
		}
		committed = true
		return nil
	})
	if err != nil && committed {
		os.Remove(path)
	}
	return res, err
}

func joinNote(note, add string) string {
	if note == "" {
		return add
	}
	return note + "\n" + add
}

func orColleague(name, lang string) string {
	if name != "" {
		return name
	}
	return text(lang, "a colleague", "同事")
}

func text(lang, en, zh string) string {
	if lang == "zh" {
		return zh
	}
	return en
}
