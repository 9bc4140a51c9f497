package store

import (
	"fmt"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
	"pgregory.net/rapid"
)

// fataler is what the brief test helpers need of testing.T and rapid.T.
type fataler interface {
	Helper()
	Fatalf(format string, args ...any)
}

// briefKept returns the brief records as kept in the book.
func briefKept(t fataler, b *Book) map[string]string {
	out := map[string]string{}
	if err := b.db.View(func(tx *bolt.Tx) error {
		bk := tx.Bucket(bBrief)
		if bk == nil {
			return fmt.Errorf("no brief bucket")
		}
		return bk.ForEach(func(k, v []byte) error {
			out[string(k)] = string(v)
			return nil
		})
	}); err != nil {
		t.Fatalf("brief records: %v", err)
	}
	return out
}

// briefRebuilt returns the brief records rebuilt from the summaries.
func briefRebuilt(t fataler, b *Book) map[string]string {
	out := map[string]string{}
	if err := b.View(func(tx *Tx) error {
		sums, err := tx.Summaries()
		for i := range sums {
			out[sums[i].ID] = string(encodeBrief(&sums[i]))
		}
		return err
	}); err != nil {
		t.Fatalf("summaries: %v", err)
	}
	return out
}

// briefFields is what the briefing reads of a summary.
func briefFields(s *profile.Summary, today int) string {
	r, _ := s.RhythmOn(today, nil)
	return fmt.Sprintf("%s|%s|%s|%s|%s|%d|%+v|%v|%v|%v|%+v|%+v|%+v", s.ID, s.Name, s.LatinName, s.DisplayName(), s.Country, s.Status,
		s.Special, s.DoNotContact, s.LastContact, s.Created, r, s.Dates, s.Spends)
}

// checkBriefKept fails unless the kept records are the rebuilt ones, and
// the briefing's summaries (BriefSummaries) say what the whole summaries
// say, on a day after every visit and on a day before some.
func checkBriefKept(t fataler, b *Book, step string) {
	checkSituationsKept(t, b, step)
	kept, want := briefKept(t, b), briefRebuilt(t, b)
	if len(kept) != len(want) {
		t.Fatalf("%s: %d brief records for %d clients", step, len(kept), len(want))
	}
	for id, v := range want {
		if kept[id] != v {
			t.Fatalf("%s: the brief record of %s is not the rebuilt one", step, id)
		}
	}
	for _, today := range []civil.Date{civil.Of(testNow).AddDays(30), civil.Of(testNow).AddDays(-20)} {
		if err := b.View(func(tx *Tx) error {
			whole, err := tx.Summaries()
			if err != nil {
				return err
			}
			lean, ok, err := tx.BriefSummaries(today)
			if err != nil || !ok {
				return fmt.Errorf("BriefSummaries: ok %v, %v", ok, err)
			}
			if len(lean) != len(whole) {
				return fmt.Errorf("%d brief summaries for %d clients", len(lean), len(whole))
			}
			for i := range whole {
				if g, w := briefFields(&lean[i], today.DayNumber()), briefFields(&whole[i], today.DayNumber()); g != w {
					return fmt.Errorf("on %s, client %d:\n got %s\nwant %s", today, i, g, w)
				}
				one, err := tx.BriefSummary(whole[i].ID, today)
				if err != nil {
					return err
				}
				if g, w := briefFields(&one, today.DayNumber()), briefFields(&whole[i], today.DayNumber()); g != w {
					return fmt.Errorf("BriefSummary on %s, client %d:\n got %s\nwant %s", today, i, g, w)
				}
			}
			return nil
		}); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
}

// TestKeptBriefEqualsRebuild: after any sequence of writes (clients added
// one by one and in bulk, changed both ways, purchases, visits, calls,
// situations, erased, merged), on a real book file, the brief records
// kept on write are those rebuilt from the summaries, the briefing reads
// from them what the whole summaries say, the situation notes' index
// holds the situations among every note, and check finds the book sound.
func TestKeptBriefEqualsRebuild(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		w := newRandomWrites(t, rt)
		w.run(14, func(step string) { checkBriefKept(rt, w.b, step) })
		w.b.Close()
		rep, err := Check(w.path)
		if err != nil || !rep.Sound() {
			rt.Fatalf("check: %v %v", err, rep.Problems)
		}
	})
}

// TestCheckFindsBriefDamage: a brief record that is not its summary's
// (changed behind the store's back), one missing and one of no client are
// each reported by check; check --repair (RepairIndexes) writes them again
// and the book is sound. A book without the bucket (written before it
// came) gets it at its first writable open.
func TestCheckFindsBriefDamage(t *testing.T) {
	b, path := newBook(t)
	var a, c *profile.Profile
	if err := b.Update(func(tx *Tx) error {
		a, c = &profile.Profile{Name: "王小明", Country: "CN"}, &profile.Profile{Name: "李娜"}
		if err := tx.AddClient(a); err != nil {
			return err
		}
		return tx.AddClient(c)
	}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	damageFoundAndRepaired(t, path, bBrief, "brief:",
		func(bk *bolt.Bucket) error {
			s := profile.Summary{ID: a.ID, Name: "王小明", Country: "FR"}
			return bk.Put([]byte(a.ID), encodeBrief(&s))
		},
		func(bk *bolt.Bucket) error { return bk.Delete([]byte(c.ID)) },
		func(bk *bolt.Bucket) error { return bk.Put([]byte("nobody"), []byte{briefVersion}) },
	)
	b, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bBrief) }); err != nil {
		t.Fatal(err)
	}
	b.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := ro.View(func(tx *Tx) error {
		if _, ok, err := tx.BriefSummaries(civil.Of(testNow)); ok || err != nil {
			t.Errorf("BriefSummaries of a book without brief records: ok %v, %v (want false: read Summaries)", ok, err)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	ro.Close()
	b, err = Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	checkBriefKept(t, b, "first writable open")
	b.Close()
}
