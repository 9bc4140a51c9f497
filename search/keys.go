package search

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
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
	args := pinyin.NewArgs()
	args.Heteronym = true
	// Each position holds the readings of one syllable.
	var parts [][]string
	for _, r := range name {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		if py := pinyin.SinglePinyin(r, args); len(py) > 0 {
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
