package store

import (
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"

	"github.com/vipbook/vipbook/safefile"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// The app keeps a book open all day, holding its file only while each
// transaction runs (shared.go). So that other vipbooks know it is there, a
// shared book holds a shared lock (flock) on a small empty file beside the
// book (AppOpenPath) from Open to Close; the lock goes with the process,
// however it ends.
//
// Two things follow. A command that finds the book held while the app is
// open waits for it (AppWait) instead of giving up after OpenTimeout: the
// app holds the file only for a transaction (a whole-book read, the daily
// backup's copy), so the wait ends. Restore, which replaces the book
// under its name, waits so too; the app sees the file replaced at its next
// look (Book.Changed) and reads the restored book.

// AppWait is how long a command waits for the book while the app is open
// on it, before it gives up with ErrLocked.
const AppWait = 30 * time.Second

// appFirstTry is how long a command tries the book before it says that it
// waits for the app.
const appFirstTry = 200 * time.Millisecond

// AppOpenPath is the file whose lock says the app has the book at path
// open: beside the file the book is (a link's target), named after it.
func AppOpenPath(path string) string { return safefile.Resolve(path) + ".open" }

// appPresence is the lock a shared book holds on AppOpenPath.
type appPresence struct{ f *os.File }

// BackingUpPath is the file whose lock says a vipbook (the command line's
// `vipbook backup`, the app's daily backup) is copying the book at path:
// beside the file the book is, named after it. Book.Backup holds it while
// it holds the book, so that a command that finds the book held knows it
// will be let go once the pages are copied, and waits (AppWait).
func BackingUpPath(path string) string { return safefile.Resolve(path) + ".backing-up" }

// announce takes the shared lock on AppOpenPath(path): the app is open.
func announce(path string) (*appPresence, error) { return announceAt(AppOpenPath(path)) }

// announceAt takes the shared lock on the file p, making it (0600) if need
// be. The file may be removed by a leave of another holder between its
// open and the lock: the lock is then taken again on the new file.
func announceAt(p string) (*appPresence, error) {
	for range 10 {
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			return nil, err
		}
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH); err != nil {
			f.Close()
			return nil, err
		}
		held, err1 := f.Stat()
		named, err2 := os.Stat(p)
		if err1 == nil && err2 == nil && os.SameFile(held, named) {
			return &appPresence{f: f}, nil
		}
		f.Close()
	}
	return nil, fmt.Errorf("could not lock %s", p)
}

// leave lets go of the lock, and removes the file when no other app holds
// it.
func (a *appPresence) leave() {
	if a == nil || a.f == nil {
		return
	}
	if syscall.Flock(int(a.f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB) == nil {
		os.Remove(a.f.Name())
	}
	a.f.Close()
	a.f = nil
}

// AppOpen reports whether an app (a shared book, in any process) has the
// book at path open.
func AppOpen(path string) bool { return heldAt(AppOpenPath(path)) }

// BackingUp reports whether a vipbook (in any process) is copying the book
// at path for a backup, and so holds it until the pages are copied.
func BackingUp(path string) bool { return heldAt(BackingUpPath(path)) }

// heldAt reports whether some process holds a lock on the file p.
func heldAt(p string) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return errors.Is(err, syscall.EWOULDBLOCK)
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}

// waitOpen opens the bbolt file with opts. When the book is still held
// after appFirstTry, by the app, a backup copying it (BackingUp) or any
// other vipbook, it calls waiting (when not nil), which can tell them
// apart, and waits up to wait (zero: AppWait) in all before it gives up.
func waitOpen(path string, opts *bolt.Options, waiting func(), wait time.Duration) (*bolt.DB, error) {
	if wait <= 0 {
		wait = AppWait
	}
	first := *opts
	first.Timeout = min(appFirstTry, opts.Timeout)
	start := time.Now()
	db, err := guardedOpen(path, &first)
	if !errors.Is(err, berrors.ErrTimeout) {
		return db, err
	}
	if waiting != nil {
		waiting()
	}
	long := *opts
	long.Timeout = wait - time.Since(start)
	return guardedOpen(path, &long)
}

// firstOf returns the waiting call of a function's optional argument, nil
// when none was given.
func firstOf(waiting []func()) func() {
	if len(waiting) > 0 {
		return waiting[0]
	}
	return nil
}
