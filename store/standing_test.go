package store

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
	"pgregory.net/rapid"
)

// checkStandingsKept fails unless every client's standing is the one its
// summary gives and Standings reads from it what the whole summary says
// (status, tier set by hand, purchases, the last visit day), in the order
// asked, leaving out ids of no client.
func checkStandingsKept(t fataler, b *Book, step string) {
	if err := b.View(func(tx *Tx) error {
		whole, err := tx.Summaries()
		if err != nil {
			return err
		}
		ids := []string{"nobody"}
		for i := len(whole) - 1; i >= 0; i-- {
			ids = append(ids, whole[i].ID)
		}
		sts, ok, err := tx.Standings(ids)
		if err != nil || !ok {
			return fmt.Errorf("Standings: ok %v, %v", ok, err)
		}
		if len(sts) != len(whole) {
			return fmt.Errorf("%d standings for %d clients", len(sts), len(whole))
		}
		for i := range sts {
			w, g := &whole[len(whole)-1-i], &sts[i]
			var last []civil.Date
			if n := len(w.VisitDays); n > 0 {
				last = w.VisitDays[n-1:]
			}
			if g.ID != w.ID || g.Status != w.Status || g.Tier != w.Tier || !slices.Equal(g.Spends, w.Spends) || !slices.Equal(g.VisitDays, last) {
				return fmt.Errorf("client %s: standing %s %d %q %v %v, summary %d %q %v last visit %v", w.ID, g.ID, g.Status, g.Tier, g.Spends, g.VisitDays,
					w.Status, w.Tier, w.Spends, last)
			}
			if raw := tx.bucket(bStanding).Get([]byte(w.ID)); string(raw) != string(encodeStanding(w)) {
				return fmt.Errorf("the standing of %s is not its summary's", w.ID)
			}
		}
		if n := tx.bucket(bStanding).Stats().KeyN; n != len(whole) {
			return fmt.Errorf("%d standings kept for %d clients", n, len(whole))
		}
		return nil
	}); err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

// TestKeptStandingsEqualSummaries: after any sequence of writes (clients
// added one by one and in bulk, changed both ways, purchases, visits,
// notes, erased, merged), on a real book file, every client's standing is
// the one its summary gives, Standings reads what the whole summary says,
// and check finds the book sound.
func TestKeptStandingsEqualSummaries(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		w := newRandomWrites(t, rt)
		w.run(14, func(step string) { checkStandingsKept(rt, w.b, step) })
		w.b.Close()
		rep, err := Check(w.path)
		if err != nil || !rep.Sound() {
			rt.Fatalf("check: %v %v", err, rep.Problems)
		}
	})
}

// TestStandingDamageAndUpgrade: a standing that is not its summary's, one
// missing, one of no client and one that does not decode are each
// reported by check, and check --repair writes them again; a missing one
// is damage to Standings, not a client left out. A book without
// standings (written before they came) says so to a read-only reader
// (ranked from the rows then), and its first writable open builds them.
func TestStandingDamageAndUpgrade(t *testing.T) {
	b, path := newBook(t)
	var a, c *profile.Profile
	if err := b.Update(func(tx *Tx) error {
		a, c = &profile.Profile{Name: "王小明", Occupation: "律师"}, &profile.Profile{Name: "李娜", Tier: "VIP"}
		if err := tx.AddClient(a); err != nil {
			return err
		}
		if err := tx.AddClient(c); err != nil {
			return err
		}
		return tx.AddPurchase(&profile.Purchase{ClientID: a.ID, Date: civil.Of(testNow).AddDays(-3), Amount: 12000})
	}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	damageSeenFoundAndRepaired(t, path, bStanding, "standing:", func(i int, b *Book) {
		if i == 1 || i == 3 {
			if err := b.View(func(tx *Tx) error {
				_, _, err := tx.Standings([]string{a.ID, c.ID})
				return err
			}); !errors.Is(err, ErrDamaged) {
				t.Errorf("damage %d: Standings says %v, want damage", i, err)
			}
		}
	},
		func(bk *bolt.Bucket) error {
			s := profile.Summary{ID: a.ID, Tier: "VVIP"}
			return bk.Put([]byte(a.ID), encodeStanding(&s))
		},
		func(bk *bolt.Bucket) error { return bk.Delete([]byte(c.ID)) },
		func(bk *bolt.Bucket) error { return bk.Put([]byte("nobody"), []byte{0, 0, 0, 0}) },
		func(bk *bolt.Bucket) error { return bk.Put([]byte(a.ID), []byte{0, 0, 0, 1}) },
	)
	b, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	b = withoutIndex(t, b, bStanding, func(tx *Tx) string {
		if _, ok, err := tx.Standings([]string{a.ID}); ok || err != nil {
			return fmt.Sprintf("Standings of a book without them: ok %v, %v (want false: rank the rows)", ok, err)
		}
		return ""
	})
	checkStandingsKept(t, b, "first writable open")
	b.Close()
	if rep, err := Check(path); err != nil || !rep.Sound() {
		t.Fatalf("check after the upgrade: %v %v", err, rep.Problems)
	}
}
