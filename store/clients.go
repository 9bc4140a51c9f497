package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
)

// AddClient stores a new client. It gives the profile an id when it has
// none (an id that is free in this book), stamps Created and Updated, opens
// the owner trail with the book's associate, and indexes the phones.
func (tx *Tx) AddClient(p *profile.Profile) error {
	if err := p.Validate(); err != nil {
		return err
	}
	cb := tx.bucket(bClients)
	if p.ID == "" {
		p.ID = tx.newID(bClients, shortIDLen)
	} else if cb.Get([]byte(p.ID)) != nil {
		return fmt.Errorf("client %s: %w", p.ID, ErrDuplicate)
	} else if tx.isAlias(p.ID) {
		// A client arriving with the id of one merged away (a colleague's
		// bundle) takes the id back: it is a client again, no alias.
		if err := tx.bucket(bAliases).Delete([]byte(p.ID)); err != nil {
			return err
		}
	}
	now := tx.Now()
	if p.Created.IsZero() {
		p.Created = now
	}
	p.Updated = now
	if len(p.Owners) == 0 {
		m := tx.book.meta
		p.Owners = []profile.Ownership{{Associate: m.Associate, Store: m.Store, From: now}}
	}
	if p.HomeStore == "" {
		p.HomeStore = tx.book.meta.Store
	}
	if err := tx.writeClient(p, &profile.Summary{}); err != nil {
		return err
	}
	if err := tx.logClient(nil, p); err != nil {
		return err
	}
	if h := tx.book.hooks.ClientAdded; h != nil {
		return h(tx, p)
	}
	return nil
}

// UpdateClient replaces a client's profile, keeping the summary's note and
// purchase figures and re-indexing the phones.
func (tx *Tx) UpdateClient(p *profile.Profile) error {
	if err := p.Validate(); err != nil {
		return err
	}
	before, err := tx.Client(p.ID)
	if err != nil {
		return err
	}
	sum, err := tx.Summary(p.ID)
	if err != nil {
		return err
	}
	tx.unindexPhones(before)
	unindexCards(tx.bucket(bCards), p.ID, before.CardNumbers())
	p.Updated = tx.Now()
	if err := tx.writeClient(p, &sum); err != nil {
		return err
	}
	if err := tx.logClient(before, p); err != nil {
		return err
	}
	if h := tx.book.hooks.ClientUpdated; h != nil {
		return h(tx, before, p)
	}
	return nil
}

func (tx *Tx) writeClient(p *profile.Profile, sum *profile.Summary) error {
	if err := putSealed(tx.bucket(bClients), []byte(p.ID), p); err != nil {
		return err
	}
	sum.Refresh(p, tx.book.meta.CountryCode)
	sum.SearchKeys = search.Keys(p.Name + " " + p.LatinName)
	if err := tx.putSummary(sum); err != nil {
		return err
	}
	if err := tx.indexFields(sum); err != nil {
		return err
	}
	pb := tx.bucket(bPhones)
	for _, n := range sum.Phones {
		if err := pb.Put(join([]byte(n), []byte(p.ID)), nil); err != nil {
			return err
		}
	}
	return indexCards(tx.bucket(bCards), p.ID, sum.Cards)
}

func (tx *Tx) unindexPhones(p *profile.Profile) {
	pb := tx.bucket(bPhones)
	for _, n := range p.NormalizedPhones(tx.book.meta.CountryCode) {
		_ = pb.Delete(join([]byte(n), []byte(p.ID)))
	}
}

func (tx *Tx) putSummary(s *profile.Summary) error {
	sum, brief := encodeRecords(s)
	if err := tx.bucket(bSummaries).Put([]byte(s.ID), sum); err != nil {
		return err
	}
	if err := tx.putValue(s); err != nil {
		return err
	}
	if err := tx.putSearchRow(s); err != nil {
		return err
	}
	if err := tx.putStanding(s); err != nil {
		return err
	}
	return tx.putBrief(s.ID, brief)
}

// Client returns the whole profile of a client.
func (tx *Tx) Client(id string) (*profile.Profile, error) {
	var p profile.Profile
	if err := getJSON(tx.bucket(bClients), []byte(id), &p); err != nil {
		return nil, fmt.Errorf("client %q: %w", id, clientDamage(id, err))
	}
	return &p, nil
}

// HasClient reports whether id is a client of the book.
func (tx *Tx) HasClient(id string) bool { return tx.bucket(bClients).Get([]byte(id)) != nil }

// Summary returns the compact summary of a client.
func (tx *Tx) Summary(id string) (profile.Summary, error) {
	var s profile.Summary
	raw := tx.bucket(bSummaries).Get([]byte(id))
	if raw == nil {
		return s, fmt.Errorf("client %q: %w", id, ErrNotFound)
	}
	if err := decodeSummary(raw, &s, nil); err != nil {
		return s, err
	}
	return s, tx.freshenOne(raw, &s)
}

// freshenOne brings s, decoded from raw, up to date when an older vipbook
// wrote it (freshen).
func (tx *Tx) freshenOne(raw []byte, s *profile.Summary) error {
	if len(raw) == 0 || raw[0] >= summaryVersion {
		return nil
	}
	one := []profile.Summary{*s}
	err := tx.freshen(one)
	*s = one[0]
	return err
}

// ClientName returns the name a client is shown by (the name, else the
// Latin name), reading only the start of the client's summary: for a
// list that names the client of each of many rows. It returns "" for a
// client not in the book or a summary that does not decode.
func (tx *Tx) ClientName(id string) string {
	raw := tx.bucket(bSummaries).Get([]byte(id))
	if len(raw) == 0 || (raw[0] != summaryVersion && raw[0] != summaryV2 && raw[0] != summaryV1) {
		return ""
	}
	b := raw[1:]
	var field [3][]byte // the id, the name, the Latin name
	for i := range field {
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) {
			return ""
		}
		field[i], b = b[w:w+int(n)], b[w+int(n):]
	}
	if len(field[1]) > 0 {
		return string(field[1])
	}
	return string(field[2])
}

// Summaries returns the summary of every client in id order, archived ones
// included (callers filter on Status).
func (tx *Tx) Summaries() ([]profile.Summary, error) {
	sums, err := decodeSummaries(tx.bucket(bSummaries))
	if err != nil {
		return nil, err
	}
	return sums, tx.freshen(sums)
}

// EachSummary calls fn with every client's summary in id order, archived
// ones included, one at a time: s is the same variable for every client.
// Its strings stay valid; its slices (Phones, Tags, Dates, Spends,
// VisitDays ...) are the next client's once fn returns, so fn copies what
// it keeps of them. A reader that keeps a few figures per client (the
// report) walks the book this way without a slice of every summary: at
// 100k clients that slice alone is some 60 MB to allocate and clear.
func (tx *Tx) EachSummary(fn func(s *profile.Summary) error) error {
	c := tx.bucket(bSummaries).Cursor()
	// The summaries' strings are copied out of the book a block at a
	// time, one string per block, as Summaries does (decodeSummaryRange).
	type rec struct{ key, val []byte } // point into the book's map: valid for the transaction
	pend := make([]rec, 0, 256)
	size := 0
	a := &arena{}
	var block strings.Builder
	var s profile.Summary
	flush := func() error {
		block.Reset()
		block.Grow(size)
		for _, r := range pend {
			block.Write(r.val)
		}
		bs, off := block.String(), 0
		for _, r := range pend {
			s = profile.Summary{}
			a.room()
			was := *a
			if err := decodeSummaryIn(r.val, bs[off:off+len(r.val)], &s, a); err != nil {
				return fmt.Errorf("client %q: %w", r.key, err)
			}
			off += len(r.val)
			if err := tx.freshenOne(r.val, &s); err != nil {
				return err
			}
			if err := fn(&s); err != nil {
				return err
			}
			*a = was // the next client's slices where this one's were
		}
		pend, size = pend[:0], 0
		return nil
	}
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(pend) > 0 && (size+len(v) > summaryBlock || len(pend) == cap(pend)) {
			if err := flush(); err != nil {
				return err
			}
		}
		pend = append(pend, rec{k, v})
		size += len(v)
	}
	if len(pend) > 0 {
		return flush()
	}
	return nil
}

// SummariesAfter returns up to max summaries of the clients whose ids
// come after after (all from the first when after is ""), in id order:
// a pass over every client a bounded step at a time, each step in its own
// transaction.
func (tx *Tx) SummariesAfter(after string, max int) ([]profile.Summary, error) {
	c := tx.bucket(bSummaries).Cursor()
	k, v := c.First()
	if after != "" {
		k, v = c.Seek([]byte(after))
		if k != nil && string(k) == after {
			k, v = c.Next()
		}
	}
	var out []profile.Summary
	for ; k != nil && len(out) < max; k, v = c.Next() {
		out = append(out, profile.Summary{})
		if err := decodeSummary(v, &out[len(out)-1], nil); err != nil {
			return nil, fmt.Errorf("client %q: %w", k, err)
		}
	}
	return out, tx.freshen(out)
}

// ClientCount returns how many clients the book holds.
func (tx *Tx) ClientCount() int { return tx.bucket(bClients).Stats().KeyN }

// FindByPhone returns the ids of the clients with the number raw, typed in
// any format.
func (tx *Tx) FindByPhone(raw string) []string {
	n := profile.NormalizePhone(raw, tx.book.meta.CountryCode)
	if n == "" {
		return nil
	}
	var ids []string
	p := append([]byte(n), 0)
	_ = scanPrefix(tx.bucket(bPhones), p, func(k, _ []byte) error {
		ids = append(ids, string(bytes.TrimPrefix(k, p)))
		return nil
	})
	return ids
}

// touchSummary applies fn to a client's summary and writes it back. fn
// changes what notes and purchases make (the search keys stay as they are).
func (tx *Tx) touchSummary(id string, fn func(s *profile.Summary)) error {
	s, err := tx.Summary(id)
	if err != nil {
		return err
	}
	fn(&s)
	return tx.putSummary(&s)
}

// sortDates keeps the summary's day lists in order after an insert.
func sortDates(ds []civil.Date) {
	sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) })
}
