package store

import (
	"errors"
	"syscall"
)

// isNoSpace reports whether err is the file system saying it has no room:
// the disk is full (ENOSPC) or the user's quota is spent (EDQUOT).
func isNoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
