package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
)

// TestPoint3AppWriteWaitsAndSaysSo: a note saved in the app while a
// command in another terminal holds the book waits for it instead of
// giving up after a second; meanwhile the status line says that it waits
// and that what was typed is kept (in both languages), the text stays in
// the keeper, and once the command lets go the note is in the book and
// the line says it was saved.
func TestPoint3AppWriteWaitsAndSaysSo(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			path := demoBookPath(t)
			b, err := vb.Open(path, vb.Options{Now: testNow, Shared: true})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { b.Close() })
			h := newHarness(t, b, lang, 120, 40)
			id := openZxf(t, h)
			text := "holds the book-" + lang
			h.typeText(text)
			key := h.m.edit.line.Key

			cmd, err := store.Open(path, store.Options{}) // a command in another terminal
			if err != nil {
				t.Fatal(err)
			}
			next, save := h.m.Update(keyMsg("enter"))
			h.m = next.(Model)
			answered := make(chan tea.Msg, 1)
			go func() { answered <- save() }()

			waitText := h.m.c.t(i18n.AppWriteWaiting)
			deadline := time.Now().Add(patience)
			for !b.Store().WriteWaiting() {
				if time.Now().After(deadline) {
					t.Fatal("the write never waited")
				}
				time.Sleep(10 * time.Millisecond)
			}
			time.Sleep(1200 * time.Millisecond) // past the second after which it gave up
			h.send(watchMsg{})
			if v := h.view(); !strings.Contains(v, firstWords(waitText)) {
				t.Errorf("while the write waits the screen does not say so:\n%s", v)
			}
			if got, ok := pendingText(h.m.c.drafts, key); !ok || got != text {
				t.Errorf("while the write waits the keeper holds %q, %v", got, ok)
			}
			select {
			case msg := <-answered:
				t.Fatalf("the write answered while the command still held the book: %#v", msg)
			default:
			}
			cmd.Close()
			var msg tea.Msg
			select {
			case msg = <-answered:
			case <-time.After(patience):
				t.Fatal("the write never ended")
			}
			h.run(func() tea.Msg { return msg })
			h.send(watchMsg{})
			v := h.view()
			if strings.Contains(v, firstWords(waitText)) {
				t.Errorf("the wait is over but the screen still says it waits:\n%s", v)
			}
			if !strings.Contains(v, h.m.c.t(i18n.StatusNoteSaved, "曾小凡")) {
				t.Errorf("the note is not said saved:\n%s", v)
			}
			if got := readNotes(t, b, id); !strings.Contains(strings.Join(got, "\n"), text) {
				t.Errorf("the note is not in the book: %q", got)
			}
		})
	}
}

// firstWords is the start of a line of the interface, short enough to be
// drawn whole on a 120-column status line.
func firstWords(s string) string {
	r := []rune(s)
	return string(r[:min(len(r), 20)])
}
