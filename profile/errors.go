package profile

import "errors"

var (
	// ErrNoName is returned when a profile has neither a name nor a latin name.
	ErrNoName = errors.New("a client needs a name")
	// ErrBadPhone is returned when a phone number has too few digits to be one.
	ErrBadPhone = errors.New("not a phone number")
	// ErrBadField is returned by Set when a field name is unknown or its value
	// cannot be read.
	ErrBadField = errors.New("cannot set field")
	// ErrBadDate is returned when an important date is not a real day.
	ErrBadDate = errors.New("not a valid date")
)
