package store

import (
	"errors"
	"fmt"
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
	// held mirrors writing for Changed, which takes no lock that a
	// transaction of this book holds while it waits for the file.
	held atomic.Bool
	// seen guards txid, file and outside: the book's transaction id and
	// file as this book last saw them (its own commit, or Changed);
	// outside says a write from elsewhere was seen by a write of this
	// book, before Changed. It is held only to read or set them, never
	// while a file is opened or waited for: Changed never waits.
	seen    sync.Mutex
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
}

// WriteWaiting reports whether a write of this shared book is waiting for
// another vipbook (a command in another terminal, a long import) to let
// go of the book, so the app can say that it waits. It reads a flag, no
// file: the app asks it as often as it likes. A book that is not shared
// never waits so: false.
func (b *Book) WriteWaiting() bool { return b.sh != nil && b.sh.waiting.Load() }

// openForWrite opens the file of a shared book for one write, and makes
// it the book's open file (sh.db, sh.writing). A book held by another
// vipbook is tried for appFirstTry, then, said by WriteWaiting, waited for
// up to sh.wait, as a command waits for the app: the app holds the book
// for a transaction only, and so does the command line, except for a long
// import, a check or a backup's copy.
//
// The wait holds no lock of this book: sh.mu is taken only for each try,
// which does not wait (one flock attempt), so the app's reads go on
// beside a write that waits (a check or a backup in another terminal
// holds bbolt's shared lock, which the app's reads share), and Changed
// still looks.
func (b *Book) openForWrite() (*bolt.DB, error) {
	sh := b.sh
	start := time.Now()
	once := *b.opts
	once.Timeout = time.Nanosecond // one attempt: bbolt gives up at once
	defer sh.waiting.Store(false)
	for {
		sh.mu.Lock()
		for sh.writing || sh.users > 0 {
			sh.free.Wait()
		}
		db, err := guardedOpen(b.path, &once)
		if err == nil {
			sh.db, sh.writing = db, true
			sh.held.Store(true)
		}
		sh.mu.Unlock()
		if !errors.Is(err, berrors.ErrTimeout) {
			return db, err
		}
		waited := time.Since(start)
		if waited >= sh.wait {
			return nil, err
		}
		if waited >= appFirstTry {
			sh.waiting.Store(true)
		}
		time.Sleep(min(writeRetry, sh.wait-waited))
	}
}

// writeRetry is how often a write of a shared book that finds the book
// held tries it again (bbolt's own flock retry).
const writeRetry = 50 * time.Millisecond

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
		db, err := b.openForWrite()
		if err != nil {
			return nil, nil, openErr(b.path, err)
		}
		return db, func() {
			sh.mu.Lock()
			defer sh.mu.Unlock()
			sh.writing = false
			sh.held.Store(false)
			sh.letGo()
		}, nil
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
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
	sh.seen.Lock()
	defer sh.seen.Unlock()
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
	sh.seen.Lock()
	defer sh.seen.Unlock()
	sh.txid = uint64(txid)
	if err == nil {
		sh.file = fi
	}
}

// Changed reports whether another vipbook wrote to the book, or replaced
// its file, since the last call (or since Open): a shared book's reader
// then reads again what it shows. It reads the file's two meta pages,
// taking no lock (bbolt writes a meta page whole, with its checksum, and
// the valid one with the higher transaction id is the book's), and no
// lock of this book that a transaction holds (a read of this book may
// hold sh.mu while it waits for another vipbook's write), so it never
// waits: not for another vipbook holding the book, nor for a read or a
// write of this book waiting for one. The app can ask every half second.
// A book that is not shared holds the file and sees no other writer:
// false.
func (b *Book) Changed() (bool, error) {
	sh := b.sh
	if sh == nil {
		return false, nil
	}
	txid, fi, err := lastCommit(b.path)
	if err != nil {
		return false, err
	}
	if sh.held.Load() {
		// A write of this book holds the file: the commit read may be its
		// own, which it records (wrote) before letting go. Saying
		// "changed" now would make the app read everything again for its
		// own write; the next look sees what others did.
		return false, nil
	}
	sh.seen.Lock()
	defer sh.seen.Unlock()
	same := os.SameFile(fi, sh.file)
	if same && txid < sh.txid {
		// Read before a commit of this book that was recorded since
		// (wrote): an older look, not a change.
		changed := sh.outside
		sh.outside = false
		return changed, nil
	}
	changed := sh.outside || txid != sh.txid || !same
	sh.txid, sh.file, sh.outside = txid, fi, false
	return changed, nil
}

// lastCommit reads the transaction id of the last commit of the book at
// path from its meta pages, without a lock, and the file it read.
func lastCommit(path string) (uint64, os.FileInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return 0, nil, err
	}
	buf := make([]byte, pageHeaderSize+metaSize)
	read := func(off int64) (diskMeta, bool) {
		n, _ := f.ReadAt(buf, off) // a short read fails parseMeta
		m, _, ok := parseMeta(buf[:n])
		return m, ok
	}
	best, found := read(0)
	// The second meta page is one page in, at the first's page size; when
	// the first does not read (being written as this looks), at each page
	// size bbolt may have used (the machine's: 4 to 64 KiB).
	offs := []int64{defaultPageSize, 2 * defaultPageSize, 4 * defaultPageSize, 16 * defaultPageSize}
	if found {
		offs = []int64{int64(best.pageSize)}
	}
	for _, off := range offs {
		if m, ok := read(off); ok {
			if !found || m.txid > best.txid {
				best, found = m, true
			}
			break
		}
	}
	if !found {
		return 0, nil, fmt.Errorf("%w: %s", ErrDamaged, path)
	}
	return best.txid, fi, nil
}

// IsShared reports whether the book holds its file only per transaction
// (Options.Shared), so that Changed can see other vipbooks' writes.
func (b *Book) IsShared() bool { return b.sh != nil }
