package store

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRadixSort: radixSort orders as slices.Sort does, for numbers of any
// width up to 64 bits, few or many, with duplicates.
func TestRadixSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, width := range []int{1, 11, 12, 22, 33, 51, 64} {
		for _, n := range []int{0, 1, 255, 256, 5000} {
			a := make([]uint64, n)
			for i := range a {
				a[i] = r.Uint64()
				if width < 64 {
					a[i] &= 1<<width - 1
				}
				if i%7 == 0 && i > 0 {
					a[i] = a[i-1]
				}
			}
			want := slices.Sorted(slices.Values(a))
			radixSort(a, width)
			if !slices.Equal(a, want) {
				t.Fatalf("width %d, %d numbers: not sorted as slices.Sort", width, n)
			}
		}
	}
}
