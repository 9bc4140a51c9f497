package tui

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/store"
)

// prepView is the preparing screen's text, ANSI stripped, trailing spaces
// trimmed.
func prepView(m prepModel) string {
	lines := strings.Split(ansi.Strip(m.View().Content), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// TestPrepareSaysWhatItDoes: while the open of a book an older vipbook
// wrote does its one-time work, the screen says so at once, in the
// language in use, with how far the per-client build is, and what the
// open waits for when another vipbook holds the book; an open that tells
// nothing draws nothing; the open's end quits, leaving the screen to the
// app. The open itself runs in Init's command, never in Update.
func TestPrepareSaysWhatItDoes(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			opened := false
			m := newPrepModel(Opening{Lang: lang, Open: func(func(Progress)) (*book.Book, error) {
				opened = true
				return nil, nil
			}})
			next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			m = next.(prepModel)
			if v := m.View(); v.Content != "" || v.AltScreen {
				t.Fatalf("drawn before the open said it works: %q", v.Content)
			}
			if opened {
				t.Fatal("the open ran in Update")
			}
			var views []string
			for _, p := range []Progress{{Waiting: map[string]string{"en": "Waiting for the app…", "zh": "正在等待应用……"}[lang]},
				{Prep: store.Prep{Step: store.PrepUpgrade}},
				{Prep: store.Prep{Step: store.PrepIndexes, Done: 5000, Total: 12500}},
				{Prep: store.Prep{Step: store.PrepSearch}},
				{Prep: store.Prep{Step: store.PrepCompact}}} {
				next, cmd := m.Update(prepProgressMsg(p))
				m = next.(prepModel)
				if cmd == nil {
					t.Fatal("no command waits for the next progress")
				}
				if !m.View().AltScreen {
					t.Error("the preparing screen is not the whole screen")
				}
				views = append(views, prepView(m))
			}
			golden.RequireEqual(t, strings.Join(views, "\n----\n"))
			next, cmd := m.Update(prepOpenedMsg{})
			m = next.(prepModel)
			if cmd == nil || cmd() != tea.Quit() {
				t.Error("the open's end does not quit")
			}
			if m.View().Content != "" {
				t.Error("the preparing screen stays after the open")
			}
		})
	}
}

// TestPrepareRunsTheOpen: Prepare, as a program, runs the open, shows
// its steps and returns the book it opened.
func TestPrepareRunsTheOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.db")
	b, err := book.Init(path, store.Meta{Associate: "李娜"}, book.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	var out bytes.Buffer
	got, err := Prepare(context.Background(), Opening{Lang: "zh", Open: func(told func(Progress)) (*book.Book, error) {
		told(Progress{Prep: store.Prep{Step: store.PrepSearch}})
		return book.Open(path, book.Options{})
	}}, tea.WithInput(strings.NewReader("")), tea.WithOutput(&out), tea.WithWindowSize(80, 24))
	if err != nil || got == nil {
		t.Fatalf("Prepare: %v, %v", got, err)
	}
	defer got.Close()
	if got.Meta().Associate != "李娜" {
		t.Errorf("Prepare returned another book: %+v", got.Meta())
	}
}
