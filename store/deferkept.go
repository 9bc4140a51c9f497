package store

import (
	"maps"
	"slices"
	"strings"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
)

// deferredKept holds the writes to kept indexes that a transaction defers
// (Tx.DeferIndexes) until its end, to write them in key order: a bulk
// import that adds thousands of clients one by one would otherwise put
// their search keys and days of purchases in random order into fresh
// buckets, and bbolt's puts into a node not yet split (nodes split only at
// the commit) cost the length of the node each: quadratic (the 10k demo
// book's handover import: 17 s of its 28 s in the posting lists' puts).
type deferredKept struct {
	// fields are the field tokens each client written should have now,
	// by id (as indexFields would have made them).
	fields map[string][]string
	// notes are the postings of the notes written.
	notes []posting
	// spendDays are the keys of bSpendDay put (true) or deleted (false).
	spendDays map[string]bool
	// err is the first error of a flush done for a read (which returns
	// none): the transaction fails with it.
	err error
}

// DeferIndexes has the transaction keep the search keys of the clients
// and notes it writes, and their days of purchases, in memory, and write
// them in key order at its end (before the commit), at a bulk load of
// notes (ImportNotesJSON: the clients are in by then, and the notes' keys
// go in with theirs, not held to the end), or before something in it reads
// them: for a bulk import of many clients written one by one (a handover),
// where each put in random order into a fresh bucket costs the length of
// the bucket. What is written is the same as without.
func (tx *Tx) DeferIndexes() {
	if tx.deferred == nil {
		tx.deferred = &deferredKept{fields: map[string][]string{}, spendDays: map[string]bool{}}
	}
}

// flushDeferred writes what DeferIndexes kept back (nothing when none);
// the transaction goes on deferring. A reader of the search index or of
// the days of purchases calls it first, Book.Update before the commit.
func (tx *Tx) flushDeferred() error {
	d := tx.deferred
	if d == nil {
		return nil
	}
	if d.err != nil {
		return d.err
	}
	if len(d.fields) == 0 && len(d.notes) == 0 && len(d.spendDays) == 0 {
		return nil
	}
	tx.deferred = &deferredKept{fields: map[string][]string{}, spendDays: map[string]bool{}}
	if err := tx.flushPostings(d); err != nil {
		return err
	}
	if sd := tx.bucket(bSpendDay); sd != nil && len(d.spendDays) > 0 {
		keys := slices.Sorted(maps.Keys(d.spendDays))
		fillIfAppending(sd, []byte(keys[0]))
		for _, k := range keys {
			var err error
			if d.spendDays[k] {
				err = sd.Put([]byte(k), nil)
			} else {
				err = sd.Delete([]byte(k))
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// flushFor flushes the deferred writes before a read that returns no
// error: a failure is kept and fails the transaction (Book.Update).
func (tx *Tx) flushFor() {
	if err := tx.flushDeferred(); err != nil {
		tx.deferred.err = err
	}
}

// flushPostings writes the deferred search keys: the removals each
// client's field tokens need (few: a client merged), then every posting
// added, fields and notes together, in the bucket's key order.
func (tx *Tx) flushPostings(d *deferredKept) error {
	fw, rv := tx.bucket(bSearch), tx.bucket(bSearchRev)
	if fw == nil || rv == nil {
		return nil
	}
	n := len(d.notes)
	for _, want := range d.fields {
		n += len(want)
	}
	ps := slices.Grow(d.notes, n-len(d.notes))
	revs := make([]kv, 0, len(d.fields))
	for _, id := range slices.Sorted(maps.Keys(d.fields)) {
		want := d.fields[id]
		old := splitIDs(rv.Get([]byte(id)))
		if slices.Equal(old, want) {
			continue
		}
		for _, t := range old {
			if _, ok := slices.BinarySearch(want, t); !ok {
				if err := postingRemove(fw, t, srcFields, id); err != nil {
					return err
				}
			}
		}
		for _, t := range want {
			if _, ok := slices.BinarySearch(old, t); !ok {
				ps = append(ps, posting{token: t, src: srcFields, id: id})
			}
		}
		revs = append(revs, kv{[]byte(id), joinIDs(want)})
	}
	if err := postingsAdd(fw, ps); err != nil {
		return err
	}
	return putSorted(rv, revs)
}

// deferFields keeps the field tokens of s for the flush, when deferring.
func (tx *Tx) deferFields(s *profile.Summary) bool {
	d := tx.deferred
	if d == nil {
		return false
	}
	d.fields[s.ID] = search.ClientTokens(s)
	return true
}

// deferNotePostings keeps postings of notes for the flush, when deferring.
func (tx *Tx) deferNotePostings(ps []posting) bool {
	d := tx.deferred
	if d == nil {
		return false
	}
	d.notes = append(d.notes, ps...)
	return true
}

// deferSpendDay keeps a put (or delete) of a bSpendDay key for the flush,
// when deferring.
func (tx *Tx) deferSpendDay(key []byte, put bool) bool {
	d := tx.deferred
	if d == nil {
		return false
	}
	d.spendDays[string(key)] = put
	return true
}

// postingsOf are the postings of token list ts for client id from src.
func postingsOf(ts []string, src byte, id string) []posting {
	ps := make([]posting, len(ts))
	for i, t := range ts {
		ps[i] = posting{token: t, src: src, id: id}
	}
	return ps
}

// comparePostings orders postings as their keys in bSearch: token, source,
// id.
func comparePostings(a, b posting) int {
	if c := strings.Compare(a.token, b.token); c != 0 {
		return c
	}
	if a.src != b.src {
		return int(a.src) - int(b.src)
	}
	return strings.Compare(a.id, b.id)
}
