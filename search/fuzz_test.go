package search_test

import (
	"slices"
	"testing"

	"github.com/vipbook/vipbook/search"
)

// Queries are typed or pasted by people: any text must search without a
// panic, and narrowing from the query's prefix must give what a fresh
// search gives.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"wxm", "zxf", "shanlina", "138 0013", "+86 138-0013", "tier:A li", "城市：上海 wxm",
		"tag:vip city:paris", "１３８", "王小", "tier:", ":", "a:b:c", "\x00", "\xff\xfe", "( ) - .", "0086 1"} {
		f.Add(q, 2)
	}
	sums := book()
	ix := search.New(sums, search.Options{Today: today, CountryCode: "86"})
	f.Fuzz(func(t *testing.T, q string, cut int) {
		fresh := ix.Search(q)
		all := fresh.All()
		if len(all) != fresh.Len() {
			t.Fatalf("Search(%q): All has %d, Len %d", q, len(all), fresh.Len())
		}
		for _, d := range all {
			if d < 0 || d >= len(sums) {
				t.Fatalf("Search(%q) gave client %d of %d", q, d, len(sums))
			}
		}
		if cut < 0 || cut > len(q) {
			return
		}
		narrowed := ix.Search(q, ix.Search(q[:cut]))
		if !slices.Equal(narrowed.All(), all) {
			t.Fatalf("Search(%q) from %q = %v, fresh = %v", q, q[:cut], narrowed.All(), all)
		}
	})
}
