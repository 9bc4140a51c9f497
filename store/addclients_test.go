package store

import (
	"errors"
	"fmt"
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
	b.SetHooks(Hooks{ClientAdded: func(tx *Tx, p *profile.Profile) error { hooked = append(hooked, p.ID); return nil }})
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

// TestAddClientsManyAtOnce: 600 clients added at once, their records made
// on several goroutines (eachApart), are the records and summaries that
// adding each with AddClient writes, the hook runs for each in order, the
// kept search index is sound; a call whose 400th and 500th clients are
// invalid fails on the 400th.
func TestAddClientsManyAtOnce(t *testing.T) {
	clients := func() []*profile.Profile {
		var ps []*profile.Profile
		for i := range 600 {
			p := &profile.Profile{ID: fmt.Sprintf("c%05d", i), Name: fmt.Sprintf("王小明%c", rune('甲'+i%50)), City: []string{"上海", "Paris", ""}[i%3],
				Tags: []string{fmt.Sprintf("t%d", i%7)}, Phones: []profile.Phone{{Number: fmt.Sprintf("138%08d", i)}}}
			if i%2 == 1 {
				p.Name, p.LatinName = fmt.Sprintf("Anne Dubois %d", i), "Anne"
			}
			ps = append(ps, p)
		}
		return ps
	}
	one, _ := newBook(t)
	var hooked []string
	one.SetHooks(Hooks{ClientAdded: func(tx *Tx, p *profile.Profile) error { hooked = append(hooked, p.ID); return nil }})
	ps := clients()
	if err := one.Update(func(tx *Tx) error { return tx.AddClients(ps) }); err != nil {
		t.Fatal(err)
	}
	two, _ := newBook(t)
	if err := two.Update(func(tx *Tx) error {
		for _, p := range clients() {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	read := func(b *Book) (out []any) {
		b.View(func(tx *Tx) error {
			for _, p := range ps {
				c, err := tx.Client(p.ID)
				s, err2 := tx.Summary(p.ID)
				out = append(out, c, s, err, err2, tx.FindByPhone(p.Phones[0].Number))
			}
			return nil
		})
		return out
	}
	if got, want := read(one), read(two); !reflect.DeepEqual(got, want) {
		t.Error("600 clients added at once differ from the same added one by one")
	}
	for i, id := range hooked {
		if id != ps[i].ID {
			t.Fatalf("hook %d ran for %s, want %s", i, id, ps[i].ID)
		}
	}
	if len(hooked) != len(ps) {
		t.Errorf("hook ran %d times", len(hooked))
	}
	checkKept(t, one, "600 clients at once")

	bad := clients()
	for i := range bad {
		bad[i].ID = ""
	}
	bad[400].Name, bad[500].Name = "", ""
	bad[400].Phones, bad[500].Phones = nil, nil
	three, _ := newBook(t)
	err := three.Update(func(tx *Tx) error { return tx.AddClients(bad) })
	if err == nil || bad[401].ID != "" || bad[399].ID == "" {
		t.Errorf("invalid 400th client: %v, ids of the 399th %q and 401st %q", err, bad[399].ID, bad[401].ID)
	}
}
