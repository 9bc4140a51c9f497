package search

import (
	"slices"
	"sync"
)

// Result is the clients matching one query. Which clients match is known
// when the search returns; their order is worked out lazily, as far as it
// is asked for: Top(20) ranks the first screen of a 100,000-client match
// in linear time and leaves the rest unsorted until someone scrolls. The
// methods are safe for concurrent use.
//
// Order: exact matches (a name, word, pinyin key, tag or phone that is the
// term) before prefix matches before fuzzy ones, then the fuzzy score as
// github.com/sahilm/fuzzy computes it (summed over the terms), then the
// 12-month spend, then the book's order.
type Result struct {
	ix  *Index
	q   query
	ids []int32 // the matches in client order; never changes

	mu     sync.Mutex
	keys   []uint64 // sort keys; keys[:ranked] in order, the rest all lower
	ranked int
}

// Query returns the query the result is for.
func (r *Result) Query() string { return r.q.raw }

// Index returns the index the result comes from: client numbers are
// indices into the summaries it was built from.
func (r *Result) Index() *Index { return r.ix }

// Len returns the number of matching clients.
func (r *Result) Len() int { return len(r.ids) }

// Top returns the best n matches (fewer when fewer match), best first, as
// indices into the summaries the index was built from.
func (r *Result) Top(n int) []int { return r.Rows(0, n) }

// Rows returns the matches ranked from to to (a page of the list), best
// first.
func (r *Result) Rows(from, to int) []int {
	to = min(to, len(r.ids))
	if from >= to {
		return nil
	}
	from = max(from, 0)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rankTo(to)
	out := make([]int, to-from)
	for i, k := range r.keys[from:to] {
		out[i] = r.ix.docOf(k)
	}
	return out
}

// All returns every match, best first.
func (r *Result) All() []int { return r.Rows(0, len(r.ids)) }

// Matches returns the matching clients in the book's order (unranked), for
// a caller that sorts them its own way.
func (r *Result) Matches() []int {
	out := make([]int, len(r.ids))
	for i, d := range r.ids {
		out[i] = int(d)
	}
	return out
}

// rankTo makes keys[:n] the n best, in order. It ranks at least twice as
// far as before, so scrolling down a page at a time costs linear time
// overall.
func (r *Result) rankTo(n int) {
	if n <= r.ranked {
		return
	}
	n = min(max(n, 2*r.ranked, 64), len(r.keys))
	rest := r.keys[r.ranked:]
	if n == len(r.keys) {
		slices.Sort(rest)
		slices.Reverse(rest)
	} else {
		selectTop(rest, n-r.ranked)
		top := rest[:n-r.ranked]
		slices.Sort(top)
		slices.Reverse(top)
	}
	r.ranked = n
}

// selectTop moves the k largest values of a to its front, in no order
// (quickselect with a median-of-three pivot; values are distinct).
func selectTop(a []uint64, k int) {
	lo, hi := 0, len(a)
	for hi-lo > 12 {
		m := lo + (hi-lo)/2
		p := median3(a[lo], a[m], a[hi-1])
		// [lo,lt) > p, [lt,i) == p, [gt,hi) < p
		lt, i, gt := lo, lo, hi
		for i < gt {
			switch v := a[i]; {
			case v > p:
				a[lt], a[i] = a[i], a[lt]
				lt++
				i++
			case v < p:
				gt--
				a[gt], a[i] = a[i], a[gt]
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt
		case k <= gt:
			return
		default:
			lo = gt
		}
	}
	// A few left around the boundary: sorting them settles it.
	s := a[lo:hi]
	slices.Sort(s)
	slices.Reverse(s)
}

func median3(a, b, c uint64) uint64 {
	if a > b {
		a, b = b, a
	}
	if b > c {
		b = c
	}
	if a > b {
		b = a
	}
	return b
}
