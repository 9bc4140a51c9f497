// Package safefile writes files that hold personal data the durable way:
// owner-only (0600) from their first byte, into a temporary file beside the
// target, fsynced, renamed into place and the directory fsynced, so a crash
// or a full disk leaves either the old file or the whole new one, never half
// of it. It earns its own package because the book's backups, compaction,
// exports, handover bundles and the demo book all need the same few steps,
// and each step left out is a file lost on power failure.
package safefile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"syscall"
)

// Perm is the mode of every file vipbook writes: its owner only.
const Perm os.FileMode = 0o600

// DirPerm is the mode of the directories vipbook creates.
const DirPerm os.FileMode = 0o700

// Write writes path by calling write on a temporary file beside it, then
// puts it in place with Commit. When write fails nothing is left behind
// and an existing file at path is untouched.
func Write(path string, write func(io.Writer) error) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if err := write(f); err != nil {
		return err
	}
	return f.Commit()
}

// DirError is returned by Create when no file can be made in the folder
// Dir (it is missing, not a folder, not writable): Err is the system's
// reason.
type DirError struct {
	Dir string
	Err error
}

func (e *DirError) Error() string { return "cannot write in " + e.Dir + ": " + e.Err.Error() }

// Unwrap returns the system's reason.
func (e *DirError) Unwrap() error { return e.Err }

// File is a temporary file that becomes path on Commit.
type File struct {
	*os.File
	path string
	done bool
}

// Create opens a temporary file (0600) in path's directory that Commit
// renames to path; Abort (safe to defer) removes it when not committed.
// When path is a symbolic link, the file it points to is the one replaced
// (see Resolve): the link stays.
func Create(path string) (*File, error) {
	path = Resolve(path)
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, &DirError{Dir: dir, Err: unwrapPath(err)}
	}
	if err := f.Chmod(Perm); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return &File{File: f, path: path}, nil
}

// Commit flushes the file to disk, renames it over path and flushes the
// directory, so the new name survives a power failure.
func (f *File) Commit() error {
	if f.done {
		return errors.New("safefile: already committed or aborted")
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := Replace(f.Name(), f.path); err != nil {
		return err
	}
	f.done = true
	return nil
}

// Abort removes the temporary file unless it was committed.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.Close()
	os.Remove(f.Name())
}

// Replace renames tmp (already written and synced) over path and syncs the
// directory. tmp must be in the directory of Resolve(path): when path is a
// symbolic link, the file it points to is replaced and the link stays.
//
// Run as root on another user's file (an administrator's restore, a cron
// job), the new file takes the owner of the file it replaces, or of the
// directory it goes in, so the user can still open their own book.
func Replace(tmp, path string) error {
	path = Resolve(path)
	keepOwner(tmp, path)
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return SyncDir(filepath.Dir(path))
}

// keepOwner gives tmp the owner of path (or, when there is no file at
// path, of its directory) when the process runs as root; otherwise a
// process can only create files of its own, and nothing is done.
func keepOwner(tmp, path string) {
	if os.Geteuid() != 0 {
		return
	}
	st, err := os.Stat(path)
	if err != nil {
		if st, err = os.Stat(filepath.Dir(path)); err != nil {
			return
		}
	}
	if sys, ok := st.Sys().(*syscall.Stat_t); ok && (sys.Uid != 0 || sys.Gid != 0) {
		_ = os.Lchown(tmp, int(sys.Uid), int(sys.Gid))
	}
}

// MkdirPrivate makes the directory dir (and its parents) owner-only
// (0700), as the backups directory must be; an existing dir that others
// may read or enter (0755) is tightened to 0700. Run as root, a directory
// it makes takes the owner of its parent.
func MkdirPrivate(dir string) error {
	_, statErr := os.Stat(dir)
	if err := os.MkdirAll(dir, DirPerm); err != nil {
		return err
	}
	st, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if errors.Is(statErr, os.ErrNotExist) {
		keepOwner(dir, filepath.Dir(dir))
	}
	if st.Mode().Perm()&0o077 != 0 {
		return os.Chmod(dir, DirPerm)
	}
	return nil
}

// Resolve returns the file a write to path must replace: path itself, or,
// when path is a symbolic link (or a chain of them), the file it finally
// names, even if that file does not exist yet. Renaming a new file over a
// link would replace the link and leave the real file as it was: a book
// "erased" through a link would keep every byte of the client in the file
// the link pointed to. Links among the directories above are left alone;
// a rename goes through them to the real directory.
func Resolve(path string) string {
	for range 40 { // the kernel's own limit on a chain of links
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return path
		}
		target, err := os.Readlink(path)
		if err != nil {
			return path
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	return path
}

// SyncDir flushes a directory's entries (a rename, a new file) to disk.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, os.ErrInvalid) {
		return err
	}
	return nil
}

// unwrapPath drops the temporary name from a *PathError: the user should
// read the directory and the reason, not ".book.db.tmp-1234".
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
