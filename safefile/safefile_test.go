package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteIsPrivateAndWhole(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	if err := Write(p, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	if b, _ := os.ReadFile(p); string(b) != "new" {
		t.Errorf("content %q", b)
	}
}

func TestFailedWriteLeavesOldFileAndNoTemp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.json")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := Write(p, func(w io.Writer) error { io.WriteString(w, "half"); return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("err %v, want boom", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("old file changed to %q", b)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("temporary file left behind: %v", ents)
	}
}

func TestCreateInMissingDirSaysWhere(t *testing.T) {
	_, err := Create(filepath.Join(t.TempDir(), "nope", "out"))
	if err == nil {
		t.Fatal("no error for a missing directory")
	}
	if want := "nope"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not name the directory", err)
	}
}

// TestPoint2SymlinkedBook: a write through a symbolic link (or a chain, or
// a relative one) replaces the file it names and keeps the link.
func TestPoint2SymlinkedBook(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "book.db")
	if err := os.MkdirAll(filepath.Dir(real), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(real, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	first := filepath.Join(dir, "first.db")
	second := filepath.Join(dir, "second.db")
	if err := os.Symlink("real/book.db", first); err != nil { // relative
		t.Fatal(err)
	}
	if err := os.Symlink(first, second); err != nil { // a chain
		t.Fatal(err)
	}
	if got := Resolve(second); got != real {
		t.Fatalf("Resolve(%s) = %s, want %s", second, got, real)
	}
	if err := Write(second, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{first, second} {
		if fi, err := os.Lstat(l); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link", l)
		}
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("the real file holds %q, want new", got)
	}
	dangling := filepath.Join(dir, "dangling.db")
	os.Symlink(filepath.Join(dir, "real", "later.db"), dangling)
	if got := Resolve(dangling); got != filepath.Join(dir, "real", "later.db") {
		t.Errorf("a dangling link resolves to %s", got)
	}
}
