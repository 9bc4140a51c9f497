package tui

import (
	"slices"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/search"
)

// The client list searches with the search package: the name, the latin
// name, the pinyin keys in full and as initials (with heteronyms), phone
// digits in any format (read with the book's calling code), tags, and the
// filters tier:, city:, tag:. The index is built with the rows, off the UI
// goroutine (buildRows, rebuildRows); the queries run on a search.Searcher,
// so a keystroke costs the UI goroutine a Submit and nothing else.

// rankAhead is how many matches the Searcher ranks before it replies: two
// screens at the tallest terminals, so drawing the first page costs the UI
// goroutine nothing; pages further down are ranked as they are shown.
const rankAhead = 128

// clientList is one version of the client list: the rows, every sorted
// order of them and their search index. It is never changed once made: a
// write makes a new one, so a search or a draw may read it off the UI
// goroutine.
type clientList struct {
	rows   []clientRow
	orders map[sortMode][]int // every order of rows but the best match
	ix     *search.Index      // indices are positions in rows
}

// newClientList builds the orders and the index of rows (off the UI
// goroutine: at 100k clients this takes a tenth of a second or more); cc
// is the book's calling code, to read a phone typed with a trunk prefix.
func newClientList(rows []clientRow, cc string) *clientList {
	return &clientList{rows: rows, orders: sortOrders(rows), ix: indexRows(rows, cc)}
}

// rowFinder holds the client list's Searcher. The screen keeps a pointer
// to it, so every copy of the model Bubble Tea makes shares the one
// Searcher; it is started with the first index and stopped by close.
type rowFinder struct {
	searcher *search.Searcher
	typed    atomic.Pointer[string] // the query the search line last asked for
}

// keptStale records q as the query typed and returns what reports
// whether another has been typed since: the screen drops a kept
// look-up's answer to a query no longer typed (keptMsg), so it need not
// be made.
func (f *rowFinder) keptStale(q string) func() bool {
	f.typed.Store(&q)
	return func() bool { return *f.typed.Load() != q }
}

// setIndex makes the Searcher search ix (a new or changed list); queries
// submitted before get stale replies.
func (f *rowFinder) setIndex(ix *search.Index) {
	if f.searcher == nil {
		f.searcher = search.NewSearcher(ix, rankAhead)
		return
	}
	f.searcher.SetIndex(ix)
}

// close stops the Searcher.
func (f *rowFinder) close() {
	if f.searcher != nil {
		f.searcher.Close()
	}
}

// waitFor is the command that waits for the reply to query seq on list:
// a stale reply (a later keystroke asked again) answers nothing. With a
// sort order other than the best match, the matches are put in that order
// here too, off the UI goroutine.
func waitFor(sr *search.Searcher, seq uint64, list *clientList, mode sortMode) tea.Cmd {
	return func() tea.Msg {
		r := sr.Wait(seq)
		if r.Stale || r.Result == nil || r.Result.Index() != list.ix {
			return nil
		}
		msg := filterMsg{seq: seq, list: list, res: r.Result, mode: mode}
		if mode != sortBest {
			msg.sorted = inOrder(list.orders[mode], r.Result)
		}
		return msg
	}
}

// inOrder returns the matches of res in order, a sorted order of every
// row: one pass over the order, so it costs the same whatever sorts it.
func inOrder(order []int, res *search.Result) []int {
	in := make([]bool, len(order))
	for _, i := range res.Matches() {
		in[i] = true
	}
	out := make([]int, 0, res.Len())
	for _, i := range order {
		if in[i] {
			out = append(out, i)
		}
	}
	return out
}

// indexRows builds the search index of the rows, in their order.
func indexRows(rows []clientRow, cc string) *search.Index {
	docs := make([]search.Doc, len(rows))
	for i := range rows {
		r := &rows[i]
		docs[i] = search.Doc{Name: r.name, LatinName: r.latin, Keys: r.keys, Phones: r.phones, Tags: r.tags,
			City: r.city, Tier: r.tier, Spend: r.spend12, Facets: r.facets, Level: r.level, Seen: r.seen}
	}
	return search.NewFromDocs(docs, cc)
}

// rowEdit is a client's row changed by a write, waiting to be applied to
// the list (with a new index) off the UI goroutine.
type rowEdit struct {
	row     clientRow
	removed bool
}

// applyEdits returns rows with the edits applied in turn: a row replaced,
// added (in name order) or removed by its client's id. Applying an edit
// twice changes nothing, so edits may be applied to a list read after
// them.
func applyEdits(rows []clientRow, edits []rowEdit) []clientRow {
	rows = slices.Clone(rows)
	for _, e := range edits {
		i := slices.IndexFunc(rows, func(r clientRow) bool { return r.id == e.row.id })
		switch {
		case e.removed && i >= 0:
			rows = slices.Delete(rows, i, i+1)
		case e.removed:
		case i >= 0:
			r := e.row
			if r.tier == "" {
				// The computed tier ranks the whole book: the row keeps
				// the one it has until the next full load.
				r.tier, r.level = rows[i].tier, rows[i].level
			}
			rows[i] = r
		default:
			at, _ := slices.BinarySearchFunc(rows, e.row, byName)
			rows = slices.Insert(rows, at, e.row)
		}
	}
	return rows
}

// rebuildRows applies edits to list's rows and builds the new list's
// orders and index, off the UI goroutine; applied says how many of the
// pending edits the new list holds.
func rebuildRows(list *clientList, edits []rowEdit, cc string) tea.Cmd {
	return func() tea.Msg {
		rows := applyEdits(list.rows, edits)
		l := newClientList(rows, cc)
		return rowsMsg{rows: l.rows, orders: l.orders, ix: l.ix, applied: len(edits)}
	}
}
