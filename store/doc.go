// Package store owns the book file: the one bbolt database per associate.
// It is the only package that imports bbolt. It knows the buckets, the key
// encoding, the schema version and the transaction rules (bytes read from
// bbolt are valid only inside their transaction, so everything is decoded
// there), and it keeps the indexes and the per-client Summary up to date on
// every write so that lists and the briefing never decode whole profiles.
//
// Layout (bucket: key -> value):
//
//	meta:        "schema" -> decimal version; "book" -> JSON Meta
//	clients:     client id -> JSON profile.Profile
//	summaries:   client id -> binary profile.Summary (see codec.go)
//	phones:      normalised phone 0x00 client id -> empty
//	notes:       client id 0x00 time(8, big endian ns) note id -> JSON notes.Note
//	notetime:    time(8) note id -> client id (notes by time, newest last)
//	noteids:     note id -> key in notes
//	purchases:   client id 0x00 date(4) purchase id -> JSON profile.Purchase
//	purchaseids: purchase id -> key in purchases
//	tasks:       task id -> JSON tasks.Task
//	taskdue:     due date(4) task id -> empty, open and snoozed tasks only
//	taskclient:  client id 0x00 task id -> empty
//	taskorigin:  origin -> task id (a rule never creates a task twice)
//	appts:       appointment id -> JSON visits.Appointment
//	apptstart:   start(8, unix seconds) appointment id -> empty
//	apptclient:  client id 0x00 appointment id -> empty
//	requests:    request id -> JSON requests.Request
//	reqclient:   client id 0x00 request id -> empty
//	drafts:      draft key -> JSON Draft
//	rulestate:   rule key -> the small state a follow-up rule keeps (opaque)
//
// Every write runs in one bbolt transaction: a failed write leaves the book
// as it was.
package store
