package profile

import (
	"errors"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
)

func TestNormalizePhone(t *testing.T) {
	tests := []struct {
		raw, cc, want string
	}{
		// One Chinese mobile typed five ways is one number.
		{"+86 138 0013 8000", "86", "8613800138000"},
		{"13800138000", "86", "8613800138000"},
		{"138-0013-8000", "86", "8613800138000"},
		{"0086 138 0013 8000", "86", "8613800138000"},
		{"8613800138000", "86", "8613800138000"},
		{"１３８００１３８０００", "86", "8613800138000"}, // full-width digits from a Chinese IME
		// Landline with the trunk prefix and an extension.
		{"021-6888 1234 转 806", "86", "862168881234"},
		// Other countries, typed with and without the country code.
		{"+1 (415) 555-0132", "86", "14155550132"},
		{"(415) 555-0132", "1", "14155550132"},
		{"1-415-555-0132", "1", "14155550132"},
		{"+44 20 7946 0958", "86", "442079460958"},
		{"020 7946 0958", "44", "442079460958"},
		{"+33 1 42 68 53 00", "86", "33142685300"},
		{"+852 9123 4567", "86", "85291234567"},
		{"9123 4567", "852", "85291234567"},
		{"+1 415 555 0132 ext. 12", "86", "14155550132"},
		// Not numbers.
		{"", "86", ""},
		{"1234", "86", ""},
		{"call me", "86", ""},
	}
	for _, tt := range tests {
		if got := NormalizePhone(tt.raw, tt.cc); got != tt.want {
			t.Errorf("NormalizePhone(%q, %q) = %q, want %q", tt.raw, tt.cc, got, tt.want)
		}
	}
}

func TestCheckPhone(t *testing.T) {
	if err := CheckPhone("138 0013 8000"); err != nil {
		t.Errorf("a mobile is a phone: %v", err)
	}
	if err := CheckPhone("12"); !errors.Is(err, ErrBadPhone) {
		t.Errorf("CheckPhone(12) = %v, want ErrBadPhone", err)
	}
}

func TestHasPhone(t *testing.T) {
	p := &Profile{Name: "王小明", Phones: []Phone{{Number: "+86 138 0013 8000"}, {Number: "13800138000"}}}
	if !p.HasPhone("138-0013-8000", "86") {
		t.Error("the same number typed with dashes must match")
	}
	if p.HasPhone("139-0013-8000", "86") {
		t.Error("another number must not match")
	}
	if got := p.NormalizedPhones("86"); len(got) != 1 {
		t.Errorf("duplicates kept: %v", got)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		p    Profile
		want error
	}{
		{"chinese name", Profile{Name: "王小明"}, nil},
		{"latin name only", Profile{LatinName: "Anne Dubois"}, nil},
		{"no name", Profile{Name: "  "}, ErrNoName},
		{"bad phone", Profile{Name: "A", Phones: []Phone{{Number: "12"}}}, ErrBadPhone},
		{"date without a year", Profile{Name: "A", Dates: []ImportantDate{{Kind: DateBirthday, When: civil.MonthDay{Month: time.March, Day: 2}}}}, nil},
		{"feb 29 without a year", Profile{Name: "A", Dates: []ImportantDate{{Kind: DateBirthday, When: civil.MonthDay{Month: time.February, Day: 29}}}}, nil},
		{"feb 30", Profile{Name: "A", Dates: []ImportantDate{{Kind: DateBirthday, When: civil.MonthDay{Month: time.February, Day: 30}}}}, ErrBadDate},
	}
	for _, tt := range tests {
		err := tt.p.Validate()
		if (tt.want == nil) != (err == nil) || (tt.want != nil && !errors.Is(err, tt.want)) {
			t.Errorf("%s: Validate() = %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		in   string
		want Money
		text string
	}{
		{"1280", 128000, "1,280"},
		{"1,280.50", 128050, "1,280.50"},
		{"¥18400", 1840000, "18,400"},
		{"0.1", 10, "0.10"},
		{"1234567", 123456700, "1,234,567"},
	}
	for _, tt := range tests {
		got, err := ParseMoney(tt.in)
		if err != nil || got != tt.want || got.String() != tt.text {
			t.Errorf("ParseMoney(%q) = %v (%s), %v; want %v (%s)", tt.in, int64(got), got, err, int64(tt.want), tt.text)
		}
	}
	for _, bad := range []string{"", "abc", "-5", "1e99", "NaN"} {
		if _, err := ParseMoney(bad); !errors.Is(err, ErrBadAmount) {
			t.Errorf("ParseMoney(%q) = %v, want ErrBadAmount", bad, err)
		}
	}
}

func TestComputeStats(t *testing.T) {
	d := civil.MustParse
	today := d("2026-11-24")
	spends := []Spend{
		{d("2025-06-01"), 100000}, // over 12 months ago
		{d("2025-12-01"), 200000}, // last 12 months, last year
		{d("2026-03-10"), 50000},  // this year
		{d("2026-03-10"), 30000},  // same day: one visit
		{d("2026-12-01"), 999900}, // in the future: ignored
	}
	s := ComputeStats(spends, []civil.Date{d("2026-11-01")}, today)
	want := Stats{
		YearToDate: 80000, Last12: 280000, Total: 380000, Purchases: 4, Visits: 4,
		AvgTicket: 95000, LastVisit: d("2026-11-01"), FirstVisit: d("2025-06-01"), Last12Count: 3,
	}
	if s != want {
		t.Errorf("ComputeStats =\n %+v\nwant\n %+v", s, want)
	}
}

// TestReadPhoneExtensionForms reads an extension written in each of the
// ways libphonenumber knows (the copy in third_party skips its extension
// pattern for a number with no mark an extension needs; these have one).
func TestReadPhoneExtensionForms(t *testing.T) {
	for _, raw := range []string{
		"+1 415 555 0132 ext. 12", "+1 415 555 0132 x12", "+1 415 555 0132 X 12",
		"+1 415 555 0132 #12", "+1 415 555 0132;ext=12", "tel:+1-415-555-0132;ext=12",
		"+1 415 555 0132,,12", "+1 415 555 0132;12", "+1 415 555 0132,12",
		"+1 415 555 0132 ~12", "+1 415 555 0132 - 12#", "+1 415 555 0132 ｘ12",
		"+1 415 555 0132 extension 12", "+1 415 555 0132 int 12",
	} {
		got, err := ReadPhone(raw, "86")
		if err != nil || got != "+14155550132 ext. 12" {
			t.Errorf("ReadPhone(%q) = %q, %v; want +14155550132 ext. 12", raw, got, err)
		}
	}
	for _, raw := range []string{"+1 (415) 555-0132", "+1-415-555-0132", "+1.415.555.0132", "+1 415/555 0132"} {
		if got, err := ReadPhone(raw, "86"); err != nil || got != "+14155550132" {
			t.Errorf("ReadPhone(%q) = %q, %v; want +14155550132 and no extension", raw, got, err)
		}
	}
}
