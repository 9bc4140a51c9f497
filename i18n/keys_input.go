package i18n

// The words of input read as meant: validation of what a front end writes
// to the book (tiers, e-mail, the calendar's years), amounts of money, the
// demo book.
const (
	// ErrBadTier refuses a tier the scheme does not have.
	ErrBadTier Key = "err.bad_tier" // the tier, the scheme's labels
	// ErrBadEmail refuses an e-mail address that is not one.
	ErrBadEmail Key = "err.bad_email" // the address
	// ErrPhoneNotValid refuses a number not valid for its country.
	ErrPhoneNotValid Key = "err.phone_not_valid" // the number, the calling code
	// ErrPhoneNeedsCountry asks for the country code of a number that is
	// not valid in the book's country.
	ErrPhoneNeedsCountry Key = "err.phone_needs_country" // the number, the book's calling code
	// ErrDateRange refuses a day outside the calendar's years.
	ErrDateRange Key = "err.date_range" // the day, the first year, the last year

	// ErrAmountAmbiguous refuses an amount that reads two ways.
	ErrAmountAmbiguous Key = "err.amount_ambiguous" // the input, the two readings, the two readings written plainly

	// DemoWritten reports a demo book written.
	DemoWritten Key = "demo.written" // the path, clients, notes, purchases, tasks, appointments
	// DemoBackupKept says where the demo book it replaced was kept.
	DemoBackupKept Key = "demo.backup_kept" // the backup's path
	// ErrDemoRealBook refuses to write a demo over a real book.
	ErrDemoRealBook Key = "err.demo_real_book" // the path
	// ErrDemoUsed refuses to write a demo over a demo book with work added.
	ErrDemoUsed Key = "err.demo_used" // the path
	// ErrInitOnDemo says what to do when init meets a demo book.
	ErrInitOnDemo Key = "err.init_on_demo" // the path, the path

	// ImportErrBadRegion refuses a --region that names no region.
	ImportErrBadRegion Key = "import.err.bad_region" // the text given
	// ImportRegions heads the dry run's list of the regions numbers
	// without a country code were read in.
	ImportRegions Key = "import.regions"
	// ImportRegionLine is one region: its code, its calling code, why it
	// (ImportRegionFrom*), how many numbers.
	ImportRegionLine Key = "import.region_line" // region, calling code, why, count
	// The reasons for a region.
	ImportRegionFromBook Key = "import.region_from_book"
	ImportRegionFromFlag Key = "import.region_from_flag"
	ImportRegionFromFile Key = "import.region_from_file"
	// ImportRegionExample is one number read in a region: its line, as
	// written, as it will be stored.
	ImportRegionExample Key = "import.region_example" // line, raw, stored
	// ImportPhoneNeedsCountryIn: a number without a country code, not
	// valid in the region its record's numbers are read in (not the
	// book's: --region, or the record's own country).
	ImportPhoneNeedsCountryIn Key = "import.phone_needs_country_in" // the number, the region, its calling code
	// UsageHandoverSameName refuses a handover whose --clients finds two
	// clients of one name.
	UsageHandoverSameName Key = "usage.handover_same_name" // how many, the query, the matches
)
