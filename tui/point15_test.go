package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// TestPoint15TabsAlwaysShown: the tab bar shows all five screens from the
// start, at 120 and at 72 columns, in both languages; the names give way
// to the day on a narrow screen before the tabs lose theirs.
func TestPoint15TabsAlwaysShown(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	for _, tc := range []struct {
		lang string
		w    int
		want []string
	}{
		{"en", 120, []string{"1 Briefing", "2 Clients", "3 Follow-ups", "4 Report", "5 Handover", "Li Na", "Tuesday"}},
		{"en", 80, []string{"1 Briefing", "4 Report", "5 Handover", "2026-11-24"}},
		{"en", 72, []string{"1 Briefing", "4 Report", "5 Handover", "2026-11-24"}},
		{"zh", 72, []string{"1 简报", "2 客户", "3 跟进", "4 盘点", "5 交接", "2026-11-24"}},
	} {
		h := newHarness(t, book, tc.lang, tc.w, 24)
		head := strings.SplitN(h.view(), "\n", 2)[0]
		for _, w := range tc.want {
			if !strings.Contains(head, w) {
				t.Errorf("%s at %d columns: the header %q lacks %q", tc.lang, tc.w, head, w)
			}
		}
		if width(head) > tc.w {
			t.Errorf("%s at %d columns: the header is %d wide", tc.lang, tc.w, width(head))
		}
	}
}

// TestPoint15StatusDoesNotLinger: news said on one screen is gone when the
// associate goes to another.
func TestPoint15StatusDoesNotLinger(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 120, 40)
	mm, _ := h.m.say("Saved the note on 曾小凡.", false)
	h.m = mm.(Model)
	if !strings.Contains(h.view(), "Saved the note") {
		t.Fatal("the status line does not show the news")
	}
	h.keys("3")
	if v := h.view(); strings.Contains(v, "Saved the note") {
		t.Errorf("the news follows the associate to the follow-ups:\n%s", v)
	}
	mm, _ = h.m.say("That client is gone.", true)
	h.m = mm.(Model)
	h.keys("2")
	if v := h.view(); strings.Contains(v, "That client is gone") {
		t.Errorf("the error follows the associate to the clients:\n%s", v)
	}
}

// TestPoint15ColumnWidths: the name and the next date share the room by
// what the rows hold: a long next date is whole while names are short.
func TestPoint15ColumnWidths(t *testing.T) {
	for _, tc := range []struct{ avail, name, next, wantName, wantNext int }{
		{40, 12, 22, 18, 22}, // both fit: the next date whole, the name the rest
		{30, 20, 22, 12, 18}, // too narrow: the name keeps 12
		{30, 8, 22, 8, 22},   // short names give the date its room
		{20, 30, 30, 9, 11},  // very narrow: the date keeps 11
	} {
		n, x := colWidths(tc.avail, tc.name, tc.next)
		if n != tc.wantName || x != tc.wantNext {
			t.Errorf("colWidths(%d, %d, %d) = %d, %d, want %d, %d", tc.avail, tc.name, tc.next, n, x, tc.wantName, tc.wantNext)
		}
	}
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 80, 40)
	h.keys("2")
	v := h.view()
	if !strings.Contains(v, "child's birthday") || strings.Contains(v, "child's bi..") {
		t.Errorf("the next date is cut while names are short:\n%s", v)
	}
}

// TestPoint15MessageWording: sending a message says it went to the
// terminal's clipboard (which some terminals ignore) and where the text is
// kept, a private file; a message written from a thank-you follow-up
// ticks that follow-up.
func TestPoint15MessageWording(t *testing.T) {
	dir := t.TempDir()
	b := openBook(t, demoBookPath(t))
	state := filepath.Join(dir, "state")
	h := newHarnessWith(t, Options{Book: b, Lang: "en", Now: testNow, StateDir: state}, 160, 30)
	// A thank-you follow-up due in five days for 曾小凡.
	id := openZxfProfile(t, h)
	var tk tasks.Task
	err := b.Store().WithoutHooks().Update(func(tx *store.Tx) error {
		tk = tasks.Task{ClientID: id, Kind: tasks.ThankYou, Title: "Thank her for the visit", Due: civil.Of(testNow()).AddDays(5), Status: tasks.Open}
		return tx.AddTask(&tk)
	})
	if err != nil {
		t.Fatal(err)
	}
	ref := itemRef{clientID: id, clientName: "曾小凡", task: &tk}
	msg := loadMessage(h.m.c, ref, messageKind(ref, false))()
	h.send(msg)
	if h.m.message == nil {
		t.Fatalf("no composer: %v", msg)
	}
	text := h.m.message.text
	h.keys("enter")
	v := h.view()
	path := filepath.Join(state, lastMessageFile)
	if !strings.Contains(v, "sent to the terminal's clipboard and saved in "+homeShort(path)) {
		t.Errorf("the status line does not say where the message went:\n%s", v)
	}
	got, err := os.ReadFile(path)
	if err != nil || strings.TrimSpace(string(got)) != strings.TrimSpace(text) {
		t.Errorf("%s holds %q (%v), want the message", path, got, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("%s: %v, want mode 0600", path, fi.Mode())
	}
	err = b.View(func(tx *store.Tx) error {
		got, err := tx.Task(tk.ID)
		if err == nil && got.IsOpen() {
			t.Errorf("the thank-you follow-up the message answers is still %s", got.Status)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
