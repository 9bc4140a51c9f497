package report

import (
	"testing"

	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/store"
)

// BenchmarkReport100k answers the ten questions on the cached 100k-client
// demo book (about a million notes): reading every summary, the top
// clients' profiles and purchases and the away clients' notes, and
// building the report.
func BenchmarkReport100k(b *testing.B) {
	path := demobench.Path(b, 100_000)
	book, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer book.Close()
	b.ResetTimer()
	for b.Loop() {
		err := book.View(func(tx *store.Tx) error {
			in, err := Load(tx, demobench.Today)
			if err != nil {
				return err
			}
			if r := Build(in); len(r.Top) != TopN {
				b.Fatalf("top %d", len(r.Top))
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
