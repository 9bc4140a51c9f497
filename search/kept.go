package search

import (
	"bytes"
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vipbook/vipbook/profile"
)

// Postings reads a kept index (see ClientTokens).
type Postings interface {
	// Read calls fn with the id of every client holding token, or a token
	// starting with it when prefix is set. The ids come in ascending
	// runs, one per token and source (the client's fields, its notes), so
	// a client may come more than once. id is valid only while the
	// transaction the read is made in is open.
	Read(token string, prefix bool, fn func(id []byte))
	// Size says about how long Read's list is (in any unit that grows
	// with it: the chunks the list is kept in), counting no further than
	// atMost.
	Size(token string, prefix bool, atMost int) int
}

// Values is a kept index that also keeps each size whole (TokExact
// tokens, ClientTokens): a size filter of a category and a value
// (size:shoes=39) then reads the clients holding it and no other.
type Values interface {
	// Values calls fn with each distinct token starting with prefix, in
	// order; token is valid only during the call.
	Values(prefix string, fn func(token []byte))
}

// CardHolders is a kept index of older keys (without CardParts) that
// also finds clients by any part of a membership card's number: card:8800
// and a card number typed as text (VIP 8800123) are then looked up. A
// kept index with neither has each such query searched in the whole book
// (Candidates says it cannot look it up).
type CardHolders interface {
	// CardHolders returns the ids of the clients holding a card whose
	// number (profile.NormalizeCard) holds part (upper case), sorted and
	// distinct.
	CardHolders(part string) []string
}

// CardParts is a kept index that keeps each membership card's number
// from every character on (ClientTokens: TokField "card:" tokens, as a
// phone's digits are kept): any part of a number is a prefix read, and
// CardHolders is not asked.
type CardParts interface {
	CardParts()
}

// Unfielded is a kept index that does not hold the profile's fields (a
// book an older vipbook wrote, opened read-only before the writable open
// that brings its summaries and index up to date): field filters are not
// looked up in it, only checked on the clients the other terms find.
type Unfielded interface {
	Unfielded()
}

// lookup is one read of a kept index: a token's list, or (card set) the
// holders of a card whose number holds card (CardHolders).
type lookup struct {
	token  string
	prefix bool
	card   string
}

// Candidates returns the ids of the clients of a kept index that may
// match query, sorted: those holding, for every term, the tokens it
// names. Candidates is candidate retrieval only: Found says which of them
// match and in what order. ok is false when no term of the query can be
// looked up (an empty query, tier: alone, a phone term of punctuation), or
// a term cannot be looked up in full (a card number in a kept index
// without CardParts or CardHolders): the whole book must then be searched.
//
// The lists are intersected as sorted lists (no sets are built), the
// shortest first: each read keeps the ids the reads before it found,
// walking both in order, so a long list costs a walk and allocates only
// what it keeps.
func Candidates(query, cc string, kept Postings) (ids []string, ok bool) {
	ids, ok, _ = CandidatesExact(query, cc, kept)
	return ids, ok
}

// CandidatesExact is Candidates, the query parsed once, and reports
// whether the clients found are exactly the ones a search of the whole
// book matches by the query's filters, so that no client found need be
// checked on its row: every term is a filter of a profile field that the
// index answers whole (keptExactly), or a size no client holds (none
// found, and none matches).
func CandidatesExact(query, cc string, kept Postings) (ids []string, ok, exact bool) {
	ids, ok, exact, _ = CandidatesUpTo(query, cc, kept, 0)
	return ids, ok, exact
}

// ReadsUntil is a kept index whose reads can stop midway: CandidatesUpTo
// then reads no further than it needs. Postings without it are read
// whole, the ids after the stop skipped.
type ReadsUntil interface {
	// ReadUntil is Read that stops as soon as fn returns false.
	ReadUntil(token string, prefix bool, fn func(id []byte) bool)
}

// CandidatesUpTo is CandidatesExact that gives up, with over set and no
// ids, as soon as it has found more than limit clients (none when limit
// is 0 or less): a letter or two typed names most of a big book, whose
// list a keystroke does not need whole to know it is too long. ids are
// then those of CandidatesExact exactly when over is false.
func CandidatesUpTo(query, cc string, kept Postings, limit int) (ids []string, ok, exact, over bool) {
	if cc == "" {
		cc = profile.DefaultCountryCode
	}
	q := parseQuery(query, cc)
	exact = true
	holders, _ := kept.(CardHolders)
	_, parts := kept.(CardParts)
	_, unfielded := kept.(Unfielded)
	// cardWays are the ways of finding the holders of a card whose number
	// holds c: a prefix read of its parts, and the clients whose card is
	// too long for them (matched on their rows); or CardHolders.
	unkept := parts && kept.Size(string(rune(TokField))+cardUnkept, false, 1) > 0
	cardWays := func(c string) [][]lookup {
		if !parts {
			return [][]lookup{{{card: c}}}
		}
		ways := [][]lookup{{{token: string(rune(TokField)) + "card:" + c, prefix: true}}}
		if unkept {
			ways = append(ways, []lookup{{token: string(rune(TokField)) + cardUnkept}})
		}
		return ways
	}
	// Each group is read in turn: a client must be found by every lookup
	// of one of its ways (a term's words; a phone's forms, or a card
	// holding it: any one of them). The shortest lists go first, so the
	// long ones are only walked to keep what is found.
	type group struct {
		ways [][]lookup
		size int
	}
	var groups []group
	for i := range q.terms {
		t := &q.terms[i]
		if _, facet := facetNames[t.field]; unfielded && t.kind == filterTerm && facet {
			exact = false
			continue // checked on the clients the other terms find
		}
		ls, sizeExact := sizeLookups(t, kept)
		exact = exact && keptExactly(t, sizeExact)
		if sizeExact {
			if len(ls) == 0 {
				return nil, true, true, false // no client holds such a size
			}
			groups = append(groups, group{ways: each(ls)})
			continue
		}
		if t.kind == filterTerm && t.field == fieldCard && t.text != "" {
			if holders == nil && !parts {
				continue // checked on the clients the other terms find
			}
			if c := facetWant(t); c != "" {
				groups = append(groups, group{ways: cardWays(c)})
			}
			continue
		}
		all, any := termLookups(t)
		// Free text finds a client by a profile field's words too (a
		// like 藏青色 by 藏青), any one field: ranked after the name's
		// matches, as a note's words are (FoundSplit).
		// One letter typed finds nobody by a field: it would read every
		// value starting with it, on the keystroke that finds the most
		// names already.
		var fieldWays [][]lookup
		if t.kind == textTerm && !unfielded && (len(t.text) > 1 || !isASCII(t.text)) {
			for _, f := range textFields {
				p := string(rune(TokField)) + f + ":"
				if ls := textLookups(t.text, p, p); len(ls) > 0 {
					fieldWays = append(fieldWays, ls)
				}
			}
		}
		if len(t.cards) > 0 {
			if holders == nil && !parts {
				return nil, false, false, false
			}
			// A client found by a card holding the term, or by the term
			// as it is (all its words; one of a phone's forms).
			g := group{ways: each(any)}
			if len(all) > 0 {
				g.ways = append(g.ways, all)
			}
			for _, c := range t.cards {
				g.ways = append(g.ways, cardWays(c)...)
			}
			g.ways = append(g.ways, fieldWays...)
			groups = append(groups, g)
			continue
		}
		if len(any) > 0 {
			groups = append(groups, group{ways: each(any)})
		}
		if len(all) > 0 && len(fieldWays) > 0 {
			groups = append(groups, group{ways: append([][]lookup{all}, fieldWays...)})
			continue
		}
		for _, l := range all {
			groups = append(groups, group{ways: [][]lookup{{l}}})
		}
	}
	if len(groups) == 0 {
		return nil, false, false, false
	}
	// The card holders are read once, up front: their number is their
	// size.
	held := map[string][]string{}
	size := func(l lookup, atMost int) int {
		if l.card == "" {
			return kept.Size(l.token, l.prefix, atMost)
		}
		c := strings.ToUpper(l.card)
		ids, ok := held[c]
		if !ok {
			ids = holders.CardHolders(c)
			held[c] = ids
		}
		return 1 + len(ids)/cardChunk
	}
	least := math.MaxInt
	for i := range groups {
		for _, way := range groups[i].ways {
			// A way finds no more than its shortest list.
			w := math.MaxInt
			for _, l := range way {
				w = min(w, size(l, least-groups[i].size))
			}
			groups[i].size += w
		}
		least = min(least, groups[i].size)
	}
	slices.SortStableFunc(groups, func(a, b group) int { return cmp.Compare(a.size, b.size) })
	until, _ := kept.(ReadsUntil)
	read := func(l lookup, fn func(id []byte) bool) {
		switch {
		case l.card != "":
			for _, id := range held[strings.ToUpper(l.card)] {
				if !fn([]byte(id)) {
					return
				}
			}
		case until != nil:
			until.ReadUntil(l.token, l.prefix, fn)
		default:
			stopped := false
			kept.Read(l.token, l.prefix, func(id []byte) {
				stopped = stopped || !fn(id)
			})
		}
	}
	// With a limit, the clients the last group's last reads keep (every
	// one of them is found) are counted as they come, distinct, until
	// there are more than limit.
	var counted map[string]struct{}
	count := func(id []byte) bool {
		if _, ok := counted[string(id)]; !ok {
			counted[string(id)] = struct{}{}
		}
		return len(counted) <= limit
	}
	var set [][]byte // sorted, distinct: the clients every read so far found
	for i, g := range groups {
		var next [][]byte
		last := i == len(groups)-1
		for _, way := range g.ways {
			// Every lookup of the way keeps what the ones before it kept.
			found, have := set, i > 0
			for k, l := range way {
				var c func(id []byte) bool
				if limit > 0 && last && k == len(way)-1 && (!have || len(found) > limit || len(g.ways) > 1) {
					if counted == nil {
						counted = map[string]struct{}{}
					}
					c = count
				}
				found = keep(read, l, found, have, nil, c)
				if c != nil && len(counted) > limit {
					return nil, true, exact, true
				}
				found = sortedDistinct(found)
				have = true
				if len(found) == 0 {
					break
				}
			}
			next = append(next, found...)
		}
		if set = sortedDistinct(next); len(set) == 0 {
			return nil, true, exact, false
		}
	}
	ids = make([]string, len(set))
	for i, id := range set {
		ids[i] = string(id)
	}
	return ids, true, exact, false
}

// textFields name the profile fields (their TokField tokens) whose words
// free text finds a client by (after its name, phones and notes): what
// the client likes and does not, the occupation, the household's names,
// the store (as facetNames names them), and the fit notes of the current
// sizes.
var textFields = []string{"likes", "dislikes", "occupation", "family", "store", fitField}

// cardChunk is how many card holders count as one chunk of a list, in
// the sizes that order the reads (Postings.Size).
const cardChunk = 256

// each returns one way of one lookup for each of ls (any of them).
func each(ls []lookup) [][]lookup {
	ways := make([][]lookup, len(ls))
	for i := range ls {
		ways[i] = ls[i : i+1]
	}
	return ways
}

// keep appends to out the ids l reads that are in set (every id when
// have is false: the first read). The ids of a run come in order, so
// set is walked along with them; a new run (another source, the next
// token of a prefix read) starts the walk again where its first id
// belongs. count, when not nil, is told of each id kept, and the read
// stops when it says so.
func keep(read func(l lookup, fn func(id []byte) bool), l lookup, set [][]byte, have bool, out [][]byte, count func(id []byte) bool) [][]byte {
	var prev []byte
	j := 0
	read(l, func(id []byte) bool {
		if !have {
			out = append(out, id)
			return count == nil || count(id)
		}
		if prev != nil && bytes.Compare(id, prev) < 0 {
			j, _ = slices.BinarySearchFunc(set, id, bytes.Compare)
		} else {
			j = gallop(set, j, id)
		}
		prev = id
		if j < len(set) && bytes.Equal(set[j], id) {
			out = append(out, id)
			return count == nil || count(id)
		}
		return true
	})
	return out
}

// gallop returns the first place from j on where id belongs in set: it
// steps 1, 2, 4... ahead, then halves the last step. A run of a few ids
// spread over the whole set (a rare word's notes) then costs a few
// compares an id, not a walk of the set.
func gallop(set [][]byte, j int, id []byte) int {
	lo, step := j, 1
	for lo < len(set) && bytes.Compare(set[lo], id) < 0 {
		j = lo + 1 // set[lo] < id: id belongs after it
		lo += step
		step *= 2
	}
	// id belongs in [j, lo]: set[j-1] < id <= set[lo] (or lo is past the end).
	hi := min(lo, len(set))
	k, _ := slices.BinarySearchFunc(set[j:hi], id, bytes.Compare)
	return j + k
}

// sortedDistinct sorts ids and drops repeats, in place (a list already in
// order is only checked).
func sortedDistinct(ids [][]byte) [][]byte {
	if !slices.IsSortedFunc(ids, bytes.Compare) {
		slices.SortFunc(ids, bytes.Compare)
	}
	return slices.CompactFunc(ids, bytes.Equal)
}

// termLookups returns the reads that find a term's clients: each of all
// must find the client, or one of any.
func termLookups(t *term) (all, any []lookup) {
	switch t.kind {
	case phoneTerm:
		for _, a := range t.alts {
			any = append(any, lookup{token: string(rune(TokPhone)) + a, prefix: true})
		}
		return nil, any
	case textTerm:
		return textLookups(t.text, string(rune(TokWord)), string(rune(TokHan))), nil
	}
	if t.text == "" {
		return nil, nil
	}
	switch t.field {
	case fieldTier:
		return nil, nil // computed, not kept: checked on the candidates
	case fieldTag:
		return textLookups(t.text, string(rune(TokWord)), string(rune(TokHan))), nil
	case fieldCity:
		p := string(rune(TokField)) + "city:"
		return textLookups(t.text, p, p), nil
	}
	p := string(rune(TokField)) + facetNames[t.field] + ":"
	return textLookups(t.text, p, p), nil
}

// sizeLookups returns the reads of the sizes a filter size:C=V matches
// (any of them: one per category holding C that a value with first word V
// is kept under), when kept keeps sizes whole and every client's (exact is
// false otherwise: termLookups' words are read, and the rows checked).
func sizeLookups(t *term, kept Postings) (ls []lookup, exact bool) {
	vs, ok := kept.(Values)
	if !ok || t.kind != filterTerm || t.field != fieldSize {
		return nil, false
	}
	wc, wv, ok := strings.Cut(t.text, "=")
	if !ok || strings.IndexByte(wv, 1) >= 0 || kept.Size(string(rune(TokExact))+sizeUnkept, false, 1) > 0 {
		return nil, false
	}
	prefix := string(rune(TokExact)) + "size:" + wv + "\x01"
	vs.Values(prefix, func(token []byte) {
		if categoryMatches(string(token[len(prefix):]), wc) {
			ls = append(ls, lookup{token: string(token), prefix: false})
		}
	})
	return ls, true
}

// textLookups returns the reads for typed text: a prefix read of each
// word, a read of each pair of Chinese characters (of the character when
// it stands alone).
func textLookups(s, word, han string) []lookup {
	var out []lookup
	eachPart(s, func(p string, isHan bool) {
		if !isHan {
			out = append(out, lookup{token: word + p, prefix: true})
			return
		}
		if utf8.RuneCountInString(p) == 1 {
			out = append(out, lookup{token: han + p, prefix: false})
			return
		}
		grams(p, false, func(g string) { out = append(out, lookup{token: han + g, prefix: false}) })
	})
	return out
}

// Found orders the clients a kept index found for query, given their
// summaries (read for those clients alone), and leaves out those the query
// does not match after all (a field filter's whole value, a tier). First
// come the clients the query matches by name, pinyin, tag or phone, as
// Index.Search ranks them; then those whose notes hold its words, the
// biggest spender first. Results are indices into sums.
func Found(sums []profile.Summary, typed string, opt Options) []int {
	out, _ := FoundSplit(sums, typed, opt)
	return out
}

// FoundSplit is Found, and says how many of the clients come first as
// Index.Search ranks them (matched by name, pinyin, tag, phone or field):
// the rest are found by their notes alone (or a field filter's whole
// value), which a search of the summaries does not find.
func FoundSplit(sums []profile.Summary, typed string, opt Options) (order []int, strong int) {
	ix := New(sums, opt)
	out := ix.Search(typed).All()
	strong = len(out)
	q := parseQuery(typed, ix.cc)
	filters := query{raw: "\x00filters"}
	for _, t := range q.terms {
		if t.kind != textTerm {
			filters.terms = append(filters.terms, t)
		}
	}
	keys, _ := ix.match(context.Background(), &filters, nil, false)
	if len(keys) == len(out) {
		return out, strong
	}
	seen := make([]bool, len(sums))
	for _, d := range out {
		seen[d] = true
	}
	var rest []uint64
	for _, k := range keys {
		if !seen[ix.docOf(k)] {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	slices.Reverse(rest)
	for _, k := range rest {
		out = append(out, ix.docOf(k))
	}
	return out, strong
}

// FieldsOnly reports whether every term of query is a filter on a profile
// field (size:, likes:, dislikes:, card:, occupation:, family:, store:)
// with a value, which the kept index holds word by word: what it finds for
// such a query is the whole answer, and finding nobody is final (a search
// of the whole book would find no one else by a word or a prefix; a
// word's middle, likes:ilk for silk, is not looked for either way).
func FieldsOnly(query string) bool {
	q := parseQuery(query, profile.DefaultCountryCode)
	for _, t := range q.terms {
		if _, ok := facetNames[t.field]; t.kind != filterTerm || !ok || t.text == "" {
			return false
		}
	}
	return len(q.terms) > 0
}

// FiltersFields reports whether query holds a filter on a profile field
// (size:, likes:, dislikes:, card:, occupation:, family:, store:) with a
// value: in a book an older vipbook wrote, the store reads those fields
// from every client's record, slower (vipbook search says so).
func FiltersFields(query string) bool {
	q := parseQuery(query, profile.DefaultCountryCode)
	for _, t := range q.terms {
		if _, ok := facetNames[t.field]; t.kind == filterTerm && ok && t.text != "" {
			return true
		}
	}
	return false
}
