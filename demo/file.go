package demo

import (
	"errors"
	"os"
	"time"

	"github.com/vipbook/vipbook/safefile"
	"github.com/vipbook/vipbook/store"
)

// Version changes whenever the generator changes what it writes, so cached
// benchmark books are rebuilt.
const Version = 4

// WriteFile writes a demo book at path. It builds the book in a temporary
// file next to it, compacts it, and renames it into place, so a failed or
// interrupted run leaves no half-written book. It refuses to replace a book
// that is not a demo (ErrNotDemo).
func WriteFile(path string, opt Options, now func() time.Time) (Result, error) {
	if store.Exists(path) {
		b, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			return Result{}, err
		}
		isDemo := b.Meta().Demo
		b.Close()
		if !isDemo {
			return Result{}, ErrNotDemo
		}
	}
	tmp := path + ".demo-tmp"
	_ = os.Remove(tmp)
	b, err := store.Init(tmp, store.Meta{Associate: "Li Na", Store: "Shanghai IFC", Demo: true},
		store.Options{NoSync: true, Now: now})
	if err != nil {
		return Result{}, err
	}
	res, err := Generate(b, opt)
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return res, err
	}
	// Generation inserts in random key order; a compacted copy is half the size.
	compacted := tmp + ".compact"
	_ = os.Remove(compacted)
	err = store.Compact(tmp, compacted)
	os.Remove(tmp)
	if err != nil {
		return res, err
	}
	// Compact flushed the copy; Replace renames it and flushes the directory.
	if err := safefile.Replace(compacted, path); err != nil {
		return res, errors.Join(errors.New("could not put the demo book in place"), err)
	}
	return res, nil
}
