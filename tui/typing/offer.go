package typing

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/store"
)

// Offered is a draft kept from an earlier session, offered back at the
// start, with the name of its client.
type Offered struct {
	Draft store.Draft
	Name  string
}

// Offer is the list of drafts offered back: one is resumed, discarded, or
// all are left for later.
type Offer struct {
	Items  []Offered
	Cursor int
}

// Update moves the cursor with up and down.
func (o Offer) Update(msg tea.KeyPressMsg, up, down key.Binding) Offer {
	switch {
	case key.Matches(msg, up):
		o.Cursor = max(0, o.Cursor-1)
	case key.Matches(msg, down):
		o.Cursor = min(len(o.Items)-1, o.Cursor+1)
	}
	return o
}

// Take removes the draft under the cursor from the offer and returns it;
// ok is false when the offer is empty.
func (o Offer) Take() (Offer, Offered, bool) {
	if len(o.Items) == 0 {
		return o, Offered{}, false
	}
	it := o.Items[o.Cursor]
	o.Items = append(o.Items[:o.Cursor:o.Cursor], o.Items[o.Cursor+1:]...)
	o.Cursor = max(0, min(o.Cursor, len(o.Items)-1))
	return o, it, true
}
