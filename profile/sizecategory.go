package profile

import (
	"strings"
	"sync"
)

// SizeCategories are the words of one size category in the languages an
// associate types them in (lower case), the category's first word first.
// Search reads them to find either language by a query's word
// (size:shoes=39 and size:鞋=39 find 鞋 39 and shoes 39; size:鞋码= finds
// shoes): a query matches loosely, and decides nothing. Which sizes are
// one category (whose newest is current) is SizeCategory's, on whole
// names (SizeNames), not on these parts. Callers do not change it.
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
	{"bracelet", "手镯", "手链", "圈口"},
	{"necklace", "项链"},
	{"belt", "腰带", "皮带"},
	{"bra", "文胸", "胸罩"},
	{"gloves", "glove", "手套"},
	{"hat", "帽"},
	{"watch", "表带", "手表"},
}

// SizeNames are the whole names of one size category in the languages an
// associate types them in (lower case, without a trailing 码, 尺码 or
// size), the category's first name first: 鞋 39 and shoes 40 are one
// category, 西装裤 48 and 西装 50 are two (a name is matched whole, never
// by a part of it: merging two garments is worse than missing a merge).
// Search's size: filter reads them too, beside SizeCategories, as loosely
// (size:手寸=12 finds ring 12). Callers do not change it.
var SizeNames = [][]string{
	{"shoes", "shoe", "鞋", "鞋子", "鞋号"},
	{"jacket", "外套", "夹克"},
	{"suit", "西装", "西服"},
	{"trousers", "trouser", "pants", "裤", "裤子", "长裤"},
	{"shirt", "衬衫", "衬衣"},
	{"collar", "领", "领围"},
	{"dress", "连衣裙", "礼服"},
	{"skirt", "半身裙"},
	{"coat", "大衣"},
	{"knitwear", "sweater", "毛衣", "针织", "针织衫"},
	{"ring", "戒指", "戒圈", "指圈", "手寸"},
	{"bracelet", "手镯", "手链", "圈口"},
	{"necklace", "项链"},
	{"belt", "腰带", "皮带"},
	{"bra", "文胸", "胸罩"},
	{"gloves", "glove", "手套"},
	{"hat", "帽", "帽子"},
	{"watch", "手表"},
	{"waist", "腰围"},
}

// sizeNameOf maps each of SizeNames' names to its category's first name.
// It is built on first use (sync.OnceValue), not at start: a package's
// start costs every command (TestInitCost).
var sizeNameOf = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, g := range SizeNames {
		for _, w := range g {
			m[w] = g[0]
		}
	}
	return m
})

// SizeCategory returns the category a size's category cat is of, as one
// word whatever the language it was entered in, decided on the whole
// name: cat in lower case, its spaces trimmed and a trailing 码, 尺码 or
// size dropped, is the first name of the SizeNames it is one of (鞋,
// 鞋码, Shoes and shoe size are all "shoes"), else itself (西装裤 is not
// suit, T-shirt not shirt, earrings not ring, 鞋垫 not shoes).
func SizeCategory(cat string) string {
	c := strings.Join(strings.Fields(strings.ToLower(cat)), " ")
	for _, suffix := range []string{"尺码", "尺寸", "码数", "码", " size", "-size", "_size"} {
		if r := strings.TrimSpace(strings.TrimSuffix(c, suffix)); r != c && r != "" {
			c = r
			break
		}
	}
	if g, ok := sizeNameOf()[c]; ok {
		return g
	}
	// An English plural: rings, dresses, watches.
	for _, plural := range []string{"es", "s"} {
		if r, ok := strings.CutSuffix(c, plural); ok && isASCII(r) {
			if g, ok := sizeNameOf()[r]; ok {
				return g
			}
		}
	}
	return c
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
