package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPoint5CheckRepairSalvagesClient: one byte of a client's record is
// flipped in the book file, where the record still reads as JSON (a letter
// of her name). show of that client says the book is damaged; the other
// client still shows; check names her; check --repair puts her record
// back from the backup taken before and says from which; check then finds
// the book sound, she shows again, and writes go in again.
func TestPoint5CheckRepairSalvagesClient(t *testing.T) {
	book := checkBook(t)
	backup := filepath.Join(filepath.Dir(book), "backups", "book-20261124-0900.db")
	if err := os.MkdirAll(filepath.Dir(backup), 0o700); err != nil {
		t.Fatal(err)
	}
	run(t, book, "backup", "-o", backup)

	raw, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	// The live record, and copies of it on pages bbolt has freed since:
	// the same letter flipped in each ("Anne Dabois": still JSON, wrong).
	needle := []byte(`"name":"Anne Dubois"`)
	if !bytes.Contains(raw, needle) {
		t.Fatal("the record is not in the file")
	}
	for at := bytes.Index(raw, needle); at >= 0; at = bytes.Index(raw, needle) {
		raw[at+len(`"name":"Anne D`)] = 'a'
	}
	if err := os.WriteFile(book, raw, 0o600); err != nil {
		t.Fatal(err)
	}

	if _, _, err := runErr(book, "show", "Anne Dubois"); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("show of the damaged client = %v, want damage", err)
	}
	if out := run(t, book, "show", "王小明"); !strings.Contains(out, "王小明") {
		t.Fatalf("the other client does not show:\n%s", out)
	}
	out, _, err := runErr(book, "check")
	if err == nil || !strings.Contains(out, "(Anne Dubois) is damaged (its checksum does not match)") {
		t.Fatalf("check of the damaged book: %v\n%s", err, out)
	}
	out, errOut, err := runErr(book, "check", "--repair")
	if err != nil {
		t.Fatalf("check --repair: %v\n%s%s", err, out, errOut)
	}
	if !strings.Contains(out, "(Anne Dubois) from the backup "+backup) {
		t.Fatalf("check --repair does not say it put her back from the backup:\n%s", out)
	}
	if out := run(t, book, "check"); !strings.Contains(out, "sound") {
		t.Fatalf("check after the repair:\n%s", out)
	}
	if out := run(t, book, "show", "Anne Dubois"); !strings.Contains(out, "Anne Dubois") {
		t.Fatalf("she does not show after the repair:\n%s", out)
	}
	run(t, book, "note", "Anne Dubois", "called after the repair")
}
