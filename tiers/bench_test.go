package tiers_test

// The benchmark on the demo book is an external test: the demo imports
// the rules, which word through i18n, which imports tiers.

import (
	"testing"

	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tiers"
)

// BenchmarkAssignDemo100k assigns tiers on the summaries of the cached
// 100k-client demo book.
func BenchmarkAssignDemo100k(b *testing.B) {
	book, err := store.Open(demobench.Path(b, 100_000), store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	var sums []profile.Summary
	err = book.View(func(tx *store.Tx) error {
		sums, err = tx.Summaries()
		return err
	})
	book.Close()
	if err != nil {
		b.Fatal(err)
	}
	cfg := config.Default().Tiers
	cfg.Currency = "CNY"
	b.ResetTimer()
	for b.Loop() {
		tiers.Assign(sums, demobench.Today, cfg)
	}
}
