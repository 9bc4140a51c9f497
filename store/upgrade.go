package store

import (
	"encoding/json"
	"errors"
	"strconv"

	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// kSummaryVersion is the meta key of the summary version every summary of
// the book is written in: a book whose summaries are older is brought up
// to date on its next writable open (upgradeSummaries).
var kSummaryVersion = []byte("summaryversion")

// summariesOld reports whether the book's summaries may be older than this
// vipbook writes (its meta says so, or says nothing).
func summariesOld(tx *bolt.Tx) bool {
	mb := tx.Bucket(bMeta)
	if mb == nil {
		return false
	}
	v, err := strconv.Atoi(string(mb.Get(kSummaryVersion)))
	return err != nil || v < summaryVersion
}

// upgradeSummaries writes afresh, from its profile, every summary older
// than summaryVersion (what notes and purchases gave it is kept), indexes
// the card numbers of those clients, drops the search index when any
// changed (built afresh after it: ensureBuckets, Book.buildKept), and
// records the version in the meta. A book written before
// summaries carried the fields search filters on (sizes, likes, dislikes,
// cards, family, store) finds its clients by them from then on: without
// this, size:shoes=39 found none of the clients no one had changed since.
func upgradeSummaries(tx *bolt.Tx) error {
	mb, sb, cb := tx.Bucket(bMeta), tx.Bucket(bSummaries), tx.Bucket(bClients)
	var meta Meta
	if raw := mb.Get(kBook); raw != nil {
		if err := json.Unmarshal(raw, &meta); err != nil {
			return err
		}
	}
	var old [][]byte
	if err := sb.ForEach(func(k, v []byte) error {
		if len(v) > 0 && v[0] < summaryVersion {
			old = append(old, append([]byte(nil), k...))
		}
		return nil
	}); err != nil {
		return err
	}
	for _, id := range old {
		var s profile.Summary
		if err := decodeSummary(sb.Get(id), &s, nil); err != nil {
			return err
		}
		var p profile.Profile
		if err := getJSON(cb, id, &p); err != nil {
			return err
		}
		keys := s.SearchKeys
		s.Refresh(&p, meta.CountryCode)
		s.SearchKeys = keys
		rs, rb := encodeRecords(&s)
		if err := sb.Put(id, rs); err != nil {
			return err
		}
		if bk := tx.Bucket(bBrief); bk != nil {
			if err := bk.Put(id, rb); err != nil {
				return err
			}
		}
		if bk := tx.Bucket(bSearchRow); bk != nil {
			if err := bk.Put(id, encodeSearchRow(&s)); err != nil {
				return err
			}
		}
		if bk := tx.Bucket(bStanding); bk != nil {
			if err := bk.Put(id, encodeStanding(&s)); err != nil {
				return err
			}
		}
		if err := indexCards(tx.Bucket(bCards), s.ID, s.Cards); err != nil {
			return err
		}
	}
	if len(old) > 0 {
		// The search index is built afresh from the new summaries, after
		// (ensureBuckets).
		for _, name := range [][]byte{bSearch, bSearchRev} {
			if tx.Bucket(name) != nil {
				if err := tx.DeleteBucket(name); err != nil {
					return err
				}
			}
		}
	}
	return mb.Put(kSummaryVersion, []byte(strconv.Itoa(summaryVersion)))
}

// OlderSummaries reports whether the book's summaries may be older than
// this vipbook writes: a book an older vipbook wrote, opened read-only
// before the writable open that brings them up to date
// (upgradeSummaries). They lack the fields search filters on (sizes,
// likes, dislikes, cards, family, store), which every reader of summaries
// (Summary, Summaries, SummariesOf, SummariesAfter, EachSummary) gives
// them from the clients' records (freshen): slower.
func (tx *Tx) OlderSummaries() bool { return summariesOld(tx.tx) }

// freshen brings up to date, in memory, the summaries of sums an older
// vipbook wrote (OlderSummaries), from their clients' records, as
// upgradeSummaries writes them at the book's next writable open: a book
// opened read-only before that open is searched by those fields all the
// same (size:shoes=39, family:张丽, store:国金), at the cost of reading
// each client's record. Every reader of summaries calls it, so that no
// caller has to. Summaries of this version are left as they are; in a
// book of this version freshen does nothing. A client whose record is
// missing or damaged keeps its stored summary: a read of the clients is
// not the place to fail on one damaged record (check names it), and every
// list, briefing and report of the book would fail with it.
func (tx *Tx) freshen(sums []profile.Summary) error {
	if !summariesOld(tx.tx) {
		return nil
	}
	sb, cb := tx.bucket(bSummaries), tx.bucket(bClients)
	var old []int
	var raws [][]byte // point into the book's map: valid for the transaction
	for i := range sums {
		if raw := sb.Get([]byte(sums[i].ID)); len(raw) == 0 || raw[0] >= summaryVersion {
			continue
		}
		raw := cb.Get([]byte(sums[i].ID))
		if raw == nil {
			continue // the stored summary stands (check names the record missing)
		}
		old, raws = append(old, i), append(raws, raw)
	}
	cc := tx.book.meta.CountryCode
	errs := make([]error, partCount(len(old), freshenPart))
	parts(len(old), freshenPart, func(k, lo, hi int) {
		errs[k] = guarded(func() error {
			for j := lo; j < hi; j++ {
				s := &sums[old[j]]
				var p profile.Profile
				if unmarshalRecord(raws[j], &p) != nil {
					continue // damaged: the stored summary stands (check names it)
				}
				keys := s.SearchKeys
				s.Refresh(&p, cc)
				s.SearchKeys = keys
			}
			return nil
		})
	})
	return errors.Join(errs...)
}

// freshenPart is the fewest records worth a goroutine of their own.
const freshenPart = 1 << 10
