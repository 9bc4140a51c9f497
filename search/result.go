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
	ix   *Index
	q    query
	keys []uint64 // the matches' sort keys, in client order; never changes

	mu     sync.Mutex
	ranked []uint64 // the best len(ranked) keys, best first
	order  []uint64 // a copy of keys for deep ranking; ranked is its prefix
}

// Query returns the query the result is for.
func (r *Result) Query() string { return r.q.raw }

// Index returns the index the result comes from: client numbers are
// indices into the summaries it was built from.
func (r *Result) Index() *Index { return r.ix }

// Len returns the number of matching clients.
func (r *Result) Len() int { return len(r.keys) }

// Top returns the best n matches (fewer when fewer match), best first, as
// indices into the summaries the index was built from.
func (r *Result) Top(n int) []int { return r.Rows(0, n) }

// Rows returns the matches ranked from to to (a page of the list), best
// first.
func (r *Result) Rows(from, to int) []int {
	to = min(to, len(r.keys))
	from = max(from, 0)
	if from >= to {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rankTo(to)
	out := make([]int, to-from)
	for i, k := range r.ranked[from:to] {
		out[i] = r.ix.docOf(k)
	}
	return out
}

// All returns every match, best first.
func (r *Result) All() []int { return r.Rows(0, len(r.keys)) }

// Matches returns the matching clients in the book's order (unranked), for
// a caller that sorts them its own way.
func (r *Result) Matches() []int {
	out := make([]int, len(r.keys))
	for i, k := range r.keys {
		out[i] = r.ix.docOf(k)
	}
	return out
}

// shallow is how far ranking goes without copying the keys: a screenful
// or a few, taken in one read-only pass.
const shallow = 512

// rankTo ranks at least the best n; r.mu is held. It ranks at least twice
// as far as before, so paging down the list costs linear time overall.
func (r *Result) rankTo(n int) {
	if n <= len(r.ranked) {
		return
	}
	n = min(max(n, 2*len(r.ranked), 64), len(r.keys))
	if n <= shallow {
		r.ranked = topOf(r.keys, n)
		return
	}
	done := len(r.ranked)
	if r.order == nil {
		r.order = slices.Clone(r.keys)
		done = 0
	}
	rest := r.order[done:]
	if n == len(r.keys) {
		slices.Sort(rest)
		slices.Reverse(rest)
	} else {
		selectTop(rest, n-done)
		top := rest[:n-done]
		slices.Sort(top)
		slices.Reverse(top)
	}
	r.ranked = r.order[:n]
}

// topOf returns the n largest keys, largest first, reading keys once: it
// keeps the values above a threshold in a buffer of 2n, cutting it back
// to the best n (raising the threshold) whenever it fills.
func topOf(keys []uint64, n int) []uint64 {
	buf := make([]uint64, 0, 2*n)
	var floor uint64 // values must be above it (keys are never 0)
	for _, k := range keys {
		if k <= floor {
			continue
		}
		if len(buf) == cap(buf) {
			selectTop(buf, n)
			buf = buf[:n]
			floor = slices.Min(buf)
			if k <= floor {
				continue
			}
		}
		buf = append(buf, k)
	}
	if len(buf) > n {
		selectTop(buf, n)
		buf = buf[:n]
	}
	slices.Sort(buf)
	slices.Reverse(buf)
	return buf
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
