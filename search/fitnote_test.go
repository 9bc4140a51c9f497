package search_test

import (
	"path/filepath"
	"slices"
	"testing"

	vbook "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestFitNoteFoundByFreeText: free text finds a client by the words of a
// current size's fit note (runs narrow, 脚背偏高), as by a like's, through
// the kept index vipbook search and the app's search read; a fit note of
// an earlier size of the category is not; a size removed takes its note's
// words out of the index, and the book checks clean throughout (its
// summaries read back from the file).
func TestFitNoteFoundByFreeText(t *testing.T) {
	today, old := keptToday, keptToday.AddDays(-400)
	clients := []*profile.Profile{
		{Name: "王小明", Sizes: []profile.Size{{Category: "shoes", System: "EU", Value: "39", Note: "Runs narrow, half size up", Taken: today}}},
		{Name: "赵敏", Sizes: []profile.Size{{Category: "鞋", Value: "38", Note: "脚背偏高", Taken: today}}},
		{Name: "Vera Lin", Sizes: []profile.Size{{Category: "shoes", Value: "37", Note: "narrow heel", Taken: old}, {Category: "shoes", Value: "38", Taken: today}}},
		{Name: "李娜", Sizes: []profile.Size{{Category: "shoes", Value: "36", Taken: today}}},
	}
	path := filepath.Join(t.TempDir(), "book.db")
	b, err := store.Init(path, store.Meta{Associate: "李娜"}, store.Options{Now: keptNow})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { b.Close() }()
	if err := b.Update(func(tx *store.Tx) error {
		for _, p := range clients {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	find := func(q string, want ...int) {
		t.Helper()
		var ids []string
		for _, i := range want {
			ids = append(ids, clients[i].ID)
		}
		err := b.View(func(tx *store.Tx) error {
			f, err := vbook.FindKept(tx, q, today, config.Default().Tiers, 0)
			if err != nil {
				return err
			}
			var got []string
			for _, s := range f.Clients {
				got = append(got, s.ID)
			}
			slices.Sort(got)
			slices.Sort(ids)
			if !slices.Equal(got, ids) {
				t.Errorf("%q finds %v, want %v", q, got, ids)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// checkClean checks the book (closed for it) and opens it again, its
	// summaries then read back from the file.
	checkClean := func(when string) {
		t.Helper()
		b.Close()
		rep, err := store.Check(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Problems) > 0 {
			t.Errorf("%s: check finds %v", when, rep.Problems)
		}
		if b, err = store.Open(path, store.Options{Now: keptNow}); err != nil {
			t.Fatal(err)
		}
	}
	find("narrow", 0)
	find("narr", 0)
	find("half size", 0)
	find("NARROW 王", 0)
	find("偏高", 1)
	find("脚背", 1)
	find("heel")
	checkClean("after the adds")

	// The shoes removed: their note no longer finds the client.
	if err := b.Update(func(tx *store.Tx) error {
		p, err := tx.Client(clients[0].ID)
		if err != nil {
			return err
		}
		p.Sizes = nil
		return tx.UpdateClient(p)
	}); err != nil {
		t.Fatal(err)
	}
	find("narrow")
	find("偏高", 1)
	checkClean("after the size is removed")

	find("偏高", 1)
}
