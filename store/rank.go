package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// The spend ranking kept on write: every client who spent something in
// the 12 months up to the ranking's day (365 days, as tiers.Assign counts
// them), not archived, ordered by that spend, biggest first. A write that
// changes a client's purchases moves the client in it, in the write's
// transaction; the first write of a day moves the ranking to that day,
// re-ranking only the clients with a purchase on a day that left or
// entered the 12 months (found by bSpendDay). So a search ranks the
// clients it found, and a purchase finds the year's top spender, without
// reading the whole book.
//
//   - bRank: the ranking, cut in chunks. Key: the chunk's first entry
//     (rankEntry.key: the spend inverted, big-endian, then the id);
//     value: a 2-byte count, then each entry (8 bytes inverted spend, 1
//     byte id length, the id), in order, at most rankChunk of them.
//   - bRankRev: client id -> the client's spend in the ranking (8 bytes,
//     big-endian), for the clients in it; under kRankDay the day it
//     ranks (4 bytes, civil.Date.Pack); under kRankDir the chunks'
//     directory: for each chunk in order, its count (2 bytes), its key's
//     length (1 byte) and its key. A read ranks from it (how many come
//     before a chunk, how many are ranked) without walking the chunks,
//     which are hundreds of pages at 100k; a book without it yet is
//     walked, and its next write of the ranking writes it.
//   - bSpendDay: one key per client and day with a purchase: the day
//     (4 bytes, packed) then the client id; no value.
var (
	bRank     = []byte("rank")
	bRankRev  = []byte("rankrev")
	bSpendDay = []byte("spendday")

	kRankDay = []byte("\x00day")
	kRankDir = []byte("\x00dir")
)

// dirEntry is one chunk of the ranking in its directory (kRankDir).
type dirEntry struct {
	key []byte
	n   int
}

func encodeDir(ds []dirEntry) []byte {
	n := 0
	for _, d := range ds {
		n += 3 + len(d.key)
	}
	b := make([]byte, 0, n)
	for _, d := range ds {
		b = binary.BigEndian.AppendUint16(b, uint16(d.n))
		b = append(b, byte(len(d.key)))
		b = append(b, d.key...)
	}
	return b
}

// decodeDir reads a directory; its keys alias v.
func decodeDir(v []byte) ([]dirEntry, error) {
	var ds []dirEntry
	for len(v) > 0 {
		if len(v) < 3 || len(v) < 3+int(v[2]) || v[2] < 8 {
			return nil, fmt.Errorf("%w: the spend ranking's directory does not decode", ErrDamaged)
		}
		l := int(v[2])
		ds = append(ds, dirEntry{key: v[3 : 3+l], n: int(binary.BigEndian.Uint16(v))})
		v = v[3+l:]
	}
	return ds, nil
}

// walkDir makes the directory of the chunks in bk.
func walkDir(bk *bolt.Bucket) []dirEntry {
	var ds []dirEntry
	c := bk.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) >= 8 {
			ds = append(ds, dirEntry{slices.Clone(k), chunkCount(v)})
		}
	}
	return ds
}

// rankDirPut says in the directory that the chunk at key (nil: none) is
// now the chunks put (the key of each and its count; key among them when
// it stays). A book without a directory yet gets one, from its chunks.
func rankDirPut(bk, rv *bolt.Bucket, key []byte, put []dirEntry) error {
	v := rv.Get(kRankDir)
	if v == nil {
		return rv.Put(kRankDir, encodeDir(walkDir(bk)))
	}
	ds, err := decodeDir(v)
	if err != nil {
		return err
	}
	find := func(k []byte) (int, bool) {
		return slices.BinarySearchFunc(ds, k, func(d dirEntry, k []byte) int { return bytes.Compare(d.key, k) })
	}
	if key != nil {
		if i, ok := find(key); ok {
			ds = slices.Delete(ds, i, i+1)
		}
	}
	for _, p := range put {
		if i, ok := find(p.key); ok {
			ds[i] = p
		} else {
			ds = slices.Insert(ds, i, p)
		}
	}
	return rv.Put(kRankDir, encodeDir(ds))
}

// rankChunk is the most entries one chunk of the ranking holds (a
// variable for tests, which cut small rankings in many chunks).
var rankChunk = 256

// rankEntry is one client in the ranking.
type rankEntry struct {
	spend int64
	id    string
}

// key is the entry's place in the ranking: bigger spends first, then ids
// in order.
func (e rankEntry) key() []byte {
	b := binary.BigEndian.AppendUint64(make([]byte, 0, 8+len(e.id)), uint64(math.MaxInt64-e.spend))
	return append(b, e.id...)
}

func compareEntries(a, b rankEntry) int {
	switch {
	case a.spend > b.spend:
		return -1
	case a.spend < b.spend:
		return 1
	}
	return bytes.Compare([]byte(a.id), []byte(b.id))
}

func encodeChunk(es []rankEntry) []byte {
	b := binary.BigEndian.AppendUint16(nil, uint16(len(es)))
	for _, e := range es {
		b = binary.BigEndian.AppendUint64(b, uint64(math.MaxInt64-e.spend))
		b = append(b, byte(len(e.id)))
		b = append(b, e.id...)
	}
	return b
}

func chunkCount(v []byte) int {
	if len(v) < 2 {
		return 0
	}
	return int(binary.BigEndian.Uint16(v))
}

func decodeChunk(v []byte) ([]rankEntry, error) {
	out := make([]rankEntry, 0, chunkCount(v))
	err := eachInChunk(v, func(spend int64, id []byte) bool {
		out = append(out, rankEntry{spend: spend, id: string(id)})
		return true
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachInChunk calls fn with the spend and the id (its bytes in v) of each
// entry of chunk v, as encodeChunk wrote it, in its order, until fn
// returns false (with fn nil, the chunk is only read through). It returns
// an error when the chunk is cut short or, read to its end, holds another
// number of entries than it says.
func eachInChunk(v []byte, fn func(spend int64, id []byte) bool) error {
	if len(v) < 2 {
		return fmt.Errorf("%w: a chunk of the spend ranking is cut short", ErrDamaged)
	}
	n := 0
	for r := v[2:]; len(r) > 0; n++ {
		if len(r) < 9 || len(r) < 9+int(r[8]) {
			return fmt.Errorf("%w: a chunk of the spend ranking is cut short", ErrDamaged)
		}
		l := int(r[8])
		if fn != nil && !fn(math.MaxInt64-int64(binary.BigEndian.Uint64(r)), r[9:9+l]) {
			return nil
		}
		r = r[9+l:]
	}
	if n != chunkCount(v) {
		return fmt.Errorf("%w: a chunk of the spend ranking miscounts its entries", ErrDamaged)
	}
	return nil
}

// rankChunkOf returns the key and entries of the chunk where e belongs:
// the last one whose first entry is not after e, or else the first.
func rankChunkOf(bk *bolt.Bucket, e rankEntry) ([]byte, []rankEntry, error) {
	c := bk.Cursor()
	want := e.key()
	k, v := c.Seek(want)
	if k == nil || !bytes.Equal(k, want) {
		if k == nil {
			k, v = c.Last()
		} else if pk, pv := c.Prev(); pk != nil {
			k, v = pk, pv
		} else {
			k, v = c.First()
		}
	}
	if k == nil {
		return nil, nil, nil
	}
	es, err := decodeChunk(v)
	return append([]byte(nil), k...), es, err
}

// putRankChunk writes es as the chunk that was at key (nil: none), cut in
// two when too long.
func putRankChunk(bk, rv *bolt.Bucket, key []byte, es []rankEntry) error {
	if key != nil && (len(es) == 0 || !bytes.Equal(key, es[0].key())) {
		if err := bk.Delete(key); err != nil {
			return err
		}
	}
	var put []dirEntry
	for len(es) > 0 {
		n := len(es)
		if n > rankChunk {
			n = rankChunk / 2
		}
		k := es[0].key()
		if err := bk.Put(k, encodeChunk(es[:n])); err != nil {
			return err
		}
		put = append(put, dirEntry{k, n})
		es = es[n:]
	}
	return rankDirPut(bk, rv, key, put)
}

func rankInsert(bk, rv *bolt.Bucket, e rankEntry) error {
	key, es, err := rankChunkOf(bk, e)
	if err != nil {
		return err
	}
	i, found := slices.BinarySearchFunc(es, e, compareEntries)
	if found {
		return nil
	}
	return putRankChunk(bk, rv, key, slices.Insert(es, i, e))
}

func rankRemove(bk, rv *bolt.Bucket, e rankEntry) error {
	key, es, err := rankChunkOf(bk, e)
	if err != nil {
		return err
	}
	i, found := slices.BinarySearchFunc(es, e, compareEntries)
	if !found {
		return nil
	}
	return putRankChunk(bk, rv, key, slices.Delete(es, i, i+1))
}

// rankedSpend is the spend a client of value s stands in the ranking of
// day with: 0 (out of it) when archived or nothing was spent.
func rankedSpend(s *profile.Summary, day civil.Date) int64 {
	if s == nil || s.Status == profile.Archived {
		return 0
	}
	return max(int64(profile.Last12(s.Spends, day)), 0)
}

func rankDayOf(rv *bolt.Bucket) civil.Date {
	v := rv.Get(kRankDay)
	if len(v) != 4 {
		return civil.Date{}
	}
	return civil.Unpack(binary.BigEndian.Uint32(v))
}

func packDay(d civil.Date) []byte { return binary.BigEndian.AppendUint32(nil, d.Pack()) }

// rankSet puts client id in the ranking with spend (out of it when 0).
func rankSet(bk, rv *bolt.Bucket, id string, spend int64) error {
	var old int64
	if v := rv.Get([]byte(id)); len(v) == 8 {
		old = int64(binary.BigEndian.Uint64(v))
	}
	if old == spend {
		return nil
	}
	if old > 0 {
		if err := rankRemove(bk, rv, rankEntry{old, id}); err != nil {
			return err
		}
	}
	if spend <= 0 {
		return rv.Delete([]byte(id))
	}
	if err := rankInsert(bk, rv, rankEntry{spend, id}); err != nil {
		return err
	}
	return rv.Put([]byte(id), binary.BigEndian.AppendUint64(nil, uint64(spend)))
}

func spendDays(s *profile.Summary) []uint32 {
	if s == nil {
		return nil
	}
	ds := make([]uint32, 0, len(s.Spends))
	for _, p := range s.Spends {
		ds = append(ds, p.Date.Pack())
	}
	slices.Sort(ds)
	return slices.Compact(ds)
}

func spendDayKey(d uint32, id string) []byte {
	return append(binary.BigEndian.AppendUint32(make([]byte, 0, 4+len(id)), d), id...)
}

// rankValue keeps the ranking and the days of purchases of client id up
// to date when its value record changes from old (nil: none) to s (nil:
// the client left the book).
func (tx *Tx) rankValue(id string, old []byte, s *profile.Summary) error {
	// First to the day of the write (which may build the buckets afresh).
	day, kept, err := tx.rankWriteDay()
	if err != nil || !kept {
		return err
	}
	bk, rv, sd := tx.bucket(bRank), tx.bucket(bRankRev), tx.bucket(bSpendDay)
	var before []uint32
	if old != nil {
		var o profile.Summary
		if err := decodeValue(id, old, &o, nil); err == nil {
			before = spendDays(&o)
		}
	}
	after := spendDays(s)
	for _, d := range before {
		if _, ok := slices.BinarySearch(after, d); !ok {
			if tx.deferSpendDay(spendDayKey(d, id), false) {
				continue
			}
			if err := sd.Delete(spendDayKey(d, id)); err != nil {
				return err
			}
		}
	}
	for _, d := range after {
		if _, ok := slices.BinarySearch(before, d); !ok {
			if tx.deferSpendDay(spendDayKey(d, id), true) {
				continue
			}
			if err := sd.Put(spendDayKey(d, id), nil); err != nil {
				return err
			}
		}
	}
	return rankSet(bk, rv, id, rankedSpend(s, day))
}

// rankWriteDay moves the kept ranking to the day of the write and returns
// that day; kept is false when the book keeps no ranking.
func (tx *Tx) rankWriteDay() (day civil.Date, kept bool, err error) {
	if tx.bucket(bRank) == nil || tx.bucket(bRankRev) == nil || tx.bucket(bSpendDay) == nil {
		return day, false, nil
	}
	day, err = tx.rankOn(civil.Of(tx.Now()))
	return day, true, err
}

// rankOn moves the ranking to day, when it ranks another: only the
// clients with a purchase on a day that left the 12 months or came into
// them are ranked again (the whole book when more than a year passed, or
// the clock went back). It returns the day the ranking is of.
func (tx *Tx) rankOn(day civil.Date) (civil.Date, error) {
	rv := tx.bucket(bRankRev)
	was := rankDayOf(rv)
	if was == day {
		return day, nil
	}
	if err := tx.flushDeferred(); err != nil { // the days of purchases are read
		return day, err
	}
	if was.IsZero() || abs(day.DayNumber()-was.DayNumber()) > 365 {
		return day, buildRank(tx.tx, day)
	}
	moved, err := movedSpends(tx.bucket(bSpendDay), tx.bucket(bValue), was, day)
	if err != nil {
		return day, err
	}
	if err := rankMove(tx.bucket(bRank), rv, moved); err != nil {
		return day, err
	}
	// A book from before the chunks' directory gets it on the day's
	// first write, when no chunk moved.
	if rv.Get(kRankDir) == nil {
		if err := rv.Put(kRankDir, encodeDir(walkDir(tx.bucket(bRank)))); err != nil {
			return day, err
		}
	}
	return day, rv.Put(kRankDay, packDay(day))
}

// rankMove gives the clients moved their new spends (0: out of the
// ranking), as rankSet does one by one, but rewriting each chunk touched
// once: the entries leaving are taken out chunk by chunk, then those
// coming in put in, each in ranking order. A day's move touches hundreds
// of clients at 100k, most chunks more than once.
func rankMove(bk, rv *bolt.Bucket, moved []rankEntry) error {
	var out, in []rankEntry
	for _, e := range moved {
		var old int64
		if v := rv.Get([]byte(e.id)); len(v) == 8 {
			old = int64(binary.BigEndian.Uint64(v))
		}
		if old == e.spend {
			continue
		}
		if old > 0 {
			out = append(out, rankEntry{old, e.id})
		}
		var err error
		if e.spend > 0 {
			in = append(in, e)
			err = rv.Put([]byte(e.id), binary.BigEndian.AppendUint64(nil, uint64(e.spend)))
		} else {
			err = rv.Delete([]byte(e.id))
		}
		if err != nil {
			return err
		}
	}
	slices.SortFunc(out, compareEntries)
	slices.SortFunc(in, compareEntries)
	for len(out) > 0 {
		key, es, next, err := rankChunkAt(bk, out[0])
		if err != nil {
			return err
		}
		n := upTo(out, next)
		es = slices.DeleteFunc(es, func(e rankEntry) bool {
			_, found := slices.BinarySearchFunc(out[:n], e, compareEntries)
			return found
		})
		if err := putRankChunk(bk, rv, key, es); err != nil {
			return err
		}
		out = out[n:]
	}
	for len(in) > 0 {
		key, es, next, err := rankChunkAt(bk, in[0])
		if err != nil {
			return err
		}
		n := upTo(in, next)
		merged := make([]rankEntry, 0, len(es)+n)
		a, b := es, in[:n]
		for len(a) > 0 || len(b) > 0 {
			switch {
			case len(b) == 0 || len(a) > 0 && compareEntries(a[0], b[0]) < 0:
				merged, a = append(merged, a[0]), a[1:]
			case len(a) > 0 && compareEntries(a[0], b[0]) == 0:
				merged, a, b = append(merged, a[0]), a[1:], b[1:]
			default:
				merged, b = append(merged, b[0]), b[1:]
			}
		}
		if err := putRankChunk(bk, rv, key, merged); err != nil {
			return err
		}
		in = in[n:]
	}
	return nil
}

// upTo is how many of es (in order) come before the chunk starting at
// next (nil: no chunk after; all of them).
func upTo(es []rankEntry, next []byte) int {
	if next == nil {
		return len(es)
	}
	n := 1 // es[0] belongs where it was looked up
	for n < len(es) && bytes.Compare(es[n].key(), next) < 0 {
		n++
	}
	return n
}

// rankChunkAt is rankChunkOf with the key of the chunk after it (nil:
// none).
func rankChunkAt(bk *bolt.Bucket, e rankEntry) (key []byte, es []rankEntry, next []byte, err error) {
	key, es, err = rankChunkOf(bk, e)
	if err != nil || key == nil {
		return key, es, nil, err
	}
	c := bk.Cursor()
	if k, _ := c.Seek(key); k != nil {
		if k, _ = c.Next(); k != nil {
			next = append([]byte(nil), k...)
		}
	}
	return key, es, next, nil
}

// movedSpends returns the clients whose 12-month spend may differ between
// a ranking of day was and one of day (within a year, either way): those
// with a purchase on a day in one 12 months and not the other (for a
// later day: that left the 12 months, or came into them, a purchase
// entered ahead of its day), each with its spend on day (0: out of the
// ranking), in id order.
func movedSpends(sd, vb *bolt.Bucket, was, day civil.Date) ([]rankEntry, error) {
	var ids []string
	scan := func(from, to civil.Date) {
		c := sd.Cursor()
		end := to.Pack()
		for k, _ := c.Seek(packDay(from)); len(k) >= 4 && binary.BigEndian.Uint32(k) <= end; k, _ = c.Next() {
			ids = append(ids, string(k[4:]))
		}
	}
	lo, hi := was, day
	if day.Before(was) {
		lo, hi = day, was
	}
	scan(lo.AddDays(-364), hi.AddDays(-365)) // in the earlier 12 months only
	scan(lo.AddDays(1), hi)                  // in the later ones only
	slices.Sort(ids)
	ids = slices.Compact(ids)
	out := make([]rankEntry, 0, len(ids))
	for _, id := range ids {
		raw := vb.Get([]byte(id))
		var s *profile.Summary
		if raw != nil {
			s = &profile.Summary{}
			if err := decodeValue(id, raw, s, nil); err != nil {
				return nil, err
			}
		}
		out = append(out, rankEntry{rankedSpend(s, day), id})
	}
	return out, nil
}

// wantRank is the ranking of day and the days of purchases the value
// records say the book should keep.
func wantRank(vb *bolt.Bucket, day civil.Date) (entries []rankEntry, days [][]byte, err error) {
	err = vb.ForEach(func(k, v []byte) error {
		var s profile.Summary
		if err := decodeValue(string(k), v, &s, nil); err != nil {
			return err
		}
		entries, days = addWanted(entries, days, &s, day)
		return nil
	})
	slices.SortFunc(entries, compareEntries)
	slices.SortFunc(days, bytes.Compare)
	return entries, days, err
}

// addWanted adds to entries and days what the ranking of day and the
// days of purchases hold of s.
func addWanted(entries []rankEntry, days [][]byte, s *profile.Summary, day civil.Date) ([]rankEntry, [][]byte) {
	if m := rankedSpend(s, day); m > 0 {
		entries = append(entries, rankEntry{m, s.ID})
	}
	for _, d := range spendDays(s) {
		days = append(days, spendDayKey(d, s.ID))
	}
	return entries, days
}

// buildRank writes the spend ranking of day and the days of purchases
// afresh from the value records: when the book first gets them, by
// RepairIndexes, and when the ranking is more than a year old.
func buildRank(tx *bolt.Tx, day civil.Date) error {
	for _, name := range [][]byte{bRank, bRankRev, bSpendDay} {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		if _, err := tx.CreateBucket(name); err != nil {
			return err
		}
	}
	entries, days, err := wantRank(tx.Bucket(bValue), day)
	if err != nil {
		return err
	}
	return putRank(tx.Bucket(bRank), tx.Bucket(bRankRev), tx.Bucket(bSpendDay), entries, days, day)
}

// putRank writes the ranking of day (entries, in order) and the days of
// purchases (in order) into the empty buckets bk, rv and sd.
func putRank(bk, rv, sd *bolt.Bucket, entries []rankEntry, days [][]byte, day civil.Date) error {
	bk.FillPercent, sd.FillPercent = 1, 1
	var dir []dirEntry
	for es := entries; len(es) > 0; {
		n := min(len(es), rankChunk/2)
		k := es[0].key()
		if err := bk.Put(k, encodeChunk(es[:n])); err != nil {
			return err
		}
		dir = append(dir, dirEntry{k, n})
		es = es[n:]
	}
	for _, k := range days {
		if err := sd.Put(k, nil); err != nil {
			return err
		}
	}
	revs := make([]kv, 0, len(entries)+1)
	for _, e := range entries {
		revs = append(revs, kv{[]byte(e.id), binary.BigEndian.AppendUint64(nil, uint64(e.spend))})
	}
	revs = append(revs, kv{kRankDay, packDay(day)}, kv{kRankDir, encodeDir(dir)})
	return putSorted(rv, revs)
}

// rankCheck reports where the kept spend ranking and days of purchases
// differ from what the summaries say for the ranking's day. What it holds
// is the ranking (a few bytes a client who spent); each day of a purchase
// is looked up as its client's summary comes, and the days kept counted.
func rankCheck(tx *bolt.Tx, rep *Report) summaryCheck {
	bk, rv, sd := tx.Bucket(bRank), tx.Bucket(bRankRev), tx.Bucket(bSpendDay)
	if bk == nil || rv == nil || sd == nil {
		return summaryCheck{}
	}
	day := rankDayOf(rv)
	if day.IsZero() {
		rep.problem("spend ranking: the day it ranks is not kept (check --repair rebuilds it)")
		return summaryCheck{}
	}
	var want []rankEntry
	wantDays, daysMissing := 0, false
	each := func(s *profile.Summary) {
		if m := rankedSpend(s, day); m > 0 {
			want = append(want, rankEntry{m, strings.Clone(s.ID)})
		}
		for _, d := range spendDays(s) {
			wantDays++
			if sd.Get(spendDayKey(d, s.ID)) == nil {
				daysMissing = true
			}
		}
	}
	end := func(int) {
		slices.SortFunc(want, compareEntries)
		var got []rankEntry
		bad := false
		_ = bk.ForEach(func(k, v []byte) error {
			es, err := decodeChunk(v)
			if err != nil {
				rep.problem("spend ranking: %v", err)
				bad = true
				return nil
			}
			if len(es) == 0 || !bytes.Equal(k, es[0].key()) || !slices.IsSortedFunc(es, compareEntries) ||
				len(got) > 0 && compareEntries(got[len(got)-1], es[0]) >= 0 {
				rep.problem("spend ranking: the chunk at %x is out of order", k)
				bad = true
			}
			got = append(got, es...)
			return nil
		})
		if !bad && !slices.Equal(got, want) {
			rep.problem("spend ranking: %d clients ranked for %s, the book says %d, or in another order (check --repair rebuilds it)", len(got), day, len(want))
		}
		if v := rv.Get(kRankDir); v != nil && !bad {
			ds, err := decodeDir(v)
			want := walkDir(bk)
			if err != nil || !slices.EqualFunc(ds, want, func(a, b dirEntry) bool { return a.n == b.n && bytes.Equal(a.key, b.key) }) {
				rep.problem("spend ranking: the directory of its chunks is not the chunks kept (check --repair rebuilds it)")
			}
		}
		revs := 0
		_ = rv.ForEach(func(k, v []byte) error {
			if bytes.Equal(k, kRankDay) || bytes.Equal(k, kRankDir) {
				return nil
			}
			revs++
			return nil
		})
		wrongRev := revs != len(want)
		for _, e := range want {
			v := rv.Get([]byte(e.id))
			if len(v) != 8 || int64(binary.BigEndian.Uint64(v)) != e.spend {
				wrongRev = true
			}
		}
		if wrongRev {
			rep.problem("spend ranking: the spends kept per client are not the ranking's (check --repair rebuilds them)")
		}
		// Every day wanted is kept (looked up), and no other: as many.
		gotDays, valued := 0, 0
		c := sd.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			gotDays++
			if len(v) > 0 {
				valued++
			}
		}
		if valued > 0 {
			rep.problem("spend ranking: %d days of purchases kept hold a value where none belongs (check --repair rebuilds them)", valued)
		}
		if daysMissing || gotDays != wantDays {
			rep.problem("spend ranking: %d days of purchases kept, the book says %d (check --repair rebuilds them)", gotDays, wantDays)
		}
	}
	return summaryCheck{each: each, end: end}
}

// SpendRanking is the book's ranking of clients by what they spent in
// the 12 months up to a day (365 days, that day included; archived
// clients and those who spent nothing are not in it), kept on write: a
// read of it costs the entries read, not the book. See Tx.SpendRanking.
type SpendRanking struct {
	bk  *bolt.Bucket
	rv  *bolt.Bucket
	day civil.Date

	// A ranking read on another day than the one kept is the kept one with the clients whose spend moved since
	// (movedSpends) taken out (gone: their kept entries, biggest first)
	// and put back with their spends of the day (came: biggest first,
	// those still ranked; moved: by id).
	gone, came []rankEntry
	moved      map[string]int64

	// firsts and before index the chunks, made on first need: the first
	// entry of each chunk and how many entries come before it.
	firsts []rankEntry
	before []int
	of     int
	// chunks holds the chunks Rank read, by their place: a search
	// ranking thousands of clients found looks each chunk up once.
	chunks map[int][]byte
}

// SpendRanking returns the kept spend ranking of day. When the ranking
// kept is of another day (no write yet on day, which moves it; a report
// of an earlier day), the clients whose spend differs between the two are
// ranked afresh, in memory: a read of the clients with purchases on the
// days between. ok is false when the book keeps none yet (a read-only
// open of a book from before it) or its day is more than a year from
// day: rank the whole book then, or let a writable transaction move it
// first (Tx.KeepRankOn).
func (tx *Tx) SpendRanking(day civil.Date) (*SpendRanking, bool) {
	tx.flushFor()
	bk, rv := tx.bucket(bRank), tx.bucket(bRankRev)
	if bk == nil || rv == nil {
		return nil, false
	}
	r := &SpendRanking{bk: bk, rv: rv, day: day}
	was := rankDayOf(rv)
	switch {
	case was == day:
		return r, true
	case was.IsZero() || abs(day.DayNumber()-was.DayNumber()) > 365 || tx.bucket(bSpendDay) == nil:
		return nil, false
	}
	moved, err := movedSpends(tx.bucket(bSpendDay), tx.bucket(bValue), was, day)
	if err != nil {
		return nil, false
	}
	r.moved = make(map[string]int64, len(moved))
	for _, e := range moved {
		r.moved[e.id] = e.spend
		if v := rv.Get([]byte(e.id)); len(v) == 8 {
			r.gone = append(r.gone, rankEntry{int64(binary.BigEndian.Uint64(v)), e.id})
		}
		if e.spend > 0 {
			r.came = append(r.came, e)
		}
	}
	slices.SortFunc(r.gone, compareEntries)
	slices.SortFunc(r.came, compareEntries)
	return r, true
}

// KeepRankOn moves the kept spend ranking to day, when the transaction
// may write and the book keeps one (a no-op otherwise, or when it ranks
// that day already): what the first write of a day does, for a reader
// that wants to rank from it.
func (tx *Tx) KeepRankOn(day civil.Date) error {
	if !tx.Writable() || tx.bucket(bRankRev) == nil {
		return nil
	}
	_, err := tx.rankOn(day)
	return err
}

// Day returns the day the ranking is of.
func (r *SpendRanking) Day() civil.Date { return r.day }

func (r *SpendRanking) index() {
	if r.firsts != nil {
		return
	}
	r.firsts = []rankEntry{}
	if v := r.rv.Get(kRankDir); v != nil {
		if ds, err := decodeDir(v); err == nil {
			for _, d := range ds {
				k := d.key
				r.firsts = append(r.firsts, rankEntry{math.MaxInt64 - int64(binary.BigEndian.Uint64(k)), string(k[8:])})
				r.before = append(r.before, r.of)
				r.of += d.n
			}
			return
		}
	}
	c := r.bk.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) < 8 {
			continue
		}
		r.firsts = append(r.firsts, rankEntry{math.MaxInt64 - int64(binary.BigEndian.Uint64(k)), string(k[8:])})
		r.before = append(r.before, r.of)
		r.of += chunkCount(v)
	}
}

// Of returns how many clients the ranking holds: those who spent
// something in the 12 months.
func (r *SpendRanking) Of() int {
	r.index()
	return r.of - len(r.gone) + len(r.came)
}

// Spend returns what client id spent in the ranking's 12 months; 0 when
// the client is not in it.
func (r *SpendRanking) Spend(id string) profile.Money {
	if m, ok := r.moved[id]; ok {
		return profile.Money(m)
	}
	if v := r.rv.Get([]byte(id)); len(v) == 8 {
		return profile.Money(binary.BigEndian.Uint64(v))
	}
	return 0
}

// Rank returns the place a spend of m takes in the ranking: 1 plus how
// many clients spent more (equal spends share a place, as tiers.Assign
// ranks them); 0 for a spend of nothing.
func (r *SpendRanking) Rank(m profile.Money) int {
	if m <= 0 {
		return 0
	}
	probe := rankEntry{int64(m), ""}
	before := func(es []rankEntry) int {
		i, _ := slices.BinarySearchFunc(es, probe, compareEntries)
		return i
	}
	return r.keptRank(m) - before(r.gone) + before(r.came)
}

// keptRank is Rank in the ranking as kept.
func (r *SpendRanking) keptRank(m profile.Money) int {
	r.index()
	// The first entry with a spend not above m: past every bigger spend.
	probe := rankEntry{int64(m), ""}
	k := sort.Search(len(r.firsts), func(i int) bool { return compareEntries(r.firsts[i], probe) >= 0 })
	if k == 0 {
		return 1
	}
	v, ok := r.chunks[k-1]
	if !ok {
		v = r.bk.Get(r.firsts[k-1].key())
		// Read whole once, as every reader of a chunk reads it: one that
		// miscounts its entries is damaged (check says so), and ranks
		// no one, as one cut short.
		if eachInChunk(v, nil) != nil {
			v = nil
		}
		if r.chunks == nil {
			r.chunks = map[int][]byte{}
		}
		r.chunks[k-1] = v
	}
	j, err := spentMore(v, int64(m))
	if err != nil {
		return 0
	}
	return r.before[k-1] + j + 1
}

// spentMore counts the entries of a chunk (as encodeChunk wrote it) whose
// spend is bigger than m: those ranking ahead of a spend of m. The chunk
// is read where it lies, no entry decoded, and only as far as its first
// spend not bigger than m (a search ranking hundreds of clients found
// reads a chunk for each; keptRank has read each whole once).
func spentMore(v []byte, m int64) (int, error) {
	n := 0
	err := eachInChunk(v, func(spend int64, _ []byte) bool {
		if spend <= m {
			return false
		}
		n++
		return true
	})
	return n, err
}

// Top calls fn with the clients of the ranking from the biggest spender
// down, until fn returns false.
func (r *SpendRanking) Top(fn func(id string, spend profile.Money) bool) error {
	came := r.came
	c := r.bk.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		es, err := decodeChunk(v)
		if err != nil {
			return err
		}
		for _, e := range es {
			if _, moved := r.moved[e.id]; moved {
				continue
			}
			for len(came) > 0 && compareEntries(came[0], e) < 0 {
				if !fn(came[0].id, profile.Money(came[0].spend)) {
					return nil
				}
				came = came[1:]
			}
			if !fn(e.id, profile.Money(e.spend)) {
				return nil
			}
		}
	}
	for _, e := range came {
		if !fn(e.id, profile.Money(e.spend)) {
			return nil
		}
	}
	return nil
}

// BoughtBetween returns the clients with a purchase dated from from to
// to, both included, in id order, read from the days of purchases kept
// on write: at most limit of those purchase days are read (0: all), and
// complete says whether they were all. ok is false in a book without
// them yet.
func (tx *Tx) BoughtBetween(from, to civil.Date, limit int) (ids []string, complete, ok bool) {
	tx.flushFor()
	sd := tx.bucket(bSpendDay)
	if sd == nil {
		return nil, false, false
	}
	c := sd.Cursor()
	end := to.Pack()
	complete = true
	for k, _ := c.Seek(packDay(from)); len(k) >= 4 && binary.BigEndian.Uint32(k) <= end; k, _ = c.Next() {
		if limit > 0 && len(ids) == limit {
			complete = false
			break
		}
		ids = append(ids, string(k[4:]))
	}
	slices.Sort(ids)
	return slices.Compact(ids), complete, true
}

func abs(n int) int { return max(n, -n) }
