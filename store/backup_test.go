package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// addPair adds a client and a note on them in one transaction: a copy of
// the book taken at one moment has both or neither.
func addPair(b *Book, i int) error {
	p := &profile.Profile{Name: fmt.Sprintf("客户 %d", i), Phones: []profile.Phone{{Number: fmt.Sprintf("+86 137 %04d %04d", i/10000, i%10000)}}}
	return b.Update(func(tx *Tx) error {
		if err := tx.AddClient(p); err != nil {
			return err
		}
		return tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Kind("general"), Text: fmt.Sprintf("note %d", i)})
	})
}

// dump returns every key and value of every bucket of the book at path.
func dump(t *testing.T, path string) map[string]string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: OpenTimeout})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer db.Close()
	out := map[string]string{}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, bk *bolt.Bucket) error {
			return bk.ForEach(func(k, v []byte) error {
				out[string(name)+"/"+string(k)] = string(v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkPairs checks the book at path is sound and every client in it has
// exactly its note; it returns the number of clients.
func checkPairs(t *testing.T, path string) int {
	t.Helper()
	rep, err := Check(path)
	if err != nil || !rep.Sound() {
		t.Fatalf("Check(%s) = %v, problems %v", path, err, rep.Problems)
	}
	b, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	n := 0
	err = b.View(func(tx *Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		for _, s := range sums {
			ns, err := tx.Notes(s.ID)
			if err != nil || len(ns) != 1 {
				t.Errorf("client %s has %d notes (%v) in the copy, want 1", s.ID, len(ns), err)
			}
		}
		n = len(sums)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBackupWhileWriting backs the book up while another goroutine keeps
// writing through the same open Book: every copy is a sound book holding
// whole transactions only, owner-only, and the writes all land.
func TestBackupWhileWriting(t *testing.T) {
	b, _ := newBook(t)
	for i := 0; i < 200; i++ {
		if err := addPair(b, i); err != nil {
			t.Fatal(err)
		}
	}
	var written atomic.Int64
	written.Store(200)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	var werr error
	go func() {
		defer wg.Done()
		for i := 200; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := addPair(b, i); err != nil {
				werr = err
				return
			}
			written.Add(1)
		}
	}()
	dir := filepath.Join(t.TempDir(), "backups")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	var counts []int
	for k := 0; k < 5; k++ {
		before := written.Load()
		dst := filepath.Join(dir, fmt.Sprintf("book-%d.db", k))
		if err := b.Backup(dst); err != nil {
			t.Fatalf("backup %d: %v", k, err)
		}
		after := written.Load()
		st, err := os.Stat(dst)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Fatalf("backup mode %v, %v; want 0600", st.Mode().Perm(), err)
		}
		n := checkPairs(t, dst)
		// The copy is the book at one moment between the call and its return
		// (a write acknowledged before the call is in it).
		if int64(n) < before || int64(n) > after+1 {
			t.Errorf("backup %d holds %d clients; %d were written before it, %d after", k, n, before, after)
		}
		counts = append(counts, n)
	}
	close(stop)
	wg.Wait()
	if werr != nil {
		t.Fatalf("a write during the backups failed: %v", werr)
	}
	t.Logf("clients in the copies: %v; written in all: %d", counts, written.Load())
	if got := checkPairs(t, filepath.Join(dir, "book-4.db")); got < 200 {
		t.Errorf("last copy holds %d clients", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 5 {
		t.Errorf("backups dir holds %d files, want the 5 backups (no temporary files)", len(entries))
	}
}

func TestBackupRefusesTheBookItself(t *testing.T) {
	b, path := newBook(t)
	before, _ := os.ReadFile(path)
	if err := b.Backup(path); err == nil || !strings.Contains(err.Error(), "the book itself") {
		t.Errorf("Backup onto the book = %v, want a refusal", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the book changed")
	}
}

// TestBackupFile: the path-level backup opens read-only, so it can run
// beside readers but not beside a writer: it waits for the writer to let
// go (past OpenTimeout, within AppWait), then copies.
func TestBackupFile(t *testing.T) {
	b, path := newBook(t)
	if err := addPair(b, 1); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	start := time.Now() // before the writer's sleep starts: it lets go 1.5 s after start at the earliest
	go func() {
		time.Sleep(OpenTimeout + 500*time.Millisecond)
		b.Close()
	}()
	if err := BackupFile(path, dst); err != nil {
		t.Fatalf("BackupFile once the writer let go: %v", err)
	}
	if took := time.Since(start); took < OpenTimeout {
		t.Errorf("BackupFile took %v beside a writer: it did not wait for it", took)
	}
	if !reflect.DeepEqual(dump(t, path), dump(t, dst)) {
		t.Error("the copy differs from the book")
	}
}

// TestRestoreEqualsBackup: after a restore the book holds exactly what the
// backup holds, and the book it replaced is kept byte for byte (0600).
func TestRestoreEqualsBackup(t *testing.T) {
	b, path := newBook(t)
	for i := 0; i < 50; i++ {
		if err := addPair(b, i); err != nil {
			t.Fatal(err)
		}
	}
	bak := filepath.Join(t.TempDir(), "backup.db")
	if err := b.Backup(bak); err != nil {
		t.Fatal(err)
	}
	for i := 50; i < 60; i++ {
		if err := addPair(b, i); err != nil {
			t.Fatal(err)
		}
	}
	b.Close()
	current, _ := os.ReadFile(path)
	kept, err := Restore(path, bak, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if want := path + ".before-restore-20261124-090000"; kept != want {
		t.Errorf("kept %q, want %q", kept, want)
	}
	got, _ := os.ReadFile(kept)
	if !bytes.Equal(got, current) {
		t.Error("the kept book is not the book as it was")
	}
	for _, p := range []string{path, kept} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, %v; want 0600", p, st.Mode().Perm(), err)
		}
	}
	if !reflect.DeepEqual(dump(t, path), dump(t, bak)) {
		t.Error("the restored book differs from the backup")
	}
	if n := checkPairs(t, path); n != 50 {
		t.Errorf("restored book holds %d clients, want 50", n)
	}
	// A second restore in the same second keeps under another name.
	kept2, err := Restore(path, bak, testNow)
	if err != nil || kept2 == kept || !Exists(kept) || !Exists(kept2) {
		t.Errorf("second restore kept %q (%v); first %q", kept2, err, kept)
	}
	// With no book yet, a restore puts the backup in place and keeps nothing.
	fresh := filepath.Join(t.TempDir(), "book.db")
	if kept, err := Restore(fresh, bak, testNow); err != nil || kept != "" {
		t.Errorf("restore with no book: kept %q, %v", kept, err)
	}
	if !reflect.DeepEqual(dump(t, fresh), dump(t, bak)) {
		t.Error("the restored book differs from the backup")
	}
}

// TestRestoreRefusesBadFiles: a file that is not a book, a truncated book
// and a book with damaged pages are refused, and the book is left byte for
// byte as it was, with nothing beside it.
func TestRestoreRefusesBadFiles(t *testing.T) {
	b, path := newBook(t)
	for i := 0; i < 100; i++ {
		if err := addPair(b, i); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.db")
	if err := b.Backup(good); err != nil {
		t.Fatal(err)
	}
	b.Close()
	raw, _ := os.ReadFile(good)
	garbled := append([]byte(nil), raw...)
	for i := 2 * 4096; i < len(garbled); i++ {
		garbled[i] = 0xAB
	}
	bad := map[string][]byte{
		"hostname":     []byte("shop-till-3\n"),
		"empty.db":     nil,
		"truncated.db": raw[:len(raw)/2],
		"garbled.db":   garbled,
	}
	before, _ := os.ReadFile(path)
	listing := func() []string {
		es, _ := os.ReadDir(filepath.Dir(path))
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		return names
	}
	names := listing()
	for name, content := range bad {
		src := filepath.Join(dir, name)
		if err := os.WriteFile(src, content, 0o600); err != nil {
			t.Fatal(err)
		}
		kept, err := Restore(path, src, testNow)
		if !errors.Is(err, ErrBadBackup) {
			t.Errorf("Restore(%s) = %q, %v; want ErrBadBackup", name, kept, err)
		} else {
			t.Logf("%s: %v", name, err)
		}
		after, _ := os.ReadFile(path)
		if !bytes.Equal(before, after) {
			t.Fatalf("Restore(%s) changed the book", name)
		}
		if got := listing(); !reflect.DeepEqual(got, names) {
			t.Errorf("Restore(%s) left %v beside the book, want %v", name, got, names)
		}
	}
}

// TestRestoreRefusesHeldBook: while a vipbook holds the book for writing
// a restore gives ErrLocked and changes nothing.
func TestRestoreRefusesHeldBook(t *testing.T) {
	b, path := newBook(t)
	bak := filepath.Join(t.TempDir(), "backup.db")
	if err := b.Backup(bak); err != nil {
		t.Fatal(err)
	}
	if err := addPair(b, 1); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	if _, err := Restore(path, bak, testNow); !errors.Is(err, ErrLocked) {
		t.Errorf("Restore over a held book = %v, want ErrLocked", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) || Exists(KeptName(path, testNow)) {
		t.Error("a refused restore changed the book or kept a copy")
	}
	if _, err := Restore(path, path, testNow); err == nil {
		t.Error("restoring the book onto itself was not refused")
	}

	// Held read-only (an app showing a read-only book, a brief running):
	// refused as well, though a shared lock lets the check through.
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(path, Options{ReadOnly: true, Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	before, _ = os.ReadFile(path)
	if _, err := Restore(path, bak, testNow); !errors.Is(err, ErrLocked) {
		t.Errorf("Restore over a book open read-only = %v, want ErrLocked", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("a refused restore changed the book held read-only")
	}
}
