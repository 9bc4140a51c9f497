package search

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/vipbook/vipbook/profile"
)

// TestFieldFilters: size:, likes:, dislikes:, card:, occupation:,
// family: and store: match the profile's fields, combined with each other
// and with the name.
func TestFieldFilters(t *testing.T) {
	sums := []profile.Summary{
		{ID: "a", Name: "王小明", Sizes: []string{"shoes=39", "dress=38"}, Likes: []string{"loafers", "navy"},
			Dislikes: []string{"logos"}, Cards: []string{"VIP8800123"}, Occupation: "律师", Family: []string{"张伟"}, Store: "Shanghai IFC"},
		{ID: "b", Name: "Anne Dubois", Sizes: []string{"shoes=38"}, Likes: []string{"loafers"}, Occupation: "designer"},
		{ID: "c", Name: "李娜"},
	}
	ix := New(sums, Options{})
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"size:shoes=39", []string{"a"}},
		{"size:shoes=39 likes:loafers", []string{"a"}},
		{"likes:loafers", []string{"a", "b"}},
		{"size:shoes=38 likes:loafers", []string{"b"}},
		{"size:39", []string{"a"}},
		{"size:dress", []string{"a"}},
		{"likes:navy", []string{"a"}},
		{"dislikes:logo", []string{"a"}},
		{"card:vip-8800", []string{"a"}},
		{"会员卡:VIP8800123", []string{"a"}},
		{"occupation:律师", []string{"a"}},
		{"职业:design", []string{"b"}},
		{"family:张伟", []string{"a"}},
		{"store:ifc", []string{"a"}},
		{"likes:loafers anne", []string{"b"}},
		{"size:shoes=40", nil},
		{"size:", []string{"a", "b", "c"}},
	} {
		var got []string
		for _, d := range ix.Search(tt.q).All() {
			got = append(got, sums[d].ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q found %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestFieldFiltersAsTyped: typed a key at a time, as the app's search line
// narrows each query from the results of the one before, a size filter
// still finds its client: size:shoes=3 matches no size, and must not be
// taken as the base of size:shoes=39.
func TestFieldFiltersAsTyped(t *testing.T) {
	sums := []profile.Summary{
		{ID: "a", Name: "王小明", Sizes: []string{"shoes=39"}, Likes: []string{"loafers"}},
		{ID: "b", Name: "Anne Dubois", Sizes: []string{"shoes=38"}, Likes: []string{"loafers"}},
	}
	ix := New(sums, Options{})
	for _, q := range []string{"size:shoes=39 likes:loafers", "likes:loafers size:39"} {
		var prev []*Result
		var res *Result
		for i := 1; i <= len(q); i++ {
			res = ix.Search(q[:i], prev...)
			prev = append(prev, res)
		}
		var got []string
		for _, d := range res.All() {
			got = append(got, sums[d].ID)
		}
		if !slices.Equal(got, []string{"a"}) {
			t.Errorf("%q typed a key at a time found %v, want [a]", q, got)
		}
	}
}

// TestFoldQuick: fold's quick way (foldQuick) gives what the whole fold
// gives, on text it takes and on text it leaves to the whole fold, and on
// every rune it folds alone, within words of both cases.
func TestFoldQuick(t *testing.T) {
	texts := []string{"", "Navy Silk", "shoes=EU 39", "喜欢藏青色", "藏青 Navy", "ＮＡＶＹ", "藏青　色", "Café", "\xffbad", "ﾃｽﾄ", "İstanbul", "a\x00b", "㐀䶵",
		"喜欢藏青色，尺码Ｍ。“周末”——下午…", "Likes NAVY, size M; prefers weekday evenings\n"}
	for _, rg := range [][2]rune{{0, 0x7f}, {0x2000, 0x206f}, {0x3000, 0x303f}, {0x3400, 0x9fff}, {0xff00, 0xff60}} {
		for r := rg[0]; r <= rg[1]; r++ {
			texts = append(texts, string(r), "Ab"+string(r)+"cD")
		}
	}
	quick := 0
	for _, s := range texts {
		if _, ok := foldQuick(s); ok {
			quick++
		}
		if got, want := fold(s), foldWhole(s); got != want {
			t.Errorf("fold(%q) = %q, the whole fold %q", s, got, want)
		}
	}
	if quick < len(texts)*9/10 {
		t.Errorf("%d of %d texts folded the quick way", quick, len(texts))
	}
}

// TestCardNumberAsText: a membership card number typed as it is, with
// no card: before it, finds its client as a phone does, in any format and
// typed a key at a time (the app's / narrows each query from the one
// before): whole, its start, its digits alone; the phone and the name
// still find theirs.
func TestCardNumberAsText(t *testing.T) {
	sums := []profile.Summary{
		{ID: "a", Name: "王小明", Phones: []string{"8613800000001"}, Cards: []string{"VIP8800123"}},
		{ID: "b", Name: "Anne Dubois", Phones: []string{"8613900000002"}},
		{ID: "c", Name: "李娜", Phones: []string{"8613700000003"}, Cards: []string{"GOLD77"}},
	}
	ix := New(sums, Options{})
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"VIP-8800-123", []string{"a"}},
		{"8800 123", []string{"a"}},
		{"VIP8800", []string{"a"}},
		{"8800123", []string{"a"}},
		{"8800-123", []string{"a"}},
		{"gold77", []string{"c"}},
		{"GOLD-77 李娜", []string{"c"}},
		{"13900000002", []string{"b"}},
		{"anne", []string{"b"}},
		{"VIP-9999", nil},
		{"gold", nil},
	} {
		var prev []*Result
		var res *Result
		for i := 1; i <= len(tt.q); i++ {
			res = ix.Search(tt.q[:i], prev...)
			prev = append(prev, res)
		}
		var got, whole []string
		for _, d := range res.All() {
			got = append(got, sums[d].ID)
		}
		for _, d := range ix.Search(tt.q).All() {
			whole = append(whole, sums[d].ID)
		}
		slices.Sort(got)
		slices.Sort(whole)
		if !slices.Equal(got, tt.want) || !slices.Equal(whole, tt.want) {
			t.Errorf("%q found %v typed a key at a time, %v at once; want %v", tt.q, got, whole, tt.want)
		}
	}
}

// TestCardFilterAnyPart (issue 11, point 4): card: matches any part of a
// card's number, its letters and digits whatever separators were typed,
// as a phone's digits match anywhere in the number; typed a key at a
// time too.
func TestCardFilterAnyPart(t *testing.T) {
	sums := []profile.Summary{
		{ID: "a", Name: "王小明", Cards: []string{"VIP8800123"}},
		{ID: "b", Name: "Anne Dubois", Cards: []string{"GOLD5512"}},
		{ID: "c", Name: "李娜"},
	}
	ix := New(sums, Options{})
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"card:8800", []string{"a"}},
		{"card:800-12", []string{"a"}},
		{"card:123", []string{"a"}},
		{"card:0 123", []string{"a"}},
		{"card:vip", []string{"a"}},
		{"card:P88", []string{"a"}},
		{"card:5512", []string{"b"}},
		{"card:12", []string{"a", "b"}},
		{"card:12 anne", []string{"b"}},
		{"会员卡:8800-123", []string{"a"}},
		{"card:9999", nil},
		{"card:8800 card:5512", nil},
	} {
		if got, whole := typedKeyAtATime(ix, sums, tt.q); !slices.Equal(got, tt.want) || !slices.Equal(whole, tt.want) {
			t.Errorf("%q found %v typed a key at a time, %v at once; want %v", tt.q, got, whole, tt.want)
		}
	}
}

// TestCardNumberTypedWithSpace (issue 11, point 4): a card number typed as
// an associate reads it off the card, its letters and digits apart
// (VIP 8800123, VIP 8800 123, VIP8800 123), finds its client as typed
// whole does; and words typed with a number still each have to match, as
// they did (anne with her phone; a name with someone else's card finds
// nobody).
func TestCardNumberTypedWithSpace(t *testing.T) {
	sums := []profile.Summary{
		{ID: "a", Name: "王小明", Phones: []string{"8613800000001"}, Cards: []string{"VIP8800123"}},
		{ID: "b", Name: "Anne Dubois", Phones: []string{"8613900000002"}},
		{ID: "c", Name: "Vip Li", Phones: []string{"8613700008800"}, Tags: []string{"vip"}},
	}
	ix := New(sums, Options{})
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"VIP 8800123", []string{"a"}},
		{"vip 8800 123", []string{"a"}},
		{"VIP8800 123", []string{"a"}},
		{"VIP-8800 123", []string{"a"}},
		{"vip8800123", []string{"a"}},
		{"VIP-8800-123", []string{"a"}},
		{"8800-123", []string{"a"}},
		{"ＶＩＰ ８８００１２３", []string{"a"}},
		{"vip 8800", []string{"a", "c"}}, // c: vip by tag and name, 8800 by phone
		{"anne 13900000002", []string{"b"}},
		{"anne 8800123", nil},
		{"wang 13800000001", []string{"a"}},
		{"wang 8800123", []string{"a"}},
		{"VIP 9999", nil},
		{"GOLD 8800123", nil},
	} {
		if got, whole := typedKeyAtATime(ix, sums, tt.q); !slices.Equal(got, tt.want) || !slices.Equal(whole, tt.want) {
			t.Errorf("%q found %v typed a key at a time, %v at once; want %v", tt.q, got, whole, tt.want)
		}
	}
	// The card's client ranks first among several found.
	if got := ix.Search("VIP 8800").All(); len(got) == 0 || sums[got[0]].ID != "a" {
		t.Errorf("VIP 8800 ranks %v: the card's client should come first", got)
	}
}

// typedKeyAtATime returns the ids (sorted) query finds typed a key at a
// time (each search narrowing from those before, as the app's / does)
// and typed at once.
func typedKeyAtATime(ix *Index, sums []profile.Summary, query string) (typed, whole []string) {
	var prev []*Result
	var res *Result
	for i := 1; i <= len(query); i++ {
		if !utf8.ValidString(query[:i]) {
			continue
		}
		res = ix.Search(query[:i], prev...)
		prev = append(prev, res)
	}
	for _, d := range res.All() {
		typed = append(typed, sums[d].ID)
	}
	for _, d := range ix.Search(query).All() {
		whole = append(whole, sums[d].ID)
	}
	slices.Sort(typed)
	slices.Sort(whole)
	return typed, whole
}
