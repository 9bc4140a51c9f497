package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vipbook/vipbook/profile"
)

// The search keys a book keeps on write (see store): each is a token
// whose first byte says what it stands for, kept beside the client's id so
// that a search reads the clients whose tokens the query names and no
// other. A word is found by any prefix of it, Chinese text by its
// characters and pairs of characters (so a note saying 喜欢藏青色 is found
// by 藏青 and by 青色), a phone by any run of its digits, a membership
// card by any run of its letters and digits.
const (
	// TokWord is a word of the name, the latin name, a pinyin key of the
	// name (in full and initials, every reading, and from each of its
	// characters on: xiaoming and xm in wangxiaoming), a tag, or a note.
	TokWord = 'w'
	// TokHan is one Chinese character of the name or a tag, or two
	// following ones of the name, a tag or a note.
	TokHan = 'h'
	// TokPhone is a phone number's digits from one position to its end.
	TokPhone = 'p'
	// TokField is a word of a profile field the field filters look at,
	// after the field's name: "fsize:39", "flikes:loafers", "fcity:上海";
	// a word of a size's fit note (fitField): "ffit:narrow";
	// a membership card's number from each of its characters on
	// (cardParts): "fcard:vip8800123", "fcard:ip8800123", ….
	TokField = 'f'
	// TokExact keeps a size whole, for size:CATEGORY=VALUE (sizeExact):
	// "xsize:39\x01shoes", the value's first word, then its category.
	TokExact = 'x'
)

// fitField names the TokField tokens of the sizes' fit notes
// (Summary.Fits): "ffit:narrow". No filter reads them; free text does
// (textFields).
const fitField = "fit"

// sizeUnkept is the TokExact token of a client holding a size no
// SizeExact token can keep (a value's first word holding 0x01, or one too
// long): such clients are matched on their rows.
const sizeUnkept = "size\x01"

// sizeExact returns the TokExact token (without its kind) that keeps a
// size entry v of Facets (CATEGORY=VALUE, folded) whole, as size:C=V
// matches it: V is the value's first word, C any part of the category.
// ok is false when no token can keep it (sizeUnkept stands for it).
func sizeExact(v string) (token string, ok bool) {
	cat, val, _ := strings.Cut(v, "=")
	first, _, _ := strings.Cut(val, " ")
	token = "size:" + first + "\x01" + cat
	if strings.IndexByte(first, 1) >= 0 || len(token)+1 > maxToken {
		return sizeUnkept, false
	}
	return token, true
}

// ClientTokens returns the search keys of a client's summary, sorted and
// distinct: its name, pinyin, tags and phones (found by free text), the
// fields of the field filters, and the words of its sizes' fit notes.
func ClientTokens(s *profile.Summary) []string {
	t := &tokenSet{buf: make([]byte, 0, 512), ends: make([]int, 0, 48)} // room for most clients' (30 tokens, 400 bytes)
	t.text(s.Name, true)
	t.text(s.LatinName, true)
	keys := s.SearchKeys
	if keys == "" && (hasHan(s.Name) || hasHan(s.LatinName)) {
		keys = Keys(s.Name + " " + s.LatinName)
	}
	for _, k := range strings.Fields(keys) {
		t.add(TokWord, fold(k))
	}
	t.givenName(s.Name)
	for _, tag := range s.Tags {
		t.text(tag, true)
		if hasHan(tag) {
			for _, k := range strings.Fields(Keys(tag)) {
				t.add(TokWord, k)
			}
		}
	}
	for _, p := range s.Phones {
		if !allDigits(p) {
			p = profile.Digits(p)
		}
		for i := range len(p) {
			t.add(TokPhone, p[i:])
		}
	}
	if s.City != "" {
		t.field("city", s.City)
		if hasHan(s.City) {
			for _, k := range strings.Fields(Keys(s.City)) {
				t.addAfter(TokField, "city:", k)
			}
		}
	}
	for _, f := range strings.Split(Facets(s), "\x00") {
		name, v, ok := strings.Cut(f, ":")
		switch {
		case !ok:
		case name == "card": // kept from every position below
		case name == "size":
			t.field(name, v)
			x, _ := sizeExact(v)
			t.add(TokExact, x)
		default:
			t.field(name, v)
		}
	}
	for _, c := range s.Cards {
		t.cardParts(c)
	}
	for _, f := range s.Fits {
		t.field(fitField, f)
	}
	return t.sorted()
}

// cardKept is the longest membership card number (NormalizeCard, lower
// case; in bytes) kept from every position: far longer than a card's.
const cardKept = 64

// cardUnkept is the TokField token of a client holding a card number
// longer than cardKept: such clients are matched on their rows.
const cardUnkept = "card\x01"

// cardParts adds a membership card's number (NormalizeCard) from each of
// its characters to its end, after "card:", as a phone's digits are kept:
// a prefix read of "card:" and any part of the number finds it (card:8800
// finds VIP8800123 under card:8800123).
func (t *tokenSet) cardParts(number string) {
	// Folded as a query is (cardOf): a number typed with a Chinese input
	// method (ＶＩＰ７７１２) is found by its ASCII parts, and the reverse.
	c := fold(number)
	if len(c) > cardKept {
		t.add(TokField, cardUnkept)
		return
	}
	for i := range c {
		t.addAfter(TokField, "card:", c[i:])
	}
}

// NoteTokens returns the search keys of a note's text, sorted and
// distinct: its words, and each pair of following Chinese characters.
func NoteTokens(text string) []string {
	t := &tokenSet{}
	t.text(text, false)
	return t.sorted()
}

// EachNoteToken calls fn with each search key of a note's text, as
// NoteTokens gives them but unsorted and maybe more than once, each in a
// buffer good only until fn returns: a bulk load of notes (82k for 10k
// vCards, 540k keys over a few hundred distinct ones) looks each up
// without making a string of it.
func EachNoteToken(text string, fn func(token []byte)) {
	var buf []byte
	eachTextToken(text, false, func(kind byte, v string) {
		if v != "" && len(v) <= maxToken {
			buf = append(append(buf[:0], kind), v...)
			fn(buf)
		}
	})
}

// eachTextToken calls fn with the kind and the value of each key of text
// s: its words, and its Chinese characters in pairs, and single ones too
// when singles is set (a name is searched by one character, a note by two
// or more). Values may be empty or over maxToken (the callers leave them
// out).
func eachTextToken(s string, singles bool, fn func(kind byte, v string)) {
	eachPart(fold(s), func(p string, han bool) {
		if !han {
			fn(TokWord, p)
			return
		}
		grams(p, singles, func(g string) { fn(TokHan, g) })
	})
}

// tokenSet gathers tokens, duplicates and all, and sorts them out at the
// end: cheaper than a map for the few dozen of a client or a note (an
// import of 10k clients makes 400k). Their bytes are gathered in one
// buffer, and the tokens returned are parts of one string: a client's
// tokens are one allocation, not 30 (10k clients' 290k strings, each
// marked by the collector until the import's end).
type tokenSet struct {
	buf  []byte
	ends []int // where each token ends in buf
}

// maxToken is the longest key kept, in bytes: a longer "word" (a run of
// letters pasted into a note) is nothing anyone types, and bbolt refuses
// a key over 32 KiB, which failed the whole write.
const maxToken = 256

func (t *tokenSet) add(kind byte, v string) { t.addAfter(kind, "", v) }

// addAfter adds the token of kind whose value is v after name ("city:"
// and a word of the city), as add(kind, name+v) does.
func (t *tokenSet) addAfter(kind byte, name, v string) {
	if n := len(name) + len(v); n > 0 && n <= maxToken {
		t.buf = append(append(append(t.buf, kind), name...), v...)
		t.ends = append(t.ends, len(t.buf))
	}
}

// sorted returns the tokens sorted, each once.
func (t *tokenSet) sorted() []string {
	if len(t.ends) == 0 {
		return []string{}
	}
	all := string(t.buf)
	toks := make([]string, len(t.ends))
	start := 0
	for i, end := range t.ends {
		toks[i] = all[start:end]
		start = end
	}
	slices.Sort(toks)
	return slices.Clip(slices.Compact(toks))
}

// text adds the keys of s (eachTextToken).
func (t *tokenSet) text(s string, singles bool) { eachTextToken(s, singles, t.add) }

// field adds the words of a field's value after its name.
func (t *tokenSet) field(name, v string) {
	pre := name + ":"
	eachPart(fold(v), func(p string, han bool) {
		if !han {
			t.addAfter(TokField, pre, p)
			return
		}
		grams(p, true, func(g string) { t.addAfter(TokField, pre, g) })
	})
}

// givenName adds the pinyin of the name from its second character on, in
// full and in initials, so that the given name alone finds it (xiaoming,
// xm and ming in 王小明).
func (t *tokenSet) givenName(name string) {
	var rds []string
	for _, r := range name {
		if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			if rd := usualReading(r); rd != "" {
				rds = append(rds, rd)
			}
		}
	}
	for i := 1; i < len(rds); i++ {
		var full, inits strings.Builder
		for _, rd := range rds[i:] {
			full.WriteString(rd)
			inits.WriteByte(rd[0])
		}
		t.add(TokWord, full.String())
		t.add(TokWord, inits.String())
	}
}

// grams calls fn with each pair of following runes of a Chinese run, and
// with each rune alone when singles is set or the run is one rune long
// and singles allowed.
func grams(p string, singles bool, fn func(string)) {
	prev := -1
	for i, r := range p {
		if singles {
			fn(p[i : i+utf8.RuneLen(r)])
		}
		if prev >= 0 {
			fn(p[prev : i+utf8.RuneLen(r)])
		}
		prev = i
	}
}

// isHanRune reports whether r is written as Chinese text is: a Han
// character, or a kana or hangul one (none of them is split into words by
// spaces).
func isHanRune(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul))
}

// eachPart splits folded text into words of letters and digits and runs
// of Chinese characters; punctuation and spaces separate them.
func eachPart(s string, fn func(p string, han bool)) {
	start, han := -1, false
	flush := func(end int) {
		if start >= 0 && end > start {
			fn(s[start:end], han)
		}
		start = -1
	}
	for i, r := range s {
		h := isHanRune(r)
		word := !h && (unicode.IsLetter(r) || unicode.IsDigit(r))
		switch {
		case !h && !word:
			flush(i)
		case start < 0:
			start, han = i, h
		case h != han:
			flush(i)
			start, han = i, h
		}
	}
	flush(len(s))
}
