package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/vipbook/vipbook/civil"
)

// Load reads the config file at path over the defaults: a key the file
// does not set keeps its default, and a missing file gives Default(). A
// table the file defines in an array ([[tiers.pyramid.levels]]) or a card
// scheme it defines ([tiers.cards.NAME]) replaces the default one whole.
// A malformed file gives ErrBadConfig naming the file and the line.
func Load(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return Default(), nil
	}
	if err != nil {
		return Default(), &Error{File: path, Problem: ProblemRead, Args: []any{err.Error()}, read: err}
	}
	return Parse(path, data)
}

// Parse reads a config file's content; name is used in error messages.
func Parse(name string, data []byte) (Config, error) {
	text := string(data)
	var raw map[string]any
	md, err := toml.Decode(text, &raw)
	if err != nil {
		return Default(), badFile(name, text, err)
	}
	cfg := Default()
	if md.IsDefined("tiers", "pyramid", "levels") {
		cfg.Tiers.Pyramid.Levels = nil
	}
	md, err = toml.Decode(text, &cfg)
	if err != nil {
		return Default(), badFile(name, text, err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		k := un[0]
		return Default(), &Error{File: name, Line: lineOf(text, k), Problem: ProblemUnknown, Args: []any{k.String()}}
	}
	if err := cfg.check(); err != nil {
		ce := err.(*checkError)
		return Default(), &Error{File: name, Line: lineOf(text, ce.key), Problem: ce.problem, Args: ce.args}
	}
	return cfg, nil
}

var tomlLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^toml: line (\d+)(?: \(last key "([^"]*)"\))?: (.*)$`)
})

// badFile turns a TOML error into one that names the file and the line.
func badFile(name, text string, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.LastKey != "" {
			msg = fmt.Sprintf("%s (at %s)", msg, pe.LastKey)
		}
		line := pe.Position.Line
		if s := pe.Position.Start; s > 0 && s <= len(text) {
			// The parser counts an unexpected end of line as on the next
			// line; the byte offset says where the mistake is.
			line = 1 + strings.Count(text[:s], "\n")
		}
		return &Error{File: name, Line: line, Problem: ProblemSyntax, Args: []any{msg}}
	}
	if m := tomlLine().FindStringSubmatch(err.Error()); m != nil {
		msg := m[3]
		if m[2] != "" {
			msg = fmt.Sprintf("%s: %s", m[2], msg)
		}
		line, _ := strconv.Atoi(m[1])
		return &Error{File: name, Line: line, Problem: ProblemSyntax, Args: []any{msg}}
	}
	return &Error{File: name, Problem: ProblemSyntax, Args: []any{strings.TrimPrefix(err.Error(), "toml: ")}}
}

// lineOf finds the line (from 1) where key is set in text: the line that
// assigns its last part inside the table of the rest, or the table header.
// It returns 0 when it cannot tell.
func lineOf(text string, key toml.Key) int {
	if len(key) == 0 {
		return 0
	}
	lines := strings.Split(text, "\n")
	table := ""
	want := strings.Join(key[:len(key)-1], ".")
	last := key[len(key)-1]
	full := key.String()
	for i, l := range lines {
		s := strings.TrimSpace(l)
		if strings.HasPrefix(s, "[") {
			name := strings.Trim(strings.TrimSpace(strings.Split(s, "#")[0]), "[] ")
			if name == full {
				return i + 1
			}
			table = name
			continue
		}
		k, _, ok := strings.Cut(s, "=")
		if !ok {
			continue
		}
		k = strings.Trim(strings.TrimSpace(k), `"'`)
		if (table == want && k == last) || (table == "" && k == full) || (table != "" && table+"."+k == full) {
			return i + 1
		}
	}
	return 0
}

// checkError is a value out of range, with the key that holds it.
type checkError struct {
	key     toml.Key
	problem Problem
	args    []any
}

func (e *checkError) Error() string { return e.key.String() + ": " + e.problem.english(e.args) }

func bad(p Problem, args []any, key ...string) error {
	return &checkError{key: toml.Key(key), problem: p, args: args}
}

// check verifies the values a file may have got wrong.
func (c Config) check() error {
	t := c.Tiers
	if t.Scheme != Pyramid {
		if _, ok := t.Cards[t.Scheme]; !ok {
			names := []string{Pyramid}
			for n := range t.Cards {
				names = append(names, n)
			}
			// The map's order is random: the same file must get the same
			// message from every command (TestSearchRefusesBadConfig).
			slices.Sort(names[1:])
			return bad(ProblemNotScheme, []any{t.Scheme, strings.Join(names, ", ")}, "tiers", "scheme")
		}
	}
	if err := t.Pyramid.check(); err != nil {
		return err
	}
	for name, cs := range t.Cards {
		if err := cs.check(name); err != nil {
			return err
		}
	}
	r := c.Rhythm
	for _, f := range []struct {
		key string
		v   int
	}{{"thank_you_day", r.ThankYouDay}, {"call_day", r.CallDay}, {"care_every_days", r.CareEveryDays}, {"care_max", r.CareMax},
		{"service_invite_months", r.ServiceInviteMonths}, {"referral_follow_up_days", r.ReferralFollowUpDays}, {"date_lead_days", r.DateLeadDays}, {"lapse_min_visits", r.LapseMinVisits}} {
		if f.v < 0 {
			return bad(ProblemNegative, []any{"rhythm." + f.key, f.v}, "rhythm", f.key)
		}
	}
	if r.FestivalLeadDays < 1 || r.FestivalLeadDays > 366 {
		return bad(ProblemFestivalLead, []any{r.FestivalLeadDays}, "rhythm", "festival_lead_days")
	}
	if r.TopSpenderMin < 0 {
		return bad(ProblemNegativeAmount, []any{"rhythm.top_spender_min", float64(r.TopSpenderMin)}, "rhythm", "top_spender_min")
	}
	if r.CareEveryDays == 0 {
		return bad(ProblemCareEvery, nil, "rhythm", "care_every_days")
	}
	if r.LapseFactor <= 0 {
		return bad(ProblemLapseFactor, []any{r.LapseFactor}, "rhythm", "lapse_factor")
	}
	for tier, d := range r.LapseDays {
		if d <= 0 {
			return bad(ProblemLapseDays, []any{"rhythm.lapse_days." + tier, d}, "rhythm", "lapse_days", tier)
		}
	}
	u := c.Urgency
	for _, f := range []struct {
		key string
		v   float64
	}{{"overdue", u.Overdue}, {"due", u.Due}, {"tier", u.Tier}, {"date_proximity", u.DateProximity}, {"since_touch", u.SinceTouch}, {"special_person", u.SpecialPerson}} {
		if f.v < 0 {
			return bad(ProblemNegativeWeight, []any{"urgency." + f.key, f.v}, "urgency", f.key)
		}
	}
	if u.MaxSinceTouch < 0 {
		return bad(ProblemNegativeAmount, []any{"urgency.max_since_touch", float64(u.MaxSinceTouch)}, "urgency", "max_since_touch")
	}
	return nil
}

func (p PyramidScheme) check() error {
	if len(p.Levels) < 2 {
		return bad(ProblemPyramidLevels, nil, "tiers", "pyramid", "levels")
	}
	seen := map[string]bool{}
	total := 0.0
	for i, l := range p.Levels {
		if strings.TrimSpace(l.Name) == "" {
			return bad(ProblemPyramidNoName, []any{i + 1}, "tiers", "pyramid", "levels")
		}
		if seen[l.Name] {
			return bad(ProblemPyramidTwice, []any{l.Name}, "tiers", "pyramid", "levels")
		}
		seen[l.Name] = true
		if i == len(p.Levels)-1 {
			break // the last level takes the rest
		}
		if l.Share <= 0 || l.Share >= 1 {
			return bad(ProblemPyramidShare, []any{l.Name, l.Share}, "tiers", "pyramid", "levels")
		}
		total += l.Share
	}
	if total > 1.0000001 {
		return bad(ProblemPyramidShares, []any{total}, "tiers", "pyramid", "levels")
	}
	return nil
}

func (c CardScheme) check(name string) error {
	key := []string{"tiers", "cards", name}
	if len(c.Levels) == 0 {
		return bad(ProblemCardNoLevels, []any{name, name}, key...)
	}
	if c.YearStart != "" {
		md, err := civil.ParseMonthDay(c.YearStart)
		if err != nil || md.Year != 0 || (md.Month == 2 && md.Day == 29) {
			return bad(ProblemCardYearStart, []any{name, c.YearStart}, append(key, "year_start")...)
		}
	}
	switch c.Downgrade {
	case "", DowngradeOneLevel, DowngradeToQualified:
	default:
		return bad(ProblemCardDowngrade, []any{name, c.Downgrade, DowngradeOneLevel, DowngradeToQualified}, append(key, "downgrade")...)
	}
	dated := c.Dated()
	seen := map[string]bool{}
	for i, l := range c.Levels {
		if err := l.checkDated(name, dated, key); err != nil {
			return err
		}
		if strings.TrimSpace(l.Name) == "" {
			return bad(ProblemCardNoName, []any{name, i + 1}, key...)
		}
		if seen[l.Name] {
			return bad(ProblemCardTwice, []any{name, l.Name}, key...)
		}
		seen[l.Name] = true
		if l.Purchase < 0 || l.Day < 0 || l.Month < 0 || l.Year < 0 {
			return bad(ProblemCardNegative, []any{name, l.Name}, key...)
		}
		if l.Purchase == 0 && l.Day == 0 && l.Month == 0 && l.Year == 0 && l.Upgrade == 0 {
			return bad(ProblemCardNoThreshold, []any{name, l.Name}, key...)
		}
	}
	return nil
}

// checkDated verifies a level's validity rules: every level of a dated
// scheme says how long its card is valid, and each rule fits it.
func (l CardLevel) checkDated(scheme string, dated bool, key []string) error {
	if l.VoidUnder < 0 || l.Renew < 0 || l.Upgrade < 0 {
		return bad(ProblemCardNegativeRule, []any{scheme, l.Name}, key...)
	}
	switch {
	case !dated && (l.VoidUnder > 0 || l.Renew > 0 || l.Upgrade > 0):
		return bad(ProblemCardRuleUndated, []any{scheme, l.Name, ValidPeriod, ValidYear}, key...)
	case !dated:
		return nil
	case l.Valid != ValidPeriod && l.Valid != ValidYear:
		return bad(ProblemCardValid, []any{scheme, l.Name, l.Valid, ValidPeriod, ValidYear}, key...)
	case l.Valid == ValidPeriod && l.Renew > 0:
		return bad(ProblemCardRenew, []any{scheme, l.Name}, key...)
	case l.Valid == ValidYear && l.VoidUnder > 0:
		return bad(ProblemCardVoidUnder, []any{scheme, l.Name}, key...)
	}
	return nil
}
