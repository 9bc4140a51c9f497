package store

import (
	"cmp"
	"maps"
	"math/bits"
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
	// postings are the search postings to add: the notes' as they are
	// written, the fields' (those of fields not yet kept) at the flush.
	postings numPostings
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
	if len(d.fields) == 0 && d.postings.n == 0 && len(d.spendDays) == 0 {
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
// added, fields and notes together, numbered as the notes' are
// (numPostings), in the bucket's key order in one pass.
func (tx *Tx) flushPostings(d *deferredKept) error {
	fw, rv := tx.bucket(bSearch), tx.bucket(bSearchRev)
	if fw == nil || rv == nil {
		return nil
	}
	np := &d.postings
	n := 0
	for _, want := range d.fields {
		n += len(want)
	}
	fp := fieldPostings{ps: make([]fieldPosting, 0, n), ids: make([]string, 0, len(d.fields))}
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
				fp.add(t, id)
			}
		}
		revs = append(revs, kv{[]byte(id), joinIDs(want)})
	}
	// Let go of what the lists no longer need before their puts, which
	// allocate most and so meet the collector (the tokens by client).
	d.fields = nil
	if err := addLists(fw, mergeLists(fp.lists(), np.lists())); err != nil {
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
	if len(ts) > 0 {
		c := d.postings.id(id)
		for _, t := range ts {
			d.postings.add(t, srcNotes, c)
		}
	}
	return true
}

// numPostings are the search postings a transaction defers, fields' and
// notes' alike, kept small: each token and client id once, a posting one
// number (8 bytes, where a posting of strings takes 40 and its token
// string more). The 10k demo book's notes make millions of postings: as
// strings they were the largest part of its handover import's peak
// memory; an import of 10k vCards makes 830k (540k of its notes over 215
// distinct tokens, 290k of its fields over 126k).
type numPostings struct {
	tokens map[string]uint32 // token -> its number in toks
	toks   []string
	ids    map[string]uint32 // client id -> its number in idl
	idl    []string
	// pairs are the postings, token number << 33 | source bit << 32 |
	// id number, in blocks of pairBlock: none is copied as they grow.
	pairs [][]uint64
	n     int // how many pairs
}

// pairBlock is how many postings a block of numPostings.pairs holds.
const pairBlock = 1 << 13

// id returns the number of client id, numbering it when new.
func (np *numPostings) id(id string) uint32 {
	if np.ids == nil {
		np.ids = map[string]uint32{}
	}
	c, ok := np.ids[id]
	if !ok {
		c = uint32(len(np.idl))
		np.ids[id] = c
		np.idl = append(np.idl, id)
	}
	return c
}

// add keeps the posting of token from src (srcFields or srcNotes) for
// the client numbered c (id).
func (np *numPostings) add(token string, src byte, c uint32) {
	if np.tokens == nil {
		np.tokens = map[string]uint32{}
	}
	t, ok := np.tokens[token]
	if !ok {
		t = uint32(len(np.toks))
		np.tokens[token] = t
		np.toks = append(np.toks, token)
	}
	np.put(uint64(t)<<33 | srcBit(src)<<32 | uint64(c))
}

// number returns the posting of a token in a buffer (search.EachNoteToken)
// from src for the client numbered c, to keep with put: a string of the
// token is made only the first time it comes.
func (np *numPostings) number(token []byte, src byte, c uint32) uint64 {
	t, ok := np.tokens[string(token)]
	if !ok {
		if np.tokens == nil {
			np.tokens = map[string]uint32{}
		}
		t = uint32(len(np.toks))
		s := string(token)
		np.tokens[s] = t
		np.toks = append(np.toks, s)
	}
	return uint64(t)<<33 | srcBit(src)<<32 | uint64(c)
}

func (np *numPostings) put(p uint64) {
	if k := len(np.pairs); k == 0 || len(np.pairs[k-1]) == pairBlock {
		np.pairs = append(np.pairs, make([]uint64, 0, pairBlock))
	}
	last := &np.pairs[len(np.pairs)-1]
	*last = append(*last, p)
	np.n++
}

// srcBit is the bit of a posting's source: fields sort before notes, as
// their keys in bSearch do.
func srcBit(src byte) uint64 {
	if src == srcNotes {
		return 1
	}
	return 0
}

// lists returns the kept postings as lists in the bucket's key order (by
// token, then source), each list's ids sorted and once; a list and its
// ids are good until the next is asked for. It takes the postings and
// their numbering: np is empty after.
func (np *numPostings) lists() func() (postingList, bool) {
	if np.n == 0 {
		return func() (postingList, bool) { return postingList{}, false }
	}
	// Number the tokens and ids in their order, so the pairs sort as
	// numbers in the order of the keys.
	toks, idl := ranked(np.toks), ranked(np.idl)
	// Packed densely (the id's place in its low idBits, the source above
	// it, the token's place above that), the pairs sort by radix in a few
	// passes (830k of 10k vCards: a third of slices.Sort's time).
	idBits := bits.Len(uint(len(idl.sorted)))
	pairs := make([]uint64, 0, np.n)
	for _, b := range np.pairs {
		for _, p := range b {
			pairs = append(pairs, uint64(toks.rank[p>>33])<<(idBits+1)|(p>>32&1)<<idBits|uint64(idl.rank[uint32(p)]))
		}
	}
	*np = numPostings{} // the lists need only what was ranked
	radixSort(pairs, idBits+1+bits.Len(uint(len(toks.sorted))))
	pairs = slices.Compact(pairs)
	idMask := uint64(1)<<idBits - 1
	var ids []string
	return func() (postingList, bool) {
		if len(pairs) == 0 {
			return postingList{}, false
		}
		list := pairs[0] >> idBits // token and source
		ids = ids[:0]
		for len(pairs) > 0 && pairs[0]>>idBits == list {
			ids = append(ids, idl.sorted[pairs[0]&idMask])
			pairs = pairs[1:]
		}
		src := srcFields
		if list&1 == 1 {
			src = srcNotes
		}
		return postingList{token: toks.sorted[list>>1], src: src, ids: ids}, true
	}
}

// radixSort sorts a, whose numbers are below 1<<width, least significant
// digit first, 11 bits a pass.
func radixSort(a []uint64, width int) {
	const digit = 11
	if len(a) < 256 || width > 64 {
		slices.Sort(a)
		return
	}
	tmp := make([]uint64, len(a))
	src, dst := a, tmp
	for shift := 0; shift < width; shift += digit {
		var count [1<<digit + 1]int
		for _, v := range src {
			count[(v>>shift)&(1<<digit-1)+1]++
		}
		for i := 1; i < len(count); i++ {
			count[i] += count[i-1]
		}
		for _, v := range src {
			d := (v >> shift) & (1<<digit - 1)
			dst[count[d]] = v
			count[d]++
		}
		src, dst = dst, src
	}
	if &src[0] != &a[0] {
		copy(a, src)
	}
}

// rankedStrings are strings sorted, and the place of each in the order by
// its number in the list they came from.
type rankedStrings struct {
	sorted []string
	rank   []uint32
}

func ranked(list []string) rankedStrings {
	order := make([]prefixed, len(list))
	for i, s := range list {
		order[i] = prefixed{keyPrefix(s), uint32(i)}
	}
	sortPrefixed(order, func(a, b uint32) int { return strings.Compare(list[a], list[b]) })
	r := rankedStrings{sorted: make([]string, len(list)), rank: make([]uint32, len(list))}
	for place, o := range order {
		r.sorted[place] = list[o.i]
		r.rank[o.i] = uint32(place)
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

// fieldPostings are the field postings a flush adds: each client's tokens
// (sorted), the clients in their order. They are not numbered as the
// notes' are (numPostings): an import of 10k vCards makes 290k over 126k
// tokens, a token's few, and sorting them by token costs less than a
// look-up of each in a map.
type fieldPostings struct {
	ps  []fieldPosting
	ids []string // the clients, in their order
}

// fieldPosting is a token (and its first 8 bytes as a number) of the
// client ids[c].
type fieldPosting struct {
	p   uint64
	tok string
	c   uint32
}

// add keeps the posting of token for client id: the clients come in their
// order, each one's tokens together.
func (fp *fieldPostings) add(token, id string) {
	if len(fp.ids) == 0 || fp.ids[len(fp.ids)-1] != id {
		fp.ids = append(fp.ids, id)
	}
	fp.ps = append(fp.ps, fieldPosting{keyPrefix(token), token, uint32(len(fp.ids) - 1)})
}

// lists returns the postings as lists in the bucket's key order (by
// token), each list's ids sorted and once; a list and its ids are good
// until the next is asked for.
func (fp *fieldPostings) lists() func() (postingList, bool) {
	ps, idl := fp.ps, fp.ids
	*fp = fieldPostings{}
	if len(ps) == 0 {
		return func() (postingList, bool) { return postingList{}, false }
	}
	// By the tokens' first 8 bytes, by radix, keeping the order they came
	// in (a token's postings, its ids in order); then by whole tokens
	// where those are alike, and by the order they came in (a client's
	// tokens are distinct, so no two are equal: as a stable sort, without
	// its cost, O(n log² n), for runs of many thousands: the suffixes of
	// 80k phone numbers alike in their first seven digits).
	tmp := make([]fieldPosting, len(ps))
	src, dst := ps, tmp
	const digit = 11
	for shift := 0; shift < 64; shift += digit {
		var count [1<<digit + 1]int
		for i := range src {
			count[(src[i].p>>shift)&(1<<digit-1)+1]++
		}
		if count[(src[0].p>>shift)&(1<<digit-1)+1] == len(src) {
			continue // one digit for all
		}
		for i := 1; i < len(count); i++ {
			count[i] += count[i-1]
		}
		for i := range src {
			d := (src[i].p >> shift) & (1<<digit - 1)
			dst[count[d]] = src[i]
			count[d]++
		}
		src, dst = dst, src
	}
	ps, tmp = src, nil
	for i := 0; i < len(ps); {
		j := i + 1
		long := len(ps[i].tok) > 8
		for j < len(ps) && ps[j].p == ps[i].p {
			long = long || len(ps[j].tok) > 8 || len(ps[j].tok) != len(ps[i].tok)
			j++
		}
		if long {
			slices.SortFunc(ps[i:j], func(a, b fieldPosting) int {
				if c := strings.Compare(a.tok, b.tok); c != 0 {
					return c
				}
				return cmp.Compare(a.c, b.c)
			})
		}
		i = j
	}
	var ids []string
	return func() (postingList, bool) {
		if len(ps) == 0 {
			return postingList{}, false
		}
		t := ps[0]
		ids = append(ids[:0], idl[t.c])
		for last := t.c; len(ps) > 0 && ps[0].p == t.p && ps[0].tok == t.tok; ps = ps[1:] {
			if ps[0].c != last {
				last = ps[0].c
				ids = append(ids, idl[last])
			}
		}
		return postingList{token: t.tok, src: srcFields, ids: ids}, true
	}
}

// mergeLists returns the lists of a and b (each in the bucket's key order,
// none of a's token and source in b) in the bucket's key order.
func mergeLists(a, b func() (postingList, bool)) func() (postingList, bool) {
	la, oka := a()
	lb, okb := b()
	var tookA, tookB bool
	return func() (postingList, bool) {
		// The list returned last is good until now: only now is the next
		// of its side asked for.
		if tookA {
			la, oka = a()
		}
		if tookB {
			lb, okb = b()
		}
		tookA, tookB = false, false
		switch {
		case !oka && !okb:
			return postingList{}, false
		case !okb:
			tookA = true
			return la, true
		case !oka:
			tookB = true
			return lb, true
		}
		c := strings.Compare(la.token, lb.token)
		if c < 0 || c == 0 && la.src < lb.src {
			tookA = true
			return la, true
		}
		tookB = true
		return lb, true
	}
}
