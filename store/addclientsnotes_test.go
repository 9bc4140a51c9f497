package store

import (
	"reflect"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
)

// TestAddClientsNotes: clients added with their notes in one call
// (AddClientsNotes, an import's new clients) leave the book as
// AddClients then ImportNotes leave it: the same summaries (notes counted,
// last note, last contact, days of visits), the same notes, the kept
// search index a rebuild's, check sound. A note with an id is refused.
func TestAddClientsNotes(t *testing.T) {
	clients := func() []*profile.Profile {
		return []*profile.Profile{
			{ID: "aaaaaa", Name: "王小明", Phones: []profile.Phone{{Number: "138 0013 8000"}}},
			{ID: "bbbbbb", Name: "Anne Dubois", Email: "anne@example.fr"},
			{ID: "cccccc", Name: "陈静"},
		}
	}
	day := func(d int) time.Time { return testNow.AddDate(0, 0, -d) }
	noteSets := func() [][]notes.Note {
		return [][]notes.Note{
			{{Kind: notes.Visit, Text: "试了藏青色的外套", At: day(30)}, {Kind: notes.Call, Text: "约周六下午", At: day(3)}, {Kind: notes.Visit, Text: "came back for the belt", At: day(3).Add(time.Hour)}, {Text: "likes navy"}},
			{{Kind: notes.General, Text: "size M, prefers weekday evenings", At: day(400)}},
			nil,
		}
	}
	type state struct {
		sums  []profile.Summary
		notes [][]notes.Note
	}
	read := func(b *Book, ps []*profile.Profile) state {
		var s state
		b.View(func(tx *Tx) error {
			for _, p := range ps {
				sum, err := tx.Summary(p.ID)
				if err != nil {
					t.Fatal(err)
				}
				ns, err := tx.Notes(p.ID)
				if err != nil {
					t.Fatal(err)
				}
				for i := range ns {
					ns[i].ID = "" // made at random (the notes have times of their own, so their order is not)
				}
				s.sums, s.notes = append(s.sums, sum), append(s.notes, ns)
			}
			return nil
		})
		return s
	}

	one, onePath := newBook(t)
	ps, sets := clients(), noteSets()
	if err := one.Update(func(tx *Tx) error {
		tx.DeferIndexes()
		return tx.AddClientsNotes(ps, sets)
	}); err != nil {
		t.Fatal(err)
	}
	two, _ := newBook(t)
	ps2, sets2 := clients(), noteSets()
	if err := two.Update(func(tx *Tx) error {
		tx.DeferIndexes()
		if err := tx.AddClients(ps2); err != nil {
			return err
		}
		var all []notes.Note
		for i, set := range sets2 {
			for _, n := range set {
				n.ClientID = ps2[i].ID
				if n.At.IsZero() {
					n.At = tx.Now()
				}
				all = append(all, n)
			}
		}
		_, err := tx.ImportNotes(all)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	got, want := read(one, ps), read(two, ps2)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AddClientsNotes left\n%+v\nAddClients then ImportNotes\n%+v", got, want)
	}
	if s := got.sums[0]; s.NoteCount != 4 || s.LastNote != civil.Of(testNow) || s.LastContact != civil.Of(day(3)) || len(s.VisitDays) != 2 {
		t.Errorf("first client's summary %+v", got.sums[0])
	}
	checkKept(t, one, "AddClientsNotes")
	one.Close()
	if rep, err := Check(onePath); err != nil || !rep.Sound() {
		t.Errorf("check: %+v, %v", rep, err)
	}

	// The notes given in one slice, one client's after another's (as
	// interchange.Apply gives them, written where they lie), leave the
	// same; either way each note given gets its id.
	four, _ := newBook(t)
	ps4 := clients()
	var flat []notes.Note
	for _, set := range noteSets() {
		flat = append(flat, set...)
	}
	sets4 := make([][]notes.Note, 0, 3)
	for _, set := range noteSets() {
		sets4 = append(sets4, flat[:len(set):len(set)])
		flat = flat[len(set):]
	}
	if err := four.Update(func(tx *Tx) error {
		tx.DeferIndexes()
		return tx.AddClientsNotes(ps4, sets4)
	}); err != nil {
		t.Fatal(err)
	}
	if got4 := read(four, ps4); !reflect.DeepEqual(got4, want) {
		t.Errorf("AddClientsNotes of notes in one slice left\n%+v\nAddClients then ImportNotes\n%+v", got4, want)
	}
	for _, given := range [][][]notes.Note{sets, sets4} {
		for i, set := range given {
			for _, n := range set {
				if n.ID == "" || n.ClientID != ps4[i].ID || n.Author == "" { // the clients of ps and ps4 have the same ids
					t.Errorf("note given %+v: not given its id, client and author", n)
				}
			}
		}
	}

	three, _ := newBook(t)
	err := three.Update(func(tx *Tx) error {
		return tx.AddClientsNotes([]*profile.Profile{{Name: "新客户"}}, [][]notes.Note{{{ID: "n1", Text: "hello"}}})
	})
	if err == nil {
		t.Error("a new client's note with an id was taken")
	}
}
