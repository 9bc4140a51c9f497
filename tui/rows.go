package tui

import (
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
)

// clientRow is one line of the client list, computed once from a summary.
type clientRow struct {
	id        string
	name      string // the name to show
	latin     string // the latin name when it differs
	phone     string // first number, normalised, with +
	tier      string
	lastVisit civil.Date
	spend12   profile.Money
	next      civil.Date // the soonest important date
	nextKind  profile.DateKind
	dnc       bool
	level     int        // the tier's place in the scheme (search.LevelOf), which ranks equal matches
	seen      civil.Date // the last day seen (search.LastSeen), which ranks equal matches
	city      string
	tags      []string
	keys      string   // the pinyin keys of the name (the summary's SearchKeys)
	phones    []string // every number, normalised (country code and number)
	facets    string   // the profile fields the field filters match (search.Facets)
	sortKey   string   // the name order
}

// rowOf builds the row of a summary on day today, in tier.
func rowOf(s *profile.Summary, today civil.Date, tier string) clientRow {
	r := shownRowOf(s, today, tier)
	r.facets = search.Facets(s)
	return r
}

// shownRowOf is rowOf without the profile's fields the list's index
// matches (facets): a row that is shown and never indexed (the kept
// index's answer to a keystroke).
func shownRowOf(s *profile.Summary, today civil.Date, tier string) clientRow {
	last, spend12 := rowStats(s, today)
	r := clientRow{id: s.ID, name: s.DisplayName(), tier: tier, lastVisit: last,
		spend12: spend12, dnc: s.DoNotContact, city: s.City, tags: s.Tags}
	if s.Name != "" && s.LatinName != "" && s.LatinName != s.Name {
		r.latin = s.LatinName
	}
	if len(s.Phones) > 0 {
		r.phone = "+" + s.Phones[0]
	}
	for _, d := range s.Dates {
		if n := d.Next(today); r.next.IsZero() || n.Before(r.next) {
			r.next, r.nextKind = n, d.Kind
		}
	}
	r.keys, r.phones = s.SearchKeys, s.Phones
	r.seen = search.LastSeen(s, today)
	r.sortKey = sortKeyOf(s)
	return r
}

// rowStats returns the two figures of s.Stats(today) a row shows, the
// last visit and the 12-month spend, without the set of visit days the
// other figures need (a map for each of 100k rows, and of each client a
// keystroke's kept answer finds).
func rowStats(s *profile.Summary, today civil.Date) (last civil.Date, spend12 profile.Money) {
	from12 := today.AddDays(-364)
	for _, p := range s.Spends {
		if p.Date.After(today) {
			continue
		}
		if !p.Date.Before(from12) {
			spend12 += p.Amount
		}
		if p.Amount != 0 && p.Date.After(last) { // a zero purchase is no visit
			last = p.Date
		}
	}
	for _, d := range s.VisitDays {
		if !d.After(today) && d.After(last) {
			last = d
		}
	}
	return last, spend12
}

// sortKeyOf is what the name order sorts by: a Chinese name by its pinyin,
// so that 曾小凡 files under z among the latin names, not after them all.
func sortKeyOf(s *profile.Summary) string {
	name := s.DisplayName()
	for _, r := range name {
		if r >= 0x2e80 {
			if keys := strings.Fields(s.SearchKeys); len(keys) > 0 {
				return keys[0] + " " + name
			}
			break
		}
	}
	return strings.ToLower(name)
}
