package briefing

import (
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tiers"
)

// clientRow is what the briefing reads of a client, kept small: Load keeps
// one per client of the book (made from its brief summary, which is not
// kept), so a briefing of 100k clients holds a few hundred bytes for each,
// not every summary with its purchases and dates.
type clientRow struct {
	ID, Name, LatinName, Country, Tier string // Tier: the tier set by hand
	Status                             profile.Status
	DoNotContact                       bool
	couple, parent                     bool  // a wedding anniversary; children (isCouple, isParent)
	special                            uint8 // the special-person flags (specialBits)
	// lastContact and created are the summary's LastContact and Created,
	// packed (civil.Date.Pack: 4 bytes, not 24): LastContact, Created.
	lastContact, created uint32
	Rhythm               profile.Rhythm // on the briefing's day (Summary.RhythmOn)
	Spend12              profile.Money  // the 12 months' spend up to the day (profile.Last12)
	// dates are the client's important dates within their lead time on
	// the briefing's day, in the order of the summary's.
	dates []keptDate
}

// keptDate is an important date within its lead time: the date, its
// index among the client's dates, its day and how many days away.
type keptDate struct {
	d    profile.ImportantDate
	k    int
	on   civil.Date
	away int
}

// LastContact is the summary's.
func (c *clientRow) LastContact() civil.Date { return civil.Unpack(c.lastContact) }

// Created is the summary's.
func (c *clientRow) Created() civil.Date { return civil.Unpack(c.created) }

// Special returns the client's special-person flags (without their note).
func (c *clientRow) Special() profile.Special {
	b := c.special
	return profile.Special{Child: b&1 != 0, Elderly: b&2 != 0, Pregnant: b&4 != 0, Disability: b&8 != 0, Health: b&16 != 0}
}

// specialBits packs the flags of sp, as clientRow.Special reads them.
func specialBits(sp profile.Special) uint8 {
	var b uint8
	for k, on := range []bool{sp.Child, sp.Elderly, sp.Pregnant, sp.Disability, sp.Health} {
		if on {
			b |= 1 << k
		}
	}
	return b
}

// DisplayName is the summary's (profile.Summary.DisplayName).
func (c *clientRow) DisplayName() string {
	if c.Name != "" {
		return c.Name
	}
	return c.LatinName
}

// clientOf makes the client of summary s on day today (day its day
// number); buf is scratch for the rhythm, returned for reuse.
func clientOf(s *profile.Summary, today civil.Date, day int, buf []int) (clientRow, []int) {
	c := clientRow{ID: s.ID, Name: s.Name, LatinName: s.LatinName, Country: s.Country, Tier: s.Tier,
		Status: s.Status, DoNotContact: s.DoNotContact, couple: isCouple(s), parent: isParent(s),
		lastContact: s.LastContact.Pack(), created: s.Created.Pack(), Spend12: profile.Last12(s.Spends, today),
		special: specialBits(s.Special)}
	c.Rhythm, buf = s.RhythmOn(day, buf)
	for k, d := range s.Dates {
		on := d.Next(today)
		if away := on.DayNumber() - day; away <= d.Lead() {
			c.dates = append(c.dates, keptDate{d: d, k: k, on: on, away: away})
		}
	}
	return c, buf
}

// clientsOfSummaries makes the clients of sums on day today.
func clientsOfSummaries(sums []profile.Summary, today civil.Date) []clientRow {
	cs := make([]clientRow, len(sums))
	day := today.DayNumber()
	var buf []int
	for i := range sums {
		cs[i], buf = clientOf(&sums[i], today, day, buf)
	}
	return cs
}

// valued returns what the pyramid's tiers of cs are worked out from.
func valued(cs []clientRow) []tiers.Valued {
	vs := make([]tiers.Valued, len(cs))
	for i := range cs {
		vs[i] = valuedOf(&cs[i])
	}
	return vs
}

// valuedOf returns what the pyramid's tier of c is worked out from.
func valuedOf(c *clientRow) tiers.Valued {
	return tiers.Valued{ID: c.ID, Tier: c.Tier, Archived: c.Status == profile.Archived, Spend12: c.Spend12}
}
