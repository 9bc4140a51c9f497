package store

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	bolt "go.etcd.io/bbolt"
)

// bIndexBuild is where the kept indexes a book lacks are built at its
// first writable open, streamed: a batch of clients per transaction, each
// index in a sub-bucket of its own name, all moved to the top level in one
// last transaction once whole. A vipbook killed during the build leaves
// them here, where no reader and no check looks (a reader of the book
// meanwhile reads the whole book, as in a book from before the indexes);
// the next writable open goes on from where the build stopped: the
// per-client records after the last client written, the search lists and
// the ranking afresh.
var bIndexBuild = []byte("indexbuild")

// The kept indexes, by what builds them: the per-client records from the
// summaries, the ranking from the value records, the search lists from
// the field tokens and the notes.
var (
	keptPerClient = [][]byte{bValue, bBrief, bSearchRev, bSearchRow, bStanding}
	keptRank      = [][]byte{bRank, bRankRev, bSpendDay}
	keptIndexes   = slices.Concat(keptPerClient, keptRank, [][]byte{bSearch})
)

// buildBatch is how many clients one transaction of the streamed build
// writes; buildInPlace is how many clients a book may have for its
// missing indexes to be built in the transaction that creates them, as
// for a new book (variables for tests).
var (
	buildBatch   = 5000
	buildInPlace = 2000
)

// keptMissing reports whether any kept index is missing from the top
// level (not built yet, or its build unfinished).
func keptMissing(tx *bolt.Tx) bool {
	for _, name := range keptIndexes {
		if tx.Bucket(name) == nil {
			return true
		}
	}
	return false
}

// fewClients reports whether bk holds at most n keys, reading no more
// than n+1 of them.
func fewClients(bk *bolt.Bucket, n int) bool {
	c := bk.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if n--; n < 0 {
			return false
		}
	}
	return true
}

// buildKeptInPlace builds, in tx, the kept indexes missing from a small
// book (a new one among them): what ensureBuckets did for every book
// before the build was streamed.
func buildKeptInPlace(tx *bolt.Tx, today civil.Date) error {
	valueMissing := tx.Bucket(bValue) == nil
	if valueMissing {
		if err := buildValues(tx); err != nil {
			return err
		}
	}
	if valueMissing || tx.Bucket(bRank) == nil || tx.Bucket(bRankRev) == nil || tx.Bucket(bSpendDay) == nil {
		if err := buildRank(tx, today); err != nil {
			return err
		}
	}
	if tx.Bucket(bBrief) == nil {
		if err := buildBrief(tx); err != nil {
			return err
		}
	}
	if tx.Bucket(bSearchRow) == nil {
		if err := buildSearchRows(tx); err != nil {
			return err
		}
	}
	if tx.Bucket(bStanding) == nil {
		if err := buildStandings(tx); err != nil {
			return err
		}
	}
	if tx.Bucket(bSearch) == nil || tx.Bucket(bSearchRev) == nil {
		return buildSearchIndex(tx)
	}
	return nil
}

// buildKept builds the kept indexes missing from the top level, streamed
// (bIndexBuild), and moves them there. Memory stays bounded by a batch of
// clients and a run of search postings, whatever the size of the book.
func (b *Book) buildKept(today civil.Date) error {
	var want [][]byte // the indexes to build: missing from the top level
	var rankToo, searchToo bool
	if err := b.db.Update(func(tx *bolt.Tx) error {
		st, err := tx.CreateBucketIfNotExists(bIndexBuild)
		if err != nil {
			return err
		}
		missing := func(names ...[]byte) bool {
			return slices.ContainsFunc(names, func(n []byte) bool { return tx.Bucket(n) == nil })
		}
		// Built together: the ranking with the value records it is
		// built from, the lists with the field tokens beside them.
		valueToo := missing(bValue)
		rankToo = valueToo || missing(keptRank...)
		searchToo = missing(bSearch, bSearchRev)
		if valueToo {
			want = append(want, bValue)
		}
		if missing(bBrief) {
			want = append(want, bBrief)
		}
		if missing(bSearchRow) {
			want = append(want, bSearchRow)
		}
		if missing(bStanding) {
			want = append(want, bStanding)
		}
		if searchToo {
			want = append(want, bSearchRev, bSearch)
		}
		if rankToo {
			want = append(want, keptRank...)
		}
		// What of the top level is rebuilt goes; so does what of the
		// lists and the ranking a killed build left half written (they
		// are built afresh, not resumed).
		for _, name := range want {
			if tx.Bucket(name) != nil {
				if err := tx.DeleteBucket(name); err != nil {
					return err
				}
			}
		}
		for _, name := range append(slices.Clone(keptRank), bSearch) {
			if st.Bucket(name) != nil && st.Get(doneKey(name)) == nil {
				if err := st.DeleteBucket(name); err != nil {
					return err
				}
			}
		}
		return nil
	}); err != nil {
		return err
	}
	var per [][]byte
	for _, name := range keptPerClient {
		if slices.ContainsFunc(want, func(n []byte) bool { return bytes.Equal(n, name) }) {
			per = append(per, name)
		}
	}
	if err := b.streamPerClient(per); err != nil {
		return err
	}
	if rankToo && !b.built(bRank) {
		b.prep(PrepRanking, 0, 0)
		if err := b.db.Update(func(tx *bolt.Tx) error { return buildRankInto(tx, tx.Bucket(bIndexBuild), today) }); err != nil {
			return err
		}
		if err := buildInterrupt("rank"); err != nil {
			return err
		}
	}
	if searchToo && !b.built(bSearch) {
		b.prep(PrepSearch, 0, 0)
		if err := b.streamSearchLists(); err != nil {
			return err
		}
	}
	// The last transaction: every index built moves to the top level.
	return b.db.Update(func(tx *bolt.Tx) error {
		st := tx.Bucket(bIndexBuild)
		for _, name := range want {
			if st.Bucket(name) == nil || st.Get(doneKey(name)) == nil {
				return fmt.Errorf("index build: %s unfinished", name)
			}
			if err := tx.MoveBucket(name, st, nil); err != nil {
				return err
			}
		}
		return tx.DeleteBucket(bIndexBuild)
	})
}

// buildInterrupt is called after each committed step of the streamed
// build; an error stops the build there, as a kill would (tests).
var buildInterrupt = func(step string) error { return nil }

// built reports whether the build of name in bIndexBuild is finished.
func (b *Book) built(name []byte) (done bool) {
	_ = b.db.View(func(tx *bolt.Tx) error {
		st := tx.Bucket(bIndexBuild)
		done = st != nil && st.Get(doneKey(name)) != nil
		return nil
	})
	return done
}

// doneKey marks, in bIndexBuild, an index whose build is finished.
func doneKey(name []byte) []byte { return append([]byte("\x00done:"), name...) }

// perClientEncoders derive each per-client index's record from a summary.
var perClientEncoders = map[string]func(*profile.Summary) []byte{
	string(bValue):     encodeValue,
	string(bBrief):     encodeBrief,
	string(bSearchRow): encodeSearchRow,
	string(bStanding):  encodeStanding,
	string(bSearchRev): func(s *profile.Summary) []byte { return joinIDs(search.ClientTokens(s)) },
}

// streamPerClient writes, in bIndexBuild, the records of names (per-client
// indexes) of every client, buildBatch clients a transaction, going on
// after the last client a killed build wrote.
func (b *Book) streamPerClient(names [][]byte) error {
	var total, written int
	if len(names) > 0 && b.preparing != nil {
		_ = b.db.View(func(tx *bolt.Tx) error { total = tx.Bucket(bSummaries).Stats().KeyN; return nil })
		b.prep(PrepIndexes, 0, total)
	}
	for len(names) > 0 {
		done := false
		if err := b.db.Update(func(tx *bolt.Tx) error {
			st := tx.Bucket(bIndexBuild)
			bks := make([]*bolt.Bucket, len(names))
			var from []byte
			for i, name := range names {
				bk, err := st.CreateBucketIfNotExists(name)
				if err != nil {
					return err
				}
				bk.FillPercent = 1 // keys come in order: fill each page
				bks[i] = bk
				// All are written in the same transactions: the last
				// client of one is every one's (the first's when not).
				if k, _ := bk.Cursor().Last(); i == 0 || bytes.Compare(k, from) < 0 {
					from = k
				}
			}
			c := tx.Bucket(bSummaries).Cursor()
			k, v := c.First()
			if from != nil {
				if k, v = c.Seek(from); bytes.Equal(k, from) {
					k, v = c.Next()
				}
			}
			var s profile.Summary
			for n := 0; k != nil && n < buildBatch; n++ {
				if err := decodeSummary(v, &s, nil); err != nil {
					return fmt.Errorf("client %q: %w", k, err)
				}
				for i, name := range names {
					if err := bks[i].Put(k, perClientEncoders[string(name)](&s)); err != nil {
						return err
					}
				}
				k, v = c.Next()
			}
			if k == nil {
				done = true
				for _, name := range names {
					if err := st.Put(doneKey(name), nil); err != nil {
						return err
					}
				}
			}
			return nil
		}); err != nil {
			return err
		}
		written += buildBatch
		if done {
			written = total
		}
		b.prep(PrepIndexes, min(written, total), total)
		if done {
			return nil
		}
		if err := buildInterrupt("records"); err != nil {
			return err
		}
	}
	return nil
}

// buildRankInto writes the spend ranking of day and the days of purchases
// into st (bIndexBuild) from the value records (st's when built there).
func buildRankInto(tx *bolt.Tx, st *bolt.Bucket, day civil.Date) error {
	vb := st.Bucket(bValue)
	if vb == nil {
		vb = tx.Bucket(bValue)
	}
	entries, days, err := wantRank(vb, day)
	if err != nil {
		return err
	}
	bks := make([]*bolt.Bucket, len(keptRank))
	for i, name := range keptRank {
		if bks[i], err = st.CreateBucket(name); err != nil {
			return err
		}
	}
	if err := putRank(bks[0], bks[1], bks[2], entries, days, day); err != nil {
		return err
	}
	for _, name := range keptRank {
		if err := st.Put(doneKey(name), nil); err != nil {
			return err
		}
	}
	return nil
}

// searchRun is the most bytes of postings a postingSorter sorts in
// memory before it writes them to a run (a variable for tests).
var searchRun = 32 << 20

// postingSorter is the external sort of the kept search lists' postings
// (a list's base, postingBase, and a client's id: a chunk's key), shared by
// the streamed build and check: the postings of a run of clients are
// grouped by list in memory (the clients come in id order, so only the
// lists' bases are sorted, not every posting) and written, sorted, to a
// temporary file unlinked at once, so nothing of it outlives the process;
// each then gives every posting once, in key order, merging the runs.
// Memory stays bounded by a run, whatever the size of the book.
type postingSorter struct {
	dirs  []string // where the runs may go, in order of preference
	lists map[string]*[]string
	size  int
	runs  []*os.File
	base  []byte
}

func newPostingSorter(dirs ...string) *postingSorter {
	return &postingSorter{dirs: dirs, lists: map[string]*[]string{}}
}

// close lets go of the runs.
func (ps *postingSorter) close() {
	for _, f := range ps.runs {
		f.Close()
	}
	ps.runs = nil
}

// add adds that client id holds token from src; a client's postings of
// one list after the first are dropped.
func (ps *postingSorter) add(token string, src byte, id string) error {
	ps.base = append(append(ps.base[:0], token...), 0, src, 0)
	l := ps.lists[string(ps.base)]
	if l == nil {
		l = new([]string)
		ps.lists[string(ps.base)] = l
		ps.size += len(ps.base) + 64
	}
	if n := len(*l); n == 0 || (*l)[n-1] != id { // once per client
		*l = append(*l, id)
		ps.size += 16
	}
	if ps.size >= searchRun {
		return ps.flush()
	}
	return nil
}

// addClient adds a client's field tokens and the note tokens of its notes
// (nc: a cursor over the notes, keyed by client id first).
func (ps *postingSorter) addClient(id string, fields []string, nc *bolt.Cursor) error {
	for _, t := range fields {
		if err := ps.add(t, srcFields, id); err != nil {
			return err
		}
	}
	p := prefix(id)
	for k, nv := nc.Seek(p); k != nil && bytes.HasPrefix(k, p); k, nv = nc.Next() {
		var n notes.Note
		if err := unmarshalRecord(nv, &n); err != nil {
			return err
		}
		for _, t := range search.NoteTokens(n.Text) {
			if err := ps.add(t, srcNotes, id); err != nil {
				return err
			}
		}
	}
	return nil
}

// runFile makes the temporary file of a run in the first of ps.dirs that
// takes one, unlinked at once.
func (ps *postingSorter) runFile() (*os.File, error) {
	var first error
	for _, dir := range ps.dirs {
		f, err := os.CreateTemp(dir, ".vipbook-index-*")
		if err == nil {
			os.Remove(f.Name())
			return f, nil
		}
		if first == nil {
			first = err
		}
	}
	return nil, first
}

// flush writes the postings in memory to a run.
func (ps *postingSorter) flush() error {
	if len(ps.lists) == 0 {
		return nil
	}
	bases := slices.Sorted(maps.Keys(ps.lists))
	f, err := ps.runFile()
	if err != nil {
		return err
	}
	ps.runs = append(ps.runs, f)
	w := bufio.NewWriterSize(f, 1<<20)
	var rec, n []byte
	for _, base := range bases {
		for _, id := range *ps.lists[base] {
			rec = append(append(rec[:0], base...), id...)
			n = binary.AppendUvarint(n[:0], uint64(len(rec)))
			w.Write(n)
			w.Write(rec)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	clear(ps.lists)
	ps.size = 0
	_, err = f.Seek(0, io.SeekStart)
	return err
}

// each calls fn with every posting added, once, in key order (p is valid
// until fn returns).
func (ps *postingSorter) each(fn func(p []byte) error) error {
	if err := ps.flush(); err != nil {
		return err
	}
	h := &runHeap{}
	for _, f := range ps.runs {
		r := &runReader{r: bufio.NewReaderSize(f, 256<<10)}
		if err := r.next(); err != nil {
			return err
		}
		if r.cur != nil {
			h.rs = append(h.rs, r)
		}
	}
	heap.Init(h)
	var last []byte
	for h.Len() > 0 {
		r := h.rs[0]
		if p := r.cur; last == nil || !bytes.Equal(p, last) {
			last = append(last[:0], p...)
			if err := fn(last); err != nil {
				return err
			}
		}
		if err := r.next(); err != nil {
			return err
		}
		if r.cur == nil {
			heap.Pop(h)
		} else {
			heap.Fix(h, 0)
		}
	}
	return nil
}

// streamSearchLists writes, in bIndexBuild, the kept search lists from the
// field tokens built there (bSearchRev) and the notes, by the external sort
// of postingSorter, written in key order, a transaction every buildBatch
// chunks.
func (b *Book) streamSearchLists() error {
	ps := newPostingSorter(filepath.Dir(b.path), os.TempDir())
	defer ps.close()
	if err := b.db.View(func(tx *bolt.Tx) error {
		rv := tx.Bucket(bIndexBuild).Bucket(bSearchRev)
		if rv == nil {
			rv = tx.Bucket(bSearchRev)
		}
		nc := tx.Bucket(bNotes).Cursor()
		return rv.ForEach(func(k, v []byte) error { return ps.addClient(string(k), splitIDs(v), nc) })
	}); err != nil {
		return err
	}
	return b.writeLists(ps)
}

// writeLists writes the postings of ps into bIndexBuild's search lists.
func (b *Book) writeLists(ps *postingSorter) error {
	tx, err := b.db.Begin(true)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	var fw *bolt.Bucket
	begin := func() error {
		var err error
		fw, err = tx.Bucket(bIndexBuild).CreateBucketIfNotExists(bSearch)
		if err != nil {
			return err
		}
		fw.FillPercent = 1 // keys come in order: fill each page
		return nil
	}
	if err := begin(); err != nil {
		return err
	}
	puts := 0
	var base, key []byte // the list being written, its chunk's first key
	var ids []string
	put := func() error {
		if len(ids) == 0 {
			return nil
		}
		if err := fw.Put(key, joinIDs(ids)); err != nil {
			return err
		}
		ids = ids[:0]
		if puts++; puts%buildBatch == 0 {
			if err := tx.Commit(); err != nil {
				return err
			}
			if err := buildInterrupt("lists"); err != nil {
				return err
			}
			if tx, err = b.db.Begin(true); err != nil {
				return err
			}
			return begin()
		}
		return nil
	}
	if err := ps.each(func(p []byte) error {
		i := bytes.IndexByte(p, 0) + 3 // token 0x00 source 0x00, then the id
		if !bytes.Equal(p[:i], base) || len(ids) == postingChunk/2 {
			if err := put(); err != nil {
				return err
			}
			base, key = append(base[:0], p[:i]...), append(key[:0], p...)
		}
		ids = append(ids, string(p[i:]))
		return nil
	}); err != nil {
		return err
	}
	if err := put(); err != nil {
		return err
	}
	if err := tx.Bucket(bIndexBuild).Put(doneKey(bSearch), nil); err != nil {
		return err
	}
	return tx.Commit()
}

// runReader reads one sorted run of postings.
type runReader struct {
	r   *bufio.Reader
	cur []byte // nil at the end
	buf []byte
}

func (r *runReader) next() error {
	n, err := binary.ReadUvarint(r.r)
	if err == io.EOF {
		r.cur = nil
		return nil
	}
	if err != nil {
		return err
	}
	r.buf = slices.Grow(r.buf[:0], int(n))[:n]
	if _, err := io.ReadFull(r.r, r.buf); err != nil {
		return err
	}
	r.cur = r.buf
	return nil
}

// runHeap orders the runs by their current posting.
type runHeap struct{ rs []*runReader }

func (h *runHeap) Len() int           { return len(h.rs) }
func (h *runHeap) Less(i, j int) bool { return bytes.Compare(h.rs[i].cur, h.rs[j].cur) < 0 }
func (h *runHeap) Swap(i, j int)      { h.rs[i], h.rs[j] = h.rs[j], h.rs[i] }
func (h *runHeap) Push(x any)         { h.rs = append(h.rs, x.(*runReader)) }
func (h *runHeap) Pop() any {
	r := h.rs[len(h.rs)-1]
	h.rs = h.rs[:len(h.rs)-1]
	return r
}
