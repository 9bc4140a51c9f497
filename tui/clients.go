package tui

import (
	"fmt"
	"github.com/vipbook/vipbook/internal/termsafe"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/search"
)

// sortMode is the order of the client list.
type sortMode int

const (
	sortBest      sortMode = iota // best match when searching, else by name
	sortName                      // by name
	sortSpend                     // by 12-month spend, highest first
	sortLastVisit                 // by last visit, latest first
	sortNextDate                  // by next important date, soonest first
	sortModes
)

// clientsScreen is the book: every active client, filtered as the
// associate types, in a sortable table. Only the visible rows are drawn
// (and, for a search, ranked), so it stays quick at 100k clients and
// more: a keystroke submits the query to the Searcher and returns; the
// result comes as a message, and a result for an older keystroke is
// dropped.
type clientsScreen struct {
	c      *shared
	find   *rowFinder  // shared by every copy of the screen
	list   *clientList // the list, with its orders and its index
	edits  []rowEdit   // writes not yet in list (rebuildRows is applying them)
	loaded bool
	input  textinput.Model
	seq    uint64 // the query last submitted to the Searcher (0: none)
	// res is the result shown (nil: no query), of resList (the list it was
	// searched in, which a write may since have replaced); sorted holds its
	// matches in the order s.sort when that is not the best match.
	res     *search.Result
	resList *clientList
	sorted  []int
	sort    sortMode
	cursor  int
	offset  int
	w, h    int
	pending bool // a search is running
	// openWhenReady opens the best match when the running search ends
	// (enter was pressed before).
	openWhenReady bool
	// kept is the kept index's answer to the query typed (findKept): the
	// list until the list's own search answers (before the list has
	// loaded, say), then the clients it adds after that search's matches
	// (found by their notes, or by a merged-away id). seqQ is the query
	// of seq, resQ the query of res.
	kept       *keptMsg
	seqQ, resQ string
	// mixed are the kept index's extra rows (extras) in the order s.sort,
	// for a sorted search; mixedAt their places among the matches of
	// sorted, ascending (mixExtras).
	mixed   []clientRow
	mixedAt []int
	// chain is the chain's answer to a query the book has no client for
	// (chainsearch.go).
	chain chainSearch
}

// keptMsg is the kept index's answer to query q: rows, best first; the
// first strong are those the list's own search finds too.
type keptMsg struct {
	q      string
	rows   []clientRow
	strong int
	// over: the kept index found more clients than it reads for a
	// keystroke (keptLimit), and no id names one: the list's own search
	// answers, once the list is read.
	over bool
}

// query is the search line's query.
func (s *clientsScreen) query() string { return strings.TrimSpace(s.input.Value()) }

// keptAlone reports whether the list shows the kept index's answer alone:
// it answers the query typed, and the list's own search has not.
func (s *clientsScreen) keptAlone() bool {
	return s.res == nil && s.kept != nil && s.kept.q == s.query() && s.query() != ""
}

// extras are the kept index's rows the matches of res lack (found by
// their notes, or by a merged-away id): after the matches in the
// best-match order, among them in any other (mixExtras).
func (s *clientsScreen) extras() []clientRow {
	if s.res == nil || s.kept == nil || s.kept.q != s.resQ {
		return nil
	}
	return s.kept.rows[min(s.kept.strong, len(s.kept.rows)):]
}

func newClientsScreen(c *shared) clientsScreen {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = c.t(i18n.ClientsSearchHint)
	in.SetStyles(c.styles.Input)
	in.SetVirtualCursor(true)
	return clientsScreen{c: c, find: &rowFinder{}, input: in}
}

// SetSize gives the screen its body size.
func (s *clientsScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.input.SetWidth(max(10, w-4))
	s.clamp()
}

// restyle applies new styles to the search input.
func (s *clientsScreen) restyle() {
	s.input.SetStyles(s.c.styles.Input)
}

// listHeight is how many rows fit under the search line and the header.
func (s *clientsScreen) listHeight() int { return max(1, s.h-3) }

// setRows shows a (re)loaded client list with its orders and index (built
// off the UI goroutine) and searches it again for the query typed.
func (s *clientsScreen) setRows(msg rowsMsg) tea.Cmd {
	s.list = &clientList{rows: msg.rows, orders: msg.orders, ix: msg.ix}
	if s.list.orders == nil {
		s.list.orders = map[sortMode][]int{}
	}
	s.loaded = true
	s.find.setIndex(msg.ix)
	var rebuild tea.Cmd
	if s.edits = s.edits[min(msg.applied, len(s.edits)):]; len(s.edits) > 0 {
		// Written to while this list was built: again, with those
		// edits (applying one twice changes nothing).
		rebuild = rebuildRows(s.list, slices.Clone(s.edits), s.c.country)
	}
	if strings.TrimSpace(s.input.Value()) != "" {
		// Until the new result comes, the old one stays on screen with
		// the list it was searched in.
		return tea.Batch(rebuild, s.search())
	}
	s.relist()
	return rebuild
}

// setRow replaces, adds or removes one client's row after a write: the
// list with its new orders and index is built off the UI goroutine and
// comes back through setRows.
func (s *clientsScreen) setRow(r clientRow, removed bool) tea.Cmd {
	if !s.loaded {
		return nil
	}
	s.edits = append(s.edits, rowEdit{row: r, removed: removed})
	if len(s.edits) > 1 {
		return nil // a rebuild runs; the one after takes this edit too
	}
	return rebuildRows(s.list, slices.Clone(s.edits), s.c.country)
}

// focusSearch puts the cursor in an empty search line: a new / starts a
// new query, as a search box's typing replaces the last one (the list
// shows every client again until the first key).
func (s *clientsScreen) focusSearch() tea.Cmd {
	s.openWhenReady = false
	if s.input.Value() != "" {
		s.input.SetValue("")
		s.search()
	}
	return s.input.Focus()
}

// searching reports whether keys go to the search line.
func (s clientsScreen) searching() bool { return s.input.Focused() }

// selected returns the client under the cursor.
func (s clientsScreen) selected() (itemRef, bool) {
	rows, idx := s.shown(s.cursor, s.cursor+1)
	if len(idx) == 0 {
		return itemRef{}, false
	}
	r := &rows[idx[0]]
	return itemRef{clientID: r.id, clientName: r.name}, true
}

// total is how many rows are listed: the matches of the query, or the
// whole list.
func (s *clientsScreen) total() int {
	switch {
	case s.res != nil:
		return s.res.Len() + len(s.extras())
	case s.keptAlone():
		return len(s.kept.rows)
	case s.list != nil:
		return len(s.list.rows)
	}
	return 0
}

// shown returns the rows listed from place from to place to, as indices
// into the rows returned: a search's matches are ranked only as far as
// they are shown.
func (s *clientsScreen) shown(from, to int) ([]clientRow, []int) {
	from, to = max(0, from), min(to, s.total())
	if from >= to {
		return nil, nil
	}
	if s.keptAlone() {
		return s.kept.rows, places(from, to)
	}
	if s.res != nil && s.sorted != nil && len(s.mixed) > 0 {
		return s.mixedShown(from, to)
	}
	if s.sorted == nil {
		if ex := s.extras(); len(ex) > 0 && to > s.res.Len() {
			// The matches of res, then the kept index's rows.
			n := s.res.Len()
			var out []clientRow
			if from < n {
				rows, idx := s.listShown(from, n)
				for _, i := range idx {
					out = append(out, rows[i])
				}
			}
			out = append(out, ex[max(from, n)-n:to-n]...)
			return out, places(0, len(out))
		}
	}
	return s.listShown(from, to)
}

// mixedShown is shown for a sorted search with extras: the matches of
// sorted and the mixed rows, each at its place.
func (s *clientsScreen) mixedShown(from, to int) ([]clientRow, []int) {
	rows := s.resList.rows
	e := sort.SearchInts(s.mixedAt, from) // the mixed rows before from
	out := make([]clientRow, 0, to-from)
	for p := from; p < to; p++ {
		if e < len(s.mixedAt) && s.mixedAt[e] == p {
			out = append(out, s.mixed[e])
			e++
			continue
		}
		out = append(out, rows[s.sorted[p-e]])
	}
	return out, places(0, len(out))
}

// mixExtras places the extras of a sorted search among its matches, in
// the order s.sort: the same clients as the best match finds, ordered
// otherwise. A row ties after the list's matches it equals.
func (s *clientsScreen) mixExtras() {
	s.mixed, s.mixedAt = nil, nil
	ex := s.extras()
	if s.sorted == nil || len(ex) == 0 {
		return
	}
	ex = slices.Clone(ex)
	less := rowLess(s.sort)
	sort.SliceStable(ex, func(i, j int) bool { return less(&ex[i], &ex[j]) })
	rows := s.resList.rows
	at := make([]int, len(ex))
	for i := range ex {
		at[i] = i + sort.Search(len(s.sorted), func(j int) bool { return less(&ex[i], &rows[s.sorted[j]]) })
	}
	s.mixed, s.mixedAt = ex, at
}

// places returns from, from+1, ... to-1.
func places(from, to int) []int {
	out := make([]int, 0, to-from)
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// listShown is shown for the list's own rows: the matches of res or the
// whole list.
func (s *clientsScreen) listShown(from, to int) ([]clientRow, []int) {
	switch {
	case s.res != nil && s.sorted != nil:
		return s.resList.rows, s.sorted[from:to]
	case s.res != nil:
		return s.resList.rows, s.res.Rows(from, to)
	}
	mode := s.sort
	if mode == sortBest {
		mode = sortName
	}
	order := s.list.orders[mode]
	if order == nil {
		// Only a list made without its orders (tests): sort now.
		order = sortOrder(s.list.rows, mode)
		s.list.orders[mode] = order
	}
	return s.list.rows, order[from:to]
}

// close stops the search's worker.
func (s clientsScreen) close() { s.find.close() }

// Update shows the list read and a row changed, and handles the search
// line, movement and sorting.
func (s clientsScreen) Update(msg tea.Msg) (clientsScreen, tea.Cmd) {
	k := s.c.keys
	switch msg := msg.(type) {
	case rowsMsg:
		cmd := s.setRows(msg)
		return s, cmd
	case rowMsg:
		cmd := s.setRow(msg.row, msg.removed)
		return s, cmd
	case keptMsg:
		if msg.q != s.query() {
			return s, nil // a later keystroke has already asked again
		}
		if msg.over && !s.loaded {
			// No answer yet, not "no client matches": the screen says
			// the list is being read, whose search answers once it is.
			return s, nil
		}
		s.kept = &msg
		if s.res == nil || s.resQ != msg.q && (!s.loaded || s.sort == sortBest && len(msg.rows) > 0) {
			s.res, s.resList, s.sorted = nil, nil, nil // the list's answer to an older query
			s.cursor, s.offset = 0, 0
		}
		s.mixExtras()
		if !s.loaded {
			s.pending = false
			if s.openWhenReady {
				s.openWhenReady = false
				if r, ok := s.selected(); ok {
					return s, func() tea.Msg { return openClientMsg{r.clientID} }
				}
			}
		}
		s.clamp()
		return s, nil
	case filterMsg:
		if msg.seq != s.seq {
			return s, nil // a later keystroke has already asked again
		}
		s.pending = false
		s.res, s.resList, s.sorted = msg.res, msg.list, msg.sorted
		s.resQ = s.seqQ
		if msg.mode != s.sort {
			s.relist() // o was pressed while the search ran
		} else {
			s.mixExtras()
		}
		s.cursor, s.offset = 0, 0
		s.clamp()
		if s.openWhenReady {
			// enter was pressed before the result came: open the best
			// match now, not the row that happened to be on top.
			s.openWhenReady = false
			if r, ok := s.selected(); ok {
				return s, func() tea.Msg { return openClientMsg{r.clientID} }
			}
		}
		return s, nil
	case tea.MouseWheelMsg:
		switch msg.Mouse().Button {
		case tea.MouseWheelUp:
			s.scroll(-3)
		case tea.MouseWheelDown:
			s.scroll(3)
		}
		return s, nil
	case tea.PasteMsg:
		if s.input.Focused() {
			var cmd tea.Cmd
			s.input, cmd = s.input.Update(msg)
			search := s.search() // before s is copied out
			return s, tea.Batch(cmd, search)
		}
	case chainFoundMsg:
		if msg.q == s.chain.q && s.chain.reading {
			s.chain = chainSearch{q: msg.q, found: msg.found, err: msg.err}
		}
		return s, nil
	case tea.KeyPressMsg:
		if s.input.Focused() {
			if cmd, ok := s.chainKey(msg); ok {
				return s, cmd
			}
			switch {
			case key.Matches(msg, k.ListUp):
				s.moveBy(-1)
				return s, nil
			case key.Matches(msg, k.ListDown):
				s.moveBy(1)
				return s, nil
			case key.Matches(msg, k.ListPageUp):
				s.moveBy(-s.listHeight())
				return s, nil
			case key.Matches(msg, k.ListPageDown):
				s.moveBy(s.listHeight())
				return s, nil
			case key.Matches(msg, k.ClearSearch):
				// Leave the search line; the filter stays until cleared.
				if s.input.Value() == "" {
					s.input.Blur()
					return s, nil
				}
				s.input.SetValue("")
				s.input.Blur()
				search := s.search()
				return s, search
			case key.Matches(msg, k.Open):
				s.input.Blur()
				if (s.pending || !s.loaded) && strings.TrimSpace(s.input.Value()) != "" {
					s.openWhenReady = true
					return s, nil
				}
				if r, ok := s.selected(); ok {
					return s, func() tea.Msg { return openClientMsg{r.clientID} }
				}
				return s, nil
			}
			before := s.input.Value()
			var cmd tea.Cmd
			s.input, cmd = s.input.Update(msg)
			if s.input.Value() != before {
				search := s.search() // before s is copied out
				return s, tea.Batch(cmd, search)
			}
			return s, cmd
		}
		// The offer to search the chain stays when the line is left with
		// its query (enter before the search answered): enter still
		// searches the chain, and ↑/↓ choose among its clients.
		if cmd, ok := s.chainKey(msg); ok {
			return s, cmd
		}
		switch {
		case key.Matches(msg, k.Up):
			s.moveBy(-1)
		case key.Matches(msg, k.Down):
			s.moveBy(1)
		case key.Matches(msg, k.PageUp):
			s.moveBy(-s.listHeight())
		case key.Matches(msg, k.PageDown):
			s.moveBy(s.listHeight())
		case key.Matches(msg, k.Top):
			s.cursor = 0
			s.clamp()
		case key.Matches(msg, k.Bottom):
			s.cursor = s.total() - 1
			s.clamp()
		case key.Matches(msg, k.Sort):
			s.sort = (s.sort + 1) % sortModes
			s.relist()
		case key.Matches(msg, k.Back) && s.input.Value() != "":
			s.openWhenReady = false
			s.input.SetValue("")
			search := s.search()
			return s, search
		}
	}
	return s, nil
}

// search submits the query typed so far to the Searcher and returns the
// command that waits for its result: the keystroke costs the UI goroutine
// nothing more. A result for an older keystroke is dropped (the Searcher
// answers it as stale, or Update sees its older seq). Before the list has
// loaded, setRows submits the query.
func (s *clientsScreen) search() tea.Cmd {
	q := strings.TrimSpace(s.input.Value())
	stale := s.find.keptStale(q)
	if q == "" {
		// seq 0: the reply to the last query, if it comes, is dropped.
		s.seq, s.res, s.resList, s.sorted, s.pending = 0, nil, nil, nil, false
		s.cursor, s.offset = 0, 0
		s.relist()
		return nil
	}
	s.pending = true
	kept := findKept(s.c, q, stale)
	if !s.loaded {
		return kept
	}
	if utf8.RuneCountInString(q) < 2 {
		// One letter names most of the book's words: the list's own
		// search answers it; the kept index adds nothing worth the read.
		kept = nil
	}
	s.seq, s.seqQ = s.find.searcher.Submit(q), q
	return tea.Batch(kept, waitFor(s.find.searcher, s.seq, s.list, s.sort))
}

func (s *clientsScreen) moveBy(n int) {
	s.cursor += n
	s.clamp()
}

func (s *clientsScreen) scroll(n int) {
	s.offset = max(0, min(s.offset+n, s.total()-s.listHeight()))
	if s.cursor < s.offset {
		s.cursor = s.offset
	}
	if s.cursor >= s.offset+s.listHeight() {
		s.cursor = s.offset + s.listHeight() - 1
	}
	s.clamp()
}

// clamp keeps the cursor on a row and in view.
func (s *clientsScreen) clamp() {
	n := s.total()
	s.cursor = max(0, min(s.cursor, n-1))
	h := s.listHeight()
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+h {
		s.offset = s.cursor - h + 1
	}
	s.offset = max(0, min(s.offset, n-h))
}

// relist puts a search's matches in the order s.sort (the best match is
// the result's own order, ranked as far as it is shown; the others filter
// the list's sorted order, one pass) and keeps the cursor in view.
func (s *clientsScreen) relist() {
	s.sorted = nil
	if s.res != nil && s.sort != sortBest {
		order := s.resList.orders[s.sort]
		if order == nil {
			order = sortOrder(s.resList.rows, s.sort)
		}
		s.sorted = inOrder(order, s.res)
	}
	s.mixExtras()
	s.clamp()
}

// sortOrder returns the indices of rows in the order of mode.
func sortOrder(rows []clientRow, mode sortMode) []int {
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	if mode != sortName || !slices.IsSortedFunc(rows, byName) {
		sortIndices(rows, idx, mode)
	}
	return idx
}

// sortOrders returns every order of rows but the best match.
func sortOrders(rows []clientRow) map[sortMode][]int {
	out := map[sortMode][]int{}
	for _, mode := range []sortMode{sortName, sortSpend, sortLastVisit, sortNextDate} {
		out[mode] = sortOrder(rows, mode)
	}
	return out
}

// sortIndices sorts idx, indices into rows, in the order of mode.
func sortIndices(rows []clientRow, idx []int, mode sortMode) {
	less := rowLess(mode)
	sort.SliceStable(idx, func(i, j int) bool { return less(&rows[idx[i]], &rows[idx[j]]) })
}

// rowLess reports whether row a comes before row b in the order of mode
// (by name for the best match, which has no order of rows alone).
func rowLess(mode sortMode) func(a, b *clientRow) bool {
	switch mode {
	case sortSpend:
		return func(a, b *clientRow) bool { return a.spend12 > b.spend12 }
	case sortLastVisit:
		return func(a, b *clientRow) bool { return a.lastVisit.After(b.lastVisit) }
	case sortNextDate:
		return func(a, b *clientRow) bool {
			if a.next.IsZero() != b.next.IsZero() {
				return b.next.IsZero()
			}
			return a.next.Before(b.next)
		}
	}
	return func(a, b *clientRow) bool { return a.sortKey < b.sortKey }
}

// byName orders rows by name (buildRows delivers them so).
func byName(a, b clientRow) int { return strings.Compare(a.sortKey, b.sortKey) }

// Column widths of the table; the name and the next date share what is
// left, sized from what the rows shown hold (colWidths).
const (
	colTier  = 4
	colLast  = 10
	colSpend = 14
	colGap   = 2
)

// colWidths shares avail cells between the name and the next-date columns
// from the widest of each among the rows shown (needName, needNext): the
// next date gets all it needs when both fit, and the name the rest; when
// they do not, the name keeps at least 12 cells (or what it needs) and
// the next date at least 11 ("09-11 生日" and more).
func colWidths(avail, needName, needNext int) (nameW, nextW int) {
	if needName+needNext <= avail {
		return avail - needNext, needNext
	}
	nameW = max(min(needName, 12), avail-needNext)
	nextW = max(11, avail-nameW)
	return max(8, avail-nextW), nextW
}

// View draws the search line, the header and the visible rows.
func (s clientsScreen) View() string {
	c, st := s.c, &s.c.styles
	var b strings.Builder
	b.WriteString(s.input.View())
	b.WriteString("\n")
	if !s.loaded && !s.keptAlone() {
		b.WriteString(st.Dim.Render("  " + clip(c.loading(), max(1, s.w-2))))
		return padLines(b.String(), s.h)
	}
	var count string
	if s.list != nil {
		count = c.t(i18n.ClientsCount, s.total(), len(s.list.rows))
	} else {
		count = c.t(i18n.ClientsFound, s.total())
	}
	sortLabel := c.t(sortKeys[s.sort])
	switch {
	case s.keptAlone():
		// The kept index's answer is shown best first, whatever the
		// sort: the list's own search has not answered yet.
		sortLabel = c.t(sortKeys[sortBest])
	case s.sort == sortBest && s.res == nil:
		sortLabel = c.t(sortKeys[sortName])
	}
	info := count + "  " + c.t(i18n.ClientsSortedBy, sortLabel)
	if s.pending {
		info += "  " + c.t(i18n.ClientsSearching)
	} else if k := s.kept; k != nil && k.over && k.q == s.query() && s.total() > 0 {
		// The list's matches are shown; the notes' and fields' many are
		// not (ClientsTooMany says it whole when the list has none). Said
		// before the sort, which a narrow screen cuts first.
		info = count + "  " + c.t(i18n.ClientsTooManyShort, c.cat.Number(keptLimit)) + "  " + c.t(i18n.ClientsSortedBy, sortLabel)
	}
	b.WriteString(st.Dim.Render(clip("  "+info, s.w)))
	b.WriteString("\n")

	h := s.listHeight()
	rows, idx := s.shown(s.offset, s.offset+h)
	needName, needNext := width(c.t(i18n.ColName)), width(c.t(i18n.ColNextDate))
	for _, ri := range idx {
		needName = max(needName, width(s.nameText(&rows[ri])))
		needNext = max(needNext, width(s.nextText(&rows[ri])))
	}
	nameW, nextW := colWidths(max(0, s.w-gutter-colTier-colLast-colSpend-4*colGap), needName, needNext)
	spendHead := c.t(i18n.ColSpend12)
	if c.currency != "" {
		spendHead += " " + c.currency
	}
	head := fit(c.t(i18n.ColName), nameW) + pad2 + fit(c.t(i18n.ColTier), colTier) + pad2 +
		fit(c.t(i18n.ColLastVisit), colLast) + pad2 + fitRight(spendHead, colSpend) + pad2 + fit(c.t(i18n.ColNextDate), nextW)
	b.WriteString(st.ColHeader.Render(clip("  "+head, s.w)))
	if len(idx) == 0 {
		none := c.t(i18n.ClientsNone)
		if k := s.kept; k != nil && k.over && k.q == s.query() {
			// The kept index found too many to read for a keystroke (a
			// word of thousands of notes): not "no client matches".
			none = c.t(i18n.ClientsTooMany, c.cat.Number(keptLimit), termsafe.Line(k.q))
		}
		for _, l := range wrapText(none, max(10, s.w-2), 0) {
			b.WriteString("\n" + st.Dim.Render("  "+l))
		}
		if s.offersChain() {
			b.WriteString("\n" + strings.Join(s.chainView(), "\n"))
		}
	}
	for j, ri := range idx {
		i := s.offset + j
		r := &rows[ri]
		line := clip(s.rowText(r, nameW, nextW), max(0, s.w-gutter))
		b.WriteString("\n")
		if i == s.cursor {
			b.WriteString(st.SelectBar.Render("> ") + st.Selected.Render(line))
		} else {
			b.WriteString("  " + line)
		}
	}
	return padLines(b.String(), s.h)
}

const pad2 = "  "

var sortKeys = map[sortMode]i18n.Key{sortBest: i18n.SortBest, sortName: i18n.SortName, sortSpend: i18n.SortSpend,
	sortLastVisit: i18n.SortLastVisit, sortNextDate: i18n.SortNextDate}

// nameText is a row's name cell: the name, its latin spelling, and the
// do-not-contact mark.
func (s clientsScreen) nameText(r *clientRow) string {
	name := r.name
	if r.latin != "" {
		name += " " + r.latin
	}
	if r.dnc {
		name = s.c.cat.Beside(name, s.c.t(i18n.MarkDNC))
	}
	return name
}

// nextText is a row's next-date cell: "09-11 child's birthday", or "-".
func (s clientsScreen) nextText(r *clientRow) string {
	if r.next.IsZero() {
		return "-"
	}
	return fmt.Sprintf("%02d-%02d %s", int(r.next.Month), r.next.Day, s.c.cat.DateKind(r.nextKind))
}

// rowText draws one row in plain text, every column at its cell width.
func (s clientsScreen) rowText(r *clientRow, nameW, nextW int) string {
	return fit(s.nameText(r), nameW) + pad2 + fit(orDash(r.tier), colTier) + pad2 + fit(dateOrDash(r.lastVisit), colLast) + pad2 +
		fitRight(r.spend12.String(), colSpend) + pad2 + fit(s.nextText(r), nextW)
}

func dateOrDash(d civil.Date) string {
	if d.IsZero() {
		return "-"
	}
	return d.String()
}

// padLines pads s with empty lines to h lines (and cuts it there).
func padLines(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
