package i18n

// The words of files in and out: an import's report of what it skipped or
// took differently, and what an export writes into a calendar.

// The words an export writes into a calendar (interchange.WriteICS), in
// the language it is asked for.
const (
	IcsDoNotContact Key = "ics.do_not_contact" //
	IcsVisit        Key = "ics.visit"          // the client
	IcsLunar        Key = "ics.lunar"          //
	IcsDateTitle    Key = "ics.date_title"     // the client, the date's kind or label
)

// The words of an import's report: why a record or a line of the file was
// skipped, what was taken differently from how the file had it. The
// interchange packages return these keys with their facts (a field, a
// value, a line) and Catalog.ImportNote words them.
const (
	ImportCompanyCard       Key = "import.company_card"         // the company
	ImportNoName            Key = "import.no_name"              //
	ImportNameTooLong       Key = "import.name_too_long"        // its characters, the limit
	ImportNoteTooLong       Key = "import.note_too_long"        // its KiB, the limit in KiB
	ImportRecordTooLong     Key = "import.record_too_long"      // its KiB, the limit in KiB
	ImportNoNameEmail       Key = "import.no_name_email"        // the e-mail address
	ImportNoNamePhone       Key = "import.no_name_phone"        // the phone number
	ImportInvalid           Key = "import.invalid"              // the profile's validation error
	ImportLunarDateNotDate  Key = "import.lunar_date_not_date"  // the value
	ImportLunarBirthNotDate Key = "import.lunar_birth_not_date" // the value
	ImportDateNotDate       Key = "import.date_not_date"        // the date's kind (profile.DateKind) or column, the value
	ImportBirthPartsNotDate Key = "import.birth_parts_not_date" // year-month-day as in the file
	ImportNoContact         Key = "import.no_contact"           // the file's reason
	ImportExtraCells        Key = "import.extra_cells"          //
	// ImportControlChars: a record's fields held control characters, now
	// shown as visible symbols.
	ImportControlChars   Key = "import.control_chars"    // how many fields
	ImportPhoneMangled   Key = "import.phone_mangled"    // the number as in the file
	ImportPhoneNotNumber Key = "import.phone_not_number" // the number as in the file
	// ImportPhoneNotValid: a number that is not valid for its country.
	ImportPhoneNotValid Key = "import.phone_not_valid" // the number as in the file, the calling code
	// ImportPhoneNeedsCountry: a number without a country code, not valid in the book's country.
	ImportPhoneNeedsCountry  Key = "import.phone_needs_country"   // the number as in the file, the book's calling code
	ImportEmailNotAddress    Key = "import.email_not_address"     // the address as in the file
	ImportSecondBirthday     Key = "import.second_birthday"       // the second birthday, the first
	ImportSharesKeyInFile    Key = "import.shares_key_in_file"    // the key (merge.Shared), the other line, its name
	ImportSharesKeyInBook    Key = "import.shares_key_in_book"    // the clients (Clients)
	ImportSeveralClients     Key = "import.several_clients"       // the clients (ClientMatches)
	ImportNotCharsetText     Key = "import.not_charset_text"      // the character set
	ImportNotText            Key = "import.not_text"              //
	ImportTextOutsideCard    Key = "import.text_outside_card"     //
	ImportNotProperty        Key = "import.not_property"          // the line, clipped
	ImportValueTooLong       Key = "import.value_too_long"        // the property, its KiB, the limit in KiB
	ImportCardNotEnded       Key = "import.card_not_ended"        // the line of the next BEGIN:VCARD
	ImportFileEndsInsideCard Key = "import.file_ends_inside_card" //
)
