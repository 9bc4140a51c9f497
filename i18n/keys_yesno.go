package i18n

// Keys of a yes-or-no field given another word (profile.YesNoError).
const (
	ErrYesNo Key = "err.yes_no" // the field, the word given, the words read
	// ErrCountryCode: a country given as anything but a two-letter code
	// (profile.CountryError); the value given.
	ErrCountryCode Key = "err.country_code"
)
