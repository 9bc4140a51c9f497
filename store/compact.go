package store

import (
	"fmt"
	"os"

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
	in, err := bolt.Open(src, 0o600, &bolt.Options{ReadOnly: true, Timeout: OpenTimeout})
	if err != nil {
		return ErrLocked
	}
	defer in.Close()
	out, err := bolt.Open(dst, 0o600, &bolt.Options{NoSync: true, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return err
	}
	if err := bolt.Compact(out, in, 64<<20); err != nil {
		out.Close()
		os.Remove(dst)
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(dst)
		return err
	}
	return out.Close()
}
