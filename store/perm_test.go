package store

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestPoint10Permissions: a book others can read is made owner-only on
// every open, reads included; an existing backups directory others may
// enter is made 0700; run as root on another user's book, compaction,
// restore and backups keep the user as the owner of what they write.
func TestPoint10Permissions(t *testing.T) {
	t.Run("read-only open tightens", func(t *testing.T) {
		b, path := newBook(t)
		b.Close()
		os.Chmod(path, 0o644)
		b, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		if mode, ok := b.Loosened(); !ok || mode != 0o644 {
			t.Errorf("Loosened() = %o, %v; want 0644, true", mode, ok)
		}
		if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
			t.Errorf("a read-only open left the book %o, want 0600", st.Mode().Perm())
		}
	})
	t.Run("backups directory tightened", func(t *testing.T) {
		b, path := newBook(t)
		dir := BackupDir(path)
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		os.Chmod(dir, 0o755) // whatever the umask
		if _, _, err := b.AutoBackup(testNow); err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(dir); st.Mode().Perm() != 0o700 {
			t.Errorf("the backups directory is %o after a backup, want 0700", st.Mode().Perm())
		}
	})
	t.Run("root keeps the owner", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("needs root")
		}
		const uid, gid = 4242, 4343
		b, path := newBook(t)
		for i := range 5 {
			if err := addPair(b, i); err != nil {
				t.Fatal(err)
			}
		}
		b.Close()
		backup := filepath.Join(t.TempDir(), "backup.db")
		if err := BackupFile(path, backup); err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{filepath.Dir(path), path} {
			if err := os.Chown(p, uid, gid); err != nil {
				t.Fatal(err)
			}
		}
		owned := func(what, p string) {
			t.Helper()
			st, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if sys := st.Sys().(*syscall.Stat_t); sys.Uid != uid || sys.Gid != gid {
				t.Errorf("after %s, %s is owned by %d:%d, want %d:%d", what, p, sys.Uid, sys.Gid, uid, gid)
			}
		}
		b, err := Open(path, Options{Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		if err := b.CompactInPlace(); err != nil {
			t.Fatal(err)
		}
		owned("compaction", path)
		written, _, err := b.AutoBackup(testNow)
		if err != nil {
			t.Fatal(err)
		}
		owned("a backup", BackupDir(path))
		owned("a backup", written)
		b.Close()
		kept, err := Restore(path, backup, testNow)
		if err != nil {
			t.Fatal(err)
		}
		owned("restore", path)
		owned("restore (the kept book)", kept)
	})
}
