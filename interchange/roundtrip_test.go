package interchange

import (
	"bytes"
	"slices"
	"testing"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/store"
)

// TestVCardNotesIntoEmptyBook exports the sample book to vCard and imports
// the file into an empty book: every note arrives with its kind and time,
// and the two notes with the same words on different days stay two.
func TestVCardNotesIntoEmptyBook(t *testing.T) {
	b, ids := sampleBook(t)
	ex := collect(t, b, ids)
	var buf bytes.Buffer
	if err := WriteVCard(&buf, ex); err != nil {
		t.Fatal(err)
	}
	empty := newBook(t)
	pl, err := importFile(t, empty, "book.vcf", buf.Bytes(), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pl.New) != len(ex.Clients) {
		t.Fatalf("%d new clients of %d", len(pl.New), len(ex.Clients))
	}
	type note struct {
		Kind notes.Kind
		Text string
		At   string
	}
	empty.View(func(tx *store.Tx) error {
		for i, it := range pl.New {
			var want, got []note
			for _, n := range ex.Clients[i].Notes {
				want = append(want, note{n.Kind, n.Text, n.At.UTC().Format(basicTime)})
			}
			ns, err := tx.Notes(it.ClientID)
			if err != nil {
				t.Fatal(err)
			}
			slices.Reverse(ns) // oldest first, as exported
			for _, n := range ns {
				got = append(got, note{n.Kind, n.Text, n.At.UTC().Format(basicTime)})
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: notes %+v, want %+v", it.Name, got, want)
			}
		}
		return nil
	})
}
