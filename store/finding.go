package store

import (
	"fmt"
	"regexp"
	"sync"
)

// Finding is a problem Check found, as a code and its arguments, so that
// a front end says it in the associate's language (i18n's Problem): the
// code is the English wording with every argument as %s (the wording is
// its own key, as a message id), the arguments are formatted as the
// wording formats them (a page number, a key in hex). Text is the English
// line the report lists in Problems.
type Finding struct {
	Text string   `json:"text"`
	Code string   `json:"code"`
	Args []string `json:"args,omitempty"`
}

// verb matches a formatting verb of a problem's wording.
var verb = regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z%]`)

// newFinding formats a problem's wording with its arguments: the English
// line, and the code with the arguments each formatted by its verb.
func newFinding(format string, args ...any) Finding {
	f := Finding{Text: fmt.Sprintf(format, args...)}
	i := 0
	f.Code = verb.ReplaceAllStringFunc(format, func(v string) string {
		if v == "%%" {
			return v
		}
		if i < len(args) {
			f.Args = append(f.Args, fmt.Sprintf(v, args[i]))
		}
		i++
		return "%s"
	})
	return f
}

// FindingOf returns the finding of the problem line p of the report, and
// whether the report has one (a line of the meta pages' inspection has
// none: it is said as it is).
func (r *Report) FindingOf(p string) (Finding, bool) {
	for _, f := range r.Findings {
		if f.Text == p {
			return f, true
		}
	}
	return Finding{}, false
}

// bboltPatterns read the problems bbolt's own consistency check reports
// (tx.Check, bbolt v1.5), in its words, into findings with our codes:
// its words are English and carry a stack of pages no one reads.
// They are built on first use: every vipbook process starts the
// package, and its init stays small (cmd/vipbook TestInitCost).
var bboltPatterns = sync.OnceValue(func() []bboltPattern {
	return []bboltPattern{
		{regexp.MustCompile(`^page (\d+): already freed`), "bbolt: page %s is freed twice"},
		{regexp.MustCompile(`^page (\d+): unreachable unfreed`), "bbolt: page %s is neither in use nor free"},
		{regexp.MustCompile(`^page ID \((\d+)\) out of range \[\d+, (\d+)\)`), "bbolt: page %s is outside the book (%s pages)"},
		{regexp.MustCompile(`^unexpected page type \(flags: ([0-9a-f]+)\) for pgId:(\d+)`), "bbolt: a page of an unexpected kind (flags %s) at page %s"},
		{regexp.MustCompile(`^page (\d+): out of bounds: (\d+)`), "bbolt: page %s is outside the book (%s pages)"},
		{regexp.MustCompile(`^page (\d+): multiple references`), "bbolt: page %s is used twice"},
		{regexp.MustCompile(`^page (\d+): reachable freed`), "bbolt: page %s is in use and free at once"},
		{regexp.MustCompile(`^page (\d+): invalid type: (\S+)`), "bbolt: page %s is of an invalid kind (%s)"},
		{regexp.MustCompile(`^.*key\[\d+\]=\(hex\)\S* on \S+ page\((\d+)\)`), "bbolt: the keys of page %s are out of order"},
	}
})

// bboltPattern is bbolt's wording of a problem and our code for it.
type bboltPattern struct {
	re   *regexp.Regexp
	code string
}

// bboltFinding is a problem bbolt's consistency check reported, as a
// finding: a code of ours when its words are known, else "bbolt: %s"
// with bbolt's words.
func bboltFinding(err error) Finding {
	text := err.Error()
	for _, p := range bboltPatterns() {
		if m := p.re.FindStringSubmatch(text); m != nil {
			return Finding{Text: "bbolt: " + text, Code: p.code, Args: m[1:]}
		}
	}
	return Finding{Text: "bbolt: " + text, Code: "bbolt: %s", Args: []string{text}}
}
