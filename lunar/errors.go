package lunar

import "errors"

var (
	// ErrOutOfRange is returned when a date lies outside the lunar years
	// 1900 to 2100 (Gregorian 1900-01-31 to early 2101) that the calendar
	// covers.
	ErrOutOfRange = errors.New("lunar calendar covers only the years 1900 to 2100")
	// ErrBadDate is returned when a lunar month or day is not a possible
	// one (month 1 to 12, day 1 to 30).
	ErrBadDate = errors.New("not a lunar date")
	// ErrNoLeapMonth is returned when a leap month is asked of a year whose
	// leap month (if any) has another number.
	ErrNoLeapMonth = errors.New("that year has no such leap month")
)
