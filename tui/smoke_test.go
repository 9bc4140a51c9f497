package tui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// TestSmoke runs the whole program on a demo book: the briefing shows,
// / zxf finds 曾小凡, enter opens her profile, n logs a note, ? shows the
// help, q quits, and the note is in the book.
func TestSmoke(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	m := New(Options{Book: book, Lang: "en", Now: testNow})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40),
		teatest.WithProgramOptions(tea.WithColorProfile(colorprofile.Ascii)))
	shows := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			return bytes.Contains([]byte(ansi.Strip(string(b))), []byte(s))
		}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	}
	shows("Briefing for Tuesday 24 November 2026")
	tm.Type("/zxf")
	shows("1 of 300 clients")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	shows("139 1688 2046")
	tm.Type("n")
	shows("Note on 曾小凡: pick its kind")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter}) // a plain note
	shows("Note on 曾小凡:")
	tm.Type("likes jade bracelets")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	shows("Note saved on 曾小凡.")
	tm.Type("?")
	shows("next screen")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))

	fm := tm.FinalModel(t).(Model)
	if got := readNotes(t, book, fm.prof.id); len(got) == 0 || !strings.Contains(strings.Join(got, "\n"), "likes jade bracelets") {
		t.Fatalf("the note is not in the book: %q", got)
	}
}
