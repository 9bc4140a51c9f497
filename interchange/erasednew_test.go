package interchange

import (
	"testing"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestEveryNewOneErasedIsNoneNew: when every client a file would add is
// one the book erased (skipped), the plan has no new clients: nil, as
// the JSON report says it ("new": null, not []).
func TestEveryNewOneErasedIsNoneNew(t *testing.T) {
	b := newBook(t)
	if err := b.Update(func(tx *store.Tx) error {
		p := profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "13800138000"}}}
		if err := tx.AddClient(&p); err != nil {
			return err
		}
		_, err := tx.EraseClient(p.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	src, err := Parse("clients.csv", []byte("姓名,手机号码\r\n王小明,13800138000\r\n"), ParseOptions{CC: "86"})
	if err != nil {
		t.Fatal(err)
	}
	var pl *Plan
	if err := b.View(func(tx *store.Tx) error {
		pl, err = MakePlan(tx, src, PlanOptions{})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if pl.New != nil || len(pl.Skipped) != 1 {
		t.Fatalf("new %#v (want nil), skipped %+v (want the erased client)", pl.New, pl.Skipped)
	}
}
