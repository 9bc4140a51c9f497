package store

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestPoint9NotAFile: a named pipe, a device or a directory as the book is
// refused at once (a pipe used to hang every command, waiting for a
// writer), by every entry point, with a NotFileError naming what it is.
func TestPoint9NotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "book.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	good, _ := newBook(t)
	good.Close()
	for path, kind := range map[string]FileKind{fifo: KindPipe, "/dev/null": KindDevice, dir: KindDirectory} {
		for name, call := range map[string]func() error{
			"Open":           func() error { b, err := Open(path, Options{}); closeIf(b); return err },
			"Open read-only": func() error { b, err := Open(path, Options{ReadOnly: true}); closeIf(b); return err },
			"Check":          func() error { _, err := Check(path); return err },
			"Inspect":        func() error { _, err := Inspect(path); return err },
			"Restore onto":   func() error { _, err := Restore(path, good.Path(), testNow); return err },
			"Restore from":   func() error { _, err := Restore(filepath.Join(t.TempDir(), "b.db"), path, testNow); return err },
			"Init":           func() error { b, err := Init(path, Meta{}, Options{}); closeIf(b); return err },
			"BackupFile":     func() error { return BackupFile(path, filepath.Join(t.TempDir(), "c.db")) },
		} {
			done := make(chan error, 1)
			go func() { done <- call() }()
			select {
			case err := <-done:
				var nf *NotFileError
				if !errors.As(err, &nf) && !errors.Is(err, ErrNotBook) && !errors.Is(err, ErrBadBackup) {
					t.Errorf("%s(%s) = %v, want a NotFileError", name, path, err)
				} else if nf != nil && nf.Kind != kind {
					t.Errorf("%s(%s) says %s, want %s", name, path, nf.Kind, kind)
				}
			case <-time.After(time.Minute): // a hang is for good; a loaded machine takes seconds
				t.Fatalf("%s(%s) hangs", name, path)
			}
		}
	}
}

func closeIf(b *Book) {
	if b != nil {
		b.Close()
	}
}
