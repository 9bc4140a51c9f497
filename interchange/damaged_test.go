package interchange

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/interchange/vcard"
	"github.com/vipbook/vipbook/profile"
)

func parseFixture(t *testing.T, rel string) *Source {
	t.Helper()
	data, err := os.ReadFile("../testdata/fixtures/" + rel)
	if err != nil {
		t.Fatal(err)
	}
	src, err := Parse(rel, data, ParseOptions{CC: "86"})
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func details(r Record) string {
	var s []string
	for _, n := range r.Notes {
		s = append(s, n.Text)
	}
	return strings.Join(s, "\n")
}

// TestAndroidEvents: Android's X-ANDROID-CUSTOM events are the client's
// anniversary, named dates and birthday; a phonetic name in Latin letters
// is the Latin name of a Chinese name, a reading in kana is kept in the
// details note.
func TestAndroidEvents(t *testing.T) {
	src := parseFixture(t, "vcf/android_samsung_events_written.vcf")
	if len(src.Records) != 2 {
		t.Fatalf("%d records", len(src.Records))
	}
	zhang, tanaka := src.Records[0], src.Records[1]
	want := []profile.ImportantDate{
		{Kind: profile.DateBirthday, When: civil.MonthDay{Year: 1980, Month: 4, Day: 5}},
		{Kind: profile.DateAnniversary, When: civil.MonthDay{Year: 2008, Month: 10, Day: 1}},
		{Kind: profile.DateCustom, Label: "Shop anniversary", When: civil.MonthDay{Month: 12, Day: 8}},
	}
	if zhang.Profile.Name != "张伟" || zhang.Profile.LatinName != "Wei Zhang" || !slices.Equal(zhang.Profile.Dates, want) {
		t.Errorf("张伟: %q %q %+v", zhang.Profile.Name, zhang.Profile.LatinName, zhang.Profile.Dates)
	}
	if d, ok := tanaka.Profile.Birthday(); !ok || d.When != (civil.MonthDay{Year: 1995, Month: time.February, Day: 14}) {
		t.Errorf("Yuki Tanaka's birthday %+v", tanaka.Profile.Dates)
	}
	if !strings.Contains(details(tanaka), "Phonetic name: たなかゆき") || tanaka.Profile.LatinName != "" {
		t.Errorf("Yuki Tanaka: latin %q, notes %q", tanaka.Profile.LatinName, details(tanaka))
	}
}

// TestEscapes: vCard 3.0's \' keeps no backslash; RFC 6868's ^n and ^' in
// a parameter value are a line break and a quote.
func TestEscapes(t *testing.T) {
	src := parseFixture(t, "vcf/sabre_v3_v4_escapes_written.vcf")
	if len(src.Records) != 2 {
		t.Fatalf("%d records", len(src.Records))
	}
	if r := src.Records[0]; r.Profile.Name != "Siobhan O'Connor" || details(r) != "Owner of B'C Bistro, Dublin" {
		t.Errorf("%q, notes %q", r.Profile.Name, details(r))
	}
	data, _ := os.ReadFile("../testdata/fixtures/vcf/sabre_v3_v4_escapes_written.vcf")
	cards, _ := vcard.Read(data)
	if got := cards[1].Get("ADR").Param("LABEL"); got != "Flat 3\n12 King\"s Road\nLondon SW3 4RZ" {
		t.Errorf("ADR LABEL %q", got)
	}
}

// TestExcelNumbers: phones a spreadsheet turned into 9.19961E+11 are left
// out with the reason, not stored with their digits lost.
func TestExcelNumbers(t *testing.T) {
	src := parseFixture(t, "csv/google_csv_resaved_by_excel_written.csv")
	if len(src.Records) != 2 {
		t.Fatalf("%d records", len(src.Records))
	}
	ravi, priya := src.Records[0], src.Records[1]
	if len(ravi.Profile.Phones) != 0 || len(priya.Profile.Phones) != 1 || priya.Profile.Phones[0].Number != "+919961012345" {
		t.Errorf("phones %v and %v", ravi.Profile.Phones, priya.Profile.Phones)
	}
	n := 0
	for _, w := range src.Warnings {
		if strings.Contains(w.Text, "turned into a number by a spreadsheet") {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d warnings of a spreadsheet's number, want 2: %+v", n, src.Warnings)
	}
}

// TestGmailExtendedAddress: Gmail's export puts a whole address typed in
// one box in the extended-address part; it is read as the address, not as
// a district of four lines.
func TestGmailExtendedAddress(t *testing.T) {
	src := parseFixture(t, "vcf/ezvcard_John_Doe_GMAIL.vcf")
	r := src.Records[0]
	if r.Profile.District != "" || !strings.Contains(details(r), "Address: Crescent moon drive, 555-asd, Nice Area, Albaney, New York") {
		t.Errorf("district %q, notes %q", r.Profile.District, details(r))
	}
}
