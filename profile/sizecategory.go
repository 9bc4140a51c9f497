package profile

import (
	"slices"
	"strings"
	"unicode"
)

// SizeCategories are the words of one size category in the languages an
// associate types them in (lower case), the category's first word first:
// a size kept as 鞋 39 and one kept as shoes 39 are of one category,
// whoever entered them and in whichever language (the app's hint
// suggests 鞋, the demo and an English colleague write shoes). Search
// finds either by size:shoes=39 and by size:鞋=39; SizeCategory makes
// them one category, whose newest size is the current one. A category
// not listed is itself. Callers do not change it.
var SizeCategories = [][]string{
	{"shoes", "shoe", "鞋"},
	{"jacket", "外套", "夹克"},
	{"suit", "西装", "西服"},
	{"trousers", "pants", "裤"},
	{"shirt", "衬衫", "衬衣"},
	{"collar", "领"},
	{"dress", "连衣裙", "礼服"},
	{"skirt", "半身裙"},
	{"coat", "大衣"},
	{"knitwear", "sweater", "毛衣", "针织"},
	{"ring", "戒"},
	{"bracelet", "手镯", "手链"},
	{"necklace", "项链"},
	{"belt", "腰带", "皮带"},
	{"bra", "文胸", "胸罩"},
	{"gloves", "glove", "手套"},
	{"hat", "帽"},
	{"watch", "表带", "手表"},
}

// SizeCategory returns the category a size's category cat is of, as one
// word whatever the language it was entered in: the first word of the
// first of SizeCategories that cat names (鞋, 鞋码, Shoes and shoe size
// are all "shoes"), else cat itself in lower case. A Chinese word is
// named when cat holds it (鞋码 holds 鞋), another when it is one of
// cat's words (earrings is not ring).
func SizeCategory(cat string) string {
	c := strings.ToLower(strings.TrimSpace(cat))
	words := strings.FieldsFunc(c, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	for _, g := range SizeCategories {
		for _, w := range g {
			if r := []rune(w)[0]; unicode.Is(unicode.Han, r) && strings.Contains(c, w) || slices.Contains(words, w) {
				return g[0]
			}
		}
	}
	return c
}
