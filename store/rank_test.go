package store

import (
	"fmt"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tiers"
	bolt "go.etcd.io/bbolt"
	"pgregory.net/rapid"
)

// checkRankSound fails when check finds the kept spend ranking unsound, or
// when its ranks on day differ from those tiers.Assign gives the whole
// book.
func checkRankSound(t interface {
	tb
	Fatalf(string, ...any)
}, b *Book, day civil.Date, what string) {
	t.Helper()
	var rep Report
	err := b.db.View(func(btx *bolt.Tx) error {
		sums, err := decodeSummaries(btx.Bucket(bSummaries))
		if err != nil {
			return err
		}
		checkSummaries(sums, rankCheck(btx, &rep))
		if len(rep.Problems) > 0 {
			return nil
		}
		// The chunks' directory, when the book has one (it has from its
		// first write of the ranking on), is the chunks': the ranks below
		// are read from it.
		if v := btx.Bucket(bRankRev).Get(kRankDir); v != nil {
			ds, err := decodeDir(v)
			if err != nil {
				return err
			}
			want := walkDir(btx.Bucket(bRank))
			if len(ds) != len(want) {
				return fmt.Errorf("the ranking's directory holds %d chunks, the ranking %d", len(ds), len(want))
			}
			for i := range ds {
				if string(ds[i].key) != string(want[i].key) || ds[i].n != want[i].n {
					return fmt.Errorf("the ranking's directory says chunk %d is %x of %d, the ranking %x of %d", i, ds[i].key, ds[i].n, want[i].key, want[i].n)
				}
			}
		}
		r, ok := (&Tx{tx: btx, book: b}).SpendRanking(day)
		if !ok {
			return fmt.Errorf("no kept ranking of %s (it is of %s)", day, rankDayOf(btx.Bucket(bRankRev)))
		}
		as := tiers.Assign(sums, day, config.Default().Tiers)
		for i, a := range as {
			if a.Of != r.Of() {
				return fmt.Errorf("the kept ranking holds %d clients, tiers.Assign ranks %d", r.Of(), a.Of)
			}
			m := r.Spend(sums[i].ID)
			if a.Archived || a.Spend12 <= 0 {
				if m != 0 {
					return fmt.Errorf("client %s is kept with %v, tiers.Assign ranks it not", sums[i].ID, m)
				}
				continue
			}
			if m != a.Spend12 || r.Rank(m) != a.Rank {
				return fmt.Errorf("client %s: kept %v rank %d, tiers.Assign %v rank %d", sums[i].ID, m, r.Rank(m), a.Spend12, a.Rank)
			}
		}
		// Tiers from the kept ranking, for a few clients, are the whole
		// book's.
		some := sums[:len(sums)/2]
		for i, a := range tiers.AssignRanked(some, day, config.Default().Tiers, r) {
			w := as[i]
			if a.Tier != w.Tier || a.Level != w.Level || a.Rank != w.Rank || a.Of != w.Of || a.Spend12 != w.Spend12 {
				return fmt.Errorf("client %s: AssignRanked gives %s (level %d, rank %d of %d), Assign %s (level %d, rank %d of %d)",
					some[i].ID, a.Tier, a.Level, a.Rank, a.Of, w.Tier, w.Level, w.Rank, w.Of)
			}
		}
		var top []string
		_ = r.Top(func(id string, m profile.Money) bool {
			top = append(top, id)
			return len(top) < 3
		})
		for k, id := range top {
			if a := tiers.Index(as)[id]; a == nil || a.Rank > k+1 {
				return fmt.Errorf("Top's %d. client %s is not the %d. spender", k+1, id, k+1)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if len(rep.Problems) > 0 {
		t.Fatalf("%s: check: %v", what, rep.Problems)
	}
}

// TestKeptRankEqualsWholeBook: after any sequence of writes over days that
// pass (purchases inside and outside the 12 months and ahead of today,
// archiving, erase, merge), on a real bbolt file, the kept spend ranking
// ranks every client as tiers.Assign ranks the whole book on the day of
// the last write, check finds it sound, and a repair rebuilds the same.
// The ranking is cut in chunks of a few entries, so a day's move (the
// first write of a day: rankMove) touches many chunks, several clients
// in one, and cuts and empties them.
func TestKeptRankEqualsWholeBook(t *testing.T) {
	defer func(n int) { rankChunk = n }(rankChunk)
	rapid.Check(t, func(rt *rapid.T) {
		rankChunk = rapid.SampledFrom([]int{2, 3, 4, 8, 256}).Draw(rt, "chunk")
		w := newRandomWrites(t, rt)
		b := w.b
		// A book from before the chunks' directory ranks by walking the
		// chunks, and its next write of the ranking writes it.
		dropDir := rapid.Bool().Draw(rt, "drop directory")
		if dropDir {
			if err := b.db.Update(func(btx *bolt.Tx) error { return btx.Bucket(bRankRev).Delete(kRankDir) }); err != nil {
				rt.Fatal(err)
			}
		}
		w.run(25, func(step string) { checkRankSound(rt, b, civil.Of(w.now), step) })
		if err := b.db.View(func(btx *bolt.Tx) error {
			if btx.Bucket(bRankRev).Get(kRankDir) == nil && (!dropDir || btx.Bucket(bRank).Stats().KeyN > 0) {
				return fmt.Errorf("no directory of the ranking's chunks (dropped first: %v)", dropDir)
			}
			return nil
		}); err != nil {
			rt.Fatal(err)
		}
		// A reader of another day ranks the clients whose spend differs
		// afresh; a writer moves the kept ranking there.
		later := civil.Of(w.now).AddDays(rapid.IntRange(1, 365).Draw(rt, "later"))
		checkRankSound(rt, b, later, "a read on a later day")
		earlier := civil.Of(w.now).AddDays(-rapid.IntRange(1, 365).Draw(rt, "earlier"))
		checkRankSound(rt, b, earlier, "a read on an earlier day")
		err := b.Update(func(tx *Tx) error {
			if err := tx.KeepRankOn(later); err != nil {
				return err
			}
			if r, ok := tx.SpendRanking(later); !ok || r.Day() != later {
				return fmt.Errorf("no ranking of %s after KeepRankOn", later)
			}
			return nil
		})
		if err != nil {
			rt.Fatal(err)
		}
		checkRankSound(rt, b, later, "KeepRankOn")
		// The kept ranking moved again, a day or months on, equals the
		// whole book's ranking of that day.
		again := later.AddDays(rapid.SampledFrom([]int{1, 2, 30, 200}).Draw(rt, "again"))
		if err := b.Update(func(tx *Tx) error { return tx.KeepRankOn(again) }); err != nil {
			rt.Fatal(err)
		}
		checkRankSound(rt, b, again, "KeepRankOn again")
		b.Close()
		if err := RepairIndexes(w.path); err != nil {
			rt.Fatal(err)
		}
		rep, err := Check(w.path)
		if err != nil || !rep.Sound() {
			rt.Fatalf("check after repair: %v %v", err, rep.Problems)
		}
	})
}

// TestCheckFindsRankDamage: a ranking entry changed behind the store's
// back is reported by check and mended by check --repair.
func TestCheckFindsRankDamage(t *testing.T) {
	b, path := newBook(t)
	err := b.Update(func(tx *Tx) error {
		for i := range 3 {
			p := &profile.Profile{Name: fmt.Sprintf("Client %d", i)}
			if err := tx.AddClient(p); err != nil {
				return err
			}
			if err := tx.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.Of(tx.Now()), Amount: profile.Money(100 * (i + 1))}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = b.db.Update(func(tx *bolt.Tx) error {
		c := tx.Bucket(bRank).Cursor()
		k, _ := c.First()
		return tx.Bucket(bRank).Put(k, encodeChunk([]rankEntry{{7, "nobody"}}))
	})
	b.Close()
	rep, err := Check(path)
	if err != nil || rep.Sound() {
		t.Fatalf("check of a damaged ranking: %v, problems %v", err, rep.Problems)
	}
	if err := RepairIndexes(path); err != nil {
		t.Fatal(err)
	}
	if rep, err := Check(path); err != nil || !rep.Sound() {
		t.Fatalf("check after repair: %v %v", err, rep.Problems)
	}
}

// TestDayMoveEqualsWholeBook: a book of many clients with purchases over
// two years, the ranking cut in chunks of a few entries; each day's first
// write (a purchase, or KeepRankOn) moves the kept ranking, days or
// months on or back, many clients at once across many chunks; after each
// move it ranks every client as tiers.Assign ranks the whole book.
func TestDayMoveEqualsWholeBook(t *testing.T) {
	defer func(n int) { rankChunk = n }(rankChunk)
	rapid.Check(t, func(rt *rapid.T) {
		rankChunk = rapid.SampledFrom([]int{2, 3, 4, 8}).Draw(rt, "chunk")
		w := newRandomWrites(t, rt)
		b := w.b
		err := b.Update(func(tx *Tx) error {
			ps := make([]*profile.Profile, rapid.IntRange(5, 40).Draw(rt, "clients"))
			for i := range ps {
				ps[i] = w.fresh()
			}
			if err := tx.AddClients(ps); err != nil {
				return err
			}
			for _, p := range ps {
				w.ids = append(w.ids, p.ID)
			}
			for range rapid.IntRange(len(ps), 4*len(ps)).Draw(rt, "purchases") {
				if err := tx.AddPurchase(w.purchase(civil.Of(w.now))); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			rt.Fatal(err)
		}
		checkRankSound(rt, b, civil.Of(w.now), "the book written")
		for range rapid.IntRange(1, 6).Draw(rt, "moves") {
			w.now = w.now.AddDate(0, 0, rapid.SampledFrom([]int{1, 1, 2, 7, 30, 90, 200, -1, -3, -40}).Draw(rt, "days"))
			day := civil.Of(w.now)
			first := rapid.SampledFrom([]string{"purchase", "KeepRankOn"}).Draw(rt, "first write")
			err := b.Update(func(tx *Tx) error {
				if first == "purchase" {
					return tx.AddPurchase(w.purchase(day))
				}
				return tx.KeepRankOn(day)
			})
			if err != nil {
				rt.Fatal(err)
			}
			checkRankSound(rt, b, day, first+" on "+day.String())
		}
	})
}

// TestRankRefusesMiscountedChunk: a chunk of the ranking that holds
// another number of entries than it says is damaged to Rank as to every
// other reader of it (decodeChunk, check): it ranks no one, as a chunk cut
// short does, rather than ranking by entries its count and the chunks
// after it disagree with.
func TestRankRefusesMiscountedChunk(t *testing.T) {
	b, _ := newBook(t)
	defer b.Close()
	var day civil.Date
	err := b.Update(func(tx *Tx) error {
		day = civil.Of(tx.Now())
		for i := range 3 {
			p := &profile.Profile{Name: fmt.Sprintf("Client %d", i)}
			if err := tx.AddClient(p); err != nil {
				return err
			}
			if err := tx.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: day, Amount: profile.Money(100 * (i + 1))}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rankOf := func(m profile.Money) (rank int) {
		t.Helper()
		err := b.View(func(tx *Tx) error {
			r, ok := tx.SpendRanking(day)
			if !ok {
				return fmt.Errorf("no kept ranking of %s", day)
			}
			rank = r.Rank(m)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return rank
	}
	if got := rankOf(150); got != 3 {
		t.Fatalf("a spend of 150 ranks %d, want 3", got)
	}
	for _, count := range []uint16{2, 4} {
		err = b.db.Update(func(tx *bolt.Tx) error {
			k, v := tx.Bucket(bRank).Cursor().First()
			v = append([]byte(nil), v...)
			v[0], v[1] = byte(count>>8), byte(count)
			return tx.Bucket(bRank).Put(k, v)
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := rankOf(150); got != 0 {
			t.Errorf("a chunk of 3 entries that says %d: a spend of 150 ranks %d, want 0 (damaged)", count, got)
		}
	}
}
