package typing

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

func TestValuesRestore(t *testing.T) {
	v := NewValues()
	*v.Str("name") = " 曾小凡 "
	*v.Flag("lunar") = true
	*v.Str("note") = "true" // a text answer that reads as a flag stays text
	w := NewValues()
	w.Restore(v.Snapshot(), "lunar")
	if w.Get("name") != "曾小凡" || !*w.Flag("lunar") || *w.Str("note") != "true" || *w.Flag("note") {
		t.Fatalf("restored %+v", w.Snapshot())
	}
}

// TestFormKeeps: each change of an answer reaches the keeper as the form's
// draft; the form starts with a batch, never a tea.Sequence.
func TestFormKeeps(t *testing.T) {
	v := NewValues()
	km := huh.NewDefaultKeyMap()
	f := NewForm(huh.NewGroup(huh.NewInput().Key("title").Value(v.Str("title"))), v,
		FormOptions{KeyMap: km, Width: 60, Key: FormKey("task", "c1"), ClientID: "c1", Title: "New follow-up"})
	if msg := f.Init()(); fmt.Sprintf("%T", msg) != "tea.BatchMsg" {
		t.Fatalf("Init answers %T, want a batch", msg)
	}
	k := NewKeeper()
	changed := false
	for _, r := range "call" {
		_, c := f.Update(tea.KeyPressMsg{Code: r, Text: string(r)}, k)
		changed = changed || c
	}
	if !changed || v.Get("title") != "call" {
		t.Fatalf("typing in the form: changed %v, title %q", changed, v.Get("title"))
	}
	p := k.Pending()
	if len(p) != 1 || p[0].Key != FormKey("task", "c1") || p[0].Text != "New follow-up" || DecodeFields(p[0].Fields)["title"] != "call" {
		t.Fatalf("the keeper holds %+v", p)
	}
	if _, c := f.Update(tea.KeyPressMsg{Code: tea.KeyLeft}, k); c {
		t.Error("moving the cursor reported a change")
	}
}
