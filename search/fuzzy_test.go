package search

import (
	"slices"
	"testing"

	"github.com/sahilm/fuzzy"
	"pgregory.net/rapid"
)

// The scorers must agree with fuzzy.Find on lower-case text: same matches,
// same scores.
func TestScoreMatchesSahilmFuzzy(t *testing.T) {
	alphabet := []rune("abcxyz -_./\\王小明")
	str := func(min, max int) *rapid.Generator[string] {
		return rapid.Custom(func(t *rapid.T) string {
			return string(rapid.SliceOfN(rapid.SampledFrom(alphabet), min, max).Draw(t, "runes"))
		})
	}
	rapid.Check(t, func(t *rapid.T) {
		s := str(0, 24).Draw(t, "s")
		pat := str(1, 5).Draw(t, "pat")
		want := fuzzy.Find(pat, []string{s})
		var got int
		var ok bool
		if isASCII(pat) {
			got, ok = scoreASCII(s, pat)
		} else {
			got, ok = scoreRunes(s, []rune(pat))
		}
		if ok != (len(want) == 1) {
			t.Fatalf("score(%q, %q) matched=%v, fuzzy.Find found %d", s, pat, ok, len(want))
		}
		if ok && got != want[0].Score {
			t.Fatalf("score(%q, %q) = %d, fuzzy.Find says %d", s, pat, got, want[0].Score)
		}
		if !isASCII(pat) {
			return
		}
		// The rune scorer gives the same for ASCII patterns too.
		if g2, ok2 := scoreRunes(s, []rune(pat)); ok2 != ok || g2 != got {
			t.Fatalf("scoreRunes(%q, %q) = %d %v, scoreASCII %d %v", s, pat, g2, ok2, got, ok)
		}
	})
}

func TestScoreExamples(t *testing.T) {
	tests := []struct {
		s, pat string
		ok     bool
	}{
		{"wangxiaoming", "wxm", true},
		{"wxm", "wxm", true},
		{"wangxiaoming", "wmx", false},
		{"王小明", "王明", true},
		{"王小明", "明王", false},
		{"", "a", false},
		{"a", "ab", false},
	}
	for _, tt := range tests {
		var ok bool
		if isASCII(tt.pat) {
			_, ok = scoreASCII(tt.s, tt.pat)
		} else {
			_, ok = scoreRunes(tt.s, []rune(tt.pat))
		}
		if ok != tt.ok {
			t.Errorf("score(%q, %q) ok = %v, want %v", tt.s, tt.pat, ok, tt.ok)
		}
	}
	// A whole match scores above a prefix, a prefix above a scattered one.
	exact, _ := scoreASCII("wxm", "wxm")
	prefix, _ := scoreASCII("wxmz", "wxm")
	scattered, _ := scoreASCII("wangxiaoming", "wxm")
	if !(exact > prefix && prefix > scattered) {
		t.Errorf("scores exact %d, prefix %d, scattered %d: want decreasing", exact, prefix, scattered)
	}
}

// selectTop then sorting the front must give the true top k.
func TestSelectTop(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		a := rapid.SliceOfNDistinct(rapid.Uint64Range(0, 1000), 0, 300, rapid.ID).Draw(t, "a")
		k := rapid.IntRange(0, len(a)).Draw(t, "k")
		want := slices.Clone(a)
		slices.Sort(want)
		slices.Reverse(want)
		selectTop(a, k)
		got := slices.Clone(a[:k])
		slices.Sort(got)
		slices.Reverse(got)
		if !slices.Equal(got, want[:k]) {
			t.Fatalf("top %d = %v, want %v", k, got, want[:k])
		}
	})
}

func TestQueryImplies(t *testing.T) {
	tests := []struct {
		narrow, wide string
		want         bool
	}{
		{"wan", "wa", true},
		{"wa", "wan", false},
		{"wang li", "wang", true},
		{"wang", "wang li", false},
		{"wxm", "wm", true},
		{"王小明", "王明", true},
		{"王明", "王小明", false},
		{"1380013", "138", true},
		{"138 0013", "1380", true},
		{"+86 138", "138", true},
		{"13", "138", false},
		{"tier:a", "tier:", true},
		{"tier:a", "tier", false},
		{"city:shang", "city:sh", true},
		{"city:sh", "tag:sh", false},
		{"city:北京", "city:上海", false},
		{"wang", "tier:", true},
		{"tier:a li", "tier:a", true},
		{"1a", "1", false},
		{"", "", true},
		{"wang", "", true},
	}
	for _, tt := range tests {
		n, w := parseQuery(tt.narrow, "86"), parseQuery(tt.wide, "86")
		if got := n.implies(&w); got != tt.want {
			t.Errorf("%q implies %q = %v, want %v", tt.narrow, tt.wide, got, tt.want)
		}
	}
}
