package tui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/store"
)

// crashingModel is the root model with a screen that panics once the
// briefing arrives.
type crashingModel struct{ Model }

func (m crashingModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(briefingMsg); ok {
		panic("a screen failed")
	}
	next, cmd := m.Model.Update(msg)
	return crashingModel{next.(Model)}, cmd
}

// TestCrashKeepsDrafts: when a screen panics, Run restores the terminal,
// says what happened, and the note being typed is in the book as a draft,
// offered at the next start.
func TestCrashKeepsDrafts(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	var id string
	book.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		id = sums[0].ID
		return err
	})
	keeper := newDraftKeeper()
	keeper.Set(store.Draft{Key: draftNote + id, ClientID: id, Text: "likes jade, half typed"})
	opt := Options{Book: book, Lang: "en", Now: testNow}
	m := crashingModel{newModel(opt, keeper)}
	var errOut bytes.Buffer
	err := run(context.Background(), m, opt, keeper, &errOut,
		tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24))
	if !errors.Is(err, ErrScreenFailed) {
		t.Fatalf("Run returned %v, want ErrScreenFailed", err)
	}
	if !strings.Contains(errOut.String(), "kept as a draft") {
		t.Errorf("the associate is not told the text was kept: %q", errOut.String())
	}

	h := newHarness(t, book, "en", 100, 30)
	if h.m.focus != focusDrafts || !strings.Contains(h.view(), "likes jade, half typed") {
		t.Fatalf("the draft is not offered at the next start:\n%s", h.view())
	}
	h.keys("enter")
	if h.m.focus != focusLine || h.m.line.in.Value() != "likes jade, half typed" {
		t.Fatalf("resuming does not reopen the note with its text:\n%s", h.view())
	}
	h.keys("enter")
	if ns := readNotes(t, book, id); len(ns) == 0 || ns[0] != "likes jade, half typed" {
		t.Fatalf("the resumed note is not saved: %q", ns)
	}
	var left []store.Draft
	h.run(flushDrafts(h.m.c))
	book.View(func(tx *store.Tx) error {
		var err error
		left, err = tx.Drafts()
		return err
	})
	if len(left) != 0 {
		t.Fatalf("the saved note's draft is still in the book: %+v", left)
	}
}
