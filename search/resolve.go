package search

import (
	"slices"
	"strings"

	"github.com/vipbook/vipbook/profile"
)

// Resolve finds the clients a command-line CLIENT argument names: an exact
// id; else a membership card number typed in any format (spaces, dashes
// and case do not matter); else a phone typed in any format; else a part
// of a card's number (five letters or digits at least, a digit among
// them: 8800-123 for VIP-8800-123); else a name (exact, case-folded,
// in any script or its pinyin); else the fuzzy matches of the name. One
// result is a hit; several are candidates to list; none is not found.
func Resolve(query string, sums []profile.Summary, cc string) []profile.Summary {
	q := strings.TrimSpace(query)
	if q == "" {
		return nil
	}
	for _, s := range sums {
		if s.ID == q {
			return []profile.Summary{s}
		}
	}
	if c := profile.NormalizeCard(q); len(c) >= 3 {
		var hits []profile.Summary
		for _, s := range sums {
			for _, n := range s.Cards {
				if n == c {
					hits = append(hits, s)
					break
				}
			}
		}
		if len(hits) > 0 {
			return hits
		}
	}
	if digits := profile.Digits(q); len(digits) >= 5 && len(digits)*2 >= len(q) {
		if n := profile.NormalizePhone(q, cc); n != "" {
			var hits []profile.Summary
			for _, s := range sums {
				for _, p := range s.Phones {
					if p == n {
						hits = append(hits, s)
						break
					}
				}
			}
			if len(hits) > 0 {
				return hits
			}
		}
	}
	// A part of a card's number, as long as a short phone: its digits
	// without the programme's letters (8800-123 for VIP-8800-123).
	if c := profile.NormalizeCard(q); len(c) >= 5 && strings.ContainsAny(c, "0123456789") {
		var hits []profile.Summary
		for _, s := range sums {
			if slices.ContainsFunc(s.Cards, func(n string) bool { return strings.Contains(n, c) }) {
				hits = append(hits, s)
			}
		}
		if len(hits) > 0 {
			return hits
		}
	}
	lq := strings.ToLower(q)
	var exact []profile.Summary
	for _, s := range sums {
		if strings.ToLower(s.Name) == lq || strings.ToLower(s.LatinName) == lq {
			exact = append(exact, s)
		}
	}
	if len(exact) > 0 {
		return exact
	}
	var loose []profile.Summary
	for _, s := range sums {
		hay := strings.ToLower(s.Name + " " + s.LatinName + " " + s.SearchKeys)
		if strings.Contains(hay, lq) {
			loose = append(loose, s)
		}
	}
	return loose
}
