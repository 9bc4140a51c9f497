package profile

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
)

// TestCurrentSizesAcrossLanguages: two sizes of one category kept in two
// languages (鞋 39, then shoes 40) are one category: the latest is the
// current size, whichever language either was written in and in
// whichever order they were entered; other categories stay apart.
func TestCurrentSizesAcrossLanguages(t *testing.T) {
	day := func(s string) civil.Date { d, _ := civil.Parse(s); return d }
	for _, tt := range []struct {
		name  string
		sizes []Size
		want  []string // category value, current ones in order
	}{
		{"zh then en", []Size{{Category: "鞋", Value: "39", Taken: day("2024-03-01")}, {Category: "shoes", Value: "40", System: "EU", Taken: day("2025-05-01")}}, []string{"shoes 40"}},
		{"en then zh", []Size{{Category: "Shoes", Value: "40", Taken: day("2024-03-01")}, {Category: "鞋码", Value: "39", Taken: day("2025-05-01")}}, []string{"鞋码 39"}},
		{"entered later, taken earlier", []Size{{Category: "shoes", Value: "40", Taken: day("2025-05-01")}, {Category: "鞋", Value: "39", Taken: day("2024-03-01")}}, []string{"shoes 40"}},
		{"others apart", []Size{{Category: "戒指", Value: "11", Taken: day("2024-03-01")}, {Category: "earrings", Value: "2", Taken: day("2025-01-01")},
			{Category: "ring", Value: "12", Taken: day("2025-05-01")}, {Category: "衬衫", Value: "38", Taken: day("2024-03-01")}, {Category: "jacket", Value: "48", Taken: day("2025-05-01")}},
			[]string{"ring 12", "earrings 2", "衬衫 38", "jacket 48"}},
	} {
		p := &Profile{Sizes: tt.sizes}
		var got []string
		for _, z := range p.CurrentSizes() {
			got = append(got, z.Category+" "+z.Value)
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: current sizes %q, want %q", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: current sizes %q, want %q", tt.name, got, tt.want)
				break
			}
		}
	}
}

// TestSizeCategoryWholeNames: a category is decided on its whole name:
// two garments one of whose names holds the other's (西装裤 and 西装,
// T-shirt and shirt, 鞋垫 and 鞋) are two categories, both current; the
// names of one category in either language, with or without 码 or size,
// are one.
func TestSizeCategoryWholeNames(t *testing.T) {
	for _, pair := range [][2]string{
		{"西装", "西装裤"}, {"suit", "suit trousers"}, {"shirt", "T-shirt"}, {"shirt", "polo shirt"},
		{"tie", "collar"}, {"领带", "领"}, {"insoles", "shoes"}, {"鞋垫", "鞋"}, {"内裤", "牛仔裤"}, {"内裤", "trousers"},
		{"earrings", "ring"}, {"earrings", "rings"}, {"耳环", "戒指"}, {"size", "shoes"}, {"T-shirts", "shirts"},
	} {
		if a, b := SizeCategory(pair[0]), SizeCategory(pair[1]); a == b {
			t.Errorf("%q and %q are one category (%q)", pair[0], pair[1], a)
		}
	}
	for _, pair := range [][2]string{
		{"鞋", "shoes"}, {"鞋码", "shoes"}, {"鞋子", "Shoe Size"}, {"鞋尺码", "shoe"}, {"戒指", "ring"}, {"戒圈", "Ring size"},
		{"西装", "suit"}, {" Waist  Size ", "waist"},
		{"鞋号", "shoes"}, {"戒指尺寸", "ring"}, {"手寸", "ring"}, {"圈口", "手镯"}, {"鞋码数", "鞋"},
		{"rings", "ring"}, {"Dresses", "dress"}, {"watches", "手表"}, {"腰围", "waist"}, {"trouser", "裤子"},
	} {
		if a, b := SizeCategory(pair[0]), SizeCategory(pair[1]); a != b {
			t.Errorf("%q (%q) and %q (%q) are two categories", pair[0], a, pair[1], b)
		}
	}
	day := func(s string) civil.Date { d, _ := civil.Parse(s); return d }
	p := &Profile{Sizes: []Size{
		{Category: "西装裤", Value: "48", Taken: day("2024-03-01")}, {Category: "西装", Value: "50", Taken: day("2025-05-01")},
		{Category: "鞋", Value: "39", Taken: day("2024-03-01")}, {Category: "shoes", Value: "40", Taken: day("2025-05-01")},
		{Category: "鞋码", Value: "41", Taken: day("2025-06-01")}, {Category: "shoes", Value: "39", System: "EU", Taken: day("2025-01-01")},
		{Category: "ring", Value: "11", Taken: day("2024-03-01")}, {Category: "戒指", Value: "12", Taken: day("2025-05-01")},
		{Category: "earrings", Value: "2", Taken: day("2025-06-01")}, {Category: "鞋垫", Value: "40", Taken: day("2025-07-01")},
	}}
	var got []string
	for _, z := range p.CurrentSizes() {
		got = append(got, z.Category+" "+z.Value)
	}
	if want := []string{"西装裤 48", "西装 50", "鞋码 41", "戒指 12", "earrings 2", "鞋垫 40"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("current sizes %q, want %q", got, want)
	}
}
