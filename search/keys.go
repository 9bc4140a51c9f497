package search

import (
	"strings"
	"unicode"
)

// maxReadings caps the combinations of heteronym readings kept per name, so
// a long name of many-reading characters cannot blow up the index.
const maxReadings = 8

// Keys returns the romanised search keys of a name: the pinyin of its
// Chinese characters in full and as initials, for every reading of
// characters that have several (曾 gives both zeng and ceng), space
// separated and lower case: "王小明 Michael Wang" gives "wangxiaoming wxm".
// Latin words are left out (they are searched as they are written). A
// name without Han characters gives "".
func Keys(name string) string {
	// Each position holds the readings of one syllable.
	var parts [][]string
	for _, r := range name {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		if py := readings(r); len(py) > 0 {
			parts = append(parts, dedupe(py))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	fulls := []string{""}
	inits := []string{""}
	for _, readings := range parts {
		var nf, ni []string
		for _, prefix := range fulls {
			for _, r := range readings {
				if len(nf) < maxReadings {
					nf = append(nf, prefix+r)
				}
			}
		}
		for _, prefix := range inits {
			for _, r := range readings {
				if len(ni) < maxReadings {
					ni = append(ni, prefix+r[:1])
				}
			}
		}
		fulls, inits = nf, dedupe(ni)
	}
	return strings.Join(dedupe(append(fulls, inits...)), " ")
}

func dedupe(in []string) []string {
	out := in[:0:0]
	for _, s := range in {
		dup := false
		for _, o := range out {
			if o == s {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

// surnameReadings are the readings of characters that are read otherwise
// as a family name than in ordinary words (曾 is ceng in 曾经 but Zeng as
// a name; 单 is dan in 单独 but Shan as a name).
var surnameReadings = map[rune]string{
	'曾': "zeng", '单': "shan", '解': "xie", '区': "ou", '仇': "qiu", '朴': "piao",
	'查': "zha", '盖': "ge", '乐': "yue", '覃': "qin", '缪': "miao", '翟': "zhai",
	'召': "shao", '种': "chong", '秘': "bi", '折': "she", '员': "yun", '华': "hua",
	'任': "ren", '沈': "shen", '褚': "chu", '柏': "bai", '重': "chong", '句': "gou",
	'宿': "su", '牟': "mou", '费': "fei", '那': "na", '冼': "xian", '祭': "zhai",
	'逄': "pang", '薄': "bo", '臧': "zang", '曲': "qu", '车': "che", '蔚': "yu",
	'吕': "lv", '尉': "yu", '阚': "kan", '贲': "ben", '隗': "wei", '长': "zhang",
}

// appendPrimary appends the primary full key and initials of name to full
// and inits, reading each character with reading.
func appendPrimary(full, inits []byte, name string, reading func(rune) string) ([]byte, []byte) {
	first := true
	for _, r := range name {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		rd := reading(r)
		if sr, ok := surnameReadings[r]; ok && first {
			rd = sr
		}
		first = false
		if rd != "" {
			full = append(full, rd...)
			inits = append(inits, rd[0])
		}
	}
	return full, inits
}
