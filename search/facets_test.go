package search

import (
	"slices"
	"testing"

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

// TestFoldPlain: foldPlain is fold, on text it takes its quick way with
// and on text it leaves to fold.
func TestFoldPlain(t *testing.T) {
	for _, s := range []string{"", "Navy Silk", "shoes=EU 39", "喜欢藏青色", "藏青 Navy", "ＮＡＶＹ", "藏青　色", "Café", "\xffbad", "ﾃｽﾄ", "İstanbul", "a\x00b", "㐀䶵"} {
		if got, want := foldPlain(s), fold(s); got != want {
			t.Errorf("foldPlain(%q) = %q, fold %q", s, got, want)
		}
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
