package termsafe

import "strings"

// Styled returns a drawn frame s (text the program has coloured with SGR
// sequences, as lipgloss does) with the program's colours kept and
// everything else inert: SGR sequences (CSI … m) pass, unless they conceal
// text (SGR 8); every other escape sequence, control character (newline
// and tab kept), bidi control and invalid byte is made visible as Text
// does. It is the last line of defence for a screen whose client data
// should already have gone through Line or Text: it keeps a stray title
// set, clipboard write, link or screen clear from ever reaching the
// terminal. NUL, which widgets use as padding and terminals ignore, is
// dropped.
func Styled(s string) string {
	if needs(s, true) < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\x00", "")
	var b strings.Builder
	b.Grow(len(s) + 16)
	for len(s) > 0 {
		i := strings.IndexByte(s, 0x1b)
		if i < 0 {
			b.WriteString(Text(s))
			break
		}
		b.WriteString(Text(s[:i]))
		s = s[i:]
		if n := sgrLen(s); n > 0 {
			b.WriteString(s[:n])
			s = s[n:]
			continue
		}
		b.WriteRune(0x241b) // ␛
		s = s[1:]
	}
	return b.String()
}

// sgrLen returns the length of the SGR sequence at the start of s (ESC [
// parameters m) when it is one that does not conceal text, else 0.
func sgrLen(s string) int {
	if len(s) < 3 || s[0] != 0x1b || s[1] != '[' {
		return 0
	}
	end := 2
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == ';' || s[end] == ':') {
		end++
	}
	if end >= len(s) || s[end] != 'm' {
		return 0
	}
	params := strings.Split(s[2:end], ";")
	for i := 0; i < len(params); i++ {
		switch params[i] {
		case "8":
			return 0
		case "38", "48", "58": // extended colour: skip its arguments
			if i+1 < len(params) {
				switch params[i+1] {
				case "5":
					i += 2
				case "2":
					i += 4
				}
			}
		}
	}
	return end + 1
}
