package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/tasks"
)

// The root's answers to what the associate asks of the item selected on
// the active screen, and to the writes that land.

// act runs the actions on the item selected on the active screen, else
// passes the key to the screen.
func (m Model) act(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	c, k := m.c, m.c.keys
	ref, ok := m.selected()
	if m.scr == scrProfile && ok {
		switch p := m.prof.profile(); {
		case p == nil:
		case key.Matches(msg, k.AddEntry):
			e, out := m.edit.pickEntry(ref, p)
			return m.edited(e, nil, out)
		case key.Matches(msg, k.RemoveEntry) && ref.entry != nil:
			e, out := m.edit.askRemove(ref, m.prof.entryText(), p)
			return m.edited(e, nil, out)
		case key.Matches(msg, k.Edit) && ref.entry != nil && entryForms[ref.entry.sec] != "":
			return m.edited(m.edit.openEntryForm(ref.entry.sec, ref, p, ref.entry.i))
		case key.Matches(msg, k.Tick) && ref.request != nil:
			if !ref.request.IsOpen() { // a closed one is reopened
				return m, setRequest(c, ref, ref.request.ID, ref.request.What, requests.Open)
			}
			e, out := m.edit.askCloseRequest(ref)
			return m.edited(e, nil, out)
		case key.Matches(msg, k.Merge):
			e, out := m.edit.openMerge(ref)
			return m.edited(e, nil, out)
		}
	}
	switch {
	case key.Matches(msg, k.Message):
		if !ok || ref.clientID == "" {
			return m.say(c.t(i18n.StatusPickClient), true)
		}
		// The composer opens when what it needs is read (a client who
		// asked not to be contacted gets a refusal instead).
		return m, loadMessage(c, ref, messageKind(ref, m.scr == scrReport && m.report.inAway()))
	case key.Matches(msg, k.Open):
		if ok && ref.clientID != "" && m.scr != scrProfile {
			if ref.task != nil { // opened from a follow-up: on it
				mm, cmd := m.openClient(ref.clientID)
				m = mm.(Model)
				m.prof.openAt(ref.clientID, ref.task.ID)
				return m, cmd
			}
			return m.openClient(ref.clientID)
		}
		return m, nil
	case key.Matches(msg, k.Note, k.Edit, k.Task, k.Buy, k.Visit):
		if !ok || ref.clientID == "" {
			return m.say(c.t(i18n.StatusPickClient), true)
		}
		switch {
		case key.Matches(msg, k.Note):
			e, out := m.edit.pickNote(ref)
			return m.edited(e, nil, out)
		case key.Matches(msg, k.Edit):
			var before *profile.Profile // the edit form waits for the profile unless it shows
			if m.scr == scrProfile {
				before = m.prof.profile()
			}
			return m.edited(m.edit.openForm(formEdit, ref, nil, before))
		case key.Matches(msg, k.Task):
			return m.edited(m.edit.openForm(formTask, ref, nil, nil))
		case key.Matches(msg, k.Buy):
			return m.edited(m.edit.openForm(formBuy, ref, nil, nil))
		default:
			return m.edited(m.edit.openForm(formVisit, ref, nil, nil))
		}
	case key.Matches(msg, k.Undo) && m.scr == scrTasks && ok && ref.task != nil && ref.task.Status == tasks.Done:
		// The follow-up ticked off under the cursor (this session's, or
		// one of the last days' that d shows) is reopened.
		return m, reopenTask(c, ref.task.ID, c.cat.TaskTitle(ref.task))
	case key.Matches(msg, k.Undo):
		t := m.lastTick
		if t == nil {
			return m.say(c.t(i18n.StatusNothingToUndo, k.Undo.Help().Key), true)
		}
		return m, reopenTask(c, t.task.ID, c.cat.TaskTitle(&t.task))
	case key.Matches(msg, k.Tick, k.Snooze):
		if m.scr != scrBriefing && m.scr != scrTasks && m.scr != scrProfile {
			return m.say(c.t(i18n.StatusNoTasksHere, k.Screen1.Help().Key, c.t(i18n.TabBriefing), k.Screen3.Help().Key, c.t(i18n.TabTasks)), true)
		}
		if !ok || ref.task == nil {
			return m.say(c.t(i18n.StatusPickTask), true)
		}
		if ref.task.Status == tasks.Done {
			if key.Matches(msg, k.Tick) { // a done one is reopened
				return m, reopenTask(c, ref.task.ID, c.cat.TaskTitle(ref.task))
			}
			return m.say(c.t(i18n.StatusPickTask), true)
		}
		if key.Matches(msg, k.Tick) {
			return m, tickTask(c, ref)
		}
		e, out := m.edit.openSnooze(ref)
		return m.edited(e, nil, out)
	}
	return m.toScreen(msg)
}

// changed reloads what a write touched and says what happened.
func (m Model) changed(msg changedMsg) (tea.Model, tea.Cmd) {
	c := m.c
	// u undoes the tick right before, and nothing older.
	m.lastTick = msg.ticked
	if msg.ticked != nil {
		m.tasks.ticked(*msg.ticked)
	}
	if msg.reopened != "" {
		m.tasks.reopened(msg.reopened)
	}
	cmds := []tea.Cmd{m.bst.refresh(c, msg.clientID),
		m.tasks.bookChanged(m.scr == scrTasks || (m.scr == scrProfile && m.back == scrTasks))}
	if msg.clientID != "" {
		cmds = append(cmds, loadRow(c, msg.clientID))
		if m.scr == scrProfile && m.prof.shows() == msg.clientID {
			cmds = append(cmds, loadClient(c, msg.clientID))
		}
	}
	if msg.open && msg.clientID != "" {
		mm, cmd := m.openClient(msg.clientID)
		m = mm.(Model)
		cmds = append(cmds, cmd)
	}
	mm, cmd := m.say(msg.status, false)
	return mm, tea.Batch(append(cmds, cmd)...)
}

// outsideChanged reads again what the app shows after another vipbook
// wrote to the book (a note from the CLI, an import by a script): the
// briefing and the client list, the day's visits, the follow-ups (now if
// shown) and the profile shown; then it looks again later.
func (m Model) outsideChanged() (tea.Model, tea.Cmd) {
	c := m.c
	cmds := []tea.Cmd{loadBriefing(c, true), loadVisits(c),
		m.tasks.bookChanged(m.scr == scrTasks || (m.scr == scrProfile && m.back == scrTasks)), watchBook(c)}
	if id := m.prof.shows(); m.scr == scrProfile && id != "" {
		cmds = append(cmds, loadClient(c, id))
	}
	return m, tea.Batch(cmds...)
}

// bookChanged reads the book again after a change to many clients (a
// handover) and says what happened; status "" (a sync that brought
// others' changes) says nothing, and leaves the line as it is: it
// cleared the news of what the associate had just done.
func (m Model) bookChanged(status string) (tea.Model, tea.Cmd) {
	m.tasks.bookChanged(false)
	cmds := []tea.Cmd{loadBriefing(m.c, true)}
	if id := m.prof.shows(); m.scr == scrProfile && id != "" {
		cmds = append(cmds, loadClient(m.c, id))
	}
	if status == "" {
		return m, tea.Batch(cmds...)
	}
	mm, cmd := m.say(status, false)
	return mm, tea.Batch(append(cmds, cmd)...)
}
