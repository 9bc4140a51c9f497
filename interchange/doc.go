// Package interchange moves clients between the book and the files other
// programs write and read: it imports the contact lists an associate
// arrives with (a phone's vCards, a mail program's or a shop's CSV export)
// and exports the book as vCard 3.0, CSV, JSON and iCalendar.
//
// It exists so that a book never starts empty and never stays locked in:
// the old phone full of clients becomes the book in one step, and what the
// book knows can go to a phone, a spreadsheet or a calendar.
//
// Reading happens in three pure steps and one write:
//
//  1. Parse reads a file (the syntax is in the subpackages vcard and sheet,
//     the encoding in textenc) into Records: profiles with the line they
//     came from, and the reasons records were skipped.
//  2. Plan matches each record against the book with package merge (the
//     same rule as a handover, made strict for files from outside: a
//     shared phone or e-mail counts only under a name that agrees, then a
//     name with its birthday, then a bare name), after the records of the
//     file that are one person were merged the same way, and says what
//     would happen: new, merged (with the fields that change), unchanged,
//     skipped. A dry run stops here.
//  3. Apply carries the plan out in the caller's one store transaction:
//     all of it lands or none.
//
// A merge (merge.Profiles) loses nothing: lists are united, a field whose
// values differ takes the newer one and the other goes to the profile's
// history, notes arrive once, and do-not-contact is never lifted by a file
// (a file does not say when its answer was given, so the wish stands).
// Importing the same file twice changes nothing the second time.
//
// The encoding of a file is detected (textenc.Detect: UTF-8/16, GB18030,
// Big5, Shift_JIS, EUC-KR, Windows-1252) with a confidence; a caller
// refuses to write on an unsure guess (Source.EncodingUnsure) until the
// encoding is named (ParseOptions.Encoding).
//
// Exports (WriteVCard, WriteCSV, WriteJSON, WriteICS) render what Collect
// gathered from the book; files are written 0600 by the caller. Each is
// checked by the programs people read them with (ical.js, khal, khard) in
// the tests. vipbook's JSON export reads back whole (ReadJSON,
// Export.Bundle: a handover of one's own clients), losing nothing; what
// vCard and CSV keep is listed in the README.
package interchange
