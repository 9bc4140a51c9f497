package search

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// maxReadings caps the combinations of heteronym readings kept per name, so
// a long name of many-reading characters cannot blow up the index.
const maxReadings = 8

// Keys returns the romanised search keys of a name: its pinyin in full and
// as initials, for every reading of characters that have several (曾 gives
// both zeng and ceng), space separated and lower case. Latin letters and
// digits in the name are kept as they are. A name without Han characters
// gives "".
func Keys(name string) string {
	args := pinyin.NewArgs()
	args.Heteronym = true
	hasHan := false
	// Each position holds the readings of one syllable or latin word.
	var parts [][]string
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			parts = append(parts, []string{strings.ToLower(word.String())})
			word.Reset()
		}
	}
	for _, r := range name {
		switch {
		case unicode.Is(unicode.Han, r):
			flush()
			hasHan = true
			py := pinyin.SinglePinyin(r, args)
			if len(py) == 0 {
				continue
			}
			parts = append(parts, dedupe(py))
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			word.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	if !hasHan {
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
