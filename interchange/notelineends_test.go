package interchange

import "testing"

// TestNoteKeptOnceWhateverItsLineEnds: a note "x\ny" then "x\r\r\ny" on
// one card are one note, as sameNote says (their keys are equal once
// keyed twice), not two.
func TestNoteKeptOnceWhateverItsLineEnds(t *testing.T) {
	var r Record
	r.addNote(NoteIn{Text: "x\ny"})
	r.addNote(NoteIn{Text: "x\r\r\ny"})
	r.addNote(NoteIn{Text: "x\r\r\ny"})
	if len(r.Notes) != 1 {
		t.Fatalf("notes %q, want one", r.Notes)
	}
}
