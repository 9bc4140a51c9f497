package phonenumbers

// vipbook's patch: answers, without running a regular expression, what
// some of the library's patterns decide on a number written the plain
// way, in ASCII digits, spaces and + - ( ) . / (noExtensionMark): nearly
// every number a phone or a spreadsheet exports. Any other text goes to
// the pattern as before. TestPlainAgreesWithPatterns (plain_test.go)
// compares each answer with its pattern's on random plain strings and on
// ones with a character from anywhere added.

// viablePlain decides VALID_PHONE_NUMBER_PATTERN for a plain string s
// (ok false: s is not plain, ask the pattern). The pattern takes two
// digits alone, or any plus signs then at least three digits among
// punctuation; a '+' anywhere else is none of its characters.
func viablePlain(s string) (viable, ok bool) {
	if !noExtensionMark(s) {
		return false, false
	}
	i := 0
	for i < len(s) && s[i] == '+' {
		i++
	}
	digits := 0
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == '+':
			return false, true
		case c >= '0' && c <= '9':
			digits++
		}
	}
	return digits >= 3 || (digits == 2 && len(s) == 2), true
}

// extractPlain is extractPossibleNumber of a plain string s (ok false:
// s is not plain): from its first '+' or digit on. Neither
// UNWANTED_END_CHAR_PATTERN (as Go reads it, it needs "&&" and ']') nor
// SECOND_NUMBER_START_PATTERN (it needs an 'x') matches plain text.
func extractPlain(s string) (string, bool) {
	if !noExtensionMark(s) {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '+' || (c >= '0' && c <= '9') {
			return s[i:], true
		}
	}
	return "", true
}

// asciiNoLetter reports whether s is all ASCII and holds no letter:
// VALID_ALPHA_PHONE_PATTERN (three letters) cannot match it, and its
// digits are ASCII ones.
func asciiNoLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			return false
		}
	}
	return true
}

// asciiDigits returns the ASCII digits of s, which holds ASCII only.
func asciiDigits(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b)
}

// leadingPlus returns the end of the run of plus signs s starts with, as
// PLUS_CHARS_PATTERN finds it at the start (0: s does not start with
// one); ok false when s starts with a byte past ASCII or the run ends on
// one (a full-width plus may go on), for the pattern to decide.
func leadingPlus(s []byte) (end int, ok bool) {
	for end < len(s) && s[end] == '+' {
		end++
	}
	if end < len(s) && s[end] >= 0x80 {
		return 0, false
	}
	return end, true
}
