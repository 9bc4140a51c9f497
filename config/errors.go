package config

import (
	"errors"
	"fmt"
)

// ErrBadConfig is returned by Load when the file is not valid TOML, has a
// key vipbook does not know, or a value out of range. The message names
// the file and the line and says what to change.
var ErrBadConfig = errors.New("bad config file")

// Error is a config file vipbook cannot use: the file, the line (0 when
// it cannot be told), what is wrong (Problem) and the facts its words
// take (Args). The i18n catalog says it in the language in use; Error()
// is the English, for logs and tests. Every Error but a file that could
// not be read (ProblemRead) is ErrBadConfig.
type Error struct {
	File    string
	Line    int
	Problem Problem
	Args    []any
	read    error // the file system's error, for ProblemRead
}

// Problem says what is wrong with a config file; the comment of each
// gives the Args it comes with.
type Problem string

// The problems a config file can have.
const (
	ProblemRead             Problem = "read"               // the file system's words
	ProblemSyntax           Problem = "syntax"             // the TOML parser's words
	ProblemUnknown          Problem = "unknown"            // the setting
	ProblemNotScheme        Problem = "not_scheme"         // the scheme, the schemes there are
	ProblemNegative         Problem = "negative"           // the setting, its value (whole)
	ProblemNegativeAmount   Problem = "negative_amount"    // the setting, its value
	ProblemFestivalLead     Problem = "festival_lead"      // the value
	ProblemCareEvery        Problem = "care_every"         // none
	ProblemLapseFactor      Problem = "lapse_factor"       // the value
	ProblemLapseDays        Problem = "lapse_days"         // the setting, its value
	ProblemNegativeWeight   Problem = "negative_weight"    // the setting, its value
	ProblemPyramidLevels    Problem = "pyramid_levels"     // none
	ProblemPyramidNoName    Problem = "pyramid_no_name"    // the level's number
	ProblemPyramidTwice     Problem = "pyramid_twice"      // the level
	ProblemPyramidShare     Problem = "pyramid_share"      // the level, its share
	ProblemPyramidShares    Problem = "pyramid_shares"     // the total
	ProblemCardNoLevels     Problem = "card_no_levels"     // the scheme, the scheme
	ProblemCardYearStart    Problem = "card_year_start"    // the scheme, the value
	ProblemCardDowngrade    Problem = "card_downgrade"     // the scheme, the value, the two choices
	ProblemCardNoName       Problem = "card_no_name"       // the scheme, the level's number
	ProblemCardTwice        Problem = "card_twice"         // the scheme, the level
	ProblemCardNegative     Problem = "card_negative"      // the scheme, the level
	ProblemCardNoThreshold  Problem = "card_no_threshold"  // the scheme, the level
	ProblemCardNegativeRule Problem = "card_negative_rule" // the scheme, the level
	ProblemCardRuleUndated  Problem = "card_rule_undated"  // the scheme, the level, the two valid values
	ProblemCardValid        Problem = "card_valid"         // the scheme, the level, its valid, the two valid values
	ProblemCardRenew        Problem = "card_renew"         // the scheme, the level
	ProblemCardVoidUnder    Problem = "card_void_under"    // the scheme, the level
)

// english is the English of each problem, as the catalog's en has it.
var english = map[Problem]string{
	ProblemRead:             "%s",
	ProblemSyntax:           "%s; fix that line, or move the file away to use the defaults",
	ProblemUnknown:          "unknown setting %q; check its spelling against the documented settings, or remove it",
	ProblemNotScheme:        "tiers.scheme %q is not a scheme; use one of %s",
	ProblemNegative:         "%s is %d; it cannot be negative",
	ProblemNegativeAmount:   "%s is %g; it cannot be negative",
	ProblemFestivalLead:     "rhythm.festival_lead_days is %d; it must be 1 to 366 days",
	ProblemCareEvery:        "rhythm.care_every_days must be at least 1 (days between care messages)",
	ProblemLapseFactor:      "rhythm.lapse_factor is %g; it must be more than 0 (2.0 means twice the client's usual gap)",
	ProblemLapseDays:        "%s is %d; it must be at least 1 day",
	ProblemNegativeWeight:   "%s is %g; a weight cannot be negative (0 switches the term off)",
	ProblemPyramidLevels:    "tiers.pyramid needs at least two levels ([[tiers.pyramid.levels]] with name and share)",
	ProblemPyramidNoName:    "pyramid level %d has no name",
	ProblemPyramidTwice:     "pyramid level %q is named twice",
	ProblemPyramidShare:     "pyramid level %q has share %g; write the fraction of clients it takes, between 0 and 1 (0.10 for the top 10%%)",
	ProblemPyramidShares:    "the pyramid's shares add up to %g; they must leave room for the last level (at most 1)",
	ProblemCardNoLevels:     "card scheme %q has no levels ([[tiers.cards.%s.levels]] with name and a threshold)",
	ProblemCardYearStart:    "tiers.cards.%s.year_start %q is not a day of the year; write it as MM-DD, like 08-01",
	ProblemCardDowngrade:    "tiers.cards.%s.downgrade %q: use %q or %q",
	ProblemCardNoName:       "card scheme %q: level %d has no name",
	ProblemCardTwice:        "card scheme %q: level %q is named twice",
	ProblemCardNegative:     "card scheme %q: level %q has a negative threshold",
	ProblemCardNoThreshold:  "card scheme %q: level %q has no threshold; set purchase, day, month or year",
	ProblemCardNegativeRule: "card scheme %q: level %q has a negative void_under, renew or upgrade",
	ProblemCardRuleUndated:  "card scheme %q: level %q sets void_under, renew or upgrade without valid; set valid = %q or %q on every level",
	ProblemCardValid:        "card scheme %q: level %q has valid = %q; every level of a dated scheme needs valid = %q (to the end of the period) or %q (one year from the day reached)",
	ProblemCardRenew:        "card scheme %q: level %q is valid to the period's end; renew is for year cards (use void_under)",
	ProblemCardVoidUnder:    "card scheme %q: level %q is valid one year; void_under is for period cards (use renew)",
}

// Problems lists every problem, for the catalog's test that each has its
// words in every language.
func Problems() []Problem {
	out := make([]Problem, 0, len(english))
	for p := range english {
		out = append(out, p)
	}
	return out
}

func (p Problem) english(args []any) string { return fmt.Sprintf(english[p], args...) }

// Error says the problem in English, after the file and the line.
func (e *Error) Error() string {
	if e.Problem == ProblemRead {
		return fmt.Sprintf("read the config file %s: %s", e.File, e.Problem.english(e.Args))
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s: %s line %d: %s", ErrBadConfig, e.File, e.Line, e.Problem.english(e.Args))
	}
	return fmt.Sprintf("%s: %s: %s", ErrBadConfig, e.File, e.Problem.english(e.Args))
}

// Unwrap is ErrBadConfig, or the file system's error for a file that
// could not be read.
func (e *Error) Unwrap() error {
	if e.Problem == ProblemRead {
		return e.read
	}
	return ErrBadConfig
}
