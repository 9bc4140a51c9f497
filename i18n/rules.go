package i18n

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/vipbook/vipbook/tasks"
)

func initRules1() {
	for _, m := range []map[Key]string{enRules, enCLI, enReasons} {
		for k, s := range m {
			en[k] = s
		}
	}
	for _, m := range []map[Key]string{zhRules, zhCLI, zhReasons} {
		for k, s := range m {
			zh[k] = s
		}
	}
}

// titleArgs gives each key a rule may title a task with the number of
// arguments its text takes: a phrase with any other code, or another
// number of arguments, is not worded (its stored title shows).
var titleArgs map[Key]int

func titleArgsTable() map[Key]int {
	return map[Key]int{
		TitleThankYou: 0, TitleThankYouFor: 1, TitleCall: 0, TitleCallFor: 1, TitleCare: 0, TitleCareFor: 1,
		TitleService: 0, TitleServiceFor: 1, TitleThankReferrer: 2, TitleWelcome: 2, TitleReferralFollowUp: 2,
		TitleTopSpender: 1, TitleComplaint: 0, TitleTopSpenderYear: 2, TitleCardLapsing: 3,
	}
}

// complaintSteps are the eight steps of complaint handling, in order.
var complaintSteps = []Key{ComplaintStep1, ComplaintStep2, ComplaintStep3, ComplaintStep4,
	ComplaintStep5, ComplaintStep6, ComplaintStep7, ComplaintStep8}

// ComplaintSteps is how many steps complaint handling has.
const ComplaintSteps = 8

// Phrase words a rule's title: p's code with its arguments. ok is false
// when p is not a title this catalog knows how to word.
func (c *Catalog) Phrase(p tasks.Phrase) (s string, ok bool) {
	n, ok := titleArgs[Key(p.Code)]
	if !ok || n != len(p.Args) {
		return "", false
	}
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		args[i] = a
		switch a {
		case tasks.ErasedName:
			args[i] = c.T(TitleErasedClient)
		case tasks.HandedOnName:
			args[i] = c.T(TitleHandedOnClient)
		}
		if i == 0 && Key(p.Code) == TitleCardLapsing {
			args[i] = c.CardLabel(a) // the default schemes' labels in this language
		}
	}
	return c.T(Key(p.Code), args...), true
}

// TaskTitle is a follow-up's title in the catalog's language: a rule's
// task is worded from its phrase; a typed task, or one written before
// phrases were kept, shows its stored title.
//
// A rule's task written before phrases were kept (an origin other than
// manual, no phrase) is read back: when its stored title is a rule's
// title in English or Chinese, it is worded again in this language.
func (c *Catalog) TaskTitle(t *tasks.Task) string {
	if t.Phrase != nil {
		if s, ok := c.Phrase(*t.Phrase); ok {
			return s
		}
	}
	if t.Phrase == nil && t.Origin != "" && t.Origin != "manual" {
		if p, ok := phraseOf(t.Title); ok {
			if s, ok := c.Phrase(p); ok {
				return s
			}
		}
	}
	return t.Title
}

// phraseOf reads back the phrase a rule's title was worded from, in
// English or Chinese (titlePatterns).
func phraseOf(title string) (tasks.Phrase, bool) {
	for _, p := range titlePatterns() {
		if args, ok := p.match(title); ok {
			return tasks.Phrase{Code: string(p.key), Args: args}, true
		}
	}
	return tasks.Phrase{}, false
}

// titlePattern is a rule's title in one language as phraseOf reads it
// back.
type titlePattern struct {
	key   Key
	n     int      // how many arguments the title takes (titleArgs)
	plain string   // the text, each verb as %s (%[2]s too)
	parts []string // plain cut at its verbs (unformatParts)
	order []int    // the argument each %s of plain stands for
}

// titlePatterns are the rules' titles in English and Chinese as phraseOf
// tries them: the titles without arguments first, so "Thank-you message
// for the purchase" is not read as the one with the items. Worked out
// once, from the loaded catalogs (TaskTitle is a Catalog's), not at
// every title read back (a screen reads them at every frame).
var titlePatterns = sync.OnceValue(func() []titlePattern {
	load()
	keys := make([]Key, 0, len(titleArgs))
	for k := range titleArgs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b Key) int {
		return cmp.Or(cmp.Compare(titleArgs[a], titleArgs[b]), cmp.Compare(a, b))
	})
	var ps []titlePattern
	for _, k := range keys {
		for _, tmpl := range []string{en[k], zh[k]} {
			ps = append(ps, indexedPattern(k, tmpl, titleArgs[k]))
		}
	}
	return ps
})

// indexedPattern reads tmpl, a text of n arguments whose verbs may be
// indexed (%[2]s), as a titlePattern of key k.
func indexedPattern(k Key, tmpl string, n int) titlePattern {
	p := titlePattern{key: k, n: n}
	if n == 0 {
		p.plain = tmpl
		return p
	}
	var plain strings.Builder
	for i := 0; i < len(tmpl); i++ {
		switch {
		case strings.HasPrefix(tmpl[i:], "%s"):
			p.order = append(p.order, len(p.order))
			plain.WriteString("%s")
			i++
		case len(tmpl) >= i+5 && tmpl[i+1] == '[' && tmpl[i+3] == ']' && tmpl[i+4] == 's' && tmpl[i] == '%':
			p.order = append(p.order, int(tmpl[i+2]-'1'))
			plain.WriteString("%s")
			i += 4
		default:
			plain.WriteByte(tmpl[i])
		}
	}
	p.plain = plain.String()
	p.parts = strings.Split(p.plain, "%s")
	return p
}

// match is unformat of line by the pattern: its n arguments in their
// order, whatever order the text shows them in.
func (p *titlePattern) match(line string) ([]string, bool) {
	if p.n == 0 {
		return nil, p.plain == line
	}
	if len(p.order) != p.n {
		return nil, false
	}
	got, ok := unformatParts(p.parts, line)
	if !ok || len(got) != p.n {
		return nil, false
	}
	args := make([]string, p.n)
	for i, at := range p.order {
		if at < 0 || at >= p.n {
			return nil, false
		}
		args[at] = got[i].(string)
	}
	return args, true
}

// CheckItem is a checklist step in the catalog's language: a rule's step
// (Step 1 to 8 of a complaint) is worded, a typed one shows its text.
func (c *Catalog) CheckItem(it tasks.CheckItem) string {
	if it.Step >= 1 && it.Step <= len(complaintSteps) {
		return c.T(complaintSteps[it.Step-1])
	}
	return it.Text
}

// ComplaintStep is step n (1 to ComplaintSteps) of complaint handling.
func (c *Catalog) ComplaintStep(n int) string {
	if n < 1 || n > len(complaintSteps) {
		return ""
	}
	return c.T(complaintSteps[n-1])
}

// TaskNote is a follow-up's note in the catalog's language: the lines a
// rule adds when it cancels the task (TaskCancelledDNC,
// TaskCancelledCardKept, TaskCancelledCardLapsed, and
// TaskCancelledOvertaken with its leader and amount, in either language)
// are worded in this one. Other lines are the associate's and stay as
// written.
func (c *Catalog) TaskNote(note string) string {
	if note == "" {
		return ""
	}
	lines := strings.Split(note, "\n")
	for i, l := range lines {
		for _, k := range []Key{TaskCancelledDNC, TaskCancelledCardKept, TaskCancelledCardLapsed, TaskCancelledPurchaseRemoved, TaskCancelledNoteRemoved} {
			if l == en[k] || l == zh[k] {
				lines[i] = c.T(k)
			}
		}
		for _, k := range []Key{TaskCancelledOvertaken} {
			for _, tmpl := range []string{en[k], zh[k]} {
				if args, ok := unformat(tmpl, l); ok {
					lines[i] = c.T(k, args...)
					break
				}
			}
		}
	}
	return strings.Join(lines, "\n")
}

// unformat reads back the %s arguments of a line written from tmpl (a
// catalog text whose only verbs are %s): the text between them must be
// tmpl's own, and each argument is the shortest that lets the rest match.
func unformat(tmpl, line string) ([]any, bool) {
	return unformatParts(strings.Split(tmpl, "%s"), line)
}

// unformatParts is unformat of a text cut at its verbs (strings.Split of
// tmpl by %s).
func unformatParts(parts []string, line string) ([]any, bool) {
	if len(parts) < 2 || !strings.HasPrefix(line, parts[0]) {
		return nil, false
	}
	rest := line[len(parts[0]):]
	var args []any
	for i, lit := range parts[1:] {
		last := i == len(parts)-2
		var at int
		switch {
		case last && lit == "":
			at = len(rest)
		case last:
			if !strings.HasSuffix(rest, lit) {
				return nil, false
			}
			at = len(rest) - len(lit)
		default:
			at = strings.Index(rest, lit)
		}
		if at < 0 {
			return nil, false
		}
		args = append(args, rest[:at])
		rest = rest[at+len(lit):]
	}
	return args, rest == ""
}

// OpenStep is a checklist step an error names: its number in the
// checklist (as `task check` takes it) and the step.
type OpenStep struct {
	N    int
	Item tasks.CheckItem
}

// Steps are the checklist steps an error names (the open steps of a
// case); Catalog.Error words them in its language.
type Steps []OpenStep

// StepList words steps as a numbered list on one line: "7. Compensate
// (a small gift); 8. Confirm satisfaction and thank".
func (c *Catalog) StepList(steps Steps) string {
	parts := make([]string, 0, len(steps))
	for _, st := range steps {
		parts = append(parts, strconv.Itoa(st.N)+". "+c.CheckItem(st.Item))
	}
	sep := "; "
	if c.Lang() == Chinese {
		sep = "；"
	}
	return strings.Join(parts, sep)
}
