package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

// TestPoint3InterruptedEraseFinished: an erasure that landed but whose
// compaction never ran (the vipbook that erased was killed) is reported by
// Check and finished by the next writable open: the client's bytes leave
// the file, the compaction's temporary copy and stale temporary copies go;
// a read-only open changes nothing.
func TestPoint3InterruptedEraseFinished(t *testing.T) {
	b, path := newBook(t)
	p := &profile.Profile{Name: "MARKNAME Gone", Phones: []profile.Phone{{Number: "+86 139 0000 1111"}}}
	keep := &profile.Profile{Name: "Kept Client"}
	if err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(p); err != nil {
			return err
		}
		return tx.AddClient(keep)
	}); err != nil {
		t.Fatal(err)
	}
	// The erasure as EraseClients writes it, killed before the compaction.
	if err := b.Update(func(tx *Tx) error {
		if _, err := tx.EraseClient(p.ID); err != nil {
			return err
		}
		return tx.bucket(bMeta).Put(kCompactOwed, []byte("1"))
	}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	if !fileHas(t, path, "MARKNAME") {
		t.Fatal("fixture: the erased bytes are not in the free pages")
	}
	dir := filepath.Dir(path)
	compactLeft := filepath.Join(dir, ".book.db.compact-123")
	staleTmp := filepath.Join(dir, ".book.db.tmp-456")
	freshTmp := filepath.Join(dir, ".book.db.tmp-789")
	for _, f := range []string{compactLeft, staleTmp, freshTmp} {
		if err := os.WriteFile(f, []byte("MARKNAME"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(staleTmp, old, old)

	rep, err := Check(path)
	if err != nil || !rep.EraseUnfinished || !rep.Sound() {
		t.Fatalf("Check = %+v, %v; want sound with the erasure unfinished", rep, err)
	}
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	ro.Close()
	if !fileHas(t, path, "MARKNAME") || !Exists(compactLeft) {
		t.Fatal("a read-only open changed the file or its directory")
	}

	b, err = Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(clientNames(t, b)); n != 1 {
		t.Errorf("%d clients after the erasure was finished, want 1", n)
	}
	b.Close()
	if fileHas(t, path, "MARKNAME") {
		t.Error("the next open did not finish the erasure: the client's bytes are in the file")
	}
	if Exists(compactLeft) || Exists(staleTmp) {
		t.Error("the temporary copies a killed vipbook left are still beside the book")
	}
	if !Exists(freshTmp) {
		t.Error("a temporary copy being written now was removed")
	}
	if rep, _ := Check(path); rep.EraseUnfinished {
		t.Error("Check still reports the erasure unfinished")
	}
}

// TestPoint3TaskTitlesUnnamed: an erased client's name leaves the titles,
// phrases and notes of other clients' follow-ups (the welcome of a client
// they introduced), standing as tasks.ErasedName.
func TestPoint3TaskTitlesUnnamed(t *testing.T) {
	b, path := newBook(t)
	ref := &profile.Profile{Name: "MARKREF 王芳", LatinName: "MARKLATIN"}
	other := &profile.Profile{Name: "New Client"}
	if err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(ref); err != nil {
			return err
		}
		if err := tx.AddClient(other); err != nil {
			return err
		}
		return tx.AddTask(&tasks.Task{ClientID: other.ID, Title: "Welcome New Client (introduced by MARKREF 王芳)",
			Note: "ask MARKLATIN how they met", Due: civil.Of(testNow), Kind: tasks.ThankYou, Status: tasks.Open, Phrase: &tasks.Phrase{Code: "title.welcome", Args: []string{"New Client", "MARKREF 王芳"}}})
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.EraseClients(ref.ID); err != nil {
		t.Fatal(err)
	}
	err := b.View(func(tx *Tx) error {
		ts := tx.ClientTasks(other.ID)
		if len(ts) != 1 {
			t.Fatalf("tasks %+v", ts)
		}
		tk := ts[0]
		if tk.Title != "Welcome New Client (introduced by ***)" || tk.Note != "ask *** how they met" ||
			tk.Phrase.Args[0] != "New Client" || tk.Phrase.Args[1] != "***" {
			t.Errorf("the task after the erasure: %+v %+v", tk, tk.Phrase)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fileHas(t, path, "MARKREF") || fileHas(t, path, "MARKLATIN") {
		t.Error("the erased client's name is still in the file")
	}
}
