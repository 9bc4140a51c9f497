package search

import (
	"slices"
	"strings"
	"sync"

	"github.com/vipbook/vipbook/profile"
)

// FoundFields is FoundSplit for a query of field filters alone
// (FieldsOnly), which ranks every client it matches by standing alone
// (tier, last day seen, 12-month spend; the earlier of sums among equals):
// it returns the best n of them in that order (every one when n <= 0) and
// how many match, without building an index over sums. The clients'
// fields are matched as they are (Facets' text is not made) and only the
// best n are ordered: vipbook search prints 50 of the 5,005 clients
// occupation:律师 finds in a 100k book. For any other query, ok is false
// (call FoundSplit).
func FoundFields(sums []profile.Summary, typed string, opt Options, n int) (order []int, total int, ok bool) {
	cc := opt.CountryCode
	if cc == "" {
		cc = profile.DefaultCountryCode
	}
	q := parseQuery(typed, cc)
	var fs []*term
	for i := range q.terms {
		t := &q.terms[i]
		if _, facet := facetNames[t.field]; t.kind != filterTerm || !facet || t.text == "" {
			return nil, 0, false
		}
		fs = append(fs, t)
	}
	if len(fs) == 0 {
		return nil, 0, false
	}
	top := bestOf{n: n}
	for d := range sums {
		s := &sums[d]
		if !fieldsMatch(s, fs) {
			continue
		}
		total++
		top.add(int32(d), standingOf(s, opt))
	}
	return top.order(), total, true
}

// fieldsMatch is Index.facetsMatch on a summary: s has, for every filter
// of fs, an entry of its field that matches. Only the fields filtered are
// folded; a client with a NUL in a field is matched on Facets' text, as
// the index matches it.
func fieldsMatch(s *profile.Summary, fs []*term) bool {
	if hasNUL(s) {
		return facetsMatchText(Facets(s), fs)
	}
	for _, t := range fs {
		want := facetWant(t)
		found := false
		each := func(v string) {
			if found {
				return
			}
			if v = strings.TrimSpace(v); v != "" {
				found = facetValueMatches(t.field, fold(v), want)
			}
		}
		switch t.field {
		case fieldSize:
			for _, v := range s.Sizes {
				each(v)
			}
		case fieldLikes:
			for _, v := range s.Likes {
				each(v)
			}
		case fieldDislikes:
			for _, v := range s.Dislikes {
				each(v)
			}
		case fieldCard:
			for _, v := range s.Cards {
				each(v)
			}
		case fieldOccupation:
			each(s.Occupation)
		case fieldFamily:
			for _, v := range s.Family {
				each(v)
			}
		case fieldStore:
			each(s.Store)
		}
		if !found {
			return false
		}
	}
	return true
}

// hasNUL reports whether a field the filters match holds a NUL byte,
// which separates Facets' entries.
func hasNUL(s *profile.Summary) bool {
	for _, vs := range [][]string{s.Sizes, s.Likes, s.Dislikes, s.Cards, s.Family} {
		for _, v := range vs {
			if strings.IndexByte(v, 0) >= 0 {
				return true
			}
		}
	}
	return strings.IndexByte(s.Occupation, 0) >= 0 || strings.IndexByte(s.Store, 0) >= 0
}

// facetWant is what a filter's value is matched as: a card number as
// the index keeps it, any other value as typed (folded).
func facetWant(t *term) string {
	if t.field == fieldCard {
		return strings.ToLower(profile.NormalizeCard(t.text))
	}
	return t.text
}

// facetValueMatches reports whether one entry v of field f (folded)
// matches a filter's value want: size:shoes=39 a size whose category
// holds "shoes" and whose value is 39 (size:39 any size of 39); card: a
// number holding it anywhere (its letters and digits, as a phone's digits
// match: card:8800 finds VIP-8800-123); the other fields a value holding
// it.
func facetValueMatches(f field, v, want string) bool {
	switch f {
	case fieldSize:
		cat, val, _ := strings.Cut(v, "=")
		if wc, wv, ok := strings.Cut(want, "="); ok {
			return categoryMatches(cat, wc) && (val == wv || strings.HasPrefix(val, wv+" "))
		}
		return val == want || categoryMatches(cat, want)
	case fieldCard:
		return strings.Contains(v, want)
	}
	return strings.Contains(v, want)
}

// facetsMatchText reports whether doc, a client's Facets, has for every
// filter of fs an entry of its field that matches.
func facetsMatchText(doc string, fs []*term) bool {
	for _, t := range fs {
		name, want := facetNames[t.field], facetWant(t)
		found := false
		for rest := doc; !found; {
			i := strings.Index(rest, "\x00"+name+":")
			if i < 0 {
				break
			}
			v := rest[i+len(name)+2:]
			if j := strings.IndexByte(v, 0); j >= 0 {
				v = v[:j]
			}
			rest = rest[i+1:]
			found = facetValueMatches(t.field, v, want)
		}
		if !found {
			return false
		}
	}
	return true
}

// bestOf keeps the best n clients added (every one when n <= 0) by
// standing, the one added first ahead among equals: a heap with the
// worst kept on top, so each client costs a comparison with it.
type bestOf struct {
	n  int
	ds []int32
	st []Standing
}

// worse reports whether kept entry i ranks behind kept entry j.
func (b *bestOf) worse(i, j int) bool {
	if c := compareStanding(b.st[i], b.st[j]); c != 0 {
		return c < 0
	}
	return b.ds[i] > b.ds[j]
}

func (b *bestOf) swap(i, j int) {
	b.ds[i], b.ds[j] = b.ds[j], b.ds[i]
	b.st[i], b.st[j] = b.st[j], b.st[i]
}

func (b *bestOf) add(d int32, st Standing) {
	if b.n <= 0 || len(b.ds) < b.n {
		b.ds, b.st = append(b.ds, d), append(b.st, st)
		if b.n > 0 {
			b.up(len(b.ds) - 1)
		}
		return
	}
	// Full: d replaces the worst kept when it ranks ahead of it (a later
	// client standing level with it does not).
	if compareStanding(st, b.st[0]) <= 0 {
		return
	}
	b.ds[0], b.st[0] = d, st
	b.down(0)
}

func (b *bestOf) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !b.worse(i, p) {
			return
		}
		b.swap(i, p)
		i = p
	}
}

func (b *bestOf) down(i int) {
	for {
		w, l, r := i, 2*i+1, 2*i+2
		if l < len(b.ds) && b.worse(l, w) {
			w = l
		}
		if r < len(b.ds) && b.worse(r, w) {
			w = r
		}
		if w == i {
			return
		}
		b.swap(i, w)
		i = w
	}
}

// order returns the clients kept, best first.
func (b *bestOf) order() []int {
	idx := make([]int, len(b.ds))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(x, y int) int {
		switch {
		case b.worse(y, x):
			return -1
		case b.worse(x, y):
			return 1
		}
		return 0
	})
	out := make([]int, len(idx))
	for i, k := range idx {
		out[i] = int(b.ds[k])
	}
	return out
}

// categoryMatches reports whether a size's category cat (folded) matches
// the category a filter names, want: cat holds want, or cat holds a word
// of a category that want names (size:鞋= and size:鞋码= find shoes,
// size:sho= finds 鞋, size:手寸= finds ring).
func categoryMatches(cat, want string) bool {
	if strings.Contains(cat, want) {
		return true
	}
	words := sizeWords()
	for _, g := range categoriesNamed(want) {
		if slices.ContainsFunc(words[g], func(w string) bool { return strings.Contains(cat, w) }) {
			return true
		}
	}
	return false
}

// sizeWords are the words of each size category a filter's category is
// matched by, loosely: profile.SizeCategories' parts of names, and
// profile.SizeNames' whole names (手寸 is ring, 腰围 waist), the two
// tables' categories joined by their first word. Built on first use
// (sync.OnceValue), not at start: a package's start costs every command
// (TestInitCost).
var sizeWords = sync.OnceValue(func() [][]string {
	var out [][]string
	at := map[string]int{}
	for _, table := range [][][]string{profile.SizeCategories, profile.SizeNames} {
		for _, words := range table {
			g, ok := at[words[0]]
			if !ok {
				g = len(out)
				at[words[0]] = g
				out = append(out, nil)
			}
			for _, w := range words {
				if !slices.Contains(out[g], w) {
					out[g] = append(out[g], w)
				}
			}
		}
	}
	return out
})

// categoriesNamed returns the categories of sizeWords that want names:
// one of their words holds it (sho, 鞋) or it holds one of their words
// (鞋码, 戒指, 手寸尺寸). Worked out once a filter, not for each size of
// every client.
func categoriesNamed(want string) []int {
	if gs, ok := categoriesSeen.Load(want); ok {
		return gs.([]int)
	}
	var gs []int
	if want != "" {
		for g, words := range sizeWords() {
			if slices.ContainsFunc(words, func(w string) bool { return strings.Contains(w, want) || strings.Contains(want, w) }) {
				gs = append(gs, g)
			}
		}
	}
	categoriesSeen.Store(want, gs)
	return gs
}

// categoriesSeen holds categoriesNamed's answers by the filter's category.
var categoriesSeen sync.Map
