package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/tui/typing"
)

// sizes are the terminal sizes every screen is checked at.
var sizes = [][2]int{{80, 24}, {120, 40}}

// TestGoldenScreens draws each screen in both languages at both sizes,
// reached with the keys an associate presses, and compares the text with
// the golden files (go test ./tui -update rewrites them).
func TestGoldenScreens(t *testing.T) {
	path := demoBookPath(t)
	screens := []struct {
		name string
		keys func(h *harness)
	}{
		{"briefing", func(h *harness) {}},
		{"briefing_down", func(h *harness) { h.keys("down", "down", "pgdown") }},
		{"clients", func(h *harness) { h.keys("2") }},
		{"clients_sorted_spend", func(h *harness) { h.keys("2", "o", "o") }},
		{"search_wxm", func(h *harness) { h.keys("/"); h.typeText("wxm") }},
		{"search_tier", func(h *harness) { h.keys("/"); h.typeText("tier:A city:上海") }},
		{"profile", func(h *harness) { h.keys("/"); h.typeText("zxf"); h.keys("enter") }},
		{"profile_note", func(h *harness) {
			h.keys("/")
			h.typeText("zxf")
			h.keys("enter", "n", "enter")
			h.typeText("likes jade")
		}},
		{"note_kind", func(h *harness) { h.keys("/"); h.typeText("zxf"); h.keys("enter", "n") }},
		{"entry_pick", func(h *harness) { h.keys("/"); h.typeText("zxf"); h.keys("enter", "+") }},
		{"entry_size", func(h *harness) { h.keys("/"); h.typeText("zxf"); h.keys("enter", "+", "s") }},
		{"entry_family", func(h *harness) {
			h.keys("/")
			h.typeText("zxf")
			h.keys("enter", "+", "f")
			h.typeText("Chen Wei")
			h.keys("enter")
			h.typeText("spouse")
			h.keys("enter")
			h.typeText("农历八月十五")
		}},
		{"tasks", func(h *harness) { h.keys("3") }},
		{"tasks_done", func(h *harness) { h.keys("3", "d", "G") }},
		{"request_close", func(h *harness) {
			h.keys("/")
			h.typeText("zxf")
			h.keys("enter")
			selectRequest(h.t, h, "限量款丝巾")
			h.keys("space")
		}},
		{"help", func(h *harness) { h.keys("?") }},
	}
	for _, lang := range []string{"en", "zh"} {
		for _, sz := range sizes {
			// One book per language and size: nothing here writes.
			book := openBookRO(t, path)
			for _, sc := range screens {
				name := fmt.Sprintf("%s_%s_%dx%d", sc.name, lang, sz[0], sz[1])
				t.Run(name, func(t *testing.T) {
					h := newHarness(t, book, lang, sz[0], sz[1])
					sc.keys(h)
					h.checkFrame(sz[0], sz[1])
					golden.RequireEqual(t, h.view())
				})
			}
			book.Close()
		}
	}
}

func openBookRO(t testing.TB, path string) *vb.Book {
	t.Helper()
	b, err := vb.Open(path, vb.Options{ReadOnly: true, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWalk is the associate's walk of the issue, on the model: search zxf,
// open her profile, log a note, go back, tick a follow-up on the briefing,
// snooze another; every write lands in the book.
func TestWalk(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 120, 40)
	h.keys("/")
	h.typeText("zxf")
	if v := h.view(); !strings.Contains(v, "曾小凡") {
		t.Fatalf("zxf does not find 曾小凡:\n%s", v)
	}
	h.keys("enter")
	if v := h.view(); !strings.Contains(v, "139 1688 2046") {
		t.Fatalf("the profile does not show her phone:\n%s", v)
	}
	id := h.m.prof.id
	h.keys("n", "enter")
	h.typeText("likes jade bracelets")
	h.keys("enter")
	var shown []string // the whole profile: its history may be below the fold
	for _, b := range h.m.prof.pane.blocks {
		shown = append(shown, b.lines...)
	}
	if v := h.view(); !strings.Contains(v, "Note saved on 曾小凡") || !strings.Contains(strings.Join(shown, "\n"), "likes jade bracelets") {
		t.Fatalf("the note is not confirmed and shown:\n%s", v)
	}
	ns := readNotes(t, book, id)
	if !slices.Contains(ns, "likes jade bracelets") {
		t.Fatalf("the note is not in the book: %q", ns)
	}
	h.keys("esc", "esc", "1")
	if h.m.scr != scrBriefing {
		t.Fatalf("esc and 1 lead to screen %d, want the briefing", h.m.scr)
	}

	// Tick the first follow-up of the briefing in place.
	ref := h.firstTask(t)
	h.keys("space")
	if v := h.view(); !strings.Contains(v, "Done: "+ref.task.Title) {
		t.Fatalf("no confirmation of the tick:\n%s", v)
	}
	if got := readTask(t, book, ref.task.ID); got.Status != tasks.Done {
		t.Fatalf("the ticked task is %s in the book", got.Status)
	}
	for _, b := range h.m.brief.pane.blocks {
		if b.ref.task != nil && b.ref.task.ID == ref.task.ID {
			t.Fatal("the ticked task is still on the briefing")
		}
	}

	// Snooze the next one to +3 days.
	ref = h.firstTask(t)
	h.keys("s")
	h.typeText("+3")
	h.keys("enter")
	got := readTask(t, book, ref.task.ID)
	if got.DueOn() != h.m.c.today().AddDays(3) {
		t.Fatalf("the snoozed task is due %s", got.DueOn())
	}
	if v := h.view(); !strings.Contains(v, "Snoozed: ") {
		t.Fatalf("no confirmation of the snooze:\n%s", v)
	}
}

// firstTask moves the briefing's cursor to its first follow-up.
func (h *harness) firstTask(t *testing.T) itemRef {
	t.Helper()
	for i := 0; i < 200; i++ {
		if ref, ok := h.m.brief.selected(); ok && ref.task != nil {
			return ref
		}
		h.keys("down")
	}
	t.Fatal("no follow-up on the briefing")
	return itemRef{}
}

func readNotes(t *testing.T, b *vb.Book, id string) []string {
	t.Helper()
	var out []string
	err := b.View(func(tx *store.Tx) error {
		ns, err := tx.Notes(id)
		for _, n := range ns {
			out = append(out, n.Text)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func readTask(t *testing.T, b *vb.Book, id string) tasks.Task {
	t.Helper()
	var out tasks.Task
	err := b.View(func(tx *store.Tx) error {
		var err error
		out, err = tx.Task(id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestErrorsInStatusLine: actions that cannot apply say why in the status
// line and the program goes on.
func TestErrorsInStatusLine(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	tests := []struct {
		name string
		keys []string
		want string
	}{
		{"tick on the clients list", []string{"2", "space"}, "No follow-ups on this screen: tick them on the Briefing (1)"},
		{"empty note", []string{"2", "n", "enter", "enter"}, "The note is empty"},
		{"snooze to the past", []string{"3", "s", "2020-01-01", "enter"}, `"2020-01-01" is not a later day`},
		{"snooze nonsense", []string{"3", "s", "soon", "enter"}, `"soon" is not a day: write`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, book, "en", 100, 30)
			for _, k := range tt.keys {
				if len([]rune(k)) > 1 && k != "space" && k != "enter" {
					h.typeText(k)
				} else {
					h.keys(k)
				}
			}
			if v := h.view(); !strings.Contains(v, tt.want) {
				t.Fatalf("status line lacks %q:\n%s", tt.want, v)
			}
			if h.quit {
				t.Fatal("the program quit")
			}
		})
	}
}

// TestResize redraws at every size, down to too small and back.
func TestResize(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "zh", 120, 40)
	h.keys("2")
	for _, sz := range [][2]int{{80, 24}, {60, 15}, {30, 8}, {200, 60}, {80, 24}} {
		h.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		v := h.view()
		if sz[0] < minWidth {
			if !strings.Contains(v, "窗口太小") {
				t.Errorf("%v: no too-small notice:\n%s", sz, v)
			}
			continue
		}
		h.checkFrame(sz[0], sz[1])
	}
}

// TestMouseWheel scrolls the briefing and the client list.
func TestMouseWheel(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 80, 24)
	before := h.m.brief.pane.offset
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if h.m.brief.pane.offset <= before {
		t.Errorf("the wheel did not scroll the briefing (offset %d)", h.m.brief.pane.offset)
	}
	h.keys("2")
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if h.m.clients.offset == 0 {
		t.Error("the wheel did not scroll the client list")
	}
	h.send(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if h.m.clients.offset != 0 {
		t.Errorf("the wheel up did not scroll back (offset %d)", h.m.clients.offset)
	}
}

// TestBackground restyles on the terminal's answer.
func TestBackground(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 80, 24)
	if !h.m.c.styles.IsDark {
		t.Fatal("dark until the terminal says otherwise")
	}
	h.send(tea.BackgroundColorMsg{Color: lightGrey{}})
	if h.m.c.styles.IsDark {
		t.Fatal("a light background did not give light styles")
	}
}

type lightGrey struct{}

func (lightGrey) RGBA() (r, g, b, a uint32) { return 0xeeee, 0xeeee, 0xeeee, 0xffff }

// TestEnterBeforeResults: enter pressed while the search still runs (or
// before the list has loaded) opens the best match once it comes, not the
// row that was on top.
func TestEnterBeforeResults(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	m := newModel(Options{Book: book, Lang: "en", Now: testNow}, typing.NewKeeper())
	m.c.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	h := &harness{t: t, m: m}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	// Keys typed before any command has answered: the list is not
	// loaded yet, the searches they start are held back.
	var held []tea.Cmd
	for _, k := range []string{"/", "z", "x", "f", "enter"} {
		next, cmd := h.m.Update(keyMsg(k))
		h.m = next.(Model)
		held = append(held, cmd)
	}
	h.run(h.m.Init())
	for _, cmd := range held {
		h.run(cmd)
	}
	if h.m.scr != scrProfile || h.m.prof.d == nil || h.m.prof.d.p.Name != "曾小凡" {
		t.Fatalf("enter before the results does not open 曾小凡:\n%s", h.view())
	}
}
