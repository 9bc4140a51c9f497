package cli

import (
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// TestPoint3EraseDamagedClientByID (issue 14 point 3): `vipbook erase ID`
// erases a client whose own record no longer decodes, asking for the id
// as for any client, even once a read has marked the book damaged (an
// erasure is owed whatever the book's state, and only deletes); the
// client's phone leaves the file, and check then finds the book sound.
// Before, the erasure stopped at reading the record.
func TestPoint3EraseDamagedClientByID(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "Mq Damaged", "--phone", "+86 139 0000 2222")
	run(t, book, "add", "Keep Other", "--phone", "13916882046")
	id := idByPhone(t, book, "13900002222")
	db, err := bolt.Open(book, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("clients")).Put([]byte(id), []byte("\x01\x02 not a client"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := runErr(book, "show", id); err == nil {
		t.Fatal("fixture: the damaged client still shows")
	}
	if out, err := runIn(book, id+"\n", "erase", id); err != nil {
		t.Fatalf("erase of a client whose record is damaged: %v\n%s", err, out)
	}
	for _, m := range []string{id, "Mq Damaged", "8613900002222", "not a client"} {
		if bookBytesHave(t, book, m) {
			t.Errorf("the book still holds %q after the erasure", m)
		}
	}
	// The damage went with the client: check finds the book sound and
	// writes go in again.
	run(t, book, "check")
	run(t, book, "note", "Keep Other", "after the erasure")
	if out := run(t, book, "list"); !strings.Contains(out, "Keep Other") || strings.Contains(out, "Mq Damaged") {
		t.Errorf("list after the erasure:\n%s", out)
	}
}
