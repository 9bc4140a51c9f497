package handover

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/vipbook/vipbook/i18n"
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
	// Force releases even when changes to the clients have not reached
	// the book's chain yet (they are lost to it); without it such a
	// release is refused with an *UnsentError.
	Force bool
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

// marking says how an export marks the clients it writes: handed over
// (h), their open tasks cancelled with note.
type marking struct {
	h      profile.Handover
	note   string
	passed int // open tasks cancelled
}

// header returns the header of a bundle of n clients of the book made at
// now for to.
func header(tx *store.Tx, n int, to string, now time.Time) Header {
	m := tx.Book().Meta()
	return Header{Format: Format, Version: Version, ID: newBundleID(),
		From: Party{Associate: m.Associate, Store: m.Store}, To: to, Created: now,
		Currency: m.Currency, CountryCode: m.CountryCode, Clients: n}
}

// distinct returns ids without repeats, in order.
func distinct(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// writeClients streams the records of the clients ids to w: each profile
// with its owner trail handed on to to (the giver's period closed at now),
// its notes and purchases as stored, its open tasks, appointments and
// requests. With m it also marks each client in the book as m says (one
// transaction: if the bundle cannot be finished, the marks roll back).
func writeClients(tx *store.Tx, w *Writer, ids []string, to string, now time.Time, m *marking) error {
	giver := tx.Book().Meta().Associate
	var marks <-chan markedClient
	if m != nil {
		var stop func()
		var err error
		if marks, stop, err = prepareMarks(tx, ids, giver, to, now, m.h); err != nil {
			return err
		}
		defer stop()
	}
	for _, id := range ids {
		if m != nil {
			mc := <-marks
			if mc.err != nil {
				return mc.err
			}
			if err := tx.ApplyClientUpdate(mc.u); err != nil {
				return err
			}
			if err := w.clientJSON(id, mc.line); err != nil {
				return err
			}
		} else {
			p, err := tx.Client(id)
			if err != nil {
				return err
			}
			c := *p
			c.HandedOver = nil
			c.Owners = handOn(p.Owners, giver, to, now)
			if err := w.Client(&c); err != nil {
				return err
			}
		}
		if err := tx.EachNoteJSON(id, func(raw []byte) error {
			if privateNote(raw) {
				return nil // the associate's own: it never leaves the book
			}
			return w.NoteJSON(raw)
		}); err != nil {
			return err
		}
		if err := tx.EachPurchaseJSON(id, w.PurchaseJSON); err != nil {
			return err
		}
		for _, t := range tx.ClientTasks(id) {
			if !t.IsOpen() {
				continue
			}
			if err := w.Task(&t); err != nil {
				return err
			}
			if m != nil {
				t.Cancel(now)
				t.Note = joinNote(t.Note, m.note)
				if err := tx.UpdateTask(&t); err != nil {
					return err
				}
				m.passed++
			}
		}
		for _, a := range tx.ClientAppointments(id) {
			if err := w.Appointment(&a); err != nil {
				return err
			}
		}
		for _, r := range tx.ClientRequests(id) {
			if err := w.Request(&r); err != nil {
				return err
			}
		}
	}
	return nil
}

// markedClient is a client marked as handed over, prepared off the
// transaction's goroutine: the update of the book and the bundle's client
// record line.
type markedClient struct {
	u    *store.ClientUpdate
	line []byte
	err  error
}

// prepareMarks copies the clients ids out of tx and, on another goroutine,
// decodes each profile, marks it handed over as h says with its owner trail
// handed on, and encodes both the book's profile and the bundle's record
// (the JSON work that would otherwise hold up the transaction's goroutine).
// The clients arrive on the channel in the order of ids; after an error
// nothing more is sent. stop ends the goroutine early.
func prepareMarks(tx *store.Tx, ids []string, giver, to string, now time.Time, h profile.Handover) (<-chan markedClient, func(), error) {
	srcs := make([]store.ClientSource, len(ids))
	for i, id := range ids {
		s, err := tx.ClientSource(id)
		if err != nil {
			return nil, nil, err
		}
		srcs[i] = s
	}
	out := make(chan markedClient, 64)
	done := make(chan struct{})
	go func() {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		for _, s := range srcs {
			var mc markedClient
			mc.u, mc.err = s.Prepare(func(p *profile.Profile) error {
				c := *p // the slices are replaced below, never edited
				c.HandedOver = nil
				c.Owners = handOn(p.Owners, giver, to, now)
				hh := h
				p.HandedOver = &hh
				p.Owners = c.Owners
				buf.Reset()
				if err := enc.Encode(record{Client: &c}); err != nil {
					return err
				}
				mc.line = bytes.Clone(buf.Bytes())
				return nil
			})
			select {
			case out <- mc:
			case <-done:
				return
			}
			if mc.err != nil {
				return
			}
		}
	}()
	return out, func() { close(done) }, nil
}

// Collect reads the clients ids into a bundle made at now for to, as
// Export would write it, without changing the book.
func Collect(tx *store.Tx, ids []string, to string, now time.Time) (*Bundle, error) {
	ids = distinct(ids)
	var buf bytes.Buffer
	w, err := NewWriter(&buf, header(tx, len(ids), to, now))
	if err != nil {
		return nil, err
	}
	if err := writeClients(tx, w, ids, to, now, nil); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return Decode(&buf)
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
// cancelled because they travel. With opt.Release they leave the book
// instead (store.Tx.ReleaseClient: no tombstone, the book keeps only a
// store.HandoverLine), and the book owes a compaction, which the caller
// does with store.Book.FinishErase on the book it holds (or the next
// writable open does). The file and the marks land together: a failure
// leaves neither.
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
	removeLeftovers(filepath.Dir(path))
	tmp, err := os.CreateTemp(filepath.Dir(path), tempPattern)
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
	ids = distinct(ids)
	err = b.Update(func(tx *store.Tx) error {
		if opt.Release && !opt.Force {
			// A release drops the clients' changes the chain has not
			// acknowledged (store.Tx.ReleaseClient): sync first.
			if u, err := unsent(tx, ids); err != nil || u != nil {
				if err == nil {
					err = u
				}
				return err
			}
		}
		now := tx.Now()
		h := header(tx, len(ids), opt.To, now)
		h.Released = opt.Release
		ew, err := encrypt(tmp, opt.Passphrase, opt.WorkFactor)
		if err != nil {
			return err
		}
		w, err := NewWriter(ew, h)
		if err != nil {
			return err
		}
		if opt.Release {
			// The clients leave the book: written as they are, then
			// removed with everything the book holds about them.
			if err := writeClients(tx, w, ids, opt.To, now, nil); err != nil {
				return err
			}
			for _, id := range ids {
				if _, err := tx.ReleaseClient(id); err != nil {
					return err
				}
			}
			if err := tx.OweCompaction(); err != nil {
				return err
			}
			res.TasksPassed = w.Counts().Tasks
		} else {
			m := &marking{h: profile.Handover{To: opt.To, At: now},
				note: i18n.New(opt.Lang).T(i18n.HoStoredHandedOver, orColleague(opt.To, opt.Lang))}
			if err := writeClients(tx, w, ids, opt.To, now, m); err != nil {
				return err
			}
			res.TasksPassed = m.passed
		}
		if err := tx.LogHandover(store.HandoverLine{At: now, To: opt.To, Bundle: h.ID, Clients: len(ids), Released: opt.Release}); err != nil {
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
		if err := ew.Close(); err != nil {
			return err
		}
		res.Header, res.Counts = h, w.Counts()
		if err := tmp.Sync(); err != nil {
			return err
		}
		if err := tmp.Close(); err != nil {
			return err
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

// privateMember is how a private note's stored JSON marks it: a member
// name, which the text of a note (a JSON string, its quotes escaped)
// cannot hold.
var privateMember = []byte(`"private":true`)

// privateNote reports whether the stored JSON of a note is a private one
// (notes.Note.Private): the associate's own, which never leaves the book,
// neither to the chain nor in a bundle.
func privateNote(raw []byte) bool { return bytes.Contains(raw, privateMember) }

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
	return i18n.New(lang).T(i18n.HoStoredAColleague)
}

// tempPattern names the bundle being written, beside where it will go.
const tempPattern = ".vipbook-handover-*"

// staleTemp is how old a bundle being written must be before it is taken
// for what an export killed half way left: one being written now is younger
// (its writer touches it as it goes).
const staleTemp = 10 * time.Minute

// removeLeftovers removes, from dir, the bundles being written that exports
// killed half way left behind (issue 14 point 3): encrypted, yet copies of
// clients nobody will ever use.
func removeLeftovers(dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, tempPattern))
	for _, n := range names {
		if st, err := os.Lstat(n); err == nil && st.Mode().IsRegular() && time.Since(st.ModTime()) >= staleTemp {
			os.Remove(n)
		}
	}
}
