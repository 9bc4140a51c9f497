package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/i18n"
)

// tasksScreen lists every open follow-up: overdue, due today, coming. Each
// can be ticked, snoozed, or its client opened.
type tasksScreen struct {
	c      *shared
	items  []taskItem
	totals [groups]int // how many there are in all, per group
	done   []taskItem  // ticked off in this session, newest first: space reopens one
	// showDone lists, in place of done, the follow-ups ticked off in the
	// last doneRecentDays, read from the book (d shows and hides them).
	showDone bool
	recent   []taskItem
	// recentRead: recent holds what the book gave (until then the
	// list says nothing, not "nothing ticked off").
	recentRead bool
	ready      bool
	stale      bool // the book changed (or was never read): read again when shown
	pane       pane
}

func newTasksScreen(c *shared) tasksScreen {
	return tasksScreen{c: c, pane: pane{cursor: -1}, stale: true}
}

// SetSize gives the screen its body size.
func (s *tasksScreen) SetSize(w, h int) {
	s.pane.setSize(w, h)
	s.rebuild()
}

// setItems shows a (re)loaded list.
func (s *tasksScreen) setItems(items []taskItem, totals [groups]int) {
	s.items, s.totals, s.ready = items, totals, true
	s.rebuild()
}

// doneShown is how many of the follow-ups ticked off in this session the
// screen lists.
const doneShown = 20

// ticked lists a follow-up ticked off, to reopen it from here.
func (s *tasksScreen) ticked(it taskItem) {
	s.reopened(it.task.ID)
	s.done = append([]taskItem{it}, s.done...)
	if len(s.done) > doneShown {
		s.done = s.done[:doneShown]
	}
	s.rebuild()
}

// reopened takes a follow-up reopened off the list of those ticked.
func (s *tasksScreen) reopened(id string) {
	for i, it := range s.done {
		if it.task.ID == id {
			s.done = append(s.done[:i:i], s.done[i+1:]...)
			s.rebuild()
			return
		}
	}
}

// selected returns the follow-up under the cursor.
func (s tasksScreen) selected() (itemRef, bool) { return s.pane.selected() }

// Update shows the follow-ups read, and handles movement.
func (s tasksScreen) Update(msg tea.Msg) (tasksScreen, tea.Cmd) {
	switch msg := msg.(type) {
	case tasksMsg:
		s.setItems(msg.items, msg.totals)
		return s, nil
	case doneTasksMsg:
		s.recent, s.recentRead = msg.items, true
		s.rebuild()
		return s, nil
	case tea.KeyPressMsg:
		if key.Matches(msg, s.c.keys.ShowDone) {
			s.showDone, s.recent, s.recentRead = !s.showDone, nil, false
			s.rebuild()
			if s.showDone {
				return s, loadDoneTasks(s.c)
			}
			return s, nil
		}
	}
	updatePane(&s.pane, msg, s.c.keys)
	return s, nil
}

// shown reads the follow-ups again when the book changed since they were
// read (a big book has tens of thousands: they are not read at the start,
// nor after each write while another screen shows).
func (s *tasksScreen) shown() tea.Cmd {
	if !s.stale {
		return nil
	}
	s.stale = false
	if s.showDone {
		return tea.Batch(loadTasks(s.c), loadDoneTasks(s.c))
	}
	return loadTasks(s.c)
}

// bookChanged reads the follow-ups again when they show (now), or marks
// them to be read when they are shown next.
func (s *tasksScreen) bookChanged(now bool) tea.Cmd {
	if now {
		if s.showDone {
			return tea.Batch(loadTasks(s.c), loadDoneTasks(s.c))
		}
		return loadTasks(s.c)
	}
	s.stale = true
	return nil
}

// View draws the list.
func (s tasksScreen) View() string {
	if !s.ready {
		return s.c.styles.Dim.Render("  " + s.c.t(i18n.Loading))
	}
	return s.pane.view(&s.c.styles)
}

func (s *tasksScreen) rebuild() {
	if !s.ready || s.pane.w == 0 {
		return
	}
	c, st := s.c, &s.c.styles
	w := s.pane.w - gutter
	today := c.today()
	var byGroup [groups][]block
	for _, it := range s.items {
		g := followUpGroup(it.task.DueOn(), today)
		byGroup[g] = append(byGroup[g], taskBlock(c, it.task, it.clientName, w))
	}
	var bs []block
	group := func(g int, k i18n.Key, none i18n.Key) {
		items := byGroup[g]
		bs = append(bs, block{lines: []string{st.Section.Render(c.t(k, countText(c, len(items), s.totals[g])))}})
		if len(items) == 0 {
			bs = append(bs, block{lines: []string{st.Dim.Render("  " + c.t(none))}})
		}
		bs = append(bs, items...)
		bs = append(bs, block{lines: []string{""}})
	}
	group(groupOverdue, i18n.BriefOverdue, i18n.BriefNothingOverdue)
	group(groupDue, i18n.BriefDue, i18n.BriefNothingDue)
	group(groupComing, i18n.TasksComing, i18n.TasksNoneComing)
	k := c.keys
	switch {
	case s.showDone:
		// The ones ticked off in the last days, read from the book:
		// reopened with u (or space).
		// The heading says how to reopen one only when there is one;
		// none ticked off, it says so; the book not read yet, neither.
		head := c.t(i18n.TasksDoneRecentlyHead, doneRecentDays)
		switch {
		case len(s.recent) > 0:
			head = c.t(i18n.TasksDoneRecently, doneRecentDays, countText(c, len(s.recent), len(s.recent)), k.Undo.Help().Key)
		case s.recentRead:
			head = c.t(i18n.TasksNoneDoneRecently, doneRecentDays)
		}
		bs = append(bs, block{lines: []string{st.Section.Render(clip(head, w))}})
		for _, it := range s.recent {
			bs = append(bs, taskBlock(c, it.task, it.clientName, w))
		}
		bs = append(bs, block{lines: []string{""}})
	case len(s.done) > 0:
		bs = append(bs, block{lines: []string{st.Section.Render(c.t(i18n.TasksDoneHere, countText(c, len(s.done), len(s.done))))}})
		for _, it := range s.done {
			bs = append(bs, taskBlock(c, it.task, it.clientName, w))
		}
		bs = append(bs, block{lines: []string{""}})
	}
	if !s.showDone {
		bs = append(bs, block{lines: []string{st.Dim.Render(clip(c.t(i18n.TasksDoneHint, k.ShowDone.Help().Key, doneRecentDays), w))}})
	}
	s.pane.setBlocks(bs)
}
