package cli

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/demo"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/store"
)

// TestSearchRanksFromKeptRanking: vipbook search ranks the clients the
// kept index finds by tiers from the kept spend ranking, reading only
// them; the answer is the one the tiers of the whole book give (every
// client's tier, the same matches in the same order), on the day of the
// book's last write and on later days before any write moves the ranking.
func TestSearchRanksFromKeptRanking(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.db")
	if _, err := demo.WriteFile(path, demo.Options{Clients: 300, Seed: 5, Today: civil.Of(goldenNow()), Loc: goldenZone}, goldenNow); err != nil {
		t.Fatal(err)
	}
	b, err := store.Open(path, store.Options{ReadOnly: true, Now: goldenNow})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	queries := []string{"wang", "王", "li", "zh", "tag:vip", "city:上海", "size:shoes=40", "likes:silk", "13", "0013", "chen", "张"}
	compared, tiersSeen := 0, map[string]bool{}
	for _, days := range []int{-30, 0, 1, 40, 200, 365} {
		now := func() time.Time { return goldenNow().AddDate(0, 0, days) }
		a := &App{Now: now, WorkFactor: testWorkFactor}
		today := a.today()
		err := b.View(func(tx *store.Tx) error {
			if _, ok := tx.SpendRanking(today); !ok {
				t.Fatalf("+%d days: no kept ranking to read", days)
			}
			all, err := tx.Summaries()
			if err != nil {
				return err
			}
			all = slices.DeleteFunc(all, func(s profile.Summary) bool { return s.Status == profile.Archived })
			wholeTier := a.tierLookup(all, today)
			for _, q := range queries {
				cfg, _ := a.config()
				hits, tierOf, _, err := a.searchBook(tx, q, cfg, 0) // tierOf[i]: the tier of hits[i]
				if err != nil {
					return err
				}
				ids, _ := tx.SearchKept(q)
				found, err := tx.SummariesOf(ids)
				if err != nil {
					return err
				}
				found = slices.DeleteFunc(found, func(s profile.Summary) bool { return s.Status == profile.Archived })
				var want []string
				for _, d := range search.Found(found, q, search.Options{Today: today, Tier: wholeTier, Levels: a.tierLevels(), CountryCode: "86"}) {
					want = append(want, found[d].ID)
				}
				var got []string
				for i := range hits {
					got = append(got, hits[i].ID)
					tiersSeen[tierOf[i]] = true
					if g, w := tierOf[i], wholeTier(&hits[i]); g != w {
						t.Errorf("+%d days %q: client %s has tier %q from the kept ranking, %q from the whole book", days, q, hits[i].ID, g, w)
					}
				}
				if len(want) > 0 && !slices.Equal(got, want) {
					t.Errorf("+%d days %q: kept ranking orders %v, the whole book's tiers %v", days, q, got, want)
				}
				compared += len(got)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(tiersSeen) < 3 {
		t.Errorf("hits in tiers %v only: the test checks too little", tiersSeen)
	}
	if compared < 300 {
		t.Errorf("only %d hits compared: the test checks too little", compared)
	}
}
