package dateinput

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/lunar"
)

// today is a Tuesday, lunar 2026 十月十六.
var today = civil.MustParse("2026-11-24")

// The lunar days below are lunar-javascript's (test/lunar): 2027 八月十五
// is 2027-09-15, 2026 腊月廿三 2027-01-30, the next 闰四月 is 2058's
// (2058-05-22), the last 2020's (2020-05-23).
func TestPoint8Day(t *testing.T) {
	tests := []struct{ in, want, past string }{
		// Words.
		{"今天", "2026-11-24", "2026-11-24"},
		{"today", "2026-11-24", ""},
		{"明天", "2026-11-25", ""},
		{"tomorrow", "2026-11-25", ""},
		{"Tomorrow", "2026-11-25", ""},
		{"后天", "2026-11-26", ""},
		{"大后天", "2026-11-27", ""},
		{"昨天", "2026-11-23", "2026-11-23"},
		{"day after tomorrow", "2026-11-26", ""},
		// Offsets.
		{"3d", "2026-11-27", ""},
		{"+3d", "2026-11-27", ""},
		{"+3", "2026-11-27", ""},
		{"-3d", "2026-11-21", ""},
		{"+2w", "2026-12-08", ""},
		{"2 weeks", "2026-12-08", ""},
		{"in 3 days", "2026-11-27", ""},
		{"3 days ago", "2026-11-21", ""},
		{"+1m", "2026-12-24", ""},
		{"1y", "2027-11-24", ""},
		{"3天后", "2026-11-27", ""},
		{"三天后", "2026-11-27", ""},
		{"两周后", "2026-12-08", ""},
		{"一个月后", "2026-12-24", ""},
		{"3天前", "2026-11-21", ""},
		{"＋３ｄ", "2026-11-27", ""}, // full width
		// Weekdays (today is a Tuesday; weeks begin on Monday).
		{"friday", "2026-11-27", "2026-11-20"},
		{"Fri", "2026-11-27", "2026-11-20"},
		{"tuesday", "2026-12-01", "2026-11-17"},
		{"monday", "2026-11-30", "2026-11-23"},
		{"next friday", "2026-12-04", "2026-12-04"},
		{"this friday", "2026-11-27", ""},
		{"last friday", "2026-11-20", ""},
		{"周五", "2026-11-27", "2026-11-20"},
		{"星期五", "2026-11-27", ""},
		{"礼拜五", "2026-11-27", ""},
		{"下周五", "2026-12-04", "2026-12-04"},
		{"下星期一", "2026-11-30", ""},
		{"这周五", "2026-11-27", ""},
		{"本周日", "2026-11-29", ""},
		{"上周五", "2026-11-20", ""},
		{"周末", "2026-11-28", ""},
		// Gregorian dates.
		{"2026-12-24", "2026-12-24", "2026-12-24"},
		{"2026/12/24", "2026-12-24", ""},
		{"20261224", "2026-12-24", ""},
		{"2027年1月5日", "2027-01-05", ""},
		{"12-24", "2026-12-24", "2025-12-24"},
		{"03-05", "2027-03-05", "2026-03-05"},
		{"11-24", "2026-11-24", "2026-11-24"},
		{"3/5", "2027-03-05", ""},
		{"3月5日", "2027-03-05", "2026-03-05"},
		{"3月5号", "2027-03-05", ""},
		// Lunar dates.
		{"八月十五", "2027-09-15", "2026-09-25"},
		{"农历八月十五", "2027-09-15", "2026-09-25"},
		{"農曆八月十五", "2027-09-15", ""},
		{"腊月廿三", "2027-01-30", "2026-02-10"},
		{"正月初一", "2027-02-06", "2026-02-17"},
		{"闰四月初一", "2058-05-22", "2020-05-23"},
		{"十月十六", "2026-11-24", "2026-11-24"},
		{"腊月三十", "2027-02-05", ""}, // 2026's 腊月 has 29 days: its last, New Year's Eve
		{"农历8月15", "2027-09-15", ""},
		{"lunar 08-15", "2027-09-15", ""},
		{"农历2026年八月十五", "2026-09-25", "2026-09-25"},
		{"农历 2025年闰六月初一", "2025-07-25", ""},
		{"冬月初一", "2026-12-09", ""},
	}
	for _, tt := range tests {
		got, err := Day(tt.in, today)
		if err != nil || got.String() != tt.want {
			t.Errorf("Day(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
		if tt.past == "" {
			continue
		}
		got, err = PastDay(tt.in, today)
		if err != nil || got.String() != tt.past {
			t.Errorf("PastDay(%q) = %s, %v; want %s", tt.in, got, err, tt.past)
		}
	}
}

func TestDayRefused(t *testing.T) {
	tests := []struct {
		in     string
		reason Reason
	}{
		{"", ReasonEmpty},
		{"   ", ReasonEmpty},
		{"soon", ReasonForm},
		{"三月", ReasonForm}, // a month, not a day
		{"3", ReasonForm},
		{"2026-02-30", ReasonNoSuchDay},
		{"13-01", ReasonNoSuchDay},
		{"2月30日", ReasonNoSuchDay},
		{"八月三十一", ReasonNoSuchDay},
		{"十三月初一", ReasonNoSuchDay},
		{"农历2026年闰四月初一", ReasonNoLeapMonth},
		{"农历2026年二月三十", ReasonNoSuchDay}, // 2026's 二月 has 29 days
		{"9999-12-31", ReasonRange},
		{"1899-12-31", ReasonRange},
		{"+100y", ReasonRange},
		{"八月15", ReasonForm},
		{"next fri day", ReasonForm},
		{"2026--05", ReasonForm},
		{strings.Repeat("1", 100), ReasonForm},
	}
	for _, tt := range tests {
		_, err := Day(tt.in, today)
		var de *Error
		if !errors.As(err, &de) || de.Reason != tt.reason || de.Want != WantDay || de.Input != tt.in {
			t.Errorf("Day(%q) = %v, want reason %d", tt.in, err, tt.reason)
			continue
		}
		if !errors.Is(err, ErrBadDate) {
			t.Errorf("Day(%q): not ErrBadDate", tt.in)
		}
	}
	// The message says what is accepted.
	_, err := Day("soon", today)
	for _, form := range []string{"2026-03-05", "tomorrow", "+2w", "next friday", "明天", "下周五", "八月十五"} {
		if !strings.Contains(err.Error(), form) {
			t.Errorf("%q does not mention %s", err, form)
		}
	}
}

func TestAnniversary(t *testing.T) {
	tests := []struct {
		in          string
		lunarDigits bool
		want        Recurring
	}{
		{"03-05", false, Recurring{When: civil.MonthDay{Month: 3, Day: 5}}},
		{"--03-05", false, Recurring{When: civil.MonthDay{Month: 3, Day: 5}}},
		{"--0305", false, Recurring{When: civil.MonthDay{Month: 3, Day: 5}}},
		{"1985-03-05", false, Recurring{When: civil.MonthDay{Year: 1985, Month: 3, Day: 5}}},
		{"19850305", false, Recurring{When: civil.MonthDay{Year: 1985, Month: 3, Day: 5}}},
		{"3月5日", false, Recurring{When: civil.MonthDay{Month: 3, Day: 5}}},
		{"1985年3月5日", false, Recurring{When: civil.MonthDay{Year: 1985, Month: 3, Day: 5}}},
		{"02-29", false, Recurring{When: civil.MonthDay{Month: 2, Day: 29}}},
		{"农历八月十五", false, Recurring{When: civil.MonthDay{Month: 8, Day: 15}, Lunar: true}},
		{"八月十五", false, Recurring{When: civil.MonthDay{Month: 8, Day: 15}, Lunar: true}},
		{"腊月廿三", false, Recurring{When: civil.MonthDay{Month: 12, Day: 23}, Lunar: true}},
		{"正月初一", false, Recurring{When: civil.MonthDay{Month: 1, Day: 1}, Lunar: true}},
		{"闰四月初一", false, Recurring{When: civil.MonthDay{Month: 4, Day: 1}, Lunar: true, Leap: true}},
		{"二月三十", false, Recurring{When: civil.MonthDay{Month: 2, Day: 30}, Lunar: true}},
		{"农历1985年八月十五", false, Recurring{When: civil.MonthDay{Year: 1985, Month: 8, Day: 15}, Lunar: true}},
		{"1985 农历八月十五", false, Recurring{When: civil.MonthDay{Year: 1985, Month: 8, Day: 15}, Lunar: true}}, // as show writes it
		{"2020年农历闰四月初一", false, Recurring{When: civil.MonthDay{Year: 2020, Month: 4, Day: 1}, Lunar: true, Leap: true}},
		{"农历8月15日", false, Recurring{When: civil.MonthDay{Month: 8, Day: 15}, Lunar: true}},
		{"lunar 08-15", false, Recurring{When: civil.MonthDay{Month: 8, Day: 15}, Lunar: true}},
		{"leap 04-01", false, Recurring{When: civil.MonthDay{Month: 4, Day: 1}, Lunar: true, Leap: true}},
		{"闰04-01", false, Recurring{When: civil.MonthDay{Month: 4, Day: 1}, Lunar: true, Leap: true}},
		{"08-15", true, Recurring{When: civil.MonthDay{Month: 8, Day: 15}, Lunar: true}},
		{"1985-08-15", true, Recurring{When: civil.MonthDay{Year: 1985, Month: 8, Day: 15}, Lunar: true}},
		{"2020-闰04-01", true, Recurring{When: civil.MonthDay{Year: 2020, Month: 4, Day: 1}, Lunar: true, Leap: true}},
		{"02-30", true, Recurring{When: civil.MonthDay{Month: 2, Day: 30}, Lunar: true}},
	}
	for _, tt := range tests {
		got, err := Anniversary(tt.in, tt.lunarDigits)
		if err != nil || got != tt.want {
			t.Errorf("Anniversary(%q, %v) = %+v, %v; want %+v", tt.in, tt.lunarDigits, got, err, tt.want)
		}
	}
	refused := []struct {
		in     string
		reason Reason
	}{
		{"", ReasonEmpty},
		{"tomorrow", ReasonForm},
		{"02-30", ReasonNoSuchDay},
		{"9999-12-31", ReasonRange},
		{"1850-01-01", ReasonRange},
		{"农历2026年闰四月初一", ReasonNoLeapMonth},
		{"农历2026年二月三十", ReasonNoSuchDay}, // 2026's 二月 has 29 days
		{"八月三十一", ReasonNoSuchDay},
	}
	for _, tt := range refused {
		_, err := Anniversary(tt.in, false)
		var de *Error
		if !errors.As(err, &de) || de.Reason != tt.reason || de.Want != WantAnniversary {
			t.Errorf("Anniversary(%q) = %v, want reason %d", tt.in, err, tt.reason)
		}
	}
	if n, _ := lunar.MonthLength(2026, 2, false); n != 29 {
		t.Fatalf("the test assumes 2026's 二月 has 29 days, not %d", n)
	}
}

// Every lunar date written in Chinese reads back as itself: the names
// lunar.Date.Chinese writes are the names Day reads.
func TestLunarNamesRoundTrip(t *testing.T) {
	for m := 1; m <= 12; m++ {
		for d := 1; d <= 30; d++ {
			name := lunar.MonthName(m, false) + lunar.DayName(d)
			got, err := Anniversary(name, false)
			if err != nil || got != (Recurring{When: civil.MonthDay{Month: time.Month(m), Day: d}, Lunar: true}) {
				t.Errorf("Anniversary(%q) = %+v, %v", name, got, err)
			}
			leap := lunar.MonthName(m, true) + lunar.DayName(d)
			if got, err := Anniversary(leap, false); err != nil || !got.Leap || int(got.When.Month) != m || got.When.Day != d {
				t.Errorf("Anniversary(%q) = %+v, %v", leap, got, err)
			}
		}
	}
	// And a day a year: Day of a year's lunar date is its Gregorian day.
	for g := civil.MustParse("2026-01-01"); g.Year < 2028; g = g.AddDays(1) {
		l, _ := lunar.FromGregorian(g)
		got, err := Day("农历"+itoa(l.Year)+"年"+l.Chinese(), today)
		if err != nil || got != g {
			t.Fatalf("Day(农历%d年%s) = %s, %v; want %s", l.Year, l.Chinese(), got, err, g)
		}
	}
}

func itoa(n int) string { return civil.Date{Year: n, Month: 1, Day: 1}.String()[:4] }
