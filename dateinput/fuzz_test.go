package dateinput

import (
	"errors"
	"testing"

	"github.com/vipbook/vipbook/civil"
)

var fuzzSeeds = []string{
	"今天", "明天", "后天", "下周五", "上周五", "周末", "3d", "+2w", "-1m", "1y", "in 3 days", "3 days ago",
	"next friday", "tomorrow", "Fri", "3天后", "两周后", "一个月前", "2026-12-24", "2026/1/5", "20261224",
	"2027年1月5日", "12-24", "3月5号", "--0305", "八月十五", "农历八月十五", "腊月廿三", "闰四月初一", "正月初一",
	"农历2026年八月十五", "lunar 08-15", "leap 04-01", "闰04-01", "2020-闰04-01", "农历8月15日", "腊月三十",
	"十三月初一", "9999-12-31", "+99999", "ｎｅｘｔ　ｆｒｉｄａｙ", "初十", "廿", "八月卅", "2026--05", "",
}

// FuzzDay: Day and PastDay never panic; what they accept is a day of
// 1900 to 2100 that reads back as itself written YYYY-MM-DD; what they
// refuse is an *Error naming the input.
func FuzzDay(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	today := civil.MustParse("2026-11-24")
	f.Fuzz(func(t *testing.T, s string) {
		for _, read := range []func(string, civil.Date) (civil.Date, error){Day, PastDay} {
			d, err := read(s, today)
			if err != nil {
				var de *Error
				if !errors.As(err, &de) || de.Input != s || !errors.Is(err, ErrBadDate) || de.Error() == "" {
					t.Fatalf("%q: error %v is not an *Error naming the input", s, err)
				}
				continue
			}
			if d.Year < MinYear || d.Year > MaxYear || !civil.Valid(d.Year, d.Month, d.Day) {
				t.Fatalf("%q: %v", s, d)
			}
			if back, err := read(d.String(), today); err != nil || back != d {
				t.Fatalf("%q -> %s -> %s, %v", s, d, back, err)
			}
		}
	})
}

// FuzzAnniversary: Anniversary never panics; what it accepts is a possible
// recurring date (a valid month-day; lunar: month 1 to 12, day 1 to 30),
// its year 0 or within 1900 to 2100.
func FuzzAnniversary(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, lunarDigits bool) {
		r, err := Anniversary(s, lunarDigits)
		if err != nil {
			var de *Error
			if !errors.As(err, &de) || de.Input != s || de.Want != WantAnniversary {
				t.Fatalf("%q: error %v", s, err)
			}
			return
		}
		if y := r.When.Year; y != 0 && (y < MinYear || y > MaxYear) {
			t.Fatalf("%q: year %d", s, y)
		}
		if back, err := Anniversary(r.String(), false); err != nil || back != r {
			t.Fatalf("%q -> %+v -> %q -> %+v, %v", s, r, r.String(), back, err)
		}
		if r.Leap && !r.Lunar {
			t.Fatalf("%q: a Gregorian leap month", s)
		}
		if r.Lunar {
			if r.When.Month < 1 || r.When.Month > 12 || r.When.Day < 1 || r.When.Day > 30 {
				t.Fatalf("%q: lunar %+v", s, r)
			}
			return
		}
		if !r.When.Valid() {
			t.Fatalf("%q: %+v", s, r)
		}
		if back, err := Anniversary(r.When.String(), false); err != nil || back != r {
			t.Fatalf("%q -> %s -> %+v, %v", s, r.When, back, err)
		}
	})
}
