package interchange

import (
	"testing"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestRemovedNoteNotBackFromFile: a note removed from a client (logged
// on the wrong client) does not come back with the import of a file made
// before, which has its text but no id; the same text on another client
// of the file is that client's note and comes in.
func TestRemovedNoteNotBackFromFile(t *testing.T) {
	sheet := []byte("姓名,手机号码,备注\r\n" +
		"王小明,13800138000,WRONGCLIENT 想要灰色大衣\r\n" +
		"李娜,13912345678,WRONGCLIENT 想要灰色大衣\r\n")
	b := newBook(t)
	var wxm, ln string
	if err := b.Update(func(tx *store.Tx) error {
		p := profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "13800138000"}}}
		q := profile.Profile{Name: "李娜", Phones: []profile.Phone{{Number: "13912345678"}}}
		if err := tx.AddClient(&p); err != nil {
			return err
		}
		if err := tx.AddClient(&q); err != nil {
			return err
		}
		wxm, ln = p.ID, q.ID
		n := notes.Note{ClientID: wxm, Kind: notes.General, Text: "WRONGCLIENT 想要灰色大衣"}
		if err := tx.AddNote(&n); err != nil {
			return err
		}
		_, err := tx.DeleteNote(n.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	src, err := Parse("clients.csv", sheet, ParseOptions{CC: "86"})
	if err != nil {
		t.Fatal(err)
	}
	var pl *Plan
	if err := b.Update(func(tx *store.Tx) error {
		pl, err = MakePlan(tx, src, PlanOptions{})
		if err != nil {
			return err
		}
		return Apply(tx, pl, nil)
	}); err != nil {
		t.Fatal(err)
	}
	b.View(func(tx *store.Tx) error {
		for _, c := range []struct {
			id   string
			want int
		}{{wxm, 0}, {ln, 1}} {
			ns, _ := tx.Notes(c.id)
			if len(ns) != c.want {
				t.Errorf("client %s has %d notes after the import, want %d: %+v", c.id, len(ns), c.want, ns)
			}
		}
		return nil
	})
	for _, it := range pl.Merged {
		if it.ClientID == wxm && it.NewNotes != 0 {
			t.Errorf("the plan adds %d notes to 王小明, want none", it.NewNotes)
		}
	}
}
