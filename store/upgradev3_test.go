package store

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// TestSummariesV3UpgradedOnOpen: a book whose summaries are of version 3
// keeps the current sizes as the vipbook that wrote them decided them: 鞋
// 39 beside shoes 40 (two categories before b462194), 西装 50 without
// 西装裤 48 (one category at b462194). Read-only, its summaries are read
// afresh from the records (freshen); its next writable open writes them
// afresh (upgradeSummaries) and the kept index with them: size:鞋=39 finds
// nobody, size:西装裤=48 the client.
func TestSummariesV3UpgradedOnOpen(t *testing.T) {
	b, path := newBook(t)
	day := func(y int) civil.Date { return civil.Date{Year: y, Month: 3, Day: 1} }
	p := &profile.Profile{Name: "王小明", Sizes: []profile.Size{
		{Category: "鞋", Value: "39", Taken: day(2024)}, {Category: "shoes", Value: "40", Taken: day(2026)},
		{Category: "西装裤", Value: "48", Taken: day(2024)}, {Category: "西装", Value: "50", Taken: day(2026)},
	}}
	if err := b.Update(func(tx *Tx) error { return tx.AddClient(p) }); err != nil {
		t.Fatal(err)
	}
	stale := []string{"鞋=39", "shoes=40", "西装=50"}
	if err := b.db.Update(func(tx *bolt.Tx) error {
		var s profile.Summary
		if err := decodeSummary(tx.Bucket(bSummaries).Get([]byte(p.ID)), &s, nil); err != nil {
			return err
		}
		s.Sizes = stale
		v3 := encodeSummary(&s)
		v3[0] = summaryV3
		if err := tx.Bucket(bSummaries).Put([]byte(p.ID), v3); err != nil {
			return err
		}
		if err := tx.Bucket(bMeta).Put(kSummaryVersion, []byte(strconv.Itoa(summaryV3))); err != nil {
			return err
		}
		return buildSearchIndex(tx)
	}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	want := []string{"shoes=40", "西装裤=48", "西装=50"}
	sizes := func(b *Book) []string {
		var got []string
		if err := b.View(func(tx *Tx) error {
			s, err := tx.Summary(p.ID)
			got = s.Sizes
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return got
	}
	finds := func(b *Book, q string) int {
		n := 0
		_ = b.View(func(tx *Tx) error {
			ids, _ := tx.SearchKept(q)
			n = len(ids)
			return nil
		})
		return n
	}
	ro, err := Open(path, Options{ReadOnly: true, Now: clock, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	_ = ro.db.View(func(tx *bolt.Tx) error {
		var s profile.Summary
		if err := decodeSummary(tx.Bucket(bSummaries).Get([]byte(p.ID)), &s, nil); err != nil || !slices.Equal(s.Sizes, stale) {
			t.Fatalf("the version 3 summary holds %q (%v), not %q: the test does not test", s.Sizes, err, stale)
		}
		return nil
	})
	if got := sizes(ro); !slices.Equal(got, want) {
		t.Errorf("read-only: the version 3 summary's sizes %q, want %q (read afresh)", got, want)
	}
	ro.Close()
	rw, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	if got := sizes(rw); !slices.Equal(got, want) {
		t.Errorf("after the upgrade the sizes %q, want %q", got, want)
	}
	for q, n := range map[string]int{"size:鞋=39": 0, "size:shoes=40": 1, "size:西装裤=48": 1, "size:西装=50": 1} {
		if got := finds(rw, q); got != n {
			t.Errorf("after the upgrade %s finds %d clients, want %d", q, got, n)
		}
	}
	checkKept(t, rw, "after the version 3 summaries' upgrade")
}
