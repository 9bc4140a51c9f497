package search_test

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	vbook "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/store"
)

// TestKeptCardsAnyPart (issue 11, point 4): on a real book, the kept index
// (SearchKept, then FindKept) finds a client by any part of a card's
// number after card:, and by the number typed as text in any form (whole,
// its digits, its letters and digits apart: VIP 8800123), with the same
// clients a search of the whole book finds; a phone holding the digits
// still finds its client too, and words still find a note.
func TestKeptCardsAnyPart(t *testing.T) {
	today, now := keptToday, keptNow
	clients := []*profile.Profile{
		{Name: "王小明", Phones: []profile.Phone{{Number: "+86 138 0000 0001"}}, Cards: []profile.Card{{Program: "Maison", Number: "VIP-8800-123"}}},
		{Name: "Anne Dubois", Phones: []profile.Phone{{Number: "+86 139 8800 1230"}}},
		{Name: "李娜", Phones: []profile.Phone{{Number: "+86 137 0000 0003"}}, Cards: []profile.Card{{Program: "Gold", Number: "GOLD 5512 8800"}}},
		{Name: "Vip Chen", Phones: []profile.Phone{{Number: "+86 136 0000 0004"}}, Tags: []string{"vip"}},
		// typed with a Chinese input method: full-width letters and digits
		{Name: "赵敏", Phones: []profile.Phone{{Number: "+86 135 0000 0005"}}, Cards: []profile.Card{{Program: "Maison", Number: "ＶＩＰ－７７１２３４"}}},
	}
	b := keptBookOf(t, clients, func(tx *store.Tx) error {
		return tx.AddNote(&notes.Note{ID: "n1", ClientID: clients[3].ID, At: now(), Kind: notes.General, Text: "asked about VIP 8800 events"})
	})
	defer b.Close()
	id := func(i int) string { return clients[i].ID }
	for _, tt := range []struct {
		q    string
		want []int // the clients found, first those the whole book finds, in its order
	}{
		{"card:8800", []int{0, 2}},
		{"card:800-12", []int{0}},
		{"card:123", []int{0, 4}},
		{"card:5512", []int{2}},
		{"card:vip", []int{0, 4}},
		{"card:8800 王", []int{0}},
		{"VIP 8800123", []int{0}},
		{"vip 8800 123", []int{0}},
		{"VIP8800 123", []int{0}},
		{"vip8800123", []int{0}},
		{"VIP-8800-123", []int{0}},
		{"8800-123", []int{0, 1}},
		{"gold 5512", []int{2}},
		{"anne 88001230", []int{1}},
		{"vip 8800", []int{0}},   // digits are a phone's or a card's, not a note's
		{"vip events", []int{3}}, // the name and the note's words
		{"card:9999", nil},
		{"771234", []int{4}},
		{"card:7712", []int{4}},
		{"vip771234", []int{4}},
		{"ＶＩＰ７７１２", []int{4}},
		{"card:７７１", []int{4}},
	} {
		err := b.View(func(tx *store.Tx) error {
			if _, ok := tx.SearchKept(tt.q); !ok {
				t.Errorf("%q: the kept index cannot look it up", tt.q)
			}
			f, err := vbook.FindKept(tx, tt.q, today, config.Default().Tiers, 0)
			if err != nil {
				return err
			}
			var got, want []string
			for _, s := range f.Clients {
				got = append(got, s.ID)
			}
			for _, i := range tt.want {
				want = append(want, id(i))
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%q: FindKept found %v, want %v", tt.q, got, want)
			}
			sums, err := tx.Summaries()
			if err != nil {
				return err
			}
			ix := search.New(sums, search.Options{Today: today})
			for _, d := range search.Strong(ix.Search(tt.q)) {
				if !slices.Contains(got, sums[d].ID) {
					t.Errorf("%q: the whole book finds %s, the kept index does not", tt.q, sums[d].ID)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// keptToday is the day of the search tests' books; keptNow its morning.
var keptToday = civil.Date{Year: 2026, Month: time.November, Day: 24}

func keptNow() time.Time { return keptToday.In(time.UTC).Add(9 * time.Hour) }

// keptBookOf writes a book of clients (and what more adds in the same
// transaction), then opens it read-only, as a search opens it; closed at
// the test's end.
func keptBookOf(t *testing.T, clients []*profile.Profile, more func(*store.Tx) error) *store.Book {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.db")
	b, err := store.Init(path, store.Meta{Associate: "李娜"}, store.Options{Now: keptNow})
	if err != nil {
		t.Fatal(err)
	}
	err = b.Update(func(tx *store.Tx) error {
		for _, p := range clients {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		if more != nil {
			return more(tx)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	b, err = store.Open(path, store.Options{ReadOnly: true, Now: keptNow})
	if err != nil {
		t.Fatal(err)
	}
	return b
}
