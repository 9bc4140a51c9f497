package lunar

import (
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/vipbook/vipbook/civil"
)

// MinYear and MaxYear bound the lunar years the calendar covers.
const (
	MinYear = 1900
	MaxYear = 2100
)

// Beijing is the zone in which the lunar calendar is reckoned (China
// Standard Time, UTC+8): a lunar day begins at midnight there.
var Beijing = time.FixedZone("UTC+8", 8*60*60)

// Date is a day of the Chinese lunar calendar. Month runs from 1 (正月) to
// 12 (腊月) and Day from 1 to 30; Leap marks the intercalary month that
// follows the ordinary month of the same number (闰六月 is Month 6, Leap).
type Date struct {
	Year  int  `json:"year"`
	Month int  `json:"month"`
	Day   int  `json:"day"`
	Leap  bool `json:"leap,omitempty"`
}

// String formats d as YYYY-MM-DD, with an "L" before the month of a leap
// month (2033-L11-01 is the first day of 2033's 闰十一月).
func (d Date) String() string {
	l := ""
	if d.Leap {
		l = "L"
	}
	return fmt.Sprintf("%04d-%s%02d-%02d", d.Year, l, d.Month, d.Day)
}

var (
	monthNames = []string{"正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "腊月"}
	digitNames = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
)

// MonthName returns the Chinese name of a lunar month: 正月, 闰六月, 腊月.
func MonthName(month int, leap bool) string {
	if month < 1 || month > 12 {
		return ""
	}
	if leap {
		return "闰" + monthNames[month-1]
	}
	return monthNames[month-1]
}

// DayName returns the Chinese name of a lunar day: 初一, 十五, 廿九, 三十.
func DayName(day int) string {
	switch {
	case day < 1 || day > 30:
		return ""
	case day <= 10:
		return "初" + digitNames[day]
	case day < 20:
		return "十" + digitNames[day-10]
	case day == 20:
		return "二十"
	case day < 30:
		return "廿" + digitNames[day-20]
	}
	return "三十"
}

// Chinese formats d the way it is said: 八月十五, 闰十一月初一 (without the year).
func (d Date) Chinese() string { return MonthName(d.Month, d.Leap) + DayName(d.Day) }

// month is one lunar month of the table.
type month struct {
	year   int16
	num    int8
	leap   bool
	length int8
	first  int32 // day number of the month's first day
}

// calendarTable holds every month of the years MinYear to MaxYear in order.
type calendarTable struct {
	months    []month
	yearStart [MaxYear - MinYear + 2]int // index in months of each year's first month
	leap      [MaxYear - MinYear + 1]int // each year's leap month, 0 for none
}

var (
	tableOnce sync.Once
	table     *calendarTable
)

func getTable() *calendarTable {
	tableOnce.Do(func() { table = buildTable() })
	return table
}

// buildTable unpacks the words of years (table.go) into the months of
// every year.
func buildTable() *calendarTable {
	t := &calendarTable{months: make([]month, 0, (MaxYear-MinYear+1)*13)}
	for y := MinYear; y <= MaxYear; y++ {
		w := years[y-MinYear]
		leap := int(w >> 13 & 0xf)
		t.yearStart[y-MinYear] = len(t.months)
		t.leap[y-MinYear] = leap
		first := civil.Date{Year: y, Month: time.January, Day: 1}.DayNumber() + int(w>>17&0x3f)
		i := 0
		for m := 1; m <= 12; m++ {
			for _, isLeap := range []bool{false, true} {
				if isLeap && m != leap {
					continue
				}
				length := 29 + int(w>>i&1)
				t.months = append(t.months, month{year: int16(y), num: int8(m), leap: isLeap, length: int8(length), first: int32(first)})
				first += length
				i++
			}
		}
	}
	t.yearStart[MaxYear-MinYear+1] = len(t.months)
	return t
}

// find returns the month of the table for year y, month m.
func (t *calendarTable) find(y, m int, leap bool) (month, bool) {
	for _, mo := range t.months[t.yearStart[y-MinYear]:t.yearStart[y-MinYear+1]] {
		if int(mo.num) == m && mo.leap == leap {
			return mo, true
		}
	}
	return month{}, false
}

// LeapMonth returns the number of year's leap month, 0 when the year has
// none or is out of range (2033's is 11).
func LeapMonth(year int) int {
	t := getTable()
	if year < MinYear || year > MaxYear {
		return 0
	}
	return t.leap[year-MinYear]
}

// MonthLength returns how many days (29 or 30) a lunar month has.
func MonthLength(year, mon int, leap bool) (int, error) {
	mo, err := lookup(year, mon, leap)
	if err != nil {
		return 0, err
	}
	return int(mo.length), nil
}

func lookup(year, mon int, leap bool) (month, error) {
	t := getTable()
	if year < MinYear || year > MaxYear {
		return month{}, fmt.Errorf("%w (asked for %d)", ErrOutOfRange, year)
	}
	if mon < 1 || mon > 12 {
		return month{}, fmt.Errorf("%w: month %d (a lunar month is 1 to 12)", ErrBadDate, mon)
	}
	mo, ok := t.find(year, mon, leap)
	if !ok {
		return month{}, fmt.Errorf("%w: %d has no leap %s (its leap month is %d)", ErrNoLeapMonth, year, MonthName(mon, false), t.leap[year-MinYear])
	}
	return mo, nil
}

// ToGregorian returns the Gregorian day of the lunar date d. Day 30 of a
// 29-day month is that month's last day, the 29th (the lunar counterpart
// of 29 February falling on 28 February), never the next month's first. A leap month must exist in d's year
// (ErrNoLeapMonth otherwise; Occurrence applies the birthday rule instead).
func ToGregorian(d Date) (civil.Date, error) {
	if d.Day < 1 || d.Day > 30 {
		return civil.Date{}, fmt.Errorf("%w: day %d (a lunar day is 1 to 30)", ErrBadDate, d.Day)
	}
	mo, err := lookup(d.Year, d.Month, d.Leap)
	if err != nil {
		return civil.Date{}, err
	}
	day := min(d.Day, int(mo.length))
	return civil.FromDayNumber(int(mo.first) + day - 1), nil
}

// FromGregorian returns the lunar date of a Gregorian day; Leap tells a
// leap month from the ordinary month of the same number.
func FromGregorian(g civil.Date) (Date, error) {
	t := getTable()
	n := g.DayNumber()
	last := t.months[len(t.months)-1]
	if n < int(t.months[0].first) || n >= int(last.first)+int(last.length) {
		return Date{}, fmt.Errorf("%w (asked for %s)", ErrOutOfRange, g)
	}
	i := sort.Search(len(t.months), func(i int) bool { return int(t.months[i].first) > n }) - 1
	mo := t.months[i]
	return Date{Year: int(mo.year), Month: int(mo.num), Day: n - int(mo.first) + 1, Leap: mo.leap}, nil
}

// Occurrence returns the Gregorian day on which a recurring lunar date
// (a lunar birthday: month, day and whether it was a leap month) falls in
// lunar year year. The rules:
//   - a leap-month date falls in that leap month in a year that has it, and
//     in the ordinary month of the same number in a year that does not
//     (most years have no leap month, and the ordinary month is the one
//     families keep);
//   - day 30 falls on the 29th in a 29-day month.
func Occurrence(year, mon, day int, leap bool) (civil.Date, error) {
	if leap && LeapMonth(year) != mon {
		leap = false
	}
	return ToGregorian(Date{Year: year, Month: mon, Day: day, Leap: leap})
}

// Next returns the first Gregorian day on or after from on which the
// recurring lunar date (month, day, leap) falls, by the rules of Occurrence.
func Next(mon, day int, leap bool, from civil.Date) (civil.Date, error) {
	if mon < 1 || mon > 12 || day < 1 || day > 30 {
		return civil.Date{}, fmt.Errorf("%w: month %d day %d", ErrBadDate, mon, day)
	}
	// Lunar year y runs from late January or February of Gregorian year y
	// into the next Gregorian year, so the answer is in lunar year
	// from.Year-1, from.Year or from.Year+1.
	for y := from.Year - 1; y <= from.Year+1; y++ {
		g, err := Occurrence(y, mon, day, leap)
		if err == nil && !g.Before(from) {
			return g, nil
		}
	}
	return civil.Date{}, fmt.Errorf("%w (asked for a date on or after %s)", ErrOutOfRange, from)
}

// Year returns the Gregorian days of the first day of lunar year year
// (Spring Festival) and of the last day of the year.
func Year(year int) (first, last civil.Date, err error) {
	t := getTable()
	if year < MinYear || year > MaxYear {
		return first, last, fmt.Errorf("%w (asked for %d)", ErrOutOfRange, year)
	}
	a := t.months[t.yearStart[year-MinYear]]
	b := t.months[t.yearStart[year-MinYear+1]-1]
	return civil.FromDayNumber(int(a.first)), civil.FromDayNumber(int(b.first) + int(b.length) - 1), nil
}
