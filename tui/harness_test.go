package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/demo"
	"github.com/vipbook/vipbook/tui/typing"
)

// testZone is the shop's zone in tests: a fixed offset so that nothing
// depends on the machine's zone.
var testZone = time.FixedZone("CST", 8*3600)

// patience bounds a wait that only a hang exhausts (a command that never
// returns, a screen that never shows): generous, so that a loaded machine
// never reaches it. Tests assert what happens, not how fast.
const patience = 2 * time.Minute

// testNow is 09:00 on 2026-11-24 in testZone.
func testNow() time.Time { return time.Date(2026, time.November, 24, 9, 0, 0, 0, testZone) }

// demoCache holds the demo book demoBookPath copies, written once per run
// of the test binary (writing it took 1.6 s, and forty tests use one);
// TestMain removes it.
var demoCache struct {
	sync.Once
	dir  string
	data []byte
	err  error
}

// demoBookPath gives the test its own copy of a small deterministic demo
// book as of testNow.
func demoBookPath(t testing.TB) string {
	t.Helper()
	demoCache.Do(func() {
		if demoCache.dir, demoCache.err = os.MkdirTemp("", "vipbook-tui-demo-"); demoCache.err != nil {
			return
		}
		src := filepath.Join(demoCache.dir, "book.db")
		_, demoCache.err = demo.WriteFile(src, demo.Options{Clients: 300, Seed: 1, Today: civil.Of(testNow()), Loc: testZone}, testNow)
		if demoCache.err == nil {
			demoCache.data, demoCache.err = os.ReadFile(src)
		}
	})
	if demoCache.err != nil {
		t.Fatal(demoCache.err)
	}
	path := filepath.Join(t.TempDir(), "book.db")
	if err := os.WriteFile(path, demoCache.data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// testWorkFactor is the scrypt work factor of the handover bundles the
// tests write: quick to derive (the app keeps age's default).
const testWorkFactor = 10

// openBook opens a book for writing with the test clock (book.Open: the
// rules run on the app's writes as on the command line's).
func openBook(t testing.TB, path string) *vb.Book {
	t.Helper()
	b, err := vb.Open(path, vb.Options{Now: testNow, WorkFactor: testWorkFactor})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

// noConfig is a config file in an empty directory of the test: the
// message templates are the built-in ones, never the machine's.
func noConfig(t testing.TB) string { return filepath.Join(t.TempDir(), "config.toml") }

// harness drives the root model as the program would, but synchronously:
// every command a message returns is run at once and its message fed
// back, until nothing is left to do. Timers (the status line's expiry,
// the pause before a draft is written) are not run: tests send the
// message a timer would deliver when they mean it.
type harness struct {
	t    testing.TB
	m    Model
	quit bool
}

// newHarness opens the interface on book in lang at w x h, with its first
// loads done.
func newHarness(t testing.TB, book *vb.Book, lang string, w, h int) *harness {
	t.Helper()
	m := newModel(Options{Book: book, Lang: lang, Now: testNow, ConfigPath: noConfig(t)}, typing.NewKeeper())
	m.c.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	hs := &harness{t: t, m: m}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(m.Init())
	return hs
}

// send delivers msg and everything its commands answer.
func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	next, cmd := h.m.Update(msg)
	h.m = next.(Model)
	h.run(cmd)
}

// run runs cmd and feeds back what it answers.
func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
	if cmd == nil {
		return
	}
	// A cursor's blink is a timer too (the forms' inputs blink).
	if name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name(); strings.Contains(name, "cursor.(*Model).Blink") {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(patience):
		h.t.Fatal("a command did not return: a timer the harness should not run?")
	}
	switch msg := msg.(type) {
	case nil:
		return
	case tea.BatchMsg:
		for _, c := range msg {
			h.run(c)
		}
		return
	case tea.QuitMsg:
		h.quit = true
		return
	}
	// The guard cannot wrap the commands of a tea.Sequence (its message is
	// unexported): the app must not make one.
	if fmt.Sprintf("%T", msg) == "tea.sequenceMsg" {
		h.t.Fatal("a command answered a tea.Sequence, whose commands the guard cannot wrap: use tea.Batch")
	}
	h.send(msg)
}

// keys presses keys: a single rune is typed; a name such as "enter",
// "esc", "space", "tab", "up", "down" is that key.
func (h *harness) keys(keys ...string) {
	h.t.Helper()
	for _, k := range keys {
		h.send(keyMsg(k))
	}
}

// typeText types s one rune at a time.
func (h *harness) typeText(s string) {
	h.t.Helper()
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "space": tea.KeySpace, "tab": tea.KeyTab,
		"up": tea.KeyUp, "down": tea.KeyDown, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "backspace": tea.KeyBackspace}
	if r, ok := named[k]; ok {
		msg := tea.KeyPressMsg{Code: r}
		if r == tea.KeySpace {
			msg.Text = " "
		}
		return msg
	}
	if k == "shift+tab" {
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	}
	if k == "ctrl+c" {
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// view returns the screen as plain text, trailing spaces trimmed.
func (h *harness) view() string {
	lines := strings.Split(ansi.Strip(h.m.View().Content), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

// checkFrame fails when the view is not exactly w x h cells at most.
func (h *harness) checkFrame(w, hh int) {
	h.t.Helper()
	lines := strings.Split(ansi.Strip(h.m.View().Content), "\n")
	if len(lines) != hh {
		h.t.Errorf("the view has %d lines, want %d", len(lines), hh)
	}
	for i, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			h.t.Errorf("line %d is %d cells wide, more than %d: %q", i+1, n, w, l)
		}
	}
}
