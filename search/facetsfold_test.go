package search

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/profile"
)

// TestFacetsFoldsAsBefore: Facets, which appends each value folded into
// one buffer, gives what joining fold of each trimmed value gives,
// for ASCII, Chinese, accented, full-width and broken text.
func TestFacetsFoldsAsBefore(t *testing.T) {
	vals := []string{"", " ", "Silk", "SILK scarf ", "绿茶", " 上海 Pudong", "Café", "ＶＩＰ８８００", "\xff\xfeX", "ǅ", "İstanbul", "EU 39", "shoes=39"}
	want := func(s *profile.Summary) string {
		var b strings.Builder
		add := func(f, v string) {
			if v = strings.TrimSpace(v); v != "" {
				b.WriteString("\x00" + f + ":" + fold(v))
			}
		}
		for _, v := range s.Sizes {
			add("size", v)
		}
		for _, v := range s.Likes {
			add("likes", v)
		}
		for _, v := range s.Dislikes {
			add("dislikes", v)
		}
		for _, v := range s.Cards {
			add("card", v)
		}
		add("occupation", s.Occupation)
		for _, v := range s.Family {
			add("family", v)
		}
		add("store", s.Store)
		return b.String()
	}
	for i := range 4 * len(vals) {
		v := func(k int) string { return vals[(i*7+k*5)%len(vals)] }
		s := profile.Summary{Likes: []string{v(0), v(1)}, Dislikes: []string{v(2)}, Occupation: v(3), Store: v(4)}
		if i%2 == 0 {
			s.Sizes, s.Cards, s.Family = []string{v(5)}, []string{v(6)}, []string{v(7), v(8)}
		}
		if i%5 == 0 {
			s = profile.Summary{Occupation: v(1)}
		}
		if got, w := Facets(&s), want(&s); got != w {
			t.Fatalf("%q: got %q, want %q", s.Likes, got, w)
		}
	}
}
