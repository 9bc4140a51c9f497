package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestPoint5DamagedBookTakesNoWrite: a note's record overwritten on disk
// (bbolt cannot tell) is found by show, which says to run vipbook check and
// vipbook restore, quoting no byte of the file; from then on a write is
// refused and changes no byte, reads still answer with a warning, in
// English and Chinese (point 13: damage messages say what to do).
func TestPoint5DamagedBookTakesNoWrite(t *testing.T) {
	book := smallBook(t)
	run(t, book, "add", "Dana Mark", "--phone", "13700001111")
	run(t, book, "note", "13700001111", "DAMAGE-ME-PLEASE")
	raw, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(raw, []byte(`DAMAGE-ME-PLEASE"`))
	if i < 0 {
		t.Fatal("the note is not in the file")
	}
	raw[i+len("DAMAGE-ME-PLEASE")] = 0x1b // the record no longer decodes
	if err := os.WriteFile(book, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, err := runLang(book, "en", "", "show", "13700001111")
	if err == nil {
		t.Fatal("show of the damaged note succeeded")
	}
	msg := err.Error() + errOut
	if !strings.Contains(msg, "vipbook check") || !strings.Contains(msg, "restore") || strings.Contains(msg, "\x1b") {
		t.Errorf("show says %q: want vipbook check and restore, no bytes of the file", msg)
	}
	for _, lang := range []string{"en", "zh"} {
		_, errOut, err = runLang(book, lang, "", "note", "13700001111", "after the damage")
		want := map[string]string{"en": "Not saved: the book was found damaged", "zh": "未保存：客户册已于"}[lang]
		if err == nil || !strings.Contains(err.Error()+errOut, want) || !strings.Contains(err.Error()+errOut, "vipbook check") {
			t.Errorf("%s: a write to the damaged book: %v %q, want a refusal saying %q and what to do", lang, err, errOut, want)
		}
		out, errOut, err := runLang(book, lang, "", "list")
		if err != nil || !strings.Contains(out, "Dana Mark") || !strings.Contains(errOut, "vipbook check") {
			t.Errorf("%s: list on the damaged book: %v, out %q, warning %q", lang, err, out, errOut)
		}
	}
	after, _ := os.ReadFile(book)
	if !bytes.Equal(after, raw) {
		t.Error("a refused write changed the book")
	}
}
