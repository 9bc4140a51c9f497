package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/vipbook/vipbook/safefile"
	bolt "go.etcd.io/bbolt"
)

// Backup writes the book, as it stands at one moment, to dst: a read
// transaction copies every page into a temporary file beside dst (0600),
// which is flushed to disk and renamed over dst, and the directory flushed.
// Writes may go on meanwhile, in this process or through this Book; they
// land in the book, not in the copy. A failed backup leaves dst as it was.
// dst may not be the book itself.
func (b *Book) Backup(dst string) error {
	if sameFile(b.path, dst) {
		return fmt.Errorf("%s is the book itself: write the backup to another file", dst)
	}
	if err := snapshot(b.db, dst); err != nil {
		if errors.Is(err, ErrFull) {
			return fmt.Errorf("no room for the backup in %s: free some space or write it elsewhere (%w)", filepath.Dir(dst), err)
		}
		return fmt.Errorf("the backup was not written: %w", err)
	}
	return nil
}

// BackupFile backs up the book at path, opening it read-only, to dst (see
// Book.Backup). A vipbook that holds the book for writing makes it wait
// about a second and give up with ErrLocked.
func BackupFile(path, dst string) error {
	b, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer b.Close()
	return b.Backup(dst)
}

// Info is what a book file holds, as `vipbook restore` shows it before it
// replaces anything.
type Info struct {
	Path    string
	Meta    Meta
	Clients int
	Size    int64 // bytes
}

// Describe opens the book at path read-only and tells what it holds. It
// reads the description and counts clients; it does not check every page
// (Inspect does).
func Describe(path string) (Info, error) {
	b, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		return Info{}, err
	}
	defer b.Close()
	info := Info{Path: path, Meta: b.Meta()}
	err = b.View(func(tx *Tx) error {
		info.Clients = tx.ClientCount()
		info.Size = tx.tx.Size()
		return nil
	})
	return info, err
}

// ErrBadBackup is returned by Inspect and Restore for a file that is not
// a sound vipbook book: nothing was restored.
var ErrBadBackup = errors.New("nothing was restored: the file is not a sound vipbook book")

// Inspect checks every page of the book file at path (Check) and tells
// what it holds. A file that is not a book, or a damaged one, gives
// ErrBadBackup with what is wrong; a book from a newer vipbook gives
// ErrNewerSchema.
func Inspect(path string) (Info, error) {
	rep, err := Check(path)
	switch {
	case errors.Is(err, ErrLocked), errors.Is(err, ErrNoBook), errors.Is(err, ErrNewerSchema):
		return Info{}, err
	case errors.Is(err, ErrNotBook):
		return Info{}, fmt.Errorf("%w: %s is not a book at all", ErrBadBackup, path)
	case err != nil:
		return Info{}, fmt.Errorf("%w: %s: %v", ErrBadBackup, path, err)
	case !rep.Sound():
		return Info{}, fmt.Errorf("%w: %s is damaged (%s)", ErrBadBackup, path, firstProblems(rep.Problems))
	}
	info, err := Describe(path)
	if err != nil && !errors.Is(err, ErrLocked) && !errors.Is(err, ErrNewerSchema) {
		return Info{}, fmt.Errorf("%w: %s: %v", ErrBadBackup, path, err)
	}
	return info, err
}

func firstProblems(ps []string) string {
	if len(ps) > 3 {
		return fmt.Sprintf("%s; %s; %s; and %d more", ps[0], ps[1], ps[2], len(ps)-3)
	}
	s := ""
	for i, p := range ps {
		if i > 0 {
			s += "; "
		}
		s += p
	}
	return s
}

// KeptName is where Restore keeps the book it replaces:
// book.db.before-restore-20261124-0900 beside it.
func KeptName(path string, now time.Time) string {
	return path + ".before-restore-" + now.Format("20060102-150405")
}

// Restore replaces the book at path by the book in the file src, after
// checking src page by page (Inspect). The book it replaces is first copied,
// byte for byte, to KeptName(path, now) (0600), whose name it returns ("" when
// there was no book at path). While it works it holds the book as a
// writer does, so it gives ErrLocked when another vipbook has the book
// open. A damaged book at path may be replaced (that is what backups are
// for); a file there that is not a book at all is refused, and so is a
// book file its owner made read-only. When Restore fails, the book at path
// is as it was.
func Restore(path, src string, now time.Time) (kept string, err error) {
	if sameFile(path, src) {
		return "", fmt.Errorf("%s is the book itself: choose a backup to restore", src)
	}
	if _, err := Inspect(src); err != nil {
		return "", err
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		st = nil
	case err != nil:
		return "", err
	case !st.Mode().IsRegular():
		return "", regularFile(path, st)
	}
	if st != nil {
		if err := CheckWritable(path); err != nil {
			return "", err
		}
		if _, err := Check(path); err != nil {
			// ErrLocked, or a file that is not a book: leave it alone.
			// (A damaged book checks without an error, with problems.)
			return "", err
		}
		// Hold the book as a writer would, so no vipbook opens it while it
		// is replaced. A book too damaged for bbolt to open cannot be held
		// by another vipbook either.
		db, err := guardedOpen(path, &bolt.Options{Timeout: OpenTimeout})
		switch {
		case err == nil:
			defer db.Close()
		case errors.Is(err, os.ErrPermission):
			return "", readOnlyFile(path, st.Mode())
		case errors.Is(openErr(path, err), ErrLocked):
			return "", ErrLocked
		}
		kept = KeptName(path, now)
		for i := 2; Exists(kept); i++ {
			kept = fmt.Sprintf("%s-%d", KeptName(path, now), i)
		}
		if err := copyFile(path, kept); err != nil {
			return "", fmt.Errorf("could not keep the current book before restoring, so nothing was restored: %w", err)
		}
	}
	in, err := Open(src, Options{ReadOnly: true})
	if err != nil {
		return "", err
	}
	defer in.Close()
	if err := snapshot(in.db, path); err != nil {
		if kept != "" {
			os.Remove(kept) // the book it would have replaced is still in place
		}
		return "", fmt.Errorf("nothing was restored: %w", err)
	}
	return kept, nil
}

// CheckWritable returns ErrReadOnlyFile, saying what to do, when the
// owner of the book file at path made it read-only; nil otherwise (no file
// at path included). It opens nothing: a restore asks it before asking
// the user to confirm.
func CheckWritable(path string) error {
	st, err := os.Stat(path)
	if err == nil && !st.IsDir() && st.Mode().Perm()&0o200 == 0 {
		return readOnlyFile(path, st.Mode())
	}
	return nil
}

// snapshot writes db as it stands at one moment (a read transaction's copy
// of every page) to dst, the safefile way: whole or not at all.
func snapshot(db *bolt.DB, dst string) error {
	f, err := safefile.Create(dst)
	if err != nil {
		return err
	}
	defer f.Abort()
	// Every page is read through the map: a damaged one is ErrDamaged.
	w := &firstErrWriter{w: f}
	err = guarded(func() error {
		return db.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if w.err != nil {
		err = w.err // bbolt words it with %s: the cause would be lost
	}
	if err == nil {
		err = f.Commit()
	}
	return writeErr(err) // a full disk is ErrFull, as for any write
}

// firstErrWriter keeps the first error of the writes through it.
type firstErrWriter struct {
	w   io.Writer
	err error
}

func (fw *firstErrWriter) Write(p []byte) (int, error) {
	n, err := fw.w.Write(p)
	if err != nil && fw.err == nil {
		fw.err = err
	}
	return n, err
}

// copyFile copies src to dst byte for byte, the safefile way (0600).
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return safefile.Write(dst, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}

// sameFile reports whether a and b name the same file (both must exist).
func sameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false
	}
	return os.SameFile(sa, sb)
}
