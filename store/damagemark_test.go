package store

import (
	"errors"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// TestPoint5DamagedBookTakesNoWrite: a read that finds a record damaged
// marks the book; from then on every write, from this Book or a later
// open (another process reads the same mark), is refused and changes
// nothing, while reads go on; the messages quote no byte of the file and
// say what to do; check finds the damage, and once the book is sound again
// (here: restored) writes resume.
func TestPoint5DamagedBookTakesNoWrite(t *testing.T) {
	b, path := newBook(t)
	var id string
	err := b.Update(func(tx *Tx) error {
		p := &profile.Profile{Name: "A", Phones: []profile.Phone{{Number: "13800138000"}}}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		id = p.ID
		return tx.AddNote(&notes.Note{ClientID: id, Kind: notes.General, Text: "hello"})
	})
	if err != nil {
		t.Fatal(err)
	}
	backup := path + ".good"
	if err := b.Backup(backup); err != nil {
		t.Fatal(err)
	}
	b.Close()
	// A bad disk overwrites the note's record: bbolt cannot tell.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error {
		c := tx.Bucket(bNotes).Cursor()
		k, _ := c.First()
		return tx.Bucket(bNotes).Put(k, []byte("{\x1b]0;owned\x07\x9b garbage"))
	})
	db.Close()

	b, err = Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := KnownDamaged(path); ok {
		t.Fatal("marked before anything read the damage")
	}
	err = b.View(func(tx *Tx) error { _, err := tx.Notes(id); return err })
	if !errors.Is(err, ErrDamaged) || strings.ContainsAny(err.Error(), "\x1b\x07\u009b") || !strings.Contains(err.Error(), "vipbook check") {
		t.Fatalf("reading the damaged note = %q, want ErrDamaged naming vipbook check, no bytes of the file", err)
	}
	if _, ok := KnownDamaged(path); !ok {
		t.Fatal("the read that found the damage left no mark")
	}
	write := func(b *Book) error {
		return b.Update(func(tx *Tx) error {
			return tx.AddNote(&notes.Note{ClientID: id, Kind: notes.General, Text: "after the damage"})
		})
	}
	if err := write(b); !errors.Is(err, ErrKnownDamaged) || !strings.Contains(err.Error(), "vipbook restore") {
		t.Fatalf("a write to the marked book = %v, want ErrKnownDamaged naming restore", err)
	}
	if err := b.CompactInPlace(); !errors.Is(err, ErrKnownDamaged) {
		t.Errorf("compaction of the marked book = %v", err)
	}
	if err := b.Backup(path + ".bak"); !errors.Is(err, ErrBackupDamaged) {
		t.Errorf("a backup of the marked book = %v", err)
	}
	if err := b.View(func(tx *Tx) error { _, err := tx.Client(id); return err }); err != nil {
		t.Errorf("a read of a sound record failed: %v", err)
	}
	b.Close()
	// Another vipbook: the mark is on disk.
	b, err = Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	if err := write(b); !errors.Is(err, ErrKnownDamaged) {
		t.Fatalf("a write from a later open = %v, want ErrKnownDamaged", err)
	}
	b.Close()
	rep, err := Check(path)
	if err != nil || rep.Sound() {
		t.Fatalf("check of the damaged book: %v, sound %v", err, rep.Sound())
	}
	if _, ok := KnownDamaged(path); !ok {
		t.Fatal("check of a damaged book cleared the mark")
	}
	if _, err := Restore(path, backup, testNow); err != nil {
		t.Fatal(err)
	}
	if _, ok := KnownDamaged(path); ok {
		t.Fatal("the restored book is still marked")
	}
	b, err = Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := write(b); err != nil {
		t.Fatalf("a write to the restored book: %v", err)
	}
	b.Close()
	if rep, err := Check(path); err != nil || !rep.Sound() {
		t.Fatalf("check of the restored book: %v %v", err, rep.Problems)
	}
}
