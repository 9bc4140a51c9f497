package phonenumbers

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles its pattern on first use instead of at package init
// (vipbook keeps every package's init under 1 ms; these patterns cost 2 ms).
type lazyRegexp struct {
	once sync.Once
	src  string
	re   *regexp.Regexp
}

func lazyRE(src string) *lazyRegexp { return &lazyRegexp{src: src} }

func (l *lazyRegexp) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

// strictREs holds, by the address of a PhoneNumberDesc, the regexp that
// matches its whole national number pattern ("^(?:pattern)$"). Upstream
// built that string and looked it up in regexCache by it on every use:
// China's fixed-line pattern is about 8 kB, so each use copied and hashed
// 8 kB (most of the cost of validating a Chinese number). The metadata
// are decoded once and kept, so their addresses are stable keys.
var strictREs sync.Map // *PhoneNumberDesc -> *regexp.Regexp

// strictDescRE returns the regexp matching the whole of d's national
// number pattern (nil d: the empty pattern, as GetNationalNumberPattern
// gives).
func strictDescRE(d *PhoneNumberDesc) *regexp.Regexp {
	if d == nil {
		return regexFor("^(?:)$")
	}
	if re, ok := strictREs.Load(d); ok {
		return re.(*regexp.Regexp)
	}
	re := regexFor("^(?:" + d.GetNationalNumberPattern() + ")$")
	strictREs.Store(d, re)
	return re
}

// prefixREs holds, by the address of a territory's PhoneMetadata, the
// regexps matching its national prefix for parsing and its leading digits
// at the start of a number ("^(?:pattern)"): upstream built that text and
// looked the regexp up by it at every number read (vipbook's patch).
var nationalPrefixREs, leadingDigitsREs sync.Map // *PhoneMetadata -> *regexp.Regexp

// startRE returns the regexp of "^(?:" + pattern + ")", kept in cache by
// the metadata m whose pattern it is.
func startRE(cache *sync.Map, m *PhoneMetadata, pattern string) *regexp.Regexp {
	if re, ok := cache.Load(m); ok {
		return re.(*regexp.Regexp)
	}
	re := regexFor("^(?:" + pattern + ")")
	cache.Store(m, re)
	return re
}
