package book

import (
	"fmt"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/store"
)

// TestFieldQueryReadsPrintedRows: a query of field filters the kept index
// answers whole (size:shoes=39, likes:silk, occupation:律师) is ranked from
// the clients' standings, and the search rows read are those printed
// (and a client's whose last visit is after the day asked); the clients,
// their order, their tiers, their lines and how many were found are what
// ranking every found client's row gives (FindKept), on the day of the
// book's last write and on later and earlier days. A value the index does
// not answer whole (three Chinese characters, punctuation, a card) is
// checked on every row found, as before.
func TestFieldQueryReadsPrintedRows(t *testing.T) {
	b, err := store.Open(demobench.Small(t, 400, 3), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	cfg := config.Default().Tiers
	const shown = 5
	fewer := 0
	err = b.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		queries := []string{"size:shoes=39", "size:shoes=39 likes:silk", "occupation:律师", "likes:silk", "size:ring=12 likes:navy",
			"occupation:律师事务所", "likes:t-shirt", "card:88", "size:shoes=39 王"}
		for _, today := range []civil.Date{demobench.Today, demobench.Today.AddDays(1), demobench.Today.AddDays(40), demobench.Today.AddDays(-30)} {
			later := map[string]bool{} // clients whose last visit is after today
			for i := range sums {
				if v := sums[i].VisitDays; len(v) > 0 && v[len(v)-1].After(today) {
					later[sums[i].ID] = true
				}
			}
			for _, q := range queries {
				_, _, exact := tx.SearchKeptExact(q)
				wantExact := q != "occupation:律师事务所" && q != "likes:t-shirt" && q != "card:88" && q != "size:shoes=39 王"
				if exact != wantExact {
					t.Errorf("%q: answered whole by the index %v, want %v", q, exact, wantExact)
				}
				all, err := FindKept(tx, q, today, cfg, 0)
				if err != nil {
					return err
				}
				top, err := FindKeptTop(tx, q, today, cfg, shown)
				if err != nil {
					return err
				}
				if top.Found != all.Found {
					t.Errorf("on %s, %q: %d found ranked from standings, %d from rows", today, q, top.Found, all.Found)
				}
				n := min(shown, len(all.Clients))
				if len(top.Clients) != n || len(top.Tiers) != n {
					t.Fatalf("on %s, %q: %d clients given, want %d", today, q, len(top.Clients), n)
				}
				for i := range top.Clients {
					if g, w := fmt.Sprintf("%+v %s", top.Clients[i], top.Tiers[i]), fmt.Sprintf("%+v %s", all.Clients[i], all.Tiers[i]); g != w {
						t.Errorf("on %s, %q, client %d:\n got %s\nwant %s", today, q, i, g, w)
					}
				}
				if !exact {
					if top.Found > 0 && top.RowsRead < top.Found {
						t.Errorf("on %s, %q: %d rows read for %d found, want each checked", today, q, top.RowsRead, top.Found)
					}
					continue
				}
				// A row is read once: for each client printed, and for each
				// found whose last visit is after the day (printed or not).
				visitedLater, read := 0, n
				for i, c := range all.Clients {
					if later[c.ID] {
						visitedLater++
						if i >= n {
							read++
						}
					}
				}
				if top.RowsRead != read {
					t.Errorf("on %s, %q: %d rows read to print %d, want %d (%d clients found, %d seen last after the day)", today, q, top.RowsRead, n, read, top.Found, visitedLater)
				}
				if top.RowsRead < top.Found {
					fewer++
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fewer == 0 {
		t.Error("no query read fewer rows than it found")
	}
}
