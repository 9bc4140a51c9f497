package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// symlinkedBook writes a book of 20 clients in a directory of its own and
// returns a symbolic link to it from another directory, and the real path.
func symlinkedBook(t *testing.T) (link, real string) {
	t.Helper()
	b, real := newBook(t)
	for i := range 20 {
		if err := addPair(b, i); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	link = filepath.Join(t.TempDir(), "linked.db")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	return link, real
}

func assertLink(t *testing.T, link, real string) {
	t.Helper()
	fi, err := os.Lstat(link)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("%s is no longer a symbolic link (%v)", link, err)
	}
	if got, _ := os.Readlink(link); got != real {
		t.Fatalf("the link points to %s, want %s", got, real)
	}
}

// TestPoint2SymlinkedBook: compaction and the automatic backups' rotation
// through a symbolic link act on the file it names and keep the link; the
// erasure's compaction (erase, purge) and restore are tested through the
// command line in cli.
func TestPoint2SymlinkedBook(t *testing.T) {
	t.Run("compaction", func(t *testing.T) {
		link, real := symlinkedBook(t)
		before, _ := os.Stat(real)
		b, err := Open(link, Options{Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.CompactInPlace(); err != nil {
			t.Fatal(err)
		}
		if err := addPair(b, 99); err != nil { // the open book writes to the new file
			t.Fatal(err)
		}
		b.Close()
		assertLink(t, link, real)
		after, _ := os.Stat(real)
		if os.SameFile(before, after) {
			t.Error("the real book was not replaced by its compacted copy")
		}
		if n := checkPairs(t, real); n != 21 {
			t.Errorf("the real book holds %d clients after compaction and a write, want 21", n)
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(link), ".*")); len(left) != 0 {
			t.Errorf("temporary files beside the link: %q", left)
		}
	})
	t.Run("backup rotation", func(t *testing.T) {
		link, real := symlinkedBook(t)
		b, err := Open(link, Options{Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		for d := 1; d <= 10; d++ {
			if _, _, err := b.AutoBackup(time.Date(2026, time.December, d, 9, 0, 0, 0, time.UTC)); err != nil {
				t.Fatalf("day %d: %v", d, err)
			}
			assertLink(t, link, real)
		}
		b.Close()
		entries, _ := os.ReadDir(BackupDir(link))
		if len(entries) != AutoBackupsKept {
			t.Errorf("%d backups beside the link, want %d", len(entries), AutoBackupsKept)
		}
		if n := checkPairs(t, filepath.Join(BackupDir(link), "linked-auto-20261210.db")); n != 20 {
			t.Errorf("the newest backup holds %d clients, want 20", n)
		}
		if n := checkPairs(t, real); n != 20 {
			t.Errorf("the real book holds %d clients, want 20", n)
		}
	})
}
