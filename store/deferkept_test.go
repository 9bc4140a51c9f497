package store

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// deferWrites is one transaction of a bulk import: clients added one by
// one, notes and purchases one by one and in bulk, clients changed (their
// field tokens and days of purchases move), with a search in the middle.
func deferWrites(t *testing.T, tx *Tx) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	cities := []string{"上海", "北京", "杭州", "Suzhou"}
	for i := range 120 {
		p := &profile.Profile{ID: fmt.Sprintf("c%03d", (i*37)%120), Name: fmt.Sprintf("王小%c", rune('甲'+i)),
			LatinName: fmt.Sprintf("Client %d", i), City: cities[i%4], Occupation: []string{"律师", "architect", ""}[i%3],
			Phones: []profile.Phone{{Number: fmt.Sprintf("+86 138 %04d %04d", i, 7000+i)}},
			Tags:   []string{"vip", fmt.Sprintf("t%d", i%7)}}
		must(tx.AddClient(p))
		must(tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.General, Text: fmt.Sprintf("likes navy silk %d", i%9)}))
		for j := range i % 3 {
			must(tx.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.Of(testNow).AddDays(-30 * (i%13 + j)),
				Amount: profile.Money(1000 * (i + j + 1)), Currency: "CNY"}))
		}
	}
	// Read in the middle: the search sees the clients just added.
	ids, ok := tx.SearchKept("Client")
	if !ok || len(ids) != 120 {
		t.Fatalf("search in the transaction: %d found (%v), want the 120 clients", len(ids), ok)
	}
	var ns []notes.Note
	var ps []profile.Purchase
	for i := range 120 {
		id := fmt.Sprintf("c%03d", i)
		ns = append(ns, notes.Note{ID: fmt.Sprintf("n%03d", i), ClientID: id, At: testNow.Add(-time.Duration(i) * time.Hour),
			Kind: notes.General, Text: fmt.Sprintf("asked for cashmere %d 围巾", i%11), Author: "李娜"})
		ps = append(ps, profile.Purchase{ID: fmt.Sprintf("p%03d", i), ClientID: id, Date: civil.Of(testNow).AddDays(-i * 3),
			Amount: profile.Money(500 * (i + 1)), Currency: "CNY", Store: "Shanghai IFC", Author: "李娜"})
	}
	_, err := tx.ImportNotesJSON(ns, nil)
	must(err)
	_, err = tx.ImportPurchasesJSON(ps, nil)
	must(err)
	for i := 0; i < 120; i += 5 {
		must(tx.UpdateClientWith(fmt.Sprintf("c%03d", i), func(p *profile.Profile) error {
			p.Name, p.City, p.Tags = "陈"+p.Name, "广州", []string{"moved"}
			return nil
		}))
	}
}

// bucketDump is every key and value of the named buckets.
func bucketDump(t *testing.T, b *Book, names ...[]byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := b.db.View(func(tx *bolt.Tx) error {
		for _, name := range names {
			err := tx.Bucket(name).ForEach(func(k, v []byte) error {
				out[string(name)+"/"+string(k)] = string(v)
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestDeferIndexesWritesTheSame: a transaction that defers its kept
// indexes to its end (a handover import) leaves the book as one that
// writes them as it goes: the same search lists, field tokens, days of
// purchases and ranking, and check finds the book sound with every kept
// index present; a read in the middle sees what was written before it.
func TestDeferIndexesWritesTheSame(t *testing.T) {
	plain, deferred, path, dl, dr := writtenBothWays(t, deferWrites)
	if rl, rr := rebuiltSearch(t, deferred); !maps.Equal(rl, dl) || !maps.Equal(rr, dr) {
		t.Errorf("deferred search lists differ from a rebuild")
	}
	kept := [][]byte{bSpendDay, bRank, bRankRev, bValue, bSearchRow, bStanding, bBrief, bSummaries, bPhones}
	pd, dd := bucketDump(t, plain, kept...), bucketDump(t, deferred, kept...)
	if !maps.EqualFunc(pd, dd, func(a, b string) bool { return bytes.Equal([]byte(a), []byte(b)) }) {
		t.Errorf("deferred kept indexes differ (%d against %d keys)", len(dd), len(pd))
	}
	if n := len(bucketDump(t, deferred, bSpendDay)); n < 120 {
		t.Errorf("%d days of purchases kept, want one per client and day at least", n)
	}
	deferred.Close()
	rep, err := Check(path)
	if err != nil || !rep.Sound() || len(rep.Notices) > 0 {
		t.Fatalf("check after the deferred writes: %+v, %v", rep, err)
	}
}

// deferMixed is one transaction that adds clients in bulk and one by one,
// changes them, merges two, erases one and deletes a note, each step
// between deferred writes of the clients it touches.
func deferMixed(t *testing.T, tx *Tx) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	var bulk []*profile.Profile
	for i := range 20 {
		bulk = append(bulk, &profile.Profile{ID: fmt.Sprintf("b%02d", i), Name: fmt.Sprintf("张伟%c", rune('甲'+i)),
			City: "上海", Tags: []string{"vip", fmt.Sprintf("t%d", i%3)}})
	}
	must(tx.AddClients(bulk))
	for i := range 10 {
		p := &profile.Profile{ID: fmt.Sprintf("s%02d", i), Name: fmt.Sprintf("李娜%c", rune('甲'+i)), City: "北京"}
		must(tx.AddClient(p))
		must(tx.AddNote(&notes.Note{ID: fmt.Sprintf("ns%02d", i), ClientID: p.ID, Kind: notes.General, Text: fmt.Sprintf("wants silk scarf %d", i)}))
	}
	// Updated after being added in bulk (deferred in addclients), then merged.
	must(tx.UpdateClientWith("b01", func(p *profile.Profile) error { p.City, p.Tags = "杭州", []string{"moved"}; return nil }))
	keep, err := tx.Client("b02")
	must(err)
	keep.Occupation = "律师"
	_, err = tx.MergeClients(keep, "s03")
	must(err)
	// Changed, then erased in the same transaction.
	must(tx.UpdateClientWith("b04", func(p *profile.Profile) error { p.Name = "王芳"; return nil }))
	_, err = tx.EraseClient("b04")
	must(err)
	_, err = tx.EraseClient("s05")
	must(err)
	_, err = tx.DeleteNote("ns06")
	must(err)
	// Written again after the flushes the erasures made.
	must(tx.UpdateClientWith("b01", func(p *profile.Profile) error { p.Name = "赵敏"; return nil }))
	must(tx.AddNote(&notes.Note{ID: "nb07", ClientID: "b07", Kind: notes.General, Text: "cashmere coat"}))
	_, err = tx.EraseClient("b07")
	must(err)
}

// TestDeferIndexesMixedWrites: adds, changes, a merge, erasures and a
// note deleted in one deferring transaction leave the same kept search
// lists as writing them as they go, and as a rebuild: no posting of an
// erased client or deleted note comes back at the flush, none is lost.
func TestDeferIndexesMixedWrites(t *testing.T) {
	_, deferred, path, dl, dr := writtenBothWays(t, deferMixed)
	if rl, rr := rebuiltSearch(t, deferred); !maps.Equal(rl, dl) || !maps.Equal(rr, dr) {
		t.Errorf("deferred search lists differ from a rebuild:\n%v\n%v", rl, dl)
	}
	deferred.Close()
	rep, err := Check(path)
	if err != nil || !rep.Sound() || len(rep.Notices) > 0 {
		t.Fatalf("check after the deferred writes: %+v, %v", rep, err)
	}
}

// writtenBothWays makes two books with the writes of write, one writing
// its kept indexes as it goes and one deferring them to the commit; it
// fails the test when their search lists differ, and returns both books,
// the deferring one's path and its search lists.
func writtenBothWays(t *testing.T, write func(*testing.T, *Tx)) (plain, deferred *Book, path string, lists map[string]string, rows map[string]string) {
	t.Helper()
	plain, _ = newBook(t)
	deferred, path = newBook(t)
	if err := plain.Update(func(tx *Tx) error { write(t, tx); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := deferred.Update(func(tx *Tx) error { tx.DeferIndexes(); write(t, tx); return nil }); err != nil {
		t.Fatal(err)
	}
	pl, pr := keptSearch(t, plain)
	lists, rows = keptSearch(t, deferred)
	if !maps.Equal(pl, lists) || !maps.Equal(pr, rows) {
		t.Errorf("deferred search lists differ from those written as they went (%d/%d lists, %d/%d clients)",
			len(lists), len(pl), len(rows), len(pr))
	}
	return plain, deferred, path, lists, rows
}

// TestDeferredPostingsInKeyOrder: the search postings a transaction
// defers, fields' and notes' kept as numbers alike, come back as lists in
// the bucket's key order, each list's ids sorted and once, a token's
// fields list before its notes list.
func TestDeferredPostingsInKeyOrder(t *testing.T) {
	var np numPostings
	for _, p := range [][3]string{{"silk", "n", "c3"}, {"围巾", "n", "c1"}, {"vip", "f", "c2"}, {"silk", "n", "c1"},
		{"navy", "n", "c2"}, {"silk", "f", "c1"}, {"silk", "n", "c3"}, {"cashmere", "n", "c2"}, {"围巾", "n", "c1"},
		{"navy", "f", "c9"}, {"navy", "n", "c1"}, {"vip", "f", "c1"}, {"silk", "n", "c2"}, {"c10", "f", "c10"}} {
		np.add(p[0], p[1][0], np.id(p[2]))
	}
	next := np.lists()
	var got []string
	for {
		l, ok := next()
		if !ok {
			break
		}
		got = append(got, fmt.Sprintf("%s/%c:%v", l.token, l.src, l.ids))
	}
	want := []string{"c10/f:[c10]", "cashmere/n:[c2]", "navy/f:[c9]", "navy/n:[c1 c2]", "silk/f:[c1]", "silk/n:[c1 c2 c3]",
		"vip/f:[c1 c2]", "围巾/n:[c1]"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("lists:\n got %v\nwant %v", got, want)
	}
	if l, ok := (&numPostings{}).lists()(); ok {
		t.Fatalf("no postings gave a list: %v", l)
	}
}

// TestFieldPostingsMergedInKeyOrder: a flush's field postings, sorted by
// token rather than numbered, merged with the notes' numbered ones, are
// the lists the numbering of both gives: tokens alike in their first 8
// bytes ("abcdefgh1", "abcdefgh", "ab" and "ab\x00"), a token of many
// clients, of one client twice, and tokens both sides hold.
func TestFieldPostingsMergedInKeyOrder(t *testing.T) {
	fields := map[string][]string{
		"c1":  {"ab", "abcdefgh", "abcdefgh1", "silk", "vip", "围巾"},
		"c10": {"ab\x00", "abcdefgh12", "vip", "vip"},
		"c2":  {"abcdefgh1", "abcdefgh12", "navy", "zz"},
		"c3":  {"ab", "ab\x00", "silk"},
	}
	notes := [][2]string{{"silk", "c3"}, {"navy", "c2"}, {"silk", "c1"}, {"围巾", "c1"}, {"cashmere", "c2"}, {"ab", "c10"}}
	var want, got numPostings
	var fp fieldPostings
	for _, id := range slices.Sorted(maps.Keys(fields)) {
		for _, tok := range fields[id] {
			want.add(tok, srcFields, want.id(id))
			fp.add(tok, id)
		}
	}
	for _, n := range notes {
		want.add(n[0], srcNotes, want.id(n[1]))
		got.add(n[0], srcNotes, got.id(n[1]))
	}
	all := func(next func() (postingList, bool)) (ls []string) {
		for l, ok := next(); ok; l, ok = next() {
			ls = append(ls, fmt.Sprintf("%q/%c:%v", l.token, l.src, l.ids))
		}
		return ls
	}
	w, g := all(want.lists()), all(mergeLists(fp.lists(), got.lists()))
	if fmt.Sprint(g) != fmt.Sprint(w) || len(w) != 15 {
		t.Fatalf("lists:\n got %v\nwant %v", g, w)
	}
	if l, ok := mergeLists((&fieldPostings{}).lists(), (&numPostings{}).lists())(); ok {
		t.Fatalf("no postings gave a list: %v", l)
	}
}
