package tui

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
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
// associate types, in a sortable table. Only the visible rows are drawn, so
// it stays quick at 100k clients.
type clientsScreen struct {
	c       *shared
	rows    []clientRow
	loaded  bool
	input   textinput.Model
	query   string // the query the hits are for
	seq     int    // the latest query typed
	hits    []int  // row indices matching the query, best first (nil: no query)
	sort    sortMode
	orders  map[sortMode][]int // cached full orders (no query)
	view    []int              // what is listed: indices into rows
	cursor  int
	offset  int
	w, h    int
	pending bool // a search is running
	// openWhenReady opens the best match when the running search ends
	// (enter was pressed before).
	openWhenReady bool
}

func newClientsScreen(c *shared) clientsScreen {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = c.t(i18n.ClientsSearchHint)
	in.SetStyles(c.styles.Input)
	in.SetVirtualCursor(true)
	return clientsScreen{c: c, input: in, orders: map[sortMode][]int{}}
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

// setRows shows a (re)loaded client list.
// orders are the sorted orders of rows when they come with them.
func (s *clientsScreen) setRows(rows []clientRow, orders map[sortMode][]int) tea.Cmd {
	s.rows, s.loaded = rows, true
	s.orders = orders
	if s.orders == nil {
		s.orders = map[sortMode][]int{}
	}
	if s.input.Value() != "" {
		return s.search()
	}
	s.relist()
	return nil
}

// setRow replaces, adds or removes one client's row.
func (s *clientsScreen) setRow(r clientRow, removed bool) tea.Cmd {
	if !s.loaded {
		return nil
	}
	// A search may be reading the rows off the UI goroutine: they are
	// never changed in place, a changed list is a new slice.
	for i := range s.rows {
		if s.rows[i].id != r.id {
			continue
		}
		if removed {
			return s.setRows(append(s.rows[:i:i], s.rows[i+1:]...), nil)
		}
		if r.tier == "" {
			r.tier = s.rows[i].tier
		}
		rows := slices.Clone(s.rows)
		rows[i] = r
		// The same rows at the same places: the orders stay (a changed
		// spend or date reorders at the next full load), the search runs
		// again.
		s.rows = rows
		if s.input.Value() != "" {
			return s.search()
		}
		s.relist()
		return nil
	}
	if !removed {
		return s.setRows(append(s.rows[:len(s.rows):len(s.rows)], r), nil)
	}
	return nil
}

// tierOf returns the tier the list shows for client id.
func (s *clientsScreen) tierOf(id string) string {
	for i := range s.rows {
		if s.rows[i].id == id {
			return s.rows[i].tier
		}
	}
	return ""
}

// focusSearch puts the cursor in the search line.
func (s *clientsScreen) focusSearch() tea.Cmd {
	s.openWhenReady = false
	return s.input.Focus()
}

// searching reports whether keys go to the search line.
func (s clientsScreen) searching() bool { return s.input.Focused() }

// selected returns the client under the cursor.
func (s clientsScreen) selected() (itemRef, bool) {
	if s.cursor < 0 || s.cursor >= len(s.view) {
		return itemRef{}, false
	}
	r := &s.rows[s.view[s.cursor]]
	return itemRef{clientID: r.id, clientName: r.name}, true
}

// Update handles the search line, movement and sorting.
func (s clientsScreen) Update(msg tea.Msg) (clientsScreen, tea.Cmd) {
	k := s.c.keys
	switch msg := msg.(type) {
	case filterMsg:
		if msg.seq != s.seq {
			return s, nil // a later keystroke has already asked again
		}
		s.pending = false
		s.query, s.hits = msg.query, msg.hits
		s.cursor, s.offset = 0, 0
		s.relist()
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
	case tea.KeyPressMsg:
		if s.input.Focused() {
			switch {
			case msg.String() == "up" || msg.String() == "ctrl+p":
				s.moveBy(-1)
				return s, nil
			case msg.String() == "down" || msg.String() == "ctrl+n":
				s.moveBy(1)
				return s, nil
			case msg.String() == "pgup", msg.String() == "pgdown":
				dir := 1
				if msg.String() == "pgup" {
					dir = -1
				}
				s.moveBy(dir * s.listHeight())
				return s, nil
			case key.Matches(msg, k.Back):
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
			s.cursor = len(s.view) - 1
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

// search runs the query typed so far off the UI goroutine; a result for an
// older keystroke is dropped when it arrives.
func (s *clientsScreen) search() tea.Cmd {
	s.seq++
	seq, q := s.seq, strings.TrimSpace(s.input.Value())
	if q == "" {
		s.query, s.hits, s.pending = "", nil, false
		s.cursor, s.offset = 0, 0
		s.relist()
		return nil
	}
	s.pending = true
	rows := s.rows
	return func() tea.Msg { return filterMsg{seq: seq, query: q, hits: findClients(rows, q)} }
}

func (s *clientsScreen) moveBy(n int) {
	s.cursor += n
	s.clamp()
}

func (s *clientsScreen) scroll(n int) {
	s.offset = max(0, min(s.offset+n, len(s.view)-s.listHeight()))
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
	s.cursor = max(0, min(s.cursor, len(s.view)-1))
	h := s.listHeight()
	if s.cursor < s.offset {
		s.offset = s.cursor
	}
	if s.cursor >= s.offset+h {
		s.offset = s.cursor - h + 1
	}
	s.offset = max(0, min(s.offset, len(s.view)-h))
}

// relist computes what is listed from the rows, the hits and the sort.
func (s *clientsScreen) relist() {
	switch {
	case s.query != "" && s.sort == sortBest:
		s.view = s.hits
	case s.query != "":
		s.view = append([]int(nil), s.hits...)
		sortIndices(s.rows, s.view, s.sort)
	default:
		mode := s.sort
		if mode == sortBest {
			mode = sortName
		}
		if s.orders[mode] == nil {
			// Only after a client was added or removed: buildRows
			// sorts every order off the UI goroutine.
			s.orders[mode] = sortOrder(s.rows, mode)
		}
		s.view = s.orders[mode]
	}
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
	var less func(a, b *clientRow) bool
	switch mode {
	case sortSpend:
		less = func(a, b *clientRow) bool { return a.spend12 > b.spend12 }
	case sortLastVisit:
		less = func(a, b *clientRow) bool { return a.lastVisit.After(b.lastVisit) }
	case sortNextDate:
		less = func(a, b *clientRow) bool {
			if a.next.IsZero() != b.next.IsZero() {
				return b.next.IsZero()
			}
			return a.next.Before(b.next)
		}
	default:
		less = func(a, b *clientRow) bool { return a.sortKey < b.sortKey }
	}
	sort.SliceStable(idx, func(i, j int) bool { return less(&rows[idx[i]], &rows[idx[j]]) })
}

// byName orders rows by name (buildRows delivers them so).
func byName(a, b clientRow) int { return strings.Compare(a.sortKey, b.sortKey) }

// Column widths of the table (the name takes what is left).
const (
	colTier  = 4
	colLast  = 10
	colSpend = 14
	colNext  = 18
	colGap   = 2
)

// View draws the search line, the header and the visible rows.
func (s clientsScreen) View() string {
	c, st := s.c, &s.c.styles
	var b strings.Builder
	b.WriteString(s.input.View())
	b.WriteString("\n")
	if !s.loaded {
		b.WriteString(st.Dim.Render("  " + c.t(i18n.Loading)))
		return padLines(b.String(), s.h)
	}
	count := c.t(i18n.ClientsCount, len(s.view), len(s.rows))
	sortLabel := c.t(sortKeys[s.sort])
	if s.sort == sortBest && s.query == "" {
		sortLabel = c.t(sortKeys[sortName])
	}
	info := count + "  " + c.t(i18n.ClientsSortedBy, sortLabel)
	if s.pending {
		info += "  " + c.t(i18n.ClientsSearching)
	}
	b.WriteString(st.Dim.Render(clip("  "+info, s.w)))
	b.WriteString("\n")

	nameW := max(8, s.w-gutter-colTier-colLast-colSpend-colNext-4*colGap)
	spendHead := c.t(i18n.ColSpend12)
	if c.currency != "" {
		spendHead += " " + c.currency
	}
	head := fit(c.t(i18n.ColName), nameW) + pad2 + fit(c.t(i18n.ColTier), colTier) + pad2 +
		fit(c.t(i18n.ColLastVisit), colLast) + pad2 + fitRight(spendHead, colSpend) + pad2 + fit(c.t(i18n.ColNextDate), colNext)
	b.WriteString(st.ColHeader.Render(clip("  "+head, s.w)))
	h := s.listHeight()
	if len(s.view) == 0 {
		b.WriteString("\n" + st.Dim.Render("  "+c.t(i18n.ClientsNone)))
	}
	for i := s.offset; i < len(s.view) && i < s.offset+h; i++ {
		r := &s.rows[s.view[i]]
		line := clip(s.rowText(r, nameW), max(0, s.w-gutter))
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

// rowText draws one row in plain text, every column at its cell width.
func (s clientsScreen) rowText(r *clientRow, nameW int) string {
	c := s.c
	name := r.name
	if r.latin != "" {
		name += " " + r.latin
	}
	if r.dnc {
		name += " " + c.t(i18n.MarkDNC)
	}
	next := "-"
	if !r.next.IsZero() {
		next = fmt.Sprintf("%02d-%02d %s", int(r.next.Month), r.next.Day, c.cat.DateKind(r.nextKind))
	}
	return fit(name, nameW) + pad2 + fit(orDash(r.tier), colTier) + pad2 + fit(dateOrDash(r.lastVisit), colLast) + pad2 +
		fitRight(r.spend12.String(), colSpend) + pad2 + fit(next, colNext)
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
