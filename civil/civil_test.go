package civil

import (
	"errors"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2026-11-24", Date{2026, time.November, 24}, true},
		{"2026/11/24", Date{2026, time.November, 24}, true},
		{"20261124", Date{2026, time.November, 24}, true},
		{" 2024-02-29 ", Date{2024, time.February, 29}, true},
		{"2026-02-29", Date{}, false}, // not a leap year
		{"2026-13-01", Date{}, false},
		{"26-11-24", Date{}, false},
		{"tomorrow", Date{}, false},
		{"", Date{}, false},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if tt.ok != (err == nil) || got != tt.want {
			t.Errorf("Parse(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrBadDate) {
			t.Errorf("Parse(%q) error %v is not ErrBadDate", tt.in, err)
		}
	}
}

func TestParseMonthDay(t *testing.T) {
	tests := []struct {
		in   string
		want MonthDay
		ok   bool
	}{
		{"03-02", MonthDay{0, time.March, 2}, true},
		{"--03-02", MonthDay{0, time.March, 2}, true},
		{"--0302", MonthDay{0, time.March, 2}, true},
		{"1985-03-02", MonthDay{1985, time.March, 2}, true},
		{"19850302", MonthDay{1985, time.March, 2}, true},
		{"02-29", MonthDay{0, time.February, 29}, true}, // valid without a year
		{"2023-02-29", MonthDay{}, false},               // 2023 has no 29 February
		{"02-30", MonthDay{}, false},
		{"13-01", MonthDay{}, false},
		{"spring", MonthDay{}, false},
	}
	for _, tt := range tests {
		got, err := ParseMonthDay(tt.in)
		if tt.ok != (err == nil) || got != tt.want {
			t.Errorf("ParseMonthDay(%q) = %v, %v; want %v, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// TestFeb29 pins the documented rule: a 29 February date falls on
// 28 February in years without it.
func TestFeb29(t *testing.T) {
	leapling := MonthDay{Year: 2000, Month: time.February, Day: 29}
	tests := []struct {
		from, want Date
		age        int
	}{
		{MustParse("2026-01-10"), MustParse("2026-02-28"), 26},
		{MustParse("2026-02-28"), MustParse("2026-02-28"), 26},
		{MustParse("2026-03-01"), MustParse("2027-02-28"), 27},
		{MustParse("2027-03-01"), MustParse("2028-02-29"), 28},
		{MustParse("2100-01-01"), MustParse("2100-02-28"), 100}, // 2100 is not leap
	}
	for _, tt := range tests {
		if got := leapling.Next(tt.from); got != tt.want {
			t.Errorf("Next(%v) = %v, want %v", tt.from, got, tt.want)
		}
		if age, ok := leapling.AgeOn(tt.from); !ok || age != tt.age {
			t.Errorf("AgeOn(%v) = %d, %v; want %d", tt.from, age, ok, tt.age)
		}
	}
	if _, ok := (MonthDay{Month: time.May, Day: 1}).AgeOn(MustParse("2026-01-01")); ok {
		t.Error("AgeOn without a year must report unknown")
	}
}

func TestDateArithmetic(t *testing.T) {
	d := MustParse("2026-11-24")
	if got := d.AddDays(7); got != MustParse("2026-12-01") {
		t.Errorf("AddDays(7) = %v", got)
	}
	if got := d.AddDays(-365); got != MustParse("2025-11-24") {
		t.Errorf("AddDays(-365) = %v", got)
	}
	if got := MustParse("2026-01-31").AddMonths(1); got != MustParse("2026-02-28") {
		t.Errorf("Jan 31 + 1 month = %v, want the month's last day", got)
	}
	if n := MustParse("2026-11-02").DaysUntil(MustParse("2027-02-02")); n != 92 {
		t.Errorf("DaysUntil = %d, want 92", n)
	}
	// Local calendar dates do not move with the zone: 23:30 in Shanghai is
	// still the 24th even though it is the 24th 15:30 UTC.
	sh := time.FixedZone("CST", 8*3600)
	if got := Of(time.Date(2026, 11, 24, 23, 30, 0, 0, sh)); got != d {
		t.Errorf("Of = %v", got)
	}
	if got := d.In(sh); got.Day() != 24 || got.Hour() != 0 {
		t.Errorf("In = %v", got)
	}
}

func TestDateText(t *testing.T) {
	d := MustParse("2026-03-05")
	b, _ := d.MarshalText()
	var back Date
	if err := back.UnmarshalText(b); err != nil || back != d || string(b) != "2026-03-05" {
		t.Errorf("text round trip: %s -> %v, %v", b, back, err)
	}
	if (Date{}).String() == "2026-03-05" || !(Date{}).IsZero() {
		t.Error("zero date")
	}
}

func TestDayNumber(t *testing.T) {
	if n := MustParse("1970-01-01").DayNumber(); n != 0 {
		t.Errorf("epoch = %d", n)
	}
	for d := MustParse("1899-12-25"); d.Before(MustParse("2101-01-10")); d = d.AddDays(1) {
		n := d.DayNumber()
		want := int(d.In(time.UTC).Unix() / 86400)
		if n != want || FromDayNumber(n) != d {
			t.Fatalf("%v: DayNumber %d want %d, back %v", d, n, want, FromDayNumber(n))
		}
	}
}

// TestPack: packing keeps the order of dates, reads as YYYYMMDD, and
// Unpack gives the date back; the zero Date packs to 0.
func TestPack(t *testing.T) {
	if got := New(2026, time.March, 1).Pack(); got != 20260301 {
		t.Fatalf("2026-03-01 packs to %d", got)
	}
	if (Date{}).Pack() != 0 || !Unpack(0).IsZero() {
		t.Fatal("the zero Date does not pack to 0 and back")
	}
	prev := New(1, time.January, 1)
	for d := prev; d.Year <= 9999; d = d.AddDays(97) {
		if Unpack(d.Pack()) != d {
			t.Fatalf("%s packs to %d, unpacks to %s", d, d.Pack(), Unpack(d.Pack()))
		}
		if d != prev && !(prev.Pack() < d.Pack()) {
			t.Fatalf("%s before %s, but packed %d >= %d", prev, d, prev.Pack(), d.Pack())
		}
		prev = d
	}
	last := New(9999, time.December, 31)
	if Unpack(last.Pack()) != last || last.Pack() <= New(9999, time.December, 30).Pack() {
		t.Fatalf("the last day packs to %d", last.Pack())
	}
}
