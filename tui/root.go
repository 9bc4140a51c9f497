package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
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
)

// tabs are the screens reached with tab and the number keys, in order.
var tabs = []screen{scrBriefing, scrClients, scrTasks}

var tabKeys = map[screen]i18n.Key{scrBriefing: i18n.TabBriefing, scrClients: i18n.TabClients, scrTasks: i18n.TabTasks}

// focus is what receives the keys.
type focus int

const (
	focusScreen  focus = iota // the active screen
	focusLine                 // the one-line input (a note, a snooze day)
	focusForm                 // a form
	focusDrafts               // the drafts kept from last time
	focusMessage              // the message composer (message.go)
)

// statusTTL is how long a line of news stays in the status line.
const statusTTL = 6 * time.Second

// minWidth and minHeight are the smallest terminal the interface draws in.
const (
	minWidth  = 40
	minHeight = 10
)

// pendingAction is something to do once a client has loaded: resume a
// draft note or form, or open the edit form.
type pendingAction struct {
	clientID string
	note     *string
	form     formKind
	values   map[string]string
}

// Model is the root of the interface. It routes: global keys first, then
// messages that cross screens, then the active screen.
type Model struct {
	c        *shared
	scr      screen
	back     screen // where esc leaves the profile for
	focus    focus
	brief    briefingScreen
	clients  clientsScreen
	tasks    tasksScreen
	prof     profileScreen
	report   reportScreen
	handover handoverScreen
	message  *messageScreen
	line     *lineInput
	form     *formScreen
	offer    draftOffer
	help     help.Model
	full     bool // the full help is shown

	status    string
	statusErr bool
	statusSeq int
	draftSeq  int
	pending   *pendingAction
	bst       briefingState // the briefing's Input kept, the read under way
	backup    backupState   // the daily backup's day, the backups running (backup.go)
}

// Options say what the interface works on.
type Options struct {
	// Book is the book, opened with book.Open: its rules run on every
	// write the interface makes.
	Book *book.Book
	Lang string           // "en" or "zh"
	Now  func() time.Time // the clock; time.Now when nil
	// Config is the configuration (tier scheme, ...); the book's (the one
	// it was opened with) when nil.
	Config *config.Config
	// ConfigPath is the config file Config was read from: the message
	// templates are found beside it. config.DefaultPath() when empty.
	ConfigPath string
	// ReadOnly says the book was opened read-only because its file cannot
	// be written: a banner says so and how to fix it, and the drafts are
	// not written to the book (they go to a fallback file on exit).
	ReadOnly bool
	// StateDir is where drafts the book cannot take are written on exit,
	// and read back at the next start. Run fills in
	// $XDG_STATE_HOME/vipbook; empty (New, tests) means no fallback file.
	StateDir string
	// AutoBackup backs the book up once a day into the backups directory
	// beside it (backup.go). The app sets it; off by default, so that
	// tests and other harnesses write no backups.
	AutoBackup bool
}

// New returns the root model of the interface on the briefing.
func New(opt Options) Model {
	return newModel(opt, typing.NewKeeper())
}

func newModel(opt Options, keeper *typing.Keeper) Model {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	cat := i18n.New(opt.Lang)
	c := &shared{width: 80, height: 24, styles: NewStyles(true), keys: DefaultKeyMap(cat), use: opt.Book,
		now: opt.Now, cat: cat, drafts: keeper, after: tickAfter, readOnly: opt.ReadOnly, stateDir: opt.StateDir,
		configPath: opt.ConfigPath}
	if c.configPath == "" {
		c.configPath = config.DefaultPath()
	}
	cfg := config.Default()
	switch {
	case opt.Config != nil:
		cfg = *opt.Config
	case opt.Book != nil:
		cfg = opt.Book.Config()
	}
	if opt.Book != nil {
		c.book = opt.Book.Store()
	}
	c.cfg = cfg
	if opt.Book != nil {
		meta := opt.Book.Meta()
		c.currency, c.associate, c.country = meta.Currency, meta.Associate, meta.CountryCode
		if c.cfg.Tiers.Currency == "" {
			c.cfg.Tiers.Currency = meta.Currency
		}
	}
	m := Model{c: c, brief: newBriefingScreen(c), clients: newClientsScreen(c), tasks: newTasksScreen(c),
		prof: newProfileScreen(c), report: newReportScreen(c), handover: newHandoverScreen(c), help: help.New()}
	m.bst.running = firstRead // Init's
	m.backup.enabled = opt.AutoBackup
	m.restyle()
	m.layout()
	return m
}

// Init loads the briefing (with the summaries for the client list), the
// follow-ups and the drafts, and asks the terminal for its background.
func (m Model) Init() tea.Cmd {
	return tea.Batch(loadVisits(m.c), loadBriefing(m.c, true), loadDrafts(m.c), tea.RequestBackgroundColor, atMidnight(m.c))
}

// Update routes a message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	c := m.c
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		c.width, c.height = msg.Width, msg.Height
		m.layout()
		if m.form != nil {
			m.form.SetWidth(formWidth(c.width))
		}
		return m, nil
	case tea.BackgroundColorMsg:
		c.styles = NewStyles(msg.IsDark())
		m.restyle()
		if m.form != nil {
			cmd, _ := m.form.Update(msg, c.drafts)
			return m, cmd
		}
		return m, nil
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.PasteMsg:
		return m.paste(msg)
	case tea.MouseWheelMsg:
		if m.focus == focusScreen || m.focus == focusLine {
			return m.toScreen(msg)
		}
		return m, nil

	case errMsg:
		return m.setStatus(msg.err.Error(), true)
	case statusMsg:
		return m.setStatus(msg.text, false)
	case statusClearMsg:
		if msg.seq == m.statusSeq {
			m.status = ""
		}
		return m, nil

	case visitsMsg:
		m.brief.setVisits(msg.cards)
		return m, nil
	case briefingMsg:
		cmd := m.gotBriefing(msg)
		backup := m.startAutoBackup() // the day's first briefing shown: back up
		return m, tea.Batch(cmd, backup)
	case backedUpMsg:
		return m.backedUp(msg)
	case briefingFailedMsg:
		return m.briefingFailed(msg)
	case newDayMsg:
		cmd := m.newDay()
		return m, cmd
	case rowsMsg:
		cmd := m.clients.setRows(msg)
		return m, cmd
	case rowMsg:
		cmd := m.clients.setRow(msg.row, msg.removed)
		return m, cmd
	case filterMsg:
		var cmd tea.Cmd
		m.clients, cmd = m.clients.Update(msg)
		return m, cmd
	case tasksMsg:
		m.tasks.setItems(msg.items, msg.totals)
		return m, nil
	case clientMsg:
		if t := m.clients.tierOf(msg.d.p.ID); t != "" && msg.d.sum.Tier == "" {
			msg.d.tier = t
		}
		m.prof.setDetail(msg.d)
		return m.runPending(msg.d)
	case changedMsg:
		return m.changed(msg)
	case openClientMsg:
		return m.openClient(msg.id)
	case reportMsg:
		m.report.setReport(msg.r)
		return m, nil
	case messageMsg:
		return m.messageMsg(msg)
	case handoverMsg:
		return m.handoverMsg(msg)

	case draftsMsg:
		if len(msg.items) > 0 && m.focus == focusScreen {
			m.offer = draftOffer{typing.Offer{Items: msg.items}}
			m.focus = focusDrafts
		}
		if msg.err != nil {
			return m.setStatus(msg.err.Error(), true)
		}
		return m, nil
	case noteFailedMsg:
		return m.noteFailed(msg)
	case draftTickMsg:
		if msg.seq == m.draftSeq {
			return m, flushDrafts(c)
		}
		return m, nil
	case draftsFlushedMsg:
		return m, nil

	case formFailedMsg:
		return m.reopenForm(msg.f, keptErr(c, msg.err))
	case typing.SubmittedMsg:
		return m.submitForm()
	case typing.CancelledMsg:
		return m.closeForm(true)
	}
	// Messages of the components (the form's field moves, the inputs'
	// cursor) go to whichever is active.
	if m.focus == focusForm && m.form != nil {
		cmd, changed := m.form.Update(msg, c.drafts)
		if changed {
			m.clearError() // the answer changed: the old complaint may no longer hold
		}
		tick := m.draftChanged(changed) // before m is copied out
		return m, tea.Batch(cmd, tick)
	}
	return m, nil
}

// key routes a key press: an input or a form in use takes every key;
// otherwise the global keys, then the actions on the selected item, then
// the active screen.
func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	c, k := m.c, m.c.keys
	if key.Matches(msg, k.ForceQuit) {
		return m, tea.Quit
	}
	switch m.focus {
	case focusForm:
		cmd, changed := m.form.Update(msg, c.drafts)
		if changed {
			m.clearError() // the answer changed: the old complaint may no longer hold
		}
		tick := m.draftChanged(changed) // before m is copied out
		return m, tea.Batch(cmd, tick)
	case focusLine:
		return m.lineKey(msg)
	case focusDrafts:
		return m.offerKey(msg)
	case focusMessage:
		return m.messageKey(msg)
	}
	if m.scr == scrClients && m.clients.searching() {
		return m.toScreen(msg)
	}
	if m.scr == scrHandover && m.handover.takes(msg) {
		return m.toScreen(msg)
	}
	switch {
	case key.Matches(msg, k.Help):
		m.full = !m.full
		m.layout()
		return m, nil
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Back):
		switch {
		case m.full:
			m.full = false
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
	case key.Matches(msg, k.Search):
		m.scr = scrClients
		cmd := m.clients.focusSearch()
		return m, cmd
	case key.Matches(msg, k.Add):
		return m.openForm(formAdd, itemRef{}, nil)
	case key.Matches(msg, k.Backup):
		return m.backupKey()
	}
	ref, ok := m.selected()
	switch {
	case key.Matches(msg, k.Message):
		return m.openMessage(ref, ok)
	case key.Matches(msg, k.Open):
		if ok && ref.clientID != "" && m.scr != scrProfile {
			return m.openClient(ref.clientID)
		}
		return m, nil
	case key.Matches(msg, k.Note), key.Matches(msg, k.Edit), key.Matches(msg, k.Task), key.Matches(msg, k.Buy),
		key.Matches(msg, k.Visit):
		if !ok || ref.clientID == "" {
			return m.setStatus(c.t(i18n.StatusPickClient), true)
		}
		switch {
		case key.Matches(msg, k.Note):
			return m.openNote(ref, "")
		case key.Matches(msg, k.Edit):
			if m.scr == scrProfile && m.prof.d != nil {
				return m.openForm(formEdit, ref, nil)
			}
			m.pending = &pendingAction{clientID: ref.clientID, form: formEdit}
			return m.openClient(ref.clientID)
		case key.Matches(msg, k.Task):
			return m.openForm(formTask, ref, nil)
		case key.Matches(msg, k.Buy):
			return m.openForm(formBuy, ref, nil)
		default:
			return m.openForm(formVisit, ref, nil)
		}
	case key.Matches(msg, k.Tick), key.Matches(msg, k.Snooze):
		if !ok || ref.task == nil {
			return m.setStatus(c.t(i18n.StatusPickTask), true)
		}
		if key.Matches(msg, k.Tick) {
			return m, tickTask(c, ref.task.ID, c.cat.TaskTitle(ref.task))
		}
		m.line = newLine(c, lineSnooze, ref, "")
		m.focus = focusLine
		m.clearError()
		m.layout()
		return m, nil
	}
	return m.toScreen(msg)
}

// show makes s the active screen. The follow-ups are read when their
// screen is shown (a big book has tens of thousands: they are not read
// at the start, nor after each write while another screen shows).
func (m Model) show(s screen) (tea.Model, tea.Cmd) {
	m.scr = s
	if s == scrTasks && m.tasks.stale {
		m.tasks.stale = false
		return m, loadTasks(m.c)
	}
	if s == scrReport {
		return m, loadReport(m.c) // read each time: the book may have changed
	}
	return m, nil
}

// toScreen passes a message to the active screen.
func (m Model) toScreen(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch m.scr {
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
	}
	return m, cmd
}

// paste sends pasted text to whatever takes text.
func (m Model) paste(msg tea.PasteMsg) (tea.Model, tea.Cmd) {
	switch {
	case m.focus == focusLine:
		cmd, changed := m.line.Update(msg, m.c.drafts)
		if changed {
			m.clearError() // the answer changed: the old complaint may no longer hold
		}
		tick := m.draftChanged(changed) // before m is copied out
		return m, tea.Batch(cmd, tick)
	case m.focus == focusForm:
		cmd, changed := m.form.Update(msg, m.c.drafts)
		if changed {
			m.clearError() // the answer changed: the old complaint may no longer hold
		}
		tick := m.draftChanged(changed) // before m is copied out
		return m, tea.Batch(cmd, tick)
	case m.scr == scrClients && m.clients.searching(), m.scr == scrHandover && m.handover.typing():
		return m.toScreen(msg)
	}
	return m, nil
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

// openNote opens the one-line note input on a client.
func (m Model) openNote(ref itemRef, text string) (tea.Model, tea.Cmd) {
	m.line = newLine(m.c, lineNote, ref, text)
	m.focus = focusLine
	m.clearError()
	m.layout()
	return m, nil
}

// lineKey handles a key in the one-line input.
func (m Model) lineKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	c, k, l := m.c, m.c.keys, m.line
	switch {
	case key.Matches(msg, k.Cancel):
		m.line, m.focus = nil, focusScreen
		m.layout()
		if l.kind == lineNote {
			return m, dropDraft(c, l.Key)
		}
		return m, nil
	case key.Matches(msg, k.Save):
		text := strings.TrimSpace(l.Value())
		switch l.kind {
		case lineNote:
			if text == "" {
				return m.setStatus(c.t(i18n.ErrNoteEmpty), true)
			}
			// The keeper holds the text until the note is in the book:
			// saveNote clears it then, so a kill during the save loses
			// nothing.
			m.line, m.focus = nil, focusScreen
			m.layout()
			return m, saveNote(c, l.ref, l.Value(), l.Key)
		case lineSnooze:
			until, err := parseDay(text, c.today())
			if text == "" {
				until, err = c.today().AddDays(1), nil
			}
			if err != nil || !until.After(c.today()) {
				return m.setStatus(c.t(i18n.ErrSnoozeDay, text), true)
			}
			m.line, m.focus = nil, focusScreen
			m.layout()
			return m, snoozeTask(c, l.ref.task.ID, c.cat.TaskTitle(l.ref.task), until)
		}
	}
	m.clearError() // typing again: the old complaint may no longer hold
	cmd, changed := l.Update(msg, c.drafts)
	tick := m.draftChanged(changed) // before m is copied out
	return m, tea.Batch(cmd, tick)
}

// noteFailed brings back a note the book refused (full, read-only): the
// input reopens with the text, which is kept as a draft again, and the
// status line says why. When something else has been opened since, the
// text stays a draft (offered at the next start) and the status line says
// why.
func (m Model) noteFailed(msg noteFailedMsg) (tea.Model, tea.Cmd) {
	c := m.c
	key := typing.NoteKey(msg.ref.clientID)
	c.drafts.Set(store.Draft{Key: key, ClientID: msg.ref.clientID, Text: msg.text})
	err := keptErr(c, msg.err)
	if m.focus == focusScreen {
		mm, _ := m.openNote(msg.ref, msg.text)
		m = mm.(Model)
	}
	return m.setStatus(err.Error(), true)
}

// draftChanged schedules the write of the drafts after a pause in typing.
func (m *Model) draftChanged(changed bool) tea.Cmd {
	if !changed {
		return nil
	}
	m.draftSeq++
	return m.c.after(typing.Delay, draftTickMsg{m.draftSeq})
}

// openForm opens a form of kind for ref, with answers from a draft when
// values is not nil.
func (m Model) openForm(kind formKind, ref itemRef, values map[string]string) (tea.Model, tea.Cmd) {
	var v *typing.Values
	if values != nil {
		v = typing.NewValues()
		v.Restore(values, formFlags...)
	}
	var before = m.prof.d
	if kind == formEdit && (before == nil || before.p.ID != ref.clientID) {
		m.pending = &pendingAction{clientID: ref.clientID, form: formEdit, values: values}
		return m.openClient(ref.clientID)
	}
	f := newForm(m.c, kind, ref, v, nil)
	if kind == formEdit {
		f = newForm(m.c, kind, ref, v, before.p)
	}
	m.form, m.focus = f, focusForm
	m.layout()
	return m, f.Init()
}

// submitForm checks a submitted form and runs its write; a form with a
// wrong answer stays open with the answers kept, and the status line says
// what is wrong.
func (m Model) submitForm() (tea.Model, tea.Cmd) {
	f := m.form
	if f == nil {
		return m, nil
	}
	cmd, err := f.submit()
	if err != nil {
		return m.reopenForm(f, err)
	}
	m.c.drafts.Clear(f.Key())
	m.form, m.focus = nil, focusScreen
	m.layout()
	// A write the book refuses (a phone already taken, ...) brings the
	// form back with its answers.
	return m, func() tea.Msg {
		msg := cmd()
		if e, ok := msg.(errMsg); ok {
			return formFailedMsg{f: f, err: e.err}
		}
		return msg
	}
}

// reopenForm shows form f again with its answers (kept as a draft) and
// says what is wrong.
func (m Model) reopenForm(f *formScreen, err error) (tea.Model, tea.Cmd) {
	nf := newForm(m.c, f.kind, f.ref, f.Values, f.before)
	m.c.drafts.Set(nf.Draft())
	m.form, m.focus, m.line = nf, focusForm, nil
	m.layout()
	mm, cmd := m.setStatus(err.Error(), true)
	return mm, tea.Batch(nf.Init(), cmd)
}

// closeForm dismisses the form; its draft goes too.
func (m Model) closeForm(drop bool) (tea.Model, tea.Cmd) {
	f := m.form
	m.form, m.focus = nil, focusScreen
	m.layout()
	if drop && f != nil {
		return m, dropDraft(m.c, f.Key())
	}
	return m, nil
}

// offerKey handles a key on the drafts offer.
func (m Model) offerKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	c, k := m.c, m.c.keys
	if len(m.offer.Items) == 0 {
		m.focus = focusScreen
		return m, nil
	}
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, k.Quit):
		m.focus = focusScreen
		return m, nil
	case key.Matches(msg, k.Discard):
		var it typing.Offered
		m.offer.Offer, it, _ = m.offer.Take()
		if len(m.offer.Items) == 0 {
			m.focus = focusScreen
		}
		return m, dropDraft(c, it.Draft.Key)
	case key.Matches(msg, k.Resume):
		var it typing.Offered
		m.offer.Offer, it, _ = m.offer.Take()
		m.focus = focusScreen
		return m.resume(it)
	}
	m.offer.Offer = m.offer.Update(msg, k.Up, k.Down)
	return m, nil
}

// resume reopens a kept draft where it was being typed.
func (m Model) resume(it typing.Offered) (tea.Model, tea.Cmd) {
	d := it.Draft
	// Keep the draft in the keeper so it is not lost if the program ends
	// again before it is saved.
	m.c.drafts.Set(d)
	if strings.HasPrefix(d.Key, typing.NotePrefix) {
		text := d.Text
		m.pending = &pendingAction{clientID: d.ClientID, note: &text}
		return m.openClient(d.ClientID)
	}
	k, id, ok := typing.ParseFormKey(d.Key)
	kind := formKind(k)
	if !ok {
		return m, nil
	}
	values := typing.DecodeFields(d.Fields)
	if kind == formAdd || id == "" {
		return m.openForm(formAdd, itemRef{}, values)
	}
	m.pending = &pendingAction{clientID: id, form: kind, values: values}
	return m.openClient(id)
}

// runPending does what was waiting for a client to load.
func (m Model) runPending(d *clientDetail) (tea.Model, tea.Cmd) {
	p := m.pending
	if p == nil || p.clientID != d.p.ID {
		return m, nil
	}
	m.pending = nil
	ref := itemRef{clientID: d.p.ID, clientName: d.p.DisplayName()}
	if p.note != nil {
		return m.openNote(ref, *p.note)
	}
	return m.openForm(p.form, ref, p.values)
}

// changed reloads what a write touched and says what happened.
func (m Model) changed(msg changedMsg) (tea.Model, tea.Cmd) {
	c := m.c
	cmds := []tea.Cmd{m.refreshBriefing(msg.clientID)}
	if m.scr == scrTasks || (m.scr == scrProfile && m.back == scrTasks) {
		cmds = append(cmds, loadTasks(c))
	} else {
		m.tasks.stale = true
	}
	if msg.clientID != "" {
		cmds = append(cmds, loadRow(c, msg.clientID))
		if m.scr == scrProfile && m.prof.id == msg.clientID {
			cmds = append(cmds, loadClient(c, msg.clientID))
		}
	}
	if msg.open && msg.clientID != "" {
		mm, cmd := m.openClient(msg.clientID)
		m = mm.(Model)
		cmds = append(cmds, cmd)
	}
	mm, cmd := m.setStatus(msg.status, false)
	return mm, tea.Batch(append(cmds, cmd)...)
}

// setStatus shows a line in the status line: news for a while, an error
// until the next news.
func (m Model) setStatus(text string, isErr bool) (tea.Model, tea.Cmd) {
	m.status, m.statusErr = text, isErr
	m.statusSeq++
	if isErr {
		return m, nil
	}
	return m, m.c.after(statusTTL, statusClearMsg{m.statusSeq})
}

// clearError clears an error from the status line (news stays until it
// expires).
func (m *Model) clearError() {
	if m.statusErr {
		m.status, m.statusErr = "", false
	}
}

// restyle hands new styles to the components.
func (m *Model) restyle() {
	st := &m.c.styles
	m.help.Styles = st.Help
	m.help.ShortSeparator = "   "
	m.help.FullSeparator = "    "
	m.help.Ellipsis = cut
	m.clients.restyle()
	m.brief.rebuild()
	m.tasks.rebuild()
	m.prof.rebuild()
	m.report.rebuild()
	m.handover.restyle()
	if m.line != nil {
		m.line.In.SetStyles(st.Input)
	}
}

// helpHeight is how many lines the help takes.
func (m Model) helpHeight() int {
	if !m.full {
		return 1
	}
	return strings.Count(m.help.FullHelpView(m.c.keys.FullHelp()), "\n") + 1
}

// bodyHeight is what is left for the screen under the header and above
// the status line and the help.
func (m Model) bodyHeight() int { return max(1, m.c.height-2-m.helpHeight()-m.bannerHeight()) }

// bannerHeight is the read-only banner's line, when the book is read-only.
func (m Model) bannerHeight() int {
	if m.c.readOnly {
		return 1
	}
	return 0
}

// banner says the book cannot be written, and how to fix it.
func (m Model) banner() string {
	c := m.c
	path := ""
	if c.book != nil {
		path = c.book.Path()
	}
	return c.styles.Error.Render(clip(c.t(i18n.BannerReadOnly, path), c.width))
}

// layout gives every screen its size.
func (m *Model) layout() {
	w, h := m.c.width, m.bodyHeight()
	m.help.SetWidth(w)
	m.brief.SetSize(w, h)
	m.clients.SetSize(w, h)
	m.tasks.SetSize(w, h)
	m.prof.SetSize(w, h)
	m.report.SetSize(w, h)
	m.handover.SetSize(w, h)
	if m.message != nil {
		m.message.SetSize(w, h)
	}
	if m.line != nil {
		m.line.SetWidth(w)
	}
	if m.form != nil {
		m.form.SetHeight(max(5, h-2))
	}
}

// View draws the whole terminal.
func (m Model) View() tea.View {
	// Client data reaches the frame through the text helpers, which make
	// it inert; termsafe.Styled is the last guard: only the styles' colours
	// pass as escape sequences.
	v := tea.NewView(termsafe.Styled(m.render()))
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "vipbook"
	return v
}

// render draws the header, the body, the status line and the help.
func (m Model) render() string {
	c, st := m.c, &m.c.styles
	if c.width < minWidth || c.height < minHeight {
		return c.t(i18n.TooSmall, minWidth, minHeight)
	}
	h := m.bodyHeight()
	var body string
	switch {
	case m.focus == focusForm && m.form != nil:
		body = padLines(st.Title.Render(m.form.title())+"\n\n"+m.form.View(), h)
	case m.focus == focusDrafts:
		body = m.offer.View(c, c.width, h)
	case m.focus == focusMessage && m.message != nil:
		body = m.message.View()
	default:
		switch m.scr {
		case scrBriefing:
			body = m.brief.View()
		case scrClients:
			body = m.clients.View()
		case scrTasks:
			body = m.tasks.View()
		case scrProfile:
			body = m.prof.View()
		case scrReport:
			body = m.report.View()
		case scrHandover:
			body = m.handover.View()
		}
		body = padLines(body, h)
	}
	var out strings.Builder
	out.WriteString(m.header())
	out.WriteString("\n")
	if m.c.readOnly {
		out.WriteString(m.banner())
		out.WriteString("\n")
	}
	out.WriteString(body)
	out.WriteString("\n")
	out.WriteString(m.statusLine())
	out.WriteString("\n")
	out.WriteString(m.helpView())
	return out.String()
}

// header draws the tabs and, on the right, whose book and what day.
func (m Model) header() string {
	c, st := m.c, &m.c.styles
	var tabsView []string
	for i, s := range tabs {
		label := string(rune('1'+i)) + " " + c.t(tabKeys[s])
		if s == m.scr || (m.scr == scrProfile && s == m.back) {
			tabsView = append(tabsView, st.TabActive.Render(label))
		} else {
			tabsView = append(tabsView, st.Tab.Render(label))
		}
	}
	switch m.scr { // the screens of keys 4 and 5 show a tab while shown
	case scrReport:
		tabsView = append(tabsView, st.TabActive.Render("4 "+c.t(i18n.TabReport)))
	case scrHandover:
		tabsView = append(tabsView, st.TabActive.Render("5 "+c.t(i18n.TabHandover)))
	}
	left := strings.Join(tabsView, "")
	if m.scr == scrProfile {
		name := ""
		if m.prof.d != nil {
			name = m.prof.d.p.DisplayName()
		}
		left += st.Accent.Render(" > " + termsafe.Line(name))
	}
	today := c.today()
	right := strings.TrimSpace(termsafe.Line(c.associate) + "  " + today.String() + " " + c.cat.Weekday(today.Weekday()))
	gap := c.width - width(left) - width(right) - 1
	if gap < 1 {
		return clip(left, c.width)
	}
	return left + strings.Repeat(" ", gap) + st.HeaderInfo.Render(right)
}

// statusLine draws the one-line input when it is open, else the news.
func (m Model) statusLine() string {
	c, st := m.c, &m.c.styles
	if m.focus == focusLine && m.line != nil {
		return clip(m.line.View(), c.width)
	}
	if m.focus == focusForm && m.form != nil {
		if err := m.form.Err(); err != nil {
			return st.Error.Render(clip(err.Error(), c.width))
		}
	}
	if m.status == "" {
		return ""
	}
	if m.statusErr {
		return st.Error.Render(clip(m.status, c.width))
	}
	return st.Info.Render(clip(m.status, c.width))
}

// helpView draws the help bar, or the full help.
func (m Model) helpView() string {
	k := m.c.keys
	if m.full {
		return m.help.FullHelpView(k.FullHelp())
	}
	switch m.focus {
	case focusLine:
		// The input holds the status line: what is wrong with the
		// answer shows here, in place of the keys.
		if m.status != "" && m.statusErr {
			return m.c.styles.Error.Render(clip(m.status, m.c.width))
		}
		return m.shortHelp([]key.Binding{k.Save, k.Cancel})
	case focusForm:
		return m.shortHelp(k.FormHelp())
	case focusDrafts:
		return m.shortHelp([]key.Binding{k.Resume, k.Discard, k.Later})
	case focusMessage:
		if m.message != nil {
			return m.shortHelp(m.message.help())
		}
	}
	if m.scr == scrHandover {
		return m.shortHelp(m.handover.help())
	}
	if m.scr == scrClients && m.clients.searching() {
		return m.shortHelp([]key.Binding{k.Open, k.ClearSearch, k.ListUp, k.ListDown, k.ForceQuit})
	}
	return m.shortHelp(k.ShortHelp(m.scr))
}

// shortHelp draws a help bar that fits the width: when it is too wide the
// keys before the last two (help and quit) go first, so those two always
// show.
func (m Model) shortHelp(bs []key.Binding) string {
	hm := m.help
	hm.SetWidth(0) // measure whole; cut here, not with an ellipsis
	for {
		s := hm.ShortHelpView(bs)
		if width(s) <= m.c.width || len(bs) <= 2 {
			return s
		}
		i := max(0, len(bs)-3)
		bs = append(bs[:i:i], bs[i+1:]...)
	}
}
