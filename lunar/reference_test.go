package lunar

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/internal/nodecheck"
)

// node runs a script of test/lunar (lunar-javascript) with node.
func node(t *testing.T, script string) []byte {
	t.Helper()
	return nodecheck.Run(t, "../test/lunar", "lunar-javascript", script)
}

// refMonth is one month as lunar-javascript computes it.
type refMonth struct {
	Date  // its first day (Day 1)
	first civil.Date
	days  int
}

func mustDate(t *testing.T, s string) civil.Date {
	t.Helper()
	d, err := civil.Parse(s)
	if err != nil {
		t.Fatalf("reference date %q: %v", s, err)
	}
	return d
}

// TestPoint6LunarAgainstLunarJavascript (issue 12, point 6) checks the calendar day by day, both ways,
// over its whole range (lunar 1900 to 2100, 1900-01-31 to 2101-01-28),
// against 6tail's lunar-javascript, which works the months out from new
// moons and solar terms: every Gregorian day's lunar date, every lunar
// day's Gregorian day, every year's leap month and month lengths, the 30th
// of the 29-day months (refused by lunar-javascript, the 29th here) and
// leap months a year lacks (refused by both).
func TestPoint6LunarAgainstLunarJavascript(t *testing.T) {
	out := node(t, "reference.mjs")
	var months []refMonth
	var solar, lunarLines []string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 6 && f[0] == "M":
			var m refMonth
			if _, err := fmt.Sscan(strings.Join([]string{f[1], f[2], f[5]}, " "), &m.Year, &m.Month, &m.days); err != nil {
				t.Fatalf("reference line %q: %v", sc.Text(), err)
			}
			m.Day, m.Leap, m.first = 1, f[3] == "1", mustDate(t, f[4])
			months = append(months, m)
		case f[0] == "S":
			solar = append(solar, sc.Text())
		case f[0] == "L":
			lunarLines = append(lunarLines, sc.Text())
		default:
			t.Fatalf("reference line %q", sc.Text())
		}
	}
	if len(months) < 2400 || months[0].Year != MinYear || months[len(months)-1].Year != MaxYear {
		t.Fatalf("the reference has %d months", len(months))
	}

	// Every month: its number, leap flag, first day and length.
	leaps := map[int]int{}
	for i, m := range months {
		if i > 0 && months[i-1].first.AddDays(months[i-1].days) != m.first {
			t.Fatalf("the reference's months are not contiguous at %v", m.Date)
		}
		if m.Leap {
			leaps[m.Year] = m.Month
		}
		n, err := MonthLength(m.Year, m.Month, m.Leap)
		if err != nil || n != m.days {
			t.Errorf("MonthLength(%d, %d, leap %v) = %d, %v; lunar-javascript %d", m.Year, m.Month, m.Leap, n, err, m.days)
		}
	}
	for y := MinYear; y <= MaxYear; y++ {
		if got := LeapMonth(y); got != leaps[y] {
			t.Errorf("LeapMonth(%d) = %d; lunar-javascript %d", y, got, leaps[y])
		}
		// A leap month the year lacks is refused.
		for m := 1; m <= 12; m++ {
			if m == leaps[y] {
				continue
			}
			if _, err := ToGregorian(Date{y, m, 1, true}); !errors.Is(err, ErrNoLeapMonth) {
				t.Fatalf("ToGregorian(%d 闰%d月初一): %v, want ErrNoLeapMonth", y, m, err)
			}
		}
	}

	// Every day, both ways.
	days := 0
	for _, m := range months {
		for d := 1; d <= m.days; d++ {
			g, want := m.first.AddDays(d-1), Date{m.Year, m.Month, d, m.Leap}
			got, err := FromGregorian(g)
			if err != nil || got != want {
				t.Fatalf("FromGregorian(%s) = %v (%s), %v; lunar-javascript %v (%s)", g, got, got.Chinese(), err, want, want.Chinese())
			}
			back, err := ToGregorian(want)
			if err != nil || back != g {
				t.Fatalf("ToGregorian(%v) = %s, %v; lunar-javascript %s", want, back, err, g)
			}
			days++
		}
	}
	first, last := months[0].first, months[len(months)-1].first.AddDays(months[len(months)-1].days-1)
	if first.String() != "1900-01-31" || first.DaysUntil(last)+1 != days {
		t.Fatalf("the reference runs %s to %s in %d days", first, last, days)
	}
	for _, g := range []civil.Date{first.AddDays(-1), last.AddDays(1)} {
		if _, err := FromGregorian(g); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("FromGregorian(%s): %v, want ErrOutOfRange", g, err)
		}
	}

	// lunar-javascript's own conversions, solar to lunar.
	for _, line := range solar {
		f := strings.Fields(line)
		var want Date
		fmt.Sscan(strings.Join(f[2:], " "), &want.Year, &want.Month, &want.Day)
		want.Leap = f[5] == "1"
		if got, err := FromGregorian(mustDate(t, f[1])); err != nil || got != want {
			t.Errorf("%s: FromGregorian = %v, %v", line, got, err)
		}
	}
	// And lunar to solar.
	for _, line := range lunarLines {
		f := strings.Fields(line)
		var d Date
		fmt.Sscan(strings.Join(f[1:4], " "), &d.Year, &d.Month, &d.Day)
		d.Leap = f[4] == "1"
		got, err := ToGregorian(d)
		switch {
		case f[5] != "-":
			if err != nil || got.String() != f[5] {
				t.Errorf("%s: ToGregorian = %s, %v", line, got, err)
			}
		case d.Day == 30:
			// Refused there; the 29th here, the month's last day.
			want, err29 := ToGregorian(Date{d.Year, d.Month, 29, d.Leap})
			if err != nil || err29 != nil || got != want {
				t.Errorf("%s: ToGregorian = %s, %v; want the 29th %s", line, got, err, want)
			}
		default:
			if !errors.Is(err, ErrNoLeapMonth) {
				t.Errorf("%s: ToGregorian = %s, %v; want ErrNoLeapMonth", line, got, err)
			}
		}
	}
	t.Logf("%d days, %d months, %d of lunar-javascript's own conversions compared", days, len(months), len(solar)+len(lunarLines))
}

// TestTableIsGenerated checks that table.go is what test/lunar/table.mjs
// writes from lunar-javascript (go generate), so a hand edit of the table
// cannot slip past the reference.
func TestTableIsGenerated(t *testing.T) {
	want := node(t, "table.mjs")
	got, err := os.ReadFile("table.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("table.go differs from what test/lunar/table.mjs writes: run go generate ./lunar")
	}
}
