package search

// Strong returns the matches of r that match by a whole word or a prefix
// (not only as a fuzzy subsequence), as indices into the summaries.
func Strong(r *Result) []int {
	var out []int
	for _, k := range r.keys {
		if 3-int(k>>(rankBits+scoreBits)) <= classPrefix {
			out = append(out, r.ix.docOf(k))
		}
	}
	return out
}
