package profile

import (
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
