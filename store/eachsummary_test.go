package store_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestEachSummaryIsSummaries: EachSummary hands every client's summary,
// in id order, equal to what Summaries returns, although it makes each
// one again in the same variable and the same slices; a copy kept by the
// caller stays what it was (its strings are its own).
func TestEachSummaryIsSummaries(t *testing.T) {
	// 400 clients: more than one block of summary bytes (summaryBlock).
	path := demobench.Small(t, 400, 5)
	b, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.View(func(tx *store.Tx) error {
		want, err := tx.Summaries()
		if err != nil {
			return err
		}
		var names []string
		i := 0
		err = tx.EachSummary(func(s *profile.Summary) error {
			if i >= len(want) {
				t.Fatalf("more than the %d summaries", len(want))
			}
			if !reflect.DeepEqual(*s, want[i]) {
				t.Fatalf("client %d (%s): EachSummary\n%+v\nSummaries\n%+v", i, want[i].ID, *s, want[i])
			}
			names = append(names, s.Name)
			i++
			return nil
		})
		if err != nil {
			return err
		}
		if i != len(want) {
			t.Fatalf("EachSummary gave %d summaries, Summaries %d", i, len(want))
		}
		for k := range want {
			if names[k] != want[k].Name {
				t.Fatalf("kept name %d: %q, want %q", k, names[k], want[k].Name)
			}
		}
		if !slices.ContainsFunc(want, func(s profile.Summary) bool { return len(s.Spends) > 0 && len(s.VisitDays) > 0 }) {
			t.Fatal("the demo book has no client with spends and visits: the test proves nothing")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
