package store

import (
	"errors"
	"reflect"
	"testing"

	"github.com/vipbook/vipbook/profile"
)

// TestAddClients: clients added at once are stored, summarised and found
// by phone as AddClient does it, the hook runs for each, and a taken id
// fails the whole call inside its transaction.
func TestAddClients(t *testing.T) {
	b, _ := newBook(t)
	var hooked []string
	b.SetHooks(Hooks{ClientAdded: func(tx *Tx, id string) error { hooked = append(hooked, id); return nil }})
	ps := []*profile.Profile{
		{Name: "王小明", Phones: []profile.Phone{{Number: "138 0013 8000"}}},
		{Name: "Anne Dubois", Email: "anne@example.fr"},
		{ID: "zzzzzz", Name: "陈静", Phones: []profile.Phone{{Number: "13912345678"}, {Number: "021-6288 1234"}}},
	}
	if err := b.Update(func(tx *Tx) error { return tx.AddClients(ps) }); err != nil {
		t.Fatal(err)
	}
	if ps[2].ID != "zzzzzz" || ps[0].ID == "" || ps[0].ID == ps[1].ID {
		t.Fatalf("ids %q %q %q", ps[0].ID, ps[1].ID, ps[2].ID)
	}
	if !reflect.DeepEqual(hooked, []string{ps[0].ID, ps[1].ID, ps[2].ID}) {
		t.Errorf("hook ran for %v", hooked)
	}
	b.View(func(tx *Tx) error {
		for _, p := range ps {
			got, err := tx.Client(p.ID)
			if err != nil || got.Name != p.Name || got.HomeStore != "Shanghai IFC" || len(got.Owners) != 1 {
				t.Errorf("client %s: %+v, %v", p.ID, got, err)
			}
			if s, err := tx.Summary(p.ID); err != nil || s.Name != p.Name {
				t.Errorf("summary %s: %+v, %v", p.ID, s, err)
			}
		}
		if ids := tx.FindByPhone("02162881234"); len(ids) != 1 || ids[0] != "zzzzzz" {
			t.Errorf("FindByPhone = %v", ids)
		}
		if n := tx.ClientCount(); n != 3 {
			t.Errorf("%d clients", n)
		}
		return nil
	})
	err := b.Update(func(tx *Tx) error {
		return tx.AddClients([]*profile.Profile{{Name: "新客户"}, {ID: "zzzzzz", Name: "Someone"}})
	})
	if !errors.Is(err, ErrDuplicate) {
		t.Fatalf("a taken id: %v", err)
	}
	b.View(func(tx *Tx) error {
		if n := tx.ClientCount(); n != 3 {
			t.Errorf("%d clients after a refused call", n)
		}
		return nil
	})
}
