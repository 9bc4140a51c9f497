package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestTaskFormRefusesContactForDoNotContact: a call planned on the screen
// for a client who asked not to be contacted is refused in plain words,
// and the form comes back with its answers to pick another kind.
func TestTaskFormRefusesContactForDoNotContact(t *testing.T) {
	b := openBook(t, demoBookPath(t))
	h := newHarness(t, b, "en", 120, 40)
	id := openZxf(t, h)
	h.keys("esc")
	err := b.Store().WithoutHooks().Update(func(tx *store.Tx) error {
		return tx.UpdateClientWith(id, func(p *profile.Profile) error {
			p.Consent = profile.Consent{DoNotContact: true, How: "asked in store"}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	before := 0
	b.View(func(tx *store.Tx) error { before = len(tx.ClientTasks(id)); return nil })
	h.keys("t")
	const title = "Call about the jade bangle"
	h.typeText(title)
	h.submitRest() // the kind stays at its default: a call back
	v := h.view()
	if !strings.Contains(v, "asked not to be contacted") {
		t.Fatalf("the refusal is not said:\n%s", v)
	}
	if h.m.focus() != focusForm || h.m.edit.form == nil || *h.m.edit.form.Values.Str("title") != title {
		t.Fatalf("the refused follow-up's form is not back with its answers:\n%s", v)
	}
	after := 0
	b.View(func(tx *store.Tx) error { after = len(tx.ClientTasks(id)); return nil })
	if after != before {
		t.Fatalf("%d tasks before, %d after: the call was stored", before, after)
	}
}
