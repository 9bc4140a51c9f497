package store

import (
	"bytes"
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

// TestSortKVsAndRanked: sortKVs orders keys as bytes.Compare does and
// ranked strings as strings.Compare, keys of one prefix and shorter than
// it among them ("ab", "ab\x00", "ab\x00\x00..."), all of them
// beginning alike or not, few or many.
func TestSortKVsAndRanked(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte{0, 1, 'a', 'b', 0xff}
	for _, c := range []struct {
		n     int
		begin string
	}{{0, ""}, {1, ""}, {63, ""}, {64, ""}, {3000, ""}, {3000, "+86 2026"}, {300, "\x00\x00\x00\x00\x00\x00\x00\x00\x00"}} {
		n := c.n
		kvs := make([]kv, n)
		list := make([]string, n)
		for i := range kvs {
			k := make([]byte, r.IntN(12))
			for j := range k {
				k[j] = alphabet[r.IntN(len(alphabet))]
			}
			k = append([]byte(c.begin), k...)
			if i%5 == 0 && i > 0 { // one key again, or one longer by a byte
				k = append(slices.Clone(kvs[i-1].k), alphabet[r.IntN(len(alphabet))])[:len(kvs[i-1].k)+r.IntN(2)]
			}
			kvs[i] = kv{k, []byte{byte(i)}}
			list[i] = string(k)
		}
		want := slices.Clone(kvs)
		slices.SortStableFunc(want, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
		sortKVs(kvs)
		for i := range kvs {
			if !bytes.Equal(kvs[i].k, want[i].k) {
				t.Fatalf("%d keys: at %d %q, want %q", n, i, kvs[i].k, want[i].k)
			}
		}
		rk := ranked(list)
		if !slices.Equal(rk.sorted, slices.Sorted(slices.Values(list))) {
			t.Fatalf("%d strings: ranked not in strings.Compare's order", n)
		}
		for i, s := range list {
			if rk.sorted[rk.rank[i]] != s {
				t.Fatalf("%d strings: rank of %q is %d, which holds %q", n, s, rk.rank[i], rk.sorted[rk.rank[i]])
			}
		}
	}
}
