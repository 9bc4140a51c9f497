package merge

import (
	"slices"
	"time"

	"github.com/vipbook/vipbook/profile"
)

// Clients combines two clients of one book found to be one person: keep,
// whose id stays, and other, merged into it. It returns the combined
// profile (keep and other are not changed) and the fields where keep's
// value won over other's (Conflict.Book is keep's, Incoming other's; the
// loser is kept in the History with source). On top of Profiles with
// PreferBook it unites what Profiles leaves alone (measurements, cards,
// gifts, each date keeping its own id), and consent takes the stricter
// answer: when either client asked not to be contacted, the merged one
// did (a conflict Kept "incoming" says so when it was other). A referral
// of one by the other is dropped (nobody introduces themselves).
func Clients(keep, other *profile.Profile, now time.Time, source string) (*profile.Profile, []Conflict) {
	out := Clone(keep)
	in := Clone(other)
	var pre []Conflict
	if in.Consent.DoNotContact && !out.Consent.DoNotContact {
		pre = append(pre, Conflict{Field: "do_not_contact", Book: "false", Incoming: "true", Kept: "incoming"})
		out.History = append(out.History, profile.FieldChange{Field: "do_not_contact", Old: "false", New: "true",
			At: now, Source: source})
		out.Consent = in.Consent
	}
	if !in.Consent.DoNotContact && out.Consent.DoNotContact {
		in.Consent = out.Consent // the stricter answer stands: no conflict to settle
	}
	// The other's dates are united below, each new one numbered in keep
	// (the gifts naming them follow).
	out.NumberDates()
	inDates, inGifts := in.Dates, in.Gifts
	in.Dates, in.Gifts = nil, nil
	if in.ReferredBy == keep.ID {
		in.ReferredBy = ""
	}
	if out.ReferredBy == other.ID {
		out.ReferredBy = ""
	}
	conflicts := Profiles(out, in, Options{Prefer: PreferBook, Now: now, Source: source})
	conflicts = append(pre, conflicts...)

	// Dates: one per kind, calendar and label, as Profiles unites them,
	// but each new one numbered in keep.
	dateOf := map[string]string{} // other's date id -> the merged date's id
	for _, d := range inDates {
		oldID := d.ID
		d.ID = ""
		k := dateKey(d)
		i := slices.IndexFunc(out.Dates, func(x profile.ImportantDate) bool { return dateKey(x) == k })
		if i < 0 {
			out.Dates = append(out.Dates, d)
			out.NumberDates()
			dateOf[oldID] = out.Dates[len(out.Dates)-1].ID
			continue
		}
		have := &out.Dates[i]
		dateOf[oldID] = have.ID
		if have.When.Month == d.When.Month && have.When.Day == d.When.Day && have.Lunar == d.Lunar && have.LeapMonth == d.LeapMonth {
			if have.When.Year == 0 {
				have.When.Year = d.When.Year
			}
			if have.LeadDays == 0 {
				have.LeadDays = d.LeadDays
			}
			if d.LastGift.After(have.LastGift) {
				have.LastGift = d.LastGift
			}
			continue
		}
		field := "date:" + string(d.Kind)
		if d.Label != "" {
			field += ":" + d.Label
		}
		c := Conflict{Field: field, Book: DateText(*have), Incoming: DateText(d), Kept: "book"}
		mm := &merger{opt: Options{Now: now, Source: source}, base: out}
		c.Known = !mm.remember(field, c.Incoming, c.Book)
		conflicts = append(conflicts, c)
	}

	// Measurements and cards were united by Profiles.
	for _, g := range inGifts {
		g.ID = out.NextGiftID()
		if g.ForDate != "" {
			g.ForDate = dateOf[g.ForDate]
		}
		out.Gifts = append(out.Gifts, g)
	}
	// A household member linked to either client is the client: no link
	// to oneself.
	for i := range out.Household {
		if id := out.Household[i].ClientID; id == keep.ID || id == other.ID {
			out.Household[i].ClientID = ""
		}
	}
	out.ID = keep.ID
	out.HandedOver = keep.HandedOver
	return out, conflicts
}
