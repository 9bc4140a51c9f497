package store

import (
	"slices"
	"testing"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	bolt "go.etcd.io/bbolt"
)

// openIDs returns the ids of the book's open requests.
func openIDs(t *testing.T, b *Book) []string {
	t.Helper()
	var ids []string
	err := b.View(func(tx *Tx) error {
		rs, err := tx.OpenRequests()
		for _, r := range rs {
			ids = append(ids, r.ID)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	return ids
}

// TestOpenRequestsIndex: the index of open requests follows every write
// (opened, sourcing, fulfilled, erased with the client); a book written
// before the index is read in full when opened read-only, and gets the
// index, whole, at its first writable open; Check finds it sound.
func TestOpenRequestsIndex(t *testing.T) {
	b, path := newBook(t)
	a, c := &profile.Profile{Name: "Anne Dubois"}, &profile.Profile{Name: "陈静"}
	var bag, scarf, shoes, tie requests.Request
	err := b.Update(func(tx *Tx) error {
		for _, p := range []*profile.Profile{a, c} {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		bag = requests.Request{ClientID: a.ID, What: "burgundy bag in M"}
		scarf = requests.Request{ClientID: a.ID, What: "silk scarf"}
		shoes = requests.Request{ClientID: c.ID, What: "loafers in 38"}
		tie = requests.Request{ClientID: c.ID, What: "navy tie", Status: requests.Fulfilled}
		for _, r := range []*requests.Request{&bag, &scarf, &shoes, &tie} {
			if err := tx.AddRequest(r); err != nil {
				return err
			}
		}
		scarf.Status = requests.Sourcing
		if err := tx.UpdateRequest(&scarf); err != nil {
			return err
		}
		bag.Status = requests.Fulfilled
		return tx.UpdateRequest(&bag)
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{scarf.ID, shoes.ID}
	slices.Sort(want)
	if got := openIDs(t, b); !slices.Equal(got, want) {
		t.Fatalf("open requests %v, want %v (sourcing counts, fulfilled does not)", got, want)
	}
	if _, err := b.EraseClients(c.ID); err != nil {
		t.Fatal(err)
	}
	if got := openIDs(t, b); !slices.Equal(got, []string{scarf.ID}) {
		t.Fatalf("after erasing 陈静: open requests %v, want only %s", got, scarf.ID)
	}

	// A book from before the index: drop it, as an older vipbook wrote it.
	if err := b.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bReqOpen) }); err != nil {
		t.Fatal(err)
	}
	b.Close()
	ro, err := Open(path, Options{ReadOnly: true, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	if got := openIDs(t, ro); !slices.Equal(got, []string{scarf.ID}) {
		t.Fatalf("read-only, without the index: open requests %v, want %s", got, scarf.ID)
	}
	ro.Close()
	rw, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	_ = rw.View(func(tx *Tx) error {
		if tx.bucket(bReqOpen) == nil || tx.bucket(bReqOpen).Get([]byte(scarf.ID)) == nil {
			t.Errorf("the first writable open did not build the index")
		}
		return nil
	})
	if got := openIDs(t, rw); !slices.Equal(got, []string{scarf.ID}) {
		t.Fatalf("with the rebuilt index: open requests %v, want %s", got, scarf.ID)
	}
	rw.Close()
	rep, err := Check(path)
	if err != nil || !rep.Sound() {
		t.Fatalf("check: %v %+v", err, rep.Problems)
	}
}
