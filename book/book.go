package book

import (
	"errors"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/store"
)

// Options tune Open.
type Options struct {
	// Config is the configuration, already loaded: the rules take their
	// rhythm from it and ChooseClients its tiers. The zero value means
	// config.Default(). It is never read from a file here.
	Config *config.Config
	// Now is the clock: it stamps writes and says what "today" is. time.Now
	// when nil.
	Now func() time.Time
	// ReadOnly opens the book for reading only: several readers may share
	// it, and every write fails with ErrReadOnly.
	ReadOnly bool
	// Lang is the language of the titles the rules give the tasks they
	// make: "zh" for Chinese, English otherwise.
	Lang string
	// Timeout overrides store.OpenTimeout.
	Timeout time.Duration
	// MmapSize maps ahead for a write that grows the book a lot (an
	// import); see store.Options.MmapSize.
	MmapSize int
	// MaxSize is the largest the book file may grow to, in bytes; 0 means
	// no limit (store.Options.MaxSize).
	MaxSize int
	// WorkFactor is the scrypt work factor of the handover bundles HandOver
	// writes; 0 is age's default (about a second). Tests lower it.
	WorkFactor int
	// Shared holds the file only while a transaction runs, so other
	// vipbooks read and write beside this one (the app, open all day);
	// see store.Options.Shared.
	Shared bool
	// Waiting is called when the book is held by another vipbook (the
	// app, a backup, another command), before Open waits for it
	// (store.Options.Waiting).
	Waiting func()
	// Passing, with Shared, holds the file per transaction without saying
	// the app is open: `vipbook backup` (store.Options.Passing).
	Passing bool
	// HeldWait is how long Open waits for a book another vipbook holds
	// (store.Options.HeldWait; zero: store.AppWait).
	HeldWait time.Duration
	// CopyHold is a test seam: a backup holds the book until it returns,
	// once its pages are copied (store.Options.CopyHold).
	CopyHold func()
	// Preparing is told each step of the one-time work an open does on a
	// book an older vipbook wrote (store.Options.Preparing).
	Preparing func(store.Prep)
}

// Book is an open book with the follow-up rules installed.
type Book struct {
	st   *store.Book
	opt  Options
	cfg  config.Config
	rule *ruleHooks
}

// Open opens the book at path and installs the follow-up rules from
// opt.Config. The store's errors (store.ErrNoBook, store.ErrLocked,
// store.ErrReadOnlyFile, ...) are returned as they are.
func Open(path string, opt Options) (*Book, error) {
	st, err := store.Open(path, opt.storeOptions())
	if err != nil {
		return nil, openSaid(err)
	}
	return wrap(st, opt), nil
}

// Init creates a new, empty book at path for the associate meta describes,
// and opens it as Open does.
func Init(path string, meta store.Meta, opt Options) (*Book, error) {
	st, err := store.Init(path, meta, opt.storeOptions())
	if err != nil {
		return nil, openSaid(err)
	}
	return wrap(st, opt), nil
}

// openSaid words the errors of opening a book that the catalog says (a
// path that is no book file); the others keep the store's own words,
// which name the file and the remedy.
func openSaid(err error) error {
	var nf *store.NotFileError
	if errors.As(err, &nf) {
		return said(err)
	}
	return err
}

func (opt *Options) storeOptions() store.Options {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	return store.Options{ReadOnly: opt.ReadOnly, Now: opt.Now, Timeout: opt.Timeout, MmapSize: opt.MmapSize,
		MaxSize: opt.MaxSize, Shared: opt.Shared, Waiting: opt.Waiting,
		Passing: opt.Passing, CopyHold: opt.CopyHold, HeldWait: opt.HeldWait, Preparing: opt.Preparing}
}

func wrap(st *store.Book, opt Options) *Book {
	cfg := config.Default()
	if opt.Config != nil {
		cfg = *opt.Config
	}
	b := &Book{st: st, opt: opt, cfg: cfg}
	b.rule = &ruleHooks{lang: opt.Lang, cfg: cfg.Rhythm, year: cfg.Tiers.YearStart(), tiers: cfg.Tiers}
	if !opt.ReadOnly {
		b.rule.install(st)
		// The day's catching up is no reason to refuse the book: a full
		// disk or a locked file says so at the write that was asked for.
		_, _ = b.CatchUp()
	}
	return b
}

// Close closes the book.
func (b *Book) Close() error { return b.st.Close() }

// Store returns the store under the book, for the read models (briefing,
// report, search) and the file-level operations (backup, size). Writes
// go through the book's methods, never through the store's transactions.
func (b *Book) Store() *store.Book { return b.st }

// View runs fn in a read transaction.
func (b *Book) View(fn func(tx *store.Tx) error) error { return b.st.View(fn) }

// Path returns the book file's path.
func (b *Book) Path() string { return b.st.Path() }

// Meta returns the book's description.
func (b *Book) Meta() store.Meta { return b.st.Meta() }

// Config returns the configuration the book was opened with.
func (b *Book) Config() config.Config { return b.cfg }

// now returns the book's clock's time; today its day.
func (b *Book) now() time.Time    { return b.opt.Now() }
func (b *Book) today() civil.Date { return civil.Of(b.opt.Now()) }

// update runs fn in one write transaction (the rules' tasks land with it)
// and says its error as the book's.
func (b *Book) update(fn func(tx *store.Tx) error) error {
	if b.opt.ReadOnly {
		return &Error{Key: ErrReadOnly.Key, Err: store.ErrReadOnly}
	}
	return said(b.st.Update(fn))
}
