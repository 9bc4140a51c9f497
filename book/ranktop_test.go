package book

import (
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/rules"
	"github.com/vipbook/vipbook/store"
)

// TestKeptTopIsTopOf: the first purchase of a day finds the year's top
// spender from what the book keeps (keptTop), without ranking the whole
// book, and finds the one rules.TopOf finds over the whole book: early in
// the year (few buyers, each read) and late (the spend ranking walked
// from the top).
func TestKeptTopIsTopOf(t *testing.T) {
	made := demobench.Today
	b, err := store.Open(demobench.Small(t, 400, 7), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	walked, few := 0, 0
	defer func(n int) { keptTopFew = n }(keptTopFew)
	err = b.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		for _, keptTopFew = range []int{500, 20} {
			for _, today := range []civil.Date{made, made.AddDays(1), made.AddDays(38), made.AddDays(39), made.AddDays(45), made.AddDays(100), made.AddDays(300)} {
				for _, start := range []civil.MonthDay{{}, {Month: time.August, Day: 1}, {Month: time.December, Day: 1}} {
					from := rules.YearFrom(today, start)
					want := rules.TopOf(sums, from, today)
					got, ok, err := keptTop(tx, from, today)
					if err != nil {
						return err
					}
					if !ok {
						t.Fatalf("%s from %s: no kept top", today, from)
					}
					if _, small, _ := tx.BoughtBetween(from, today, keptTopFew); !small {
						walked++
					} else {
						few++
						if got.Buyers != want.Buyers {
							t.Errorf("%s from %s: %d buyers kept, %d in the whole book", today, from, got.Buyers, want.Buyers)
						}
					}
					if got.ClientID != want.ClientID || got.Amount != want.Amount {
						t.Errorf("%s from %s: kept top %s with %v, the whole book's %s with %v", today, from, got.ClientID, got.Amount, want.ClientID, want.Amount)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if walked == 0 || few == 0 {
		t.Errorf("%d tops walked the ranking, %d read the few buyers: want both", walked, few)
	}
}
