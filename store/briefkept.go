package store

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// bBrief keeps, beside each summary, what the morning briefing ranks every
// client by (client id -> encodeBrief): the names, the country, the tier
// set by hand, the status, the special-person and do-not-contact flags,
// the important dates, the last contact, the day added and the rhythm of
// the visits. It is written in the transaction of every write that writes
// the summary, so the briefing reads a few dozen bytes a client instead of
// every summary (phones, search keys, sizes, every visit day ...).
var bBrief = []byte("brief")

// briefVersion leads every brief record; a record of another version is
// damaged (check --repair writes them again).
const briefVersion = 1

// encodeBrief packs what the briefing reads of a summary beside its value
// record (BriefSummaries).
func encodeBrief(s *profile.Summary) []byte { return encodeBriefWith(s, derivedRhythm(s)) }

// encodeBriefWith packs s's brief record with r, its derivedRhythm.
func encodeBriefWith(s *profile.Summary, r profile.Rhythm) []byte {
	e := enc{b: make([]byte, 0, 48+len(s.Dates)*24)}
	e.b = append(e.b, briefVersion)
	e.str(s.Name)
	e.str(s.LatinName)
	e.str(s.Country)
	e.str(s.Tier)
	e.uvarint(uint64(s.Status))
	e.uvarint(specialFlags(s))
	e.date(s.LastContact)
	e.date(s.Created)
	// Derived, never taken from s, as the summary's (derivedRhythm).
	e.uvarint(uint64(r.Days))
	e.varint(int64(r.Last))
	e.uvarint(uint64(r.MedianGap))
	e.uvarint(uint64(len(s.Dates)))
	for _, d := range s.Dates {
		e.importantDate(&d)
		e.str(d.ID)
		e.str(d.For)
		e.date(d.LastGift)
	}
	return e.b
}

// decodeBrief reads what encodeBrief wrote (b, whose bytes are also the
// string bs) into s, leaving its other fields as they are.
func decodeBrief(b []byte, bs string, s *profile.Summary, a *arena) error {
	if len(b) == 0 || b[0] != briefVersion {
		return errBadSummary
	}
	d := dec{b: b[1:], s: bs, off: 1, a: a}
	s.Name = d.str()
	s.LatinName = d.str()
	s.Country = d.str()
	s.Tier = d.str()
	s.Status = profile.Status(d.uvarint())
	setSpecialFlags(s, d.uvarint())
	s.LastContact = d.date()
	s.Created = d.date()
	s.Rhythm = profile.Rhythm{Days: int32(d.uvarint()), Last: int32(d.varint()), MedianGap: int32(d.uvarint())}
	s.Rhythm.OK = d.err == nil
	s.Dates = nil
	if n := d.uvarint(); n > 0 && n <= uint64(len(d.b)) {
		s.Dates = take(&a.dates, int(n), a.single)
		for i := range s.Dates {
			dt := &s.Dates[i]
			d.importantDate(dt)
			dt.ID = d.str()
			dt.For = d.str()
			dt.LastGift = d.date()
		}
	}
	if d.err == nil && len(d.b) != 0 {
		return errBadSummary
	}
	return d.err
}

// putBrief writes a client's brief record; nothing when the book has no
// brief bucket yet (read-only open of an older book).
func (tx *Tx) putBrief(id string, rec []byte) error {
	bk := tx.bucket(bBrief)
	if bk == nil {
		return nil
	}
	return bk.Put([]byte(id), rec)
}

// deleteBrief removes a client's brief record (the client erased or
// merged away).
func (tx *Tx) deleteBrief(id string) error {
	bk := tx.bucket(bBrief)
	if bk == nil {
		return nil
	}
	return bk.Delete([]byte(id))
}

// BriefSummaries returns, for every client in id order, a summary holding
// what the briefing ranks every client by: ID, Name, LatinName, Country,
// Tier, Status, Special's flags, DoNotContact, Dates, LastContact, Created
// and Rhythm from the brief records, Spends from the value records (what
// the tiers are worked out from). A client whose kept rhythm does not
// hold on day today (it counts days after today, a --date in the past)
// comes as the whole summary, so that Summary.RhythmOn reads the days. ok
// is false in a book without the records yet (opened read-only before its
// first writable open since they came): read Summaries then.
func (tx *Tx) BriefSummaries(today civil.Date) (sums []profile.Summary, ok bool, err error) {
	n, ok := tx.briefCount()
	if !ok {
		return nil, false, nil
	}
	sums = make([]profile.Summary, 0, n)
	ok, err = tx.eachBrief(today, false, func(_, _ int, s *profile.Summary) error {
		sums = append(sums, *s)
		return nil
	})
	if !ok || err != nil {
		return nil, ok, err
	}
	return sums, true, nil
}

// briefCount walks the brief and value records side by side, key for
// key, and returns how many clients they hold; ok is false when they do
// not hold the same clients (or the book has none yet).
func (tx *Tx) briefCount() (n int, ok bool) {
	bk, vk := tx.bucket(bBrief), tx.bucket(bValue)
	if bk == nil || vk == nil {
		return 0, false
	}
	bc, vc := bk.Cursor(), vk.Cursor()
	k, _ := bc.First()
	vkey, _ := vc.First()
	for ; k != nil; k, _ = bc.Next() {
		if vkey == nil || !bytes.Equal(k, vkey) {
			return 0, false
		}
		n++
		vkey, _ = vc.Next()
	}
	return n, vkey == nil
}

// EachBriefSummary calls fn with every client's summary as BriefSummaries
// returns it, in id order, one at a time: the i-th of n clients, s the
// same variable for every client, made again for each. Its strings stay
// valid; its slices (Spends, Dates) are those of the next client once fn
// returns, so fn copies what it keeps of them. ok is false as for
// BriefSummaries, and then fn is not called.
func (tx *Tx) EachBriefSummary(today civil.Date, fn func(i, n int, s *profile.Summary) error) (ok bool, err error) {
	return tx.eachBrief(today, true, fn)
}

// eachBrief is EachBriefSummary; with reuse false every client's slices
// are its own (BriefSummaries keeps them all).
func (tx *Tx) eachBrief(today civil.Date, reuse bool, fn func(i, n int, s *profile.Summary) error) (ok bool, err error) {
	n, ok := tx.briefCount()
	if !ok {
		return false, nil
	}
	i := 0 // the client fn is called with
	bk, vk := tx.bucket(bBrief), tx.bucket(bValue)
	bc, vc := bk.Cursor(), vk.Cursor()
	// The ids and the records' strings are copied out of the book a block
	// at a time, one string per block, as the summaries' are
	// (decodeSummaryRange); the spends and dates come from shared arenas.
	type rec struct{ key, brief, value []byte } // point into the book's map: valid for the transaction
	pend := make([]rec, 0, 256)
	size := 0
	a := &arena{}
	day := int32(today.DayNumber())
	var block strings.Builder
	var s profile.Summary
	flush := func() error {
		block.Reset()
		block.Grow(size)
		for _, r := range pend {
			block.Write(r.key)
			block.Write(r.brief)
		}
		bs, off := block.String(), 0
		for j := range pend {
			r := &pend[j]
			id := bs[off : off+len(r.key)]
			off += len(r.key)
			s = profile.Summary{}
			if reuse {
				a.room()
			}
			was := *a
			if err := decodeValue(id, r.value, &s, a); err != nil {
				return err
			}
			if err := decodeBrief(r.brief, bs[off:off+len(r.brief)], &s, a); err != nil {
				return fmt.Errorf("client %q: %w: its brief record does not decode", id, ErrDamaged)
			}
			off += len(r.brief)
			if s.Rhythm.Last > day {
				whole, err := tx.Summary(id)
				if err != nil {
					return err
				}
				s = whole
			}
			if err := fn(i, n, &s); err != nil {
				return err
			}
			if reuse { // the next client's slices where this one's were
				*a = was
			}
			i++
		}
		pend, size = pend[:0], 0
		return nil
	}
	k, bv := bc.First()
	_, vv := vc.First()
	for ; k != nil; k, bv = bc.Next() {
		if len(pend) > 0 && (size+len(k)+len(bv) > summaryBlock || len(pend) == cap(pend)) {
			if err := flush(); err != nil {
				return true, err
			}
		}
		pend = append(pend, rec{k, bv, vv})
		size += len(k) + len(bv)
		_, vv = vc.Next()
	}
	if len(pend) > 0 {
		if err := flush(); err != nil {
			return true, err
		}
	}
	return true, nil
}

// BriefSummary returns one client's summary as BriefSummaries returns it
// (the whole summary in a book without brief records), or ErrNotFound.
func (tx *Tx) BriefSummary(id string, today civil.Date) (profile.Summary, error) {
	var s profile.Summary
	bk, vk := tx.bucket(bBrief), tx.bucket(bValue)
	if bk == nil || vk == nil {
		return tx.Summary(id)
	}
	b, v := bk.Get([]byte(id)), vk.Get([]byte(id))
	if b == nil || v == nil {
		if tx.bucket(bSummaries).Get([]byte(id)) != nil {
			return s, fmt.Errorf("client %q: %w: its brief or value record is missing", id, ErrDamaged)
		}
		return s, fmt.Errorf("client %q: %w", id, ErrNotFound)
	}
	a := &arena{single: true}
	if err := decodeValue(id, v, &s, a); err != nil {
		return s, err
	}
	if err := decodeBrief(b, string(b), &s, a); err != nil {
		return s, fmt.Errorf("client %q: %w: its brief record does not decode", id, ErrDamaged)
	}
	if s.Rhythm.Last > int32(today.DayNumber()) {
		return tx.Summary(id)
	}
	return s, nil
}

// buildBrief writes every client's brief record from its summary.
func buildBrief(tx *bolt.Tx) error { return buildPerClient(tx, bBrief, encodeBrief) }
