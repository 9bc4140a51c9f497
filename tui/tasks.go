package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/i18n"
)

// tasksScreen lists every open follow-up: overdue, due today, coming. Each
// can be ticked, snoozed, or its client opened.
type tasksScreen struct {
	c     *shared
	items []taskItem
	ready bool
	pane  pane
}

func newTasksScreen(c *shared) tasksScreen { return tasksScreen{c: c, pane: pane{cursor: -1}} }

// SetSize gives the screen its body size.
func (s *tasksScreen) SetSize(w, h int) {
	s.pane.setSize(w, h)
	s.rebuild()
}

// setItems shows a (re)loaded list.
func (s *tasksScreen) setItems(items []taskItem) {
	s.items, s.ready = items, true
	s.rebuild()
}

// selected returns the follow-up under the cursor.
func (s tasksScreen) selected() (itemRef, bool) { return s.pane.selected() }

// Update handles movement.
func (s tasksScreen) Update(msg tea.Msg) (tasksScreen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		movePane(&s.pane, msg, s.c.keys)
	case tea.MouseWheelMsg:
		wheelPane(&s.pane, msg)
	}
	return s, nil
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
	var overdue, due, coming []block
	for _, it := range s.items {
		b := taskBlock(c, it.task, it.clientName, w)
		switch d := it.task.DueOn(); {
		case d.Before(today):
			overdue = append(overdue, b)
		case d == today:
			due = append(due, b)
		default:
			coming = append(coming, b)
		}
	}
	var bs []block
	group := func(k i18n.Key, items []block, none i18n.Key) {
		bs = append(bs, block{lines: []string{st.Section.Render(c.t(k, countText(c, len(items), len(items))))}})
		if len(items) == 0 {
			bs = append(bs, block{lines: []string{st.Dim.Render("  " + c.t(none))}})
		}
		bs = append(bs, items...)
		bs = append(bs, block{lines: []string{""}})
	}
	group(i18n.BriefOverdue, overdue, i18n.BriefNothingOverdue)
	group(i18n.BriefDue, due, i18n.BriefNothingDue)
	group(i18n.TasksComing, coming, i18n.TasksNoneComing)
	s.pane.setBlocks(bs)
}
