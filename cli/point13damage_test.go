package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPoint13DamageMessagesSayWhatToDo (issue 14 point 13): a book whose
// note record was overwritten on disk with bytes a terminal obeys (a
// title set, OSC 52) is read by every kind of command, in English and
// Chinese: each that meets the damage says what to do (vipbook check, then
// restore or check --repair) and none prints a byte of the damaged record,
// neither raw nor made visible.
func TestPoint13DamageMessagesSayWhatToDo(t *testing.T) {
	book := smallBook(t)
	run(t, book, "add", "Dana Mark", "--phone", "13700001111")
	run(t, book, "note", "13700001111", "DAMAGE-ME-PLEASE-0123456789")
	raw, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(raw, []byte("DAMAGE-ME-PLEASE-0123456789"))
	if i < 0 {
		t.Fatal("the note is not in the file")
	}
	const hostileBytes = "\x1b]0;PWND\x07\x1b]52;c;QUJD\x07\xff" // 27 bytes, as the note's text
	copy(raw[i:], hostileBytes)
	if err := os.WriteFile(book, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out.csv")
	for _, lang := range []string{"en", "zh"} {
		for _, args := range [][]string{{"show", "13700001111"}, {"list"}, {"brief"}, {"search", "Dana"},
			{"note", "13700001111", "after"}, {"export", "-o", out, "--format", "csv"}, {"check"}} {
			stdout, stderr, err := runLang(book, lang, "", args...)
			said := stdout + stderr
			if args[0] == "show" && err == nil {
				t.Fatalf("fixture: show of the damaged note succeeded:\n%s", said)
			}
			if err != nil {
				said += err.Error()
			}
			for _, b := range []string{"PWND", "QUJD", "\x1b", "\u241b", "\ufffd"} {
				if strings.Contains(said, b) {
					t.Errorf("%s %v prints %q of the damaged record:\n%s", lang, args, b, said)
				}
			}
			if !strings.Contains(said, "vipbook check") && !(args[0] == "check" && strings.Contains(said, "--repair")) {
				t.Errorf("%s %v does not say what to do (vipbook check):\n%s", lang, args, said)
			}
		}
	}
}
