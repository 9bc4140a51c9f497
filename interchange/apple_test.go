package interchange

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
)

// TestAppleDates reads an iPhone's way of writing dates: a birthday and an
// anniversary without a year (1604 with X-APPLE-OMIT-YEAR), and lunar
// birthdays as X-ALTBDAY;CALSCALE=chinese.
func TestAppleDates(t *testing.T) {
	data, err := os.ReadFile("../testdata/fixtures/vcf/apple_ios_omit_year_lunar_written.vcf")
	if err != nil {
		t.Fatal(err)
	}
	src, err := Parse("contacts.vcf", data, ParseOptions{CC: "86"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]profile.ImportantDate{
		"李雷": {
			{Kind: profile.DateBirthday, When: civil.MonthDay{Month: time.July, Day: 14}},
			{Kind: profile.DateAnniversary, When: civil.MonthDay{Month: time.February, Day: 29}},
			{Kind: profile.DateBirthday, When: civil.MonthDay{Year: 1985, Month: 11, Day: 1}, Lunar: true},
		},
		"韩梅梅": {{Kind: profile.DateBirthday, When: civil.MonthDay{Year: 2014, Month: 3, Day: 18}, Lunar: true}},
	}
	if len(src.Records) != len(want) {
		t.Fatalf("%d records", len(src.Records))
	}
	for _, r := range src.Records {
		if !slices.Equal(r.Profile.Dates, want[r.Profile.Name]) {
			t.Errorf("%s: dates %+v, want %+v", r.Profile.Name, r.Profile.Dates, want[r.Profile.Name])
		}
		if len(r.Warns) > 0 {
			t.Errorf("%s: warnings %v", r.Profile.Name, r.Warns)
		}
	}
}

// TestAltBDay: Apple's lunar birthday form counts sexagenary cycles (1984
// began the 78th); every year from 1900 to 2100 reads back as written.
func TestAltBDay(t *testing.T) {
	if v, p := altBDay(civil.MonthDay{Year: 1985, Month: 11, Day: 1}); v != "007800021101" || len(p[appleOmitYear]) != 0 {
		t.Errorf("1985-11-01 lunar written %q %v", v, p)
	}
	if v, p := altBDay(civil.MonthDay{Month: 8, Day: 15}); v != "007100410815" || p[appleOmitYear][0] != "1604" {
		t.Errorf("08-15 lunar without a year written %q %v", v, p)
	}
	for y := 1900; y <= 2100; y++ {
		md := civil.MonthDay{Year: y, Month: time.Month(y%12 + 1), Day: y%30 + 1}
		v, _ := altBDay(md)
		if got, ok := parseAltBDay(v, false); !ok || got != md {
			t.Fatalf("%v written %q read back %v %v", md, v, got, ok)
		}
	}
	for _, bad := range []string{"", "0078000211", "00780061101", "007800611101", "0078000213O1", "007800021131"} {
		if _, ok := parseAltBDay(bad, false); ok {
			t.Errorf("%q read as a date", bad)
		}
	}
}
