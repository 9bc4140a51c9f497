package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tui/typing"
)

// screen is one of the places of the interface.
type screen int

const (
	scrBriefing screen = iota
	scrClients
	scrTasks
	scrProfile
	scrReport   // the ten questions (report.go)
	scrHandover // hand clients over, receive them (handover.go)
	scrTeam     // the manager's view of the team, from the chain (team.go)
)

// tabs are the screens reached with tab and the number keys, in order.
var tabs = []screen{scrBriefing, scrClients, scrTasks, scrReport, scrHandover}

var tabKeys = map[screen]i18n.Key{scrBriefing: i18n.TabBriefing, scrClients: i18n.TabClients, scrTasks: i18n.TabTasks,
	scrReport: i18n.TabReport, scrHandover: i18n.TabHandover}

// focus is what receives the keys.
type focus int

const (
	focusScreen  focus = iota // the active screen
	focusLine                 // the one-line input (a note, a snooze day)
	focusForm                 // a form
	focusDrafts               // the drafts kept from last time
	focusMessage              // the message composer (message.go)
)

// Model is the root of the interface. It routes: global keys first, then
// messages that cross screens, then the active screen. The typing over the
// screens (a note, a form, the drafts offered back) is the editor's
// (editor.go); the header and the help are the chrome's (chrome.go).
type Model struct {
	c        *shared
	scr      screen
	back     screen // where esc leaves the profile for
	brief    briefingScreen
	clients  clientsScreen
	tasks    tasksScreen
	prof     profileScreen
	report   reportScreen
	handover handoverScreen
	team     teamScreen
	message  *messageScreen // the composer, open over the screen
	edit     editor
	chrome   chrome
	status   statusLine
	bst      briefingState // the briefing's Input kept, the read under way
	backup   backupState   // the daily backup's day, the backups running (backup.go)
	lastTick *taskItem     // the follow-up ticked by the last write, which u reopens
	// closeAnyway is the complaint case the book refused to close with
	// steps open: the tick key pressed next closes it anyway.
	closeAnyway string
}

// Init loads the briefing (with the summaries for the client list), the
// follow-ups and the drafts, and asks the terminal for its background.
func (m Model) Init() tea.Cmd {
	return tea.Batch(loadVisits(m.c), loadBriefing(m.c, true), loadDrafts(m.c), tea.RequestBackgroundColor, atMidnight(m.c),
		watchBook(m.c), syncBook(m.c))
}

// Update routes a message (update), then shows the news that waited for
// the status line if the line is free now (statusLine.sayLater).
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	m = next.(Model)
	if m.status.later == "" {
		return m, cmd
	}
	_, held := m.edit.statusLine()
	var said tea.Cmd
	m.status, said = m.status.showLater(m.c, held)
	return m, tea.Batch(cmd, said)
}

// update routes a message: the terminal's, then the keys, then the
// messages that cross screens (the status line, a write that landed, a
// client to open), then those of one screen, to it.
func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	c := m.c
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		c.width, c.height = msg.Width, msg.Height
		m.layout()
		m.edit.resized()
		return m, nil
	case tea.BackgroundColorMsg:
		c.styles = NewStyles(msg.IsDark())
		m.restyle()
		return m.toEditor(msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		switch f := m.focus(); {
		case f == focusLine || f == focusForm:
			return m.toEditor(msg)
		case m.scr == scrClients && m.clients.searching(), m.scr == scrHandover && m.handover.typing():
			return m.toScreen(msg)
		}
		return m, nil
	case tea.MouseWheelMsg:
		if f := m.focus(); f == focusScreen || f == focusLine {
			return m.toScreen(msg)
		}
		return m, nil

	case stepsOpenMsg:
		m.closeAnyway = msg.ref.task.ID
		return m.say(m.c.t(i18n.StatusCloseAnyway, msg.err.Error(), m.c.keys.Tick.Help().Key), true)
	case errMsg:
		if errors.Is(msg.err, store.ErrDamaged) {
			m.c.damaged = true // a banner from now on
		}
		return m.say(msg.err.Error(), true)
	case statusMsg:
		return m.say(msg.text, false)
	case statusClearMsg:
		m.status = m.status.expire(msg.seq)
		return m, nil
	case changedMsg:
		return m.changed(msg)
	case bookChangedMsg:
		return m.bookChanged(msg.status)
	case openClientMsg:
		return m.openClient(msg.id)

	case briefingMsg:
		show, cmd := m.bst.got(c, msg)
		var whole tea.Cmd // the section seen whole, read again
		if show {
			m.brief, whole = m.brief.Update(msg)
		}
		backup := m.backup.startAuto(c) // the day's first briefing shown: back up (before m is copied out)
		return m, tea.Batch(cmd, whole, backup)
	case wholeMsg:
		return m.to(scrBriefing, msg)
	case briefingFailedMsg:
		next := m.bst.failed(c, msg)
		if c.unread != "" {
			return m, next // the screens say why, in place of "Loading…"
		}
		mm, cmd := m.say(readFailed(c.cat, i18n.AppReadingBriefing, msg.err).Error(), true)
		return mm, tea.Batch(cmd, next)
	case retryReadMsg:
		return m, m.bst.retry(c)
	case syncTickMsg:
		return m, syncBook(c)
	case syncedMsg:
		return m.synced(msg)
	case watchMsg:
		m.status = m.status.waiting(c.t(i18n.AppWriteWaiting), c.book != nil && c.book.WriteWaiting())
		return m, lookOutside(c)
	case outsideMsg:
		c.damaged = msg.damaged // set or cleared by any vipbook (check, restore)
		if !msg.changed {
			return m, watchBook(c)
		}
		return m.outsideChanged()
	case newDayMsg:
		read := m.bst.refresh(c, "") // before m is copied out
		return m, tea.Batch(loadVisits(c), read, atMidnight(c))
	case backedUpMsg:
		text, isErr, ok := m.backup.done(c, msg)
		switch {
		case !ok:
			return m, nil
		case isErr:
			return m.say(text, true)
		}
		// News of a backup that ended while the associate went on does
		// not replace theirs ("Note saved on …"): it waits for the line.
		replaces := ""
		if !msg.auto {
			replaces = c.t(i18n.BackupRunning)
		}
		var cmd tea.Cmd
		m.status, cmd = m.status.sayLater(c, text, replaces)
		return m, cmd

	case visitsMsg:
		return m.to(scrBriefing, msg)
	case rowsMsg, rowMsg, filterMsg, keptMsg:
		return m.to(scrClients, msg)
	case tasksMsg, doneTasksMsg:
		return m.to(scrTasks, msg)
	case clientGoneMsg:
		return m.clientGone(msg)
	case clientMsg:
		m.prof, _ = m.prof.Update(msg)
		return m.edited(m.edit.clientLoaded(msg.d)) // a draft or a form waiting for it
	case reportMsg:
		return m.to(scrReport, msg)
	case teamMsg:
		return m.to(scrTeam, msg)
	case chainFoundMsg:
		return m.to(scrClients, msg)
	case chainAdoptedMsg:
		return m.adopted(msg)
	case handoverMsg:
		m.status = m.status.clearErr()
		return m.to(scrHandover, msg)

	case messageReadyMsg:
		if m.focus() != focusScreen {
			return m, nil // the associate has moved on to a form or a note
		}
		s := newMessageScreen(c, msg)
		m.message = &s
		m.edit.setCovered(true)
		m.status = m.status.clearErr()
		m.layout()
		return m, s.lookUpReferred()
	case messageReferredMsg:
		if m.message != nil {
			s, cmd := m.message.Update(msg)
			m.message = &s
			return m, cmd
		}
		return m, nil
	case closeMessageMsg:
		m.message = nil
		m.edit.setCovered(false)
		m.layout()
		return m, nil
	}
	// The editor's messages, and those of the components of a form (its
	// field moves, the inputs' cursor).
	return m.toEditor(msg)
}

// key routes a key press: an input, a form or the composer in use takes
// every key; otherwise the global keys, then the actions on the selected
// item, then the active screen.
func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	c, k := m.c, m.c.keys
	if key.Matches(msg, k.ForceQuit) {
		return m, tea.Quit
	}
	// A case the book would not close: the tick key right after closes it
	// anyway; any other key keeps it open.
	asked := m.closeAnyway
	m.closeAnyway = ""
	if asked != "" && key.Matches(msg, k.Tick) && !m.edit.active() && m.message == nil {
		if ref, ok := m.selected(); ok && ref.task != nil && ref.task.ID == asked {
			return m, forceTickTask(c, ref)
		}
	}
	if asked != "" {
		m.status = m.status.clearErr() // the question is answered: no "press again" left on the line
	}
	switch {
	case m.edit.active():
		return m.toEditor(msg)
	case m.message != nil:
		s, cmd := m.message.Update(msg)
		m.message = &s
		return m, cmd
	case m.scr == scrClients && m.clients.searching(), m.scr == scrHandover && m.handover.takes(msg):
		return m.toScreen(msg)
	}
	switch {
	case key.Matches(msg, k.Help):
		m.chrome.full = !m.chrome.full
		m.layout()
		return m, nil
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Back):
		switch {
		case m.chrome.full:
			m.chrome.full = false
			m.layout()
		case m.scr == scrProfile:
			return m.show(m.back)
		default:
			return m.toScreen(msg)
		}
		return m, nil
	case key.Matches(msg, k.NextTab), key.Matches(msg, k.PrevTab):
		dir := 1
		if key.Matches(msg, k.PrevTab) {
			dir = -1
		}
		i := 0
		for j, s := range tabs {
			if s == m.scr || (m.scr == scrProfile && s == m.back) {
				i = j
			}
		}
		return m.show(tabs[(i+dir+len(tabs))%len(tabs)])
	case key.Matches(msg, k.Screen1):
		return m.show(scrBriefing)
	case key.Matches(msg, k.Screen2):
		return m.show(scrClients)
	case key.Matches(msg, k.Screen3):
		return m.show(scrTasks)
	case key.Matches(msg, k.Screen4):
		return m.show(scrReport)
	case key.Matches(msg, k.Screen5):
		return m.show(scrHandover)
	case key.Matches(msg, k.Screen6):
		return m.show(scrTeam)
	case key.Matches(msg, k.Search):
		m.scr = scrClients
		cmd := m.clients.focusSearch()
		return m, cmd
	case key.Matches(msg, k.Add):
		return m.edited(m.edit.openForm(formAdd, itemRef{}, nil, nil))
	case key.Matches(msg, k.Backup):
		cmd := m.backup.start(c)
		mm, status := m.say(c.t(i18n.BackupRunning), false)
		return mm, tea.Batch(cmd, status)
	}
	return m.act(msg)
}

// show makes s the active screen. The follow-ups are read when their
// screen is shown, if the book changed since; the report each time.
func (m Model) show(s screen) (tea.Model, tea.Cmd) {
	if s != m.scr {
		// The status line speaks of the screen it was said on: news and
		// errors do not follow the associate to another screen.
		m.status = m.status.leave()
	}
	m.scr = s
	switch s {
	case scrTasks:
		cmd := m.tasks.shown() // before m is copied out
		return m, cmd
	case scrReport:
		return m, loadReport(m.c) // read each time: the book may have changed
	case scrTeam:
		return m, loadTeam(m.c) // read each time: the chain moves
	}
	return m, nil
}

// toScreen passes a message to the active screen.
func (m Model) toScreen(msg tea.Msg) (tea.Model, tea.Cmd) { return m.to(m.scr, msg) }

// to passes a message to screen s.
func (m Model) to(s screen, msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch s {
	case scrBriefing:
		m.brief, cmd = m.brief.Update(msg)
	case scrClients:
		m.clients, cmd = m.clients.Update(msg)
	case scrTasks:
		m.tasks, cmd = m.tasks.Update(msg)
	case scrProfile:
		m.prof, cmd = m.prof.Update(msg)
	case scrReport:
		m.report, cmd = m.report.Update(msg)
	case scrHandover:
		m.handover, cmd = m.handover.Update(msg)
	case scrTeam:
		m.team, cmd = m.team.Update(msg)
	}
	return m, cmd
}

// toEditor passes a message to the editor.
func (m Model) toEditor(msg tea.Msg) (tea.Model, tea.Cmd) { return m.edited(m.edit.Update(msg)) }

// edited takes the editor back after it handled a message, and does what
// it asks of the root: a line in the status line, a client opened.
func (m Model) edited(e editor, cmd tea.Cmd, out edited) (tea.Model, tea.Cmd) {
	m.edit = e
	if out.clearErr {
		m.status = m.status.clearErr()
	}
	cmds := []tea.Cmd{cmd}
	if out.open != "" {
		mm, open := m.openClient(out.open)
		m = mm.(Model)
		cmds = append(cmds, open)
	}
	if out.say {
		var say tea.Cmd
		m.status, say = m.status.set(m.c, out.text, out.isErr)
		cmds = append(cmds, say)
	}
	return m, tea.Batch(cmds...)
}

// focus says what receives the keys.
func (m Model) focus() focus {
	switch {
	case m.edit.mode == editLine, m.edit.mode == editPick, m.edit.mode == editConfirm:
		return focusLine
	case m.edit.mode == editForm:
		return focusForm
	case m.edit.mode == editOffer:
		return focusDrafts
	case m.message != nil:
		return focusMessage
	}
	return focusScreen
}

// selected returns the item the actions apply to on the active screen.
func (m Model) selected() (itemRef, bool) {
	switch m.scr {
	case scrBriefing:
		return m.brief.selected()
	case scrClients:
		return m.clients.selected()
	case scrTasks:
		return m.tasks.selected()
	case scrProfile:
		return m.prof.client()
	case scrReport:
		return m.report.selected()
	}
	return itemRef{}, false
}

// openClient shows a client's profile; esc comes back here.
func (m Model) openClient(id string) (tea.Model, tea.Cmd) {
	if m.scr != scrProfile {
		m.back = m.scr
	}
	m.scr = scrProfile
	m.prof.open(id)
	return m, loadClient(m.c, id)
}

// clientGone closes the profile of a client another vipbook erased or
// merged away while the app showed it: nothing of them stays on the
// screen, and no key can write to them. A merged client's profile gives
// way to the one they were merged into.
func (m Model) clientGone(msg clientGoneMsg) (tea.Model, tea.Cmd) {
	if m.prof.id != msg.id {
		return m, nil // the associate has moved on
	}
	m.prof.open("")
	// A note or a form open about them closes with the profile: its
	// draft is dropped (SaveDraft refuses a client no longer in the
	// book), so the status line says what happened, not an open input.
	var drop tea.Cmd
	var text string
	var kind notes.Kind
	var closed bool
	m.edit, drop, text, kind, closed = m.edit.closeFor(msg.id)
	if msg.into != "" {
		mm, cmd := m.openClient(msg.into)
		if strings.TrimSpace(text) != "" {
			// The same person: the note goes on for the client kept.
			m2 := mm.(Model)
			m2.edit, _ = m2.edit.openNote(itemRef{clientID: msg.into, clientName: msg.intoName}, text, kind)
			m2.c.drafts.Set(store.Draft{Key: typing.NoteKey(msg.into), ClientID: msg.into, Text: text})
			mm = m2
		}
		mm, say := mm.(Model).say(m.c.t(i18n.AppClientMergedMeanwhile, msg.intoName), false)
		return mm, tea.Batch(drop, cmd, say)
	}
	back := m.back
	if back == scrProfile {
		back = scrClients
	}
	mm, cmd := m.show(back)
	said := m.c.t(i18n.AppClientErasedMeanwhile)
	if closed {
		said = m.c.t(i18n.AppClientErasedWhileTyping)
	}
	mm, say := mm.(Model).say(said, false)
	return mm, tea.Batch(drop, cmd, say)
}

// say shows a line in the status line: news for a while, an error until
// the next news.
func (m Model) say(text string, isErr bool) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.status, cmd = m.status.set(m.c, text, isErr)
	return m, cmd
}
