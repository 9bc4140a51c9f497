package i18n

// enImport holds the words of keys_import.go.
var enImport map[Key]string

func enImportTable() map[Key]string {
	return map[Key]string{
		ImportCompanyCard:        "a company card (%s), not a person",
		ImportNoName:             "no name",
		ImportNameTooLong:        "a name of %d characters, more than the %d a name may have",
		ImportNoteTooLong:        "a note of %d KiB, more than the %d KiB a note may hold",
		ImportRecordTooLong:      "details of %d KiB, more than the %d KiB a client may hold",
		ImportNoNameEmail:        "no name (only the e-mail %s)",
		ImportNoNamePhone:        "no name (only the phone %s)",
		ImportInvalid:            "%s",
		ImportLunarDateNotDate:   "lunar date \"%s\" is not a date; kept in a note",
		ImportLunarBirthNotDate:  "lunar birthday \"%s\" is not a date; kept in a note",
		ImportDateNotDate:        "%s \"%s\" is not a date; kept in a note",
		ImportBirthPartsNotDate:  "birth year, month and day \"%s\" are not a date; kept in a note",
		ImportNoContact:          "does not accept being contacted (%s); imported as do-not-contact",
		ImportExtraCells:         "more cells than the header has; kept in a note",
		ImportControlChars:       "%d field(s) held control characters (a terminal would obey them); kept with each shown as a visible symbol (␛ for ESC)",
		ImportPhoneMangled:       "phone \"%s\" was turned into a number by a spreadsheet (its last digits are lost); left out, fix it in the file",
		ImportPhoneNotNumber:     "phone \"%s\" is not a number; left out",
		ImportPhoneNotValid:      "phone \"%s\" is not a valid +%s number; kept as typed: check its digits",
		ImportPhoneNeedsCountry:  "phone \"%s\" has no country code and is not a valid number in this book's country (+%s); kept as typed: if it is another country's, edit it with + and its country code",
		ImportEmailNotAddress:    "e-mail \"%s\" is not an address; kept in a note",
		ImportSecondBirthday:     "a second birthday %s differs from %s; kept the first",
		ImportSharesKeyInFile:    "shares %s with line %d (%s) but not the name; kept apart",
		ImportSharesKeyInBook:    "shares a phone or e-mail with %s but not the name; added as a new client",
		ImportSeveralClients:     "matches several clients: %s; merge them in the book first, or fix the file",
		ImportNotCharsetText:     "not %s text",
		ImportNotText:            "not a text file",
		ImportTextOutsideCard:    "text outside a card (no BEGIN:VCARD before it); skipped",
		ImportNotProperty:        "not a property (%s); line skipped",
		ImportValueTooLong:       "a %s of %d KiB, more than the %d KiB a value may hold; left out",
		ImportCardNotEnded:       "card not ended before the BEGIN:VCARD on line %d; skipped",
		ImportFileEndsInsideCard: "the file ends inside this card (no END:VCARD); skipped",
	}
}

func initImportEn1() {
	for k, s := range enImport {
		en[k] = s
	}
	for k, s := range zhImport {
		zh[k] = s
	}
}
