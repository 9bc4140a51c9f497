package search_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
)

// BenchmarkFieldQuery measures "who to call when it arrives": the field
// query size:shoes=39 likes:loafers over the 100k bench book, each client
// given a shoe size, a dress size and two likes.
func BenchmarkFieldQuery(b *testing.B) {
	base := benchBook(100_000)
	sums := make([]profile.Summary, len(base))
	copy(sums, base)
	rng := rand.New(rand.NewPCG(3, 3))
	likes := []string{"loafers", "navy", "cashmere", "silk", "sneakers", "black", "linen", "pearls"}
	for i := range sums {
		sums[i].Sizes = []string{fmt.Sprintf("shoes=%d", 35+rng.IntN(10)), fmt.Sprintf("dress=%d", 34+2*rng.IntN(5))}
		sums[i].Likes = []string{likes[rng.IntN(len(likes))], likes[rng.IntN(len(likes))]}
	}
	ix := search.New(sums, search.Options{})
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n = len(ix.Search("size:shoes=39 likes:loafers").All())
	}
	b.ReportMetric(float64(n), "hits")
}
