package store

import (
	"encoding/json"
	"slices"
	"time"

	"bytes"
	"errors"
	"github.com/vipbook/vipbook/notes"
	"os"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// TestPoint5RecordChecksum flips one byte inside a client's record in a
// real book file, where the record still reads as JSON (a letter of her
// WeChat id becomes another): the read of that client fails as damage
// naming her, the other clients read as before, and vipbook check reports
// her by id and name. Before records were sealed, the flipped letter was
// shown and backed up as if sound.
func TestPoint5RecordChecksum(t *testing.T) {
	b, path := newBook(t)
	var hit, other string
	err := b.Update(func(tx *Tx) error {
		p := &profile.Profile{Name: "Sealed Wang", WeChat: "wxSEALMARKER42"}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		hit = p.ID
		q := &profile.Profile{Name: "Other Li", WeChat: "wxother"}
		if err := tx.AddClient(q); err != nil {
			return err
		}
		other = q.ID
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
	// The profile is in the clients bucket; the search index and the
	// summary may hold the WeChat id too, in other forms: flip it in the
	// record, the one followed by the JSON around it.
	at := bytes.Index(raw, []byte(`"wechat":"wxSEALMARKER42"`))
	if at < 0 {
		t.Fatal("the record is not in the file")
	}
	at += len(`"wechat":"wxSEAL`)
	raw[at] = 'N' // wxSEALNARKER42: still JSON
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}

	rb, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	err = rb.View(func(tx *Tx) error { _, err := tx.Client(hit); return err })
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "the record of client "+hit+" is damaged") {
		t.Fatalf("the read of the damaged client = %v, want damage naming client %s", err, hit)
	}
	err = rb.View(func(tx *Tx) error {
		p, err := tx.Client(other)
		if err == nil && p.WeChat != "wxother" {
			t.Errorf("the other client reads %q", p.WeChat)
		}
		return err
	})
	if err != nil {
		t.Fatalf("the other client no longer reads: %v", err)
	}
	rb.Close()

	rep, err := Check(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "the record of client " + hit + " (Sealed Wang) is damaged (its checksum does not match)"
	if !slicesContains(rep.Problems, want) {
		t.Fatalf("check's problems %q lack %q", rep.Problems, want)
	}
}

func slicesContains(ps []string, s string) bool {
	for _, p := range ps {
		if strings.Contains(p, s) {
			return true
		}
	}
	return false
}

// TestSealMigration: a book whose client records have no seal (written by
// an older vipbook) reads as before, and its next writable open seals
// every record, which then reads the same.
func TestSealMigration(t *testing.T) {
	b, path := newBook(t)
	var id string
	err := b.Update(func(tx *Tx) error {
		p := &profile.Profile{Name: "Old Zhao", WeChat: "wxold"}
		err := tx.AddClient(p)
		id = p.ID
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	// As an older vipbook wrote it: the JSON alone, no seal, no meta key.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		cb := tx.Bucket(bClients)
		v := cb.Get([]byte(id))
		if err := cb.Put([]byte(id), append([]byte(nil), v[:len(v)-sealLen]...)); err != nil {
			return err
		}
		return tx.Bucket(bMeta).Delete(kSealed)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	rb, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := rb.View(func(tx *Tx) error { _, err := tx.Client(id); return err }); err != nil {
		t.Fatalf("an unsealed record does not read: %v", err)
	}
	rb.Close()

	wb, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = wb.View(func(tx *Tx) error {
		v := tx.bucket(bClients).Get([]byte(id))
		if body, err := unseal(v); err != nil || len(body) == len(v) {
			t.Errorf("the record was not sealed on the writable open: %q", v)
		}
		if tx.bucket(bMeta).Get(kSealed) == nil {
			t.Error("the meta does not say the records are sealed")
		}
		p, err := tx.Client(id)
		if err == nil && p.WeChat != "wxold" {
			t.Errorf("the sealed record reads %q", p.WeChat)
		}
		return err
	})
	wb.Close()
	if err != nil {
		t.Fatal(err)
	}
}

// TestImportSealsInPlace: a note's JSON given to ImportNotesJSON with
// SealRoom of capacity past its length is sealed there, not copied (the
// seal's bytes are in the caller's block after the JSON, the JSON's bytes
// unchanged), and the note reads back whole; a JSON without room, and a
// note encoded by the store, are sealed as before.
func TestImportSealsInPlace(t *testing.T) {
	b, _ := newBook(t)
	at := testNow.Add(-time.Hour)
	roomy := func(n notes.Note) []byte {
		raw, err := json.Marshal(n)
		if err != nil {
			t.Fatal(err)
		}
		block := make([]byte, len(raw)+SealRoom+3)
		copy(block, raw)
		return block[: len(raw) : len(raw)+SealRoom]
	}
	err := b.Update(func(tx *Tx) error {
		p := &profile.Profile{Name: "Room Wang"}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		ns := []notes.Note{
			{ID: "n1", ClientID: p.ID, At: at, Author: "李娜", Kind: notes.General, Text: "sealed in place"},
			{ID: "n2", ClientID: p.ID, At: at.Add(time.Minute), Author: "李娜", Kind: notes.General, Text: "no room"},
			{ClientID: p.ID, Kind: notes.General, Text: "encoded here"},
		}
		in := roomy(ns[0])
		before := string(in)
		tight, err := json.Marshal(ns[1])
		if err != nil {
			return err
		}
		tight = tight[:len(tight):len(tight)]
		if _, err := tx.ImportNotesJSON(ns, [][]byte{in, tight}); err != nil {
			return err
		}
		if string(in) != before {
			t.Errorf("the caller's JSON changed: %s", in)
		}
		if got := in[:len(in)+SealRoom]; !bytes.Equal(got, seal([]byte(before))) {
			t.Errorf("the seal is not in the caller's room: %q", got[len(in):])
		}
		got, err := tx.Notes(p.ID)
		if err != nil {
			return err
		}
		var texts []string
		for _, n := range got {
			texts = append(texts, n.Text)
		}
		slices.Sort(texts)
		if want := []string{"encoded here", "no room", "sealed in place"}; !slices.Equal(texts, want) {
			t.Errorf("notes read back: %q, want %q", texts, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
