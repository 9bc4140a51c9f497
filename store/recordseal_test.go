package store

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
	bolt "go.etcd.io/bbolt"
)

// sealFixture writes a client with one record of every kind, each with
// its own marker, and returns the client's id and the records' ids by
// kind.
func sealFixture(t *testing.T, b *Book) (string, map[string]string) {
	t.Helper()
	ids := map[string]string{}
	var client string
	day := civil.Of(testNow)
	err := b.Update(func(tx *Tx) error {
		p := &profile.Profile{Name: "Sealed Wang"}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		client = p.ID
		n := &notes.Note{ClientID: p.ID, Kind: notes.General, Text: "SEALNOTE prefers navy"}
		if err := tx.AddNote(n); err != nil {
			return err
		}
		pu := &profile.Purchase{ClientID: p.ID, Date: day, Amount: 1200, Currency: "CNY", Items: "SEALPURCHASE scarf"}
		if err := tx.AddPurchase(pu); err != nil {
			return err
		}
		tk := &tasks.Task{ClientID: p.ID, Title: "SEALTASK call back", Due: day.AddDays(3)}
		if err := tx.AddTask(tk); err != nil {
			return err
		}
		a := &visits.Appointment{ClientID: p.ID, Start: testNow.Add(48 * time.Hour), Duration: time.Hour, Purpose: "SEALAPPT fitting", Status: "booked"}
		if err := tx.AddAppointment(a); err != nil {
			return err
		}
		r := &requests.Request{ClientID: p.ID, What: "SEALREQUEST the navy coat", Opened: day, Status: requests.Status("open")}
		if err := tx.AddRequest(r); err != nil {
			return err
		}
		ids["note"], ids["purchase"], ids["task"], ids["appointment"], ids["request"] = n.ID, pu.ID, tk.ID, a.ID, r.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return client, ids
}

// sealMarkers are the markers of sealFixture's records, by kind, and the
// letter after which each is flipped.
var sealMarkers = map[string]string{
	"note": "SEALNOTE", "purchase": "SEALPURCHASE", "task": "SEALTASK", "appointment": "SEALAPPT", "request": "SEALREQUEST",
}

// flipIn changes the letter after marker's first two letters in every copy
// of it in the file (the record, and the change log's copy), so the
// record still reads as JSON.
func flipIn(t *testing.T, path, marker string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := bytes.Count(raw, []byte(marker))
	if n == 0 {
		t.Fatalf("%s is not in the file", marker)
	}
	raw = bytes.ReplaceAll(raw, []byte(marker), []byte(marker[:2]+"X"+marker[3:]))
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestPoint1EveryRecordSealed: a note, a purchase, a task, an appointment
// and a request each carry a seal; one letter flipped inside any of them
// in the real file (still JSON) is damage: check names the record and its
// client, and a read of the client's notes (purchases, tasks) fails as
// damage naming them, where before the flipped letter was shown and
// backed up as if sound.
func TestPoint1EveryRecordSealed(t *testing.T) {
	for kind, marker := range sealMarkers {
		t.Run(kind, func(t *testing.T) {
			b, path := newBook(t)
			client, ids := sealFixture(t, b)
			b.Close()
			flipIn(t, path, marker)
			rep, err := Check(path)
			if err != nil {
				t.Fatal(err)
			}
			want := "the " + kind + " " + ids[kind] + " of client " + client + " (Sealed Wang) is damaged (its checksum does not match)"
			if !slicesContains(rep.Problems, want) {
				t.Fatalf("check's problems %q lack %q", rep.Problems, want)
			}
			rb, err := Open(path, Options{ReadOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			defer rb.Close()
			err = rb.View(func(tx *Tx) error {
				switch kind {
				case "note":
					_, err := tx.Notes(client)
					return err
				case "purchase":
					_, err := tx.Purchases(client)
					return err
				case "task":
					_, err := tx.AllTasks()
					return err
				case "appointment":
					_, err := tx.AppointmentsBetween(testNow, testNow.Add(72*time.Hour))
					return err
				default:
					_, err := tx.OpenRequests()
					return err
				}
			})
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("the read of the damaged %s = %v, want damage", kind, err)
			}
			if kind == "note" || kind == "purchase" || kind == "task" {
				if want := "the " + kind + " " + ids[kind] + " of client " + client + " is damaged"; !strings.Contains(err.Error(), want) {
					t.Errorf("the read's error %q does not say %q", err, want)
				}
			}
		})
	}
}

// TestPoint1RecordSealMigration: a book whose notes, purchases, tasks,
// appointments and requests carry no seal (an older vipbook; its clients'
// records sealed, kSealed "1") reads as before, and its next writable
// open seals every one of them, which then read the same.
func TestPoint1RecordSealMigration(t *testing.T) {
	b, path := newBook(t)
	client, _ := sealFixture(t, b)
	b.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range sealedBuckets[1:] {
			bk := tx.Bucket(name)
			var kvs [][2][]byte
			_ = bk.ForEach(func(k, v []byte) error {
				kvs = append(kvs, [2][]byte{bytes.Clone(k), bytes.Clone(v[:len(v)-sealLen])})
				return nil
			})
			for _, kv := range kvs {
				if err := bk.Put(kv[0], kv[1]); err != nil {
					return err
				}
			}
		}
		return tx.Bucket(bMeta).Put(kSealed, []byte("1"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	read := func(b *Book) string {
		var got []string
		err := b.View(func(tx *Tx) error {
			ns, err := tx.Notes(client)
			for _, n := range ns {
				got = append(got, n.Text)
			}
			ps, _ := tx.Purchases(client)
			for _, p := range ps {
				got = append(got, p.Items)
			}
			for _, tk := range tx.ClientTasks(client) {
				got = append(got, tk.Title)
			}
			for _, a := range tx.ClientAppointments(client) {
				got = append(got, a.Purpose)
			}
			for _, r := range tx.ClientRequests(client) {
				got = append(got, r.What)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(got, "|")
	}
	rb, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	before := read(rb)
	rb.Close()
	if strings.Count(before, "SEAL") != 5 {
		t.Fatalf("the unsealed records read %q", before)
	}
	wb, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	if after := read(wb); after != before {
		t.Errorf("after sealing the records read %q, before %q", after, before)
	}
	err = wb.View(func(tx *Tx) error {
		for _, name := range sealedBuckets {
			_ = tx.bucket(name).ForEach(func(k, v []byte) error {
				if body, err := unseal(v); err != nil || len(body) == len(v) {
					t.Errorf("%s %q was not sealed on the writable open", name, k)
				}
				return nil
			})
		}
		if !bytes.Equal(tx.bucket(bMeta).Get(kSealed), sealedAll) {
			t.Error("the meta does not say every record is sealed")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// BenchmarkSealNote measures what a seal adds to a note's write: the
// CRC-32C of its JSON and the copy, on a note of a typical length.
func BenchmarkSealNote(b *testing.B) {
	raw := []byte(`{"id":"x0kpm75zvxd5","client_id":"2qyzvh","kind":"preference","text":"prefers navy, size 38 in jackets; asked to be called when the new cashmere coats arrive","at":"2026-11-24T09:00:00Z","author":"李娜"}`)
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := unseal(seal(raw)); err != nil {
			b.Fatal(err)
		}
	}
}
