package tui

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tui/typing"
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
	keeper := typing.NewKeeper()
	keeper.Set(store.Draft{Key: typing.NoteKey(id), ClientID: id, Text: "likes jade, half typed"})
	opt := Options{Book: book, Lang: "en", Now: testNow}
	m := crashingModel{newModel(opt, keeper)}
	var errOut bytes.Buffer
	err := run(context.Background(), m, opt, keeper, &errOut,
		tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24))
	if !errors.Is(err, ErrScreenFailed) {
		t.Fatalf("Run returned %v, want ErrScreenFailed", err)
	}
	if !strings.Contains(errOut.String(), "kept as a draft in the book "+book.Path()) {
		t.Errorf("the associate is not told where the text was kept: %q", errOut.String())
	}
	if !strings.Contains(err.Error(), "the screen failed at tui.crashingModel.Update") {
		t.Errorf("the error does not name the function that failed: %q", err)
	}
	if all := errOut.String() + err.Error(); strings.Contains(all, "a screen failed") {
		t.Errorf("the panic's value is printed (it may hold a client's data): %q", all)
	}

	h := newHarness(t, book, "en", 100, 30)
	if h.m.focus() != focusDrafts || !strings.Contains(h.view(), "likes jade, half typed") {
		t.Fatalf("the draft is not offered at the next start:\n%s", h.view())
	}
	h.keys("enter")
	if h.m.focus() != focusLine || h.m.edit.line.Value() != "likes jade, half typed" {
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

// secretPanic is a panic value that stands for a client's data.
const secretPanic = "client 王小明 +86 138 0000 0000"

// crashingCmdModel is the root model whose command panics once the
// briefing arrives.
type crashingCmdModel struct{ Model }

func (m crashingCmdModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.Model.Update(msg)
	if _, ok := msg.(briefingMsg); ok {
		cmd = tea.Batch(cmd, func() tea.Msg { panicInCommand(); return nil })
	}
	return crashingCmdModel{next.(Model)}, cmd
}

//go:noinline
func panicInCommand() { panic(secretPanic) }

// TestCrashInCommandOnReadOnlyBook: a command that panics ends the
// program with the function named and its value unsaid; the book is
// read-only, so the draft goes to a fallback file and the message names it.
func TestCrashInCommandOnReadOnlyBook(t *testing.T) {
	path := demoBookPath(t)
	book, err := vb.Open(path, vb.Options{Now: testNow, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	var id string
	book.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		id = sums[0].ID
		return err
	})
	keeper := typing.NewKeeper()
	keeper.Set(store.Draft{Key: typing.NoteKey(id), ClientID: id, Text: "likes jade, half typed"})
	stateDir := t.TempDir()
	opt := Options{Book: book, Lang: "en", Now: testNow, ReadOnly: true, StateDir: stateDir}
	var errOut bytes.Buffer
	err = run(context.Background(), crashingCmdModel{newModel(opt, keeper)}, opt, keeper, &errOut,
		tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithWindowSize(80, 24))
	if !errors.Is(err, ErrScreenFailed) {
		t.Fatalf("Run returned %v, want ErrScreenFailed", err)
	}
	if !strings.Contains(err.Error(), "tui.panicInCommand") {
		t.Errorf("the error does not name the function that failed: %q", err)
	}
	// The fallback file's path (a random temporary directory) may hold
	// any digits; the rest of the message may hold none of the value's.
	if all := strings.ReplaceAll(errOut.String()+err.Error(), stateDir, ""); strings.Contains(all, "王小明") || strings.Contains(all, "138") {
		t.Errorf("the panic's value is printed: %q", all)
	}
	files, _ := filepath.Glob(filepath.Join(stateDir, "drafts-*.json"))
	if len(files) != 1 || !strings.Contains(errOut.String(), "written to "+files[0]) {
		t.Fatalf("the message does not name the fallback file %v: %q", files, errOut.String())
	}
	raw, _ := os.ReadFile(files[0])
	if !strings.Contains(string(raw), "likes jade, half typed") {
		t.Fatalf("the fallback file lacks the draft:\n%s", raw)
	}
}

// TestExitSaysDraftAlreadyWritten: a note whose text the pause in typing
// already wrote to the book (typing.Delay) is said at the exit as one
// written then; once the note is saved, nothing is said. (Under load the
// SIGTERM of TestEndToEndDrafts came more than 700 ms after the last key
// and the exit said nothing.)
func TestExitSaysDraftAlreadyWritten(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	var id string
	book.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		id = sums[0].ID
		return err
	})
	keeper := typing.NewKeeper()
	key := typing.NoteKey(id)
	keeper.Set(store.Draft{Key: key, ClientID: id, Text: "prefers silver"})
	if err := keeper.Flush(book); err != nil {
		t.Fatal(err)
	}
	if len(keeper.Pending()) != 0 {
		t.Fatalf("the flush left drafts pending: %+v", keeper.Pending())
	}
	opt := Options{Book: book, Lang: "en", Now: testNow}
	var errOut bytes.Buffer
	saveDrafts(keeper, opt, i18n.New("en"), &errOut, false)
	if !strings.Contains(errOut.String(), "kept as a draft in the book "+book.Path()) {
		t.Fatalf("the exit does not say where the text written before it is: %q", errOut.String())
	}
	keeper.Clear(key)
	errOut.Reset()
	saveDrafts(keeper, opt, i18n.New("en"), &errOut, false)
	if errOut.Len() != 0 {
		t.Fatalf("the exit speaks of a draft no longer typed: %q", errOut.String())
	}
}
