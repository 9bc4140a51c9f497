package tui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/briefing"
	"github.com/vipbook/vipbook/i18n"
)

// A section of the briefing that spans the whole book shows its most
// urgent items and how many there are in all ("20 of 20199"). keys.Whole
// on one of its items opens the section whole, in a list of its own (the
// pane every list of the app scrolls in); esc goes back to the briefing.
// The whole section is read by a command (briefing.Load with that section
// alone kept whole, Options.Whole), never in Update; a briefing read again
// after a write (a tick made in the list, a note, another vipbook's
// change) reads it again, and the list keeps its place.

// wholeSection is a section of the briefing seen whole.
type wholeSection struct {
	sec  briefing.Section // briefing.SecCards for the cards lapsing
	br   *briefing.Briefing
	pane pane
	// read numbers the reads of the section: a read answers only if no
	// later one was started (the briefing changed while it ran).
	read int
}

// wholeMsg delivers the briefing read with every item of the section sec,
// by the read number read of it.
type wholeMsg struct {
	sec  briefing.Section
	read int
	br   briefing.Briefing
	err  error
}

// loadWhole reads the briefing with every item of section sec (the
// others kept to their limit, as the briefing shows them).
func loadWhole(c *shared, sec briefing.Section, read int) tea.Cmd {
	book, today, loc, cfg, cat := c.book, c.today(), c.loc(), c.cfg, c.cat
	return func() tea.Msg {
		in, err := briefing.Load(book, today, loc, cfg, briefing.Options{Whole: sec})
		if err != nil {
			return wholeMsg{sec: sec, read: read, err: readFailed(cat, i18n.AppReadingBriefing, err)}
		}
		return wholeMsg{sec: sec, read: read, br: briefing.Build(in)}
	}
}

// reloadWhole reads the section seen whole again (the briefing changed);
// the list shows what it shows until the new read answers.
func (s *briefingScreen) reloadWhole() tea.Cmd {
	if s.whole == nil {
		return nil
	}
	s.whole.read++
	return loadWhole(s.c, s.whole.sec, s.whole.read)
}

// openWhole starts reading the section under the cursor whole.
func (s *briefingScreen) openWhole() tea.Cmd {
	cur := s.pane.cursor
	if cur < 0 || cur >= len(s.secOf) || s.secOf[cur] == "" || s.partial {
		text := s.c.t(i18n.BriefWholePick)
		return func() tea.Msg { return statusMsg{text: text} }
	}
	sec := s.secOf[cur]
	s.whole = &wholeSection{sec: sec, pane: pane{cursor: -1}, read: 1}
	s.whole.pane.setSize(s.pane.w, s.pane.h)
	return loadWhole(s.c, sec, 1)
}

// updateWhole handles a message while a section is seen whole.
func (s briefingScreen) updateWhole(msg tea.Msg) (briefingScreen, tea.Cmd) {
	switch msg := msg.(type) {
	case wholeMsg:
		if msg.sec != s.whole.sec || msg.read != s.whole.read {
			return s, nil // a read the section's next one replaces
		}
		if msg.err != nil {
			if s.whole.br != nil { // a read again: the list stays as it was
				text := msg.err.Error()
				return s, func() tea.Msg { return statusMsg{text: text} }
			}
			s.whole = nil
			text := msg.err.Error()
			return s, func() tea.Msg { return statusMsg{text: text} }
		}
		s.whole.br = &msg.br
		s.rebuildWhole()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, s.c.keys.Back):
			s.whole = nil
		case key.Matches(msg, s.c.keys.Why):
			s.why = !s.why
			s.rebuild()
			s.rebuildWhole()
		default:
			movePane(&s.whole.pane, msg, s.c.keys)
		}
	default:
		updatePane(&s.whole.pane, msg, s.c.keys)
	}
	return s, nil
}

// rebuildWhole lays the section seen whole out: its heading with how many
// there are, every item as the briefing draws it, and the way back.
func (s *briefingScreen) rebuildWhole() {
	ws := s.whole
	if ws == nil || ws.br == nil || ws.pane.w == 0 {
		return
	}
	c, st := s.c, &s.c.styles
	w := ws.pane.w - gutter
	t := *s
	t.br = ws.br
	var bs []block
	if ws.sec == briefing.SecCards {
		bs = t.cards(w)
	} else {
		head, n := wholeHeading(ws.br, ws.sec)
		bs = append(bs, block{lines: []string{""}}, block{lines: []string{st.Section.Render(c.t(head, fmt.Sprint(n)))}})
		for i := 0; i < n; i++ {
			if b, ok := t.itemLine(ws.sec, briefing.Ref{Section: ws.sec, Index: i}, w, false); ok {
				bs = append(bs, b)
			}
		}
	}
	bs = append(bs, block{lines: []string{""}}, block{lines: []string{st.Dim.Render("  " + c.t(i18n.BriefWholeBack, c.keys.Back.Help().Key))}})
	ws.pane.setBlocks(bs)
}

// wholeHeading is the heading of a section and how many items it has.
func wholeHeading(br *briefing.Briefing, sec briefing.Section) (i18n.Key, int) {
	switch sec {
	case briefing.SecOverdue:
		return i18n.BriefOverdue, len(br.Overdue)
	case briefing.SecDue:
		return i18n.BriefDue, len(br.Due)
	case briefing.SecDates:
		return i18n.BriefDates, len(br.Dates)
	case briefing.SecRequests:
		return i18n.SecRequests, len(br.Requests)
	case briefing.SecFestivals:
		return i18n.SecFestivals, len(br.Festivals)
	case briefing.SecSituations:
		return i18n.SecSituations, len(br.Situations)
	case briefing.SecPeople:
		return i18n.SecPeople, len(br.People)
	}
	return i18n.SecLapsed, len(br.Lapsed)
}
