package store

import (
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
// client's record (the profile, in the clients bucket) therefore carries a
// checksum of its own: the JSON, then a seal of sealLen bytes, a 0x00, 'c'
// and the CRC-32C (Castagnoli) of the JSON, big-endian. JSON never holds a
// raw 0x00, so a record without a seal (written before seals, by an older
// vipbook) is told from a sealed one and read as before; the next writable
// open seals every client's record of such a book (sealClients).
//
// A read of a record whose seal does not match fails as damage naming the
// client (ClientDamagedError); the other clients read as before. vipbook
// check reports each such client.

// sealLen is the length of a record's seal.
const sealLen = 6

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

// clientsUnsealed reports whether the book may hold client records
// without a seal (its meta does not say they are all sealed).
func clientsUnsealed(tx *bolt.Tx) bool {
	mb := tx.Bucket(bMeta)
	return mb != nil && tx.Bucket(bClients) != nil && mb.Get(kSealed) == nil
}

// sealClients seals every client's record that has no seal yet, and
// records in the meta that all are. A record that is not valid JSON is
// left as it is, unsealed (a seal would bless the damage): check reports
// it.
func sealClients(tx *bolt.Tx) error {
	cb := tx.Bucket(bClients)
	var todo [][2][]byte
	if err := cb.ForEach(func(k, v []byte) error {
		if body, err := unseal(v); err == nil && len(body) == len(v) && json.Valid(v) {
			todo = append(todo, [2][]byte{append([]byte(nil), k...), seal(v)})
		}
		return nil
	}); err != nil {
		return err
	}
	for _, kv := range todo {
		if err := cb.Put(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return tx.Bucket(bMeta).Put(kSealed, []byte("1"))
}
