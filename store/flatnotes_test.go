package store

import (
	"testing"

	"github.com/vipbook/vipbook/notes"
)

// TestFlatNotesWhereTheyLie: notes given as parts of one slice, one after
// another (interchange.Apply gives them so), are written where they lie,
// not copied; parts out of order, with a gap, or of several slices are
// copied (and parts each limited to their own capacity: which of them
// follow each other cannot be seen without unsafe).
func TestFlatNotesWhereTheyLie(t *testing.T) {
	all := make([]notes.Note, 6)
	for i := range all {
		all[i].Text = string(rune('a' + i))
	}
	cases := []struct {
		name   string
		parts  [][]notes.Note
		copied bool
	}{
		{"one after another", [][]notes.Note{all[0:2], nil, all[2:5], all[5:6]}, false},
		{"out of order", [][]notes.Note{all[2:5], all[0:2]}, true},
		{"a gap", [][]notes.Note{all[0:2], all[3:6]}, true},
		{"two slices", [][]notes.Note{all[0:2], make([]notes.Note, 2)}, true},
		{"capacities limited", [][]notes.Note{all[0:2:2], all[2:5:5]}, true},
	}
	for _, c := range cases {
		got, copied := flatNotes(c.parts)
		n := 0
		for _, p := range c.parts {
			for _, x := range p {
				if got[n].Text != x.Text {
					t.Errorf("%s: note %d is %q, want %q", c.name, n, got[n].Text, x.Text)
				}
				n++
			}
		}
		if len(got) != n || copied != c.copied {
			t.Errorf("%s: %d notes, copied %v; want %d, copied %v", c.name, len(got), copied, n, c.copied)
		}
		if !copied && &got[0] != &all[0] {
			t.Errorf("%s: not written where they lie", c.name)
		}
	}
}
