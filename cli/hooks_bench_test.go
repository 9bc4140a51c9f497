package cli

import (
	"testing"
	"time"

	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// BenchmarkBuyWithRules measures logging one purchase durably (fsync on
// commit) in the 100k-client demo book with the follow-up rules hooked:
// the rhythm's four tasks and the top-spender check. "cached" is a
// purchase after the first of the day (the standing top spender is in the
// book); "first_of_day" moves the clock a day each time, so every purchase
// moves the kept spend ranking a day (it no longer ranks the whole book);
// "no_rules" is the bare write, for comparison. Each reports p50 and p99
// of the wall time and the CPU per purchase.
func BenchmarkBuyWithRules(b *testing.B) {
	b.Setenv("XDG_CONFIG_HOME", b.TempDir())
	path := demobench.Copy(b, 100_000)
	var ids []string
	{
		book, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		_ = book.View(func(tx *store.Tx) error {
			sums, err := tx.Summaries()
			for i := 0; i < len(sums); i += 97 {
				if !sums[i].DoNotContact {
					ids = append(ids, sums[i].ID)
				}
			}
			return err
		})
		book.Close()
	}
	for _, mode := range []string{"no_rules", "cached", "first_of_day"} {
		b.Run(mode, func(b *testing.B) {
			now := demobench.Now()
			clock := func() time.Time { return now }
			book, err := vb.Open(path, vb.Options{Lang: "en", Now: clock})
			if err != nil {
				b.Fatal(err)
			}
			defer book.Close()
			buy := func(i int) {
				p := &profile.Purchase{ClientID: ids[i%len(ids)], Date: civil.Of(now), Amount: 128000, Items: "silk scarf"}
				var err error
				if mode == "no_rules" {
					// The store's bare write, without the rules.
					err = book.Store().WithoutHooks().Update(func(tx *store.Tx) error { return tx.AddPurchase(p) })
				} else {
					err = book.AddPurchase(p)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
			buy(0) // the day's first purchase moves the ranking to the day
			i := 1
			var lat demobench.Latency
			b.ResetTimer()
			for b.Loop() {
				if mode == "first_of_day" {
					now = now.AddDate(0, 0, 1)
				}
				lat.Time(func() { buy(i) })
				i++
			}
			b.StopTimer()
			lat.Report(b)
		})
	}
}
