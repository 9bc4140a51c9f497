package search

import (
	"strings"
	"unicode/utf8"
)

// The scoring rules of github.com/sahilm/fuzzy, which this package follows
// so the list ranks the way fuzzy.Find would: a bonus for matching the
// first character, for a character after a separator, and a growing bonus
// for each character adjacent to the previous match; a penalty for leading
// unmatched characters (capped) and one point per unmatched character.
// The camel-case bonus never applies here, since both sides are lower case.
const (
	firstCharMatchBonus            = 10
	matchFollowingSeparatorBonus   = 20
	adjacentMatchBonus             = 5
	unmatchedLeadingCharPenalty    = -5
	maxUnmatchedLeadingCharPenalty = -15
)

func isSeparator(r rune) bool {
	switch r {
	case '/', '-', '_', ' ', '.', '\\':
		return true
	}
	return false
}

// scoreASCII scores the ASCII pattern pat against s (both lower case)
// exactly as fuzzy.Find scores it, without allocating. ok is false when
// pat is not a subsequence of s. s may hold non-ASCII text: for an ASCII
// pattern, scanning bytes gives the same result as scanning runes.
func scoreASCII(s, pat string) (score int, ok bool) {
	if len(pat) == 0 || len(pat) > len(s) {
		return 0, false
	}
	if len(pat) == 1 {
		return scoreByte(s, pat[0])
	}
	pi := 0
	bestScore, matchedIndex := -1, -1
	currAdj := 0
	matched, lastMatch := 0, -1
	var last byte
	lastIndex := 0
	p := pat[0]
	for j := 0; j < len(s); j++ {
		if matchedIndex < 0 || bestScore < 0 {
			// Nothing happens before the next occurrence of p: skip there.
			k := strings.IndexByte(s[j:], p)
			if k < 0 {
				return 0, false
			}
			if k > 0 {
				j += k
				lastIndex, last = j-1, s[j-1]
			}
		}
		c := s[j]
		if c == p {
			sc := 0
			if j == 0 {
				sc += firstCharMatchBonus
			}
			if j != 0 && isSeparator(rune(last)) {
				sc += matchFollowingSeparatorBonus
			}
			if matched > 0 && lastMatch == lastIndex {
				bonus := currAdj*2 + adjacentMatchBonus
				sc += bonus
				currAdj += bonus
			}
			if sc > bestScore {
				bestScore, matchedIndex = sc, j
			}
		}
		var nextp, nextc byte
		if pi < len(pat)-1 {
			nextp = pat[pi+1]
		}
		if j+1 < len(s) {
			nextc = s[j+1]
		}
		if (nextp == nextc || nextc == 0) && matchedIndex > -1 {
			if matched == 0 {
				bestScore += max(matchedIndex*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
			}
			score += bestScore
			lastMatch = matchedIndex
			matched++
			bestScore = -1
			pi++
			if pi == len(pat) {
				// Nothing left to match: the rest of s only costs the
				// unmatched penalty (fuzzy.Find would scan on to the same
				// end, since it only commits at the end of the text).
				break
			}
			p = pat[pi]
		}
		lastIndex = j
		last = c
	}
	if matched != len(pat) {
		return 0, false
	}
	return score + matched - len(s), true
}

// scoreRunes is scoreASCII for a pattern with non-ASCII characters (a
// Chinese name, say), decoding s rune by rune as fuzzy.Find does.
func scoreRunes(s string, pat []rune) (score int, ok bool) {
	if len(pat) == 0 {
		return 0, false
	}
	pi := 0
	bestScore, matchedIndex := -1, -1
	currAdj := 0
	matched, lastMatch := 0, -1
	var last rune
	lastIndex := 0
	nextc, nextSize := utf8.DecodeRuneInString(s)
	for j := 0; j < len(s); {
		c, size := nextc, nextSize
		if c == pat[pi] {
			sc := 0
			if j == 0 {
				sc += firstCharMatchBonus
			}
			if j != 0 && isSeparator(last) {
				sc += matchFollowingSeparatorBonus
			}
			if matched > 0 && lastMatch == lastIndex {
				bonus := currAdj*2 + adjacentMatchBonus
				sc += bonus
				currAdj += bonus
			}
			if sc > bestScore {
				bestScore, matchedIndex = sc, j
			}
		}
		var nextp rune
		if pi < len(pat)-1 {
			nextp = pat[pi+1]
		}
		if j+size < len(s) {
			nextc, nextSize = utf8.DecodeRuneInString(s[j+size:])
		} else {
			nextc, nextSize = 0, 0
		}
		if (nextp == nextc || nextc == 0) && matchedIndex > -1 {
			if matched == 0 {
				bestScore += max(matchedIndex*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty)
			}
			score += bestScore
			lastMatch = matchedIndex
			matched++
			bestScore = -1
			pi++
			if pi == len(pat) {
				break
			}
		}
		lastIndex = j
		last = c
		j += size
	}
	if matched != len(pat) {
		return 0, false
	}
	return score + matched - len(s), true
}

// scoreByte is scoreASCII for a one-letter pattern: the best occurrence of
// c (the first letter, or one after a separator) with the leading penalty
// for where it is.
func scoreByte(s string, c byte) (score int, ok bool) {
	best, at := -1, -1
	for j := strings.IndexByte(s, c); j >= 0; {
		sc := 0
		if j == 0 {
			sc = firstCharMatchBonus
		} else if isSeparator(rune(s[j-1])) {
			sc = matchFollowingSeparatorBonus
		}
		if sc > best {
			best, at = sc, j
		}
		k := strings.IndexByte(s[j+1:], c)
		if k < 0 {
			break
		}
		j += k + 1
	}
	if at < 0 {
		return 0, false
	}
	return best + max(at*unmatchedLeadingCharPenalty, maxUnmatchedLeadingCharPenalty) + 1 - len(s), true
}
