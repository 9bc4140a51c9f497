package typing

import (
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/store"
)

func TestOfferTake(t *testing.T) {
	up, down := key.NewBinding(key.WithKeys("up")), key.NewBinding(key.WithKeys("down"))
	o := Offer{Items: []Offered{{Draft: store.Draft{Key: "a"}}, {Draft: store.Draft{Key: "b"}}, {Draft: store.Draft{Key: "c"}}}}
	o = o.Update(tea.KeyPressMsg{Code: tea.KeyDown}, up, down)
	o = o.Update(tea.KeyPressMsg{Code: tea.KeyDown}, up, down)
	o = o.Update(tea.KeyPressMsg{Code: tea.KeyDown}, up, down)
	if o.Cursor != 2 {
		t.Fatalf("the cursor went past the end: %d", o.Cursor)
	}
	o, it, ok := o.Take()
	if !ok || it.Draft.Key != "c" || len(o.Items) != 2 || o.Cursor != 1 {
		t.Fatalf("took %+v, left %+v", it, o)
	}
	o = o.Update(tea.KeyPressMsg{Code: tea.KeyUp}, up, down)
	o, it, _ = o.Take()
	o, it2, _ := o.Take()
	if it.Draft.Key != "a" || it2.Draft.Key != "b" {
		t.Fatalf("took %q then %q", it.Draft.Key, it2.Draft.Key)
	}
	if _, _, ok := o.Take(); ok {
		t.Fatal("took from an empty offer")
	}
}
