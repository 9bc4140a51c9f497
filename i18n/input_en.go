package i18n

// enInput holds the words of keys.go.
var enInput map[Key]string

func enInputTable() map[Key]string {
	return map[Key]string{
		ErrBadTier:                "%q is not a tier of this book's scheme: use one of %s, or leave the tier empty to let vipbook compute it.",
		ErrBadEmail:               "%q is not an e-mail address: write it as name@example.com.",
		ErrControlChar:            "%s holds a control character (shown here as a symbol such as ␛ or \\u202e), which a terminal would obey: type it again without it.",
		ErrPhoneNotValid:          "%q is not a valid +%s phone number: check the digits.",
		ErrPhoneNeedsCountry:      "%q is not a valid number in this book's country (+%s). If it is another country's number, type it with + and its country code, e.g. +1 905 555 1234.",
		ErrDateRange:              "%s is outside vipbook's calendar: give a day between the years %s and %s.",
		ImportErrBadRegion:        "%q is not a country or region whose phone numbers vipbook knows: give its ISO code (GB, US, CN), its name (United Kingdom) or its calling code (+44).",
		ImportRegions:             "Numbers written without a country code:",
		ImportRegionLine:          "read as %s numbers (+%s), %s: %d",
		ImportRegionFromBook:      "the book's country",
		ImportRegionFromFlag:      "the file's country (--region)",
		ImportRegionFromFile:      "the record's own country (its country column or address)",
		ImportRegionExample:       "line %d: %s -> %s",
		UsageHandoverSameName:     "%d clients of one name match %q; hand over the one you mean by its id or phone (--clients ID), or add --all-matches to hand them all over:\n%s",
		ImportPhoneNeedsCountryIn: "phone \"%s\" has no country code and is not a valid %s number (+%s), where this record's numbers are read; kept as typed: if it is another country's, edit it with + and its country code",

		ErrAmountAmbiguous: "%q reads two ways: %s or %s. Write it without doubt: %s or %s.",

		DemoWritten:     "Wrote a demo book at %s: %d clients, %d notes, %d purchases, %d tasks, %d appointments",
		DemoBackupKept:  "The demo book it replaced is kept at %s.",
		ErrDemoRealBook: "%s is a real book, not a demo: vipbook demo never replaces it. To try the demo, give it a path of its own: vipbook demo --book /tmp/vipbook-demo.db.",
		ErrDemoUsed:     "%s was a demo book, but clients, notes or purchases were added to it since: vipbook demo will not replace that work. To try a fresh demo, give it a path of its own: vipbook demo --book /tmp/vipbook-demo.db. To start a real book: vipbook init --associate NAME --book PATH.",
		ErrInitOnDemo:   "%s is the demo book: your real book needs a path of its own. Run vipbook init --associate NAME --book PATH (and use --book PATH, or VIPBOOK_BOOK, afterwards), or move the demo away first: mv %s /tmp/vipbook-demo.db.",
	}
}

func initInputEn1() {
	for k, s := range enInput {
		en[k] = s
	}
}
