package store

import (
	"fmt"
	"reflect"
	"runtime"
	"testing"

	"github.com/vipbook/vipbook/profile"
)

// TestSummariesInParts: a book large enough for Summaries to decode in
// parts gives, in key order, exactly the summary each client's own read
// gives, strings and lists included, across the parts' boundaries.
func TestSummariesInParts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 16k-client book")
	}
	// Two parts and an odd split, however many CPUs the machine has: the
	// fewest clients that make decodeSummaries split, and a few more.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	const n = 2*decodePart + 123
	if partCount(n, decodePart) < 2 {
		t.Fatalf("%d summaries make %d part", n, partCount(n, decodePart))
	}
	b, _ := newBook(t)
	ps := make([]*profile.Profile, n)
	for i := range ps {
		ps[i] = &profile.Profile{ID: fmt.Sprintf("c%06d", i), Name: fmt.Sprintf("客人 %d", i),
			Tags: []string{"vip", fmt.Sprintf("t%d", i%7)}, City: []string{"上海", "Paris", ""}[i%3]}
		if i%5 == 0 {
			ps[i].Phones = []profile.Phone{{Number: fmt.Sprintf("138%08d", i)}}
		}
	}
	if err := b.WithoutHooks().Update(func(tx *Tx) error { return tx.AddClients(ps) }); err != nil {
		t.Fatal(err)
	}
	err := b.View(func(tx *Tx) error {
		all, err := tx.Summaries()
		if err != nil {
			return err
		}
		if len(all) != n {
			t.Fatalf("%d summaries, want %d", len(all), n)
		}
		for i, s := range all {
			if s.ID != ps[i].ID {
				t.Fatalf("summary %d is %s, want %s (key order)", i, s.ID, ps[i].ID)
			}
			one, err := tx.Summary(s.ID)
			if err != nil {
				return err
			}
			if !reflect.DeepEqual(s, one) {
				t.Fatalf("summary %d differs from its own read:\n%+v\n%+v", i, s, one)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
