package civil

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// MonthDay is a recurring day of the year with an optional year of origin:
// a birthday known as "3 March" or as "3 March 1985". Year 0 means the year
// is unknown, which is valid.
type MonthDay struct {
	Year  int        `json:"year,omitempty"`
	Month time.Month `json:"month"`
	Day   int        `json:"day"`
}

// IsZero reports whether m is unset.
func (m MonthDay) IsZero() bool { return m.Month == 0 }

// Valid reports whether m names a day that exists in some year (29 February
// is valid; 30 February is not). With a year, the day must exist in it.
func (m MonthDay) Valid() bool {
	if m.Month < 1 || m.Month > 12 || m.Day < 1 {
		return false
	}
	if m.Year != 0 {
		return Valid(m.Year, m.Month, m.Day)
	}
	return m.Day <= DaysIn(2000, m.Month) // 2000 is a leap year
}

// In returns the date on which m falls in year y. The rule for 29 February:
// in a year without it, the day is 28 February.
func (m MonthDay) In(y int) Date {
	d := m.Day
	if last := DaysIn(y, m.Month); d > last {
		d = last
	}
	return Date{y, m.Month, d}
}

// Next returns the first occurrence of m on or after from.
func (m MonthDay) Next(from Date) Date {
	d := m.In(from.Year)
	if d.Before(from) {
		d = m.In(from.Year + 1)
	}
	return d
}

// AgeOn returns how many years have passed since the year of origin at the
// occurrence on or after from, and false when the year is unknown.
func (m MonthDay) AgeOn(from Date) (int, bool) {
	if m.Year == 0 {
		return 0, false
	}
	return m.Next(from).Year - m.Year, true
}

// String formats m as YYYY-MM-DD, or MM-DD without a year.
func (m MonthDay) String() string {
	if m.IsZero() {
		return ""
	}
	if m.Year != 0 {
		return fmt.Sprintf("%04d-%02d-%02d", m.Year, int(m.Month), m.Day)
	}
	return fmt.Sprintf("%02d-%02d", int(m.Month), m.Day)
}

// ParseMonthDay reads MM-DD, --MM-DD, --MMDD, YYYY-MM-DD or YYYYMMDD.
func ParseMonthDay(s string) (MonthDay, error) {
	s = strings.TrimSpace(s)
	t := strings.TrimPrefix(s, "--")
	if len(t) == 4 && isDigits(t) {
		t = t[:2] + "-" + t[2:]
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) == 2 && len(parts[0]) <= 2 {
		mo, err1 := strconv.Atoi(parts[0])
		d, err2 := strconv.Atoi(parts[1])
		md := MonthDay{Month: time.Month(mo), Day: d}
		if err1 != nil || err2 != nil || !md.Valid() {
			return MonthDay{}, fmt.Errorf("%w: %q (write it as MM-DD or YYYY-MM-DD)", ErrBadDate, s)
		}
		return md, nil
	}
	d, err := Parse(t)
	if err != nil {
		return MonthDay{}, fmt.Errorf("%w: %q (write it as MM-DD or YYYY-MM-DD)", ErrBadDate, s)
	}
	return MonthDay(d), nil
}
