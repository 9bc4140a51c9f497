package tui

import (
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
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
	city      string
	tags      []string
	// hay is what the placeholder search matches: the name, latin name,
	// pinyin keys, phone digits, lower case.
	hay string
}

// rowOf builds the row of a summary on day today.
func rowOf(s *profile.Summary, today civil.Date) clientRow {
	st := s.Stats(today)
	r := clientRow{id: s.ID, name: s.DisplayName(), tier: tierOf(s, today), lastVisit: st.LastVisit,
		spend12: st.Last12, dnc: s.DoNotContact, city: s.City, tags: s.Tags}
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
	var b strings.Builder
	b.WriteString(strings.ToLower(s.Name))
	b.WriteByte(' ')
	b.WriteString(strings.ToLower(s.LatinName))
	b.WriteByte(' ')
	b.WriteString(s.SearchKeys)
	for _, p := range s.Phones {
		b.WriteByte(' ')
		b.WriteString(p)
	}
	r.hay = b.String()
	return r
}

// tierOf returns the client's tier on day today: the override when one is
// set. (The computed tier comes with the tiers package.)
func tierOf(s *profile.Summary, today civil.Date) string { return s.Tier }
