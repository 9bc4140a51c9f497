package store

import (
	"fmt"
	"os"
)

// NotFileError is returned by Open, Init, Check, Restore and the backups
// when the book's path names something other than a regular file: a
// directory, a named pipe (FIFO), a device or a socket. It is refused at
// once, before anything opens it: opening a named pipe would wait for a
// writer for ever. It matches ErrNotBook with errors.Is.
type NotFileError struct {
	Path string
	Kind FileKind
}

// FileKind says what a path that is not a regular file is.
type FileKind string

// The kinds of NotFileError.
const (
	KindDirectory FileKind = "directory"
	KindPipe      FileKind = "named pipe"
	KindDevice    FileKind = "device"
	KindOther     FileKind = "special file"
)

// Error says what the path is and what to do, in English; front ends word
// it through book.Classify and the catalog.
func (e *NotFileError) Error() string {
	return fmt.Sprintf("%s is a %s, not a book file: give the path of the book file with --book (or VIPBOOK_BOOK)", e.Path, e.Kind)
}

// Is reports whether target is ErrNotBook.
func (e *NotFileError) Is(target error) bool { return target == ErrNotBook }

// regularFile returns a *NotFileError when st (path's, links followed) is
// not a regular file.
func regularFile(path string, st os.FileInfo) error {
	m := st.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m.IsDir():
		return &NotFileError{Path: path, Kind: KindDirectory}
	case m&os.ModeNamedPipe != 0:
		return &NotFileError{Path: path, Kind: KindPipe}
	case m&(os.ModeDevice|os.ModeCharDevice) != 0:
		return &NotFileError{Path: path, Kind: KindDevice}
	}
	return &NotFileError{Path: path, Kind: KindOther}
}

// statRegular stats path (following links) and refuses what is not a
// regular file; a missing path gives the os error.
func statRegular(path string) (os.FileInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	return st, regularFile(path, st)
}
