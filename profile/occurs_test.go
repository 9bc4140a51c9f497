package profile

import (
	"errors"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/lunar"
)

func TestImportantDateNext(t *testing.T) {
	md := func(m, d int) civil.MonthDay { return civil.MonthDay{Month: time.Month(m), Day: d} }
	tests := []struct {
		name string
		date ImportantDate
		from string
		want string
	}{
		{"solar later this year", ImportantDate{When: md(12, 25)}, "2026-11-24", "2026-12-25"},
		{"solar passed", ImportantDate{When: md(3, 14)}, "2026-11-24", "2027-03-14"},
		{"solar Feb 29 in a common year", ImportantDate{When: md(2, 29)}, "2026-11-24", "2027-02-28"},
		{"solar Feb 29 in a leap year", ImportantDate{When: md(2, 29)}, "2027-11-24", "2028-02-29"},
		{"lunar Mid-Autumn", ImportantDate{When: md(8, 15), Lunar: true}, "2026-01-01", "2026-09-25"},
		{"lunar Mid-Autumn passed", ImportantDate{When: md(8, 15), Lunar: true}, "2026-11-24", "2027-09-15"},
		{"lunar new year", ImportantDate{When: md(1, 1), Lunar: true}, "2026-11-24", "2027-02-06"},
		{"lunar 12th month before Spring Festival", ImportantDate{When: md(12, 20), Lunar: true}, "2026-11-24", "2027-01-27"},
		{"lunar on the day", ImportantDate{When: md(7, 7), Lunar: true}, "2026-08-19", "2026-08-19"},
		{"leap-month birthday, year with that leap", ImportantDate{When: md(6, 10), Lunar: true, LeapMonth: true}, "2025-07-10", "2025-08-03"},
		{"leap-month birthday, year without: ordinary month", ImportantDate{When: md(6, 10), Lunar: true, LeapMonth: true}, "2026-01-01", "2026-07-23"},
		{"ordinary-month birthday in a leap-6 year", ImportantDate{When: md(6, 10), Lunar: true}, "2025-01-01", "2025-07-04"},
		{"lunar day 30 in a 29-day month", ImportantDate{When: md(2, 30), Lunar: true}, "2026-01-01", "2026-04-16"},
		{"2033 闰十一月 birthday", ImportantDate{When: md(11, 5), Lunar: true, LeapMonth: true}, "2033-12-01", "2033-12-26"},
		{"lunar beyond 2100 reads as solar", ImportantDate{When: md(8, 15), Lunar: true}, "2101-03-01", "2101-08-15"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from := civil.MustParse(tt.from)
			got := tt.date.Next(from)
			if got.String() != tt.want {
				t.Fatalf("Next(%s) = %s, want %s", tt.from, got, tt.want)
			}
			if away := tt.date.DaysAway(from); away != from.DaysUntil(got) || away < 0 {
				t.Fatalf("DaysAway = %d", away)
			}
		})
	}
}

func TestImportantDateAgeOn(t *testing.T) {
	tests := []struct {
		name string
		date ImportantDate
		from string
		want int
		ok   bool
	}{
		{"no year", ImportantDate{When: civil.MonthDay{Month: 3, Day: 14}}, "2026-11-24", 0, false},
		{"solar", ImportantDate{When: civil.MonthDay{Year: 1985, Month: 3, Day: 14}}, "2026-11-24", 42, true},
		{"lunar 12th month falls in the next Gregorian year", ImportantDate{When: civil.MonthDay{Year: 1985, Month: 12, Day: 20}, Lunar: true}, "2026-11-24", 41, true},
		{"lunar mid-year", ImportantDate{When: civil.MonthDay{Year: 1990, Month: 8, Day: 15}, Lunar: true}, "2026-01-01", 36, true},
	}
	for _, tt := range tests {
		got, ok := tt.date.AgeOn(civil.MustParse(tt.from))
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: AgeOn = %d, %v; want %d, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseLunarMonthDay(t *testing.T) {
	tests := []struct {
		in   string
		want civil.MonthDay
		leap bool
		err  bool
	}{
		{"08-15", civil.MonthDay{Month: 8, Day: 15}, false, false},
		{"02-30", civil.MonthDay{Month: 2, Day: 30}, false, false},
		{"leap 06-10", civil.MonthDay{Month: 6, Day: 10}, true, false},
		{"闰06-10", civil.MonthDay{Month: 6, Day: 10}, true, false},
		{"1985-12-20", civil.MonthDay{Year: 1985, Month: 12, Day: 20}, false, false},
		{"13-01", civil.MonthDay{}, false, true},
		{"08-31", civil.MonthDay{}, false, true},
		{"eight-fifteen", civil.MonthDay{}, false, true},
		{"85-08-15", civil.MonthDay{}, false, true},
	}
	for _, tt := range tests {
		md, leap, err := ParseLunarMonthDay(tt.in)
		if (err != nil) != tt.err || md != tt.want || leap != tt.leap {
			t.Errorf("ParseLunarMonthDay(%q) = %v, %v, %v", tt.in, md, leap, err)
		}
		if err != nil && !errors.Is(err, ErrBadDate) {
			t.Errorf("ParseLunarMonthDay(%q) error %v is not ErrBadDate", tt.in, err)
		}
	}
}

func TestSetLunarBirthday(t *testing.T) {
	p := &Profile{Name: "王小明"}
	if err := Set(p, "lunar_birthday", "leap 02-30", time.Now()); err != nil {
		t.Fatalf("Set lunar_birthday leap 02-30: %v", err)
	}
	if err := p.Validate(); err != nil {
		t.Fatalf("Validate with lunar 02-30: %v", err)
	}
	if d, _ := p.Birthday(); !d.Lunar || !d.LeapMonth || d.When.Day != 30 {
		t.Fatalf("birthday = %+v", d)
	}
}

// Property: a lunar date's next occurrence is on or after from, within a
// lunar year, and is that lunar month and day (clamped to the month).
func TestPropertyLunarNext(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		from := civil.MustParse("1950-01-01").AddDays(rapid.IntRange(0, 54000).Draw(t, "from"))
		m := rapid.IntRange(1, 12).Draw(t, "month")
		d := rapid.IntRange(1, 30).Draw(t, "day")
		date := ImportantDate{When: civil.MonthDay{Month: time.Month(m), Day: d}, Lunar: true, LeapMonth: rapid.Bool().Draw(t, "leap")}
		got := date.Next(from)
		if got.Before(from) || from.DaysUntil(got) > 385 {
			t.Fatalf("Next(%s) = %s", from, got)
		}
		l, err := lunar.FromGregorian(got)
		if err != nil {
			t.Fatal(err)
		}
		n, _ := lunar.MonthLength(l.Year, l.Month, l.Leap)
		if l.Month != m || l.Day != min(d, n) || (l.Leap && !date.LeapMonth) {
			t.Fatalf("Next(%s) = %s = %v, want month %d day %d", from, got, l, m, d)
		}
	})
}

// Property: a 29 February date falls on 29 February in leap years and on
// 28 February otherwise, and never before from.
func TestPropertyFeb29(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		from := civil.MustParse("1950-01-01").AddDays(rapid.IntRange(0, 54000).Draw(t, "from"))
		date := ImportantDate{When: civil.MonthDay{Month: time.February, Day: 29}}
		got := date.Next(from)
		if got.Before(from) || from.DaysUntil(got) > 366 || got.Month != time.February {
			t.Fatalf("Next(%s) = %s", from, got)
		}
		want := 28
		if civil.IsLeap(got.Year) {
			want = 29
		}
		if got.Day != want {
			t.Fatalf("Next(%s) = %s, want day %d", from, got, want)
		}
	})
}
