package i18n

// The words of input read as meant: validation of what a front end writes
// to the book (tiers, e-mail, the calendar's years), amounts of money, the
// demo book.
const (
	// ErrBadTier refuses a tier the scheme does not have.
	ErrBadTier Key = "err.bad_tier" // the tier, the scheme's labels
	// ErrBadEmail refuses an e-mail address that is not one.
	ErrBadEmail Key = "err.bad_email" // the address
	// ErrDateRange refuses a day outside the calendar's years.
	ErrDateRange Key = "err.date_range" // the day, the first year, the last year
)
