package i18n

// Keys of a yes-or-no field given another word (profile.YesNoError).
const (
	ErrYesNo Key = "err.yes_no" // the field, the word given, the words read
)
