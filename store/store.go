package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the layout version this vipbook writes and reads.
const SchemaVersion = 1

// OpenTimeout is how long Open waits for another vipbook to let go of the
// book before giving up with ErrLocked.
const OpenTimeout = time.Second

var (
	bMeta        = []byte("meta")
	bClients     = []byte("clients")
	bSummaries   = []byte("summaries")
	bPhones      = []byte("phones")
	bCards       = []byte("cards") // card number 0x00 client id
	bNotes       = []byte("notes")
	bNoteTime    = []byte("notetime")
	bNoteIDs     = []byte("noteids")
	bPurchases   = []byte("purchases")
	bPurchaseIDs = []byte("purchaseids")
	bTasks       = []byte("tasks")
	bTaskDue     = []byte("taskdue")
	bTaskClient  = []byte("taskclient")
	bTaskOrigin  = []byte("taskorigin")
	bAppts       = []byte("appts")
	bApptStart   = []byte("apptstart")
	bApptClient  = []byte("apptclient")
	bRequests    = []byte("requests")
	bReqClient   = []byte("reqclient")
	bReqOpen     = []byte("reqopen") // the ids of the open requests (open or sourcing)
	bDrafts      = []byte("drafts")
	bRuleState   = []byte("rulestate")
	bAliases     = []byte("aliases") // merged client id -> the client it was merged into

	allBuckets = [][]byte{bMeta, bClients, bSummaries, bPhones, bNotes, bNoteTime, bNoteIDs,
		bPurchases, bPurchaseIDs, bTasks, bTaskDue, bTaskClient, bTaskOrigin, bTaskDone, bAppts,
		bApptStart, bApptClient, bRequests, bReqClient, bReqOpen, bDrafts, bRuleState, bCards,
		bChanges, bFieldClock, bAliases, bChainIDs, bSearch, bSearchRev, bValue, bRank, bRankRev, bSpendDay, bBrief, bSitTime, bSearchRow, bStanding}

	kSchema = []byte("schema")
	kBook   = []byte("book")
)

// Meta describes the book and the associate who keeps it.
type Meta struct {
	Associate   string    `json:"associate"`
	Store       string    `json:"store,omitempty"`
	Currency    string    `json:"currency"`     // ISO 4217, CNY by default
	CountryCode string    `json:"country_code"` // calling code assumed for phones typed without one
	Created     time.Time `json:"created"`
	Demo        bool      `json:"demo,omitempty"` // written by `vipbook demo`; may be overwritten by it
	// DemoWrote is what the demo wrote (nil in a demo book written before
	// it was kept): a demo book that holds anything more is real work.
	DemoWrote *Counts `json:"demo_wrote,omitempty"`
}

// Options tune Open.
type Options struct {
	// ReadOnly opens the book for reading; several readers may share it.
	ReadOnly bool
	// Timeout overrides OpenTimeout.
	Timeout time.Duration
	// Now is the clock used to stamp writes; time.Now when nil.
	Now func() time.Time
	// NoSync skips fsync on commit. Only generators and benchmarks building
	// throwaway books use it.
	NoSync bool
	// MmapSize is the initial size of the memory map, in bytes; 0 lets
	// bbolt decide. A transaction that grows the book a lot (a handover of
	// thousands of clients) maps ahead with it, so bbolt does not re-map,
	// copying every page the transaction holds, at each doubling.
	MmapSize int
	// MaxSize is the largest the book file may grow to, in bytes; 0 means
	// no limit. A write that would grow it further fails with ErrFull and
	// leaves the book as it was.
	MaxSize int
	// Shared holds the file only for the length of each transaction, so
	// that other vipbooks (the CLI in a second terminal, a script) read and
	// write the book while this one stays open all day: a read takes
	// bbolt's shared lock and a write its exclusive lock, each for one
	// transaction (shared.go). Changed says when another vipbook wrote.
	// A write that finds the book held waits up to AppWait (Timeout when
	// set), said by WriteWaiting; a read waits Timeout (OpenTimeout).
	Shared bool
	// Waiting is called once when the book is held by another vipbook
	// (the app, AppOpen; a backup copying it, BackingUp; another command),
	// before Open, without Timeout, waits up to AppWait for it: the
	// command says that it waits, and for what.
	Waiting func()
	// Passing, with Shared, holds the file per transaction without saying
	// that the app is open (AppOpen): for a command that holds the book
	// for one long read, `vipbook backup`, which so lets go of it once the
	// pages are copied, as the app's backup does. Open waits for the book
	// as any command does.
	Passing bool
	// HeldWait is how long Open waits for a book another vipbook holds
	// (see Waiting); zero means AppWait. Tests that play a book held for
	// good set it short.
	HeldWait time.Duration
	// CopyHold is a test seam: Backup, once its pages are copied, holds
	// the book until it returns, as a slow copy of a big book would. A
	// test lets go once the other vipbook waited (a fixed time was too
	// short for a loaded machine to reach the wait in).
	CopyHold func()
	// Preparing, when not nil, is told each step of the one-time work a
	// writable open does on a book an older vipbook wrote (or that a
	// killed one left half done), as it starts and as it goes on: that
	// work takes from seconds to minutes on a big book, and the front end
	// says what it is doing meanwhile. It is called from Open's goroutine.
	Preparing func(Prep)
}

// PrepStep names a step of the one-time work of a writable open.
type PrepStep string

// The steps of the one-time work, in the order they run.
const (
	PrepUpgrade PrepStep = "upgrade" // new buckets; the summaries brought up to date
	PrepIndexes PrepStep = "indexes" // the per-client kept indexes: Done of Total clients
	PrepRanking PrepStep = "ranking" // the spend ranking
	PrepSearch  PrepStep = "search"  // the search lists
	PrepSeal    PrepStep = "seal"    // the records' seals: Done records so far
	PrepCompact PrepStep = "compact" // the file compacted: the space the work left free given back
)

// Prep is where the one-time work of a writable open is: the step, and
// how far into it (Done of Total; Total 0 when not known, Done 0 at the
// step's start).
type Prep struct {
	Step        PrepStep
	Done, Total int
}

// Hooks are called inside the transaction of the write that triggers them,
// so what they add (a rule's tasks) lands with the write or not at all. A
// nil hook is skipped.
type Hooks struct {
	// ClientAdded is called with the client added, as written (its id
	// given): a hook reads from it what it needs without reading the book
	// (an import's 10k new clients, most of which no rule is about).
	ClientAdded   func(tx *Tx, p *profile.Profile) error
	ClientUpdated func(tx *Tx, before, after *profile.Profile) error
	NoteAdded     func(tx *Tx, noteID string) error
	PurchaseAdded func(tx *Tx, purchaseID string) error
	// TaskUpdated is called after a task is rewritten (ticked, snoozed,
	// cancelled, edited), with the task as it was and as it is now.
	TaskUpdated func(tx *Tx, before, after *tasks.Task) error
	// NoteRemoved and PurchaseRemoved are called after a note or a
	// purchase is deleted (DeleteNote, DeletePurchase), with the record
	// as it was.
	NoteRemoved     func(tx *Tx, n *notes.Note) error
	PurchaseRemoved func(tx *Tx, p *profile.Purchase) error
}

// Book is an open book file.
type Book struct {
	db    *bolt.DB
	opts  *bolt.Options // as opened: CompactInPlace reopens the book with them
	path  string
	meta  Meta
	now   func() time.Time
	hooks Hooks
	ro    bool
	// loosened is the mode Open found on a book others could read, before
	// it made the file owner-only; 0 when the mode was already right.
	loosened os.FileMode
	// looseKept is the mode of a book others could read that Open could
	// not make owner-only (not the owner).
	looseKept os.FileMode
	// sh is the file held per transaction (Options.Shared); nil when the
	// book holds db from Open to Close.
	sh *sharedFile
	// copyHold is Options.CopyHold.
	copyHold func()
	// preparing is Options.Preparing; nil says nothing.
	preparing func(Prep)
}

// prep tells Options.Preparing where the one-time work is.
func (b *Book) prep(step PrepStep, done, total int) {
	if b.preparing != nil {
		b.preparing(Prep{Step: step, Done: done, Total: total})
	}
}

// Exists reports whether a file is at path.
func Exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// boltMagic is the magic number at the start of every bbolt meta page.
const boltMagic = 0xED0CDAED

// Open opens the book at path. It refuses, leaving the file untouched, a
// file that is not a book or is from a newer vipbook, and gives ErrLocked
// after about a second when another vipbook holds the book.
func Open(path string, opt Options) (*Book, error) {
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s (run `vipbook init --associate NAME` or `vipbook demo`)", ErrNoBook, path)
	}
	if err != nil {
		return nil, err
	}
	if err := regularFile(path, st); err != nil {
		return nil, err
	}
	if err := sniff(path); err != nil {
		if errors.Is(err, ErrDamaged) {
			markDamaged(path, "open", newFinding("the file's pages are damaged"), time.Now())
		}
		return nil, err
	}
	if !opt.ReadOnly && st.Mode().Perm()&0o200 == 0 {
		// Root could write anyway; the owner said no, and vipbook listens.
		return nil, readOnlyFile(path, st.Mode())
	}
	b, err := openBolt(path, opt)
	if !opt.ReadOnly && errors.Is(err, os.ErrPermission) {
		return nil, readOnlyFile(path, st.Mode())
	}
	if err != nil {
		return nil, err
	}
	b.preparing = opt.Preparing
	missing, err := b.verifyOpened()
	if err != nil {
		b.db.Close()
		return nil, err
	}
	if st.Mode().Perm()&0o077 != 0 {
		// A book holds personal data: owner only, on every open, reads
		// included (a mode is no content: a read still alters no byte).
		// The caller tells the user; when the mode cannot be changed (the
		// file is another user's), it tells them that instead.
		if os.Chmod(path, st.Mode().Perm()&^0o077) == nil {
			b.loosened = st.Mode().Perm()
		} else {
			b.looseKept = st.Mode().Perm()
		}
	}
	if !opt.ReadOnly && missing {
		// Buckets added by a later release of the same schema are created
		// here (only then: a commit writes, even one that changes nothing),
		// and the kept indexes a bigger book lacks are built, streamed.
		// The same transaction says a compaction is owed: the one-time
		// work (the streamed build moving its indexes, the summaries'
		// upgrade, the seals) leaves pages free and pages half filled,
		// about a fifth of a 100k-client book, which the compaction at the
		// end of this open (finishInterrupted) gives back. Killed before
		// then, the next writable open compacts.
		b.prep(PrepUpgrade, 0, 0)
		err := b.db.Update(func(tx *bolt.Tx) error {
			if err := ensureBuckets(tx, civil.Of(b.now())); err != nil {
				return err
			}
			return tx.Bucket(bMeta).Put(kCompactOwed, []byte("1"))
		})
		if err == nil {
			var build bool
			_ = b.db.View(func(tx *bolt.Tx) error { build = keptMissing(tx); return nil })
			if build {
				err = b.buildKept(civil.Of(b.now()))
			}
		}
		if err != nil {
			b.db.Close()
			return nil, writeErr(err)
		}
	}
	if !opt.ReadOnly {
		// Records written before seals are sealed now, in batches each
		// committed on its own (one transaction would hold every page of
		// a 100k-client book in memory).
		if err := b.sealRecords(); err != nil {
			b.db.Close()
			return nil, writeErr(err)
		}
	}
	if !opt.ReadOnly {
		// This vipbook holds the book alone now: what a killed one left
		// half done is finished (issue 14 point 3).
		b.finishInterrupted()
	}
	if opt.Shared {
		wait := opt.Timeout
		if wait == 0 {
			wait = AppWait
		}
		if err := b.share(wait, !opt.Passing); err != nil {
			return nil, err
		}
	}
	b.copyHold = opt.CopyHold
	return b, nil
}

// openBolt opens the bbolt file. The freelist is kept in the file (bbolt's
// default): without it, every writable open of a 100k-client book would
// scan the whole file to rebuild it (about 600 ms).
func openBolt(path string, opt Options) (*Book, error) {
	timeout := opt.Timeout
	if timeout == 0 {
		timeout = OpenTimeout
	}
	opts := &bolt.Options{Timeout: timeout, ReadOnly: opt.ReadOnly, NoSync: opt.NoSync, FreelistType: bolt.FreelistMapType,
		InitialMmapSize: opt.MmapSize, MaxSize: opt.MaxSize}
	var db *bolt.DB
	var err error
	if opt.Timeout == 0 && (!opt.Shared || opt.Passing) {
		db, err = waitOpen(path, opts, opt.Waiting, opt.HeldWait)
	} else {
		db, err = guardedOpen(path, opts)
	}
	if err != nil {
		return nil, openErr(path, err)
	}
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	return &Book{db: db, opts: opts, path: path, now: now, ro: opt.ReadOnly}, nil
}

// openErr says why bbolt could not open the file at path in the book's
// terms: ErrLocked when another vipbook holds it, ErrDamaged, ErrNotBook.
func openErr(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return ErrLocked
	case errors.Is(err, ErrDamaged):
		return fmt.Errorf("%w: %s", err, path)
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
		return fmt.Errorf("%w: %s", ErrNotBook, path)
	}
	return fmt.Errorf("open %s: %w", path, err)
}

func (b *Book) readMeta(tx *bolt.Tx) error {
	mb := tx.Bucket(bMeta)
	if mb == nil {
		return fmt.Errorf("%w: %s", ErrNotBook, b.path)
	}
	v, err := strconv.Atoi(string(mb.Get(kSchema)))
	if err != nil {
		return fmt.Errorf("%w: %s has no schema version", ErrNotBook, b.path)
	}
	if v > SchemaVersion {
		return fmt.Errorf("%w (book schema %d, this vipbook reads up to %d)", ErrNewerSchema, v, SchemaVersion)
	}
	if err := json.Unmarshal(mb.Get(kBook), &b.meta); err != nil {
		return fmt.Errorf("%w: %s: damaged book description", ErrNotBook, b.path)
	}
	return nil
}

// ensureBuckets creates the buckets a book lacks (a new book, or one
// written by an earlier vipbook), brings old summaries up to date and
// seals unsealed clients. The kept indexes it builds in tx only for a
// small book; a bigger one's are built streamed once tx is committed
// (Book.buildKept).
func ensureBuckets(tx *bolt.Tx, today civil.Date) error {
	for _, name := range allBuckets {
		if tx.Bucket(name) != nil || slices.ContainsFunc(keptIndexes, func(k []byte) bool { return bytes.Equal(k, name) }) {
			continue
		}
		bk, err := tx.CreateBucket(name)
		if err != nil {
			return err
		}
		// An index added by a later release is built from its records
		// when it is created, so that it is whole from then on.
		if bytes.Equal(name, bReqOpen) {
			if err := indexOpenRequests(tx.Bucket(bRequests), bk); err != nil {
				return err
			}
		}
		if bytes.Equal(name, bTaskDone) && tx.Bucket(bTasks) != nil {
			if err := indexDone(tx, bk); err != nil {
				return err
			}
		}
		if bytes.Equal(name, bSitTime) {
			if err := indexSituations(tx, bk); err != nil {
				return err
			}
		}
		if bytes.Equal(name, bTaskDue) && tx.Bucket(bTasks) != nil {
			// Lost whole (every book had it): the open tasks go back in.
			if err := putAllSorted(bulkPut{bk, wantDue(tx)}); err != nil {
				return err
			}
		}
	}
	if summariesOld(tx) {
		if err := upgradeSummaries(tx); err != nil {
			return err
		}
	}
	if searchTokensOld(tx) {
		if err := upgradeSearchTokens(tx); err != nil {
			return err
		}
	}
	if tx.Bucket(bIndexBuild) == nil && fewClients(tx.Bucket(bSummaries), buildInPlace) {
		if err := buildKeptInPlace(tx, today); err != nil {
			return err
		}
	}
	return nil
}

// Init creates a new book at path (and its directory, 0700) for the
// associate in meta. It refuses when a file is already there.
func Init(path string, meta Meta, opt Options) (*Book, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, regularFile(path, st)
	}
	if Exists(path) {
		return nil, fmt.Errorf("%w: %s", ErrExists, path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	b, err := openBolt(path, opt)
	if err != nil {
		return nil, err
	}
	if meta.Currency == "" {
		meta.Currency = "CNY"
	}
	if meta.CountryCode == "" {
		meta.CountryCode = "86"
	}
	if meta.Created.IsZero() {
		meta.Created = b.now()
	}
	err = b.db.Update(func(tx *bolt.Tx) error {
		if err := ensureBuckets(tx, civil.Of(b.now())); err != nil {
			return err
		}
		mb := tx.Bucket(bMeta)
		if err := mb.Put(kSealed, sealedAll); err != nil { // a new book: every record it gets is sealed
			return err
		}
		if err := mb.Put(kSchema, []byte(strconv.Itoa(SchemaVersion))); err != nil {
			return err
		}
		raw, err := json.Marshal(meta)
		if err != nil {
			return err
		}
		return mb.Put(kBook, raw)
	})
	if err != nil {
		b.db.Close()
		os.Remove(path)
		return nil, err
	}
	b.meta = meta
	return b, nil
}

// Close releases the book.
func (b *Book) Close() error {
	if b.sh != nil {
		b.sh.presence.leave() // held only while a transaction runs
		return nil
	}
	return b.db.Close()
}

// Path returns the file the book lives in.
func (b *Book) Path() string { return b.path }

// Meta returns the book's description.
func (b *Book) Meta() Meta { return b.meta }

// Now returns the book's clock reading.
func (b *Book) Now() time.Time { return b.now() }

// SetHooks installs the hooks called on writes (the clienteling rules).
func (b *Book) SetHooks(h Hooks) { b.hooks = h }

// WithoutHooks returns the same open book without its hooks, for the
// writes that must not run the rules while the book stays open with them:
// a handover's export and import from the TUI (an imported purchase is
// history, not a sale that starts a thank-you rhythm). Close b, not it.
func (b *Book) WithoutHooks() *Book {
	c := *b
	c.hooks = Hooks{}
	return &c
}

// SetMeta replaces the book's description.
func (b *Book) SetMeta(m Meta) error {
	return b.Update(func(tx *Tx) error {
		raw, err := json.Marshal(m)
		if err != nil {
			return err
		}
		if err := tx.tx.Bucket(bMeta).Put(kBook, raw); err != nil {
			return err
		}
		b.meta = m
		return nil
	})
}

// Size returns the size of the book file in bytes.
func (b *Book) Size() (int64, error) {
	var n int64
	err := b.View(func(tx *Tx) error { n = tx.tx.Size(); return nil })
	return n, err
}

// Tx is a transaction on the book. Every method of Book that reads or writes
// has a Tx form, so several writes (an import, a handover) can land together
// or not at all.
type Tx struct {
	tx   *bolt.Tx
	book *Book
	// pulling marks a transaction that applies changes pulled from the
	// chain: its writes are not logged again.
	pulling bool
	// join is the book's Join record as read by this transaction (see
	// joined); nil before it is read.
	join *Join
	// deferred holds the kept index writes deferred to the transaction's
	// end (DeferIndexes); nil when none are.
	deferred *deferredKept
}

// Book returns the book the transaction belongs to.
func (tx *Tx) Book() *Book { return tx.book }

// Now returns the book's clock reading.
func (tx *Tx) Now() time.Time { return tx.book.now() }

// Update runs fn in a read-write transaction: all of fn's writes land, or
// none when fn returns an error.
func (b *Book) Update(fn func(tx *Tx) error) error { return b.update(fn, false) }

// update is Update; pastMark lets the write go in a book marked damaged
// (KnownDamaged): an erasure, owed to the client whatever the book's
// state, which only deletes. It goes in only when bbolt's own check of
// the file's pages passes in the write's transaction, so the damage is
// inside records (a seal that does not match), not in the pages and the
// free list a write would build on.
func (b *Book) update(fn func(tx *Tx) error, pastMark bool) error {
	if b.ro {
		return ErrReadOnly
	}
	m, marked := KnownDamaged(b.path)
	if marked && !pastMark {
		return &KnownDamagedError{Path: b.path, Mark: m}
	}
	db, release, err := b.hold(true)
	if err != nil {
		return b.noteDamage("write", err)
	}
	defer release()
	err = writeErr(guarded(func() error {
		return db.Update(func(tx *bolt.Tx) error {
			b.writing(tx)
			if marked {
				var bad error
				for range tx.Check() { // read to the end: bbolt's walk sends them all
					if bad == nil {
						bad = &KnownDamagedError{Path: b.path, Mark: m}
					}
				}
				if bad != nil {
					return bad
				}
			}
			t := &Tx{tx: tx, book: b}
			if err := fn(t); err != nil {
				return err
			}
			if err := t.flushDeferred(); err != nil {
				return err
			}
			id := tx.ID() // gone once committed
			tx.OnCommit(func() { b.wrote(id) })
			return nil
		})
	}))
	return b.noteDamage("write", err)
}

// writeErr turns a commit that found no room (bbolt's size limit, or the
// disk's ENOSPC or EDQUOT) into ErrFull; other errors pass as they are.
func writeErr(err error) error {
	if err == nil || errors.Is(err, ErrFull) {
		return err
	}
	if errors.Is(err, berrors.ErrMaxSizeReached) || isNoSpace(err) {
		return fmt.Errorf("%w (%v)", ErrFull, err)
	}
	return err
}

// readOnlyFile says why a writable open of the book at path was refused.
func readOnlyFile(path string, mode os.FileMode) error {
	if mode.Perm()&0o200 == 0 {
		return fmt.Errorf("%w (mode %04o): vipbook can show it but not save to it; make it writable with chmod u+w %s",
			ErrReadOnlyFile, mode.Perm(), path)
	}
	return fmt.Errorf("%w: %s is not yours to write (permission denied): vipbook can show it but not save to it",
		ErrReadOnlyFile, path)
}

// Loosened reports the mode Open found on a book that others could read
// and that it made owner-only (0600), so the caller can tell the user once.
func (b *Book) Loosened() (os.FileMode, bool) { return b.loosened, b.loosened != 0 }

// LooseKept reports the mode of a book others can read that Open could not
// make owner-only (the file is another user's), so the caller can warn.
func (b *Book) LooseKept() (os.FileMode, bool) { return b.looseKept, b.looseKept != 0 }

// View runs fn in a read-only transaction.
func (b *Book) View(fn func(tx *Tx) error) error {
	db, release, err := b.hold(false)
	if err != nil {
		return b.noteDamage("read", err)
	}
	defer release()
	err = guarded(func() error { return db.View(func(tx *bolt.Tx) error { return fn(&Tx{tx: tx, book: b}) }) })
	return b.noteDamage("read", err)
}

// Writable reports whether the transaction may write.
func (tx *Tx) Writable() bool { return tx.tx.Writable() }

func (tx *Tx) bucket(name []byte) *bolt.Bucket { return tx.tx.Bucket(name) }

func getJSON(bk *bolt.Bucket, key []byte, v any) error {
	raw := bk.Get(key)
	if raw == nil {
		return ErrNotFound
	}
	return unmarshalRecord(raw, v)
}

// putSealed writes v as putJSON does, sealed (seal.go): a client's record.
func putSealed(bk *bolt.Bucket, key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return bk.Put(key, seal(raw))
}

func putJSON(bk *bolt.Bucket, key []byte, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return bk.Put(key, raw)
}

// join builds an index key from parts separated by 0x00.
func join(parts ...[]byte) []byte {
	n := len(parts) - 1
	for _, p := range parts {
		n += len(p)
	}
	out := make([]byte, 0, n)
	for i, p := range parts {
		if i > 0 {
			out = append(out, 0)
		}
		out = append(out, p...)
	}
	return out
}

// prefix returns the scan prefix for a client id in a per-client bucket.
func prefix(id string) []byte { return append([]byte(id), 0) }

// scanPrefix calls fn for every key in bk that starts with p, in key order.
func scanPrefix(bk *bolt.Bucket, p []byte, fn func(k, v []byte) error) error {
	c := bk.Cursor()
	for k, v := c.Seek(p); k != nil && bytes.HasPrefix(k, p); k, v = c.Next() {
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

// Sync flushes the book to disk; books opened with NoSync call it when done.
func (b *Book) Sync() error {
	if b.sh != nil {
		return nil // every write was synced when its file was let go
	}
	return b.db.Sync()
}
