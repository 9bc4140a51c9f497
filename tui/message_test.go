package tui

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/messages"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/store"
)

// ctrlU is ctrl+u, which clears an input before the cursor.
func ctrlU() tea.KeyPressMsg { return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl} }

// sendCapturing delivers msg as send does, but keeps what its commands put
// on the clipboard (tea.SetClipboard) instead of handing it to the model.
func (h *harness) sendCapturing(msg tea.Msg) (clipboard []string) {
	h.t.Helper()
	next, cmd := h.m.Update(msg)
	h.m = next.(Model)
	var walk func(tea.Cmd)
	walk = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch out := cmd().(type) {
		case nil:
		case tea.BatchMsg:
			for _, c := range out {
				walk(c)
			}
		default:
			if v := reflect.ValueOf(out); v.Kind() == reflect.String && v.Type().Name() == "setClipboardMsg" {
				clipboard = append(clipboard, v.String())
				return
			}
			h.send(out)
		}
	}
	walk(cmd)
	return clipboard
}

// TestMessageCopiesAndLogs: m on a profile composes a message, down picks
// the next kind, enter copies it to the clipboard and logs it on the
// client as a message note, which resets the keep-in-touch clock.
func TestMessageCopiesAndLogs(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 100, 30)
	h.keys("/")
	h.typeText("zxf")
	h.keys("enter", "m")
	if h.m.focus() != focusMessage || h.m.message == nil {
		t.Fatalf("m does not open the composer:\n%s", h.view())
	}
	id := h.m.prof.id
	before := 0
	for _, n := range readNoteKinds(t, book, id) {
		if n == notes.Message {
			before++
		}
	}
	// The profile's cursor is on her first follow-up: its message comes first.
	if ref, _ := h.m.prof.client(); ref.task != nil {
		if k, ok := messages.ForTask(ref.task.Kind); ok && h.m.message.kind() != k {
			t.Errorf("the composer opens on %s for a %s follow-up", h.m.message.kind(), ref.task.Kind)
		}
	}
	first := h.m.message.cursor
	h.keys("down")
	s := h.m.message
	kind := messages.Kinds[(first+1)%len(messages.Kinds)]
	if s.kind() != kind || s.text == "" {
		t.Fatalf("down gives kind %s with text %q, want %s", s.kind(), s.text, kind)
	}
	want := s.text
	if v := h.view(); !strings.Contains(v, "Message to 曾小凡") || !strings.Contains(v, "Birthday") {
		t.Fatalf("the composer does not show the client and the kinds:\n%s", v)
	}
	clip := h.sendCapturing(keyMsg("enter"))
	if len(clip) != 1 || clip[0] != want {
		t.Fatalf("the clipboard got %q, want %q", clip, want)
	}
	if h.m.focus() != focusScreen {
		t.Error("the composer is still open after enter")
	}
	if v := h.view(); !strings.Contains(v, "Logged on 曾小凡. Text sent to the terminal's clipboard") {
		t.Fatalf("no confirmation in the status line:\n%s", v)
	}
	var got []notes.Note
	err := book.View(func(tx *store.Tx) error {
		ns, err := tx.Notes(id)
		for _, n := range ns {
			if n.Kind == notes.Message {
				got = append(got, n)
			}
		}
		if err != nil {
			return err
		}
		sum, err := tx.Summary(id)
		if err == nil && sum.LastContact != h.m.c.today() {
			t.Errorf("the keep-in-touch clock says %s, want today", sum.LastContact)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != before+1 || !strings.HasPrefix(got[0].Text, "["+string(kind)+"] ") || !strings.Contains(got[0].Text, vb.OneLine(want)) {
		t.Fatalf("the message notes are %+v, %d before", got, before)
	}
}

// TestMessageForTask: m on a follow-up composes the message that does it.
func TestMessageForTask(t *testing.T) {
	book := openBookRO(t, demoBookPath(t))
	defer book.Close()
	h := newHarness(t, book, "zh", 100, 30)
	h.keys("3")
	for i := 0; i < 400; i++ {
		ref, ok := h.m.tasks.selected()
		if !ok || ref.task == nil {
			h.keys("down")
			continue
		}
		want, isMessage := messages.ForTask(ref.task.Kind)
		if !isMessage {
			h.keys("down")
			continue
		}
		h.keys("m")
		if h.m.message == nil {
			t.Fatalf("m does not open the composer:\n%s", h.view())
		}
		if got := h.m.message.kind(); got != want {
			t.Fatalf("a %s follow-up composes %s, want %s", ref.task.Kind, got, want)
		}
		if v := h.view(); !strings.Contains(v, "给"+ref.clientName+"的消息") {
			t.Fatalf("the composer is not in Chinese:\n%s", v)
		}
		h.keys("esc")
		if h.m.focus() != focusScreen || h.m.scr != scrTasks {
			t.Fatal("esc does not close the composer")
		}
		return
	}
	t.Fatal("no message follow-up on the follow-ups screen")
}

// TestMessageRefusedDNC: a client who asked not to be contacted gets no
// composer, a refusal in the status line and no note; one who asks while
// the composer is open gets no note either.
func TestMessageRefusedDNC(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			h := newHarness(t, book, lang, 100, 30)
			h.keys("/")
			h.typeText("zxf")
			h.keys("enter")
			id := h.m.prof.id
			before := len(readNotes(t, book, id))
			setDNC(t, book, id, true)
			h.keys("m")
			if h.m.focus() == focusMessage {
				t.Fatal("the composer opened for a do-not-contact client")
			}
			want := map[string]string{"en": "曾小凡 asked not to be contacted", "zh": "曾小凡 已要求不再联系"}[lang]
			if v := h.view(); !strings.Contains(v, want) {
				t.Fatalf("no refusal in the status line:\n%s", v)
			}
			// The flag set while the composer is open.
			setDNC(t, book, id, false)
			h.keys("m")
			if h.m.focus() != focusMessage {
				t.Fatalf("the composer does not open:\n%s", h.view())
			}
			setDNC(t, book, id, true)
			if clip := h.sendCapturing(keyMsg("enter")); len(clip) > 0 {
				t.Errorf("the message was copied: %q", clip)
			}
			if v := h.view(); !strings.Contains(v, want) {
				t.Fatalf("no refusal in the status line:\n%s", v)
			}
			if after := len(readNotes(t, book, id)); after != before {
				t.Fatalf("%d notes were logged on a do-not-contact client", after-before)
			}
			setDNC(t, book, id, false)
		})
	}
}

func readNoteKinds(t *testing.T, b *vb.Book, id string) []notes.Kind {
	t.Helper()
	var out []notes.Kind
	err := b.View(func(tx *store.Tx) error {
		ns, err := tx.Notes(id)
		for _, n := range ns {
			out = append(out, n.Kind)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func setDNC(t *testing.T, b *vb.Book, id string, on bool) {
	t.Helper()
	err := b.Store().WithoutHooks().Update(func(tx *store.Tx) error {
		p, err := tx.Client(id)
		if err != nil {
			return err
		}
		p.Consent.DoNotContact = on
		return tx.UpdateClient(p)
	})
	if err != nil {
		t.Fatal(err)
	}
}
