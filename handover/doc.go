// Package handover passes clients from one associate's book to another's
// with their whole history: the bundle format, the export that writes a
// bundle and marks the clients in the giving book, and the import that
// matches the bundle's clients with those of the receiving book and merges
// them in one transaction.
//
// It exists because a book must travel (an associate leaves, moves store or
// changes shift) and a copy of the book file cannot do it: the file keeps
// deleted data, holds every client rather than those handed over, and
// cannot be merged into a book that already knows some of the clients.
//
// # Export
//
// Export reads the chosen clients in one write transaction, writes the
// bundle next to the target file and renames it into place, and marks each
// client in the giving book: HandedOver records to whom and when (the
// client's status becomes profile.HandedOver), the owner trail closes the
// giver's period and opens the receiver's, and the client's open tasks are
// cancelled with a note saying to whom they went (they travel in the
// bundle). With Release the clients leave the book instead: everything it
// holds about them is removed (store.Tx.ReleaseClient, as an erasure but
// with no tombstone) and the file is compacted, so no byte of them is left;
// the book keeps only a store.HandoverLine (when, to whom, how many, the
// bundle's id). Private notes (notes.Note.Private) are the associate's own:
// they never go into a bundle, and an import leaves out any it finds. If
// the bundle cannot be written the book is left as it was, and the other
// way round.
//
// # Import
//
// Import runs in one write transaction of the receiving book and reports
// what it did, client by client; the caller commits (Apply) or rolls back
// (Preview, a dry run that shows exactly what Apply would do); ApplyFile
// imports while the bundle is still being decrypted and read, and commits
// only once all of it has been read and found sound. A client of the bundle
// is matched with one of the book: first by its id in the giving book when
// this book holds that id under an agreeing name (merge.NamesAgree: the
// client came from here, or came before; an id merged away here stands for
// the client it went into, and is never given to a new client), then by package merge: normalised
// phone or e-mail (under an agreeing name: a couple's home phone is two
// clients), name with birthday. Two clients of one bundle are two
// people in the giving book and never merge into one: a client whose match
// another client of the bundle took is added (the report names the client
// it resembles). A matched client is
// merged field by field (merge.Profiles: the profile updated last wins a
// conflicting field and the other value is kept in the History; a general
// note lists the replaced values so the client's timeline shows them); an
// unmatched one is added, keeping its id when the book has no client with
// it. An archived or handed-over client of the book that comes back is
// active again. Notes, purchases, appointments and requests are united by
// their ids; open tasks are added assigned to the receiving associate (a
// rule task's origin is rewritten to the client's id in this book, so the
// rules never make it twice), a request the bundle shows further along
// (sourcing, fulfilled) takes the bundle's state, and a task the book holds
// closed since before the bundle was made is reopened as the bundle has it.
// The owner trail gains the receiving associate, and each received client
// who may be contacted gets an "introduce yourself" task (tasks.Introduce)
// due within IntroduceDays, unless they have one here already, open or
// done (a second bundle adds none; the giver's own does not travel); do-not-contact travels with the client and
// cancels their contact tasks. Import does not call the book's rule hooks:
// the bundle's history is history (an imported purchase does not start a
// second thank-you rhythm), so open the book without them.
//
// Importing the same bundle again changes nothing: records are found by id,
// the introduce task by its origin ("handover:BUNDLE:CLIENT"), a value that
// lost a conflict is already in the History, and a profile that the merge
// leaves equal is not rewritten.
//
// # The bundle format, version 1
//
// A bundle file is an age file (https://age-encryption.org/v1) encrypted to
// one scrypt recipient, the passphrase the two associates share. age
// authenticates every 64 KiB chunk and the end of the stream, so a
// truncated or altered file, or a wrong passphrase, is refused before
// anything is imported.
//
// The plaintext is UTF-8 JSON, one record per line ("JSON Lines"). Each
// record is an object with exactly one member, whose name is the record's
// type:
//
//	{"header": {...}}        first record, exactly once
//	{"client": {...}}        a profile; the records of that client follow it
//	{"note": {...}}          a note of the preceding client
//	{"purchase": {...}}      a purchase of the preceding client
//	{"task": {...}}          an open (or snoozed) task of the preceding client
//	{"appointment": {...}}   an appointment of the preceding client
//	{"request": {...}}       a special request of the preceding client
//	{"end": {...}}           last record, exactly once: the counts
//
// header: "format" is "vipbook-handover"; "version" is 1 (a reader refuses
// a version it does not know); "id" is a random identifier of the bundle;
// "from" is {"associate", "store"} of the giving book; "to" is the receiving
// associate's name as the giver typed it (may be empty); "created" is the
// RFC 3339 time of the export; "currency" (ISO 4217) and "country_code" (the
// calling code assumed for phones typed without one) are the giving book's;
// "clients" is the number of client records; "released" says whether the
// giver archived them.
//
// client: the JSON form of profile.Profile: "id" (the client's id in the
// giving book), "name", "latin_name", "honorific", "gender", "phones"
// [{"number", "label"}], "email", "wechat", "channel", "best_time",
// "consent" {"do_not_contact", "recorded_at", "how"}, "home_store", "city",
// "district", "country", "occupation", "hobbies", "household", "why_brand",
// "dislikes", "gift_prefs", "motivator", "share_of_wallet", "sizes",
// "preferences", "made_to_order", "dates" (important dates, lunar ones with
// "lunar" and "leap_month"), "special" (the special-person flags), "tier",
// "referred_by" (a client id in the giving book), "tags", "created",
// "updated", "owners" (the owner trail: [{"associate", "store", "from",
// "to"}], the giver's period closed and the receiver's opened at the
// export) and "history" (replaced values: [{"field", "old", "new", "at",
// "source"}]). "handed_over" is never set in a bundle.
//
// note, purchase, task, appointment, request: the JSON forms of
// notes.Note, profile.Purchase (amounts in minor units), tasks.Task,
// visits.Appointment and requests.Request. Each carries "client_id", which
// must be the id of the client record it follows, and its own "id".
//
// end: {"clients", "notes", "purchases", "tasks", "appointments",
// "requests"}, the number of records of each type, which a reader checks.
// Nothing follows it.
//
// Unknown members of a record are ignored (a later version 1 writer may add
// fields); an unknown record type, a record out of place, a count that does
// not match, or a record that fails its own validation makes the whole
// bundle refused with ErrDamaged.
package handover
