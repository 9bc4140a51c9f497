package store

import (
	"fmt"

	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// bSearchRow keeps, beside each summary, what a search ranks a client it
// found by and prints on the client's line (client id ->
// encodeSearchRow): the names and their pinyin keys, the phones, tags and
// city, the tier set by hand, the status and do-not-contact flag, every
// purchase's day and amount and every visit day (the tier, the last day
// seen, the 12-month spend), the important dates (the next one) and the
// fields the field filters match (sizes, likes, dislikes, cards,
// occupation, family, store). It is written in the transaction of every
// write that writes the summary, so a search that finds thousands of
// clients (occupation:律师) ranks them from a few dozen bytes each
// instead of decoding their whole summaries (notes' days, emails,
// owners ...).
var bSearchRow = []byte("searchrow")

// searchRowVersion leads every search row; a row of another version is
// damaged (check --repair writes them again).
const searchRowVersion = 1

// encodeSearchRow packs what a search reads of a summary (SearchRows).
func encodeSearchRow(s *profile.Summary) []byte {
	e := enc{b: make([]byte, 0, 96+len(s.Spends)*6+len(s.VisitDays)*3+len(s.Dates)*16)}
	e.b = append(e.b, searchRowVersion)
	e.str(s.Name)
	e.str(s.LatinName)
	e.str(s.SearchKeys)
	e.strs(s.Phones)
	e.strs(s.Tags)
	e.str(s.City)
	e.str(s.Tier)
	e.uvarint(uint64(s.Status))
	e.uvarint(specialFlags(s))
	e.uvarint(uint64(len(s.Spends)))
	for _, p := range s.Spends {
		e.date(p.Date)
		e.varint(int64(p.Amount))
	}
	e.uvarint(uint64(len(s.VisitDays)))
	for _, d := range s.VisitDays {
		e.date(d)
	}
	e.uvarint(uint64(len(s.Dates)))
	for i := range s.Dates {
		e.importantDate(&s.Dates[i])
	}
	e.strs(s.Sizes)
	e.strs(s.Likes)
	e.strs(s.Dislikes)
	e.strs(s.Cards)
	e.str(s.Occupation)
	e.strs(s.Family)
	e.str(s.Store)
	return e.b
}

// decodeSearchRow reads what encodeSearchRow wrote (b, whose bytes are
// also the string bs) into s, a summary of client id holding only those
// fields.
func decodeSearchRow(id string, b []byte, bs string, s *profile.Summary, a *arena) error {
	if len(b) == 0 || b[0] != searchRowVersion {
		return badSearchRow(id)
	}
	*s = profile.Summary{ID: id}
	d := dec{b: b[1:], s: bs, off: 1, a: a}
	s.Name = d.str()
	s.LatinName = d.str()
	s.SearchKeys = d.str()
	s.Phones = d.strs()
	s.Tags = d.strs()
	s.City = d.str()
	s.Tier = d.str()
	s.Status = profile.Status(d.uvarint())
	setSpecialFlags(s, d.uvarint())
	var ok bool
	if s.Spends, ok = d.spends(); !ok {
		return badSearchRow(id)
	}
	if s.VisitDays, ok = d.days(); !ok {
		return badSearchRow(id)
	}
	if s.Dates, ok = d.importantDates(); !ok {
		return badSearchRow(id)
	}
	s.Sizes = d.strs()
	s.Likes = d.strs()
	s.Dislikes = d.strs()
	s.Cards = d.strs()
	s.Occupation = d.str()
	s.Family = d.strs()
	s.Store = d.str()
	if d.err != nil || len(d.b) != 0 {
		return badSearchRow(id)
	}
	return nil
}

func badSearchRow(id string) error {
	return fmt.Errorf("client %q: %w: its search row does not decode", id, ErrDamaged)
}

// putSearchRow writes a client's search row; nothing when the book has no
// search rows yet (read-only open of an older book: they are built at its
// first writable open).
func (tx *Tx) putSearchRow(s *profile.Summary) error {
	bk := tx.bucket(bSearchRow)
	if bk == nil {
		return nil
	}
	return bk.Put([]byte(s.ID), encodeSearchRow(s))
}

// deleteSearchRow removes a client's search row (the client erased or
// merged away).
func (tx *Tx) deleteSearchRow(id string) error {
	bk := tx.bucket(bSearchRow)
	if bk == nil {
		return nil
	}
	return bk.Delete([]byte(id))
}

// rowsInBlocks is how many rows SearchRows must read to take their
// slices from shared blocks (arena) rather than each its own.
const rowsInBlocks = 2048

// SearchRows returns, for each of ids that is a client of the book, in
// the order of ids, a summary holding what its search row keeps: ID,
// Name, LatinName, SearchKeys, Phones, Tags, City, Tier, Status, the
// special-person and do-not-contact flags, Spends, VisitDays, Dates
// (kind, label, day, calendar and lead days), Sizes, Likes, Dislikes,
// Cards, Occupation, Family and Store: enough to rank the clients a
// search finds (search.Found), give their tiers (tiers.AssignRanked)
// and print their lines, from a few dozen bytes each. ok is false in a
// book without the rows yet (opened read-only before its first writable
// open since they came): read SummariesOf then.
func (tx *Tx) SearchRows(ids []string) (sums []profile.Summary, ok bool, err error) {
	return tx.perClientRows(bSearchRow, "search row", ids, func(id string, raw []byte, s *profile.Summary, a *arena) error {
		return decodeSearchRow(id, raw, string(raw), s, a)
	})
}

// perClientRows decodes, for each of ids that is a client of the book, in
// the order of ids, its record in the kept bucket named name (what, in a
// damage message): SearchRows and Standings. A client of the book without
// one is damage; ok is false when the book has no such bucket yet.
func (tx *Tx) perClientRows(name []byte, what string, ids []string, decode func(id string, raw []byte, s *profile.Summary, a *arena) error) (sums []profile.Summary, ok bool, err error) {
	bk := tx.bucket(name)
	if bk == nil {
		return nil, false, nil
	}
	// A few clients take slices of their own: a block of each pool
	// (megabytes, zeroed) would cost a short answer more than its rows.
	a := &arena{single: len(ids) < rowsInBlocks}
	sums = make([]profile.Summary, 0, len(ids))
	for _, id := range ids {
		raw := bk.Get([]byte(id))
		if raw == nil {
			if tx.bucket(bSummaries).Get([]byte(id)) != nil {
				return nil, true, fmt.Errorf("client %q: %w: its %s is missing", id, ErrDamaged, what)
			}
			continue
		}
		sums = append(sums, profile.Summary{})
		if err := decode(id, raw, &sums[len(sums)-1], a); err != nil {
			return nil, true, err
		}
	}
	return sums, true, nil
}

// buildSearchRows writes every client's search row from its summary.
func buildSearchRows(tx *bolt.Tx) error { return buildPerClient(tx, bSearchRow, encodeSearchRow) }

// searchRowOf returns client id's search row, when the book has it and it
// decodes (an erasure of a client whose summary is damaged reads the
// phones and cards there).
func (tx *Tx) searchRowOf(id string) (profile.Summary, bool) {
	var s profile.Summary
	bk := tx.bucket(bSearchRow)
	if bk == nil {
		return s, false
	}
	raw := bk.Get([]byte(id))
	if raw == nil {
		return s, false
	}
	if err := decodeSearchRow(id, raw, string(raw), &s, &arena{single: true}); err != nil {
		return profile.Summary{}, false
	}
	return s, true
}
