package store

import (
	"errors"
	"os"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// A book opened with Options.Shared (the app, open all day) holds the file
// only while a transaction runs, so that every other vipbook can use the
// book beside it: bbolt locks the whole file (flock) from its open to its
// close, shared for a reader and exclusive for a writer, so a long-lived
// handle would keep every other writer out, and a writable one every
// reader too.
//
// Here the file is opened per transaction: read-only for a read (other
// readers share it; a writer elsewhere waits for the read to end), writable
// for a write. Reads of this process that overlap share one open; a write
// waits for them and they wait for it, but a read that starts while this
// process writes uses the write's open (bbolt allows a read beside a
// write), so a read inside a write cannot wait on itself. Opening is cheap:
// the freelist is kept in the file and the pages are mapped, not read.
//
// The same file, opened again each time, also means a book replaced under
// its name (a restore, an erase's compaction by another vipbook) is the
// one the next transaction reads.
//
// Changed tells the app that another vipbook wrote: bbolt's transaction id
// (in the meta page) grows by one at every commit, and the file changes
// identity when it is replaced; the book remembers both after each of its
// own commits.

// sharedFile is the file of a shared book and what it remembers of it.
type sharedFile struct {
	mu      sync.Mutex
	free    *sync.Cond // signalled when users or writing fall
	db      *bolt.DB   // open while users > 0 or writing
	users   int        // reads under way on db
	writing bool       // db is writable and a write is under way
	// txid and file are the book's transaction id and file as this book
	// last saw them (its own commit, or Changed); outside says a write
	// from elsewhere was seen by a write of this book, before Changed.
	txid    uint64
	file    os.FileInfo
	outside bool
	// presence is the lock that tells other vipbooks the app is open on
	// the book (appopen.go).
	presence *appPresence
	// wait is how long a write waits for another vipbook to let go of
	// the book (AppWait unless Options.Timeout says); waiting is true
	// while a write waits so (WriteWaiting).
	wait    time.Duration
	waiting atomic.Bool
	// opening counts the writes opening the file (waiting for it, maybe):
	// Changed does not queue behind them (see there).
	opening atomic.Int32
}

// WriteWaiting reports whether a write of this shared book is waiting for
// another vipbook (a command in another terminal, a long import) to let
// go of the book, so the app can say that it waits. It reads a flag, no
// file: the app asks it as often as it likes. A book that is not shared
// never waits so: false.
func (b *Book) WriteWaiting() bool { return b.sh != nil && b.sh.waiting.Load() }

// openForWrite opens the file of a shared book for one write. A book held
// by another vipbook is tried for appFirstTry, then, said by WriteWaiting,
// waited for up to sh.wait, as a command waits for the app: the app
// holds the book for a transaction only, and so does the command line,
// except for a long import or handover. sh.mu is held.
func (b *Book) openForWrite() (*bolt.DB, error) {
	sh := b.sh
	first := *b.opts
	first.Timeout = min(appFirstTry, sh.wait)
	db, err := guardedOpen(b.path, &first)
	if !errors.Is(err, berrors.ErrTimeout) || sh.wait <= first.Timeout {
		return db, err
	}
	sh.waiting.Store(true)
	defer sh.waiting.Store(false)
	long := *b.opts
	long.Timeout = sh.wait - first.Timeout
	return guardedOpen(b.path, &long)
}

// share turns the book opened by Open into a shared one: it remembers the
// file as it is and lets go of it; app says it is the app, open all day
// (AppOpen).
func (b *Book) share(wait time.Duration, app bool) error {
	sh := &sharedFile{wait: wait}
	sh.free = sync.NewCond(&sh.mu)
	err := b.db.View(func(tx *bolt.Tx) error { sh.txid = uint64(tx.ID()); return nil })
	if err == nil {
		sh.file, err = os.Stat(b.path)
	}
	if cerr := b.db.Close(); err == nil {
		err = cerr
	}
	if err == nil && app {
		sh.presence, err = announce(b.path)
	}
	if err != nil {
		return err
	}
	b.db, b.sh = nil, sh
	return nil
}

// hold returns the database for one transaction and the function that lets
// it go: the one open for the book's whole life, or, for a shared book,
// the file opened for this transaction (see above).
func (b *Book) hold(write bool) (*bolt.DB, func(), error) {
	sh := b.sh
	if sh == nil {
		return b.db, func() {}, nil
	}
	if write {
		sh.opening.Add(1)
		defer sh.opening.Add(-1)
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if write {
		for sh.writing || sh.users > 0 {
			sh.free.Wait()
		}
		db, err := b.openForWrite()
		if err != nil {
			return nil, nil, openErr(b.path, err)
		}
		sh.db, sh.writing = db, true
		return db, func() {
			sh.mu.Lock()
			defer sh.mu.Unlock()
			sh.writing = false
			sh.letGo()
		}, nil
	}
	if sh.db == nil {
		opts := *b.opts
		opts.ReadOnly = true
		db, err := guardedOpen(b.path, &opts)
		if err != nil {
			return nil, nil, openErr(b.path, err)
		}
		sh.db = db
	}
	sh.users++
	db := sh.db
	return db, func() {
		sh.mu.Lock()
		defer sh.mu.Unlock()
		sh.users--
		sh.letGo()
	}, nil
}

// letGo closes the file when no transaction uses it. sh.mu is held.
func (sh *sharedFile) letGo() {
	if sh.users == 0 && !sh.writing && sh.db != nil {
		sh.db.Close()
		sh.db = nil
	}
	sh.free.Broadcast()
}

// writing notes, at the start of a write transaction of a shared book,
// whether another vipbook wrote since this one last looked (the
// transaction before this one is not the last one it saw).
func (b *Book) writing(tx *bolt.Tx) {
	sh := b.sh
	if sh == nil {
		return
	}
	fi, err := os.Stat(b.path)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if uint64(tx.ID())-1 != sh.txid || err != nil || !os.SameFile(fi, sh.file) {
		sh.outside = true
	}
}

// wrote remembers the transaction id of a commit of this book.
func (b *Book) wrote(txid int) {
	sh := b.sh
	if sh == nil {
		return
	}
	fi, err := os.Stat(b.path)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.txid = uint64(txid)
	if err == nil {
		sh.file = fi
	}
}

// Changed reports whether another vipbook wrote to the book, or replaced
// its file, since the last call (or since Open): a shared book's reader
// then reads again what it shows. It is a short read (the meta page), so
// the app can ask every second. A book that is not shared holds the file
// and sees no other writer: false.
func (b *Book) Changed() (bool, error) {
	sh := b.sh
	if sh == nil {
		return false, nil
	}
	if sh.opening.Load() > 0 {
		// A write of this book is opening the file, perhaps waiting for
		// another vipbook: a look now would wait behind it, and the app,
		// which asks every half second, would stop hearing that it waits
		// (WriteWaiting). The write's own commit is seen at the next look.
		return false, nil
	}
	var txid uint64
	err := b.View(func(tx *Tx) error { txid = uint64(tx.tx.ID()); return nil })
	if err != nil {
		return false, err
	}
	fi, err := os.Stat(b.path)
	if err != nil {
		return false, err
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	changed := sh.outside || txid != sh.txid || !os.SameFile(fi, sh.file)
	sh.txid, sh.file, sh.outside = txid, fi, false
	return changed, nil
}

// IsShared reports whether the book holds its file only per transaction
// (Options.Shared), so that Changed can see other vipbooks' writes.
func (b *Book) IsShared() bool { return b.sh != nil }
