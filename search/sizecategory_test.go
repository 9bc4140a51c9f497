package search_test

import (
	"slices"
	"testing"

	vbook "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/store"
)

// TestSizeCategoriesAcrossLanguages: a size kept under its category in
// Chinese (鞋 39, as the app's hint suggests) and one kept in English
// (shoes 39, as the demo and an English colleague write it) are both found
// by size:shoes=39 and by size:鞋=39 (and 鞋码, sho), by the kept index
// and by the whole book alike; another size or category is not.
func TestSizeCategoriesAcrossLanguages(t *testing.T) {
	today := keptToday
	size := func(cat, value string) []profile.Size {
		return []profile.Size{{Category: cat, System: "EU", Value: value, Taken: today}}
	}
	clients := []*profile.Profile{
		{Name: "王小明", Sizes: size("鞋", "39")},
		{Name: "Anne Dubois", Sizes: size("shoes", "39")},
		{Name: "李娜", Sizes: size("shoes", "40")},
		{Name: "赵敏", Sizes: size("戒指", "12")},
		{Name: "Vera Lin", Sizes: size("ring", "12")},
		{Name: "周杰", Sizes: size("西装", "39")},
	}
	b := keptBookOf(t, clients, nil)
	defer b.Close()
	for _, tt := range []struct {
		q    string
		want []int
	}{
		{"size:shoes=39", []int{0, 1}},
		{"size:鞋=39", []int{0, 1}},
		{"size:鞋码=39", []int{0, 1}},
		{"size:sho=39", []int{0, 1}},
		{"size:shoe=40", []int{2}},
		{"size:ring=12", []int{3, 4}},
		{"size:戒指=12", []int{3, 4}},
		{"size:suit=39", []int{5}},
		{"size:39", []int{0, 1, 5}},
		{"size:鞋=41", nil},
	} {
		var want []string
		for _, i := range tt.want {
			want = append(want, clients[i].ID)
		}
		findsBothWays(t, b, today, tt.q, want)
	}
}

// TestSizeTwoGarmentsBothCurrent: 西装裤 48 (suit trousers) taken before
// 西装 50 (suit) are two garments, both current and both found
// (size:西装=50, size:西装裤=48), by the kept index and by the whole book;
// 鞋 39 taken before shoes 40 is one category, 39 history and not found.
func TestSizeTwoGarmentsBothCurrent(t *testing.T) {
	today := keptToday
	old := today.AddDays(-400)
	clients := []*profile.Profile{
		{Name: "周杰", Sizes: []profile.Size{{Category: "西装裤", Value: "48", Taken: old}, {Category: "西装", Value: "50", Taken: today}}},
		{Name: "王小明", Sizes: []profile.Size{{Category: "鞋", Value: "39", Taken: old}, {Category: "shoes", Value: "40", Taken: today}}},
	}
	b := keptBookOf(t, clients, nil)
	defer b.Close()
	for _, tt := range []struct {
		q    string
		want []int
	}{
		{"size:西装=50", []int{0}},
		{"size:西装裤=48", []int{0}},
		{"size:shoes=40", []int{1}},
		{"size:鞋=39", nil},
	} {
		var want []string
		for _, i := range tt.want {
			want = append(want, clients[i].ID)
		}
		findsBothWays(t, b, today, tt.q, want)
	}
}

// TestSizeFilterKnowsSizeNames: the size names profile knows a category
// by (profile.SizeNames: 鞋号, 手寸 for ring, 圈口 for bracelet, 腰围 and
// waist, a trailing 尺寸 or 码数, English plurals) name it in a size:
// filter too, either way round: size:手寸=12 finds ring 12, and
// size:ring=12 finds 手寸 12; by the kept index and by the whole book.
func TestSizeFilterKnowsSizeNames(t *testing.T) {
	today := keptToday
	size := func(cat, value string) []profile.Size {
		return []profile.Size{{Category: cat, Value: value, Taken: today}}
	}
	clients := []*profile.Profile{
		{Name: "王小明", Sizes: size("shoes", "39")},
		{Name: "赵敏", Sizes: size("鞋号", "39")},
		{Name: "Vera Lin", Sizes: size("ring", "12")},
		{Name: "李娜", Sizes: size("手寸", "12")},
		{Name: "周杰", Sizes: size("腰围", "76")},
		{Name: "Tom Hale", Sizes: size("waist", "76")},
		{Name: "陈静", Sizes: size("bracelet", "58")},
		{Name: "刘洋", Sizes: size("圈口", "58")},
		{Name: "孙丽", Sizes: size("belt", "76")},
	}
	b := keptBookOf(t, clients, nil)
	defer b.Close()
	for _, tt := range []struct {
		q    string
		want []int
	}{
		{"size:鞋号=39", []int{0, 1}},
		{"size:shoes=39", []int{0, 1}},
		{"size:鞋码数=39", []int{0, 1}},
		{"size:手寸=12", []int{2, 3}},
		{"size:ring=12", []int{2, 3}},
		{"size:rings=12", []int{2, 3}},
		{"size:手寸尺寸=12", []int{2, 3}},
		{"size:腰围=76", []int{4, 5}},
		{"size:waist=76", []int{4, 5}},
		{"size:圈口=58", []int{6, 7}},
		{"size:bracelet=58", []int{6, 7}},
		{"size:手寸=39", nil},
	} {
		var want []string
		for _, i := range tt.want {
			want = append(want, clients[i].ID)
		}
		findsBothWays(t, b, today, tt.q, want)
	}
}

// findsBothWays checks that query q finds the clients want (their ids) and
// no other, by the kept index (book.FindKept, as vipbook search and the
// app read it) and by the whole book (search.Index, its strong matches).
func findsBothWays(t *testing.T, b *store.Book, today civil.Date, q string, want []string) {
	t.Helper()
	want = slices.Sorted(slices.Values(want))
	err := b.View(func(tx *store.Tx) error {
		f, err := vbook.FindKept(tx, q, today, config.Default().Tiers, 0)
		if err != nil {
			return err
		}
		var got []string
		for _, s := range f.Clients {
			got = append(got, s.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%q: the kept index finds %v, want %v", q, got, want)
		}
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		var whole []string
		for _, d := range search.Strong(search.New(sums, search.Options{Today: today}).Search(q)) {
			whole = append(whole, sums[d].ID)
		}
		slices.Sort(whole)
		if !slices.Equal(whole, want) {
			t.Errorf("%q: the whole book finds %v, want %v", q, whole, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
