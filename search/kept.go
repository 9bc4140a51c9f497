package search

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vipbook/vipbook/profile"
)

// Lookup reads a kept index (see ClientTokens): it calls fn with the id of
// every client holding token, or a token starting with it when prefix is
// set. A client may come more than once.
type Lookup func(token string, prefix bool, fn func(id string))

// lookup is one read of a kept index.
type lookup struct {
	token  string
	prefix bool
}

// Candidates returns the ids of the clients of a kept index that may
// match query, sorted: those holding, for every term, the tokens it
// names. Candidates is candidate retrieval only: Found says which of them
// match and in what order. ok is false when no term of the query can be
// looked up (an empty query, tier: alone, a phone term of punctuation):
// the whole book must then be searched.
func Candidates(query, cc string, look Lookup) (ids []string, ok bool) {
	if cc == "" {
		cc = profile.DefaultCountryCode
	}
	q := parseQuery(query, cc)
	var set map[string]bool
	for i := range q.terms {
		t := &q.terms[i]
		all, any := termLookups(t)
		if len(all) == 0 && len(any) == 0 {
			continue
		}
		ok = true
		if len(any) > 0 { // a phone: any of its forms
			union := map[string]bool{}
			for _, l := range any {
				look(l.token, l.prefix, func(id string) {
					if set == nil || set[id] {
						union[id] = true
					}
				})
			}
			set = union
		}
		for _, l := range all {
			next := map[string]bool{}
			look(l.token, l.prefix, func(id string) {
				if set == nil || set[id] {
					next[id] = true
				}
			})
			set = next
			if len(set) == 0 {
				return nil, true
			}
		}
		if len(set) == 0 {
			return nil, true
		}
	}
	for id := range set {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids, ok
}

// termLookups returns the reads that find a term's clients: each of all
// must find the client, or one of any.
func termLookups(t *term) (all, any []lookup) {
	switch t.kind {
	case phoneTerm:
		for _, a := range t.alts {
			any = append(any, lookup{string(rune(TokPhone)) + a, true})
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
	case fieldCard:
		return []lookup{{string(rune(TokField)) + "card:" + strings.ToLower(profile.NormalizeCard(t.text)), true}}, nil
	}
	p := string(rune(TokField)) + facetNames[t.field] + ":"
	return textLookups(t.text, p, p), nil
}

// textLookups returns the reads for typed text: a prefix read of each
// word, a read of each pair of Chinese characters (of the character when
// it stands alone).
func textLookups(s, word, han string) []lookup {
	var out []lookup
	eachPart(s, func(p string, isHan bool) {
		if !isHan {
			out = append(out, lookup{word + p, true})
			return
		}
		if utf8.RuneCountInString(p) == 1 {
			out = append(out, lookup{han + p, false})
			return
		}
		grams(p, false, func(g string) { out = append(out, lookup{han + g, false}) })
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
