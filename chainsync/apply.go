package chainsync

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/internal/hlc"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// Client is a client as the chain holds it: its shared profile fields
// (the profile's JSON members by name), each field's clock, and whether
// it was erased.
type Client struct {
	ID        string                     // the chain's id, BOOKID/LOCALID
	Fields    map[string]json.RawMessage // the profile's members by their JSON names
	HLC       map[string]string          // each field's last change
	Erased    bool
	Associate string
	Store     string
}

// Event is a record of a client as the chain holds it: a note, a
// purchase, a task or a request, in the book's own JSON form.
type Event struct {
	ID       string // the chain's id, BOOKID/LOCALID
	ClientID string // the chain's id of the client
	Kind     string // note, visit (a note of a visit), purchase, task, request
	Body     json.RawMessage
	HLC      string
	Deleted  bool
}

// Release says that the chain moved a client away from this book's
// associate (reassigned to another).
type Release struct {
	ClientID string // the chain's id
	To       string // the associate who has it now
}

// Pulled is what one pull brought: the changed clients, their changed
// records, the clients that left, and the chain's change number they
// reach.
type Pulled struct {
	Clients  []Client
	Events   []Event
	Releases []Release
	Seq      int64
}

// Applied counts what a pull changed in the book.
type Applied struct {
	Clients   int `json:"clients"`   // clients added or changed
	Records   int `json:"records"`   // notes, purchases, tasks, requests added or changed
	Conflicts int `json:"conflicts"` // fields where two edits met: the later kept, the other in the history
	Released  int `json:"released"`  // clients reassigned away and let go
	Erased    int `json:"erased"`    // clients erased elsewhere and erased here
	Removed   int `json:"removed"`   // notes and purchases removed elsewhere and removed here (counted in Records too)
}

// conflictSource is the history source of a value set aside by the chain's
// merge (worded when shown, as the other sources).
const conflictSource = "chain"

// apply writes what was pulled into the book in one transaction, with the
// new pull position: a pull lands whole or not at all, and a rerun after a
// crash pulls the same again.
func apply(st *store.Book, p Pulled, now time.Time) (Applied, error) {
	var a Applied
	err := st.Update(func(tx *store.Tx) error {
		a = Applied{}
		tx.Pulling()
		for i := range p.Clients {
			if err := applyClient(tx, &p.Clients[i], now, &a); err != nil {
				return err
			}
		}
		for i := range p.Events {
			if err := applyEvent(tx, &p.Events[i], &a); err != nil {
				return err
			}
		}
		for _, r := range p.Releases {
			if err := release(tx, r, now, &a); err != nil {
				return err
			}
		}
		s := tx.ChainState()
		if p.Seq > s.Pulled {
			s.Pulled = p.Seq
		}
		s.LastSync = now
		return tx.SetChainState(s)
	})
	return a, err
}

func observe(tx *store.Tx, text string) (hlc.Timestamp, error) {
	t, err := hlc.Parse(text)
	if err != nil {
		return t, err
	}
	return t, tx.Observe(t)
}

// applyClient merges a client pulled from the chain into the book: per
// field, the later change by the clock wins and the other value goes into
// the client's history; an erasure removes the client.
func applyClient(tx *store.Tx, c *Client, now time.Time, a *Applied) error {
	local, ok := tx.LocalClientID(c.ID)
	if c.Erased {
		if ok {
			if _, err := tx.EraseClient(local); err != nil {
				return err
			}
			a.Erased++
		}
		return nil
	}
	if !ok {
		return addPulledClient(tx, c, a)
	}
	if inStep(tx, local, c) {
		return nil // as the book has it (this book's own changes, back from the chain)
	}
	changed := false
	err := tx.UpdateClientWith(local, func(p *profile.Profile) error {
		m, err := members(p)
		if err != nil {
			return err
		}
		for f, v := range c.Fields {
			remote, err := observe(tx, c.HLC[f])
			if err != nil {
				return err
			}
			mine := tx.FieldClock(local, f)
			cur, has := m[f]
			v := canonical(f, v)
			same := has && bytes.Equal(cur, v) || !has && isEmpty(v)
			switch remote.Compare(mine) {
			case 1:
				if !same {
					if has && mine.Wall != 0 {
						p.History = append(p.History, profile.FieldChange{Field: f, Old: shown(cur), New: shown(v),
							At: now, Source: conflictSource})
						a.Conflicts++
					}
					if isEmpty(v) {
						delete(m, f)
					} else {
						m[f] = v
					}
					changed = true
				}
				if err := tx.SetFieldClock(local, f, remote); err != nil {
					return err
				}
			case -1:
				if !same && !remote.IsZero() {
					// This book's value is the later: it stays, and the
					// chain's older one is kept in the history (once).
					h := profile.FieldChange{Field: f, Old: shown(v), New: shown(cur), At: now, Source: conflictSource}
					if !hasChange(p.History, h) {
						p.History = append(p.History, h)
						a.Conflicts++
					}
				}
			}
		}
		if !changed {
			return nil
		}
		return fromMembers(m, p)
	})
	if err == nil && changed {
		a.Clients++
	}
	return err
}

// inStep reports whether every field of c carries the clock the book's
// field has: nothing to merge.
func inStep(tx *store.Tx, local string, c *Client) bool {
	for f := range c.Fields {
		if tx.FieldClock(local, f).String() != c.HLC[f] {
			return false
		}
	}
	return true
}

func hasChange(hs []profile.FieldChange, h profile.FieldChange) bool {
	for _, x := range hs {
		if x.Field == h.Field && x.Old == h.Old && x.New == h.New && x.Source == h.Source {
			return true
		}
	}
	return false
}

func isEmpty(v json.RawMessage) bool {
	s := string(bytes.TrimSpace(v))
	return s == "" || s == "null"
}

// canonical is a field's value pulled from the chain as this book writes
// it (members): another vipbook may write the same value otherwise (one
// from before 76cd41f wrote a time or a date not set as 0001-01-01 and
// {"month":0,"day":0}, where this one leaves it out), and the same value
// is no change to merge nor a conflict to keep. A value the profile does
// not read is left as it came.
func canonical(field string, v json.RawMessage) json.RawMessage {
	if isEmpty(v) {
		return v
	}
	raw, err := json.Marshal(map[string]json.RawMessage{field: v})
	if err != nil {
		return v
	}
	var p profile.Profile
	if json.Unmarshal(raw, &p) != nil {
		return v
	}
	m, err := members(&p)
	if err != nil {
		return v
	}
	c, ok := m[field]
	if !ok {
		return json.RawMessage("null")
	}
	return c
}

// shown is a field's value as the history keeps it: a string as it is,
// anything else as its JSON.
func shown(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	return string(v)
}

func members(p *profile.Profile) (map[string]json.RawMessage, error) {
	raw, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	return m, json.Unmarshal(raw, &m)
}

// fromMembers writes the members m back into p, keeping p's id, history
// and handover (the book's own).
func fromMembers(m map[string]json.RawMessage, p *profile.Profile) error {
	raw, err := json.Marshal(m)
	if err != nil {
		return err
	}
	var q profile.Profile
	if err := json.Unmarshal(raw, &q); err != nil {
		return err
	}
	q.ID, q.History, q.HandedOver, q.Updated = p.ID, p.History, p.HandedOver, p.Updated
	*p = q
	return nil
}

// addPulledClient adds a client the book did not hold (adopted, or
// reassigned to this book's associate) with a local id of its own.
func addPulledClient(tx *store.Tx, c *Client, a *Applied) error {
	var p profile.Profile
	if err := fromMembers(c.Fields, &p); err != nil {
		return err
	}
	p.ID = ""
	if err := tx.AddClient(&p); err != nil {
		return fmt.Errorf("client %s from the chain: %w", c.ID, err)
	}
	if err := tx.MapClient(p.ID, c.ID); err != nil {
		return err
	}
	for f := range c.Fields {
		t, err := observe(tx, c.HLC[f])
		if err != nil {
			return err
		}
		if err := tx.SetFieldClock(p.ID, f, t); err != nil {
			return err
		}
	}
	a.Clients++
	return nil
}

// localEventID is the id in this book of the chain's record id: this
// book's own records keep their local id, the others' their chain id.
func localEventID(tx *store.Tx, id string) string {
	if j, ok := tx.Book().Chain(); ok {
		if local, mine := strings.CutPrefix(id, j.BookID+"/"); mine {
			return local
		}
	}
	return id
}

// applyEvent adds a record pulled from the chain to its client in the
// book, or replaces the book's copy of a task or request with a later one,
// or removes a note or a purchase removed elsewhere.
func applyEvent(tx *store.Tx, e *Event, a *Applied) error {
	client, ok := tx.LocalClientID(e.ClientID)
	if !ok {
		return nil
	}
	t, err := observe(tx, e.HLC)
	if err != nil {
		return err
	}
	id := localEventID(tx, e.ID)
	// The book's clock of a record pulled before: a later version replaces it.
	clockKey := "\x01" + id
	if t.Compare(tx.FieldClock(clockKey, "")) <= 0 {
		return nil
	}
	if e.Deleted {
		return applyRemoval(tx, e, id, clockKey, t, a)
	}
	added := false
	switch e.Kind {
	case "note", "visit":
		var n notes.Note
		if err := json.Unmarshal(e.Body, &n); err != nil {
			return err
		}
		n.ID, n.ClientID = id, client
		err = tx.AddNote(&n)
		added = err == nil
	case "purchase":
		var p profile.Purchase
		if err := json.Unmarshal(e.Body, &p); err != nil {
			return err
		}
		p.ID, p.ClientID = id, client
		err = tx.AddPurchase(&p)
		added = err == nil
	case "task":
		var k tasks.Task
		if err := json.Unmarshal(e.Body, &k); err != nil {
			return err
		}
		k.ID, k.ClientID = id, client
		if _, gone := tx.Task(id); gone == nil {
			err = tx.UpdateTask(&k)
		} else {
			err = tx.AddTask(&k)
		}
		added = err == nil
	case "request":
		var r requests.Request
		if err := json.Unmarshal(e.Body, &r); err != nil {
			return err
		}
		r.ID, r.ClientID = id, client
		if _, gone := tx.Request(id); gone == nil {
			err = tx.UpdateRequest(&r)
		} else {
			err = tx.AddRequest(&r)
		}
		added = err == nil
	case "appointment":
		var v visits.Appointment
		if err := json.Unmarshal(e.Body, &v); err != nil {
			return err
		}
		v.ID, v.ClientID = id, client
		if _, gone := tx.Appointment(id); gone == nil {
			err = tx.UpdateAppointment(&v)
		} else {
			err = tx.AddAppointment(&v)
		}
		added = err == nil
	default:
		return nil
	}
	// A record already in the book (this book's own, or pulled before), one
	// the book removed (its tombstone), a follow-up a client's
	// do-not-contact now refuses: nothing to add.
	if errors.Is(err, store.ErrDuplicate) || errors.Is(err, store.ErrRemoved) || errors.Is(err, store.ErrDoNotContact) {
		err = nil
	}
	if err != nil {
		return fmt.Errorf("%s %s from the chain: %w", e.Kind, e.ID, err)
	}
	if added {
		a.Records++
	}
	return tx.SetFieldClock(clockKey, "", t)
}

// applyRemoval removes from the book a note or a purchase removed in
// another book, and keeps the removal's clock: an older copy pulled later
// does not bring it back.
func applyRemoval(tx *store.Tx, e *Event, id, clockKey string, t hlc.Timestamp, a *Applied) error {
	var err error
	switch e.Kind {
	case "note", "visit":
		if _, gone := tx.Note(id); gone == nil {
			_, err = tx.DeleteNote(id)
			a.Records++
			a.Removed++
		}
	case "purchase":
		if _, gone := tx.Purchase(id); gone == nil {
			_, err = tx.DeletePurchase(id)
			a.Records++
			a.Removed++
		}
	}
	if err != nil {
		return fmt.Errorf("%s %s removed on the chain: %w", e.Kind, e.ID, err)
	}
	return tx.SetFieldClock(clockKey, "", t)
}

// release lets a client go that the chain reassigned away, as a released
// handover does: marked handed over and released, the owner trail handed
// on, its open follow-ups cancelled (they went with the client).
func release(tx *store.Tx, r Release, now time.Time, a *Applied) error {
	local, ok := tx.LocalClientID(r.ClientID)
	if !ok {
		return nil
	}
	p, err := tx.Client(local)
	if err != nil {
		return err
	}
	if p.HandedOver != nil && p.HandedOver.Released && p.HandedOver.To == r.To {
		return nil
	}
	err = tx.UpdateClientWith(local, func(p *profile.Profile) error {
		p.HandedOver = &profile.Handover{To: r.To, At: now, Released: true}
		owners := append([]profile.Ownership(nil), p.Owners...)
		for i := range owners {
			if owners[i].To.IsZero() {
				owners[i].To = now
			}
		}
		p.Owners = append(owners, profile.Ownership{Associate: r.To, From: now})
		return nil
	})
	if err != nil {
		return err
	}
	for _, t := range tx.ClientTasks(local) {
		if !t.IsOpen() {
			continue
		}
		t.Cancel(now)
		if err := tx.UpdateTask(&t); err != nil {
			return err
		}
	}
	a.Released++
	return nil
}

// day is a civil date as the chain's events keep it.
func day(d civil.Date) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return d.In(time.UTC)
}
