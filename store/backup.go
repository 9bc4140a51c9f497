package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/vipbook/vipbook/safefile"
	bolt "go.etcd.io/bbolt"
)

// Backup writes the book, as it stands at one moment, to dst: a read
// transaction copies every page into a temporary file beside dst (0600),
// which is flushed to disk, checked (Check) and only then renamed over dst,
// and the directory flushed. Writes may go on meanwhile, in this process
// or through this Book; they land in the book, not in the copy. A failed
// backup leaves dst as it was. dst may not be the book itself.
//
// A damaged book is not backed up: the copy would be as damaged, and in
// the automatic backups it would push a good one out. Backup then fails
// with ErrBackupDamaged (which is ErrDamaged too) and writes nothing;
// RescueCopy writes such a book under a name that says so.
func (b *Book) Backup(dst string) error {
	if sameFile(b.path, dst) {
		return fmt.Errorf("%s is the book itself: write the backup to another file", dst)
	}
	if m, ok := KnownDamaged(b.path); ok {
		return &BackupDamagedError{Problems: []string{m.What}}
	}
	// Other vipbooks that find the book held while it is copied wait
	// for it (BackingUp): the marker is taken before the book. A marker
	// that cannot be made (a read-only directory) only costs them that.
	mark, _ := announceAt(BackingUpPath(b.path))
	db, release, err := b.hold(false)
	if err != nil {
		mark.leave()
		return fmt.Errorf("the backup was not written: %w", err)
	}
	// The book is let go as soon as its pages are copied: the flush to
	// disk and the check of the copy (seconds at 100k clients) keep no
	// other vipbook waiting on a backup, the app's daily one or the
	// command line's (which opens the book Shared and Passing for this).
	var once sync.Once
	let := func() {
		once.Do(func() {
			if b.copyHold != nil {
				b.copyHold()
			}
			release()
			mark.leave()
		})
	}
	defer let()
	if err := snapshotChecked(db, dst, true, let); err != nil {
		if errors.Is(err, ErrFull) {
			return fmt.Errorf("no room for the backup in %s: free some space or write it elsewhere (%w)", filepath.Dir(dst), err)
		}
		if errors.Is(err, ErrBackupDamaged) {
			return err
		}
		return fmt.Errorf("the backup was not written: %w", err)
	}
	return nil
}

// RescueName is where RescueCopy puts a copy of a damaged book meant for
// dst: dst with -DAMAGED before its extension, so no one takes it for a
// backup to restore and no rotation counts it as one.
func RescueName(dst string) string {
	ext := filepath.Ext(dst)
	return strings.TrimSuffix(dst, ext) + "-DAMAGED" + ext
}

// RescueCopy writes the book as it stands, damaged or not, to
// RescueName(dst) (a free name: see UnusedPath) and returns where: a copy
// to take to someone who can recover what the damage left, never a backup.
func (b *Book) RescueCopy(dst string) (string, error) {
	out := UnusedPath(RescueName(dst))
	db, release, err := b.hold(false)
	if err != nil {
		return "", fmt.Errorf("the rescue copy was not written: %w", err)
	}
	defer release()
	if err := snapshotChecked(db, out, false, nil); err != nil {
		return "", fmt.Errorf("the rescue copy was not written: %w", err)
	}
	return out, nil
}

// BackupDamagedError is the refusal of a backup of a damaged book: what
// Check found, for the words. It matches ErrBackupDamaged and ErrDamaged.
type BackupDamagedError struct {
	Problems []string
}

// Error says what to do, in English; the problems are Check's own words,
// never bytes of the file.
func (e *BackupDamagedError) Error() string {
	return fmt.Sprintf("the book is damaged (%s): no backup was written, so the good backups stay as they are; "+
		"run `vipbook check`, then `vipbook restore` a good backup (`vipbook backup --force` writes a rescue copy marked DAMAGED)",
		firstProblems(e.Problems))
}

// Is reports whether target is ErrBackupDamaged or ErrDamaged.
func (e *BackupDamagedError) Is(target error) bool {
	return target == ErrBackupDamaged || target == ErrDamaged
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
// (Inspect does). A book another vipbook holds is waited for as a
// command waits; waiting, when given, is called when it waits.
func Describe(path string, waiting ...func()) (Info, error) {
	var said func()
	if len(waiting) > 0 {
		said = waiting[0]
	}
	b, err := Open(path, Options{ReadOnly: true, Waiting: said})
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
	rep, err := checkFile(path)
	switch {
	case errors.Is(err, ErrLocked), errors.Is(err, ErrNoBook), errors.Is(err, ErrNewerSchema):
		return Info{}, err
	case errors.Is(err, ErrNotBook):
		return Info{}, &BadBackupError{Path: path, NotBook: true}
	case err != nil:
		return Info{}, &BadBackupError{Path: path, Err: err}
	case !rep.Sound():
		return Info{}, &BadBackupError{Path: path, Findings: rep.Findings}
	}
	info, err := Describe(path)
	if err != nil && !errors.Is(err, ErrLocked) && !errors.Is(err, ErrNewerSchema) {
		return Info{}, &BadBackupError{Path: path, Err: err}
	}
	return info, err
}

// BadBackupError is Inspect's ErrBadBackup with what is wrong with the
// file, for a front end to say in the associate's language: not a book
// at all, the problems check found (their codes), or the error that
// stopped the reading.
type BadBackupError struct {
	Path     string
	NotBook  bool
	Findings []Finding
	Err      error
}

func (e *BadBackupError) Error() string {
	switch {
	case e.NotBook:
		return fmt.Sprintf("%v: %s is not a book at all", ErrBadBackup, e.Path)
	case e.Err != nil:
		return fmt.Sprintf("%v: %s: %v", ErrBadBackup, e.Path, e.Err)
	}
	return fmt.Sprintf("%v: %s is damaged (%s)", ErrBadBackup, e.Path, firstProblems(texts(e.Findings)))
}

// Is makes a BadBackupError match ErrBadBackup.
func (e *BadBackupError) Is(target error) bool { return target == ErrBadBackup }

// Unwrap is the error that stopped the reading, if any.
func (e *BadBackupError) Unwrap() error { return e.Err }

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
// writer does: a book another vipbook holds (the app open all day, which
// holds the file only while each transaction runs; a backup copying it;
// another command) is waited for as every write waits (AppWait), and
// waiting, when given, is called once the first try failed, so the command
// says for what it waits; ErrLocked when the wait ends first. The app
// reads the restored book at its next look (Book.Changed sees the file
// replaced), and no vipbook that waited for the old file writes to it
// (guardedOpen). A damaged book at path may be replaced (that is what
// backups are for); a file there that is not a book at all is refused, and
// so is a book file its owner made read-only. When Restore fails, the book
// at path is as it was.
func Restore(path, src string, now time.Time, waiting ...func()) (kept string, err error) {
	if sameFile(path, src) {
		return "", fmt.Errorf("%s is the book itself: choose a backup to restore", src)
	}
	if _, err := Inspect(src); err != nil {
		return "", err
	}
	var said func()
	if len(waiting) > 0 {
		said = waiting[0]
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
		// A file that is not a book at all is left alone; a damaged one
		// (its meta pages included) is what a backup is for. The meta
		// pages are read without the lock: no wait.
		if _, _, err := inspect(path); err != nil {
			return "", err
		}
		// Hold the book as a writer would, so no vipbook opens it while it
		// is replaced. A book too damaged for bbolt to open cannot be held
		// by another vipbook either.
		db, err := waitOpen(path, &bolt.Options{Timeout: OpenTimeout}, said, 0)
		switch {
		case err == nil:
			defer db.Close()
			// A book of a newer vipbook is not this one's to replace.
			b := &Book{db: db, path: path, ro: true}
			err := guarded(func() error { return db.View(b.readMeta) })
			if errors.Is(err, ErrNewerSchema) {
				return "", err
			}
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
	clearDamaged(path) // the book is the backup now: sound (Inspect)
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
func snapshot(db *bolt.DB, dst string) error { return snapshotChecked(db, dst, false, nil) }

// snapshotChecked is snapshot; with verify, the copy is checked (Check)
// before it takes dst's name, and a damaged one is removed with a
// *BackupDamagedError. copied, when not nil, is called once the pages are
// copied (the read transaction over), before the copy is flushed and
// checked: db is not used after.
func snapshotChecked(db *bolt.DB, dst string, verify bool, copied func()) error {
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
	if copied != nil {
		copied()
	}
	if err == nil && verify {
		if err = f.Sync(); err == nil {
			rep, cerr := checkFile(f.Name())
			switch {
			case cerr != nil && !errors.Is(cerr, ErrLocked):
				return &BackupDamagedError{Problems: []string{cerr.Error()}}
			case cerr == nil && !rep.Sound():
				return &BackupDamagedError{Problems: rep.Problems}
			}
		}
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
