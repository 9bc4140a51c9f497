package lunar

import (
	"errors"
	"testing"
	"time"

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

// The conversions work on civil dates: the local zone does not move a day
// (a library that returned midnight in UTC+8 as a local time gave the day
// before west of UTC+8).
func TestLocalZoneDoesNotMoveTheDay(t *testing.T) {
	saved := time.Local
	time.Local = time.FixedZone("UTC-5", -5*60*60)
	defer func() { time.Local = saved }()
	got, err := ToGregorian(Date{2026, 1, 1, false})
	if err != nil || got.String() != "2026-02-17" {
		t.Fatalf("ToGregorian(2026-01-01) in UTC-5 = %s, %v; want 2026-02-17", got, err)
	}
	l, err := FromGregorian(civil.MustParse("2026-02-17"))
	if err != nil || l != (Date{2026, 1, 1, false}) {
		t.Fatalf("FromGregorian(2026-02-17) in UTC-5 = %v, %v", l, err)
	}
}

// Leap tells 2025's 闰六月 from its ordinary 六月.
func TestLeapFlag(t *testing.T) {
	tests := []struct {
		g    string
		want Date
	}{
		{"2025-07-01", Date{2025, 6, 7, false}},
		{"2025-08-01", Date{2025, 6, 8, true}},
		{"2025-07-24", Date{2025, 6, 30, false}},
		{"2025-07-25", Date{2025, 6, 1, true}},
		{"2025-08-23", Date{2025, 7, 1, false}},
	}
	for _, tt := range tests {
		got, err := FromGregorian(civil.MustParse(tt.g))
		if err != nil || got != tt.want {
			t.Errorf("FromGregorian(%s) = %v, %v; want %v", tt.g, got, err, tt.want)
		}
	}
}

// Day 30 of a 29-day month is the month's last day, never the next
// month's first.
func TestDay30(t *testing.T) {
	// 2026's second lunar month has 29 days (2026-03-19 to 2026-04-16).
	if n, _ := MonthLength(2026, 2, false); n != 29 {
		t.Fatalf("MonthLength(2026, 2) = %d, want 29", n)
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

// 2033's leap month is the 11th (闰十一月 from 2033-12-22, the Hong Kong
// Observatory's table for 2033; Mid-Autumn 2033-09-08), not the 7th of the
// old table.
func Test2033LeapMonth(t *testing.T) {
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
}

// The months the old table had wrong (issue 12, point 6): it put the
// first day of 1954's, 1956's and 2060's months a day late and of 1978's
// eighth month a day early, and so named every day of those months wrong.
func TestPoint6MonthsTheOldTableHadWrong(t *testing.T) {
	tests := []struct {
		g    string
		want Date
	}{
		{"1954-11-25", Date{1954, 11, 1, false}}, // the old table: 十月三十
		{"1954-12-24", Date{1954, 11, 30, false}},
		{"1956-12-02", Date{1956, 11, 1, false}}, // the old table: 十月三十
		{"1956-12-31", Date{1956, 11, 30, false}},
		{"1978-09-02", Date{1978, 7, 30, false}}, // the old table: 八月初一
		{"1978-09-03", Date{1978, 8, 1, false}},
		{"1978-09-17", Date{1978, 8, 15, false}}, // Mid-Autumn 1978
		{"1978-10-01", Date{1978, 8, 29, false}},
		{"2060-04-30", Date{2060, 4, 1, false}}, // the old table: 三月三十
		{"2060-05-29", Date{2060, 4, 30, false}},
	}
	for _, tt := range tests {
		got, err := FromGregorian(civil.MustParse(tt.g))
		if err != nil || got != tt.want {
			t.Errorf("FromGregorian(%s) = %v (%s), %v; want %v (%s)", tt.g, got, got.Chinese(), err, tt.want, tt.want.Chinese())
		}
		back, err := ToGregorian(tt.want)
		if err != nil || back.String() != tt.g {
			t.Errorf("ToGregorian(%v) = %s, %v; want %s", tt.want, back, err, tt.g)
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

func BenchmarkNext(b *testing.B) {
	from := civil.MustParse("2026-11-24")
	for i := 0; i < b.N; i++ {
		if _, err := Next(1+i%12, 1+i%30, i%7 == 0, from); err != nil {
			b.Fatal(err)
		}
	}
}
