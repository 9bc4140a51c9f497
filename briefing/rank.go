package briefing

import "sort"

// topK returns the indices of the k best of n candidates, best first: the
// highest score, then the lowest key. With k < 0 it returns all of them in
// that order. score is called once per candidate; a candidate whose score
// is NaN is left out.
func topK(n, k int, score func(i int) float64, key func(i int) string) []int {
	if k < 0 || k > n {
		k = n
	}
	better := func(i int, si float64, j int, sj float64) bool {
		if si != sj {
			return si > sj
		}
		return key(i) < key(j)
	}
	if k == n { // everything: score, then sort once
		idx := make([]int, 0, n)
		scores := make([]float64, n)
		for i := 0; i < n; i++ {
			scores[i] = score(i)
			if scores[i] == scores[i] { // not NaN
				idx = append(idx, i)
			}
		}
		sort.SliceStable(idx, func(a, b int) bool { return better(idx[a], scores[idx[a]], idx[b], scores[idx[b]]) })
		return idx
	}
	best := make([]int, 0, k+1)
	bestScore := make([]float64, 0, k+1)
	for i := 0; i < n; i++ {
		s := score(i)
		if s != s {
			continue
		}
		if len(best) == k && (k == 0 || !better(i, s, best[k-1], bestScore[k-1])) {
			continue
		}
		p := len(best)
		for p > 0 && better(i, s, best[p-1], bestScore[p-1]) {
			p--
		}
		best = append(best, 0)
		bestScore = append(bestScore, 0)
		copy(best[p+1:], best[p:])
		copy(bestScore[p+1:], bestScore[p:])
		best[p], bestScore[p] = i, s
		if len(best) > k {
			best, bestScore = best[:k], bestScore[:k]
		}
	}
	return best
}
