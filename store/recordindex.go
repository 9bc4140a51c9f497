package store

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
	bolt "go.etcd.io/bbolt"
)

// The record indexes: the lookups every write keeps beside its records
// (a note's id and time, a purchase's id, a task's client and origin, an
// appointment's start and client, a request's client and openness, a
// client's phones and cards). Each is made from its records alone, so
// check compares it entry by entry in both directions (every entry the
// records make is there with its value; every entry there is made by a
// record) with memory bounded whatever the size of the book, and check
// --repair writes afresh each one that differs.

// recordIndex is one record index: each calls put with every entry its
// records make (records that do not decode are skipped: check names them
// already); made reports whether the entry k, v is one a record of the
// book makes (a record that does not decode counts as making it, for the
// same reason); what names the entry by its ids (check's wording of the
// line is its code in the catalog).
type recordIndex struct {
	name []byte
	from [][]byte // the buckets it is made from
	each func(tx *bolt.Tx, put func(k, v []byte)) error
	made func(tx *bolt.Tx, k, v []byte) bool
	what func(k, v []byte) string
	// empty: the entries hold no value (the key says it all).
	empty bool
}

// cut splits an index key "a 0x00 b"; ok is false without a separator.
func cut(k []byte) (a, b []byte, ok bool) { return bytes.Cut(k, []byte{0}) }

// eachRecord calls fn with every record of bucket name, skipping the
// records that do not decode.
func eachRecord[T any](tx *bolt.Tx, name []byte, fn func(k []byte, r *T)) error {
	return tx.Bucket(name).ForEach(func(k, v []byte) error {
		var r T
		if unmarshalRecord(v, &r) == nil {
			fn(k, &r)
		}
		return nil
	})
}

// recordOf decodes the record id of bucket name: ok is false when it is
// not there, sound is false when it is there and does not decode.
func recordOf[T any](tx *bolt.Tx, name, id []byte) (r T, ok, sound bool) {
	v := tx.Bucket(name).Get(id)
	if v == nil {
		return r, false, false
	}
	return r, true, unmarshalRecord(v, &r) == nil
}

// summaryHolds reports whether the summary of client id lists n among
// what list picks; a summary that does not decode holds everything.
func summaryHolds(tx *bolt.Tx, id, n []byte, list func(*profile.Summary) []string) bool {
	raw := tx.Bucket(bSummaries).Get(id)
	if raw == nil {
		return false
	}
	var s profile.Summary
	if decodeSummary(raw, &s, nil) != nil {
		return true
	}
	return slices.Contains(list(&s), string(n))
}

// eachSummaryList puts "item 0x00 client id" for every item of every
// summary's list (each once).
func eachSummaryList(list func(*profile.Summary) []string) func(tx *bolt.Tx, put func(k, v []byte)) error {
	return func(tx *bolt.Tx, put func(k, v []byte)) error {
		var s profile.Summary
		return tx.Bucket(bSummaries).ForEach(func(k, v []byte) error {
			s = profile.Summary{}
			if decodeSummary(v, &s, nil) != nil {
				return nil
			}
			items := slices.Clone(list(&s))
			slices.Sort(items)
			for _, n := range slices.Compact(items) {
				put(join([]byte(n), k), nil)
			}
			return nil
		})
	}
}

func phonesOf(s *profile.Summary) []string { return s.Phones }
func cardsOf(s *profile.Summary) []string  { return s.Cards }

// ruled reports whether a task's origin is a rule's (indexed), not a
// manual task's.
func ruled(t *tasks.Task) bool { return t.Origin != "" && t.Origin != "manual" }

var recordIndexes = []recordIndex{
	{
		name: bPhones, empty: true, from: [][]byte{bSummaries},
		each: eachSummaryList(phonesOf),
		made: func(tx *bolt.Tx, k, _ []byte) bool {
			n, id, ok := cut(k)
			return ok && summaryHolds(tx, id, n, phonesOf)
		},
		what: func(k, _ []byte) string { n, id, _ := cut(k); return fmt.Sprintf("%s (%s)", n, id) },
	},
	{
		name: bCards, empty: true, from: [][]byte{bSummaries},
		each: eachSummaryList(cardsOf),
		made: func(tx *bolt.Tx, k, _ []byte) bool {
			n, id, ok := cut(k)
			return ok && summaryHolds(tx, id, n, cardsOf)
		},
		what: func(k, _ []byte) string { n, id, _ := cut(k); return fmt.Sprintf("%s (%s)", n, id) },
	},
	{
		// note id -> the note's key (client 0x00 time id)
		name: bNoteIDs, from: [][]byte{bNotes},
		each: func(tx *bolt.Tx, put func(k, v []byte)) error {
			return tx.Bucket(bNotes).ForEach(func(k, _ []byte) error {
				if _, rest, ok := cut(k); ok && len(rest) > 8 {
					put(rest[8:], k)
				}
				return nil
			})
		},
		made: func(tx *bolt.Tx, k, v []byte) bool {
			_, rest, ok := cut(v)
			return ok && len(rest) > 8 && bytes.Equal(rest[8:], k) && tx.Bucket(bNotes).Get(v) != nil
		},
		what: func(k, _ []byte) string { return string(k) },
	},
	{
		// time id -> client
		name: bNoteTime, from: [][]byte{bNotes},
		each: func(tx *bolt.Tx, put func(k, v []byte)) error {
			return tx.Bucket(bNotes).ForEach(func(k, _ []byte) error {
				if client, rest, ok := cut(k); ok && len(rest) > 8 {
					put(rest, client)
				}
				return nil
			})
		},
		made: func(tx *bolt.Tx, k, v []byte) bool { return len(k) > 8 && tx.Bucket(bNotes).Get(join(v, k)) != nil },
		what: func(k, v []byte) string {
			if len(k) < 8 {
				return fmt.Sprintf("%x", k)
			}
			return fmt.Sprintf("%s (%s)", k[8:], v)
		},
	},
	{
		// purchase id -> the purchase's key (client 0x00 day id)
		name: bPurchaseIDs, from: [][]byte{bPurchases},
		each: func(tx *bolt.Tx, put func(k, v []byte)) error {
			return tx.Bucket(bPurchases).ForEach(func(k, _ []byte) error {
				if _, rest, ok := cut(k); ok && len(rest) > 4 {
					put(rest[4:], k)
				}
				return nil
			})
		},
		made: func(tx *bolt.Tx, k, v []byte) bool {
			_, rest, ok := cut(v)
			return ok && len(rest) > 4 && bytes.Equal(rest[4:], k) && tx.Bucket(bPurchases).Get(v) != nil
		},
		what: func(k, _ []byte) string { return string(k) },
	},
	{
		// client 0x00 task id
		name: bTaskClient, empty: true, from: [][]byte{bTasks},
		each: func(tx *bolt.Tx, put func(k, v []byte)) error {
			return eachRecord(tx, bTasks, func(k []byte, t *tasks.Task) {
				if t.ClientID != "" {
					put(join([]byte(t.ClientID), k), nil)
				}
			})
		},
		made: func(tx *bolt.Tx, k, _ []byte) bool {
			client, id, ok := cut(k)
			t, there, sound := recordOf[tasks.Task](tx, bTasks, id)
			return ok && there && (!sound || t.ClientID == string(client))
		},
		what: func(k, _ []byte) string { c, id, _ := cut(k); return fmt.Sprintf("%s (%s)", id, c) },
	},
	{
		// a rule's origin -> task id
		name: bTaskOrigin, from: [][]byte{bTasks},
		each: func(tx *bolt.Tx, put func(k, v []byte)) error {
			return eachRecord(tx, bTasks, func(k []byte, t *tasks.Task) {
				if ruled(t) {
					put([]byte(t.Origin), k)
				}
			})
		},
		made: func(tx *bolt.Tx, k, v []byte) bool {
			t, there, sound := recordOf[tasks.Task](tx, bTasks, v)
			return there && (!sound || t.Origin == string(k))
		},
		what: func(k, v []byte) string { return fmt.Sprintf("%s (%s)", k, v) },
	},
	{
		// start (unix seconds) id
		name: bApptStart, empty: true, from: [][]byte{bAppts},
		each: func(tx *bolt.Tx, put func(k, v []byte)) error {
			return eachRecord(tx, bAppts, func(_ []byte, a *visits.Appointment) { put(apptStartKey(a.Start, a.ID), nil) })
		},
		made: func(tx *bolt.Tx, k, _ []byte) bool {
			if len(k) <= 8 {
				return false
			}
			a, there, sound := recordOf[visits.Appointment](tx, bAppts, k[8:])
			return there && (!sound || bytes.Equal(apptStartKey(a.Start, a.ID), k))
		},
		what: func(k, _ []byte) string {
			if len(k) <= 8 {
				return fmt.Sprintf("%x", k)
			}
			return string(k[8:])
		},
	},
	{
		name: bApptClient, empty: true, from: [][]byte{bAppts},
		each: func(tx *bolt.Tx, put func(k, v []byte)) error {
			return eachRecord(tx, bAppts, func(k []byte, a *visits.Appointment) { put(join([]byte(a.ClientID), k), nil) })
		},
		made: func(tx *bolt.Tx, k, _ []byte) bool {
			client, id, ok := cut(k)
			a, there, sound := recordOf[visits.Appointment](tx, bAppts, id)
			return ok && there && (!sound || a.ClientID == string(client))
		},
		what: func(k, _ []byte) string { c, id, _ := cut(k); return fmt.Sprintf("%s (%s)", id, c) },
	},
	{
		name: bReqClient, empty: true, from: [][]byte{bRequests},
		each: func(tx *bolt.Tx, put func(k, v []byte)) error {
			return eachRecord(tx, bRequests, func(k []byte, r *requests.Request) { put(join([]byte(r.ClientID), k), nil) })
		},
		made: func(tx *bolt.Tx, k, _ []byte) bool {
			client, id, ok := cut(k)
			r, there, sound := recordOf[requests.Request](tx, bRequests, id)
			return ok && there && (!sound || r.ClientID == string(client))
		},
		what: func(k, _ []byte) string { c, id, _ := cut(k); return fmt.Sprintf("%s (%s)", id, c) },
	},
	{
		// the open requests' ids
		name: bReqOpen, empty: true, from: [][]byte{bRequests},
		each: func(tx *bolt.Tx, put func(k, v []byte)) error {
			return eachRecord(tx, bRequests, func(k []byte, r *requests.Request) {
				if r.IsOpen() {
					put(k, nil)
				}
			})
		},
		made: func(tx *bolt.Tx, k, _ []byte) bool {
			r, there, sound := recordOf[requests.Request](tx, bRequests, k)
			return there && (!sound || r.IsOpen())
		},
		what: func(k, _ []byte) string { return string(k) },
	},
	doneIndex, // the tasks done, by when (taskdone.go)
}

// usable reports whether the index and what it is made from are in the
// book (a book from an earlier release may lack one: its writable open
// adds it).
func (ix *recordIndex) usable(tx *bolt.Tx) bool {
	if tx.Bucket(ix.name) == nil {
		return false
	}
	for _, name := range ix.from {
		if tx.Bucket(name) == nil {
			return false
		}
	}
	return true
}

// compare calls say with each difference between the index and its
// records (up to most of them) and returns how many there are.
func (ix *recordIndex) compare(tx *bolt.Tx, most int, say func(format string, args ...any)) (int, error) {
	bk := tx.Bucket(ix.name)
	bad := 0
	problem := say
	say = func(format string, args ...any) {
		if bad++; bad <= most {
			problem(format, args...)
		}
	}
	c := bk.Cursor()
	err := ix.each(tx, func(k, v []byte) {
		got, gv := c.Seek(k)
		switch {
		case !bytes.Equal(got, k):
			say("%s: the entry %s is not in the index (check --repair writes it)", ix.name, ix.what(k, v))
		case !bytes.Equal(gv, v) && (ix.empty || !ix.made(tx, got, gv)):
			say("%s: the entry %s holds %s, its record makes %s (check --repair writes it)", ix.name, ix.what(k, v), strconv.Quote(string(gv)), strconv.Quote(string(v)))
		}
	})
	if err != nil {
		return bad, err
	}
	err = bk.ForEach(func(k, v []byte) error {
		if ix.empty && len(v) > 0 {
			return nil // said above: its record makes it without a value
		}
		if !ix.made(tx, k, v) {
			say("%s: the entry %s points at no record that makes it (check --repair drops it)", ix.name, ix.what(k, v))
		}
		return nil
	})
	return bad, err
}

// checkRecordIndexes reports where the record indexes and their records
// differ.
func checkRecordIndexes(tx *bolt.Tx, rep *Report) {
	const most = 10 // an index's differences named, then a count
	for i := range recordIndexes {
		ix := &recordIndexes[i]
		if !ix.usable(tx) {
			continue
		}
		bad, err := ix.compare(tx, most, rep.problem)
		if err != nil {
			rep.problem("%s: cannot be compared with its records: %v", ix.name, err)
		}
		if bad > most {
			rep.problem("%s: %d entries differ from the records in all (check --repair writes it afresh)", ix.name, bad)
		}
	}
}

// repairRecordIndexes writes afresh, from their records, the record
// indexes that differ from them.
func repairRecordIndexes(tx *bolt.Tx) error {
	for i := range recordIndexes {
		ix := &recordIndexes[i]
		if tx.Bucket(ix.name) == nil {
			continue // the writable open creates and fills it
		}
		if !ix.usable(tx) {
			continue
		}
		bad, err := ix.compare(tx, 0, func(string, ...any) {})
		if err != nil {
			return err
		}
		if bad == 0 {
			continue
		}
		var want []kv
		if err := ix.each(tx, func(k, v []byte) { want = append(want, kv{slices.Clone(k), slices.Clone(v)}) }); err != nil {
			return err
		}
		if err := tx.DeleteBucket(ix.name); err != nil {
			return err
		}
		bk, err := tx.CreateBucket(ix.name)
		if err != nil {
			return err
		}
		slices.SortStableFunc(want, func(a, b kv) int { return bytes.Compare(a.k, b.k) })
		want = slices.CompactFunc(want, func(a, b kv) bool { return bytes.Equal(a.k, b.k) })
		if err := putAllSorted(bulkPut{bk, want}); err != nil {
			return err
		}
	}
	return nil
}
