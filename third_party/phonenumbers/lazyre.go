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
