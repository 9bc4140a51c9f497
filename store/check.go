package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// How far the book is checked, and when:
//
//   - Open reads the two meta pages straight from the file (a few hundred
//     bytes) and refuses a book whose meta pages are damaged or that is
//     shorter than its meta pages say (truncated). It then reads the meta
//     bucket and touches the first and last leaf of every bucket, so damage
//     near the roots is found before anything is written. This costs
//     microseconds, whatever the size of the book.
//   - Every View and Update recovers the panics and memory faults that
//     bbolt raises on a damaged page into ErrDamaged, so damage deeper in a
//     large book surfaces as an error on the read that meets it, never as
//     a crash, and a write that meets it lands nothing.
//   - Check (`vipbook check`) walks every page of the file, then runs
//     bbolt's own consistency check and the book's invariants. It reads the
//     whole file, once.

// Report is what Check found in a book.
type Report struct {
	Path      string   `json:"path"`
	Size      int64    `json:"size"`      // bytes
	PageSize  int      `json:"page_size"` // bytes
	Pages     int      `json:"pages"`     // pages reachable from the meta page in use
	Clients   int      `json:"clients"`   // clients (profiles)
	Notes     int      `json:"notes"`     // notes
	Purchases int      `json:"purchases"` // purchases
	Tasks     int      `json:"tasks"`     // tasks, done ones included
	Removed   int      `json:"removed"`   // notes and purchases removed whose tombstones the book keeps
	Schema    int      `json:"schema"`    // layout version of the book
	Problems  []string `json:"problems"`  // what is wrong; empty when the book is sound
	// Findings are the problems as codes and arguments, for a front end
	// to say them in the associate's language (FindingOf), and for a
	// script to tell them apart by a code that stays when the words change.
	Findings []Finding `json:"findings"`
	// Notices are things worth knowing that are not damage (a bucket that
	// the next writable open adds); NoticeFindings are the same as codes
	// and arguments.
	Notices        []string  `json:"notices,omitempty"`
	NoticeFindings []Finding `json:"notice_findings,omitempty"`
	// EraseUnfinished: an erasure landed but its compaction was not done
	// (the vipbook that erased was killed), so the erased records' bytes
	// may remain in free pages until a writable open (any write, the app,
	// `vipbook check --repair`) finishes it. Not damage.
	EraseUnfinished bool `json:"erase_unfinished,omitempty"`
}

// Sound reports whether Check found nothing wrong.
func (r *Report) Sound() bool { return len(r.Problems) == 0 }

// maxProblems bounds the problems a report lists: a badly damaged book
// would otherwise list every page.
const maxProblems = 50

func (r *Report) problem(format string, args ...any) { r.add(newFinding(format, args...)) }

// add adds the problem f, up to maxProblems, then a line saying there
// are more.
func (r *Report) add(f Finding) {
	switch {
	case len(r.Problems) < maxProblems:
		r.Problems = append(r.Problems, f.Text)
		r.Findings = append(r.Findings, f)
	case len(r.Problems) == maxProblems:
		more := newFinding("(more problems not listed)")
		r.Problems = append(r.Problems, more.Text)
		r.Findings = append(r.Findings, more)
	}
}

// notice adds a notice (not damage), with its code and arguments.
func (r *Report) notice(format string, args ...any) {
	f := newFinding(format, args...)
	r.Notices = append(r.Notices, f.Text)
	r.NoticeFindings = append(r.NoticeFindings, f)
}

// setProblems makes fs the report's problems (the meta pages' inspection).
func (r *Report) setProblems(fs []Finding) {
	r.Problems, r.Findings = texts(fs), fs
}

// texts returns the English lines of fs.
func texts(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Text)
	}
	return out
}

// Check checks the book at path without writing to it: the file's page
// structure, bbolt's consistency check, and the book's own invariants (the
// meta bucket and schema, every bucket present, a summary for every client
// and no other, every index entry pointing at a record, every client's note
// count). Damage is listed in the report; the error is for a book that could
// not be checked at all (missing, not a book, held by another vipbook).
// Panics and memory faults raised by bbolt on damaged pages are recovered.
//
// Check keeps the book's damage mark (see KnownDamaged): a book it finds
// damaged is marked, so no vipbook writes to it; a book it finds sound is
// unmarked, and takes writes again.
//
// A book another vipbook holds is waited for as a command waits
// (waitOpen): waiting, when given, is called once the first try failed,
// so the command says for what it waits.
func Check(path string, waiting ...func()) (Report, error) {
	var said func()
	if len(waiting) > 0 {
		said = waiting[0]
	}
	rep, err := checkFileSaying(path, said)
	switch {
	case err != nil:
	case rep.Sound():
		clearDamaged(path)
	default:
		f, ok := rep.FindingOf(rep.Problems[0])
		if !ok {
			f = Finding{Text: rep.Problems[0], Code: "%s", Args: []string{rep.Problems[0]}}
		}
		markDamaged(path, "check", f, time.Now())
	}
	return rep, err
}

// checkFile is Check without the damage mark: for copies (a backup being
// written, a file to restore), not the book.
func checkFile(path string) (Report, error) { return checkFileSaying(path, nil) }

// checkFileSaying is checkFile, calling waiting (when not nil) when the
// file is held by another vipbook and it waits.
func checkFileSaying(path string, waiting func()) (Report, error) {
	rep := Report{Path: path}
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return rep, fmt.Errorf("%w: %s", ErrNoBook, path)
	}
	if err != nil {
		return rep, err
	}
	if err := regularFile(path, st); err != nil {
		return rep, err
	}
	rep.Size = st.Size()
	lay, problems, err := inspect(path)
	if err != nil {
		return rep, err
	}
	rep.PageSize = lay.pageSize
	rep.setProblems(problems)
	if lay.best == nil {
		return rep, nil // no meta page to start from
	}
	// Take the lock (shared: other readers may stay) before the walk, so a
	// writer is not caught half way through a commit.
	db, err := waitOpen(path, &bolt.Options{ReadOnly: true, Timeout: OpenTimeout}, waiting, 0)
	if err != nil {
		switch err = openErr(path, err); {
		case errors.Is(err, ErrNotBook):
			rep.add(Finding{Text: fmt.Sprintf("bbolt cannot open the book: %v", err), Code: "bbolt cannot open the book: it is not a book"})
			return rep, nil
		case errors.Is(err, ErrDamaged):
			rep.add(Finding{Text: fmt.Sprintf("bbolt cannot open the book: %v", err), Code: "bbolt cannot open the book: its pages are damaged"})
			return rep, nil
		}
		return rep, err
	}
	defer db.Close()
	// The file was inspected before the lock was held: look again.
	lay, problems, err = inspect(path)
	if err != nil {
		return rep, err
	}
	rep.setProblems(problems)
	if lay.best == nil {
		return rep, nil
	}
	before := len(rep.Problems)
	rep.Pages = walkFile(path, lay, &rep)
	if len(rep.Problems) > before {
		// A page points outside the file or is not what it claims: bbolt's
		// own check would read through it.
		return rep, nil
	}
	if lay.metas[0] == nil || lay.metas[1] == nil {
		// bbolt's check starts by reading both meta pages as pages: it
		// would stop at the damaged one and check nothing else.
		rep.notice("bbolt's consistency check was skipped: it cannot run past a damaged meta page")
	} else {
		err = guarded(func() error {
			return db.View(func(tx *bolt.Tx) error {
				for cerr := range tx.Check() {
					rep.add(bboltFinding(cerr))
				}
				return nil
			})
		})
		if err != nil {
			rep.add(stopped(err))
			return rep, nil
		}
	}
	b := &Book{db: db, path: path, ro: true}
	err = guarded(func() error { return db.View(func(tx *bolt.Tx) error { return checkInvariants(b, tx, &rep) }) })
	switch {
	case errors.Is(err, ErrNewerSchema):
		return rep, err // its invariants are not this vipbook's to judge
	case err != nil:
		rep.add(stopped(err))
	}
	return rep, nil
}

// stopped is the problem of a check that could not go on: a panic on a
// damaged page (guarded's ErrDamaged) is said by its code alone, the
// runtime's or bbolt's English words kept in the line (Text) for a
// script; another error as it is.
func stopped(err error) Finding {
	if errors.Is(err, ErrDamaged) {
		const code = "reading the book stopped at a damaged page"
		detail := strings.TrimPrefix(err.Error(), ErrDamaged.Error())
		return Finding{Code: code, Text: code + detail}
	}
	return newFinding("%v", err)
}

// metaProblem says what readMeta found wrong with the book's description
// (a problem's code: the words of the error carry the path and are not
// worded in the associate's language).
func metaProblem(tx *bolt.Tx) string {
	mb := tx.Bucket(bMeta)
	switch {
	case mb == nil:
		return "meta: the book's description is missing: this file is not a vipbook book"
	case mb.Get(kSchema) == nil:
		return "meta: the book has no schema version"
	}
	if _, ok := atoi(mb.Get(kSchema)); !ok {
		return "meta: the book's schema version is damaged"
	}
	return "meta: the book's description is damaged"
}

// summaryCheck checks a kept index against the summaries one at a time,
// so check holds no more than one summary whatever the size of the book:
// each (nil: none) is called with every summary in key order, end (nil:
// none) once after the last with how many there were.
type summaryCheck struct {
	each func(s *profile.Summary)
	end  func(n int)
}

// checkSummaries runs checks over sums (tests; check reads the book's
// summaries one at a time).
func checkSummaries(sums []profile.Summary, checks ...summaryCheck) {
	for i := range sums {
		for _, c := range checks {
			if c.each != nil {
				c.each(&sums[i])
			}
		}
	}
	for _, c := range checks {
		if c.end != nil {
			c.end(len(sums))
		}
	}
}

// checkInvariants checks what the store keeps true on every write, with
// key scans and the summaries' compact decode (no profile is decoded).
func checkInvariants(b *Book, tx *bolt.Tx, rep *Report) error {
	if err := b.readMeta(tx); err != nil {
		if errors.Is(err, ErrNewerSchema) {
			return err
		}
		code := metaProblem(tx)
		rep.add(Finding{Code: code, Text: code})
		return nil
	}
	rep.Schema, _ = atoi(tx.Bucket(bMeta).Get(kSchema))
	rep.EraseUnfinished = tx.Bucket(bMeta).Get(kCompactOwed) != nil
	for _, name := range allBuckets {
		if tx.Bucket(name) == nil {
			rep.notice("bucket %s is missing (a book from an earlier release: the next writable open adds it)", name)
		}
	}
	has := func(name []byte) bool { return tx.Bucket(name) != nil }
	// Every record decodes: bbolt keeps no checksums, so damage inside a
	// record would otherwise show first in a read (issue 14 point 5).
	for _, name := range [][]byte{bClients, bNotes, bPurchases, bTasks, bAppts, bRequests, bDrafts} {
		if !has(name) {
			continue
		}
		bad := 0
		_ = tx.Bucket(name).ForEach(func(k, v []byte) error {
			if v == nil {
				return nil
			}
			body, err := unseal(v)
			if err == nil && json.Valid(body) {
				return nil
			}
			if bad++; bad > 20 && !bytes.Equal(name, bClients) {
				return nil
			}
			switch {
			case bytes.Equal(name, bClients):
				// Each damaged client is named, so the associate knows
				// whom to look up in a backup.
				rep.problem("clients: the record of client %s%s is damaged (%s)", k, clientName(tx, k), sealWord(err))
			default:
				// The record and its client are named, so the associate
				// knows what check --repair puts back, or whom to ask.
				kind := recordKind(name)
				id, client := recordNames(kind, k, v)
				rep.problem("%s: the %s %s of client %s%s is damaged (%s)", name, kind, id, client, clientName(tx, []byte(client)), sealWord(err))
			}
			return nil
		})
		if bad > 20 {
			rep.problem("%s: %d records do not decode", name, bad)
		}
	}
	count := func(name []byte) int {
		if !has(name) {
			return 0
		}
		return tx.Bucket(name).Stats().KeyN
	}
	rep.Clients = count(bClients)
	rep.Notes = count(bNoteIDs)
	rep.Purchases = count(bPurchaseIDs)
	rep.Tasks = count(bTasks)

	// Every client has a summary and every summary a client; the kept
	// indexes derived from the summaries are what they say, read one
	// summary at a time (memory bounded whatever the size of the book).
	noteCounts := map[string]int{}
	if has(bClients) && has(bSummaries) {
		checks := []summaryCheck{
			searchCheck(tx, []string{filepath.Dir(b.path), os.TempDir()}, rep),
			perClientCheck(tx, rep, bValue, "value", encodeValue),
			rankCheck(tx, rep),
			perClientCheck(tx, rep, bBrief, "brief", encodeBrief),
			perClientCheck(tx, rep, bSearchRow, "search row", encodeSearchRow),
			perClientCheck(tx, rep, bStanding, "standing", encodeStanding),
		}
		clients, sb := tx.Bucket(bClients), tx.Bucket(bSummaries)
		n := 0
		var s profile.Summary
		_ = sb.ForEach(func(k, v []byte) error {
			s = profile.Summary{}
			if err := decodeSummary(v, &s, nil); err != nil {
				rep.problem("summaries: the summary of client %s cannot be read: %v", k, err)
				return nil
			}
			n++
			if clients.Get(k) == nil {
				rep.problem("summaries: a summary for client %s, who is not in the book", k)
			}
			noteCounts[string(k)] = s.NoteCount
			for _, c := range checks {
				if c.each != nil {
					c.each(&s)
				}
			}
			return nil
		})
		for _, c := range checks {
			if c.end != nil {
				c.end(n)
			}
		}
		_ = clients.ForEach(func(k, _ []byte) error {
			if sb.Get(k) == nil {
				rep.problem("clients: client %s has no summary", k)
			}
			return nil
		})
	}
	checkAliases(tx, rep)
	checkSituations(tx, rep)
	checkDue(tx, rep)
	checkRemoved(tx, rep)
	// Notes: the id index, the time index and the notes agree, and every
	// client's summary counts its notes.
	if has(bNotes) && has(bNoteIDs) && has(bNoteTime) {
		notesBk := tx.Bucket(bNotes)
		perClient := make(map[string]int)
		n := 0
		_ = notesBk.ForEach(func(k, _ []byte) error {
			n++
			if i := bytes.IndexByte(k, 0); i > 0 {
				perClient[string(k[:i])]++
				if has(bClients) && tx.Bucket(bClients).Get(k[:i]) == nil {
					rep.problem("notes: a note of client %s, who is not in the book", k[:i])
				}
			} else {
				rep.problem("notes: a key without a client (%x)", k)
			}
			return nil
		})
		if ids := rep.Notes; ids != n {
			rep.problem("notes: %d notes but %d in the id index", n, ids)
		}
		for _, id := range slices.Sorted(maps.Keys(noteCounts)) {
			if c := noteCounts[id]; c != perClient[id] {
				rep.problem("summaries: client %s counts %d notes, the book holds %d", id, c, perClient[id])
			}
		}
	}
	if has(bPurchases) && has(bPurchaseIDs) {
		pb := tx.Bucket(bPurchases)
		if n := pb.Stats().KeyN; n != rep.Purchases {
			rep.problem("purchases: %d purchases but %d in the id index", n, rep.Purchases)
		}
	}
	// The record indexes (ids, times, clients, phones, cards, open
	// requests) hold what their records make, no more, no less.
	checkRecordIndexes(tx, rep)
	return nil
}

func atoi(b []byte) (int, bool) {
	n := 0
	if len(b) == 0 {
		return 0, false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// guarded runs fn, turning the panics that bbolt raises on a damaged page
// (its page assertions) and the memory faults of reading a damaged or
// truncated file through the memory map into ErrDamaged. Other panics are
// bugs, not damage: they go on.
func guarded(fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if !damagePanic(r) {
			panic(r)
		}
		err = fmt.Errorf("%w (%v)", ErrDamaged, r)
	}()
	return fn()
}

// damagePanic reports whether a recovered panic came from a damaged book:
// a fault at a real address (the memory map), or a panic raised inside
// bbolt itself.
func damagePanic(r any) bool {
	if _, ok := r.(interface{ Addr() uintptr }); ok {
		return true
	}
	pcs := make([]uintptr, 64)
	n := runtime.Callers(1, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicking = true
		case panicking && strings.HasPrefix(f.Function, "runtime."):
			// the runtime's own frames between the panic and its site
		case panicking:
			return strings.HasPrefix(f.Function, "go.etcd.io/bbolt")
		}
		if !more {
			return false
		}
	}
}

// guardedOpen opens the bbolt file, recovering what bbolt raises on a
// damaged file.
//
// bbolt opens the file, then waits for its lock. Another vipbook holding
// the lock may meanwhile put a new file in the book's place (an erase's
// compaction, a restore) and only then let go of the old one: the lock
// won is then on a file that is no longer the book, and a write to it
// would be lost. So the file locked is checked against the one the name
// gives, and, when it is not the same, let go of and the book opened
// again, within what is left of opt.Timeout.
func guardedOpen(path string, opt *bolt.Options) (*bolt.DB, error) {
	deadline := time.Now().Add(opt.Timeout)
	for {
		var db *bolt.DB
		var file *os.File
		o := *opt
		o.OpenFile = func(name string, flag int, mode os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, mode)
			file = f
			return f, err
		}
		err := guarded(func() error {
			var err error
			db, err = bolt.Open(path, 0o600, &o)
			return err
		})
		if err != nil || lockedTheBook(file, path) {
			return db, err
		}
		db.Close()
		if opt.Timeout > 0 {
			left := time.Until(deadline)
			if left <= 0 {
				return nil, berrors.ErrTimeout
			}
			o := *opt
			o.Timeout = left
			opt = &o
		}
	}
}

// lockedTheBook reports whether f, the file bbolt opened and locked, is
// the file at path (a link's target) still; a file that cannot be looked
// at counts as the same (the next read says what is wrong).
func lockedTheBook(f *os.File, path string) bool {
	if f == nil {
		return true
	}
	held, err1 := f.Stat()
	named, err2 := os.Stat(path)
	return err1 != nil || err2 != nil || os.SameFile(held, named)
}

// The bbolt file format (bbolt v1.5, internal/common), read straight from
// the file so that a damaged file is never read through the memory map.
const (
	pageHeaderSize  = 16 // id u64, flags u16, count u16, overflow u32
	elementSize     = 16 // branch: pos, ksize u32, pgid u64; leaf: flags, pos, ksize, vsize u32
	inBucketSize    = 16 // root pgid u64, sequence u64
	metaSize        = 64 // magic, version, page size, flags u32; root, seq, freelist, pgid, txid, checksum u64
	metaSumSize     = 56 // the bytes the checksum covers
	boltVersion     = 2
	flagBranch      = 0x01
	flagLeaf        = 0x02
	flagMeta        = 0x04
	flagFreelist    = 0x10
	bucketLeafFlag  = 0x01
	noFreelist      = ^uint64(0)
	defaultPageSize = 4096
)

type diskMeta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	pgid     uint64 // high water mark: pages 0..pgid-1 are in use or free
	txid     uint64
}

// parseMeta reads a meta page from the page's first bytes; ok is false
// unless its magic, version and checksum are right.
func parseMeta(b []byte) (m diskMeta, magic, ok bool) {
	if len(b) < pageHeaderSize+4 {
		return m, false, false
	}
	mb := b[pageHeaderSize:]
	magic = binary.LittleEndian.Uint32(mb[0:4]) == boltMagic
	if !magic || len(mb) < metaSize {
		return m, magic, false
	}
	h := fnv.New64a()
	h.Write(mb[:metaSumSize])
	if binary.LittleEndian.Uint32(mb[4:8]) != boltVersion || binary.LittleEndian.Uint64(mb[56:64]) != h.Sum64() {
		return m, magic, false
	}
	m = diskMeta{
		pageSize: binary.LittleEndian.Uint32(mb[8:12]),
		root:     binary.LittleEndian.Uint64(mb[16:24]),
		freelist: binary.LittleEndian.Uint64(mb[32:40]),
		pgid:     binary.LittleEndian.Uint64(mb[40:48]),
		txid:     binary.LittleEndian.Uint64(mb[48:56]),
	}
	if m.pageSize < 512 || m.pageSize > 1<<20 || m.pageSize&(m.pageSize-1) != 0 {
		return m, magic, false
	}
	return m, magic, true
}

// layout is what the meta pages say about the file.
type layout struct {
	size     int64
	pageSize int
	metas    [2]*diskMeta // nil where the meta page is damaged
	best     *diskMeta    // the meta bbolt uses: the valid one with the higher txid
}

// inspect reads the meta pages of the file at path. It returns ErrNotBook
// for a file that is not a bbolt database at all (nothing of one is
// there), and lists as problems what is wrong with one that is: a damaged
// meta page, a file shorter than its meta pages say.
func inspect(path string) (layout, []Finding, error) {
	var lay layout
	if _, err := statRegular(path); err != nil { // a named pipe would block the open
		return lay, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return lay, nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return lay, nil, err
	}
	lay.size = st.Size()
	read := func(off int64, n int) []byte {
		buf := make([]byte, n)
		k, _ := f.ReadAt(buf, off)
		return buf[:k]
	}
	m0, magic0, ok0 := parseMeta(read(0, pageHeaderSize+metaSize))
	var m1 diskMeta
	var magic1, ok1 bool
	if ok0 {
		lay.pageSize = int(m0.pageSize)
		m1, magic1, ok1 = parseMeta(read(int64(lay.pageSize), pageHeaderSize+metaSize))
	} else {
		// As bbolt does: look for the second meta page at every page size.
		for ps := 1024; ps <= 64<<10; ps *= 2 {
			m, magic, ok := parseMeta(read(int64(ps), pageHeaderSize+metaSize))
			magic1 = magic1 || magic
			if ok && int(m.pageSize) == ps {
				m1, ok1, lay.pageSize = m, true, ps
				break
			}
		}
	}
	if ok0 {
		lay.metas[0] = &m0
	}
	if ok1 {
		lay.metas[1] = &m1
	}
	if !ok0 && !ok1 {
		if !magic0 && !magic1 && !looksLikeBolt(read(2*defaultPageSize, pageHeaderSize)) {
			return lay, nil, fmt.Errorf("%w: %s", ErrNotBook, path)
		}
		lay.pageSize = defaultPageSize
		return lay, []Finding{newFinding("both meta pages (the file's first two pages) are damaged: the book cannot be read")}, nil
	}
	var problems []Finding
	for i, m := range lay.metas {
		if m == nil {
			problems = append(problems, newFinding("meta page %d is damaged (the other one is intact)", i))
		}
	}
	lay.best = lay.metas[0]
	if lay.best == nil || (lay.metas[1] != nil && lay.metas[1].txid > lay.best.txid) {
		lay.best = lay.metas[1]
	}
	ps := uint64(lay.pageSize)
	for i, m := range lay.metas {
		switch {
		case m == nil:
		case m.pgid*ps > uint64(lay.size):
			problems = append(problems, newFinding("the file is truncated: %d bytes, meta page %d says %d", lay.size, i, m.pgid*ps))
			if m == lay.best {
				lay.best = nil
			}
		case m.root < 2 || m.root >= m.pgid || (m.freelist != noFreelist && (m.freelist < 2 || m.freelist >= m.pgid)):
			problems = append(problems, newFinding("meta page %d points outside the book", i))
			if m == lay.best {
				lay.best = nil
			}
		case m == lay.best && m.freelist != noFreelist:
			// A writable bbolt reads the freelist as it opens, before a
			// panic could be recovered without leaking its lock: look first.
			hdr := read(int64(m.freelist*ps), pageHeaderSize)
			if len(hdr) < pageHeaderSize || binary.LittleEndian.Uint64(hdr) != m.freelist ||
				binary.LittleEndian.Uint16(hdr[8:10]) != flagFreelist ||
				(m.freelist+uint64(binary.LittleEndian.Uint32(hdr[12:16])))*ps > uint64(lay.size) {
				problems = append(problems, newFinding("the freelist (page %d) is damaged", m.freelist))
			}
		}
	}
	return lay, problems, nil
}

// looksLikeBolt reports whether hdr is the header of page 2 of a bbolt file
// (every page bbolt writes starts with its own id).
func looksLikeBolt(hdr []byte) bool {
	if len(hdr) < pageHeaderSize {
		return false
	}
	flags := binary.LittleEndian.Uint16(hdr[8:10])
	return binary.LittleEndian.Uint64(hdr[0:8]) == 2 && (flags == flagBranch || flags == flagLeaf || flags == flagFreelist)
}

// pageWalker walks every page reachable from a meta page, reading the file
// with ReadAt, and checks that each page is where its parent says, is of
// the right kind, and holds its elements within its bounds. It is what
// makes bbolt's own check (which reads through the memory map, where a
// page number past the end of the file is a fault) safe to run.
type pageWalker struct {
	f    *os.File
	ps   uint64
	hwm  uint64
	seen map[uint64]bool
	rep  *Report
	bad  bool
}

// walkFile walks the file at path from lay's meta page and returns the
// number of pages it reached; problems go to rep.
func walkFile(path string, lay layout, rep *Report) int {
	f, err := os.Open(path)
	if err != nil {
		rep.problem("cannot read the file: %v", err)
		return 0
	}
	defer f.Close()
	w := &pageWalker{f: f, ps: uint64(lay.pageSize), hwm: lay.best.pgid, seen: map[uint64]bool{0: true, 1: true}, rep: rep}
	if fl := lay.best.freelist; fl != noFreelist {
		w.freelist(fl)
	}
	w.tree(lay.best.root, "the root bucket", 0)
	return len(w.seen)
}

func (w *pageWalker) problem(format string, args ...any) {
	w.bad = true
	w.rep.problem(format, args...)
}

// page reads page id with its overflow pages, or reports why it cannot.
func (w *pageWalker) page(id uint64, where string) []byte {
	if id < 2 || id >= w.hwm {
		w.problem("%s: page %d is outside the book (%d pages)", where, id, w.hwm)
		return nil
	}
	if w.seen[id] {
		w.problem("%s: page %d is used twice", where, id)
		return nil
	}
	hdr := make([]byte, pageHeaderSize)
	if _, err := w.f.ReadAt(hdr, int64(id*w.ps)); err != nil {
		w.problem("%s: page %d cannot be read: %v", where, id, err)
		return nil
	}
	if got := binary.LittleEndian.Uint64(hdr[0:8]); got != id {
		w.problem("%s: page %d is damaged (it says it is page %d)", where, id, got)
		return nil
	}
	overflow := uint64(binary.LittleEndian.Uint32(hdr[12:16]))
	if id+overflow >= w.hwm {
		w.problem("%s: page %d runs past the end of the book", where, id)
		return nil
	}
	for i := uint64(0); i <= overflow; i++ {
		w.seen[id+i] = true
	}
	buf := make([]byte, (overflow+1)*w.ps)
	if _, err := w.f.ReadAt(buf, int64(id*w.ps)); err != nil && !errors.Is(err, io.EOF) {
		w.problem("%s: page %d cannot be read: %v", where, id, err)
		return nil
	}
	return buf
}

func (w *pageWalker) freelist(id uint64) {
	buf := w.page(id, "the freelist")
	if buf == nil {
		return
	}
	if flags := binary.LittleEndian.Uint16(buf[8:10]); flags != flagFreelist {
		w.problem("the freelist: page %d is not a freelist page (flags %#x)", id, flags)
		return
	}
	n := uint64(binary.LittleEndian.Uint16(buf[10:12]))
	start := uint64(pageHeaderSize)
	if n == 0xFFFF {
		if len(buf) < pageHeaderSize+8 {
			w.problem("the freelist: page %d is damaged", id)
			return
		}
		n = binary.LittleEndian.Uint64(buf[pageHeaderSize:])
		start += 8
	}
	if n > uint64(len(buf)) || start+n*8 > uint64(len(buf)) {
		w.problem("the freelist: page %d lists more pages than it holds", id)
		return
	}
	for i := uint64(0); i < n; i++ {
		if p := binary.LittleEndian.Uint64(buf[start+i*8:]); p < 2 || p >= w.hwm {
			w.problem("the freelist: page %d lists page %d, outside the book", id, p)
			return
		}
	}
}

// tree walks the page tree rooted at page id (a bucket's root).
func (w *pageWalker) tree(id uint64, where string, depth int) {
	if depth > 64 {
		w.problem("%s: the tree is too deep (a loop)", where)
		return
	}
	buf := w.page(id, where)
	if buf == nil {
		return
	}
	w.elements(buf, id, where, depth)
}

// elements checks the elements of a branch or leaf page held in buf (a
// page of the file, or an inline bucket's page) and walks what they point to.
func (w *pageWalker) elements(buf []byte, id uint64, where string, depth int) {
	flags := binary.LittleEndian.Uint16(buf[8:10])
	count := int(binary.LittleEndian.Uint16(buf[10:12]))
	if pageHeaderSize+count*elementSize > len(buf) {
		w.problem("%s: page %d is damaged (%d elements do not fit)", where, id, count)
		return
	}
	for i := 0; i < count; i++ {
		off := pageHeaderSize + i*elementSize
		e := buf[off : off+elementSize]
		switch flags {
		case flagBranch:
			pos, ksize := uint64(binary.LittleEndian.Uint32(e[0:4])), uint64(binary.LittleEndian.Uint32(e[4:8]))
			if uint64(off)+pos+ksize > uint64(len(buf)) {
				w.problem("%s: page %d is damaged (a key runs past its end)", where, id)
				return
			}
			w.tree(binary.LittleEndian.Uint64(e[8:16]), where, depth+1)
		case flagLeaf:
			eflags := binary.LittleEndian.Uint32(e[0:4])
			pos, ksize, vsize := uint64(binary.LittleEndian.Uint32(e[4:8])), uint64(binary.LittleEndian.Uint32(e[8:12])), uint64(binary.LittleEndian.Uint32(e[12:16]))
			end := uint64(off) + pos + ksize + vsize
			if end > uint64(len(buf)) {
				w.problem("%s: page %d is damaged (a value runs past its end)", where, id)
				return
			}
			if eflags&bucketLeafFlag == 0 {
				continue
			}
			key := buf[uint64(off)+pos : uint64(off)+pos+ksize]
			val := buf[uint64(off)+pos+ksize : end]
			name := fmt.Sprintf("bucket %q", key)
			if len(val) < inBucketSize {
				w.problem("%s: page %d is damaged (bucket %q has no header)", where, id, key)
				return
			}
			root := binary.LittleEndian.Uint64(val[0:8])
			if root != 0 {
				w.tree(root, name, depth+1)
				continue
			}
			inline := val[inBucketSize:]
			if len(inline) < pageHeaderSize || binary.LittleEndian.Uint16(inline[8:10]) != flagLeaf {
				w.problem("%s: the inline %s is damaged", where, name)
				continue
			}
			w.elements(inline, id, name, depth+1)
		default:
			w.problem("%s: page %d is damaged (neither branch nor leaf, flags %#x)", where, id, flags)
			return
		}
	}
}

// damaged wraps ErrDamaged with the path and what is wrong.
func damaged(path string, problems []string) error {
	return fmt.Errorf("%w (%s: %s)", ErrDamaged, path, strings.Join(problems, "; "))
}

// verifyOpened reads the meta bucket and touches the first and last leaf
// of every bucket (the pages a damaged root would take down), recovering
// bbolt's panics. It reports whether buckets are missing, or the summaries
// older than this vipbook writes (upgradeSummaries).
func (b *Book) verifyOpened() (missing bool, err error) {
	err = guarded(func() error {
		return b.db.View(func(tx *bolt.Tx) error {
			if err := b.readMeta(tx); err != nil {
				return err
			}
			for _, name := range allBuckets {
				bk := tx.Bucket(name)
				if bk == nil {
					missing = true
					continue
				}
				c := bk.Cursor()
				c.First()
				c.Last()
			}
			missing = missing || summariesOld(tx) || searchTokensOld(tx) || clientsUnsealed(tx)
			return nil
		})
	})
	return missing, err
}

// sniff refuses, without writing, a file that is not a book (ErrNotBook)
// or whose meta pages are damaged or that is truncated (ErrDamaged). It
// reads the file without the lock, so a problem is looked at again a
// moment later before it is believed: a meta page read while another
// vipbook writes it could be caught half written.
func sniff(path string) error {
	for try := 0; ; try++ {
		_, problems, err := inspect(path)
		if err != nil || len(problems) == 0 {
			return err
		}
		if try == 2 {
			return damaged(path, texts(problems))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// clientName returns " (NAME)" for client id as its summary names it, ""
// when the summary cannot say.
func clientName(tx *bolt.Tx, id []byte) string {
	sb := tx.Bucket(bSummaries)
	if sb == nil {
		return ""
	}
	var s profile.Summary
	if raw := sb.Get(id); raw == nil || decodeSummary(raw, &s, nil) != nil || s.Name == "" {
		return ""
	}
	return " (" + s.Name + ")"
}

// sealWord says how a record was found damaged: its checksum, or its
// bytes that do not decode.
func sealWord(err error) string {
	if err != nil {
		return "its checksum does not match"
	}
	return "it does not decode"
}
