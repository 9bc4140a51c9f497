package store

import (
	"errors"
	"fmt"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// checkStandingsKept fails unless every client's standing is the one its
// summary gives and Standings reads from it what the whole summary says
// (checkKeptPerClient): status, tier set by hand, purchases, the last
// visit day.
func checkStandingsKept(t fataler, b *Book, step string) {
	checkKeptPerClient(t, b, step, bStanding, "standing", encodeStanding, (*Tx).Standings, func(s *profile.Summary) string {
		var last []civil.Date
		if n := len(s.VisitDays); n > 0 {
			last = s.VisitDays[n-1:]
		}
		return fmt.Sprintf("%s %d %q %v last visit %v", s.ID, s.Status, s.Tier, s.Spends, last)
	})
}

// TestKeptStandingsEqualSummaries: after any sequence of writes, every
// client's standing is the one its summary gives, Standings reads what
// the whole summary says, and check finds the book sound
// (keptEqualsSummaries).
func TestKeptStandingsEqualSummaries(t *testing.T) {
	keptEqualsSummaries(t, checkStandingsKept)
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
