package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
	bolt "go.etcd.io/bbolt"
)

// A bulk load writes each bucket's keys in key order: bbolt splits nodes
// only when the transaction commits, so keys put out of order into one node
// (a new or small bucket taking 100k notes) each move the rest of the node,
// which makes a one-transaction handover quadratic. In order, each put
// appends.

type kv struct{ k, v []byte }

// putSorted puts kvs into bk in key order (sorting them first): one
// bbolt PutSorted, which appends them to bk's last leaf at once when they
// all come after its keys (a bulk load into a new book), and puts each
// otherwise (putKVs).
func putSorted(bk *bolt.Bucket, kvs []kv) error {
	sortKVs(kvs)
	return putKVs(bk, kvs)
}

// putKVs puts kvs, in key order, into bk (putAt), its pages written full
// when they come after its keys (fillIfAppending).
func putKVs(bk *bolt.Bucket, kvs []kv) error {
	if len(kvs) > 0 {
		fillIfAppending(bk, kvs[0].k)
	}
	return putAt(bk, len(kvs), func(i int) ([]byte, []byte) { return kvs[i].k, kvs[i].v })
}

// putAt puts n keys and values, at(i) the i-th in key order, into bk with
// bbolt's PutSorted (our patch of bbolt, third_party/bbolt/VIPBOOK.md):
// where every key comes after the bucket's, no search of the tree for
// each and the leaf's room made once (an import of 10k vCards puts some
// 400k keys so, into empty buckets). Keys PutSorted refuses as out of
// order (two equal ones) are put one by one, the later value kept, as Put
// in that order keeps it.
func putAt(bk *bolt.Bucket, n int, at func(i int) (k, v []byte)) error {
	err := bk.PutSorted(n, at)
	if !errors.Is(err, bolt.ErrKeysNotSorted) {
		return err
	}
	for i := range n {
		if err := bk.Put(at(i)); err != nil {
			return err
		}
	}
	return nil
}

// fillIfAppending has bk's pages written full in this transaction
// (FillPercent 1, bbolt's most) when key, the smallest this transaction
// puts, sorts after every key bk holds: keys that only ever come at the
// end (a time index, a bulk load into an empty bucket) leave each page
// behind them full, where bbolt's default split at half a page leaves
// every page of such a bucket half empty for good.
func fillIfAppending(bk *bolt.Bucket, key []byte) {
	if last, _ := bk.Cursor().Last(); last == nil || bytes.Compare(last, key) < 0 {
		bk.FillPercent = 1
	}
}

// putAppending puts k and v into bk, its pages written full when k comes
// after every key there (fillIfAppending): for the indexes by time, whose
// new keys come at the end.
func putAppending(bk *bolt.Bucket, k, v []byte) error {
	fillIfAppending(bk, k)
	return bk.Put(k, v)
}

// ImportNotes adds notes that arrive whole from another book (a handover,
// an import of history). A note whose id the book already holds is skipped
// (importing twice adds nothing), and so is one the book removed (an older
// copy does not bring it back); a note without id or time gets one, as
// AddNote would. Each bucket is written in key order and each client's
// summary is rewritten once, so 100k notes load in one transaction in well
// under a second. The NoteAdded hook is not called: history that arrives
// does not start follow-ups. It returns how many notes each client gained.
func (tx *Tx) ImportNotes(ns []notes.Note) (map[string]int, error) {
	return tx.ImportNotesJSON(ns, nil)
}

// ImportNotesJSON is ImportNotes with the notes' encoded form at hand: when
// raw[i] is not nil it is stored as the value of ns[i] instead of encoding
// ns[i] again (a handover keeps the giving book's JSON of a note that keeps
// its id and its client). raw[i] must be the compact JSON object of ns[i]
// with notes.Note's members in their order, as json.Marshal writes them
// (string escapes may differ); it is used only when ns[i] is stored as it
// is (it has an id, a time and an author), and must not change until the
// transaction ends. raw may be nil or shorter than ns. When raw[i] has
// SealRoom bytes of capacity past its length, the store writes the
// record's seal there instead of copying it: nothing else may use them.
func (tx *Tx) ImportNotesJSON(ns []notes.Note, raw [][]byte) (map[string]int, error) {
	return tx.importNotes(ns, raw, nil)
}

// importNotes is ImportNotesJSON; the clients in counted were added in
// this transaction, and their summaries already count their notes of ns
// (AddClientsNotes) and are not touched.
func (tx *Tx) importNotes(ns []notes.Note, raw [][]byte, counted map[string]bool) (map[string]int, error) {
	added := map[string]int{}
	seen := make(map[string]bool, len(ns))
	stored := make([]bool, len(ns))
	byKey, byTime, byID := make([]kv, 0, len(ns)), make([]kv, 0, len(ns)), make([]kv, 0, len(ns))
	var bySit []kv                     // the situations of byTime (bSitTime)
	touches := map[string]*noteTally{} // by client: its notes stored
	var last *noteTally
	var lastID string
	idb := tx.bucket(bNoteIDs)
	var slab noteSlab
	for i := range ns {
		n := &ns[i]
		if err := n.Validate(); err != nil {
			return nil, fmt.Errorf("note %s: %w", n.ID, err)
		}
		if n.ID != "" && (seen[n.ID] || idb.Get([]byte(n.ID)) != nil) {
			continue
		}
		if _, gone := tx.Removed(n.ID); gone {
			continue // removed here: an older copy does not bring it back
		}
		var value []byte
		if i < len(raw) && n.ID != "" && !n.At.IsZero() && n.Author != "" {
			value = raw[i]
		}
		tc := last // a client's notes come together: looked up once
		if n.ClientID != lastID {
			tc = touches[n.ClientID]
		}
		if tc == nil {
			if !counted[n.ClientID] && !tx.HasClient(n.ClientID) {
				return nil, fmt.Errorf("client %q: %w", n.ClientID, ErrNotFound)
			}
			tc = &noteTally{}
			touches[n.ClientID] = tc
		}
		last, lastID = tc, n.ClientID
		if n.ID == "" {
			for n.ID == "" || seen[n.ID] {
				n.ID = tx.newID(bNoteIDs, longIDLen)
			}
		}
		seen[n.ID] = true
		if n.At.IsZero() {
			n.At = tx.Now()
		}
		if n.Author == "" {
			n.Author = tx.book.meta.Associate
		}
		if value == nil {
			value = slab.note(n)
		}
		if value == nil {
			var err error
			if value, err = json.Marshal(n); err != nil {
				return nil, err
			}
		}
		if err := tx.logNote(n); err != nil {
			return nil, err
		}
		key := noteKey(n.ClientID, n.At, n.ID)
		byKey = append(byKey, kv{key, sealInPlace(value)})
		byTime = append(byTime, kv{noteTimeKey(n.At, n.ID), []byte(n.ClientID)})
		if n.Kind == notes.Situation {
			bySit = append(bySit, kv{noteTimeKey(n.At, n.ID), []byte(n.ClientID)})
		}
		byID = append(byID, kv{[]byte(n.ID), key})
		tc.add(n)
		stored[i] = true
	}
	puts := []bulkPut{{tx.bucket(bNotes), byKey}, {tx.bucket(bNoteTime), byTime}, {idb, byID}}
	if sb := tx.bucket(bSitTime); sb != nil {
		puts = append(puts, bulkPut{sb, bySit})
	}
	wait := tx.numberNotes(ns, stored)
	err := putAllSorted(puts...)
	if wait != nil {
		wait()
	}
	if err != nil {
		return nil, err
	}
	if err := tx.indexNotes(ns, stored, wait != nil); err != nil {
		return nil, err
	}
	for id, tc := range touches {
		added[id] = tc.n
		if counted[id] {
			continue
		}
		if err := tx.touchSummary(id, tc.apply); err != nil {
			return nil, err
		}
	}
	return added, nil
}

// noteTally is what notes of one client add to its summary.
type noteTally struct {
	n             int
	last, contact civil.Date
	visits        []civil.Date
}

func (t *noteTally) add(n *notes.Note) {
	day := civil.Of(n.At)
	t.n++
	if day.After(t.last) {
		t.last = day
	}
	if n.Kind.IsContact() && day.After(t.contact) {
		t.contact = day
	}
	if n.Kind == notes.Visit {
		t.visits = append(t.visits, day)
	}
}

// apply counts the notes in s.
func (t *noteTally) apply(s *profile.Summary) {
	s.NoteCount += t.n
	if t.last.After(s.LastNote) {
		s.LastNote = t.last
	}
	if t.contact.After(s.LastContact) {
		s.LastContact = t.contact
	}
	for _, d := range t.visits {
		if !containsDate(s.VisitDays, d) {
			s.VisitDays = append(s.VisitDays, d)
		}
	}
	sortDates(s.VisitDays)
}

// ImportPurchases adds purchases that arrive whole from another book, as
// ImportNotes adds notes: one with an id already in the book, or removed
// from it, is skipped, buckets are written in key order, each summary once, and the
// PurchaseAdded hook is not called (an old sale does not start a new
// thank-you rhythm). It returns how many purchases each client gained.
func (tx *Tx) ImportPurchases(ps []profile.Purchase) (map[string]int, error) {
	return tx.ImportPurchasesJSON(ps, nil)
}

// ImportPurchasesJSON is ImportPurchases with the purchases' encoded form
// at hand, as ImportNotesJSON: raw[i], when not nil, is stored as the value
// of ps[i] when ps[i] is stored as it is (it has an id, a currency, a store
// and an author). raw[i] must be the compact JSON object of ps[i] with
// profile.Purchase's members in their order, as json.Marshal writes them,
// and must not change until the transaction ends; its SealRoom past its
// length is used as ImportNotesJSON uses it.
func (tx *Tx) ImportPurchasesJSON(ps []profile.Purchase, raw [][]byte) (map[string]int, error) {
	added := map[string]int{}
	seen := make(map[string]bool, len(ps))
	byKey, byID := make([]kv, 0, len(ps)), make([]kv, 0, len(ps))
	spends := map[string][]profile.Spend{}
	idb := tx.bucket(bPurchaseIDs)
	for i := range ps {
		p := &ps[i]
		if p.Date.IsZero() {
			return nil, errors.New("a purchase needs a date")
		}
		if p.Amount < 0 {
			return nil, fmt.Errorf("%w: a purchase cannot be negative", profile.ErrBadAmount)
		}
		if p.ID != "" && (seen[p.ID] || idb.Get([]byte(p.ID)) != nil) {
			continue
		}
		if _, gone := tx.Removed(p.ID); gone {
			continue // removed here: an older copy does not bring it back
		}
		var value []byte
		if i < len(raw) && p.ID != "" && p.Currency != "" && p.Store != "" && p.Author != "" {
			value = raw[i]
		}
		if _, ok := spends[p.ClientID]; !ok && !tx.HasClient(p.ClientID) {
			return nil, fmt.Errorf("client %q: %w", p.ClientID, ErrNotFound)
		}
		if p.ID == "" {
			for p.ID == "" || seen[p.ID] {
				p.ID = tx.newID(bPurchaseIDs, longIDLen)
			}
		}
		seen[p.ID] = true
		tx.purchaseDefaults(p)
		if value == nil {
			var err error
			if value, err = json.Marshal(p); err != nil {
				return nil, err
			}
		}
		if err := tx.logChange(ChangePurchase, p.ClientID, p.ID, p); err != nil {
			return nil, err
		}
		key := purchaseKey(p)
		byKey = append(byKey, kv{key, sealInPlace(value)})
		byID = append(byID, kv{[]byte(p.ID), key})
		spends[p.ClientID] = append(spends[p.ClientID], profile.Spend{Date: p.Date, Amount: p.Amount})
		added[p.ClientID]++
	}
	if err := putAllSorted(bulkPut{tx.bucket(bPurchases), byKey}, bulkPut{idb, byID}); err != nil {
		return nil, err
	}
	for id, sp := range spends {
		err := tx.touchSummary(id, func(s *profile.Summary) {
			s.Spends = append(s.Spends, sp...)
			sort.SliceStable(s.Spends, func(i, j int) bool { return s.Spends[i].Date.Before(s.Spends[j].Date) })
			for _, x := range sp {
				if x.Date.After(s.LastContact) {
					s.LastContact = x.Date
				}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return added, nil
}

// ImportTasks adds tasks that arrive whole from another book, as
// ImportNotes adds notes: a task whose id the book holds, or whose rule
// origin it has seen (in the book or earlier in ts), is skipped; a task
// without id gets one; buckets are written in key order. It returns how
// many tasks were added.
func (tx *Tx) ImportTasks(ts []tasks.Task) (int, error) {
	var byID, byDue, byDone, byClient, byOrigin []kv
	seen := make(map[string]bool, len(ts))
	origins := map[string]bool{}
	tb, ob := tx.bucket(bTasks), tx.bucket(bTaskOrigin)
	checked := map[string]bool{}
	for i := range ts {
		t := &ts[i]
		if err := t.Validate(); err != nil {
			return 0, fmt.Errorf("task %s: %w", t.ID, err)
		}
		if t.ClientID != "" && !checked[t.ClientID] {
			if !tx.HasClient(t.ClientID) {
				return 0, fmt.Errorf("client %q: %w", t.ClientID, ErrNotFound)
			}
			checked[t.ClientID] = true
		}
		ruled := t.Origin != "" && t.Origin != "manual"
		if ruled && (origins[t.Origin] || ob.Get([]byte(t.Origin)) != nil) {
			continue
		}
		if t.ID != "" && (seen[t.ID] || tb.Get([]byte(t.ID)) != nil) {
			continue
		}
		for t.ID == "" || seen[t.ID] {
			t.ID = tx.newID(bTasks, shortIDLen)
		}
		seen[t.ID] = true
		tx.taskDefaults(t)
		raw, err := json.Marshal(t)
		if err != nil {
			return 0, err
		}
		if err := tx.logTask(t); err != nil {
			return 0, err
		}
		byID = append(byID, kv{[]byte(t.ID), seal(raw)})
		if t.IsOpen() {
			byDue = append(byDue, kv{dueKey(t), dueValue(t)})
		}
		if isDone(t) {
			byDone = append(byDone, kv{taskDoneKey(t), nil})
		}
		if t.ClientID != "" {
			byClient = append(byClient, kv{join([]byte(t.ClientID), []byte(t.ID)), nil})
		}
		if ruled {
			origins[t.Origin] = true
			byOrigin = append(byOrigin, kv{[]byte(t.Origin), []byte(t.ID)})
		}
	}
	parts := []bulkPut{{tx.bucket(bTasks), byID}, {tx.bucket(bTaskDue), byDue},
		{tx.bucket(bTaskClient), byClient}, {tx.bucket(bTaskOrigin), byOrigin}}
	if done := tx.bucket(bTaskDone); done != nil {
		parts = append(parts, bulkPut{done, byDone})
	}
	if err := putAllSorted(parts...); err != nil {
		return 0, err
	}
	return len(byID), nil
}

// EachNoteJSON calls fn with the stored form of each of a client's notes,
// oldest first: the JSON encoding of notes.Note, which a handover writes
// out as it is instead of decoding and encoding it again. raw is valid
// only during the call.
func (tx *Tx) EachNoteJSON(clientID string, fn func(raw []byte) error) error {
	return scanPrefix(tx.bucket(bNotes), prefix(clientID), func(k, v []byte) error {
		body, err := unsealJSON(v)
		if err != nil {
			return recordDamage("note", k, v, err)
		}
		return fn(body)
	})
}

// EachPurchaseJSON calls fn with the stored form of each of a client's
// purchases, oldest first: the JSON encoding of profile.Purchase. raw is
// valid only during the call.
func (tx *Tx) EachPurchaseJSON(clientID string, fn func(raw []byte) error) error {
	return scanPrefix(tx.bucket(bPurchases), prefix(clientID), func(k, v []byte) error {
		body, err := unsealJSON(v)
		if err != nil {
			return recordDamage("purchase", k, v, err)
		}
		return fn(body)
	})
}

// UpdateClientWith reads a client, lets change alter the profile, and
// writes it as UpdateClient does, decoding the profile once where a caller
// of UpdateClient reads it first and UpdateClient reads it again (a
// handover marks 10,000 clients). change must not alter the id; it may
// keep a shallow copy of the profile as read, provided it replaces rather
// than edits the slices it changes.
func (tx *Tx) UpdateClientWith(id string, change func(p *profile.Profile) error) error {
	p, err := tx.Client(id)
	if err != nil {
		return err
	}
	var before *profile.Profile
	if tx.book.hooks.ClientUpdated != nil || tx.logging() {
		if before, err = tx.Client(id); err != nil {
			return err
		}
	}
	phones := p.NormalizedPhones(tx.book.meta.CountryCode)
	cards := p.CardNumbers()
	if err := change(p); err != nil {
		return err
	}
	if p.ID != id {
		return fmt.Errorf("client %s: an update cannot change the id", id)
	}
	if err := p.Validate(); err != nil {
		return err
	}
	sum, err := tx.Summary(id)
	if err != nil {
		return err
	}
	pb := tx.bucket(bPhones)
	for _, n := range phones {
		_ = pb.Delete(join([]byte(n), []byte(id)))
	}
	unindexCards(tx.bucket(bCards), id, cards)
	p.Updated = tx.Now()
	if err := tx.writeClient(p, &sum); err != nil {
		return err
	}
	if err := tx.logClient(before, p); err != nil {
		return err
	}
	if h := tx.book.hooks.ClientUpdated; h != nil {
		return h(tx, before, p)
	}
	return nil
}
