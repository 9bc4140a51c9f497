package interchange

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// partsBook holds one client with every part of a profile issue 11 added:
// sizes with their history and fit notes, likes and dislikes with their
// categories (and an old plain dislike), measurements with history, a
// spouse with a lunar birthday and a child with a Gregorian one (each in
// a date of theirs, as book.AddFamily keeps them), dates with their own
// lead days, a lunar leap-month date, two membership cards, and gifts for
// dates.
func partsBook(t *testing.T) (*store.Book, []string) {
	t.Helper()
	b := newBook(t)
	day := civil.MustParse
	p := profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "138 0013 8000", Label: "mobile"}}, Email: "xiaoming@example.cn",
		Sizes: []profile.Size{
			{Category: "shoes", System: "EU", Value: "38", Taken: day("2024-01-10")},
			{Category: "shoes", System: "EU", Value: "39", Note: "narrow foot", Taken: day("2026-03-01")},
			{Category: "dress", System: "FR", Value: "38", Taken: day("2025-05-05")},
		},
		Preferences: []profile.Preference{
			{Kind: profile.PrefStyle, Value: "loafers"},
			{Kind: profile.PrefColour, Value: "navy"},
			{Kind: profile.PrefColour, Value: "gold", Dislike: true},
		},
		Dislikes: []string{"crowded weekends"},
		Measurements: []profile.Measurement{
			{Name: "chest", Value: "96", Unit: "cm", Taken: day("2024-02-02")},
			{Name: "chest", Value: "98", Unit: "cm", Taken: day("2026-02-02")},
			{Name: "ring inner", Value: "17.3", Unit: "mm", Taken: day("2026-02-02")},
		},
		Household: []profile.Member{
			{Name: "张伟", Relation: "spouse", Birthday: civil.MonthDay{Month: 12, Day: 5}, Lunar: true},
			{Name: "Lily", Relation: "child", Birthday: civil.MonthDay{Year: 2015, Month: 6, Day: 1}},
		},
		Dates: []profile.ImportantDate{
			{ID: "d1", Kind: profile.DateBirthday, When: civil.MonthDay{Year: 1985, Month: 8, Day: 15}, LeadDays: 30},
			{ID: "d2", Kind: profile.DateAnniversary, When: civil.MonthDay{Year: 2010, Month: 5, Day: 20}, LeadDays: 21},
			{ID: "d3", Kind: profile.DateFamilyBirthday, When: civil.MonthDay{Month: 12, Day: 5}, Lunar: true, For: "张伟", LeadDays: 21},
			{ID: "d4", Kind: profile.DateChildBirthday, When: civil.MonthDay{Year: 2015, Month: 6, Day: 1}, For: "Lily", LeadDays: 14},
			{ID: "d5", Kind: profile.DateCustom, Label: "first date", When: civil.MonthDay{Month: 6, Day: 10}, Lunar: true, LeapMonth: true, LeadDays: 7},
		},
		Cards: []profile.Card{
			{Program: "Maison", Number: "VIP 8800-123", Level: "gold", Points: 1200, Expires: day("2027-12-31")},
			{Program: "IFC Mall", Number: "M-556677"},
		},
		Gifts: []profile.Gift{
			{ID: "g1", What: "silk scarf", Date: day("2025-08-01"), ForDate: "d1"},
			{ID: "g2", What: "flowers", Date: day("2026-05-10"), ForDate: "d2"},
		},
	}
	p.Dates[0].LastGift, p.Dates[1].LastGift = day("2025-08-01"), day("2026-05-10")
	if err := b.Update(func(tx *store.Tx) error { return tx.AddClient(&p) }); err != nil {
		t.Fatal(err)
	}
	return b, []string{p.ID}
}

// roundTrip exports client ids[0] of b in format and imports the file
// into an empty book: the file and the client as the empty book holds
// them.
func roundTrip(t *testing.T, b *store.Book, ids []string, format string) ([]byte, *profile.Profile) {
	t.Helper()
	file, got := exportImport(t, collect(t, b, ids[:1]), format, false)
	return file, &got.Clients[0].Profile
}

// exportImport writes ex in format (a CSV for Excel when forExcel) and
// imports the file into an empty book, which must take every client as
// new: the file and the clients as the empty book holds them, in order.
func exportImport(t *testing.T, ex *Export, format string, forExcel bool) ([]byte, *Export) {
	t.Helper()
	var buf bytes.Buffer
	var err error
	if format == "vcf" {
		err = WriteVCard(&buf, ex)
	} else {
		err = WriteCSV(&buf, ex, forExcel)
	}
	if err != nil {
		t.Fatal(err)
	}
	empty := newBook(t)
	pl, err := importFile(t, empty, "book."+format, buf.Bytes(), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pl.New) != len(ex.Clients) || len(pl.Skipped) != 0 {
		t.Fatalf("%d new of %d, skipped %+v", len(pl.New), len(ex.Clients), pl.Skipped)
	}
	var ids []string
	for _, it := range pl.New {
		ids = append(ids, it.ClientID)
	}
	return buf.Bytes(), collect(t, empty, ids)
}

// TestCSVProfileParts: the CSV export carries every size with the day it
// was taken (size_history beside the current sizes), every measurement
// so (measurement_history), whose a date is (a spouse's lunar birthday
// "lunar 12-05 lead 21 for 张伟"), each date's lead days, id and last
// gift ("[d1, last gift 2025-08-01]"), the gift log ("2025-08-01: silk
// scarf [g1, for d1]") and each phone's label ("mobile: +86…"); read
// into an empty book, the sizes, the dates (kind, day, lunar, leap
// month, lead days, label, whose) and the household with their
// birthdays are the same.
func TestCSVProfileParts(t *testing.T) {
	b, ids := partsBook(t)
	file, got := roundTrip(t, b, ids, "csv")
	for _, cell := range []string{"shoes: 38 EU, taken 2024-01-10; shoes: 39 EU (narrow foot), taken 2026-03-01", "lunar 12-05 lead 21 for 张伟 [d3]", "2015-06-01 lead 14 for Lily [d4]",
		"1985-08-15 lead 30 [d1, last gift 2025-08-01]", "2025-08-01: silk scarf [g1, for d1]; 2026-05-10: flowers [g2, for d2]", ",mobile: +86 138 0013 8000,",
		"chest: 96 cm, taken 2024-02-02; chest: 98 cm, taken 2026-02-02"} {
		if !bytes.Contains(file, []byte(cell)) {
			t.Errorf("the CSV lacks %q:\n%s", cell, file)
		}
	}
	want := collect(t, b, ids).Clients[0].Profile
	if !equalJSON(got.Sizes, want.Sizes) {
		t.Errorf("sizes\n got %+v\nwant %+v", got.Sizes, want.Sizes)
	}
	if !equalJSON(got.Measurements, want.Measurements) {
		t.Errorf("measurements (every one, with its day)\n got %+v\nwant %+v", got.Measurements, want.Measurements)
	}
	if !equalJSON(got.Household, want.Household) {
		t.Errorf("household\n got %+v\nwant %+v", got.Household, want.Household)
	}
	if a, b := comparableDates(want.Dates, true), comparableDates(got.Dates, true); !slices.Equal(a, b) {
		t.Errorf("dates\n got %q\nwant %q", b, a)
	}
}

// comparableDates writes dates as text to compare, sorted, without the
// ids and the last gift (the book's own) and, when defaultLead, with
// the usual 14 days as none (the CSV leaves them out).
func comparableDates(ds []profile.ImportantDate, defaultLead bool) []string {
	var out []string
	for _, d := range ds {
		lead := d.LeadDays
		if defaultLead && lead == profile.DefaultLeadDays {
			lead = 0
		}
		out = append(out, strings.Join([]string{string(d.Kind), d.Label, d.When.String(), boolText(d.Lunar), boolText(d.LeapMonth),
			time.Duration(lead).String(), d.For}, "|"))
	}
	slices.Sort(out)
	return out
}

func boolText(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// TestVCardProfileParts: the vCard export carries every part of the
// profile: the standard properties where vCard has them (BDAY and
// X-ANNIVERSARY with their lead days, the spouse and the child as RELATED
// and as Apple's related names, a lunar birthday as Apple's X-ALTBDAY)
// and X-VIPBOOK-* for the rest; read into an empty book the client's
// sizes (history included), likes, dislikes, measurements, household
// with birthdays, dates (ids, whose, lunar, leap month, lead days, last
// gift), cards and gifts are the same. khard, another program, reads the
// file: the client with their birthday and phone.
func TestVCardProfileParts(t *testing.T) {
	b, ids := partsBook(t)
	file, got := roundTrip(t, b, ids, "vcf")
	for _, prop := range []string{"BDAY;X-VIPBOOK-ID=d1;X-VIPBOOK-LEAD-DAYS=30:1985-08-15", "X-ANNIVERSARY;X-VIPBOOK-ID=d2;X-VIPBOOK-LEAD-DAYS=21:2010-05-20",
		"RELATED;TYPE=spouse;VALUE=text:张伟", "RELATED;TYPE=child;VALUE=text:Lily", "X-VIPBOOK-SIZE:shoes;38;EU;;2024-01-10",
		"X-VIPBOOK-CARD:Maison;VIP 8800-123;gold;1200;2027-12-31", "X-VIPBOOK-GIFT:g1;silk scarf;2025-08-01;d1", "X-VIPBOOK-FOR=张伟"} {
		if !bytes.Contains(file, []byte(prop)) {
			t.Errorf("the vCard lacks %q:\n%s", prop, file)
		}
	}
	want := collect(t, b, ids).Clients[0].Profile
	byID := func(a, b profile.ImportantDate) int { return strings.Compare(a.ID, b.ID) }
	slices.SortFunc(got.Dates, byID) // the order of the properties, not the book's
	slices.SortFunc(want.Dates, byID)
	for _, part := range []struct {
		name      string
		got, want any
	}{
		{"sizes", got.Sizes, want.Sizes}, {"likes", got.Preferences, want.Preferences}, {"dislikes", got.Dislikes, want.Dislikes},
		{"measurements", got.Measurements, want.Measurements}, {"household", got.Household, want.Household},
		{"dates", got.Dates, want.Dates}, {"cards", got.Cards, want.Cards}, {"gifts", got.Gifts, want.Gifts},
	} {
		if !equalJSON(part.got, part.want) {
			t.Errorf("%s\n got %+v\nwant %+v", part.name, part.got, part.want)
		}
	}
	k := khardRead(t, file)
	if len(k["list"]) != 1 || !strings.Contains(k["list"][0], "王小明") {
		t.Errorf("khard lists %q", k["list"])
	}
	if len(k["birthdays"]) != 1 || !strings.Contains(k["birthdays"][0], "1985") {
		t.Errorf("khard's birthdays: %q", k["birthdays"])
	}
	if len(k["phone"]) != 1 || !strings.Contains(k["phone"][0], "138") {
		t.Errorf("khard's phones: %q", k["phone"])
	}
}
