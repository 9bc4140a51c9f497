package profile

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/lunar"
)

// Next returns the first day on or after from on which the date falls.
//
// A solar date follows the Gregorian calendar (29 February falls on
// 28 February in other years).
//
// A lunar date (Lunar set; When.Month and When.Day are the lunar month and
// day) falls on the Gregorian day of that lunar month and day in the lunar
// year in question, by these rules:
//   - a leap-month date (LeapMonth set) falls in that leap month in a year
//     that has it, and in the ordinary month of the same number in the
//     (many) years that do not;
//   - day 30 falls on the 29th in a month of 29 days, as 29 February falls
//     on 28 February.
//
// Beyond the lunar calendar's range (after 2100) a lunar date is read as a
// solar month and day, so the answer is never the zero date.
func (d ImportantDate) Next(from civil.Date) civil.Date {
	if d.Lunar {
		if g, err := lunar.Next(int(d.When.Month), d.When.Day, d.LeapMonth, from); err == nil {
			return g
		}
	}
	return d.When.Next(from)
}

// DaysAway returns how many days from from until the date's next occurrence.
func (d ImportantDate) DaysAway(from civil.Date) int {
	return from.DaysUntil(d.Next(from))
}

// AgeOn returns how many years have passed since the year of origin at the
// occurrence on or after from, and false when the year is unknown. For a
// lunar date When.Year is the lunar year of origin, and years are counted
// in lunar years (a client born in the 12th lunar month of lunar year 1985,
// which was January 1986, turns 41 in January 2027, in lunar year 2026).
func (d ImportantDate) AgeOn(from civil.Date) (int, bool) {
	if d.When.Year == 0 {
		return 0, false
	}
	if d.Lunar {
		if l, err := lunar.FromGregorian(d.Next(from)); err == nil {
			return l.Year - d.When.Year, true
		}
	}
	return d.Next(from).Year - d.When.Year, true
}

// Valid reports whether the date can recur: a real month-day of the
// Gregorian calendar for a solar date; lunar month 1 to 12 and day 1 to 30
// for a lunar one (a lunar 二月三十 is a real day in some years).
func (d ImportantDate) Valid() bool {
	if !d.Lunar {
		return !d.LeapMonth && d.When.Valid()
	}
	if d.When.Month < 1 || d.When.Month > 12 || d.When.Day < 1 || d.When.Day > 30 {
		return false
	}
	return d.When.Year == 0 || (d.When.Year >= 1 && d.When.Year <= 9999)
}

// WhenText formats the date for display: 03-14 or 1985-03-14 for a solar
// date, 农历八月十五 or 农历闰六月初十 for a lunar one.
func (d ImportantDate) WhenText() string {
	if !d.Lunar {
		return d.When.String()
	}
	s := "农历" + lunar.MonthName(int(d.When.Month), d.LeapMonth) + lunar.DayName(d.When.Day)
	if d.When.Year != 0 {
		s = strconv.Itoa(d.When.Year) + " " + s
	}
	return s
}

// ParseLunarMonthDay reads a lunar month and day written as a solar one
// would be (MM-DD or YYYY-MM-DD, the year being the lunar year of origin),
// optionally preceded by "leap" or 闰 for a leap month: "08-15",
// "leap 06-10", "1985-02-30". Day 30 is accepted in every month.
func ParseLunarMonthDay(s string) (md civil.MonthDay, leap bool, err error) {
	t := strings.TrimSpace(s)
	low := strings.ToLower(t)
	switch {
	case strings.HasPrefix(low, "leap"):
		leap, t = true, strings.TrimSpace(t[len("leap"):])
	case strings.HasPrefix(t, "闰"):
		leap, t = true, strings.TrimSpace(strings.TrimPrefix(t, "闰"))
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	bad := fmt.Errorf("%w: %q (write a lunar date as MM-DD, YYYY-MM-DD or leap MM-DD; day 1 to 30)", ErrBadDate, s)
	var y, m, d int
	switch len(parts) {
	case 2:
		m, err = strconv.Atoi(parts[0])
		if err == nil {
			d, err = strconv.Atoi(parts[1])
		}
	case 3:
		y, err = strconv.Atoi(parts[0])
		if err == nil {
			m, err = strconv.Atoi(parts[1])
		}
		if err == nil {
			d, err = strconv.Atoi(parts[2])
		}
		if len(parts[0]) != 4 {
			err = bad
		}
	default:
		err = bad
	}
	if err != nil {
		return civil.MonthDay{}, false, bad
	}
	md = civil.MonthDay{Year: y, Month: time.Month(m), Day: d}
	if !(ImportantDate{When: md, Lunar: true, LeapMonth: leap}).Valid() {
		return civil.MonthDay{}, false, bad
	}
	return md, leap, nil
}
