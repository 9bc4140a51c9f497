package tui

import (
	"sort"
	"strings"

	"github.com/vipbook/vipbook/profile"
)

// findClients is the one place the client list asks "which rows match
// this query, best first?". It is a placeholder for the search package's
// index: it matches the name, the latin name, the pinyin keys (in full
// and as initials), phone digits, tags and the field filters tier: and
// city:, and ranks exact and prefix matches first. It runs in a command,
// off the UI goroutine.
func findClients(rows []clientRow, query string) []int {
	terms := strings.Fields(strings.ToLower(query))
	if len(terms) == 0 {
		return nil
	}
	type hit struct {
		i     int
		score int
	}
	var hits []hit
rows:
	for i := range rows {
		r := &rows[i]
		total := 0
		for _, t := range terms {
			s := termScore(r, t)
			if s == 0 {
				continue rows
			}
			total += s
		}
		hits = append(hits, hit{i, total})
	}
	sort.SliceStable(hits, func(a, b int) bool {
		if hits[a].score != hits[b].score {
			return hits[a].score > hits[b].score
		}
		return rows[hits[a].i].spend12 > rows[hits[b].i].spend12
	})
	out := make([]int, len(hits))
	for k, h := range hits {
		out[k] = h.i
	}
	return out
}

// termScore scores one query term against a row: 0 for no match.
func termScore(r *clientRow, t string) int {
	if k, v, ok := strings.Cut(t, ":"); ok && v != "" {
		switch k {
		case "tier":
			if strings.EqualFold(r.tier, v) {
				return 1
			}
			return 0
		case "city":
			if strings.Contains(strings.ToLower(r.city), v) {
				return 1
			}
			return 0
		case "tag":
			for _, tag := range r.tags {
				if strings.EqualFold(tag, v) {
					return 1
				}
			}
			return 0
		}
	}
	if d := profile.Digits(t); len(d) >= 3 && len(d) == len(t) {
		if strings.Contains(r.hay, d) {
			return 2
		}
	}
	best := 0
	for _, word := range strings.Fields(r.hay) {
		switch {
		case word == t:
			best = max(best, 8)
		case strings.HasPrefix(word, t):
			best = max(best, 5)
		case strings.Contains(word, t):
			best = max(best, 3)
		}
	}
	for _, tag := range r.tags {
		if strings.EqualFold(tag, t) {
			best = max(best, 4)
		}
	}
	if best == 0 && strings.Contains(r.hay, t) {
		best = 2
	}
	return best
}
