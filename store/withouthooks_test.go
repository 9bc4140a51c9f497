package store

import (
	"testing"

	"github.com/vipbook/vipbook/profile"
)

// TestWithoutHooks: a write through WithoutHooks runs no hook and lands in
// the same book, whose own hooks still run.
func TestWithoutHooks(t *testing.T) {
	b, _ := newBook(t)
	var hooked []string
	b.SetHooks(Hooks{ClientAdded: func(tx *Tx, p *profile.Profile) error { hooked = append(hooked, p.ID); return nil }})
	quiet := &profile.Profile{Name: "王小明"}
	if err := b.WithoutHooks().Update(func(tx *Tx) error { return tx.AddClient(quiet) }); err != nil {
		t.Fatal(err)
	}
	loud := &profile.Profile{Name: "Anne Dubois"}
	if err := b.Update(func(tx *Tx) error { return tx.AddClient(loud) }); err != nil {
		t.Fatal(err)
	}
	if len(hooked) != 1 || hooked[0] != loud.ID {
		t.Errorf("the hook ran for %v, want only %s", hooked, loud.ID)
	}
	if err := b.View(func(tx *Tx) error {
		_, err := tx.Client(quiet.ID)
		return err
	}); err != nil {
		t.Errorf("the client added without hooks is not in the book: %v", err)
	}
}
