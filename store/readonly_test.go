package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// skipRoot skips a test that needs the kernel to enforce file modes: root
// reads and writes whatever the mode says.
func skipRoot(t *testing.T) {
	t.Helper()
	if os.Geteuid() == 0 {
		t.Skip("running as root, which ignores file modes")
	}
}

// TestReadOnlyBookFile: a book file its owner made read-only (0400) opens
// for reading, and a writable open says what is wrong and what to do,
// without touching the file. vipbook checks the mode itself, so this holds
// for root too.
func TestReadOnlyBookFile(t *testing.T) {
	b, path := newBook(t)
	if err := addPair(b, 1); err != nil {
		t.Fatal(err)
	}
	b.Close()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	_, err := Open(path, Options{Now: clock})
	if !errors.Is(err, ErrReadOnlyFile) {
		t.Fatalf("writable open of a 0400 book = %v, want ErrReadOnlyFile", err)
	}
	for _, want := range []string{"read-only", "mode 0400", "can show it but not save", "chmod u+w " + path} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of a 0400 book: %v", err)
	}
	if err := ro.View(func(tx *Tx) error {
		if n := tx.ClientCount(); n != 1 {
			t.Errorf("read %d clients, want 1", n)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	ro.Close()
	after, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if !bytes.Equal(before, after) || st.Mode().Perm() != 0o400 {
		t.Errorf("the read-only book changed (mode %v)", st.Mode().Perm())
	}
	// A restore does not replace it either.
	bak := filepath.Join(t.TempDir(), "bak.db")
	if err := BackupFile(path, bak); err != nil {
		t.Fatalf("backing up a read-only book: %v", err)
	}
	if _, err := Restore(path, bak, testNow); !errors.Is(err, ErrReadOnlyFile) {
		t.Errorf("Restore over a 0400 book = %v, want ErrReadOnlyFile", err)
	}
	after, _ = os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("a refused restore changed the book")
	}
}

// TestReadOnlyDirectory: a writable book in a read-only directory takes
// writes (bbolt writes the file in place), but a backup or a restore,
// which need a new file in the directory, are refused with the directory
// named, and the book is left as it was.
func TestReadOnlyDirectory(t *testing.T) {
	skipRoot(t)
	b, path := newBook(t)
	dir := filepath.Dir(path)
	if err := addPair(b, 1); err != nil {
		t.Fatal(err)
	}
	b.Close()
	bak := filepath.Join(t.TempDir(), "bak.db")
	if err := BackupFile(path, bak); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })

	// bbolt writes the file in place: a read-only directory does not stop it.
	b, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatalf("writable open of a writable book in a read-only directory: %v", err)
	}
	if err := addPair(b, 2); err != nil {
		t.Errorf("write in a read-only directory: %v", err)
	}
	// A backup into the read-only directory cannot be written, and says where.
	err = b.Backup(filepath.Join(dir, "copy.db"))
	if err == nil || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("backup into a read-only directory = %v, want a refusal naming %s", err, dir)
	}
	b.Close()
	// A restore needs the directory to keep the old book and put the new one.
	before, _ := os.ReadFile(path)
	_, err = Restore(path, bak, testNow)
	if err == nil || !strings.Contains(err.Error(), "nothing was restored") || !strings.Contains(err.Error(), dir) {
		t.Errorf("restore into a read-only directory = %v, want a refusal naming %s", err, dir)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("a refused restore changed the book")
	}
}

// TestLoosenedReported: Open makes a book others could read owner-only and
// says what it found, once; a read-only open does it too (issue 14 point
// 10: a mode is no content, and a read leaks as much as a write).
func TestLoosenedReported(t *testing.T) {
	b, path := newBook(t)
	b.Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if mode, ok := ro.Loosened(); !ok || mode != 0o644 {
		t.Errorf("Loosened() = %v, %v after a read-only open; want 0644, true", mode, ok)
	}
	ro.Close()
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	b, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if mode, ok := b.Loosened(); ok {
		t.Errorf("second open reports %v again", mode)
	}
}
