package typing

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

func press(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

// TestLineKeeps: a kept line hands each change to the keeper, and lets
// the draft go when its text is blank; a line not kept hands nothing.
func TestLineKeeps(t *testing.T) {
	k := NewKeeper()
	l := NewLine(LineOptions{Prompt: "note> ", Text: "lik", Width: 60, Key: NoteKey("c1"), ClientID: "c1", Keep: true})
	if _, changed := l.Update(press('e'), k); !changed {
		t.Fatal("typing did not report a change")
	}
	if p := k.Pending(); len(p) != 1 || p[0].Text != "like" || p[0].ClientID != "c1" {
		t.Fatalf("the keeper holds %+v", p)
	}
	if _, changed := l.Update(tea.KeyPressMsg{Code: tea.KeyLeft}, k); changed {
		t.Error("moving the cursor reported a change")
	}
	for range 4 {
		l.Update(tea.KeyPressMsg{Code: tea.KeyBackspace}, k)
	}
	l.Update(tea.KeyPressMsg{Code: tea.KeyEnd}, k)
	for range 4 {
		l.Update(tea.KeyPressMsg{Code: tea.KeyBackspace}, k)
	}
	if l.Value() != "" || len(k.Pending()) != 0 {
		t.Fatalf("a blank line's draft is still pending: %q, %+v", l.Value(), k.Pending())
	}

	day := NewLine(LineOptions{Prompt: "day> ", Width: 60, Key: SnoozeKey})
	if _, changed := day.Update(press('3'), k); changed || len(k.Pending()) != 0 || day.Value() != "3" {
		t.Fatalf("a line not kept reached the keeper: %v, %+v", changed, k.Pending())
	}
}
