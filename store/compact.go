package store

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/vipbook/vipbook/safefile"

	bolt "go.etcd.io/bbolt"
)

// Compact writes a compacted copy of the book at src to dst (which must not
// exist): pages are rewritten full, so a book grown by years of scattered
// inserts shrinks to about half. The source is only read.
func Compact(src, dst string) error {
	if Exists(dst) {
		return fmt.Errorf("%w: %s", ErrExists, dst)
	}
	if err := sniff(src); err != nil {
		return err
	}
	in, err := guardedOpen(src, &bolt.Options{ReadOnly: true, Timeout: OpenTimeout})
	if err != nil {
		return openErr(src, err)
	}
	defer in.Close()
	return compactInto(dst, in)
}

// compactInto writes a compacted copy of in to the new file dst, synced;
// on failure dst is removed.
func compactInto(dst string, in *bolt.DB) error {
	out, err := bolt.Open(dst, 0o600, &bolt.Options{NoSync: true, FreelistType: bolt.FreelistMapType})
	if err != nil {
		os.Remove(dst)
		return err
	}
	err = guarded(func() error { return bolt.Compact(out, in, 64<<20) }) // a damaged page is an error, not a crash
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dst)
	}
	return err
}

// CompactInPlace rewrites the open book into a compacted copy beside it and
// puts the copy in its place, so the bytes of erased records (which bbolt
// only marks free) leave the file. The copy is written from the open
// database (this vipbook holds the lock), synced, opened and locked, and
// only then renamed over the book and the directory synced; the old file's
// lock is let go after the rename, so no other vipbook can open the book
// half way. The book stays open on the new file. No transaction may be
// open on b while it runs. On failure the book is left as it was.
func (b *Book) CompactInPlace() error { return b.compactInPlace(false) }

// compactInPlace is CompactInPlace; pastMark compacts a book marked
// damaged too (an erasure's bytes must leave the file whatever the
// book's state): bbolt copies the records as they are, and a page it
// cannot read fails the compaction (guarded), leaving the book as it was.
func (b *Book) compactInPlace(pastMark bool) error {
	if b.ro {
		return ErrReadOnly
	}
	if m, ok := KnownDamaged(b.path); ok && !pastMark {
		return &KnownDamagedError{Path: b.path, Mark: m}
	}
	real := safefile.Resolve(b.path) // a symlinked book: compact the file, keep the link
	dir := filepath.Dir(real)
	f, err := os.CreateTemp(dir, "."+filepath.Base(real)+".compact-*")
	if err != nil {
		return fmt.Errorf("cannot write the compacted book in %s: %w", dir, err)
	}
	tmp := f.Name()
	f.Close() // empty and 0600: bbolt initialises it
	if b.sh != nil {
		return b.compactShared(tmp)
	}
	if err := compactInto(tmp, b.db); err != nil {
		return err
	}
	// Lock the copy before it takes the book's name.
	nb, err := bolt.Open(tmp, 0o600, b.opts)
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if err := safefile.Replace(tmp, b.path); err != nil {
		nb.Close()
		os.Remove(tmp)
		return err
	}
	old := b.db
	b.db = nb
	return old.Close()
}

// compactShared is CompactInPlace for a shared book: the copy is written
// while the book is held for writing (no other vipbook can write meanwhile)
// and renamed over it before the old file is let go, so the next
// transaction opens the copy.
func (b *Book) compactShared(tmp string) error {
	db, release, err := b.hold(true)
	if err != nil {
		os.Remove(tmp)
		return err
	}
	defer release()
	if err := compactInto(tmp, db); err != nil {
		return err
	}
	txid := -1
	if nb, err := bolt.Open(tmp, 0o600, &bolt.Options{ReadOnly: true, Timeout: OpenTimeout}); err == nil {
		nb.View(func(tx *bolt.Tx) error { txid = tx.ID(); return nil })
		nb.Close()
	}
	if err := safefile.Replace(tmp, b.path); err != nil {
		os.Remove(tmp)
		return err
	}
	if txid >= 0 {
		b.wrote(txid) // the copy's own id, on the new file: not a change from elsewhere
	}
	return nil
}
