package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
	bolt "go.etcd.io/bbolt"
)

// Salvaged says what SalvageClients did for one damaged client's record:
// put back from the backup From (a file among Copies), or, with From "",
// left damaged because no copy holds a sound record of the client.
type Salvaged struct {
	ID   string
	Name string // as the copy names the client; "" when none was found
	// Kind is what was damaged: "client" (the client's record), or one of
	// the client's records: "note", "purchase", "task", "appointment",
	// "request", whose id is Record.
	Kind   string
	Record string
	From   string
	// Day is when the copy was written (its file's time): the client's
	// record is as it was then.
	Day time.Time
}

// SalvageClients finds the clients of the book at path whose record is
// damaged (its seal does not match, or it does not decode) and puts back
// each one's record from the newest of the book's copies (Copies: the
// backups, the books restore kept) that holds a sound record of that
// client, with its summary written afresh from it; the other clients are
// not touched. It is for `vipbook check --repair`: the client is as the
// backup has them, and what changed since is lost for that client only.
// A client no copy holds soundly is reported with From "". The same goes
// for each of the clients' notes, purchases, tasks, appointments and
// requests found damaged (Kind, Record): the record is put back from the
// newest copy holding a sound one, with the indexes that follow its
// fields (a task's due day, an appointment's start, a request's being
// open); the others are not touched. The indexes
// kept on write (search, value, brief, the spend ranking) are not
// rewritten here: the caller rebuilds them afterwards (RepairIndexes), as
// `check --repair` does. A book another vipbook holds is waited for as
// every write waits (AppWait); waiting, when given, is called once the
// first try failed, so the command says for what.
func SalvageClients(path string, waiting ...func()) ([]Salvaged, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrNoBook, path)
	}
	if err := regularFile(path, st); err != nil {
		return nil, err
	}
	db, err := waitOpen(path, &bolt.Options{Timeout: OpenTimeout, FreelistType: bolt.FreelistMapType}, firstOf(waiting), 0)
	if err != nil {
		return nil, openErr(path, err)
	}
	defer db.Close()
	var damaged []string
	var recs []damagedRecord
	err = guarded(func() error {
		return db.View(func(tx *bolt.Tx) error {
			cb := tx.Bucket(bClients)
			if cb == nil {
				return fmt.Errorf("%w: %s", ErrNotBook, path)
			}
			if err := cb.ForEach(func(k, v []byte) error {
				if body, err := unseal(v); err != nil || !json.Valid(body) {
					damaged = append(damaged, string(k))
				}
				return nil
			}); err != nil {
				return err
			}
			recs = damagedRecords(tx)
			return nil
		})
	})
	if err != nil || len(damaged)+len(recs) == 0 {
		return nil, err
	}

	found := map[string][]byte{}
	out := make([]Salvaged, len(damaged))
	for i, id := range damaged {
		out[i].ID, out[i].Kind = id, "client"
	}
	for _, c := range newestFirst(Copies(path)) {
		cst, err := os.Stat(c)
		if err != nil {
			continue
		}
		cdb, err := guardedOpen(c, &bolt.Options{ReadOnly: true, Timeout: OpenTimeout})
		if err != nil {
			continue // a copy that does not open is passed over
		}
		_ = guarded(func() error {
			return cdb.View(func(tx *bolt.Tx) error {
				for i := range recs {
					recs[i].lookIn(tx, c, cst.ModTime())
				}
				cb := tx.Bucket(bClients)
				if cb == nil {
					return nil
				}
				for i := range out {
					if found[out[i].ID] != nil {
						continue
					}
					body, err := unseal(cb.Get([]byte(out[i].ID)))
					var p profile.Profile
					if err != nil || body == nil || json.Unmarshal(body, &p) != nil {
						continue
					}
					found[out[i].ID] = append([]byte(nil), body...)
					out[i].Name, out[i].From, out[i].Day = p.Name, c, cst.ModTime()
				}
				return nil
			})
		})
		cdb.Close()
	}
	said := func() []Salvaged {
		for _, r := range recs {
			out = append(out, Salvaged{ID: r.client, Name: r.name, Kind: r.kind, Record: r.id, From: r.from, Day: r.day})
		}
		return out
	}
	if len(found) == 0 && !slices.ContainsFunc(recs, func(r damagedRecord) bool { return r.body != nil }) {
		return said(), nil
	}
	err = writeErr(guarded(func() error {
		return db.Update(func(tx *bolt.Tx) error {
			for i := range recs {
				if err := recs[i].followMerge(tx); err != nil {
					return err
				}
				if err := recs[i].putBack(tx); err != nil {
					return err
				}
			}
			var meta Meta
			if raw := tx.Bucket(bMeta).Get(kBook); raw != nil {
				if err := json.Unmarshal(raw, &meta); err != nil {
					return err
				}
			}
			cb, sb := tx.Bucket(bClients), tx.Bucket(bSummaries)
			for id, body := range found {
				var p profile.Profile
				if err := json.Unmarshal(body, &p); err != nil {
					return err
				}
				if err := cb.Put([]byte(id), seal(body)); err != nil {
					return err
				}
				// The summary follows the record put back; what notes and
				// purchases gave it is kept when it still decodes.
				var s profile.Summary
				if raw := sb.Get([]byte(id)); raw == nil || decodeSummary(raw, &s, nil) != nil {
					s = profile.Summary{}
				}
				s.Refresh(&p, meta.CountryCode)
				s.SearchKeys = search.Keys(p.Name + " " + p.LatinName)
				if err := sb.Put([]byte(id), encodeSummary(&s)); err != nil {
					return err
				}
			}
			return nil
		})
	}))
	if err != nil {
		return nil, err
	}
	return said(), nil
}

// damagedRecord is a client's note, purchase, task, appointment or
// request found damaged, and the sound copy found for it (body, from
// the copy from, written on day).
type damagedRecord struct {
	bucket, key      []byte
	kind, id, client string
	name             string // the client's name, as the book's summary has it
	body             []byte
	from             string
	day              time.Time
}

// damagedRecords lists the records of the clients (every bucket of
// sealedBuckets but the clients') whose seal does not match or that do
// not decode.
func damagedRecords(tx *bolt.Tx) []damagedRecord {
	var out []damagedRecord
	for _, name := range sealedBuckets[1:] {
		bk := tx.Bucket(name)
		if bk == nil {
			continue
		}
		_ = bk.ForEach(func(k, v []byte) error {
			if body, err := unseal(v); err == nil && json.Valid(body) {
				return nil
			}
			kind := recordKind(name)
			id, client := recordNames(kind, k, v)
			r := damagedRecord{bucket: name, key: bytes.Clone(k), kind: kind, id: id, client: client}
			if cn := clientName(tx, []byte(client)); cn != "" {
				r.name = cn[2 : len(cn)-1] // " (name)"
			}
			out = append(out, r)
			return nil
		})
	}
	return out
}

// lookIn takes the record's sound copy from the copy open in tx (the
// file c, written on day), unless one was found in a newer copy.
func (r *damagedRecord) lookIn(tx *bolt.Tx, c string, day time.Time) {
	if r.body != nil {
		return
	}
	bk := tx.Bucket(r.bucket)
	if bk == nil {
		return
	}
	body, err := unseal(bk.Get(r.key))
	if err != nil || body == nil || !json.Valid(body) {
		return
	}
	r.body, r.from, r.day = bytes.Clone(body), c, day
	if id, client := recordNames(r.kind, r.key, body); id != "" {
		r.id, r.client = id, client
	}
}

// followMerge gives a task, appointment or request found in a copy
// written before its client was merged into another (MergeClients) the
// client it has now: the copy names the client merged away, an alias in
// the book, and the record put back would belong to nobody.
func (r *damagedRecord) followMerge(tx *bolt.Tx) error {
	if r.body == nil || r.kind == "note" || r.kind == "purchase" {
		return nil // a note's or purchase's key holds its client
	}
	ab := tx.Bucket(bAliases)
	if ab == nil {
		return nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(r.body, &fields); err != nil {
		return err
	}
	var client string
	if json.Unmarshal(fields["client_id"], &client) != nil || client == "" {
		return nil
	}
	to := ab.Get([]byte(client))
	if to == nil {
		return nil
	}
	fields["client_id"], _ = json.Marshal(string(to))
	body, err := json.Marshal(fields)
	if err != nil {
		return err
	}
	r.body, r.client = body, string(to)
	if cn := clientName(tx, to); cn != "" {
		r.name = cn[2 : len(cn)-1]
	}
	return nil
}

// putBack writes the sound copy found (if any) in the record's place,
// sealed, and brings the indexes that follow its fields (a task's due
// day, an appointment's start, a request's being open) in line with it.
func (r *damagedRecord) putBack(tx *bolt.Tx) error {
	if r.body == nil {
		return nil
	}
	if err := tx.Bucket(r.bucket).Put(r.key, seal(r.body)); err != nil {
		return err
	}
	// dropIndexed deletes the entries of index whose key ends with the
	// record's id after at most head bytes (its due day, start or time
	// done before it, unknown here).
	dropIndexed := func(index []byte, head int) error {
		bk := tx.Bucket(index)
		if bk == nil {
			return nil
		}
		var stale [][]byte
		_ = bk.ForEach(func(k, _ []byte) error {
			if len(k) > len(r.key) && bytes.HasSuffix(k, r.key) && len(k)-len(r.key) <= head {
				stale = append(stale, bytes.Clone(k))
			}
			return nil
		})
		for _, k := range stale {
			if err := bk.Delete(k); err != nil {
				return err
			}
		}
		return nil
	}
	switch r.kind {
	case "task":
		var t tasks.Task
		if err := json.Unmarshal(r.body, &t); err != nil {
			return err
		}
		if err := dropIndexed(bTaskDue, 8); err != nil {
			return err
		}
		if err := dropIndexed(bTaskDone, doneKeyLen); err != nil {
			return err
		}
		if isDone(&t) && tx.Bucket(bTaskDone) != nil {
			if err := tx.Bucket(bTaskDone).Put(taskDoneKey(&t), nil); err != nil {
				return err
			}
		}
		if t.IsOpen() {
			return tx.Bucket(bTaskDue).Put(dueKey(&t), dueValue(&t))
		}
	case "appointment":
		var a visits.Appointment
		if err := json.Unmarshal(r.body, &a); err != nil {
			return err
		}
		if err := dropIndexed(bApptStart, 8); err != nil {
			return err
		}
		return tx.Bucket(bApptStart).Put(apptStartKey(a.Start, a.ID), nil)
	case "request":
		var q requests.Request
		if err := json.Unmarshal(r.body, &q); err != nil {
			return err
		}
		if open := tx.Bucket(bReqOpen); open != nil {
			if q.IsOpen() {
				return open.Put(r.key, nil)
			}
			return open.Delete(r.key)
		}
	}
	return nil
}

// newestFirst orders files by their modification time, the newest first.
func newestFirst(paths []string) []string {
	when := make(map[string]time.Time, len(paths))
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil {
			when[p] = st.ModTime()
		}
	}
	out := slices.Clone(paths)
	slices.SortStableFunc(out, func(a, b string) int { return when[b].Compare(when[a]) })
	return out
}
