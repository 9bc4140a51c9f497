package demo

import (
	"errors"
	"io"
	"os"
	"strconv"
	"time"

	"github.com/vipbook/vipbook/safefile"
	"github.com/vipbook/vipbook/store"
)

// Version changes whenever the generator changes what it writes, so cached
// benchmark books are rebuilt.
const Version = 6

// WriteFile writes a demo book at path. It builds the book in a temporary
// file next to it, compacts it, and renames it into place, so a failed or
// interrupted run leaves no half-written book. It refuses to replace a book
// that is not a demo (ErrNotDemo) or a demo book that holds anything the
// demo did not write (ErrDemoUsed: a client, note, purchase, task, visit
// or request added since); a demo book it replaces is kept as a backup
// next to it (Result.Backup).
func WriteFile(path string, opt Options, now func() time.Time) (Result, error) {
	if store.Exists(path) {
		if err := replaceable(path); err != nil {
			return Result{}, err
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
	if err == nil {
		err = markDemo(b)
	}
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
	if store.Exists(path) {
		if res.Backup, err = keepBackup(path, now()); err != nil {
			os.Remove(compacted)
			return res, err
		}
	}
	// Compact flushed the copy; Replace renames it and flushes the directory.
	if err := safefile.Replace(compacted, path); err != nil {
		return res, errors.Join(errors.New("could not put the demo book in place"), err)
	}
	return res, nil
}

// ErrDemoUsed is returned when asked to overwrite a demo book that holds
// work the demo did not write.
var ErrDemoUsed = errors.New("the demo book here holds clients, notes or purchases added since the demo wrote it: choose another --book path")

// replaceable says whether the book at path may be replaced by a demo.
func replaceable(path string) error {
	b, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer b.Close()
	m := b.Meta()
	if !m.Demo {
		return ErrNotDemo
	}
	if m.DemoWrote == nil { // a demo of before the mark: the backup keeps it
		return nil
	}
	var now store.Counts
	if err := b.View(func(tx *store.Tx) error { now = tx.Counts(); return nil }); err != nil {
		return err
	}
	if now != *m.DemoWrote {
		return ErrDemoUsed
	}
	return nil
}

// markDemo records in b's meta what the demo wrote.
func markDemo(b *store.Book) error {
	var c store.Counts
	if err := b.View(func(tx *store.Tx) error { c = tx.Counts(); return nil }); err != nil {
		return err
	}
	m := b.Meta()
	m.DemoWrote = &c
	return b.SetMeta(m)
}

// keepBackup keeps the demo book at path under a name of its own, beside
// it, before it is replaced, and returns that name.
func keepBackup(path string, now time.Time) (string, error) {
	dst := path + ".demo-" + now.Format("20060102-150405") + ".bak"
	for i := 2; fileExists(dst); i++ {
		dst = path + ".demo-" + now.Format("20060102-150405") + "-" + strconv.Itoa(i) + ".bak"
	}
	if err := os.Link(path, dst); err == nil {
		return dst, nil
	}
	in, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dst)
		return "", err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(dst)
		return "", err
	}
	return dst, out.Close()
}

func fileExists(p string) bool { _, err := os.Lstat(p); return err == nil }
