package i18n

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/vipbook/vipbook/safefile"
)

// OSReason says why the system refused to read or write a file, in the
// catalog's language for the common reasons (no such file, no
// permission, a folder, a full or read-only disk); any other reason is
// the system's own (English) words, introduced as such.
func (c *Catalog) OSReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return c.T(OSNotExist)
	case errors.Is(err, fs.ErrPermission):
		return c.T(OSPermission)
	case errors.Is(err, syscall.EISDIR):
		return c.T(OSIsDir)
	case errors.Is(err, syscall.ENOTDIR):
		return c.T(OSNotDir)
	case errors.Is(err, syscall.ENOSPC):
		return c.T(OSNoSpace)
	case errors.Is(err, syscall.EROFS):
		return c.T(OSReadOnlyFS)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return c.T(OSOther, err.Error())
}

// FileError says a file system error in the catalog's language: what
// failed (writing in a folder) and where, then why (OSReason). An error
// that is not about a file is said as Error says it.
func (c *Catalog) FileError(err error) string {
	var de *safefile.DirError
	var pe *fs.PathError
	switch {
	case errors.As(err, &de):
		return c.T(OSWriteIn, de.Dir, c.OSReason(de.Err))
	case errors.As(err, &pe):
		where := pe.Path
		if strings.HasPrefix(filepath.Base(where), ".") {
			where = filepath.Dir(where) // a temporary file of ours: its folder
		}
		return c.T(OSAt, c.OSReason(pe.Err), where)
	}
	return c.Error(err)
}

// IsFileError reports whether err is about a file or a folder the system
// refused (FileError says it).
func IsFileError(err error) bool {
	var de *safefile.DirError
	var pe *fs.PathError
	return errors.As(err, &de) || errors.As(err, &pe)
}
