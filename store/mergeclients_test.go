package store

import (
	"testing"

	"github.com/vipbook/vipbook/profile"
)

// TestMergeClientsAliases: the id of a client merged away becomes an alias
// of the kept client, aliases of it follow a second merge, check verifies
// them, a new client never gets an alias's id, and erasing the kept
// client drops its aliases.
func TestMergeClientsAliases(t *testing.T) {
	b, path := newBook(t)
	var a, c, d profile.Profile
	err := b.Update(func(tx *Tx) error {
		for i, p := range []*profile.Profile{&a, &c, &d} {
			p.Name = "王小明"
			p.Phones = []profile.Phone{{Number: []string{"13800000001", "13900000002", "13700000003"}[i]}}
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		keep, _ := tx.Client(c.ID)
		keep.Phones = append(keep.Phones, a.Phones...)
		if _, err := tx.MergeClients(keep, a.ID); err != nil {
			return err
		}
		merged, _ := tx.Client(c.ID)
		keep, _ = tx.Client(d.ID)
		keep.Phones = append(keep.Phones, merged.Phones...)
		if _, err := tx.MergeClients(keep, c.ID); err != nil {
			return err
		}
		for _, id := range []string{a.ID, c.ID} {
			if to, ok := tx.Alias(id); !ok || to != d.ID {
				t.Errorf("alias of %s: %q %v, want %s", id, to, ok, d.ID)
			}
		}
		if ids := tx.FindByPhone("13800000001"); len(ids) != 1 || ids[0] != d.ID {
			t.Errorf("the first phone finds %v", ids)
		}
		if _, err := tx.MergeClients(keep, d.ID); err == nil {
			t.Error("a client merged with itself")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	if r, err := Check(path); err != nil || !r.Sound() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
	b, err = Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.Update(func(tx *Tx) error {
		if err := tx.bucket(bAliases).Put([]byte("zzzzzz"), []byte("nobody")); err != nil {
			return err
		}
		if _, err := tx.EraseClient(d.ID); err != nil {
			return err
		}
		if _, ok := tx.Alias(a.ID); ok {
			t.Error("an alias of an erased client stayed")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	if r, _ := Check(path); r.Sound() {
		t.Error("check passes an alias naming no client")
	}
}
