package lunar

import (
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/vipbook/vipbook/civil"
)

// lunarDate draws a real lunar date of the years 1950 to 2100.
func lunarDate(t *rapid.T) Date {
	y := rapid.IntRange(1950, 2100).Draw(t, "year")
	m := rapid.IntRange(1, 12).Draw(t, "month")
	leap := LeapMonth(y) == m && rapid.Bool().Draw(t, "leap")
	n, err := MonthLength(y, m, leap)
	if err != nil {
		t.Fatalf("MonthLength(%d, %d, %v): %v", y, m, leap, err)
	}
	d := rapid.IntRange(1, n).Draw(t, "day")
	return Date{y, m, d, leap}
}

func gregorianDate(t *rapid.T, from, to civil.Date) civil.Date {
	n := rapid.IntRange(0, from.DaysUntil(to)).Draw(t, "offset")
	return from.AddDays(n)
}

func TestPropertyLunarRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		l := lunarDate(t)
		g, err := ToGregorian(l)
		if err != nil {
			t.Fatalf("ToGregorian(%v): %v", l, err)
		}
		back, err := FromGregorian(g)
		if err != nil {
			t.Fatalf("FromGregorian(%s): %v", g, err)
		}
		if back != l {
			t.Fatalf("%v -> %s -> %v", l, g, back)
		}
	})
}

func TestPropertyGregorianRoundTrip(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := gregorianDate(t, civil.MustParse("1950-01-01"), civil.MustParse("2100-12-31"))
		l, err := FromGregorian(g)
		if err != nil {
			t.Fatalf("FromGregorian(%s): %v", g, err)
		}
		back, err := ToGregorian(l)
		if err != nil || back != g {
			t.Fatalf("%s -> %v -> %s (%v)", g, l, back, err)
		}
	})
}

// The next Gregorian day is the next lunar day: day+1, or day 1 of the
// next month (its leap month first), or 正月初一 of the next year.
func TestPropertyConsecutiveDays(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		g := gregorianDate(t, civil.MustParse("1950-01-01"), civil.MustParse("2100-12-30"))
		a, _ := FromGregorian(g)
		b, err := FromGregorian(g.AddDays(1))
		if err != nil {
			t.Fatal(err)
		}
		n, _ := MonthLength(a.Year, a.Month, a.Leap)
		var want Date
		switch {
		case a.Day < n:
			want = Date{a.Year, a.Month, a.Day + 1, a.Leap}
		case !a.Leap && LeapMonth(a.Year) == a.Month:
			want = Date{a.Year, a.Month, 1, true}
		case a.Month == 12:
			want = Date{a.Year + 1, 1, 1, false}
		default:
			want = Date{a.Year, a.Month + 1, 1, false}
		}
		if b != want {
			t.Fatalf("%s is %v; the day after is %v, want %v", g, a, b, want)
		}
	})
}

// 29 February exists in the lunar calendar like any day: it is the lunar
// day after 28 February and round-trips.
func TestPropertyFeb29(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		y := 4 * rapid.IntRange(1950/4+1, 2096/4).Draw(t, "leapyear/4")
		if !civil.IsLeap(y) {
			t.Skip("not a leap year")
		}
		feb29 := civil.Date{Year: y, Month: time.February, Day: 29}
		l, err := FromGregorian(feb29)
		if err != nil {
			t.Fatal(err)
		}
		back, _ := ToGregorian(l)
		if back != feb29 {
			t.Fatalf("%s -> %v -> %s", feb29, l, back)
		}
		prev, _ := FromGregorian(feb29.AddDays(-1))
		if prev == l {
			t.Fatalf("28 and 29 February %d are the same lunar day %v", y, l)
		}
	})
}

// Next gives a day on or after from, within 385 days (the longest lunar
// year), on which the lunar date falls by the Occurrence rules.
func TestPropertyNext(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		from := gregorianDate(t, civil.MustParse("1950-01-01"), civil.MustParse("2099-12-31"))
		m := rapid.IntRange(1, 12).Draw(t, "month")
		d := rapid.IntRange(1, 30).Draw(t, "day")
		leap := rapid.Bool().Draw(t, "leap")
		got, err := Next(m, d, leap, from)
		if err != nil {
			t.Fatalf("Next(%d, %d, %v, %s): %v", m, d, leap, from, err)
		}
		if got.Before(from) || from.DaysUntil(got) > 385 {
			t.Fatalf("Next(%d, %d, %v, %s) = %s", m, d, leap, from, got)
		}
		l, _ := FromGregorian(got)
		if l.Month != m || (l.Leap && !leap) {
			t.Fatalf("Next(%d, %d, %v, %s) = %s, which is %v", m, d, leap, from, got, l)
		}
		if leap && LeapMonth(l.Year) == m && !l.Leap {
			t.Fatalf("leap birthday in ordinary month of a year with that leap month: %s (%v)", got, l)
		}
		if want := min(d, mustLen(t, l)); l.Day != want {
			t.Fatalf("Next(%d, %d, %v, %s) = %s, which is %v; want day %d", m, d, leap, from, got, l, want)
		}
		// The occurrence of the lunar year before is before from.
		if prev, err := Occurrence(l.Year-1, m, d, leap); err == nil && !prev.Before(from) {
			t.Fatalf("Next(%d, %d, %v, %s) = %s, but %s is earlier", m, d, leap, from, got, prev)
		}
	})
}

func mustLen(t *rapid.T, l Date) int {
	n, err := MonthLength(l.Year, l.Month, l.Leap)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
