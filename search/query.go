package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/vipbook/vipbook/profile"
)

// A query is what the associate typed, split into terms that must all
// match (AND):
//
//   - field filters: tier:A, city:上海 (or city:shanghai, city:sh), tag:vip,
//     also written 等级:, 城市:, 标签: and with a full-width colon;
//   - a phone: a run of digits with the usual punctuation (+ - ( ) . and
//     spaces between groups), so "+86 138-0013" is one term;
//   - text: any other word, matched as a fuzzy subsequence of the name,
//     the latin name, a pinyin key or a tag.

type termKind uint8

const (
	textTerm termKind = iota
	phoneTerm
	filterTerm
)

// field is what a filter looks at.
type field uint8

const (
	fieldTier field = iota
	fieldCity
	fieldTag
	fieldSize
	fieldLikes
	fieldDislikes
	fieldCard
	fieldOccupation
	fieldFamily
	fieldStore
)

// facetNames names the profile fields in Facets.
var facetNames = map[field]string{fieldSize: "size", fieldLikes: "likes", fieldDislikes: "dislikes",
	fieldCard: "card", fieldOccupation: "occupation", fieldFamily: "family", fieldStore: "store"}

// filterNames maps what can stand before the colon to the field.
var filterNames = map[string]field{
	"tier": fieldTier, "等级": fieldTier, "级别": fieldTier,
	"city": fieldCity, "城市": fieldCity,
	"tag": fieldTag, "标签": fieldTag,
	"size": fieldSize, "尺码": fieldSize,
	"likes": fieldLikes, "like": fieldLikes, "喜欢": fieldLikes,
	"dislikes": fieldDislikes, "dislike": fieldDislikes, "不喜欢": fieldDislikes,
	"card": fieldCard, "会员卡": fieldCard, "卡号": fieldCard,
	"occupation": fieldOccupation, "职业": fieldOccupation,
	"family": fieldFamily, "家人": fieldFamily,
	"store": fieldStore, "门店": fieldStore,
}

type term struct {
	kind  termKind
	field field    // for a filter
	text  string   // lower-case text, or the filter's lower-case value
	runes []rune   // text as runes when it is not ASCII (nil when it is)
	alts  []string // a phone's digit strings, any of which may match
	mask  uint64   // the characters a document needs to possibly match
	// cards are a text or phone term read as a membership card number
	// (NormalizeCard, lower case) when it can be one (a digit among its
	// letters and digits), and read with the term beside it when the two
	// were typed as one number with a space between letters and digits
	// (VIP 8800123: vip8800123, for both). A client with a card holding
	// one of them matches the term as their name or phone would.
	cards []string
}

type query struct {
	raw   string
	terms []term
}

// Bits of a document's character mask: a-z, then 0-9 of the text, then
// 0-9 of the phones, then "has non-ASCII text".
const (
	maskDigit    = 26
	maskPhone    = 36
	maskCard     = 62 // the client holds a membership card
	maskNonASCII = 63
)

// cardOf reads typed text as a card number: its letters and digits, lower
// case, when a digit is among them ("" otherwise). Like a phone's digits,
// the shortest is a card term already, so that typing on narrows.
func cardOf(typed string) string {
	c := strings.ToLower(profile.NormalizeCard(typed))
	if !strings.ContainsAny(c, "0123456789") {
		return ""
	}
	return c
}

func textMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z':
			m |= 1 << (c - 'a')
		case c >= '0' && c <= '9':
			m |= 1 << (maskDigit + c - '0')
		case c >= utf8.RuneSelf:
			m |= 1 << maskNonASCII
		}
	}
	return m
}

func phoneMask(digits string) uint64 {
	var m uint64
	for i := 0; i < len(digits); i++ {
		m |= 1 << (maskPhone + digits[i] - '0')
	}
	return m
}

// fold brings typed text to the form the index keeps: full-width letters,
// digits and punctuation from a Chinese input method become ASCII, and
// everything is lower case.
func fold(s string) string {
	if t, ok := foldQuick(s); ok {
		return t
	}
	return foldWhole(s)
}

// foldWhole is fold by width folding and lower-casing the whole text.
func foldWhole(s string) string {
	return strings.ToLower(width.Fold.String(strings.ToValidUTF8(s, "")))
}

// foldQuick is fold for text of ASCII, common Chinese characters, Chinese
// and general punctuation and full-width ASCII (a note typed in Chinese),
// without the width transformer (an import folds every note: 40 MB for
// 10k vCards' 82k notes): the full-width forms U+FF01-FF5E are their ASCII
// less 0xFEE0, the ideographic space a space, the rest folds to itself.
// ok is false for other text, which takes foldWhole. Held equal to it by
// TestFoldQuick.
func foldQuick(s string) (string, bool) {
	same := true
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				same = false
			}
		case r == 0x3000, r >= 0xFF01 && r <= 0xFF5E:
			same = false
		case r >= 0x3001 && r <= 0x303F, r >= 0x3400 && r <= 0x9FFF, r >= 0x2000 && r <= 0x206F:
		default:
			return "", false
		}
	}
	if same {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r == 0x3000:
			r = ' '
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		}
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b), true
}

// isPhoneToken reports whether w is made only of digits and the
// punctuation people write phones with.
func isPhoneToken(w string) bool {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= '0' && c <= '9', c == '+', c == '-', c == '(', c == ')', c == '.':
		default:
			return false
		}
	}
	return true
}

// parseQuery splits raw into terms. cc is the book's calling code, used to
// read a phone typed with a trunk or international prefix.
func parseQuery(raw, cc string) query {
	q := query{raw: raw}
	words := strings.Fields(fold(raw))
	textWord := -1 // the word the last term was read from, when a text term
	for i := 0; i < len(words); i++ {
		w := words[i]
		if k, v, ok := strings.Cut(w, ":"); ok {
			if f, known := filterNames[k]; known {
				q.terms = append(q.terms, term{kind: filterTerm, field: f, text: v})
				continue
			}
		}
		if isPhoneToken(w) {
			// Phone groups typed with spaces are one number.
			start := i
			var typed strings.Builder
			for ; i < len(words) && isPhoneToken(words[i]); i++ {
				typed.WriteString(words[i])
			}
			i--
			if t, ok := phoneTermOf(typed.String(), cc); ok {
				t.cards = appendCard(nil, cardOf(typed.String()))
				// Letters typed just before the digits, a space between
				// (VIP 8800123, as a card reads), are read as one card
				// number with them too, for both terms: each still
				// matches as it did on its own.
				if n := len(q.terms); n > 0 && textWord == start-1 {
					if c := cardOf(words[start-1] + typed.String()); c != "" {
						prev := &q.terms[n-1]
						prev.cards = appendCard(prev.cards, c)
						t.cards = appendCard(t.cards, c)
					}
				}
				q.terms = append(q.terms, t)
			}
			continue
		}
		t := term{kind: textTerm, text: w, mask: textMask(w), cards: appendCard(nil, cardOf(w))}
		if !isASCII(w) {
			t.runes = []rune(w)
		}
		q.terms = append(q.terms, t)
		textWord = i
	}
	return q
}

// appendCard appends card c to cards unless it is empty or there already.
func appendCard(cards []string, c string) []string {
	if c == "" || slices.Contains(cards, c) {
		return cards
	}
	return append(cards, c)
}

// phoneTermOf reads a typed phone: its digits as typed match anywhere in a
// number; a number typed with a + or with a trunk or international prefix
// also matches in its normalised form (0086 138… as 86138…, 020… as
// 8620…). A phone without digits ("+", "-") is no term at all.
func phoneTermOf(typed, cc string) (term, bool) {
	digits := profile.Digits(typed)
	if digits == "" {
		return term{}, false
	}
	t := term{kind: phoneTerm, text: digits, alts: []string{digits}, mask: phoneMask(digits)}
	if n := profile.NormalizePhone(typed, cc); n != "" && !strings.Contains(n, digits) {
		t.alts = append(t.alts, n)
		t.mask &= phoneMask(n)
	}
	return t, true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// implies reports whether every document matching t also matches u, so a
// search for a query with t may scan only u's matches.
func (t *term) implies(u *term) bool {
	if t.kind != u.kind {
		return false
	}
	// A client t finds by a card must be among u's: each of t's card
	// readings holds one of u's.
	for _, a := range t.cards {
		if !slices.ContainsFunc(u.cards, func(b string) bool { return strings.Contains(a, b) }) {
			return false
		}
	}
	switch t.kind {
	case filterTerm:
		// Filter values match as prefixes or substrings: a longer value
		// matches fewer.
		// A size's value matches whole (size:shoes=3 is not 39), so a
		// longer size filter may match more: only the same one implies.
		if t.field == fieldSize || u.field == fieldSize {
			return t.field == u.field && t.text == u.text
		}
		return t.field == u.field && strings.HasPrefix(t.text, u.text)
	case phoneTerm:
		// Each way t can match contains a way u matches.
		for _, a := range t.alts {
			found := false
			for _, b := range u.alts {
				if strings.Contains(a, b) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	default:
		// A subsequence of a subsequence of a segment is one too.
		if t.runes == nil && u.runes == nil {
			return isSubsequence(t.text, u.text)
		}
		return isRuneSubsequence(t.text, u.text)
	}
}

// implies reports whether every document matching q matches p: every term
// of p is implied by some term of q.
func (q *query) implies(p *query) bool {
	for i := range p.terms {
		if u := &p.terms[i]; u.kind == filterTerm && u.text == "" {
			continue // "tier:" alone filters nothing yet
		}
		found := false
		for j := range q.terms {
			if q.terms[j].implies(&p.terms[i]) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// isSubsequence reports whether sub's bytes appear in s in order. For
// UTF-8 text this is a cheap superset of the rune subsequence test (a
// rune subsequence is always a byte subsequence).
func isSubsequence(s, sub string) bool {
	for i := 0; i < len(sub); i++ {
		k := strings.IndexByte(s, sub[i])
		if k < 0 {
			return false
		}
		s = s[k+1:]
	}
	return true
}

// isRuneSubsequence reports whether sub's runes appear in s in order.
func isRuneSubsequence(s, sub string) bool {
	for _, r := range sub {
		k := strings.IndexRune(s, r)
		if k < 0 {
			return false
		}
		s = s[k+utf8.RuneLen(r):]
	}
	return true
}

// filterExamples are values each filter takes, for saying what to type
// after a filter typed without one.
var filterExamples = map[field]string{fieldTier: "A", fieldCity: "上海", fieldTag: "vip", fieldSize: "39",
	fieldLikes: "silk", fieldDislikes: "logo", fieldCard: "8800", fieldOccupation: "lawyer",
	fieldFamily: "Wei", fieldStore: "IFC"}

// MissingValue returns the first filter of query typed without its value
// (tier:, or size:shoes= with no size after the =) and the filter as it
// would be typed with one (tier:A, size:shoes=39); ok is false when every
// filter has its value.
func MissingValue(query string) (typed, example string, ok bool) {
	for _, w := range strings.Fields(fold(query)) {
		k, v, found := strings.Cut(w, ":")
		f, known := filterNames[k]
		if !found || !known {
			continue
		}
		if v == "" {
			return w, w + filterExamples[f], true
		}
		if f == fieldSize && strings.HasSuffix(v, "=") {
			return w, w + filterExamples[f], true
		}
	}
	return "", "", false
}
