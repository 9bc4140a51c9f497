package termsafe

import (
	"bytes"
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
