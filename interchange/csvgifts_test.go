package interchange

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestCSVGiftsAndLabelsByHand reads a sheet an associate kept by hand: a
// phone cell with labels before the numbers (工作: …) and one without, a
// gift log without the book's ids, one gift with no day (kept in the
// details, not lost), and a gifts column named by --map. The gifts are
// numbered g1, g2 in order; a number in parentheses stays the number's,
// labelled by its column (手机: mobile).
func TestCSVGiftsAndLabelsByHand(t *testing.T) {
	data := []byte("姓名,手机,生日,Presents\n" +
		"王芳,\"mobile: 138 0013 8000; 工作: 021-6288 1234; (021) 6288 9999\",1985-08-15,\"2025-08-01: silk scarf; 2026-01-01: tea, two tins; someday: flowers\"\n")
	src, err := Parse("by-hand.csv", data, ParseOptions{CC: "86", Map: []string{"gifts=Presents"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Records) != 1 {
		t.Fatalf("%d records", len(src.Records))
	}
	p := src.Records[0].Profile
	wantPhones := []profile.Phone{{Number: "+8613800138000", Label: "mobile"}, {Number: "+862162881234", Label: "工作"}, {Number: "+862162889999", Label: "mobile"}}
	if !equalJSON(p.Phones, wantPhones) {
		t.Errorf("phones %+v, want %+v", p.Phones, wantPhones)
	}
	wantGifts := []profile.Gift{{ID: "g1", What: "silk scarf", Date: civil.MustParse("2025-08-01")},
		{ID: "g2", What: "tea, two tins", Date: civil.MustParse("2026-01-01")}}
	if !equalJSON(p.Gifts, wantGifts) {
		t.Errorf("gifts %+v, want %+v", p.Gifts, wantGifts)
	}
	var details string
	for _, n := range src.Records[0].Notes {
		details += n.Text
	}
	if !strings.Contains(details, "Presents: someday: flowers") {
		t.Errorf("the gift without a day is lost: notes %q", details)
	}
}

// TestCSVMemberBirthdayOnTheMember: a household member whose birthday is
// kept on the member, with a child's birthday labelled with her name and
// no "for" (as the demo books and the app's older entries hold it),
// keeps it through a CSV export and import ("小宝: child, born
// 2018-12-13"), and no second date is made for it.
func TestCSVMemberBirthdayOnTheMember(t *testing.T) {
	b := newBook(t)
	p := profile.Profile{Name: "王波", Phones: []profile.Phone{{Number: "188 0383 6015", Label: "mobile"}},
		Household: []profile.Member{{Name: "小宝", Relation: "child", Birthday: civil.MonthDay{Year: 2018, Month: 12, Day: 13}},
			{Name: "张伟", Relation: "spouse", Birthday: civil.MonthDay{Month: 12, Day: 5}, Lunar: true}},
		Dates: []profile.ImportantDate{{ID: "d1", Kind: profile.DateChildBirthday, Label: "小宝's birthday", When: civil.MonthDay{Year: 2018, Month: 12, Day: 13}, LeadDays: 14},
			{ID: "d2", Kind: profile.DateFamilyBirthday, When: civil.MonthDay{Month: 12, Day: 5}, Lunar: true, For: "张伟", LeadDays: 14}}}
	if err := b.Update(func(tx *store.Tx) error { return tx.AddClient(&p) }); err != nil {
		t.Fatal(err)
	}
	file, got := roundTrip(t, b, []string{p.ID}, "csv")
	if !strings.Contains(string(file), "小宝: child, born 2018-12-13; 张伟: spouse, born lunar 12-05") {
		t.Errorf("the household cell:\n%s", file)
	}
	want := collect(t, b, []string{p.ID}).Clients[0].Profile
	if !equalJSON(got.Household, want.Household) || !equalJSON(got.Dates, want.Dates) {
		t.Errorf("household %+v dates %+v\nwant %+v %+v", got.Household, got.Dates, want.Household, want.Dates)
	}
}

// TestCSVGiftWithSemicolon: a gift whose text holds ";" or "；" is written
// "\;" in the gifts cell and comes back as it was logged, into a new book
// and into its own, where a second import changes nothing (written as ","
// it came back as another gift).
func TestCSVGiftWithSemicolon(t *testing.T) {
	b, ids := partsBook(t)
	if err := b.Update(func(tx *store.Tx) error {
		return tx.UpdateClientWith(ids[0], func(p *profile.Profile) error {
			p.Gifts[0].What = "silk scarf; blue；navy"
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	file, got := roundTrip(t, b, ids, "csv")
	if !strings.Contains(string(file), `2025-08-01: silk scarf\; blue\；navy [g1, for d1]`) {
		t.Errorf("the gifts cell:\n%s", file)
	}
	if got.Gifts[0].What != "silk scarf; blue；navy" || len(got.Gifts) != 2 {
		t.Errorf("gifts %+v", got.Gifts)
	}
	pl, err := importFile(t, b, "again.csv", file, ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pl.New) != 0 || len(pl.Merged) != 0 {
		t.Errorf("the export into its own book adds %d, changes %+v", len(pl.New), pl.Merged)
	}
}
