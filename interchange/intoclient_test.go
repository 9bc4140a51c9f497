package interchange

import (
	"bytes"
	"slices"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestImportIntoKnownClient imports the full profile's export (vCard and
// CSV) into a book that already holds her with a phone, her anniversary
// as its d1 and a card logged for it as g1: the merge brings her cards,
// measurements and gifts, not only the fields; each gift names the date
// as this book numbers it (the anniversary's flowers name d1 here, the
// birthday arrives under an id of its own, not d1 again), the
// anniversary takes its last gift; and a second import changes nothing.
func TestImportIntoKnownClient(t *testing.T) {
	src, ids := fullBook(t)
	ex := collect(t, src, ids)
	day := civil.MustParse
	for _, format := range []string{"vcf", "csv"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			var err error
			if format == "vcf" {
				err = WriteVCard(&buf, ex)
			} else {
				err = WriteCSV(&buf, ex, false)
			}
			if err != nil {
				t.Fatal(err)
			}
			b := newBook(t)
			her := profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "138 0013 8000"}},
				Dates: []profile.ImportantDate{{ID: "d1", Kind: profile.DateAnniversary, When: civil.MonthDay{Year: 2010, Month: 5, Day: 20}}},
				Gifts: []profile.Gift{{ID: "g1", What: "a card", Date: day("2025-05-01"), ForDate: "d1"}}}
			her.Dates[0].LastGift = day("2025-05-01")
			if err := b.Update(func(tx *store.Tx) error { return tx.AddClient(&her) }); err != nil {
				t.Fatal(err)
			}
			pl, err := importFile(t, b, "file."+format, buf.Bytes(), ParseOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(pl.Merged) != 1 || pl.Merged[0].ClientID != her.ID {
				t.Fatalf("merged %+v", pl.Merged)
			}
			got := collect(t, b, []string{her.ID}).Clients[0].Profile
			want := ex.Clients[0].Profile
			if !equalJSON(got.Cards, want.Cards) {
				t.Errorf("cards\n got %+v\nwant %+v", got.Cards, want.Cards)
			}
			if !equalJSON(got.Measurements, want.Measurements) {
				t.Errorf("measurements\n got %+v\nwant %+v", got.Measurements, want.Measurements)
			}
			bd := slices.IndexFunc(got.Dates, func(d profile.ImportantDate) bool { return d.Kind == profile.DateBirthday })
			if bd < 0 || got.Dates[bd].ID == "d1" || got.Dates[bd].ID == "" {
				t.Fatalf("the birthday came as %+v", got.Dates)
			}
			ids := map[string]bool{}
			for _, d := range got.Dates {
				if ids[d.ID] {
					t.Errorf("two dates are %s: %+v", d.ID, got.Dates)
				}
				ids[d.ID] = true
			}
			wantGifts := []profile.Gift{her.Gifts[0],
				{ID: "g2", What: "silk scarf", Date: day("2025-08-01"), ForDate: got.Dates[bd].ID},
				{ID: "g3", What: "flowers", Date: day("2026-05-10"), ForDate: "d1"}}
			if !equalJSON(got.Gifts, wantGifts) {
				t.Errorf("gifts\n got %+v\nwant %+v", got.Gifts, wantGifts)
			}
			if got.Dates[0].LastGift != day("2026-05-10") || got.Dates[bd].LastGift != day("2025-08-01") {
				t.Errorf("last gifts: %+v", got.Dates)
			}
			again, err := importFile(t, b, "file."+format, buf.Bytes(), ParseOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(again.New) != 0 || len(again.Merged) != 0 {
				t.Errorf("the second import adds %d, changes %+v", len(again.New), again.Merged)
			}
		})
	}
}
