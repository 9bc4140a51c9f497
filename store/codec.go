package store

import (
	"encoding/binary"
	"errors"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// The summary codec is a hand-written binary form: decoding 100k summaries
// must cost milliseconds, which JSON cannot do. Every field is written in a
// fixed order behind a version byte; a new field goes at the end under a
// new version, so older summaries still decode.
const summaryVersion = 3

// Version 3 added, after the rhythm, each date's ID, person and last gift,
// and the fields search filters on (sizes, likes, dislikes, cards,
// family, store).
const summaryV2 = 2

// Version 2 added the rhythm at the end; a version 1 summary decodes with
// Rhythm.OK false.
const summaryV1 = 1

var errBadSummary = errors.New("damaged client summary")

type enc struct{ b []byte }

func (e *enc) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *enc) varint(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *enc) str(s string)     { e.uvarint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *enc) strs(ss []string) {
	e.uvarint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}
func (e *enc) date(d civil.Date) { e.uvarint(uint64(d.Pack())) }

type dec struct {
	b   []byte
	s   string // the same bytes as one string: fields are substrings of it
	off int    // offset of b in s
	err error
	a   *arena
}

// arena hands out sub-slices of large blocks, so decoding 100k summaries
// makes a few hundred allocations instead of a million.
type arena struct {
	strs   []string
	spends []profile.Spend
	days   []civil.Date
	dates  []profile.ImportantDate
	// single is set for the arena of one summary (Tx.Summary): sharing
	// blocks would allocate a whole block per call.
	single bool
}

const arenaBlock = 1 << 14

// room makes sure every pool of a holds what one summary takes from it
// (take makes a slice of its own for more), so that a snapshot of a taken
// before a summary is decoded hands out the same memory again when put
// back (EachBriefSummary).
func (a *arena) room() {
	const most = arenaBlock / 4
	if len(a.strs) < most {
		a.strs = make([]string, most)
	}
	if len(a.spends) < most {
		a.spends = make([]profile.Spend, most)
	}
	if len(a.days) < most {
		a.days = make([]civil.Date, most)
	}
	if len(a.dates) < most {
		a.dates = make([]profile.ImportantDate, most)
	}
}

func take[T any](pool *[]T, n int, single bool) []T {
	if single || n > arenaBlock/4 {
		return make([]T, n)
	}
	if len(*pool) < n {
		*pool = make([]T, arenaBlock)
	}
	out := (*pool)[:n:n]
	*pool = (*pool)[n:]
	return out
}

func (d *dec) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = errBadSummary
		return 0
	}
	d.b = d.b[n:]
	d.off += n
	return v
}

func (d *dec) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.err = errBadSummary
		return 0
	}
	d.b = d.b[n:]
	d.off += n
	return v
}

func (d *dec) str() string {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		d.err = errBadSummary
		return ""
	}
	s := d.s[d.off : d.off+int(n)]
	d.b = d.b[n:]
	d.off += int(n)
	return s
}

func (d *dec) strs() []string {
	n := d.uvarint()
	if n == 0 || d.err != nil || n > uint64(len(d.b)) {
		return nil
	}
	out := take(&d.a.strs, int(n), d.a.single)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *dec) date() civil.Date { return civil.Unpack(uint32(d.uvarint())) }

// decodeList reads a count and that many items of a list (item reads
// one into its place), taken from pool of d's arena: nil for none, and
// ok false, nil, when the count is more than the bytes left could hold.
func decodeList[T any](d *dec, pool *[]T, item func(*T)) (out []T, ok bool) {
	n := d.uvarint()
	if n == 0 || n > uint64(len(d.b)) {
		return nil, n == 0
	}
	out = take(pool, int(n), d.a.single)
	for i := range out {
		item(&out[i])
	}
	return out, true
}

// spends reads a list of spends (day and amount each): decodeList.
func (d *dec) spends() ([]profile.Spend, bool) {
	return decodeList(d, &d.a.spends, func(p *profile.Spend) {
		p.Date = d.date()
		p.Amount = profile.Money(d.varint())
	})
}

// days reads a list of days: decodeList.
func (d *dec) days() ([]civil.Date, bool) {
	return decodeList(d, &d.a.days, func(day *civil.Date) { *day = d.date() })
}

// importantDates reads a list of important dates: decodeList.
func (d *dec) importantDates() ([]profile.ImportantDate, bool) {
	return decodeList(d, &d.a.dates, d.importantDate)
}

const (
	flagChild = 1 << iota
	flagElderly
	flagPregnant
	flagDisability
	flagHealth
	flagDNC
)

const (
	dateLunar = 1 << iota
	dateLeap
)

// specialFlags packs a summary's special-person and do-not-contact flags,
// as the summary and the brief record keep them.
func specialFlags(s *profile.Summary) uint64 {
	var flags uint64
	for _, f := range []struct {
		on  bool
		bit uint64
	}{{s.Special.Child, flagChild}, {s.Special.Elderly, flagElderly}, {s.Special.Pregnant, flagPregnant},
		{s.Special.Disability, flagDisability}, {s.Special.Health, flagHealth}, {s.DoNotContact, flagDNC}} {
		if f.on {
			flags |= f.bit
		}
	}
	return flags
}

// setSpecialFlags sets s's flags from what specialFlags packed.
func setSpecialFlags(s *profile.Summary, flags uint64) {
	s.Special = profile.Special{Child: flags&flagChild != 0, Elderly: flags&flagElderly != 0,
		Pregnant: flags&flagPregnant != 0, Disability: flags&flagDisability != 0, Health: flags&flagHealth != 0}
	s.DoNotContact = flags&flagDNC != 0
}

// importantDate writes what the summary and the brief record both keep
// of an important date: its kind, label, day, calendar and lead days.
func (e *enc) importantDate(d *profile.ImportantDate) {
	e.str(string(d.Kind))
	e.str(d.Label)
	e.uvarint(uint64(d.When.Year))
	e.uvarint(uint64(d.When.Month))
	e.uvarint(uint64(d.When.Day))
	var f uint64
	if d.Lunar {
		f |= dateLunar
	}
	if d.LeapMonth {
		f |= dateLeap
	}
	e.uvarint(f)
	e.uvarint(uint64(d.LeadDays))
}

// importantDate reads what enc.importantDate wrote into dt.
func (d *dec) importantDate(dt *profile.ImportantDate) {
	dt.Kind = profile.DateKind(d.str())
	dt.Label = d.str()
	dt.When.Year = int(d.uvarint())
	dt.When.Month = time.Month(d.uvarint())
	dt.When.Day = int(d.uvarint())
	f := d.uvarint()
	dt.Lunar = f&dateLunar != 0
	dt.LeapMonth = f&dateLeap != 0
	dt.LeadDays = int(d.uvarint())
}

// derivedRhythm is the rhythm a summary and a brief record carry: always
// what the client's days say, never taken from s.
func derivedRhythm(s *profile.Summary) profile.Rhythm {
	r, _ := profile.RhythmUpTo(s.Spends, s.VisitDays, profile.AllDays, nil)
	return r
}

// encodeRecords returns a client's summary and brief record, the rhythm
// worked out once for both.
func encodeRecords(s *profile.Summary) (summary, brief []byte) {
	r := derivedRhythm(s)
	return encodeSummaryWith(s, r), encodeBriefWith(s, r)
}

func encodeSummary(s *profile.Summary) []byte { return encodeSummaryWith(s, derivedRhythm(s)) }

// encodeSummaryWith packs s with r, its derivedRhythm.
func encodeSummaryWith(s *profile.Summary, r profile.Rhythm) []byte {
	e := enc{b: make([]byte, 0, 160+len(s.Spends)*8)}
	e.b = append(e.b, summaryVersion)
	e.str(s.ID)
	e.str(s.Name)
	e.str(s.LatinName)
	e.strs(s.Phones)
	e.str(s.Email)
	e.str(s.City)
	e.str(s.Occupation)
	e.str(s.Country)
	e.strs(s.Tags)
	e.str(s.Tier)
	e.str(string(s.Channel))
	e.uvarint(specialFlags(s))
	e.uvarint(uint64(len(s.Dates)))
	for _, d := range s.Dates {
		e.importantDate(&d)
	}
	e.uvarint(uint64(len(s.Spends)))
	for _, sp := range s.Spends {
		e.date(sp.Date)
		e.varint(int64(sp.Amount))
	}
	e.uvarint(uint64(len(s.VisitDays)))
	for _, d := range s.VisitDays {
		e.date(d)
	}
	e.date(s.LastContact)
	e.date(s.LastNote)
	e.uvarint(uint64(s.NoteCount))
	e.date(s.Created)
	e.uvarint(uint64(s.Status))
	e.str(s.Owner)
	e.str(s.ReferredBy)
	e.str(s.SearchKeys)
	// Derived, never taken from s (derivedRhythm).
	e.uvarint(uint64(r.Days))
	e.varint(int64(r.Last))
	e.uvarint(uint64(r.MedianGap))
	for _, d := range s.Dates {
		e.str(d.ID)
		e.str(d.For)
		e.date(d.LastGift)
	}
	e.strs(s.Sizes)
	e.strs(s.Likes)
	e.strs(s.Dislikes)
	e.strs(s.Cards)
	e.strs(s.Family)
	e.str(s.Store)
	// The sizes' fit notes, when there are any, at the end of a version 3
	// summary: a summary without them is the same bytes as before they
	// were kept, and a vipbook before them reads one with them (it reads
	// no further than the store). Nothing need be rewritten: a client
	// written before has its fit notes kept (and found by free text) from
	// its next write.
	if len(s.Fits) > 0 {
		e.strs(s.Fits)
	}
	return e.b
}

func decodeSummary(b []byte, s *profile.Summary, a *arena) error {
	return decodeSummaryIn(b, string(b), s, a)
}

// decodeSummaryIn decodes b, whose bytes are also the string bs (a part
// of a larger string shared by many summaries, or a copy of b): the
// summary's strings are substrings of bs.
func decodeSummaryIn(b []byte, bs string, s *profile.Summary, a *arena) error {
	if len(b) == 0 || (b[0] != summaryVersion && b[0] != summaryV2 && b[0] != summaryV1) {
		return errBadSummary
	}
	if a == nil {
		a = &arena{single: true}
	}
	d := dec{b: b[1:], s: bs, off: 1, a: a}
	s.ID = d.str()
	s.Name = d.str()
	s.LatinName = d.str()
	s.Phones = d.strs()
	s.Email = d.str()
	s.City = d.str()
	s.Occupation = d.str()
	s.Country = d.str()
	s.Tags = d.strs()
	s.Tier = d.str()
	s.Channel = profile.Channel(d.str())
	setSpecialFlags(s, d.uvarint())
	s.Dates, _ = d.importantDates()
	s.Spends, _ = d.spends()
	s.VisitDays, _ = d.days()
	s.LastContact = d.date()
	s.LastNote = d.date()
	s.NoteCount = int(d.uvarint())
	s.Created = d.date()
	s.Status = profile.Status(d.uvarint())
	s.Owner = d.str()
	s.ReferredBy = d.str()
	s.SearchKeys = d.str()
	s.Rhythm = profile.Rhythm{}
	if b[0] >= 2 {
		s.Rhythm = profile.Rhythm{Days: int32(d.uvarint()), Last: int32(d.varint()), MedianGap: int32(d.uvarint()), OK: d.err == nil}
	}
	s.Sizes, s.Likes, s.Dislikes, s.Cards, s.Family, s.Store, s.Fits = nil, nil, nil, nil, nil, "", nil
	if b[0] >= 3 {
		for i := range s.Dates {
			dt := &s.Dates[i]
			dt.ID = d.str()
			dt.For = d.str()
			dt.LastGift = d.date()
		}
		s.Sizes = d.strs()
		s.Likes = d.strs()
		s.Dislikes = d.strs()
		s.Cards = d.strs()
		s.Family = d.strs()
		s.Store = d.str()
		if d.err == nil && len(d.b) > 0 {
			s.Fits = d.strs()
		}
	}
	return d.err
}

// decodeSummaries decodes every summary of bucket bk, in key order. The
// values are gathered in one walk of the bucket (which also counts them:
// bbolt's Stats would walk every page once more), then decoded by a few
// goroutines, each into its own range of the result with its own arena.
func decodeSummaries(bk *bolt.Bucket) ([]profile.Summary, error) {
	var vals [][]byte // point into the book's map: valid for the transaction
	if err := bk.ForEach(func(_, v []byte) error {
		vals = append(vals, v)
		return nil
	}); err != nil {
		return nil, err
	}
	out := make([]profile.Summary, len(vals))
	errs := make([]error, partCount(len(vals), decodePart))
	parts(len(vals), decodePart, func(k, lo, hi int) {
		// The values are read through the memory map: a damaged page
		// faults here, in this goroutine, and must become an error as it
		// would in the transaction's own.
		errs[k] = guarded(func() error { return decodeSummaryRange(vals[lo:hi], out[lo:hi]) })
	})
	return out, errors.Join(errs...)
}

// decodePart is the fewest summaries worth a goroutine of their own.
const decodePart = 8 << 10

// decodeSummaryRange decodes vals into out (as long). The summaries'
// strings are copied out of the book a block of summaries at a time, into
// one string per block (built in place, copied once): one allocation per
// block rather than per summary, and far fewer objects for the collector
// to track. The numbers are read from the book's bytes themselves.
func decodeSummaryRange(vals [][]byte, out []profile.Summary) error {
	a := &arena{}
	for i := 0; i < len(vals); {
		n, j := 0, i
		for j < len(vals) && (j == i || n+len(vals[j]) <= summaryBlock) {
			n += len(vals[j])
			j++
		}
		var block strings.Builder
		block.Grow(n)
		for k := i; k < j; k++ {
			block.Write(vals[k])
		}
		bs := block.String()
		start := 0
		for k := i; k < j; k++ {
			end := start + len(vals[k])
			if err := decodeSummaryIn(vals[k], bs[start:end], &out[k], a); err != nil {
				return err
			}
			start = end
		}
		i = j
	}
	return nil
}

// summaryBlock is the size of the blocks of summary bytes Summaries
// copies out of the book at once.
const summaryBlock = 64 << 10
