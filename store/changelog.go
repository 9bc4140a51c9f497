package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/vipbook/vipbook/internal/hlc"
	"github.com/vipbook/vipbook/internal/jsonobj"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

// A book that joined a chain (see Book.JoinChain) records every write to
// its clients in a change log kept in the book, in the same transaction as
// the write, each change stamped with a hybrid logical clock. The chain's
// sync sends the changes the server has not acknowledged and drops them
// once it has. A book that never joined writes no change log.
var (
	bChanges    = []byte("changes")    // 8-byte big-endian sequence -> Change JSON
	bFieldClock = []byte("fieldclock") // client id 0x00 field -> HLC text of the field's last change
	bChainIDs   = []byte("chainids")   // "l" local id -> chain id, "c" chain id -> local id, for clients from other books
	kChain      = []byte("chain")      // meta: the Join record
	kChainState = []byte("chainstate") // meta: the ChainState
	kHLC        = []byte("hlc")        // meta: the clock's last reading
	kChainTiers = []byte("chaintiers") // meta: the tiers last sent to the chain, {local id: tier}
)

// Kinds of change.
const (
	ChangeClient   = "client"   // Data: the changed fields of the profile, {"field": value}
	ChangeNote     = "note"     // Data: the note
	ChangePurchase = "purchase" // Data: the purchase
	ChangeTask     = "task"     // Data: the task
	ChangeRequest  = "request"  // Data: the request
	ChangeVisit    = "visit"    // Data: the appointment
	ChangeErase    = "erase"    // Data: {} — the client was erased at their request
	ChangeReassign = "reassign" // made by the chain: Data {"to": associate, "store": store}
)

// Change is one entry of the change log.
type Change struct {
	Seq      uint64          `json:"seq"`
	HLC      string          `json:"hlc"`
	Kind     string          `json:"kind"`
	ClientID string          `json:"client_id"`
	EntityID string          `json:"entity_id,omitempty"`
	Data     json.RawMessage `json:"data"`
}

// Join records that the book belongs to a chain. It holds no password:
// the DSN is kept without one, and the password comes from PGPASSWORD or
// a password file at each sync.
type Join struct {
	DSN       string    `json:"dsn"`
	Store     string    `json:"store"`
	Associate string    `json:"associate"`
	BookID    string    `json:"book_id"`
	Joined    time.Time `json:"joined"`
}

// ChainState is where the book's sync stands.
type ChainState struct {
	Acked    uint64    `json:"acked"`               // the last change of this book the server acknowledged
	Pulled   int64     `json:"pulled"`              // the server's sequence up to which others' changes were applied
	LastSync time.Time `json:"last_sync,omitempty"` // the end of the last sync that reached the server
}

// ErrNotJoined is returned by the chain's operations on a book that has not
// joined a chain.
var ErrNotJoined = errors.New("this book has not joined a chain")

// ErrJoined is returned by JoinChain on a book that has already joined.
var ErrJoined = errors.New("this book has already joined a chain")

// Chain returns the book's Join record, and false when it has not joined.
// It reads the book (another process may have joined it since it was
// opened).
func (b *Book) Chain() (Join, bool) {
	var j *Join
	if err := b.View(func(tx *Tx) error { j = tx.joined(); return nil }); err != nil || j == nil {
		return Join{}, false
	}
	return *j, true
}

// joined returns the book's Join record as this transaction sees it, nil
// when the book has not joined a chain.
func (tx *Tx) joined() *Join {
	if tx.join == nil {
		tx.join = &Join{}
		if raw := tx.bucket(bMeta).Get(kChain); raw != nil && json.Unmarshal(raw, tx.join) == nil {
			return tx.join
		}
	}
	if tx.join.BookID == "" {
		return nil
	}
	return tx.join
}

// JoinChain records j in the book and logs every client the book holds,
// with their notes (private ones excepted), purchases, tasks, requests and
// visits, so that the first sync sends the whole book. One transaction:
// the book joins whole or not at all.
func (b *Book) JoinChain(j Join) error {
	if j.BookID == "" {
		j.BookID = randomID(16)
	}
	if j.Joined.IsZero() {
		j.Joined = b.now()
	}
	return b.Update(func(tx *Tx) error {
		if tx.joined() != nil {
			return ErrJoined
		}
		raw, err := json.Marshal(j)
		if err != nil {
			return err
		}
		if err := tx.bucket(bMeta).Put(kChain, raw); err != nil {
			return err
		}
		tx.join = &j
		return tx.logWholeBook()
	})
}

// logWholeBook logs every client of the book, each followed by its
// records (notes, purchases, tasks, requests, appointments): the first
// sync's batches then each carry whole clients, and the server writes and
// sums each client once, not once per batch that holds some of its
// records (as when the log went kind by kind).
func (tx *Tx) logWholeBook() error {
	c := tx.bucket(bClients).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		var p profile.Profile
		if err := unmarshalRecord(v, &p); err != nil {
			return fmt.Errorf("client %q: %w", k, err)
		}
		if err := tx.logClient(nil, &p); err != nil {
			return err
		}
		ns, err := tx.Notes(p.ID)
		if err != nil {
			return err
		}
		for i := range ns {
			if err := tx.logNote(&ns[i]); err != nil {
				return err
			}
		}
		ps, err := tx.Purchases(p.ID)
		if err != nil {
			return err
		}
		for i := range ps {
			if err := tx.logChange(ChangePurchase, ps[i].ClientID, ps[i].ID, &ps[i]); err != nil {
				return err
			}
		}
		for _, t := range tx.ClientTasks(p.ID) {
			if err := tx.logTask(&t); err != nil {
				return err
			}
		}
		for _, r := range tx.ClientRequests(p.ID) {
			if err := tx.logChange(ChangeRequest, r.ClientID, r.ID, &r); err != nil {
				return err
			}
		}
		for _, a := range tx.ClientAppointments(p.ID) {
			if err := tx.logChange(ChangeVisit, a.ClientID, a.ID, &a); err != nil {
				return err
			}
		}
	}
	return nil
}

// logging reports whether this transaction's writes go into the change
// log: the book joined a chain, and the write is not one pulled from it.
func (tx *Tx) logging() bool { return !tx.pulling && tx.joined() != nil }

// stamp reads the book's hybrid logical clock and moves it on.
func (tx *Tx) stamp() (hlc.Timestamp, error) {
	mb := tx.bucket(bMeta)
	c := hlc.Clock{Node: tx.joined().BookID}
	if raw := mb.Get(kHLC); raw != nil {
		last, err := hlc.Parse(string(raw))
		if err != nil {
			return hlc.Timestamp{}, err
		}
		c.Last = last
	}
	t := c.Now(tx.Now())
	return t, mb.Put(kHLC, []byte(t.String()))
}

// Observe moves the book's clock past a timestamp pulled from the chain,
// so that a change made here afterwards is ordered after it.
func (tx *Tx) Observe(t hlc.Timestamp) error {
	mb := tx.bucket(bMeta)
	c := hlc.Clock{Node: t.Node}
	if raw := mb.Get(kHLC); raw != nil {
		last, err := hlc.Parse(string(raw))
		if err != nil {
			return err
		}
		c.Last = last
	}
	before := c.Last
	c.Observe(t)
	if c.Last == before {
		return nil
	}
	if j := tx.joined(); j != nil {
		c.Last.Node = j.BookID
	}
	return mb.Put(kHLC, []byte(c.Last.String()))
}

func seqKey(n uint64) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], n)
	return k[:]
}

// logChange appends a change of kind to the log, when the book logs.
func (tx *Tx) logChange(kind, clientID, entityID string, data any) error {
	if !tx.logging() || clientID == "" {
		return nil
	}
	_, err := tx.appendChange(kind, clientID, entityID, data)
	return err
}

func (tx *Tx) appendChange(kind, clientID, entityID string, data any) (hlc.Timestamp, error) {
	raw, err := json.Marshal(data)
	if err != nil {
		return hlc.Timestamp{}, err
	}
	t, err := tx.stamp()
	if err != nil {
		return t, err
	}
	bk := tx.bucket(bChanges)
	seq, err := bk.NextSequence()
	if err != nil {
		return t, err
	}
	ch := Change{Seq: seq, HLC: t.String(), Kind: kind, ClientID: clientID, EntityID: entityID, Data: raw}
	return t, putJSON(bk, seqKey(seq), &ch)
}

// unsynced are the profile fields that never leave the book: its own id,
// its write time, the history the book keeps of replaced values, and
// whether this book handed the client over.
var unsynced = map[string]bool{"id": true, "updated": true, "history": true, "handed_over": true}

// ClientFields returns the fields of after that differ from before (all of
// them when before is nil), as the change log carries them.
func ClientFields(before, after *profile.Profile) (map[string]json.RawMessage, error) {
	a, err := fieldsOf(after)
	if err != nil {
		return nil, err
	}
	var b map[string]json.RawMessage
	if before != nil {
		if b, err = fieldsOf(before); err != nil {
			return nil, err
		}
	}
	out := map[string]json.RawMessage{}
	for k, v := range a {
		if unsynced[k] {
			continue
		}
		if old, ok := b[k]; !ok || !bytes.Equal(old, v) {
			out[k] = v
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok && !unsynced[k] {
			out[k] = json.RawMessage("null") // an omitted field was emptied
		}
	}
	return out, nil
}

func fieldsOf(p *profile.Profile) (map[string]json.RawMessage, error) {
	raw, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	return m, json.Unmarshal(raw, &m)
}

// logClient logs the fields of a client that changed, and stamps each
// field's clock with the change.
func (tx *Tx) logClient(before, after *profile.Profile) error {
	if !tx.logging() {
		return nil
	}
	fields, err := ClientFields(before, after)
	if err != nil || len(fields) == 0 {
		return err
	}
	t, err := tx.appendChange(ChangeClient, after.ID, "", fields)
	if err != nil {
		return err
	}
	fc := tx.bucket(bFieldClock)
	for f := range fields {
		if err := fc.Put(join([]byte(after.ID), []byte(f)), []byte(t.String())); err != nil {
			return err
		}
	}
	return nil
}

// logNote logs a note unless it is private: a private note never leaves
// the book.
func (tx *Tx) logNote(n *notes.Note) error {
	if n.Private {
		return nil
	}
	return tx.logChange(ChangeNote, n.ClientID, n.ID, n)
}

// logTask logs a task about a client (a task about no client stays in the
// book).
func (tx *Tx) logTask(t *tasks.Task) error { return tx.logChange(ChangeTask, t.ClientID, t.ID, t) }

// logErase logs a client's erasure and drops the client's changes not yet
// sent: what was erased must not reach the chain afterwards.
func (tx *Tx) logErase(id string) error {
	if !tx.logging() {
		return nil
	}
	if err := tx.dropUnsent(id); err != nil {
		return err
	}
	return tx.logChange(ChangeErase, id, "", struct{}{})
}

// dropUnsent drops the client's changes the chain has not acknowledged and
// forgets the clocks of its fields: the client leaves the book.
func (tx *Tx) dropUnsent(id string) error {
	if !tx.logging() {
		return nil
	}
	acked := tx.ChainState().Acked
	bk := tx.bucket(bChanges)
	var drop [][]byte
	c := bk.Cursor()
	for k, v := c.Seek(seqKey(acked + 1)); k != nil; k, v = c.Next() {
		var ch struct {
			ClientID string `json:"client_id"`
		}
		if json.Unmarshal(v, &ch) == nil && ch.ClientID == id {
			drop = append(drop, append([]byte(nil), k...))
		}
	}
	for _, k := range drop {
		if err := bk.Delete(k); err != nil {
			return err
		}
	}
	tx.forgetFieldClocks(id)
	return nil
}

// dropUnsentRecord drops the changes of kind about record id (a note,
// a purchase) that the chain has not acknowledged yet.
func (tx *Tx) dropUnsentRecord(kind, id string) error {
	if !tx.logging() {
		return nil
	}
	bk := tx.bucket(bChanges)
	var drop [][]byte
	c := bk.Cursor()
	for k, v := c.Seek(seqKey(tx.ChainState().Acked + 1)); k != nil; k, v = c.Next() {
		var ch struct {
			Kind     string `json:"kind"`
			EntityID string `json:"entity_id"`
		}
		if json.Unmarshal(v, &ch) == nil && ch.Kind == kind && ch.EntityID == id {
			drop = append(drop, bytes.Clone(k))
		}
	}
	for _, k := range drop {
		if err := bk.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) forgetFieldClocks(id string) {
	fc := tx.bucket(bFieldClock)
	if fc == nil {
		return
	}
	var keys [][]byte
	_ = scanPrefix(fc, prefix(id), func(k, _ []byte) error { keys = append(keys, append([]byte(nil), k...)); return nil })
	for _, k := range keys {
		_ = fc.Delete(k)
	}
}

// FieldClock returns the timestamp of the last change to a client's field
// this book knows of (the zero timestamp when none).
func (tx *Tx) FieldClock(clientID, field string) hlc.Timestamp {
	fc := tx.bucket(bFieldClock)
	if fc == nil {
		return hlc.Timestamp{}
	}
	t, _ := hlc.Parse(string(fc.Get(join([]byte(clientID), []byte(field)))))
	return t
}

// SetFieldClock records that a client's field now holds the value of the
// change stamped t.
func (tx *Tx) SetFieldClock(clientID, field string, t hlc.Timestamp) error {
	return tx.bucket(bFieldClock).Put(join([]byte(clientID), []byte(field)), []byte(t.String()))
}

// ChainState returns where the book's sync stands.
func (tx *Tx) ChainState() ChainState {
	var s ChainState
	if raw := tx.bucket(bMeta).Get(kChainState); raw != nil {
		_ = json.Unmarshal(raw, &s)
	}
	return s
}

// SetChainState records where the book's sync stands.
func (tx *Tx) SetChainState(s ChainState) error {
	return putJSON(tx.bucket(bMeta), kChainState, &s)
}

// Changes returns up to max changes not yet acknowledged by the server,
// oldest first (all of them when max is 0).
func (tx *Tx) Changes(max int) ([]Change, error) {
	return tx.ChangesAfter(tx.ChainState().Acked, max)
}

// ChangesAfter returns up to max changes (all when max <= 0) numbered
// after seq, in order: a sync reads its next batch while the server
// writes the last, before the book has recorded that the server holds it.
func (tx *Tx) ChangesAfter(seq uint64, max int) ([]Change, error) {
	bk := tx.bucket(bChanges)
	if bk == nil {
		return nil, nil
	}
	var out []Change
	if max > 0 {
		out = make([]Change, 0, max)
	}
	c := bk.Cursor()
	for k, v := c.Seek(seqKey(seq + 1)); k != nil; k, v = c.Next() {
		var ch Change
		if !decodeChange(v, &ch) {
			if err := unmarshalRecord(v, &ch); err != nil {
				return nil, err
			}
		}
		out = append(out, ch)
		if max > 0 && len(out) == max {
			break
		}
	}
	return out, nil
}

// decodeChange reads a change of the log as putJSON wrote it, in one pass
// (jsonobj): the first sync of a book reads some 200k of them, and
// encoding/json scanned each whole change twice. False for anything it
// does not read (a string with an escape): the caller decodes it with
// encoding/json, which also says what is wrong with a damaged one.
func decodeChange(v []byte, ch *Change) bool {
	ok := true
	read := jsonobj.Members(v, func(k string, val []byte) bool {
		switch k {
		case "seq":
			ch.Seq, ok = jsonobj.Uint(val)
		case "hlc":
			ch.HLC, ok = jsonobj.String(val)
		case "kind":
			ch.Kind, ok = jsonobj.String(val)
		case "client_id":
			ch.ClientID, ok = jsonobj.String(val)
		case "entity_id":
			ch.EntityID, ok = jsonobj.String(val)
		case "data":
			ch.Data = append(json.RawMessage(nil), val...)
		}
		return ok
	})
	return read && ok
}

// Pending counts the changes the server has not acknowledged.
func (tx *Tx) Pending() int {
	bk := tx.bucket(bChanges)
	if bk == nil {
		return 0
	}
	n := 0
	c := bk.Cursor()
	for k, _ := c.Seek(seqKey(tx.ChainState().Acked + 1)); k != nil; k, _ = c.Next() {
		n++
	}
	return n
}

// Acknowledge records that the server holds every change up to seq, and
// drops them from the log.
func (tx *Tx) Acknowledge(seq uint64) error {
	s := tx.ChainState()
	if seq <= s.Acked {
		return nil
	}
	bk := tx.bucket(bChanges)
	var keys [][]byte
	c := bk.Cursor()
	for k, _ := c.First(); k != nil && binary.BigEndian.Uint64(k) <= seq; k, _ = c.Next() {
		keys = append(keys, append([]byte(nil), k...))
	}
	for _, k := range keys {
		if err := bk.Delete(k); err != nil {
			return err
		}
	}
	s.Acked = seq
	return tx.SetChainState(s)
}

// Pulling marks the transaction as applying changes pulled from the chain:
// its writes are not logged again (they came from there).
func (tx *Tx) Pulling() { tx.pulling = true }

// ChainClientID is the chain's id of a client of this book: the id it
// was pulled with, or "BOOKID/LOCALID" for a client this book made.
func (tx *Tx) ChainClientID(local string) string {
	if bk := tx.bucket(bChainIDs); bk != nil {
		if v := bk.Get(append([]byte("l"), local...)); v != nil {
			return string(v)
		}
	}
	j := tx.joined()
	if j == nil {
		return local
	}
	return j.BookID + "/" + local
}

// LocalClientID is the id in this book of the chain's client chainID, and
// false when the book does not hold it.
func (tx *Tx) LocalClientID(chainID string) (string, bool) {
	if bk := tx.bucket(bChainIDs); bk != nil {
		if v := bk.Get(append([]byte("c"), chainID...)); v != nil {
			return string(v), tx.HasClient(string(v))
		}
	}
	if j := tx.joined(); j != nil {
		if local, ok := strings.CutPrefix(chainID, j.BookID+"/"); ok {
			return local, tx.HasClient(local)
		}
	}
	return "", false
}

// MapClient records that the book's client local is the chain's chainID.
func (tx *Tx) MapClient(local, chainID string) error {
	bk := tx.bucket(bChainIDs)
	if err := bk.Put(append([]byte("l"), local...), []byte(chainID)); err != nil {
		return err
	}
	return bk.Put(append([]byte("c"), chainID...), []byte(local))
}

// ChainTiers returns the tier of each client (by local id) that the book
// last sent to the chain (see SetChainTiers); empty before the first.
func (tx *Tx) ChainTiers() map[string]string {
	m := map[string]string{}
	if raw := tx.bucket(bMeta).Get(kChainTiers); raw != nil {
		_ = json.Unmarshal(raw, &m)
	}
	return m
}

// SetChainTiers records the tiers the chain now holds of the book's
// clients: the next sync sends only those that changed.
func (tx *Tx) SetChainTiers(m map[string]string) error {
	raw, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return tx.bucket(bMeta).Put(kChainTiers, raw)
}
