package tui

import (
	"context"
	"errors"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/store"
)

// ErrPrepareStopped is returned by Prepare when the associate pressed
// ctrl+c while the book was being prepared: the work stops with the
// process and goes on at the next start.
var ErrPrepareStopped = errors.New("preparing the book stopped")

// Opening is what Prepare opens: the language of its words, and the open
// itself, which tells its progress as it goes.
type Opening struct {
	Lang string
	// Open opens the book (book.Open with Options.Preparing and
	// Options.Waiting passed on to told). It runs in a command, never in
	// Update.
	Open func(told func(Progress)) (*book.Book, error)
}

// Progress is where the open is: a step of the one-time work of a book an
// older vipbook wrote, or, when Waiting is set, what the open waits for
// (another vipbook holding the book), in words.
type Progress struct {
	Prep    store.Prep
	Waiting string
}

// Prepare opens the book before the app starts, saying what it does while
// the open takes long: the first writable open after an upgrade builds the
// kept indexes and compacts the book, from seconds to minutes on a big
// book. An open with nothing to do shows nothing. The open runs in a
// command; Update only takes its messages.
func Prepare(ctx context.Context, o Opening, progOpts ...tea.ProgramOption) (*book.Book, error) {
	m := newPrepModel(o)
	p := tea.NewProgram(m, append([]tea.ProgramOption{tea.WithContext(ctx)}, progOpts...)...)
	final, err := p.Run()
	pm, _ := final.(prepModel)
	switch {
	case pm.opened:
		return pm.book, pm.err
	case err == nil:
		err = ErrPrepareStopped
	}
	// Stopped before the open returned: the book it opens later is closed
	// by the process's end; the work goes on at the next start.
	return nil, err
}

// prepLatest passes the open's progress from its goroutine to Update: the
// latest one kept, a nudge sent when it changes (the open never waits for
// the screen).
type prepLatest struct {
	mu    sync.Mutex
	p     Progress
	nudge chan struct{}
}

func (l *prepLatest) told(p Progress) {
	l.mu.Lock()
	l.p = p
	l.mu.Unlock()
	select {
	case l.nudge <- struct{}{}:
	default:
	}
}

// prepProgressMsg is the open's latest progress.
type prepProgressMsg Progress

// prepOpenedMsg is the open's end.
type prepOpenedMsg struct {
	b   *book.Book
	err error
}

// prepModel is Prepare's screen: nothing until the open says it works,
// then what it does, with a spinner.
type prepModel struct {
	cat      *i18n.Catalog
	keys     KeyMap
	open     func(told func(Progress)) (*book.Book, error)
	latest   *prepLatest
	spin     spinner.Model
	at       Progress
	shown    bool // the open said it works: the screen is drawn
	stopping bool
	opened   bool
	book     *book.Book
	err      error
	w        int
}

func newPrepModel(o Opening) prepModel {
	cat := i18n.New(o.Lang)
	return prepModel{cat: cat, keys: DefaultKeyMap(cat), open: o.Open, latest: &prepLatest{nudge: make(chan struct{}, 1)},
		spin: spinner.New(spinner.WithSpinner(spinner.Line))}
}

// Init starts the open and the wait for its progress.
func (m prepModel) Init() tea.Cmd {
	open, l := m.open, m.latest
	return tea.Batch(func() tea.Msg {
		b, err := open(l.told)
		return prepOpenedMsg{b, err}
	}, m.nextProgress())
}

// nextProgress waits for the open's next progress.
func (m prepModel) nextProgress() tea.Cmd {
	l := m.latest
	return func() tea.Msg {
		<-l.nudge
		l.mu.Lock()
		defer l.mu.Unlock()
		return prepProgressMsg(l.p)
	}
}

// Update takes the open's messages, the spinner's ticks and ctrl+c.
func (m prepModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case prepOpenedMsg:
		m.opened, m.book, m.err = true, msg.b, msg.err
		m.shown = false // the app takes the screen
		return m, tea.Quit
	case prepProgressMsg:
		m.at = Progress(msg)
		cmds := []tea.Cmd{m.nextProgress()}
		if !m.shown {
			m.shown = true
			cmds = append(cmds, m.spin.Tick)
		}
		return m, tea.Batch(cmds...)
	case tea.WindowSizeMsg:
		m.w = msg.Width
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.ForceQuit) {
			m.stopping = true
			return m, tea.Quit
		}
	case spinner.TickMsg:
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	}
	return m, nil
}

// View draws nothing until the open says it works (an open with nothing
// to do leaves no trace), then the heading, the step and the hint.
func (m prepModel) View() tea.View {
	if !m.shown {
		return tea.NewView("")
	}
	v := tea.NewView(m.text())
	v.AltScreen = true
	return v
}

// text is the screen's text, wrapped to the terminal's width (80 before
// it is known).
func (m prepModel) text() string {
	w := m.w
	if w <= 0 {
		w = 80
	}
	var lines []string
	add := func(s string) { lines = append(lines, wrapText("  "+s, w, 2)...) }
	if m.at.Waiting != "" {
		lines = append(lines, "")
		add(m.spin.View() + " " + termsafe.Line(m.at.Waiting))
		return strings.Join(lines, "\n") + "\n"
	}
	lines = append(lines, "")
	add(m.cat.T(i18n.PrepTitle))
	lines = append(lines, "")
	add(m.spin.View() + " " + m.cat.Prep(string(m.at.Prep.Step), m.at.Prep.Done, m.at.Prep.Total))
	lines = append(lines, "")
	if m.stopping {
		add(m.cat.T(i18n.PrepStopping))
	} else {
		add(m.cat.T(i18n.PrepOnce))
	}
	return strings.Join(lines, "\n") + "\n"
}
