package dateinput

import (
	"errors"
	"fmt"
)

// ErrBadDate is what every *Error wraps: errors.Is(err, ErrBadDate) tells a
// date that could not be read from other failures.
var ErrBadDate = errors.New("not a date")

// Want says what was being read, and so which forms are accepted.
type Want int

// What can be read.
const (
	// WantDay is one day: Day and PastDay.
	WantDay Want = iota
	// WantAnniversary is a date that recurs every year: Anniversary.
	WantAnniversary
	// WantMoment is a day and a time of day: Moment.
	WantMoment
)

// Reason says why a text was refused.
type Reason int

// The reasons a text is refused.
const (
	// ReasonForm: the text is in none of the accepted forms.
	ReasonForm Reason = iota
	// ReasonEmpty: nothing was written.
	ReasonEmpty
	// ReasonNoSuchDay: the form is right but the day (or the time of
	// day) does not exist (2026-02-30, 13月1日, day 30 of a 29-day lunar
	// month in a given year, 25:00).
	ReasonNoSuchDay
	// ReasonNoLeapMonth: a leap month the lunar year does not have
	// (2026 has no 闰四月).
	ReasonNoLeapMonth
	// ReasonRange: the day falls outside the years 1900 to 2100.
	ReasonRange
)

// Error is a date that could not be read. The front ends render it with
// the i18n catalog (Catalog.DateInputError); Error() is the English text.
type Error struct {
	Input  string // what was written, as written
	Want   Want
	Reason Reason
}

// Forms lists, in English, the forms accepted for w; the catalog has the
// same lists in both languages.
func Forms(w Want) string {
	switch w {
	case WantAnniversary:
		return "03-05, 1985-03-05, 3月5日, 1985年3月5日, or a lunar date: 农历八月十五, 八月十五, 腊月廿三, 闰四月初一, lunar 08-15"
	case WantMoment:
		return "a day then a time: 2026-11-25 15:00, tomorrow 15:00, next friday 3pm, 明天 15:00, 下周五下午3点, or 15:00 for today"
	}
	return "2026-03-05, 03-05, 3月5日, today, tomorrow, +3d, +2w, +1m, friday, next friday, 今天, 明天, 后天, 下周五, 3天后, or a lunar date: 八月十五, 农历腊月廿三"
}

func (e *Error) Error() string {
	what := "a day"
	switch e.Want {
	case WantAnniversary:
		what = "a date (a birthday, an anniversary)"
	case WantMoment:
		what = "a day and a time"
	}
	switch e.Reason {
	case ReasonEmpty:
		return fmt.Sprintf("no date written: write %s such as %s", what, Forms(e.Want))
	case ReasonNoSuchDay:
		return fmt.Sprintf("%q: there is no such day or time", e.Input)
	case ReasonNoLeapMonth:
		return fmt.Sprintf("%q: that lunar year has no such leap month", e.Input)
	case ReasonRange:
		return fmt.Sprintf("%q: vipbook's calendar covers the years 1900 to 2100", e.Input)
	}
	return fmt.Sprintf("%q is not %s: write %s", e.Input, what, Forms(e.Want))
}

// Unwrap makes errors.Is(err, ErrBadDate) true.
func (e *Error) Unwrap() error { return ErrBadDate }
