// Package termsafe makes text from outside safe to show on a terminal.
//
// Names and notes come from imports, handover bundles and typing; a
// terminal interprets some bytes in them as commands: ESC starts CSI, OSC,
// DCS and APC sequences that can set the window title, clear the screen,
// hide text, plant fake links (OSC 8) or write the clipboard (OSC 52); the
// C1 controls (U+0080–U+009F, such as U+009B, a one-character CSI) do the
// same on some terminals; bidi overrides (U+202A–U+202E, U+2066–U+2069)
// reorder what follows so that text reads differently from what it is.
// Data is not markup: this package turns every such character into a
// visible, inert form, so a hostile name is shown, never obeyed.
//
// The visible forms: a C0 control becomes its Control Picture (ESC is ␛,
// BEL is ␇, CR is ␍), DEL, the C1 controls and the bidi controls become
// the text \uXXXX (the same escape JSON uses, so sanitised JSON output
// still decodes to the original), and invalid UTF-8 becomes U+FFFD. An
// escape sequence is thereby broken at its ESC: what follows it is plain
// printable text.
//
// Line is for one-line fields (names), Text for multi-line ones (notes:
// newline and tab kept), and Writer sanitises a whole output stream as
// Text does.
package termsafe

import (
	"io"
	"strings"
	"unicode/utf8"
)

// Line returns s with every control character, newline and tab included,
// bidi control and invalid UTF-8 replaced by a visible form.
func Line(s string) string { return clean(s, false) }

// Text returns s as Line does, but keeps newlines and tabs.
func Text(s string) string { return clean(s, true) }

// Safe reports whether s holds nothing that Text would change.
func Safe(s string) bool { return needs(s, true) < 0 }

// needs returns the index of the first byte of s that must change, or -1.
func needs(s string, keepLayout bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				if !(keepLayout && (c == '\n' || c == '\t')) {
					return i
				}
			}
			i++
			continue
		}
		// Two- and three-byte characters whose lead byte allows any
		// continuation byte (Latin letters, CJK: most text) and which are
		// no control: checked here without decoding. The C1 controls
		// (lead 0xC2), the bidi controls (0xE2) and the leads with
		// narrower ranges (0xC0, 0xC1, 0xE0, 0xED) are decoded.
		switch {
		case c >= 0xc3 && c <= 0xdf:
			if i+1 < len(s) && s[i+1]&0xc0 == 0x80 {
				i += 2
				continue
			}
		case c >= 0xe3 && c <= 0xef && c != 0xed || c == 0xe1:
			if i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 {
				i += 3
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 || unsafeRune(r) {
			return i
		}
		i += n
	}
	return -1
}

// unsafeRune reports whether r (at or above U+0080) is a C1 control or a
// bidi control that must be shown as \uXXXX.
func unsafeRune(r rune) bool {
	return r >= 0x80 && r <= 0x9f ||
		r >= 0x202a && r <= 0x202e ||
		r >= 0x2066 && r <= 0x2069
}

const hexDigits = "0123456789abcdef"

func clean(s string, keepLayout bool) string {
	i := needs(s, keepLayout)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case keepLayout && (c == '\n' || c == '\t'):
				b.WriteByte(c)
			case c < 0x20:
				b.WriteRune(0x2400 + rune(c)) // Control Pictures: ␀ … ␛ … ␟
			case c == 0x7f:
				b.WriteString(`\u007f`)
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteRune(utf8.RuneError)
		case unsafeRune(r):
			b.WriteString(`\u`)
			b.WriteByte(hexDigits[r>>12&0xf])
			b.WriteByte(hexDigits[r>>8&0xf])
			b.WriteByte(hexDigits[r>>4&0xf])
			b.WriteByte(hexDigits[r&0xf])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Writer sanitises everything written through it as Text does before
// passing it on. A UTF-8 sequence split between two writes is held back
// until its end arrives; Flush writes out (as U+FFFD) a sequence that never
// completed.
type Writer struct {
	w    io.Writer
	held []byte
}

// NewWriter returns a Writer passing sanitised text on to w. Wrapping a
// Writer returns it unchanged.
func NewWriter(w io.Writer) *Writer {
	if tw, ok := w.(*Writer); ok {
		return tw
	}
	return &Writer{w: w}
}

// Unwrap returns the writer the text goes to.
func (tw *Writer) Unwrap() io.Writer { return tw.w }

// Write sanitises p and writes it on. It reports len(p) when the
// sanitised text was written whole.
func (tw *Writer) Write(p []byte) (int, error) {
	buf := p
	if len(tw.held) > 0 {
		buf = append(tw.held, p...)
		tw.held = nil
	}
	// Hold back an incomplete UTF-8 sequence at the end.
	if k := incompleteTail(buf); k > 0 {
		tw.held = append([]byte(nil), buf[len(buf)-k:]...)
		buf = buf[:len(buf)-k]
	}
	if _, err := io.WriteString(tw.w, Text(string(buf))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes out a held incomplete sequence as U+FFFD.
func (tw *Writer) Flush() error {
	if len(tw.held) == 0 {
		return nil
	}
	tw.held = nil
	_, err := io.WriteString(tw.w, string(utf8.RuneError))
	return err
}

// incompleteTail returns how many bytes at the end of p begin a UTF-8
// sequence that is not yet complete (0 to 3).
func incompleteTail(p []byte) int {
	for k := 1; k <= 3 && k <= len(p); k++ {
		c := p[len(p)-k]
		if c < 0x80 {
			return 0
		}
		if c >= 0xc0 { // a lead byte
			if !utf8.FullRune(p[len(p)-k:]) {
				return k
			}
			return 0
		}
	}
	return 0
}
