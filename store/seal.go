package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"sync"

	bolt "go.etcd.io/bbolt"
)

// bbolt keeps no checksums of its pages, so a flipped byte inside a
// client's record can still read as a record (a digit of a phone, a letter
// of a note): wrong data, shown and copied into backups as if sound. Each
// client's record (the profile, in the clients bucket), and each of a
// client's notes, purchases, tasks, appointments and requests
// (sealedBuckets), therefore carries a checksum of its own: the JSON, then
// a seal of sealLen bytes, a 0x00, 'c' and the CRC-32C (Castagnoli) of the
// JSON, big-endian. JSON never holds a raw 0x00, so a record without a
// seal (written before seals, by an older vipbook) is told from a sealed
// one and read as before; the next writable open seals every record of
// such a book (sealClients).
//
// A read of a record whose seal does not match fails as damage naming the
// client (ClientDamagedError) or the record and its client
// (RecordDamagedError); the others read as before. vipbook check reports
// each such record, and check --repair puts it back from the newest backup
// holding a sound copy (SalvageClients).

// sealLen is the length of a record's seal.
const sealLen = 6

// SealRoom is the room a record's JSON given to ImportNotesJSON or
// ImportPurchasesJSON may leave past its length (in its capacity) for the
// store to write the record's seal there, in place, instead of copying
// the record (a handover import keeps 30 MB less live).
const SealRoom = sealLen

// castagnoli is the seal's CRC table, made on first use: making it costs
// about 0.3 ms, which every process, even --version, paid in init.
var castagnoli = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

// errBadSeal is a record whose checksum does not match its bytes.
var errBadSeal = fmt.Errorf("%w (its checksum does not match)", errBadRecord)

// kSealed is the meta key saying every client's record is sealed.
var kSealed = []byte("sealed")

// seal returns raw (a record's JSON) with its seal.
func seal(raw []byte) []byte {
	out := make([]byte, len(raw), len(raw)+sealLen)
	copy(out, raw)
	out = append(out, 0, 'c')
	return binary.BigEndian.AppendUint32(out, crc32.Checksum(raw, castagnoli()))
}

// sealInPlace is seal, written in raw's capacity when it has SealRoom
// past its length (raw's bytes are not changed).
func sealInPlace(raw []byte) []byte {
	if cap(raw)-len(raw) < sealLen {
		return seal(raw)
	}
	sum := crc32.Checksum(raw, castagnoli())
	return binary.BigEndian.AppendUint32(append(raw, 0, 'c'), sum)
}

// unseal returns the JSON of a stored record: a sealed one checked against
// its seal (errBadSeal when it does not match), an unsealed one as it is.
func unseal(v []byte) ([]byte, error) {
	n := len(v)
	if n < sealLen || v[n-sealLen] != 0 || v[n-sealLen+1] != 'c' {
		return v, nil
	}
	body := v[:n-sealLen]
	if crc32.Checksum(body, castagnoli()) != binary.BigEndian.Uint32(v[n-4:]) {
		return nil, errBadSeal
	}
	return body, nil
}

// ClientDamagedError is a read of a client's record that found it damaged
// (its seal does not match, or it does not decode). It matches ErrDamaged.
type ClientDamagedError struct {
	ID  string
	err error
}

func (e *ClientDamagedError) Error() string {
	return fmt.Sprintf("the record of client %s is damaged", e.ID)
}

// Unwrap gives the damage found.
func (e *ClientDamagedError) Unwrap() error { return e.err }

// clientDamage names the client in a damage found reading its record.
func clientDamage(id string, err error) error {
	if errors.Is(err, errBadRecord) {
		return &ClientDamagedError{ID: id, err: err}
	}
	return err
}

// sealedBuckets hold records that carry a seal: the clients' records and
// everything a client has (notes, purchases, tasks, appointments,
// requests). Drafts, indexes and the change log do not: a draft is
// checked by its use, an index is rebuilt from the records.
var sealedBuckets = [][]byte{bClients, bNotes, bPurchases, bTasks, bAppts, bRequests}

// sealedAll is kSealed's value once the records of every bucket of
// sealedBuckets are sealed ("1" said only the clients' were).
var sealedAll = []byte("2")

// unsealJSON is unseal for a record whose JSON is handed on as it is (a
// handover writes the stored notes out unchanged): the body without its
// seal, which must match.
func unsealJSON(v []byte) ([]byte, error) { return unseal(v) }

// unsealLoose returns a stored record's JSON without its seal, unchecked:
// for a step that needs a field of the record whatever its state (an
// erasure finding the indexes to delete).
func unsealLoose(v []byte) []byte {
	n := len(v)
	if n >= sealLen && v[n-sealLen] == 0 && v[n-sealLen+1] == 'c' {
		return v[:n-sealLen]
	}
	return v
}

// RecordDamagedError is a read of a client's note, purchase, task,
// appointment or request that found the record damaged. It matches
// ErrDamaged.
type RecordDamagedError struct {
	Kind   string // note, purchase, task, appointment, request
	ID     string // the record's id; "" when the damage hides it
	Client string // its client's id; "" when the damage hides it
	err    error
}

func (e *RecordDamagedError) Error() string {
	return fmt.Sprintf("the %s %s of client %s is damaged", e.Kind, e.ID, e.Client)
}

// Unwrap gives the damage found.
func (e *RecordDamagedError) Unwrap() error { return e.err }

// recordDamage names the record (of kind, stored under key k as v) and
// its client in a damage found reading it; other errors pass.
func recordDamage(kind string, k, v []byte, err error) error {
	if !errors.Is(err, errBadRecord) {
		return err
	}
	id, client := recordNames(kind, k, v)
	return &RecordDamagedError{Kind: kind, ID: id, Client: client, err: err}
}

// recordNames reads what names a stored record, as far as its damage
// lets: its id and its client's, from its key (notes and purchases are
// keyed by their client) and from its bytes.
func recordNames(kind string, k, v []byte) (id, client string) {
	body := unsealLoose(v)
	id = peekString(body, `"id":"`)
	if kind == "note" || kind == "purchase" {
		if i := bytes.IndexByte(k, 0); i > 0 {
			client = string(k[:i])
		}
	} else if id == "" {
		id = string(k)
	}
	if client == "" {
		client = peekString(body, `"client_id":"`)
	}
	return id, client
}

// recordKind names the records of a bucket of sealedBuckets.
func recordKind(bucket []byte) string {
	switch string(bucket) {
	case string(bNotes):
		return "note"
	case string(bPurchases):
		return "purchase"
	case string(bTasks):
		return "task"
	case string(bAppts):
		return "appointment"
	case string(bRequests):
		return "request"
	}
	return "client"
}

// clientsUnsealed reports whether the book may hold records without a
// seal (its meta does not say they are all sealed).
func clientsUnsealed(tx *bolt.Tx) bool {
	mb := tx.Bucket(bMeta)
	return mb != nil && tx.Bucket(bClients) != nil && !bytes.Equal(mb.Get(kSealed), sealedAll)
}

// sealBatch is how many records one transaction of sealRecords seals.
const sealBatch = 50_000

// sealRecords seals every record of sealedBuckets that has no seal yet,
// sealBatch records a transaction, and then records in the meta that all
// are (kSealed). Killed half way, it goes on at the next writable open: a
// record without a seal still reads. A book whose meta says all are
// sealed costs one read.
func (b *Book) sealRecords() error {
	unsealed := false
	if err := b.db.View(func(tx *bolt.Tx) error { unsealed = clientsUnsealed(tx); return nil }); err != nil || !unsealed {
		return err // a commit, even of nothing, would write
	}
	var pos sealPos
	sealed := 0
	b.prep(PrepSeal, 0, 0)
	for {
		done := false
		err := b.db.Update(func(tx *bolt.Tx) error {
			if !clientsUnsealed(tx) {
				done = true
				return nil
			}
			var err error
			done, err = sealClients(tx, &pos, sealBatch)
			return err
		})
		if err != nil || done {
			return err
		}
		sealed += sealBatch
		b.prep(PrepSeal, sealed, 0)
	}
}

// sealPos is where sealClients stopped: the bucket (an index into
// sealedBuckets) and the last key looked at in it.
type sealPos struct {
	bucket int
	after  []byte
}

// sealClients seals up to budget records of sealedBuckets that have no
// seal yet, from pos on, and, once it has come to the end of the last
// bucket, records in the meta that all are sealed (done). A record that
// is not valid JSON is left as it is, unsealed (a seal would bless the
// damage): check reports it.
func sealClients(tx *bolt.Tx, pos *sealPos, budget int) (done bool, err error) {
	for ; pos.bucket < len(sealedBuckets); pos.bucket, pos.after = pos.bucket+1, nil {
		bk := tx.Bucket(sealedBuckets[pos.bucket])
		if bk == nil {
			continue
		}
		for {
			var todo [][2][]byte
			c := bk.Cursor()
			k, v := c.First()
			if pos.after != nil {
				if k, v = c.Seek(pos.after); bytes.Equal(k, pos.after) {
					k, v = c.Next()
				}
			}
			for ; k != nil && len(todo) < 4096; k, v = c.Next() {
				pos.after = append(pos.after[:0], k...)
				if body, err := unseal(v); err == nil && len(body) == len(v) && json.Valid(v) {
					todo = append(todo, [2][]byte{bytes.Clone(k), seal(v)})
				}
			}
			for _, kv := range todo {
				if err := bk.Put(kv[0], kv[1]); err != nil {
					return false, err
				}
			}
			if budget -= len(todo); k == nil {
				break
			}
			if budget <= 0 {
				return false, nil
			}
		}
	}
	return true, tx.Bucket(bMeta).Put(kSealed, sealedAll)
}
