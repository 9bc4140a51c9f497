package store

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// bStanding keeps, beside each summary, what a search ranks the clients
// it found by (client id -> encodeStanding): the value record (status,
// the tier set by hand, every purchase's day and amount: the tier in
// force, the 12-month spend, the last purchase) and the last visit day.
// It is written in the transaction of every write that writes the
// summary, so a field query that finds hundreds of clients (size:shoes=39
// likes:silk) ranks them from these few bytes each, packed on a few pages
// (a search row is four times bigger, spread over four times the pages),
// and reads the search rows of the clients it prints alone.
//
// Why a bucket of its own, though a standing is the client's value record
// (bValue) and one day more: it could be read from two places, the value
// record and the brief's rhythm (bBrief: Rhythm.Last, the last visit or
// purchase of an amount, ranks as the last visit day on a day not before
// it), but that is two records of two buckets a client found, over twice
// the pages (a 5,000-client demo book: value 92 leaf pages, brief 109,
// standing 96). The value record cannot carry the day either without a
// change of its format in every book (an upgrade that builds every value
// record and the ranking again), and tiers.Assign reads every client's
// value record, which the day would make 8% bigger for nothing. So the
// value record stays what the tiers read, the standing what a field
// query ranks by; both are encoded from the summary (encodeStanding
// starts with encodeValue), never from each other.
var bStanding = []byte("standing")

// encodeStanding packs a client's standing: its value record
// (encodeValue), then 0 when it has no visit day, or 1 and the last of
// its visit days (packed, uvarint).
func encodeStanding(s *profile.Summary) []byte {
	b := encodeValue(s)
	if n := len(s.VisitDays); n > 0 {
		b = append(b, 1)
		return binary.AppendUvarint(b, uint64(s.VisitDays[n-1].Pack()))
	}
	return append(b, 0)
}

// decodeStanding reads what encodeStanding wrote into s: ID, Status,
// Tier, Spends and, in VisitDays, the last visit day alone.
func decodeStanding(id string, raw []byte, s *profile.Summary, a *arena) error {
	r, err := decodeValueFrom(id, raw, s, a)
	if err != nil || len(r) == 0 {
		return badStanding(id)
	}
	switch r[0] {
	case 0:
		if len(r) == 1 {
			return nil
		}
	case 1:
		d, k := binary.Uvarint(r[1:])
		if k > 0 && 1+k == len(r) {
			s.VisitDays = []civil.Date{civil.Unpack(uint32(d))}
			return nil
		}
	}
	return badStanding(id)
}

func badStanding(id string) error {
	return fmt.Errorf("client %q: %w: its standing does not decode", id, ErrDamaged)
}

// putStanding writes a client's standing; nothing when the book has none
// yet (read-only open of an older book: they are built at its first
// writable open), or when it is the one kept (a note, a name: most
// writes leave it, and a page left alone is not written again).
func (tx *Tx) putStanding(s *profile.Summary) error {
	bk := tx.bucket(bStanding)
	if bk == nil {
		return nil
	}
	v := encodeStanding(s)
	if bytes.Equal(bk.Get([]byte(s.ID)), v) {
		return nil
	}
	return bk.Put([]byte(s.ID), v)
}

// deleteStanding removes a client's standing (the client erased or merged
// away).
func (tx *Tx) deleteStanding(id string) error {
	bk := tx.bucket(bStanding)
	if bk == nil {
		return nil
	}
	return bk.Delete([]byte(id))
}

// buildStandings writes every client's standing from its summary.
func buildStandings(tx *bolt.Tx) error { return buildPerClient(tx, bStanding, encodeStanding) }

// Standings returns, for each of ids that is a client of the book, in the
// order of ids, a summary holding its standing: ID, Status, Tier, Spends
// (what tiers.Assign reads, the 12-month spend and the last purchase)
// and, in VisitDays, the last of its visit days alone. That is what
// search.Best ranks by on a day not before that visit (search.LastSeen);
// a client whose last visit is later needs its other visit days
// (SearchRows). ok is false in a book without standings yet (opened
// read-only before its first writable open since they came).
func (tx *Tx) Standings(ids []string) (sums []profile.Summary, ok bool, err error) {
	return tx.perClientRows(bStanding, "standing", ids, func(id string, raw []byte, s *profile.Summary, a *arena) error {
		return decodeStanding(id, raw, s, a)
	})
}
