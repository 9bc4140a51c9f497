package lunar

import (
	"errors"
	"testing"
	"time"

	carbon "github.com/golang-module/carbon/v2/calendar/lunar"

	"github.com/vipbook/vipbook/civil"
)

func TestReferenceDates(t *testing.T) {
	tests := []struct {
		name  string
		lunar Date
		want  string
	}{
		{"Spring Festival 2026", Date{2026, 1, 1, false}, "2026-02-17"},
		{"Spring Festival 2027", Date{2027, 1, 1, false}, "2027-02-06"},
		{"Spring Festival 2028", Date{2028, 1, 1, false}, "2028-01-26"},
		{"Qixi 2026", Date{2026, 7, 7, false}, "2026-08-19"},
		{"Mid-Autumn 2026", Date{2026, 8, 15, false}, "2026-09-25"},
		{"Mid-Autumn 2027", Date{2027, 8, 15, false}, "2027-09-15"},
		{"Lantern 2026", Date{2026, 1, 15, false}, "2026-03-03"},
		{"Dragon Boat 2026", Date{2026, 5, 5, false}, "2026-06-19"},
		{"Double Ninth 2026", Date{2026, 9, 9, false}, "2026-10-18"},
		{"2025 闰六月初一", Date{2025, 6, 1, true}, "2025-07-25"},
		{"2025 六月初一", Date{2025, 6, 1, false}, "2025-06-25"},
		{"2023 闰二月初一", Date{2023, 2, 1, true}, "2023-03-22"},
		{"2020 闰四月初一", Date{2020, 4, 1, true}, "2020-05-23"},
		{"1950 Spring Festival", Date{1950, 1, 1, false}, "1950-02-17"},
		{"2100 Spring Festival", Date{2100, 1, 1, false}, "2100-02-09"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ToGregorian(tt.lunar)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != tt.want {
				t.Fatalf("ToGregorian(%v) = %s, want %s", tt.lunar, got, tt.want)
			}
			back, err := FromGregorian(got)
			if err != nil {
				t.Fatal(err)
			}
			if back != tt.lunar {
				t.Fatalf("FromGregorian(%s) = %v, want %v", got, back, tt.lunar)
			}
		})
	}
}

// Fault 1: carbon returns midnight in UTC+8 as a local time, so west of
// UTC+8 its local date is the day before.
func TestFaultMidnightUTC8(t *testing.T) {
	saved := time.Local
	time.Local = time.FixedZone("UTC-5", -5*60*60)
	defer func() { time.Local = saved }()

	raw := carbon.FromLunar(2026, 1, 1, 0, 0, 0, false).ToGregorian()
	if got := civil.Of(raw.Time); got.String() != "2026-02-16" {
		t.Logf("carbon's local date is %s; fault 1 may be fixed upstream", got)
	}
	got, err := carbonToGregorian(2026, 1, 1, false)
	if err != nil || got.String() != "2026-02-17" {
		t.Fatalf("carbonToGregorian(2026-01-01) in UTC-5 = %s, %v; want 2026-02-17", got, err)
	}
	// And back: the Gregorian day gives the lunar day whatever the zone.
	l, err := FromGregorian(civil.MustParse("2026-02-17"))
	if err != nil || l != (Date{2026, 1, 1, false}) {
		t.Fatalf("FromGregorian(2026-02-17) in UTC-5 = %v, %v", l, err)
	}
}

// Fault 2: carbon's IsLeapMonth is true for the ordinary sixth month of
// 2025 as well as for 闰六月.
func TestFaultIsLeapMonth(t *testing.T) {
	ordinary := civil.MustParse("2025-07-01") // 六月初七
	leap := civil.MustParse("2025-08-01")     // 闰六月初八
	if !carbonToLunar(ordinary).IsLeapMonth() {
		t.Logf("carbon no longer calls the ordinary month a leap month; fault 2 may be fixed upstream")
	}
	tests := []struct {
		g    civil.Date
		want Date
	}{
		{ordinary, Date{2025, 6, 7, false}},
		{leap, Date{2025, 6, 8, true}},
		{civil.MustParse("2025-07-24"), Date{2025, 6, 30, false}},
		{civil.MustParse("2025-07-25"), Date{2025, 6, 1, true}},
		{civil.MustParse("2025-08-23"), Date{2025, 7, 1, false}},
	}
	for _, tt := range tests {
		got, err := FromGregorian(tt.g)
		if err != nil || got != tt.want {
			t.Errorf("FromGregorian(%s) = %v, %v; want %v", tt.g, got, err, tt.want)
		}
	}
}

// Fault 3: carbon rolls day 30 of a 29-day month over into the next month;
// it is the month's last day.
func TestFaultDay30(t *testing.T) {
	// 2026's second lunar month has 29 days (2026-03-19 to 2026-04-16).
	if n, _ := MonthLength(2026, 2, false); n != 29 {
		t.Fatalf("MonthLength(2026, 2) = %d, want 29", n)
	}
	raw, _ := carbonToGregorian(2026, 2, 30, false)
	if raw.String() != "2026-04-17" {
		t.Logf("carbon gives %s for 2026 二月三十; fault 3 may be fixed upstream", raw)
	}
	got, err := ToGregorian(Date{2026, 2, 30, false})
	if err != nil || got.String() != "2026-04-16" {
		t.Fatalf("ToGregorian(2026 二月三十) = %s, %v; want 2026-04-16 (二月廿九)", got, err)
	}
	// A 30-day month keeps its 30th.
	got, err = ToGregorian(Date{2026, 1, 30, false})
	if err != nil || got.String() != "2026-03-18" {
		t.Fatalf("ToGregorian(2026 正月三十) = %s, %v; want 2026-03-18", got, err)
	}
}

// Fault 4: carbon puts 2033's leap month after the 7th month; it is 闰十一月.
// Checked against the Hong Kong Observatory's conversion table for 2033
// (2033年12月22日 閏十一月) and the published Mid-Autumn day 2033-09-08.
func TestFault2033LeapMonth(t *testing.T) {
	if carbonLeapMonth(2033) != 7 {
		t.Logf("carbon now gives 2033 leap month %d; fault 4 may be fixed upstream", carbonLeapMonth(2033))
	}
	if got := LeapMonth(2033); got != 11 {
		t.Fatalf("LeapMonth(2033) = %d, want 11", got)
	}
	tests := []struct {
		lunar Date
		want  string
	}{
		{Date{2033, 1, 1, false}, "2033-01-31"},
		{Date{2033, 8, 1, false}, "2033-08-25"},
		{Date{2033, 8, 15, false}, "2033-09-08"}, // Mid-Autumn
		{Date{2033, 9, 1, false}, "2033-09-23"},
		{Date{2033, 11, 1, false}, "2033-11-22"},
		{Date{2033, 11, 1, true}, "2033-12-22"},
		{Date{2033, 12, 1, false}, "2034-01-20"},
		{Date{2034, 1, 1, false}, "2034-02-19"},
	}
	for _, tt := range tests {
		got, err := ToGregorian(tt.lunar)
		if err != nil || got.String() != tt.want {
			t.Errorf("ToGregorian(%v) = %s, %v; want %s", tt.lunar, got, err, tt.want)
		}
		back, err := FromGregorian(civil.MustParse(tt.want))
		if err != nil || back != tt.lunar {
			t.Errorf("FromGregorian(%s) = %v, %v; want %v", tt.want, back, err, tt.lunar)
		}
	}
	if _, err := ToGregorian(Date{2033, 7, 1, true}); !errors.Is(err, ErrNoLeapMonth) {
		t.Errorf("2033 闰七月: err = %v, want ErrNoLeapMonth", err)
	}
	// Every correction keeps carbon's month count (only labels move).
	for y, fix := range leapCorrections {
		if (fix == 0) != (carbonLeapMonth(y) == 0) {
			t.Errorf("correction for %d changes the number of months", y)
		}
	}
}

func TestOccurrence(t *testing.T) {
	tests := []struct {
		name             string
		year, month, day int
		leap             bool
		want             string
	}{
		{"leap-month birthday in its leap year", 2025, 6, 10, true, "2025-08-03"},
		{"leap-month birthday in a year without", 2026, 6, 10, true, "2026-07-23"},
		{"leap-month birthday in a year with another leap", 2028, 6, 10, true, "2028-07-31"},
		{"ordinary birthday in a leap year", 2025, 6, 10, false, "2025-07-04"},
		{"day 30 in a 29-day month", 2026, 2, 30, false, "2026-04-16"},
		{"2033 leap 11 birthday", 2033, 11, 5, true, "2033-12-26"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Occurrence(tt.year, tt.month, tt.day, tt.leap)
			if err != nil || got.String() != tt.want {
				t.Fatalf("Occurrence = %s, %v; want %s", got, err, tt.want)
			}
		})
	}
}

func TestNext(t *testing.T) {
	tests := []struct {
		name       string
		month, day int
		leap       bool
		from, want string
	}{
		{"later this year", 8, 15, false, "2026-01-01", "2026-09-25"},
		{"on the day", 8, 15, false, "2026-09-25", "2026-09-25"},
		{"passed: next year", 8, 15, false, "2026-09-26", "2027-09-15"},
		{"12th month of the previous lunar year", 12, 20, false, "2026-01-01", "2026-02-07"},
		{"12th month, passed", 12, 20, false, "2026-02-08", "2027-01-27"},
		{"new year from late in the year", 1, 1, false, "2026-11-24", "2027-02-06"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Next(tt.month, tt.day, tt.leap, civil.MustParse(tt.from))
			if err != nil || got.String() != tt.want {
				t.Fatalf("Next = %s, %v; want %s", got, err, tt.want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	if _, err := ToGregorian(Date{1899, 1, 1, false}); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("1899: %v", err)
	}
	if _, err := ToGregorian(Date{2026, 13, 1, false}); !errors.Is(err, ErrBadDate) {
		t.Errorf("month 13: %v", err)
	}
	if _, err := ToGregorian(Date{2026, 1, 31, false}); !errors.Is(err, ErrBadDate) {
		t.Errorf("day 31: %v", err)
	}
	if _, err := ToGregorian(Date{2026, 6, 1, true}); !errors.Is(err, ErrNoLeapMonth) {
		t.Errorf("2026 闰六月: %v", err)
	}
	if _, err := FromGregorian(civil.MustParse("1900-01-30")); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("1900-01-30: %v", err)
	}
	if _, err := FromGregorian(civil.MustParse("2150-01-01")); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("2150: %v", err)
	}
	if _, err := Next(2, 31, false, civil.MustParse("2026-01-01")); !errors.Is(err, ErrBadDate) {
		t.Errorf("Next day 31: %v", err)
	}
	if _, err := Next(1, 1, false, civil.MustParse("2101-06-01")); !errors.Is(err, ErrOutOfRange) {
		t.Errorf("Next 2101: %v", err)
	}
}

func TestNames(t *testing.T) {
	tests := []struct {
		d    Date
		want string
	}{
		{Date{2026, 8, 15, false}, "八月十五"},
		{Date{2033, 11, 1, true}, "闰十一月初一"},
		{Date{2026, 12, 30, false}, "腊月三十"},
		{Date{2026, 1, 20, false}, "正月二十"},
		{Date{2026, 1, 21, false}, "正月廿一"},
		{Date{2026, 1, 10, false}, "正月初十"},
	}
	for _, tt := range tests {
		if got := tt.d.Chinese(); got != tt.want {
			t.Errorf("%v.Chinese() = %q, want %q", tt.d, got, tt.want)
		}
	}
	if s := (Date{2033, 11, 1, true}).String(); s != "2033-L11-01" {
		t.Errorf("String = %q", s)
	}
}

// Outside the corrected years the table agrees with carbon day by day.
func TestAgreesWithCarbon(t *testing.T) {
	start := civil.MustParse("1950-01-01")
	for g := start; g.Year <= 2100; g = g.AddDays(1) {
		ours, err := FromGregorian(g)
		if err != nil {
			t.Fatalf("%s: %v", g, err)
		}
		if _, fixed := leapCorrections[ours.Year]; fixed {
			continue
		}
		c := carbonToLunar(g)
		if c.Year() != ours.Year || c.Month() != ours.Month || c.Day() != ours.Day {
			t.Fatalf("%s: ours %v, carbon %s", g, ours, c)
		}
	}
}

func BenchmarkNext(b *testing.B) {
	from := civil.MustParse("2026-11-24")
	for i := 0; i < b.N; i++ {
		if _, err := Next(1+i%12, 1+i%30, i%7 == 0, from); err != nil {
			b.Fatal(err)
		}
	}
}
