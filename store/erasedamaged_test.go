package store

import (
	"bytes"
	"errors"
	"testing"

	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// everyBucket calls fn with every key and value of every bucket of the
// file at path, nested buckets included.
func everyBucket(t *testing.T, path string, fn func(bucket string, k, v []byte)) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var walk func(name string, bk *bolt.Bucket)
	walk = func(name string, bk *bolt.Bucket) {
		_ = bk.ForEach(func(k, v []byte) error {
			if v == nil {
				if nb := bk.Bucket(k); nb != nil {
					walk(name+"/"+string(k), nb)
					return nil
				}
			}
			fn(name, k, v)
			return nil
		})
	}
	_ = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, bk *bolt.Bucket) error { walk(string(name), bk); return nil })
	})
}

// TestPoint3EraseDamagedRecords: an erasure of a client whose notes,
// purchase, task, appointment and request are damaged in the file (a
// letter flipped under the seal; one note not even JSON) goes through and
// leaves no key of them: not the records, not an index entry naming their
// ids (the note time, the situation, the id indexes, the task due day,
// the appointment start, the open request), not a search posting of the
// client, and no byte of the client's id or markers in the file.
func TestPoint3EraseDamagedRecords(t *testing.T) {
	b, path := newBook(t)
	gone, keep, _ := eraseFixture(t, b)
	var rec *ClientRecords
	if err := b.View(func(tx *Tx) (err error) { rec, err = tx.ClientRecords(gone.ID); return err }); err != nil {
		t.Fatal(err)
	}
	ids := []string{gone.ID}
	for _, n := range rec.Notes {
		ids = append(ids, n.ID)
	}
	for _, p := range rec.Purchases {
		ids = append(ids, p.ID)
	}
	for _, x := range rec.Tasks {
		ids = append(ids, x.ID)
	}
	for _, a := range rec.Appointments {
		ids = append(ids, a.ID)
	}
	for _, r := range rec.Requests {
		ids = append(ids, r.ID)
	}
	b.Close()
	for _, m := range []string{"MARK-note-a1f3", "MARK-purchase-b2e4", "MARK-task-g7z9", "MARK-appointment-f6a8", "MARK-request-e5b7"} {
		flipIn(t, path, m)
	}
	// One note is no longer JSON at all, and its seal is right.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bNotes).Cursor().Seek(prefix(gone.ID))
		return tx.Bucket(bNotes).Put(bytes.Clone(k), seal([]byte("\x01\x02 not a note")))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	b, err = Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	_ = b.View(func(tx *Tx) error {
		if _, err := tx.Notes(gone.ID); !errors.Is(err, ErrDamaged) {
			t.Fatalf("fixture: reading the damaged notes: %v", err)
		}
		return nil
	})
	if _, err := b.EraseClients(gone.ID); err != nil {
		t.Fatalf("erasing a client with damaged records: %v", err)
	}
	err = b.View(func(tx *Tx) error {
		if ns, err := tx.Notes(keep.ID); err != nil || len(ns) != 30 {
			t.Errorf("the other client's notes: %d, %v", len(ns), err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	everyBucket(t, path, func(bucket string, k, v []byte) {
		for _, id := range ids {
			if bytes.Contains(k, []byte(id)) || bytes.Contains(v, []byte(id)) {
				t.Errorf("bucket %s still names %s: key %q value %.80q", bucket, id, k, v)
			}
		}
	})
	for _, m := range append([]string{gone.ID, "MAXK-note-a1f3", "MAXK-purchase-b2e4", "MAXK-task-g7z9", "MAXK-appointment-f6a8", "MAXK-request-e5b7", "not a note"}, goneMarkers...) {
		if fileHas(t, path, m) {
			t.Errorf("%q still in the file's bytes", m)
		}
	}
}

// TestPoint3EraseDamagedClientRecord (issue 14 point 3): a client whose
// own record no longer decodes (and, the second time, whose summary does
// not either) is erased by its id: every key naming the client goes, the
// phone and card index entries included, and the client's markers leave
// the file. Before, the erasure was refused: it read the record first.
func TestPoint3EraseDamagedClientRecord(t *testing.T) {
	for _, tc := range []struct {
		name    string
		summary bool // the summary is damaged too
	}{{"record", false}, {"record and summary", true}} {
		t.Run(tc.name, func(t *testing.T) {
			b, path := newBook(t)
			gone, keep, _ := eraseFixture(t, b)
			b.Close()
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			err = db.Update(func(tx *bolt.Tx) error {
				if err := tx.Bucket(bClients).Put([]byte(gone.ID), seal([]byte("\x01\x02 not a client"))); err != nil {
					return err
				}
				if tc.summary {
					return tx.Bucket(bSummaries).Put([]byte(gone.ID), []byte("\xff not a summary"))
				}
				return nil
			})
			db.Close()
			if err != nil {
				t.Fatal(err)
			}
			b, err = Open(path, Options{Now: clock})
			if err != nil {
				t.Fatal(err)
			}
			_ = b.View(func(tx *Tx) error {
				if _, err := tx.ClientRecords(gone.ID); !errors.Is(err, ErrDamaged) {
					t.Fatalf("fixture: the damaged client reads: %v", err)
				}
				rec, err := tx.EraseRecords(gone.ID)
				if err != nil || !rec.Damaged {
					t.Fatalf("EraseRecords of the damaged client: %+v, %v", rec, err)
				}
				return nil
			})
			if _, err := b.EraseClients(gone.ID); err != nil {
				t.Fatalf("erasing a client whose record is damaged: %v", err)
			}
			_ = b.View(func(tx *Tx) error {
				if _, err := tx.Client(keep.ID); err != nil {
					t.Errorf("the other client: %v", err)
				}
				// The tombstone holds the phone the summary kept, or,
				// the summary damaged too, the one the phone index
				// held: an import of the client stays out.
				back := &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "+86 138 0013 8000"}}}
				if _, erased := tx.Erased(back, "86"); !erased {
					t.Error("the erased client's phone is not remembered")
				}
				return nil
			})
			b.Close()
			everyBucket(t, path, func(bucket string, k, v []byte) {
				if bytes.Contains(k, []byte(gone.ID)) || bytes.Contains(v, []byte(gone.ID)) {
					t.Errorf("bucket %s still names the erased client: key %q value %.80q", bucket, k, v)
				}
			})
			for _, m := range []string{gone.ID, "not a client", "8613800138000", "Zqxv-Latin-7781", "MARK-note-a1f3"} {
				if fileHas(t, path, m) {
					t.Errorf("%q still in the file's bytes", m)
				}
			}
		})
	}
}
