package termsafe

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// Hostile is a corpus of names and notes made of what a terminal obeys.
var Hostile = []string{
	"\x1b]52;c;cHduZWQ=\x07",                                // OSC 52: write the clipboard
	"\x1b]8;;https://evil.example/\x1b\\Anne\x1b]8;;\x1b\\", // OSC 8 link
	"\x1b]0;PWNED\x07",                                      // window title
	"\x1b[2J\x1b[H",                                         // clear the screen
	"\x1b[8mhidden\x1b[0m",                                  // CSI hidden colour
	"\x1bP1$r\x1b\\",                                        // DCS
	"\x1b_apc\x1b\\",                                        // APC
	"abc\u202edcba\u202c",                                   // bidi override
	"\u2066iso\u2069",                                       // bidi isolate
	"\x9b31m",                                               // raw C1 CSI byte (invalid UTF-8)
	"\u009b31m",                                             // C1 CSI as a character
	"cr\rover",                                              // carriage return
	"bell\x07del\x7f",
}

// assertInert fails when s holds a control (other than newline and tab), a
// C1 or bidi control, or invalid UTF-8.
func assertInert(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("invalid UTF-8 in %q", s)
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || unsafeRune(r) {
			t.Errorf("control %U left in %q", r, s)
		}
	}
}

func TestPoint1TerminalInjection(t *testing.T) {
	for _, h := range Hostile {
		assertInert(t, Text(h))
		l := Line(h + "\n\t")
		assertInert(t, l)
		if strings.ContainsAny(l, "\n\t") {
			t.Errorf("Line kept layout: %q", l)
		}
	}
	for in, want := range map[string]string{
		"\x1b[2J":         "␛[2J",
		"a\u202eb":        `a\u202eb`,
		"\u009b":          `\u009b`,
		"\x9b":            "\ufffd",
		"x\ty\nz":         "x\ty\nz",
		"王小明":             "王小明",
		"\x1b]0;t\x07":    "␛]0;t␇",
		"Anne Dubois\x7f": `Anne Dubois\u007f`,
	} {
		if got := Text(in); got != want {
			t.Errorf("Text(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Line("a\tb\nc"); got != "a␉b␊c" {
		t.Errorf("Line = %q", got)
	}
	if !Safe("王小明\n") || Safe("\x1b") {
		t.Error("Safe is wrong")
	}
}

func TestPoint1WriterSplitsRunes(t *testing.T) {
	var out bytes.Buffer
	w := NewWriter(&out)
	in := []byte("王\x1b[2J\u202e小明")
	for i := range in {
		if n, err := w.Write(in[i : i+1]); n != 1 || err != nil {
			t.Fatal(n, err)
		}
	}
	w.Flush()
	if got, want := out.String(), Text(string(in)); got != want {
		t.Errorf("byte by byte %q, want %q", got, want)
	}
	out.Reset()
	w.Write([]byte("ok\xe7\x8e"))
	w.Flush()
	if got := out.String(); got != "ok\ufffd" {
		t.Errorf("incomplete tail %q", got)
	}
	if NewWriter(w) != w {
		t.Error("double wrap")
	}
}

func FuzzText(f *testing.F) {
	for _, h := range Hostile {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assertInert(t, Text(s))
		assertInert(t, Line(s))
		var out bytes.Buffer
		w := NewWriter(&out)
		w.Write([]byte(s[:len(s)/2]))
		w.Write([]byte(s[len(s)/2:]))
		w.Flush()
		assertInert(t, out.String())
	})
}

func TestPoint1StyledKeepsColourOnly(t *testing.T) {
	for in, want := range map[string]string{
		"\x1b[1;38;2;8;8;8mAnne\x1b[m": "\x1b[1;38;2;8;8;8mAnne\x1b[m",
		"\x1b[38;5;8mx\x1b[0m":         "\x1b[38;5;8mx\x1b[0m",
		"\x1b[8mhidden":                "␛[8mhidden",
		"\x1b[0;8m":                    "␛[0;8m",
		"\x1b]8;;https://e.x/\x1b\\a":  "␛]8;;https://e.x/␛\\a",
		"\x1b]52;c;eA==\x07":           "␛]52;c;eA==␇",
		"\x1b[2J\u202e\u009b\x9b":      `␛[2J\u202e\u009b` + "\ufffd",
		"line\nnext\r":                 "line\nnext␍",
	} {
		if got := Styled(in); got != want {
			t.Errorf("Styled(%q) = %q, want %q", in, got, want)
		}
	}
}

// needsDecoding is needs as it was: every character above ASCII decoded.
func needsDecoding(s string, keepLayout bool) int {
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
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 || unsafeRune(r) {
			return i
		}
		i += n
	}
	return -1
}

// TestNeedsAgrees: needs, which passes over most two- and three-byte
// characters without decoding them, finds the same first byte to change
// as decoding every character does, over strings made of ASCII, controls,
// C1 and bidi controls, their neighbours, Chinese and invalid bytes.
func TestNeedsAgrees(t *testing.T) {
	pieces := []string{"a", " ", "~", "\x00", "\x1b", "\n", "\t", "\r", "\x7f", "\u0080", "\u009f", "\u00a0", "é", "\u00c2",
		"\u202a", "\u202e", "\u202f", "\u2029", "\u2066", "\u2069", "\u206a", "\u2028", "王", "😀", "\ufffd",
		"\xc2", "\xe2\x80", "\xff", "\xed\xa0\x80", "\xc0\xaf", "\xe2"}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.Intn(8); k >= 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		s := b.String()
		for _, keep := range []bool{false, true} {
			if got, want := needs(s, keep), needsDecoding(s, keep); got != want {
				t.Fatalf("needs(%q, %v) = %d, decoding every character: %d", s, keep, got, want)
			}
		}
	}
}
