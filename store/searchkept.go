package store

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	bolt "go.etcd.io/bbolt"
)

// The kept search index: every client's search keys (search.ClientTokens
// of its summary, search.NoteTokens of each note), written in the
// transaction of the write that changes them, so a search reads the
// clients it finds and no other.
//
//   - bSearch: posting lists. Key: token 0x00 source 0x00 first id, where
//     source is srcFields (the summary: name, pinyin, tags, phones,
//     fields) or srcNotes; value: the ids of the clients holding the token
//     from that source, sorted, 0x00 separated, at most postingChunk of
//     them (a longer list is cut into several keys).
//   - bSearchRev: client id -> the client's field tokens, sorted, 0x00
//     separated, so a changed summary's old keys are known.
//
// A note's keys are removed only with its client (notes are not edited).
var (
	bSearch    = []byte("search")
	bSearchRev = []byte("searchrev")
)

// kSearchTokens is the meta key of the version of the search keys the
// kept index holds (search.ClientTokens): an index of older keys is read
// as one (no size read whole) and built afresh at the book's next
// writable open (ensureBuckets).
var kSearchTokens = []byte("searchtokens")

// searchTokens is the version of the keys this vipbook writes: 2 keeps
// each size whole (search.TokExact), so size:shoes=39 reads its clients
// and no other; 3 keeps each membership card's number from every
// character on (search.CardParts), so any part of it is a prefix read,
// not a walk of the card index.
const searchTokens = 3

// searchTokensOf returns the version of the search keys the book's kept
// index holds (0 when its meta says nothing).
func searchTokensOf(tx *bolt.Tx) int {
	mb := tx.Bucket(bMeta)
	if mb == nil {
		return searchTokens
	}
	v, _ := strconv.Atoi(string(mb.Get(kSearchTokens)))
	return v
}

// searchTokensOld reports whether the book's kept search keys may be
// older than this vipbook writes (its meta says so, or says nothing).
func searchTokensOld(tx *bolt.Tx) bool {
	return searchTokensOf(tx) < searchTokens
}

// upgradeSearchTokens drops a kept search index of older keys, built
// afresh after it (ensureBuckets, Book.buildKept), and records the
// version in the meta.
func upgradeSearchTokens(tx *bolt.Tx) error {
	for _, name := range [][]byte{bSearch, bSearchRev} {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
	}
	return tx.Bucket(bMeta).Put(kSearchTokens, []byte(strconv.Itoa(searchTokens)))
}

// keptTokens returns the search keys the kept index of the book holds for
// a client (search.ClientTokens), as an index of older keys holds them,
// which check compares as it is until the upgrade: a card's number whole
// (version 2), and no size kept whole (version 1).
func keptTokens(tx *bolt.Tx) func(s *profile.Summary) []string {
	v := searchTokensOf(tx)
	if v >= searchTokens {
		return search.ClientTokens
	}
	return func(s *profile.Summary) []string {
		ts := slices.DeleteFunc(search.ClientTokens(s), func(t string) bool {
			return v < 2 && t[0] == search.TokExact || strings.HasPrefix(t[1:], "card:") || t[1:] == "card\x01"
		})
		for _, f := range strings.Split(search.Facets(s), "\x00") {
			if c, ok := strings.CutPrefix(f, "card:"); ok {
				if len(c)+len("card:") <= 256 { // search.maxToken
					ts = append(ts, string(rune(search.TokField))+"card:"+c)
				}
			}
		}
		slices.Sort(ts)
		return slices.Compact(ts)
	}
}

// Sources of a posting list.
const (
	srcFields byte = 'f'
	srcNotes  byte = 'n'
)

// postingChunk is the most ids one key of a posting list holds: a write
// rewrites one chunk, a few kilobytes at most.
const postingChunk = 256

// postingBase is the start of every key of a token's list from src.
func postingBase(token string, src byte) []byte {
	b := make([]byte, 0, len(token)+3)
	b = append(b, token...)
	return append(b, 0, src, 0)
}

// splitIDs splits a posting value into its ids (copies).
func splitIDs(v []byte) []string {
	if len(v) == 0 {
		return nil
	}
	return strings.Split(string(v), "\x00")
}

func joinIDs(ids []string) []byte {
	n := len(ids)
	for _, id := range ids {
		n += len(id)
	}
	b := make([]byte, 0, max(n-1, 0))
	for i, id := range ids {
		if i > 0 {
			b = append(b, 0)
		}
		b = append(b, id...)
	}
	return b
}

// chunkOf returns the key and ids of the chunk of base's list where id
// belongs: the last one whose first id is not after id, or else the
// first one (nil when the list is empty).
func chunkOf(c *bolt.Cursor, base []byte, id string) (key []byte, ids []string) {
	want := append(append([]byte(nil), base...), id...)
	k, v := c.Seek(want)
	if k != nil && bytes.Equal(k, want) {
		return append([]byte(nil), k...), splitIDs(v)
	}
	pk, pv := c.Prev()
	if k == nil {
		pk, pv = c.Last()
	}
	if pk != nil && bytes.HasPrefix(pk, base) {
		return append([]byte(nil), pk...), splitIDs(pv)
	}
	if k, v = c.Seek(base); k != nil && bytes.HasPrefix(k, base) {
		return append([]byte(nil), k...), splitIDs(v)
	}
	return nil, nil
}

// putChunk writes ids as the chunk that was at key (nil: none), under the
// key their first id makes, cut in two when too long.
func putChunk(bk *bolt.Bucket, base, key []byte, ids []string) error {
	if key != nil && (len(ids) == 0 || !bytes.Equal(key[len(base):], []byte(ids[0]))) {
		if err := bk.Delete(key); err != nil {
			return err
		}
	}
	for len(ids) > 0 {
		n := len(ids)
		if n > postingChunk {
			n = postingChunk / 2
		}
		if err := bk.Put(append(append([]byte(nil), base...), ids[0]...), joinIDs(ids[:n])); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// postingAdd adds id to the list of token from src.
func postingAdd(bk *bolt.Bucket, token string, src byte, id string) error {
	base := postingBase(token, src)
	key, ids := chunkOf(bk.Cursor(), base, id)
	i, found := slices.BinarySearch(ids, id)
	if found {
		return nil
	}
	return putChunk(bk, base, key, slices.Insert(ids, i, id))
}

// posting is one client holding one token from a source.
type posting struct {
	token string
	src   byte
	id    string
}

// postingsAdd adds many postings at once, one rewrite of each list, the
// lists in the bucket's key order (an import).
func postingsAdd(bk *bolt.Bucket, ps []posting) error {
	slices.SortFunc(ps, comparePostings)
	return addLists(bk, listsOf(slices.Compact(ps)))
}

// postingList is ids to add to the list of token from src: sorted, each
// once.
type postingList struct {
	token string
	src   byte
	ids   []string
}

// listsOf returns the lists of postings ps, sorted (comparePostings) and
// each once, one by one.
func listsOf(ps []posting) func() (postingList, bool) {
	var ids []string
	return func() (postingList, bool) {
		if len(ps) == 0 {
			return postingList{}, false
		}
		n := 1
		for n < len(ps) && ps[n].token == ps[0].token && ps[n].src == ps[0].src {
			n++
		}
		ids = ids[:0]
		for _, p := range ps[:n] {
			ids = append(ids, p.id)
		}
		l := postingList{token: ps[0].token, src: ps[0].src, ids: ids}
		ps = ps[n:]
		return l, true
	}
}

// addLists adds the lists next returns, in the bucket's key order, each
// list rewritten once (an import). The lists that sort after every key
// the bucket held (every list of an import into a new book) are written
// whole without a read, with one bbolt PutSorted at the end (putAt):
// their keys built in one buffer and their values cut from a shared slab
// (valueSlab).
func addLists(bk *bolt.Bucket, next func() (postingList, bool)) error {
	var base, last []byte
	var slab valueSlab
	var tail appended
	first := true
	for {
		l, ok := next()
		if !ok {
			return tail.put(bk)
		}
		base = append(append(base[:0], l.token...), 0, l.src, 0)
		if first {
			// The bucket's last key: a list after it is new to the book.
			if k, _ := bk.Cursor().Last(); k != nil {
				last = slices.Clone(k)
			}
			if last == nil || bytes.Compare(last, base) < 0 {
				bk.FillPercent = 1 // fillIfAppending
			}
			first = false
		}
		if last == nil || bytes.Compare(base, last) > 0 {
			// Written as putChunk writes a list with none before it.
			for ids := l.ids; len(ids) > 0; {
				n := len(ids)
				if n > postingChunk {
					n = postingChunk / 2
				}
				tail.add(base, ids[0], slab.join(ids[:n]))
				ids = ids[n:]
			}
			continue
		}
		if err := tail.put(bk); err != nil { // before the bucket is read
			return err
		}
		base := slices.Clone(base)
		c := bk.Cursor()
		k, v := c.Seek(base)
		if k == nil || !bytes.HasPrefix(k, base) {
			// A list the book has not held yet: written whole, with no
			// list to read.
			if err := putChunk(bk, base, nil, l.ids); err != nil {
				return err
			}
			continue
		}
		if len(l.ids) == 1 {
			if err := postingAdd(bk, l.token, l.src, l.ids[0]); err != nil {
				return err
			}
			continue
		}
		var keys [][]byte
		var ids []string
		for ; k != nil && bytes.HasPrefix(k, base); k, v = c.Next() {
			keys = append(keys, append([]byte(nil), k...))
			ids = append(ids, splitIDs(v)...)
		}
		ids = append(ids, l.ids...)
		slices.Sort(ids)
		ids = slices.Compact(ids)
		for _, k := range keys {
			if err := bk.Delete(k); err != nil {
				return err
			}
		}
		if err := putChunk(bk, base, nil, ids); err != nil {
			return err
		}
	}
}

// appended gathers the keys and values addLists puts at the bucket's end,
// for one putAt (a key is its list's base then its first id). Nothing is
// copied as they grow (an import of 10k cards gathers 500k): the keys are
// cut from a slab, the pairs kept in blocks of appendedBlock.
type appended struct {
	keys   valueSlab
	blocks [][]kv
	n      int
}

const appendedBlock = 4096

func (a *appended) add(base []byte, id string, v []byte) {
	if a.n%appendedBlock == 0 {
		a.blocks = append(a.blocks, make([]kv, 0, appendedBlock))
	}
	b := &a.blocks[len(a.blocks)-1]
	*b = append(*b, kv{a.keys.cat(base, id), v})
	a.n++
}

// put puts what was gathered into bk, and starts afresh.
func (a *appended) put(bk *bolt.Bucket) error {
	if a.n == 0 {
		return nil
	}
	err := putAt(bk, a.n, func(i int) ([]byte, []byte) {
		e := a.blocks[i/appendedBlock][i%appendedBlock]
		return e.k, e.v
	})
	*a = appended{}
	return err
}

// valueSlab hands out the values of many puts from few allocations: bbolt
// keeps a put's value, not a copy, until the transaction ends, so each
// value is a slice of its own of a slab no other value shares.
type valueSlab struct{ buf []byte }

// join returns ids joined as a posting value (joinIDs), cut from the slab.
func (s *valueSlab) join(ids []string) []byte {
	n := len(ids) - 1
	for _, id := range ids {
		n += len(id)
	}
	start := s.room(n)
	for i, id := range ids {
		if i > 0 {
			s.buf = append(s.buf, 0)
		}
		s.buf = append(s.buf, id...)
	}
	return s.buf[start:len(s.buf):len(s.buf)]
}

// room makes room for n more bytes (a new slab when the one in use has
// not) and returns where they start.
func (s *valueSlab) room(n int) int {
	if cap(s.buf)-len(s.buf) < n {
		s.buf = make([]byte, 0, max(n, 64<<10))
	}
	return len(s.buf)
}

// cat returns b then str, cut from the slab.
func (s *valueSlab) cat(b []byte, str string) []byte {
	start := s.room(len(b) + len(str))
	s.buf = append(append(s.buf, b...), str...)
	return s.buf[start:len(s.buf):len(s.buf)]
}

// postingRemove removes id from the list of token from src.
func postingRemove(bk *bolt.Bucket, token string, src byte, id string) error {
	base := postingBase(token, src)
	key, ids := chunkOf(bk.Cursor(), base, id)
	i, found := slices.BinarySearch(ids, id)
	if !found {
		return nil
	}
	return putChunk(bk, base, key, slices.Delete(ids, i, i+1))
}

// indexFields brings the kept search keys of a client's summary up to date
// with s.
func (tx *Tx) indexFields(s *profile.Summary) error {
	fw, rv := tx.bucket(bSearch), tx.bucket(bSearchRev)
	if fw == nil || rv == nil {
		return nil // a read-only open of a book from before the index
	}
	if tx.deferFields(s) {
		return nil
	}
	want := search.ClientTokens(s)
	old := splitIDs(rv.Get([]byte(s.ID)))
	if slices.Equal(old, want) {
		return nil
	}
	for _, t := range old {
		if _, ok := slices.BinarySearch(want, t); !ok {
			if err := postingRemove(fw, t, srcFields, s.ID); err != nil {
				return err
			}
		}
	}
	for _, t := range want {
		if _, ok := slices.BinarySearch(old, t); !ok {
			if err := postingAdd(fw, t, srcFields, s.ID); err != nil {
				return err
			}
		}
	}
	return rv.Put([]byte(s.ID), joinIDs(want))
}

// indexNote adds the search keys of a note to its client's.
func (tx *Tx) indexNote(n *notes.Note) error {
	fw := tx.bucket(bSearch)
	if fw == nil {
		return nil
	}
	ts := search.NoteTokens(n.Text)
	if tx.deferNoteTokens(ts, n.ClientID) {
		return nil
	}
	for _, t := range ts {
		if err := postingAdd(fw, t, srcNotes, n.ClientID); err != nil {
			return err
		}
	}
	return nil
}

// indexNotes adds the search keys of the notes of ns that were stored, in
// token order (an import of many notes); numbered says a deferring
// transaction's postings hold them already (numberNotes).
func (tx *Tx) indexNotes(ns []notes.Note, stored []bool, numbered bool) error {
	fw := tx.bucket(bSearch)
	if fw == nil {
		return nil
	}
	if d := tx.deferred; d != nil {
		if !numbered {
			d.postings.addNotes(ns, stored)
		}
		// A bulk load of notes comes once the clients are written:
		// their keys and the notes' go in now, together, in key order,
		// rather than held until the end.
		return tx.flushDeferred()
	}
	var ps []posting
	for i := range ns {
		if stored[i] {
			for _, t := range search.NoteTokens(ns[i].Text) {
				ps = append(ps, posting{token: t, src: srcNotes, id: ns[i].ClientID})
			}
		}
	}
	return postingsAdd(fw, ps)
}

// numberNotes has the postings of the notes of ns that were stored made
// into the deferring transaction's (numPostings.addNotes) on another
// goroutine, as the notes are put: they need no transaction (82k notes'
// tokens, a tenth of an import of 10k vCards). It returns a wait for
// them, nil when the transaction does not defer or keeps no index (then
// indexNotes makes them).
func (tx *Tx) numberNotes(ns []notes.Note, stored []bool) (wait func()) {
	d := tx.deferred
	if d == nil || tx.bucket(bSearch) == nil {
		return nil
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		d.postings.addNotes(ns, stored)
	}()
	return func() { <-done }
}

// addNotes keeps the postings of the notes of ns that were stored. A
// client's notes (which come together) say the same words often: their
// postings are kept once (540k for 10k vCards' notes are 300k).
func (np *numPostings) addNotes(ns []notes.Note, stored []bool) {
	var c uint32
	var run []uint64
	add := func(token []byte) { run = append(run, np.number(token, srcNotes, c)) }
	keep := func() {
		slices.Sort(run)
		for _, p := range slices.Compact(run) {
			np.put(p)
		}
		run = run[:0]
	}
	for i := range ns {
		if stored[i] {
			if id := np.id(ns[i].ClientID); id != c {
				keep()
				c = id
			}
			search.EachNoteToken(ns[i].Text, add)
		}
	}
	keep()
}

// unindexClient removes every kept search key of a client: call it before
// its notes are deleted.
func (tx *Tx) unindexClient(clientID string) error {
	if err := tx.flushDeferred(); err != nil {
		return err
	}
	fw, rv := tx.bucket(bSearch), tx.bucket(bSearchRev)
	if fw == nil || rv == nil {
		return nil
	}
	for _, t := range splitIDs(rv.Get([]byte(clientID))) {
		if err := postingRemove(fw, t, srcFields, clientID); err != nil {
			return err
		}
	}
	if err := rv.Delete([]byte(clientID)); err != nil {
		return err
	}
	seen := map[string]bool{}
	err := scanPrefix(tx.bucket(bNotes), prefix(clientID), func(_, v []byte) error {
		var n notes.Note
		if err := unmarshalRecord(v, &n); err != nil {
			return err
		}
		for _, t := range search.NoteTokens(n.Text) {
			seen[t] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	for t := range seen {
		if err := postingRemove(fw, t, srcNotes, clientID); err != nil {
			return err
		}
	}
	return nil
}

// keptPostings is what the kept search index should hold for the book as
// it is: each list ("token 0x00 source") with its clients, as indices
// into sums (sorted by id, as decodeSummaries returns them), ascending.
type keptPostings struct {
	lists map[string][]int32
	ids   []string
}

func wantPostings(tx *bolt.Tx, sums []profile.Summary) (*keptPostings, error) {
	kp := &keptPostings{lists: map[string][]int32{}, ids: make([]string, len(sums))}
	byID := make(map[string]int32, len(sums))
	add := func(token string, src byte, d int32) {
		k := token + "\x00" + string(src)
		l := kp.lists[k]
		if n := len(l); n == 0 || l[n-1] != d {
			kp.lists[k] = append(l, d)
		}
	}
	for i := range sums {
		kp.ids[i] = sums[i].ID
		byID[sums[i].ID] = int32(i)
		for _, t := range search.ClientTokens(&sums[i]) {
			add(t, srcFields, int32(i))
		}
	}
	// Notes are keyed by client id first: each client's come together,
	// in the summaries' order.
	err := tx.Bucket(bNotes).ForEach(func(k, v []byte) error {
		i := bytes.IndexByte(k, 0)
		if i < 0 {
			return nil
		}
		d, ok := byID[string(k[:i])]
		if !ok {
			return nil // a note of no client: check reports it
		}
		var n notes.Note
		if err := unmarshalRecord(v, &n); err != nil {
			return err
		}
		for _, t := range search.NoteTokens(n.Text) {
			add(t, srcNotes, d)
		}
		return nil
	})
	return kp, err
}

// sortedLists returns the lists' keys in the order of the bucket.
func (kp *keptPostings) sortedLists() []string {
	keys := make([]string, 0, len(kp.lists))
	for k := range kp.lists {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// buildSearchIndex writes the kept search index of the whole book afresh:
// on the first writable open of a book from before it, and by Repair.
func buildSearchIndex(tx *bolt.Tx) error {
	for _, name := range [][]byte{bSearch, bSearchRev} {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	sums, err := decodeSummaries(tx.Bucket(bSummaries))
	if err != nil {
		return err
	}
	rv := tx.Bucket(bSearchRev)
	rv.FillPercent = 1
	for i := range sums {
		if err := rv.Put([]byte(sums[i].ID), joinIDs(search.ClientTokens(&sums[i]))); err != nil {
			return err
		}
	}
	kp, err := wantPostings(tx, sums)
	if err != nil {
		return err
	}
	fw := tx.Bucket(bSearch)
	fw.FillPercent = 1 // keys come in order: fill each page
	for _, k := range kp.sortedLists() {
		l := kp.lists[k]
		base := append([]byte(k), 0)
		for len(l) > 0 {
			n := min(len(l), postingChunk/2)
			ids := make([]string, n)
			for j, d := range l[:n] {
				ids[j] = kp.ids[d]
			}
			if err := fw.Put(append(append([]byte(nil), base...), ids[0]...), joinIDs(ids)); err != nil {
				return err
			}
			l = l[n:]
		}
	}
	return nil
}

// searchCheck reports where the kept search index differs from what the
// book's summaries and notes say it should hold, with bounded memory
// whatever the size of the book: the postings the book makes go through
// the build's external sort (postingSorter, its runs in the first of dirs
// that takes them) and are merged, in key order, against the kept lists
// read chunk by chunk; each posting missing or extra is named with its
// client. Check --repair rebuilds the index from the same stream.
func searchCheck(tx *bolt.Tx, dirs []string, rep *Report) summaryCheck {
	fw, rv := tx.Bucket(bSearch), tx.Bucket(bSearchRev)
	if fw == nil || rv == nil || tx.Bucket(bNotes) == nil {
		return summaryCheck{}
	}
	bad := 0
	problem := func(format string, args ...any) {
		if bad++; bad <= 5 {
			rep.problem(format, args...)
		}
	}
	ps := newPostingSorter(dirs...)
	nc := tx.Bucket(bNotes).Cursor()
	tokens := keptTokens(tx)
	var err error
	each := func(s *profile.Summary) {
		if err != nil {
			return
		}
		want := tokens(s)
		if got := rv.Get([]byte(s.ID)); !bytes.Equal(got, joinIDs(want)) {
			problem("search index: the kept keys of client %s are not its summary's", s.ID)
		}
		err = ps.addClient(strings.Clone(s.ID), want, nc)
	}
	end := func(n int) {
		defer ps.close()
		defer func() {
			if bad > 5 {
				rep.problem("search index: %d differences in all (check --repair rebuilds it)", bad)
			}
		}()
		if err != nil {
			rep.problem("search index: the notes cannot be read: %v", err)
			return
		}
		if kn := rv.Stats().KeyN; kn != n {
			problem("search index: keys kept for %d clients, the book holds %d", kn, n)
		}
		kept := keptPostingReader{c: fw.Cursor(), problem: problem}
		have := kept.next()
		err = ps.each(func(p []byte) error {
			for have != nil && bytes.Compare(have, p) < 0 {
				problem("search index: %s", postingWords(have, "the index keeps client %s under %q (%s), the book does not"))
				have = kept.next()
			}
			if have != nil && bytes.Equal(have, p) {
				have = kept.next()
				return nil
			}
			problem("search index: %s", postingWords(p, "client %s holds %q (%s), the index does not keep it"))
			return nil
		})
		if err != nil {
			rep.problem("search index: cannot be compared: %v", err)
			return
		}
		for ; have != nil; have = kept.next() {
			problem("search index: %s", postingWords(have, "the index keeps client %s under %q (%s), the book does not"))
		}
	}
	return summaryCheck{each: each, end: end}
}

// postingWords says a posting (token 0x00 source 0x00 id) in format, which
// takes the client's id, the token and its source.
func postingWords(p []byte, format string) string {
	token, rest, _ := bytes.Cut(p, []byte{0})
	src := "fields"
	if len(rest) > 0 && rest[0] == srcNotes {
		src = "notes"
	}
	var id []byte
	if len(rest) > 1 {
		id = rest[2:]
	}
	return fmt.Sprintf(format, id, token, src)
}

// keptPostingReader reads the kept search lists as postings (a list's
// base and one client's id), in key order, reporting chunks that are not
// what a list's chunk is.
type keptPostingReader struct {
	c       *bolt.Cursor
	problem func(format string, args ...any)
	started bool
	base    []byte // the current chunk's list
	ids     []byte // what is left of its ids
	last    []byte // the last id of the list read
	p       []byte // the posting returned
}

// next returns the next posting, nil at the end; valid until the next call.
func (r *keptPostingReader) next() []byte {
	for len(r.ids) == 0 {
		var k, v []byte
		if !r.started {
			k, v = r.c.First()
			r.started = true
		} else {
			k, v = r.c.Next()
		}
		if k == nil {
			return nil
		}
		i := bytes.IndexByte(k, 0)
		if i < 0 || len(k) < i+3 || k[i+2] != 0 {
			r.problem("search index: a key without its parts (%q)", k)
			continue
		}
		if !bytes.Equal(k[:i+3], r.base) {
			r.base, r.last = append(r.base[:0], k[:i+3]...), r.last[:0]
		}
		ids := splitIDs(v)
		if len(ids) == 0 || ids[0] != string(k[i+3:]) || !slices.IsSorted(ids) ||
			len(r.last) > 0 && string(r.last) >= ids[0] {
			r.problem("search index: the chunk at %q is out of order", k)
		}
		if len(ids) > 0 {
			r.last = append(r.last[:0], ids[len(ids)-1]...)
		}
		r.ids = v
	}
	id := r.ids
	if i := bytes.IndexByte(r.ids, 0); i >= 0 {
		id, r.ids = r.ids[:i], r.ids[i+1:]
	} else {
		r.ids = nil
	}
	r.p = append(append(r.p[:0], r.base...), id...)
	return r.p
}

// SearchKept returns the ids of the clients the kept search index finds
// for query (search.Candidates), sorted. ok is false when the book has no
// kept index yet (a read-only open of a book from before it) or the query
// names nothing the index holds: search the whole book then. In a book
// whose summaries an older vipbook wrote (opened read-only before the
// writable open that brings them up to date), the index holds neither the
// profile's fields nor the cards: field filters are checked on the
// clients the other terms find (SummariesOf gives them up to date), and a
// card number is searched in the whole book.
func (tx *Tx) SearchKept(query string) (ids []string, ok bool) {
	ids, ok, _ = tx.SearchKeptExact(query)
	return ids, ok
}

// SearchKeptExact is SearchKept, and says whether the clients found are
// exactly those the query's filters match (search.CandidatesExact): none
// of them then needs checking on its row, and a search may rank them from
// their standings (Standings), reading the rows of those it prints alone.
// Never so in a book whose summaries or search tokens are older than
// this vipbook writes.
func (tx *Tx) SearchKeptExact(query string) (ids []string, ok, exact bool) {
	ids, ok, exact, _ = tx.SearchKeptUpTo(query, 0)
	return ids, ok, exact
}

// SearchKeptUpTo is SearchKeptExact that stops reading, with over set and
// no ids, once it has found more than limit clients (search.CandidatesUpTo;
// no limit when it is 0 or less): a keystroke's look-up of a letter or two.
func (tx *Tx) SearchKeptUpTo(query string, limit int) (ids []string, ok, exact, over bool) {
	tx.flushFor()
	fw := tx.bucket(bSearch)
	if fw == nil {
		return nil, false, false, false
	}
	pr := postingReader{c: fw.Cursor()}
	switch {
	case summariesOld(tx.tx):
		ids, ok, _, over = search.CandidatesUpTo(query, tx.book.meta.CountryCode, unfieldedReader{pr}, limit)
		return ids, ok, false, over
	case searchTokensOld(tx.tx):
		ids, ok, _, over = search.CandidatesUpTo(query, tx.book.meta.CountryCode, cardReader{pr, tx.bucket(bCards)}, limit)
		return ids, ok, false, over
	}
	return search.CandidatesUpTo(query, tx.book.meta.CountryCode, valueReader{pr}, limit)
}

// unfieldedReader is the postingReader of a book whose summaries an older
// vipbook wrote (search.Unfielded).
type unfieldedReader struct{ postingReader }

// Unfielded marks the index as one without the profile's fields.
func (unfieldedReader) Unfielded() {}

// cardReader is the postingReader of an index of older keys, which keeps
// a card's number whole: it also reads the card index
// (search.CardHolders).
type cardReader struct {
	postingReader
	cards *bolt.Bucket
}

// CardHolders returns the clients holding a card whose number holds part
// (search.CardHolders): a walk of the card index's keys, a few dozen
// bytes each, for an index of older keys alone (read-only opens before
// the writable open that builds it afresh): the index of this vipbook's
// keys finds a card's part with a prefix read (search.CardParts).
func (cr cardReader) CardHolders(part string) []string {
	var ids []string
	if cr.cards == nil {
		return nil
	}
	c := cr.cards.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		i := bytes.IndexByte(k, 0)
		if i >= 0 && bytes.Contains(k[:i], []byte(part)) {
			ids = append(ids, string(k[i+1:]))
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// valueReader is the postingReader of an index of this vipbook's keys,
// which keeps sizes whole (search.Values) and cards' numbers from every
// character on (search.CardParts).
type valueReader struct{ postingReader }

// CardParts marks the index as one that keeps cards' numbers by part.
func (valueReader) CardParts() {}

// Values calls fn with each distinct token starting with prefix, one seek
// a token: a long list's other chunks are not read.
func (vr valueReader) Values(prefix string, fn func(token []byte)) {
	c := vr.c
	for k, _ := c.Seek([]byte(prefix)); k != nil && bytes.HasPrefix(k, []byte(prefix)); {
		i := bytes.IndexByte(k, 0)
		if i < 0 {
			k, _ = c.Next()
			continue
		}
		token := k[:i]
		fn(token)
		// Past every key of this token: token 0x01 sorts after them all.
		k, _ = c.Seek(append(append([]byte(nil), token...), 1))
	}
}

// postingReader reads the posting lists of bSearch for search.Candidates.
type postingReader struct{ c *bolt.Cursor }

// postingPrefix starts the keys of token's lists from every source (and
// of the tokens it starts, for a prefix read).
func postingPrefix(token string, prefix bool) []byte {
	p := []byte(token)
	if !prefix {
		p = append(p, 0)
	}
	return p
}

// Read reads the ids of token's lists (search.Postings).
func (pr postingReader) Read(token string, prefix bool, fn func(id []byte)) {
	pr.ReadUntil(token, prefix, func(id []byte) bool { fn(id); return true })
}

// ReadUntil is Read that stops when fn returns false (search.ReadsUntil).
func (pr postingReader) ReadUntil(token string, prefix bool, fn func(id []byte) bool) {
	p := postingPrefix(token, prefix)
	for k, v := pr.c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = pr.c.Next() {
		for len(v) > 0 {
			id := v
			if i := bytes.IndexByte(v, 0); i >= 0 {
				id, v = v[:i], v[i+1:]
			} else {
				v = nil
			}
			if !fn(id) {
				return
			}
		}
	}
}

// Size counts the chunks of the lists Read reads (each holds up to
// postingChunk ids, postingChunk/2 as a rebuild writes them).
func (pr postingReader) Size(token string, prefix bool, atMost int) int {
	p := postingPrefix(token, prefix)
	n := 0
	for k, _ := pr.c.Seek(p); k != nil && bytes.HasPrefix(k, p) && n < atMost; k, _ = pr.c.Next() {
		n++
	}
	return n
}

// SummariesOf returns the summaries of the clients ids, in that order;
// ids not in the book are skipped.
func (tx *Tx) SummariesOf(ids []string) ([]profile.Summary, error) {
	bk := tx.bucket(bSummaries)
	out := make([]profile.Summary, 0, len(ids))
	for _, id := range ids {
		raw := bk.Get([]byte(id))
		if raw == nil {
			continue
		}
		out = append(out, profile.Summary{})
		if err := decodeSummary(raw, &out[len(out)-1], nil); err != nil {
			return nil, fmt.Errorf("client %q: %w", id, err)
		}
	}
	return out, tx.freshen(out)
}

// RepairIndexes rebuilds the indexes the book keeps on write (the search
// index, the value and brief records, the spend ranking, the situations'
// and the follow-ups' due index, and each record index that differs from
// its records: repairRecordIndexes) from its records,
// streamed as at a book's first writable open (Book.buildKept): for
// `vipbook check --repair`, after damage or a change in how the keys are
// made. Killed midway, it leaves the book without them until the next
// writable open builds them. Run Check afterwards to see the book sound
// again. A book another vipbook holds (the app, a backup, a command) is
// waited for as every write waits (AppWait); waiting, when given, is
// called once the first try failed, so the command says for what.
func RepairIndexes(path string, waiting ...func()) error {
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrNoBook, path)
	}
	if err := regularFile(path, st); err != nil {
		return err
	}
	db, err := waitOpen(path, &bolt.Options{Timeout: OpenTimeout, FreelistType: bolt.FreelistMapType}, firstOf(waiting), 0)
	if err != nil {
		return openErr(path, err)
	}
	err = writeErr(guarded(func() error {
		// The ranking stays of the day it was of (the next write of
		// another day moves it); today's when none was kept.
		day := civil.Of(time.Now())
		if err := db.Update(func(tx *bolt.Tx) error {
			if tx.Bucket(bMeta) == nil || tx.Bucket(bSummaries) == nil || tx.Bucket(bNotes) == nil {
				return fmt.Errorf("%w: %s", ErrNotBook, path)
			}
			if rv := tx.Bucket(bRankRev); rv != nil && !rankDayOf(rv).IsZero() {
				day = rankDayOf(rv)
			}
			// The search index is built with this vipbook's keys.
			if err := tx.Bucket(bMeta).Put(kSearchTokens, []byte(strconv.Itoa(searchTokens))); err != nil {
				return err
			}
			if err := buildSituations(tx); err != nil {
				return err
			}
			if err := buildDue(tx); err != nil {
				return err
			}
			if err := repairRecordIndexes(tx); err != nil {
				return err
			}
			for _, name := range append(slices.Clone(keptIndexes), bIndexBuild) {
				if tx.Bucket(name) != nil {
					if err := tx.DeleteBucket(name); err != nil {
						return err
					}
				}
			}
			return nil
		}); err != nil {
			return err
		}
		return (&Book{db: db, path: path}).buildKept(day)
	}))
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}
