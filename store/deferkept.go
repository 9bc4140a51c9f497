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
	notes notePostings
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
	if len(d.fields) == 0 && len(d.notes.pairs) == 0 && len(d.spendDays) == 0 {
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
	n := 0
	for _, want := range d.fields {
		n += len(want)
	}
	ps := make([]posting, 0, n)
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
	slices.SortFunc(ps, comparePostings)
	if err := addLists(fw, mergeLists(listsOf(slices.Compact(ps)), d.notes.lists())); err != nil {
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

// deferNoteTokens keeps the postings of a note's tokens ts for its client
// id for the flush, when deferring.
func (tx *Tx) deferNoteTokens(ts []string, id string) bool {
	d := tx.deferred
	if d == nil {
		return false
	}
	for _, t := range ts {
		d.notes.add(t, id)
	}
	return true
}

// notePostings are the postings of the notes a transaction defers, kept
// small: each token and client id once, a posting two numbers (8 bytes,
// where a posting of strings takes 40 and its token string more). The 10k
// demo book's notes make millions of postings: as strings they were the
// largest part of its handover import's peak memory.
type notePostings struct {
	tokens map[string]uint32 // token -> its number in toks
	toks   []string
	ids    map[string]uint32 // client id -> its number in idl
	idl    []string
	pairs  []uint64 // token number << 32 | id number
}

// add keeps the posting of token for client id.
func (np *notePostings) add(token, id string) {
	if np.tokens == nil {
		np.tokens, np.ids = map[string]uint32{}, map[string]uint32{}
	}
	t, ok := np.tokens[token]
	if !ok {
		t = uint32(len(np.toks))
		np.tokens[token] = t
		np.toks = append(np.toks, token)
	}
	c, ok := np.ids[id]
	if !ok {
		c = uint32(len(np.idl))
		np.ids[id] = c
		np.idl = append(np.idl, id)
	}
	np.pairs = append(np.pairs, uint64(t)<<32|uint64(c))
}

// lists returns the kept postings as lists in the bucket's key order (by
// token; the source is srcNotes), each list's ids sorted and once.
func (np *notePostings) lists() func() (postingList, bool) {
	if len(np.pairs) == 0 {
		return func() (postingList, bool) { return postingList{}, false }
	}
	// Number the tokens and ids in their order, so the pairs sort as
	// numbers in the order of the keys.
	toks, idl := ranked(np.toks), ranked(np.idl)
	pairs := np.pairs
	for i, p := range pairs {
		pairs[i] = uint64(toks.rank[p>>32])<<32 | uint64(idl.rank[uint32(p)])
	}
	slices.Sort(pairs)
	pairs = slices.Compact(pairs)
	var ids []string
	return func() (postingList, bool) {
		if len(pairs) == 0 {
			return postingList{}, false
		}
		t := pairs[0] >> 32
		ids = ids[:0]
		for len(pairs) > 0 && pairs[0]>>32 == t {
			ids = append(ids, idl.sorted[uint32(pairs[0])])
			pairs = pairs[1:]
		}
		return postingList{token: toks.sorted[t], src: srcNotes, ids: ids}, true
	}
}

// rankedStrings are strings sorted, and the place of each in the order by
// its number in the list they came from.
type rankedStrings struct {
	sorted []string
	rank   []uint32
}

func ranked(list []string) rankedStrings {
	order := make([]uint32, len(list))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return strings.Compare(list[a], list[b]) })
	r := rankedStrings{sorted: make([]string, len(list)), rank: make([]uint32, len(list))}
	for place, i := range order {
		r.sorted[place] = list[i]
		r.rank[i] = uint32(place)
	}
	return r
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
