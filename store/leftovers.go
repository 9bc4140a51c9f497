package store

import (
	"os"
	"path/filepath"
	"time"

	"github.com/vipbook/vipbook/safefile"
	bolt "go.etcd.io/bbolt"
)

// staleTemp is how old a temporary file of a copy (a backup, a restore)
// must be before an open takes it for a leftover of a killed vipbook: a
// copy being written is younger (its writer touches it as it goes).
const staleTemp = 10 * time.Minute

// finishInterrupted finishes, at a writable open (this vipbook holds the
// book alone), what a vipbook killed half way left behind, or this open's
// one-time work owes: an erasure's or an upgrade's compaction
// (finishErase), and the temporary files of compactions (only
// ever written while the book is held for writing, so any found now is a
// leftover) and of copies beside the book and in its backups directory,
// which may hold an erased client's bytes. It does what it can and says
// nothing: what it could not do, the next open tries again.
func (b *Book) finishInterrupted() {
	real := safefile.Resolve(b.path)
	dir, base := filepath.Dir(real), filepath.Base(real)
	removeMatching(filepath.Join(dir, "."+base+".compact-*"), 0)
	removeMatching(filepath.Join(dir, "."+base+".tmp-*"), staleTemp)
	removeMatching(filepath.Join(BackupDir(b.path), ".*.tmp-*"), staleTemp)
	owed := false
	_ = b.db.View(func(tx *bolt.Tx) error { owed = tx.Bucket(bMeta).Get(kCompactOwed) != nil; return nil })
	if owed {
		b.prep(PrepCompact, 0, 0)
		_ = b.finishErase(false)
	}
}

// removeMatching removes the regular files matching pattern that were
// last written at least age ago.
func removeMatching(pattern string, age time.Duration) {
	names, _ := filepath.Glob(pattern)
	for _, n := range names {
		st, err := os.Lstat(n)
		if err != nil || !st.Mode().IsRegular() || time.Since(st.ModTime()) < age {
			continue
		}
		os.Remove(n)
	}
}
