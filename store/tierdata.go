package store

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// bValue keeps, beside each summary, what a client's tier is worked out
// from: the status, the tier set by hand and every purchase's day and
// amount (client id -> encodeValue). It is written with the summary, so a
// command that needs the tiers of the book (search, its rows) reads a few
// bytes per client instead of decoding every summary.
var bValue = []byte("value")

// encodeValue packs what tiers.Assign reads of a summary.
func encodeValue(s *profile.Summary) []byte {
	b := make([]byte, 0, 4+len(s.Tier)+len(s.Spends)*8)
	b = append(b, byte(s.Status))
	b = binary.AppendUvarint(b, uint64(len(s.Tier)))
	b = append(b, s.Tier...)
	b = binary.AppendUvarint(b, uint64(len(s.Spends)))
	for _, p := range s.Spends {
		b = binary.AppendUvarint(b, uint64(p.Date.Pack()))
		b = binary.AppendVarint(b, int64(p.Amount))
	}
	return b
}

// decodeValue reads what encodeValue wrote into s (ID, Status, Tier,
// Spends), the spends taken from a (nil: their own).
func decodeValue(id string, raw []byte, s *profile.Summary, a *arena) error {
	r, err := decodeValueFrom(id, raw, s, a)
	if err == nil && len(r) != 0 {
		return badValue(id)
	}
	return err
}

// decodeValueFrom is decodeValue of the start of raw, a value record
// followed by more (a standing's last visit day): it returns what follows.
func decodeValueFrom(id string, raw []byte, s *profile.Summary, a *arena) ([]byte, error) {
	if len(raw) < 1 {
		return nil, badValue(id)
	}
	*s = profile.Summary{ID: id, Status: profile.Status(raw[0])}
	r := raw[1:]
	n, k := binary.Uvarint(r)
	if k <= 0 || uint64(len(r)-k) < n {
		return nil, badValue(id)
	}
	s.Tier, r = string(r[k:k+int(n)]), r[k+int(n):]
	count, k := binary.Uvarint(r)
	if k <= 0 || count > uint64(len(r)) {
		return nil, badValue(id)
	}
	r = r[k:]
	if count > 0 {
		if a == nil {
			a = &arena{single: true}
		}
		s.Spends = take(&a.spends, int(count), a.single)
	}
	for i := range s.Spends {
		d, k := binary.Uvarint(r)
		if k <= 0 {
			return nil, badValue(id)
		}
		r = r[k:]
		a, k := binary.Varint(r)
		if k <= 0 {
			return nil, badValue(id)
		}
		r = r[k:]
		s.Spends[i] = profile.Spend{Date: civil.Unpack(uint32(d)), Amount: profile.Money(a)}
	}
	return r, nil
}

func badValue(id string) error {
	return fmt.Errorf("client %q: %w: its value record does not decode", id, ErrDamaged)
}

// putValue writes a client's value record; nothing when the book has no
// value bucket yet (read-only open of an older book).
func (tx *Tx) putValue(s *profile.Summary) error {
	bk := tx.bucket(bValue)
	if bk == nil {
		return nil
	}
	v := encodeValue(s)
	old := bk.Get([]byte(s.ID))
	if bytes.Equal(old, v) {
		// Nothing the value record or the ranking holds of the client
		// changed (a note, a name): no write, no decoding of the old
		// record; the first write of a day still moves the ranking.
		_, _, err := tx.rankWriteDay()
		return err
	}
	if old != nil {
		old = append([]byte(nil), old...)
	}
	if err := bk.Put([]byte(s.ID), v); err != nil {
		return err
	}
	return tx.rankValue(s.ID, old, s)
}

// dropValue removes the value record of a client leaving the book, and
// the client from the kept spend ranking.
func (tx *Tx) dropValue(id string) error {
	bk := tx.bucket(bValue)
	if bk == nil {
		return nil
	}
	old := bk.Get([]byte(id))
	if old == nil {
		return nil
	}
	old = append([]byte(nil), old...)
	if err := bk.Delete([]byte(id)); err != nil {
		return err
	}
	return tx.rankValue(id, old, nil)
}

// ValueSummaries returns, for every client in id order, a summary holding
// only what its tier is worked out from (ID, Status, Tier, Spends), read
// from the value records: what tiers.Assign needs, at a fraction of the
// cost of Summaries. ok is false in a book without them yet (opened
// read-only before its first writable open since they came).
func (tx *Tx) ValueSummaries() (sums []profile.Summary, ok bool, err error) {
	bk := tx.bucket(bValue)
	if bk == nil {
		return nil, false, nil
	}
	sums = make([]profile.Summary, 0, bk.Stats().KeyN)
	err = bk.ForEach(func(k, v []byte) error {
		sums = append(sums, profile.Summary{})
		return decodeValue(string(k), v, &sums[len(sums)-1], nil)
	})
	return sums, err == nil, err
}

// ValueSummary returns client id's summary as ValueSummaries gives it (ID,
// Status, Tier, Spends), from its value record; from its whole summary in
// a book without value records yet.
func (tx *Tx) ValueSummary(id string) (profile.Summary, error) {
	bk := tx.bucket(bValue)
	if bk == nil {
		return tx.Summary(id)
	}
	var s profile.Summary
	raw := bk.Get([]byte(id))
	if raw == nil {
		return s, fmt.Errorf("client %q: %w", id, ErrNotFound)
	}
	return s, decodeValue(id, raw, &s, nil)
}

// buildValues writes every client's value record from its summary.
func buildValues(tx *bolt.Tx) error { return buildPerClient(tx, bValue, encodeValue) }

// buildPerClient writes, in a bucket made afresh, every client's record
// derived from its summary by encode (the value and brief records: what
// tiers and the briefing read instead of whole summaries).
func buildPerClient(tx *bolt.Tx, bucket []byte, encode func(*profile.Summary) []byte) error {
	if tx.Bucket(bucket) != nil {
		if err := tx.DeleteBucket(bucket); err != nil {
			return err
		}
	}
	bk, err := tx.CreateBucket(bucket)
	if err != nil {
		return err
	}
	bk.FillPercent = 1
	sums, err := decodeSummaries(tx.Bucket(bSummaries))
	if err != nil {
		return err
	}
	for i := range sums {
		if err := bk.Put([]byte(sums[i].ID), encode(&sums[i])); err != nil {
			return err
		}
	}
	return nil
}

// perClientCheck reports the records of bucket (named name in the
// report) that differ from what encode makes of their summaries, and a
// count of records other than the clients'.
func perClientCheck(tx *bolt.Tx, rep *Report, bucket []byte, name string, encode func(*profile.Summary) []byte) summaryCheck {
	bk := tx.Bucket(bucket)
	if bk == nil {
		return summaryCheck{}
	}
	bad := 0
	return summaryCheck{
		each: func(s *profile.Summary) {
			if got := bk.Get([]byte(s.ID)); !bytes.Equal(got, encode(s)) {
				if bad++; bad <= 3 {
					rep.problem("%s: the %s record of client %s is not its summary's", name, name, s.ID)
				}
			}
		},
		end: func(clients int) {
			if n := bk.Stats().KeyN; n != clients {
				rep.problem("%s: %d %s records for %d clients", name, n, name, clients)
			}
			if bad > 3 {
				rep.problem("%s: %d %s records differ (check --repair rebuilds them)", name, bad, name)
			}
		},
	}
}
