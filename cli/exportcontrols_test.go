package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// TestPoint1ExportShowsControls (issue 14, left from point 1): a book
// written before control characters were refused holds them in a name, a
// city, a like, a note, a follow-up, a request; its export in every format
// (CSV, vCard, iCalendar, JSON) writes each in its visible form (␛,
// \u202e), never as the raw byte, keeps a note's line breaks, and says on
// stderr after the export how many texts held one, in English and in
// Chinese.
func TestPoint1ExportShowsControls(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	run(t, book, "init", "--associate", "Li Na", "--store", "IFC")
	b, err := store.Open(book, store.Options{Now: goldenNow})
	if err != nil {
		t.Fatal(err)
	}
	today := civil.Of(goldenNow())
	err = b.Update(func(tx *store.Tx) error {
		p := &profile.Profile{Name: "Clip\x1b]52;c;cHduZWQ=\x07board", City: "Bidi\u202eiahgnahS",
			Phones:      []profile.Phone{{Number: "+8613700138000", Label: "mobile"}},
			Preferences: []profile.Preference{{Kind: profile.PrefColour, Value: "navy\x1b[8m"}},
			Dates:       []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 12, Day: 20}, Label: "b\u009bday"}}}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		if err := tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.General, Text: "first line\nclear \x1b[2J\tend"}); err != nil {
			return err
		}
		if err := tx.AddTask(&tasks.Task{ClientID: p.ID, Title: "call \x1b]0;T\x07", Kind: tasks.Custom, Due: today}); err != nil {
			return err
		}
		return tx.AddRequest(&requests.Request{ClientID: p.ID, What: "bag\x1b[31m", Opened: today, Status: requests.Open})
	})
	b.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"csv", "vcf", "ics", "json"} {
		for _, lang := range []string{"en", "zh"} {
			out := filepath.Join(dir, lang+"."+format)
			stdout, stderr, err := runLang(book, lang, "", "export", "-o", out)
			if err != nil {
				t.Fatalf("export %s: %v\n%s", format, err, stderr)
			}
			want := map[string]string{"en": "texts held control characters", "zh": "处文字含控制字符"}[lang]
			if !strings.Contains(stderr, want) || strings.Contains(stdout, want) {
				t.Errorf("export %s in %s does not say on stderr that texts held controls:\nstdout %q\nstderr %q", format, lang, stdout, stderr)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			assertFileInert(t, format, string(data))
			if !strings.Contains(string(data), "Clip␛]52") {
				t.Errorf("%s: the name is not in its visible form:\n%s", format, data)
			}
		}
	}
	// To the screen (-o -), the file goes to stdout, the count to stderr.
	stdout, stderr, err := runLang(book, "en", "", "export", "-o", "-", "--format", "csv")
	if err != nil || !strings.Contains(stderr, "1 texts") && !strings.Contains(stderr, "texts held control") {
		t.Errorf("export to stdout: %v, stderr %q", err, stderr)
	}
	assertFileInert(t, "csv to stdout", stdout)
}

// assertFileInert fails when a written file holds a control character
// other than a line break (CRLF or LF) and a tab, a C1 or bidi control,
// or invalid UTF-8.
func assertFileInert(t *testing.T, what, data string) {
	t.Helper()
	if !utf8.ValidString(data) {
		t.Errorf("%s: invalid UTF-8 in the file", what)
	}
	for i, r := range data {
		if r < 0x20 && r != '\n' && r != '\t' && !(r == '\r' && strings.HasPrefix(data[i:], "\r\n")) ||
			r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			t.Errorf("%s: control %U in the file at %d: %q", what, r, i, data[max(0, i-40):min(len(data), i+40)])
			return
		}
	}
}
