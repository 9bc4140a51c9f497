package store

import (
	"fmt"
	"regexp"
)

// Finding is a problem Check found, as a code and its arguments, so that
// a front end says it in the associate's language (i18n's Problem): the
// code is the English wording with every argument as %s (the wording is
// its own key, as a message id), the arguments are formatted as the
// wording formats them (a page number, a key in hex). Text is the English
// line the report lists in Problems.
type Finding struct {
	Text string   `json:"-"`
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
