package tui

import (
	"sort"
	"strings"

	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/tasks"
)

// itemRef is what a selectable block refers to: a client, and maybe one of
// their follow-ups.
type itemRef struct {
	clientID   string
	clientName string
	task       *tasks.Task
	entry      *entryRef         // an entry of the profile (a size, a like, ...)
	request    *requests.Request // a special request on the profile
}

// block is a piece of a pane: a heading, a card, a row. Selectable blocks
// can be reached with the cursor and acted on.
type block struct {
	lines []string // rendered lines
	plain string   // the first line as plain text, highlighted when selected
	sel   bool
	ref   itemRef
}

// pane is a scrollable column of blocks with a cursor on the selectable
// ones. Only the visible lines are drawn.
type pane struct {
	blocks []block
	starts []int // first line of each block
	total  int
	cursor int // index of the selected block, -1 for none
	offset int // first visible line
	w, h   int
}

// gutter is the width of the selection marker column.
const gutter = 2

// setBlocks replaces the content, keeping the cursor on the same item when
// it is still there (or near where it was).
func (p *pane) setBlocks(bs []block) {
	var keep itemRef
	had := p.cursor >= 0 && p.cursor < len(p.blocks)
	if had {
		keep = p.blocks[p.cursor].ref
	}
	old := p.cursor
	p.blocks = bs
	p.starts = make([]int, len(bs))
	p.total = 0
	for i, b := range bs {
		p.starts[i] = p.total
		p.total += len(b.lines)
	}
	p.cursor = -1
	if had {
		for i, b := range bs {
			if b.sel && b.ref.clientID == keep.clientID && sameTask(b.ref.task, keep.task) && sameEntry(b.ref.entry, keep.entry) {
				p.cursor = i
				break
			}
		}
		if p.cursor < 0 {
			p.cursor = p.nextSel(min(old, len(bs))-1, 1)
			if p.cursor < 0 {
				p.cursor = p.nextSel(len(bs), -1)
			}
		}
	} else {
		p.cursor = p.nextSel(-1, 1)
	}
	p.clampOffset()
	p.ensureVisible()
}

// sameEntry reports whether a and b are one entry of a profile.
func sameEntry(a, b *entryRef) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

// sameTask reports whether a and b are one follow-up in one state: one
// ticked or snoozed has moved away (into "done", into "coming"), and the
// cursor stays in place in the list being worked.
func sameTask(a, b *tasks.Task) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.ID == b.ID && a.Status == b.Status
}

// nextSel returns the next selectable block after from in direction dir,
// or -1.
func (p *pane) nextSel(from, dir int) int {
	for i := from + dir; i >= 0 && i < len(p.blocks); i += dir {
		if p.blocks[i].sel {
			return i
		}
	}
	return -1
}

func (p *pane) setSize(w, h int) {
	p.w, p.h = w, max(1, h)
	p.clampOffset()
	p.ensureVisible()
}

func (p *pane) clampOffset() {
	p.offset = max(0, min(p.offset, p.total-p.h))
}

// ensureVisible scrolls so the selected block shows, its top first.
func (p *pane) ensureVisible() {
	if p.cursor < 0 || p.cursor >= len(p.blocks) {
		return
	}
	top := p.starts[p.cursor]
	bottom := top + len(p.blocks[p.cursor].lines)
	// Show the heading right above the first selectable block too, when
	// the block's first line shows with it: a header taller than the
	// screen (80x14) hid the block selected, and keys acted on a line not
	// in view.
	if p.nextSel(p.cursor, -1) < 0 && top < p.h {
		top = 0
	}
	if bottom > p.offset+p.h {
		p.offset = bottom - p.h
	}
	if top < p.offset {
		p.offset = top
	}
	p.clampOffset()
}

// move moves the cursor by one selectable block, scrolling by a line when
// there is none that way.
func (p *pane) move(dir int) {
	if n := p.nextSel(p.cursor, dir); n >= 0 {
		p.cursor = n
		p.ensureVisible()
		return
	}
	p.scroll(dir)
}

// scroll moves the view by n lines without moving the cursor.
func (p *pane) scroll(n int) {
	p.offset += n
	p.clampOffset()
}

// page moves the cursor to the first selectable block a page away.
func (p *pane) page(dir int) {
	p.scroll(dir * max(1, p.h-1))
	if p.cursor < 0 {
		return
	}
	// Put the cursor on a selectable block in view.
	first := p.blockAt(p.offset)
	for i := first; i >= 0 && i < len(p.blocks) && p.starts[i] < p.offset+p.h; i++ {
		if p.blocks[i].sel && p.starts[i] >= p.offset {
			if dir > 0 || i != p.cursor {
				p.cursor = i
			}
			return
		}
	}
}

// home and end jump to the first and last selectable blocks.
func (p *pane) home() {
	p.offset = 0
	if n := p.nextSel(-1, 1); n >= 0 {
		p.cursor = n
	}
	p.ensureVisible()
}

func (p *pane) end() {
	p.offset = p.total
	p.clampOffset()
	if n := p.nextSel(len(p.blocks), -1); n >= 0 {
		p.cursor = n
	}
	p.ensureVisible()
}

// showTop shows the pane from its first line, the cursor on the first
// selectable block that shows whole there and is a preferred one, else
// on the first that shows whole, else on the first, scrolled into view.
func (p *pane) showTop(preferred func(block) bool) {
	p.offset, p.cursor = 0, -1
	for i, b := range p.blocks {
		if p.starts[i]+len(b.lines) > p.h {
			break
		}
		if !b.sel {
			continue
		}
		if preferred(b) {
			p.cursor = i
			return
		}
		if p.cursor < 0 {
			p.cursor = i
		}
	}
	if p.cursor < 0 {
		// None shows whole at the top: the first, scrolled into view
		// (none selected, the next layout selected one off screen).
		p.cursor = p.nextSel(-1, 1)
		p.ensureVisible()
	}
}

// blockAt returns the block holding line l.
func (p *pane) blockAt(l int) int {
	i := sort.Search(len(p.starts), func(i int) bool { return p.starts[i] > l })
	return max(0, i-1)
}

// selected returns the selected block's reference.
func (p *pane) selected() (itemRef, bool) {
	if p.cursor < 0 || p.cursor >= len(p.blocks) {
		return itemRef{}, false
	}
	return p.blocks[p.cursor].ref, true
}

// view draws the visible lines, h of them.
func (p *pane) view(st *Styles) string {
	out := make([]string, 0, p.h)
	if len(p.blocks) > 0 {
		bi := p.blockAt(p.offset)
		line := p.offset - p.starts[bi]
		for len(out) < p.h && bi < len(p.blocks) {
			b := &p.blocks[bi]
			if line >= len(b.lines) {
				bi, line = bi+1, 0
				continue
			}
			selected := bi == p.cursor
			mark := "  "
			text := b.lines[line]
			if selected && line == 0 {
				mark = st.SelectBar.Render("> ")
				if b.plain != "" {
					text = st.Selected.Render(fit(b.plain, p.w-gutter))
				}
			}
			out = append(out, clip(mark+text, p.w))
			line++
		}
	}
	for len(out) < p.h {
		out = append(out, "")
	}
	return strings.Join(out, "\n")
}
