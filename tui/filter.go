package tui

import (
	"strings"
	"sync"

	"github.com/vipbook/vipbook/search"
)

// findClients is the one place the client list asks "which rows match
// this query, best first?". It runs in a command, off the UI goroutine,
// on the search package's index of the rows: the name, the latin name,
// the pinyin keys in full and as initials (with heteronyms), phone digits
// in any format, tags, and the filters tier:, city:, tag:. The index is
// built on the first search of a (re)loaded list, and each search narrows
// from the recent ones, so typing on scans only the previous matches.
func findClients(rows []clientRow, query string) []int {
	if len(rows) == 0 {
		return nil
	}
	rowSearch.mu.Lock()
	defer rowSearch.mu.Unlock()
	if len(rowSearch.rows) != len(rows) || &rowSearch.rows[0] != &rows[0] {
		// A new list (rows are never changed in place): a new index.
		rowSearch.rows, rowSearch.ix, rowSearch.recent = rows, indexRows(rows), nil
	}
	r := rowSearch.ix.Search(query, rowSearch.recent...)
	rowSearch.recent = append(rowSearch.recent, r)
	if len(rowSearch.recent) > 8 {
		rowSearch.recent = rowSearch.recent[1:]
	}
	return r.All()
}

// rowSearch is the index of the rows last searched, with its recent
// results; searches run one at a time.
var rowSearch struct {
	mu     sync.Mutex
	rows   []clientRow
	ix     *search.Index
	recent []*search.Result
}

// indexRows builds the search index of the rows, in their order.
func indexRows(rows []clientRow) *search.Index {
	docs := make([]search.Doc, len(rows))
	for i := range rows {
		r := &rows[i]
		d := search.Doc{Name: r.name, LatinName: r.latin, Tags: r.tags, City: r.city, Tier: r.tier, Spend: r.spend12}
		// The row's haystack holds the names, the pinyin keys and the
		// phone digits: digits are phones, the rest are keys.
		var keys strings.Builder
		for _, w := range strings.Fields(r.hay) {
			if isDigits(w) {
				d.Phones = append(d.Phones, w)
				continue
			}
			if keys.Len() > 0 {
				keys.WriteByte(' ')
			}
			keys.WriteString(w)
		}
		d.Keys = keys.String()
		docs[i] = d
	}
	return search.NewFromDocs(docs, "")
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
