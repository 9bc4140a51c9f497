package briefing

import (
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tiers"
)

// TermName names a term of the urgency score. Each term has its weight in
// the config's [urgency] section; a zero weight switches it off.
type TermName string

// The terms of the urgency score.
const (
	// TermOverdue is the overdue weight per day a follow-up is late (per
	// week a special request has been open), up to MaxOverdueDays.
	TermOverdue TermName = "overdue"
	// TermDue is the due weight for work due today: a follow-up due, a
	// client expected, an open special request.
	TermDue TermName = "due"
	// TermTier is the tier weight per tier level above the lowest.
	TermTier TermName = "tier"
	// TermDateProximity is the date-proximity weight for a date, festival or
	// situation: the full weight on the day, less the further it is.
	TermDateProximity TermName = "date_proximity"
	// TermSinceTouch is the since-touch weight per day since the last call,
	// message, visit or purchase (up to max_since_touch days).
	TermSinceTouch TermName = "since_touch"
	// TermSpecialPerson is the special-person weight per flag (elderly,
	// pregnant ...) of a client expected today.
	TermSpecialPerson TermName = "special_person"
)

// Term is one weighted part of an item's urgency, with its reason: a
// code (Reason) and the facts it takes (Args: numbers, days, names), which
// i18n words in the language in use (Catalog.Reason).
type Term struct {
	Term   TermName `json:"term"`
	Points float64  `json:"points"`
	Reason Reason   `json:"reason"`
	Args   []string `json:"args,omitempty"`
}

// Reason is the code of why a term counts. The comment of each says the
// facts it takes, in order.
type Reason string

// The reasons of the terms.
const (
	ReasonLate          Reason = "late"           // days late
	ReasonDueOn         Reason = "due_on"         // the day the follow-up was due
	ReasonDueToday      Reason = "due_today"      //
	ReasonWishesToday   Reason = "wishes_today"   //
	ReasonExpectedAt    Reason = "expected_at"    // the time of the visit
	ReasonDate          Reason = "date"           // date kind, label, days away, lunar day ("" for none), the day, and whose it is when not the client's own
	ReasonRequestOpen   Reason = "request_open"   // days open, the day it was opened
	ReasonWaitingWeeks  Reason = "waiting_weeks"  // weeks
	ReasonFestival      Reason = "festival"       // English name, Chinese name, days away, the day
	ReasonFestivalTier  Reason = "festival_tier"  // how many clients, the highest tier among them
	ReasonNoted         Reason = "noted"          // days ago, the note's text
	ReasonTierSpend     Reason = "tier_spend"     // tier, 12 months' spend, rank, of how many
	ReasonTierByHand    Reason = "tier_by_hand"   // tier
	ReasonTier          Reason = "tier"           // tier
	ReasonNoContact     Reason = "no_contact"     // days since the client was added
	ReasonLastContact   Reason = "last_contact"   // days since the last contact
	ReasonSpecialPerson Reason = "special_person" // the flags
)

// Urgency is how urgent a briefing item is: Score is the sum of the points
// of its Terms, which say why. Items are sorted by Score, highest first.
type Urgency struct {
	Score float64 `json:"score"`
	Terms []Term  `json:"terms,omitempty"`
	quiet bool    // score only, no reasons: ranking many items before explaining the few shown
}

// add adds a term; a term worth nothing (a zero weight) is left out. why
// is called only when the reasons are wanted.
func (u *Urgency) add(name TermName, points float64, why func() (Reason, []string)) {
	points = math.Round(points*10) / 10
	if points <= 0 {
		return
	}
	u.Score = math.Round((u.Score+points)*10) / 10
	if u.quiet {
		return
	}
	r, args := why()
	u.Terms = append(u.Terms, Term{Term: name, Points: points, Reason: r, Args: args})
}

// because returns a why function for a reason and its facts.
func because(r Reason, args ...string) func() (Reason, []string) {
	return func() (Reason, []string) { return r, args }
}

// scorer scores items against the weights, the day and the clients' tiers.
type scorer struct {
	w     config.Urgency
	today civil.Date
	day   int // today's day number
	sums  []clientRow
	tiers []tiers.Assignment // indexed like sums; nil with val
	// val is the pyramid's compact valuation of sums (Input.valuation),
	// when Load made one instead of every Assignment: made holds those
	// made of it for the items shown.
	val    *tiers.Valuation
	made   map[int]*tiers.Assignment
	madeMu sync.Mutex // Build's sections run side by side
	// currency names the currency in tier reasons.
	currency string
	// Compact copies of what ranking reads of every client, indexed like
	// sums (reading them from the summaries and the tiers misses the
	// cache on a big book): the tier level, the days since the last
	// contact counted by the since-touch term (-1: none), whether the
	// briefing may prompt a contact.
	levels  []int8
	touched []int32
	open    []bool
	keys    []uint64 // packed ids of sums, for find
	first   []int32  // first[p]: the first key whose top 16 bits are p or more (len 1<<16 + 1)
	sorted  bool     // sums are in id order
	short   bool     // every id fits in its packed key
}

// newScorer scores against in's weights, day, summaries and tiers.
func newScorer(in *Input) *scorer {
	sc := &scorer{w: in.Config.Urgency, today: in.Today, day: in.Today.DayNumber(), sums: in.clientsOf(),
		currency: in.tierConfig().Currency}
	n := len(sc.sums)
	sc.touched, sc.open = make([]int32, n), make([]bool, n)
	for i := range sc.sums {
		s := &sc.sums[i]
		sc.open[i] = active(s)
		sc.touched[i] = -1
		last := s.LastContact()
		if last.IsZero() {
			last = s.Created()
		}
		if !last.IsZero() && !last.After(sc.today) {
			d := sc.day - last.DayNumber()
			if sc.w.MaxSinceTouch > 0 && d > sc.w.MaxSinceTouch {
				d = sc.w.MaxSinceTouch
			}
			sc.touched[i] = int32(d)
		}
	}
	sc.index()
	sc.setTiers(in.Tiers, in.valuation)
	return sc
}

// setTiers gives the scorer the clients' tiers, indexed like its
// summaries: every assignment (ts), or the compact valuation v.
func (sc *scorer) setTiers(ts []tiers.Assignment, v *tiers.Valuation) {
	sc.tiers, sc.val, sc.made = ts, nil, nil
	sc.levels = make([]int8, len(sc.sums))
	if ts == nil && v != nil && v.Len() == len(sc.sums) {
		sc.val, sc.made = v, map[int]*tiers.Assignment{}
		for i := range sc.levels {
			sc.levels[i] = int8(v.Level(i))
		}
		return
	}
	for i := range sc.levels {
		if i < len(ts) {
			sc.levels[i] = int8(min(ts[i].Level, 127))
		}
	}
}

// assignment returns the tier assignment of client i, or nil.
func (s *scorer) assignment(i int) *tiers.Assignment {
	switch {
	case i < 0:
		return nil
	case s.val != nil:
		if i >= len(s.sums) {
			return nil
		}
		s.madeMu.Lock()
		defer s.madeMu.Unlock()
		if a, ok := s.made[i]; ok {
			return a
		}
		a := s.val.Assignment(i, valuedOf(&s.sums[i]))
		s.made[i] = &a
		return &a
	case i < len(s.tiers):
		return &s.tiers[i]
	}
	return nil
}

// find returns the index of the summary of client id, or -1. Summaries
// come from the store in id order; ids are looked up by their first eight
// bytes packed in a number, which keeps that order, among the keys that
// share the top 16 bits. A map of the ids was tried in its place: the
// briefing looks up a client for every task due and note of the week
// (tens of thousands at 100k), and `vipbook brief` took 9% more CPU with
// the map (BENCHMARKS.md).
func (s *scorer) find(id string) int {
	if s.keys == nil {
		s.index()
	}
	if !s.sorted {
		for j := range s.sums {
			if s.sums[j].ID == id {
				return j
			}
		}
		return -1
	}
	k := packID(id)
	// Only the keys that share k's top 16 bits need searching.
	lo, hi := int(s.first[k>>48]), int(s.first[k>>48+1])
	i, found := slices.BinarySearch(s.keys[lo:hi], k)
	i += lo
	if s.short && len(id) <= 8 { // the packed id is the whole id
		if found {
			return i
		}
		return -1
	}
	for ; i < len(s.keys) && s.keys[i] == k; i++ {
		if s.sums[i].ID == id {
			return i
		}
	}
	return -1
}

// index packs the ids and checks that the summaries are in id order.
func (s *scorer) index() {
	s.keys = make([]uint64, len(s.sums))
	s.sorted, s.short = true, true
	for i := range s.sums {
		s.keys[i] = packID(s.sums[i].ID)
		s.short = s.short && len(s.sums[i].ID) <= 8 && !strings.ContainsRune(s.sums[i].ID, 0)
		if i > 0 && s.sums[i-1].ID > s.sums[i].ID {
			s.sorted = false
		}
	}
	s.first = make([]int32, 1<<16+1)
	p := 0
	for i, k := range s.keys {
		for ; p <= int(k>>48); p++ {
			s.first[p] = int32(i)
		}
	}
	for ; p <= 1<<16; p++ {
		s.first[p] = int32(len(s.keys))
	}
}

// packID packs the first eight bytes of id, big-endian: a < b as strings
// implies packID(a) <= packID(b).
func packID(id string) uint64 {
	if len(id) >= 8 {
		return uint64(id[0])<<56 | uint64(id[1])<<48 | uint64(id[2])<<40 | uint64(id[3])<<32 |
			uint64(id[4])<<24 | uint64(id[5])<<16 | uint64(id[6])<<8 | uint64(id[7])
	}
	var k uint64
	for i := 0; i < len(id); i++ {
		k = k<<8 | uint64(id[i])
	}
	return k << (8 * (8 - len(id)))
}

// tierOf returns the tier name of client i ("" when unknown).
func (s *scorer) tierOf(i int) string {
	if s.val != nil && i >= 0 && i < len(s.sums) {
		return s.val.Tier(i, s.sums[i].Tier)
	}
	if i < 0 || i >= len(s.tiers) {
		return ""
	}
	return s.tiers[i].Tier
}

// tier adds the tier term of client i.
func (s *scorer) tier(u *Urgency, i int) {
	if u.quiet && s.levels != nil { // ranking: the compact copy, no reasons
		if i >= 0 && s.levels[i] > 0 {
			u.add(TermTier, s.w.Tier*float64(s.levels[i]), nil)
		}
		return
	}
	a := s.assignment(i)
	if a == nil || a.Level <= 0 {
		return
	}
	u.add(TermTier, s.w.Tier*float64(a.Level), func() (Reason, []string) { return tierReason(a, s.currency) })
}

// tierReason says why a client has their tier.
func tierReason(a *tiers.Assignment, currency string) (Reason, []string) {
	name := a.Tier
	if a.Label != "" && a.Card != nil {
		name = a.Label
	}
	switch {
	case a.Override:
		return ReasonTierByHand, []string{name}
	case a.Card != nil:
		return ReasonTier, []string{name}
	case a.Spend12 > 0:
		return ReasonTierSpend, []string{name, strings.TrimSpace(a.Spend12.String() + " " + currency), itoa(a.Rank), itoa(a.Of)}
	}
	return ReasonTier, []string{name}
}

// sinceTouch adds the since-touch term of client i: days since the last
// call, message, visit or purchase (since the client was added, when
// there was none).
func (s *scorer) sinceTouch(u *Urgency, i int) {
	if i < 0 || s.w.SinceTouch == 0 {
		return
	}
	if u.quiet && s.touched != nil { // ranking: the compact copy, no reasons
		if d := s.touched[i]; d >= 0 {
			u.add(TermSinceTouch, s.w.SinceTouch*float64(d), nil)
		}
		return
	}
	sum := &s.sums[i]
	last, never := sum.LastContact(), false
	if last.IsZero() {
		last, never = sum.Created(), true
	}
	if last.IsZero() || last.After(s.today) {
		return
	}
	days := s.day - last.DayNumber()
	counted := days
	if s.w.MaxSinceTouch > 0 && counted > s.w.MaxSinceTouch {
		counted = s.w.MaxSinceTouch
	}
	u.add(TermSinceTouch, s.w.SinceTouch*float64(counted), func() (Reason, []string) {
		if never {
			return ReasonNoContact, []string{itoa(days)}
		}
		return ReasonLastContact, []string{itoa(days)}
	})
}

// proximity is the date-proximity points of a day away days from today
// within a window of lead days: the full weight today, falling to a
// fraction of it at the far end.
func (s *scorer) proximity(away, lead int) float64 {
	if lead < 0 {
		lead = 0
	}
	if away < 0 || away > lead {
		return 0
	}
	return s.w.DateProximity * float64(lead+1-away) / float64(lead+1)
}

// special adds the special-person term for the flags of a client expected today.
func (s *scorer) special(u *Urgency, sp profile.Special) {
	if !sp.Any() {
		return
	}
	flags := sp.Flags()
	u.add(TermSpecialPerson, s.w.SpecialPerson*float64(len(flags)), because(ReasonSpecialPerson, flags...))
}
