package store

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// damageBook builds a closed book with enough clients and notes that the
// summaries and notes span several pages, and returns its bytes.
func damageBook(t *testing.T) []byte {
	t.Helper()
	b, path := newBook(t)
	err := b.Update(func(tx *Tx) error {
		for i := 0; i < 400; i++ {
			p := &profile.Profile{Name: fmt.Sprintf("Client %d", i), Phones: []profile.Phone{{Number: fmt.Sprintf("+86 139 %04d %04d", i, i)}}}
			if err := tx.AddClient(p); err != nil {
				return err
			}
			if err := tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.General, Text: fmt.Sprintf("note %d", i)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// reachablePages walks a book's bytes as Check does and returns its
// layout and the pages in use.
func reachablePages(t *testing.T, path string) (layout, map[uint64]bool) {
	t.Helper()
	lay, problems, err := inspect(path)
	if err != nil || len(problems) > 0 {
		t.Fatalf("inspect of the good book: %v %v", err, problems)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep := &Report{}
	w := &pageWalker{f: f, ps: uint64(lay.pageSize), hwm: lay.best.pgid, seen: map[uint64]bool{0: true, 1: true}, rep: rep}
	w.tree(lay.best.root, "root", 0)
	if len(rep.Problems) > 0 {
		t.Fatalf("walk of the good book: %v", rep.Problems)
	}
	return lay, w.seen
}

// summaryLeaves returns the pages in use that are leaves of the summaries
// bucket (six-character client-id keys with values in the summary codec),
// in page order.
func summaryLeaves(raw []byte, ps int, inUse map[uint64]bool) []uint64 {
	var out []uint64
	for id := uint64(2); int(id+1)*ps <= len(raw); id++ {
		pg := raw[int(id)*ps : int(id+1)*ps]
		if !inUse[id] || binary.LittleEndian.Uint64(pg) != id || binary.LittleEndian.Uint16(pg[8:]) != flagLeaf ||
			binary.LittleEndian.Uint16(pg[10:]) == 0 {
			continue
		}
		e := pg[pageHeaderSize:]
		pos, ksize, vsize := binary.LittleEndian.Uint32(e[4:]), binary.LittleEndian.Uint32(e[8:]), binary.LittleEndian.Uint32(e[12:])
		v := pageHeaderSize + int(pos+ksize)
		if binary.LittleEndian.Uint32(e) == 0 && ksize == shortIDLen && vsize > 0 && v < len(pg) && pg[v] == summaryVersion {
			out = append(out, id)
		}
	}
	return out
}

func TestDamagedAndForeignFiles(t *testing.T) {
	good := damageBook(t)
	dir := t.TempDir()
	goodPath := filepath.Join(dir, "good.db")
	if err := os.WriteFile(goodPath, good, 0o600); err != nil {
		t.Fatal(err)
	}
	lay, inUse := reachablePages(t, goodPath)
	ps := lay.pageSize
	var sumRoot, notesRoot uint64
	db, err := bolt.Open(goodPath, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.View(func(tx *bolt.Tx) error {
		sumRoot = uint64(tx.Bucket(bSummaries).Root())
		notesRoot = uint64(tx.Bucket(bNotes).Root())
		return nil
	})
	db.Close()
	leaves := summaryLeaves(good, ps, inUse)
	if sumRoot == 0 || notesRoot == 0 || len(leaves) < 3 {
		t.Fatalf("the test book is too small: summaries root %d, notes root %d, %d summary leaves", sumRoot, notesRoot, len(leaves))
	}
	middleLeaf := leaves[len(leaves)/2]
	// bbolt grows the file ahead of the pages it uses: used is where the
	// last page in use ends.
	used := int(lay.best.pgid) * ps
	if used >= len(good) {
		t.Fatalf("the file (%d bytes) has no room past its pages (%d)", len(good), used)
	}

	rng := rand.New(rand.NewPCG(6, 6))
	randomOver := func(off, n int) []byte {
		out := append([]byte(nil), good...)
		for i := off; i < off+n; i++ {
			out[i] = byte(rng.IntN(256))
		}
		return out
	}
	overPage := func(id uint64) []byte { return randomOver(int(id)*ps, ps) }
	newer := func() []byte {
		p := filepath.Join(t.TempDir(), "newer.db")
		os.WriteFile(p, good, 0o600)
		db, err := bolt.Open(p, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		_ = db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bMeta).Put(kSchema, []byte("99")) })
		db.Close()
		raw, _ := os.ReadFile(p)
		return raw
	}
	csv, err := os.ReadFile("../testdata/fixtures/csv/thunderbird_export.csv")
	if err != nil {
		t.Fatal(err)
	}

	// openErr is what Open must say; readsFail means Open may succeed but
	// reading every summary must then fail with ErrDamaged.
	cases := []struct {
		name      string
		content   []byte
		openErr   error
		readsFail bool
		checkErr  error // what Check returns; nil when it reports problems
	}{
		{"zero length", []byte{}, ErrNotBook, false, ErrNotBook},
		{"truncated to 10 bytes", good[:10], ErrNotBook, false, ErrNotBook},
		{"truncated to 100 bytes", good[:100], ErrDamaged, false, nil},
		{"truncated mid meta page 1", good[:ps+100], ErrDamaged, false, nil},
		{"truncated after the meta pages", good[:2*ps], ErrDamaged, false, nil},
		{"truncated mid data page", good[:used/2+123], ErrDamaged, false, nil},
		{"truncated by one byte", good[:used-1], ErrDamaged, false, nil},
		{"truncated by one page", good[:used-ps], ErrDamaged, false, nil},
		{"the free space past the pages cut off", good[:used], nil, false, nil},
		{"random bytes over meta page 0", randomOver(0, ps), ErrDamaged, false, nil},
		{"random bytes over meta page 1", randomOver(ps, ps), ErrDamaged, false, nil},
		{"random bytes over both meta pages", randomOver(0, 2*ps), ErrDamaged, false, nil},
		{"random bytes over the root page", overPage(lay.best.root), ErrDamaged, false, nil},
		{"random bytes over the summaries' root", overPage(sumRoot), ErrDamaged, false, nil},
		{"random bytes over the notes' root", overPage(notesRoot), ErrDamaged, false, nil},
		{"random bytes over a summaries leaf", overPage(middleLeaf), nil, true, nil},
		{"random bytes over the freelist", overPage(lay.best.freelist), ErrDamaged, false, nil},
		{"a book from a newer vipbook", newer(), ErrNewerSchema, false, ErrNewerSchema},
		{"a CSV renamed as the book", csv, ErrNotBook, false, ErrNotBook},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, fmt.Sprintf("case%02d.db", i))
			if err := os.WriteFile(path, tc.content, 0o600); err != nil {
				t.Fatal(err)
			}
			before := sha256.Sum256(tc.content)
			for _, ro := range []bool{true, false} {
				b, err := Open(path, Options{ReadOnly: ro, Timeout: 200 * time.Millisecond})
				if tc.openErr != nil {
					if !errors.Is(err, tc.openErr) {
						t.Errorf("Open(readOnly=%v) = %v, want %v", ro, err, tc.openErr)
					}
				} else if err != nil {
					t.Errorf("Open(readOnly=%v) = %v, want the book opened", ro, err)
				}
				if b == nil {
					continue
				}
				var sumErr error
				err = b.View(func(tx *Tx) error {
					_, sumErr = tx.Summaries()
					for _, id := range []string{"nobody"} {
						_, _ = tx.Notes(id)
					}
					return nil
				})
				// A panic inside bbolt surfaces as View's error.
				if tc.readsFail && !errors.Is(err, ErrDamaged) && !errors.Is(sumErr, ErrDamaged) {
					t.Errorf("reading summaries over a damaged page = %v / %v, want ErrDamaged", err, sumErr)
				}
				if !tc.readsFail && (err != nil || sumErr != nil) {
					t.Errorf("View = %v / %v", err, sumErr)
				}
				b.Close()
			}
			rep, err := Check(path)
			if tc.checkErr != nil {
				if !errors.Is(err, tc.checkErr) {
					t.Errorf("Check = %v, want %v", err, tc.checkErr)
				}
			} else if tc.openErr == nil && !tc.readsFail {
				if err != nil || !rep.Sound() {
					t.Errorf("Check = %v, %q: want a sound book", err, rep.Problems)
				}
			} else if err != nil || rep.Sound() {
				t.Errorf("Check = %v, %+v: want problems reported", err, rep)
			}
			after, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if sha256.Sum256(after) != before {
				t.Error("the file was changed")
			}
			if errors.Is(tc.openErr, ErrDamaged) {
				_, err := Open(path, Options{})
				if msg := fmt.Sprint(err); !containsAll(msg, "vipbook check", "vipbook restore") {
					t.Errorf("message %q does not say what to do", msg)
				}
			}
		})
	}

	// The good book is sound, and Check counts what it holds.
	rep, err := Check(goodPath)
	if err != nil || !rep.Sound() {
		t.Fatalf("Check(good) = %v, %v", err, rep.Problems)
	}
	if rep.Clients != 400 || rep.Notes != 400 || rep.Schema != SchemaVersion || rep.Pages < 10 {
		t.Errorf("Check(good) counted %+v", rep)
	}
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}

// TestCheckFindsBrokenInvariants breaks the book's own invariants (bbolt
// sees nothing wrong) and expects Check to name them.
func TestCheckFindsBrokenInvariants(t *testing.T) {
	b, path := newBook(t)
	var id string
	_ = b.Update(func(tx *Tx) error {
		p := &profile.Profile{Name: "A", Phones: []profile.Phone{{Number: "13800138000"}}}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		id = p.ID
		return tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.General, Text: "hello"})
	})
	b.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error {
		_ = tx.Bucket(bNoteIDs).Put([]byte("ghostnote"), []byte("nowhere"))
		return tx.Bucket(bSummaries).Delete([]byte(id))
	})
	db.Close()
	rep, err := Check(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"noteids: the entry ghostnote points at no record that makes it (check --repair drops it)", "clients: client " + id + " has no summary", "notes: 1 notes but 2 in the id index"}
	for _, w := range want {
		found := false
		for _, p := range rep.Problems {
			found = found || p == w
		}
		if !found {
			t.Errorf("Check did not report %q; got %q", w, rep.Problems)
		}
	}
}
