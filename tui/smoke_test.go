package tui

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// framed is the root model with a tap on what it draws: the program calls
// View after each message it handles, and the tap keeps the last frame.
// The test reads the frames, not the bytes written to the terminal: the
// renderer writes only what changed since the last frame, with cursor
// moves, erases and inserted or deleted characters (ICH, DCH), so a line
// that changed a little ("3 of 300 clients" becoming "1 of 300 clients")
// may never be written out whole, and a wait for its text in the byte
// stream can fail though the screen shows it.
type framed struct {
	Model
	last *lastFrame
}

// lastFrame is the last frame drawn, shared by the program's goroutine
// (which draws) and the test's (which reads).
type lastFrame struct {
	mu   sync.Mutex
	text string
}

func (m framed) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.Model.Update(msg)
	return framed{next.(Model), m.last}, cmd
}

func (m framed) View() tea.View {
	v := m.Model.View()
	m.last.mu.Lock()
	m.last.text = ansi.Strip(v.Content)
	m.last.mu.Unlock()
	return v
}

func (f *lastFrame) String() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.text
}

// TestSmoke runs the whole program on a demo book: the briefing shows,
// / zxf finds 曾小凡, enter opens her profile, n logs a note, ? shows the
// help, q quits, and the note is in the book.
func TestSmoke(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	frame := &lastFrame{}
	m := framed{New(Options{Book: book, Lang: "en", Now: testNow}), frame}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	// shows waits for a frame with s in it and without gone (when given):
	// a frame, not the one before the last key took effect.
	shows := func(s string, gone ...string) {
		t.Helper()
		deadline := time.Now().Add(patience)
		for {
			f := frame.String()
			if strings.Contains(f, s) && !slices.ContainsFunc(gone, func(g string) bool { return strings.Contains(f, g) }) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("after %v the screen still lacks %q (or still has %q):\n%s", patience, s, gone, f)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	shows("Briefing for Tuesday 24 November 2026")
	tm.Type("/zxf")
	shows("1 of 300 clients")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	shows("139 1688 2046")
	tm.Type("n")
	shows("Note on 曾小凡: pick its kind")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter}) // a plain note
	shows("Note on 曾小凡:", "pick its kind")
	tm.Type("likes jade bracelets")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	shows("Note saved on 曾小凡.")
	tm.Type("?")
	shows("pgdn page down") // the whole help alone: the help bar says "next screen" too
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(patience))

	fm := tm.FinalModel(t).(framed).Model
	if got := readNotes(t, book, fm.prof.id); len(got) == 0 || !strings.Contains(strings.Join(got, "\n"), "likes jade bracelets") {
		t.Fatalf("the note is not in the book: %q", got)
	}
}
