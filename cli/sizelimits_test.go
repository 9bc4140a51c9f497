package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPoint11SizeLimits (issue 14 point 11, the limits; issue 12's point
// 11 is TestPoint11ZeroPurchase, which took this test's file once and lost
// it): a note over 64 KiB and a name over 200 characters are refused with
// a plain message and leave the book as it was; the note limit is the
// config's ([limits] note_bytes); an import skips the records over the
// limits, saying why, and takes the rest.
func TestPoint11SizeLimits(t *testing.T) {
	cfgHome := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfgHome)
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "王小明", "--phone", "13800001111")

	run(t, book, "note", "王小明", strings.Repeat("a", 60<<10)) // under the limit
	big := strings.Repeat("MARKBIG ", 9<<10)                 // 72 KiB
	_, errOut, err := runErr(book, "note", "王小明", big)
	if err == nil || !strings.Contains(errOut+err.Error(), "more than the 64 KiB a note may hold") {
		t.Fatalf("a 72 KiB note: %v %s", err, errOut)
	}
	if bookBytesHave(t, book, "MARKBIG") {
		t.Fatal("the refused note is in the book")
	}
	long := strings.Repeat("名", 201)
	if _, errOut, err := runErr(book, "add", long, "--phone", "13800002222"); err == nil ||
		!strings.Contains(errOut+err.Error(), "201 characters is more than the 200") {
		t.Fatalf("a name of 201 characters: %v %s", err, errOut)
	}

	// The limit is the config's.
	if err := os.MkdirAll(filepath.Join(cfgHome, "vipbook"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cfgHome, "vipbook", "config.toml"), []byte("[limits]\nnote_bytes = 2048\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, err := runErr(book, "note", "王小明", strings.Repeat("b", 3000)); err == nil ||
		!strings.Contains(errOut+err.Error(), "the 2 KiB a note may hold") {
		t.Fatalf("a 3 KB note under note_bytes = 2048: %v %s", err, errOut)
	}
	run(t, book, "note", "王小明", strings.Repeat("c", 2000))

	// An import skips what is over the limits and takes the rest.
	vcf := filepath.Join(t.TempDir(), "hostile.vcf")
	cards := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + strings.Repeat("MARKLONG", 40) + "\r\nTEL:13800003333\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Fine Client\r\nTEL:13800004444\r\nNOTE:" + strings.Repeat("MARKNOTE", 10<<10) + "\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kept Client\r\nTEL:13800005555\r\nEND:VCARD\r\n"
	if err := os.WriteFile(vcf, []byte(cards), 0o600); err != nil {
		t.Fatal(err)
	}
	out := run(t, book, "import", vcf)
	for _, want := range []string{"a name of 320 characters, more than the 200 a name may have", "a note of 80 KiB, more than the 64 KiB a note may hold", "imported 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("the import report lacks %q:\n%s", want, out)
		}
	}
	if bookBytesHave(t, book, "MARKLONG") || bookBytesHave(t, book, "MARKNOTE") {
		t.Error("a skipped record reached the book")
	}
	if list := run(t, book, "list"); !strings.Contains(list, "Kept Client") {
		t.Errorf("the record within the limits was not imported:\n%s", list)
	}
}
