package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSizeMeasureChecked: vipbook size and measure refuse a measurement
// that is no number, a unit and a size system vipbook does not know, and
// a size with no letter or digit, saying what is wrong and what is taken,
// in English and Chinese, and write nothing; the values associates type
// (39.5, 7 1/2, M, 42R, 175/92A, 98,5, 34 1/2, 15½, 82cm, full-width
// digits, eu, 欧码, inch, 厘米) are taken, spelled as the book keeps them.
func TestSizeMeasureChecked(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			book := smallBook(t)
			say := func(en, zh string) string { return map[string]string{"en": en, "zh": zh}[lang] }
			for _, c := range []struct {
				args     []string
				out      string   // in stdout when taken
				refusals []string // in the error when refused
			}{
				{args: []string{"measure", "王小明", "chest", "abc"}, refusals: []string{say(`"abc"`, "“abc”"), say("is not a measurement", "不是尺寸数值"), "98.5"}},
				{args: []string{"measure", "王小明", "chest", "0"}, refusals: []string{say("above 0", "大于 0")}},
				{args: []string{"measure", "王小明", "chest", "98", "--unit", "zz"}, refusals: []string{"zz", say("Unknown unit", "不认识单位"), "cm mm in"}},
				{args: []string{"measure", "王小明", "chest", "38in", "--unit", "cm"}, refusals: []string{"38in", say("but the unit is cm", "但单位是 cm")}},
				{args: []string{"measure", "王小明", "chest", "38in"}, out: "chest 38 in"}, // one unit typed, in the value: --unit's cm is only a default
				{args: []string{"size", "王小明", "shoes", "39", "--system", "ZZ"}, refusals: []string{"ZZ", say("Unknown size system", "不认识尺码标准"), "EU US UK"}},
				{args: []string{"size", "王小明", "shoes", "???"}, refusals: []string{"???", say("is not a size", "不是尺码")}},
				{args: []string{"measure", "王小明", "chest", "98,5"}, out: "chest 98,5 cm"},
				{args: []string{"measure", "王小明", "sleeve", "34 1/2", "--unit", "inch"}, out: "sleeve 34 1/2 in"},
				{args: []string{"measure", "王小明", "neck", "15½", "--unit", "IN"}, out: "neck 15½ in"},
				{args: []string{"measure", "王小明", "waist", "82cm"}, out: "waist 82 cm"},
				{args: []string{"measure", "王小明", "hip", "９６", "--unit", "厘米"}, out: "hip 96 cm"},
				{args: []string{"measure", "王小明", "ring_inner", "17.3mm", "--unit", "mm"}, out: "ring_inner 17.3 mm"},
				{args: []string{"size", "王小明", "shoes", "39.5", "--system", "欧码"}, out: "shoes 39.5 EU"},
				{args: []string{"size", "王小明", "loafers", "7 1/2", "--system", "us"}, out: "loafers 7 1/2 US"},
				{args: []string{"size", "王小明", "jacket", "42R", "--system", "IT"}, out: "jacket 42R IT"},
				{args: []string{"size", "王小明", "shirt", "M", "--system", "letter"}, out: "shirt M INT"},
				{args: []string{"size", "王小明", "top", "175/92A", "--system", "CN"}, out: "top 175/92A CN"},
				{args: []string{"size", "王小明", "collar", "39", "--system", "CM"}, out: "collar 39 cm"},
				{args: []string{"size", "王小明", "dress", "均码"}, out: "dress 均码"},
			} {
				out, _, err := runLang(book, lang, "", c.args...)
				if len(c.refusals) > 0 {
					if err == nil {
						t.Fatalf("vipbook %q was taken: %s", c.args, out)
					}
					for _, s := range c.refusals {
						if !strings.Contains(err.Error(), s) {
							t.Errorf("vipbook %q: %q does not say %q", c.args, err, s)
						}
					}
					continue
				}
				if err != nil || !strings.Contains(out, c.out) {
					t.Fatalf("vipbook %q: %q, %v; want it taken as %q", c.args, out, err, c.out)
				}
			}
			out, _, err := runLang(book, lang, "", "show", "王小明", "--json")
			if err != nil {
				t.Fatal(err)
			}
			var d ClientDetail
			if err := json.Unmarshal([]byte(out), &d); err != nil {
				t.Fatal(err)
			}
			p := d.Profile
			if len(p.Measurements) != 7 || len(p.Sizes) != 7 {
				t.Fatalf("%d measurements, %d sizes kept; want 7 and 7 (nothing refused written):\n%s", len(p.Measurements), len(p.Sizes), out)
			}
		})
	}
}
