package search

import (
	"unicode/utf8"

	"github.com/vipbook/vipbook/profile"
)

// Best returns the best n of sums (every one when n <= 0), best first, as
// FoundFields ranks the clients a query of field filters alone matches:
// by Standing (the higher tier, then the one seen more recently, then the
// bigger 12-month spender), the earlier in sums ahead among equals. It
// reads of each client only what its standing is made of (ID, Status,
// Tier, Spends, VisitDays: store.Tx.Standings), and matches no filter:
// for clients a kept index found exactly (CandidatesExact). Results are
// indices into sums.
func Best(sums []profile.Summary, opt Options, n int) []int {
	top := bestOf{n: n}
	for d := range sums {
		top.add(int32(d), standingOf(&sums[d], opt))
	}
	return top.order()
}

// standingOf is client s's Standing on opt.Today, with the tier opt.Tier
// gives it (its own when nil); only its tier when opt.Today is zero.
func standingOf(s *profile.Summary, opt Options) Standing {
	tier := s.Tier
	if opt.Tier != nil {
		tier = opt.Tier(s)
	}
	st := Standing{Level: LevelOf(opt.Levels, tier)}
	if !opt.Today.IsZero() {
		st.Spend = profile.Last12(s.Spends, opt.Today)
		st.Seen = LastSeen(s, opt.Today)
	}
	return st
}

// keptExactly reports whether the kept index answers term t whole, given
// whether it keeps the sizes t reads whole (sizeLookups): so do
// size:CATEGORY=VALUE where the index keeps sizes whole, and likes:,
// dislikes:, occupation:, family: and store: of one word of letters and
// digits (each word read by its prefix holds it) or of one or two Chinese
// characters (kept as such). Not so a value of punctuated words or of
// three Chinese characters or more (read as pairs that may lie apart), a
// card: or any other term.
func keptExactly(t *term, sizeExact bool) bool {
	if t.kind != filterTerm || t.text == "" {
		return false
	}
	switch t.field {
	case fieldSize:
		return sizeExact
	case fieldLikes, fieldDislikes, fieldOccupation, fieldFamily, fieldStore:
	default:
		return false
	}
	parts, whole := 0, false
	eachPart(t.text, func(p string, han bool) {
		parts++
		whole = p == t.text && (!han || utf8.RuneCountInString(p) <= 2)
	})
	return parts == 1 && whole
}
