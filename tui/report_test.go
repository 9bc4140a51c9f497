package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/vipbook/vipbook/messages"
)

// TestGoldenEngineScreens draws the report, the message composer and the
// handover screen in both languages at 80x24 (the report at 120x40 too),
// reached with the keys an associate presses, and compares the text with
// the golden files (go test ./tui -run TestGoldenEngineScreens -update).
func TestGoldenEngineScreens(t *testing.T) {
	path := demoBookPath(t)
	screens := []struct {
		name  string
		sizes [][2]int
		keys  func(h *harness)
	}{
		{"report", sizes, func(h *harness) { h.keys("4") }},
		{"report_down", [][2]int{{80, 24}}, func(h *harness) { h.keys("4", "pgdown", "pgdown", "pgdown", "pgdown", "pgdown") }},
		{"report_end", [][2]int{{80, 24}}, func(h *harness) { h.keys("4", "G") }},
		{"message_profile", [][2]int{{80, 24}}, func(h *harness) { h.keys("/"); h.typeText("zxf"); h.keys("enter", "m", "down") }},
		{"message_task", [][2]int{{80, 24}}, func(h *harness) { h.keys("3", "m") }},
		{"handover", [][2]int{{80, 24}}, func(h *harness) { h.keys("5") }},
		{"handover_typing", [][2]int{{80, 24}}, func(h *harness) {
			h.keys("5", "down", "enter")
			h.typeText("tier:A city:上海")
			h.keys("enter")
			h.typeText("王芳")
		}},
		{"handover_confirm", [][2]int{{80, 24}}, func(h *harness) {
			h.keys("5", "space", "down", "enter")
			h.typeText("A")
			h.keys("enter")
			h.typeText("王芳")
			h.keys("enter")
			h.send(ctrlU())
			h.typeText("/nonexistent/handover.age")
			h.keys("enter")
			h.typeText("correct horse")
			h.keys("enter")
			h.typeText("correct horse")
			h.keys("enter")
		}},
	}
	for _, lang := range []string{"en", "zh"} {
		book := openBookRO(t, path)
		for _, sc := range screens {
			for _, sz := range sc.sizes {
				name := fmt.Sprintf("%s_%s_%dx%d", sc.name, lang, sz[0], sz[1])
				t.Run(name, func(t *testing.T) {
					h := newHarness(t, book, lang, sz[0], sz[1])
					sc.keys(h)
					h.checkFrame(sz[0], sz[1])
					golden.RequireEqual(t, h.view())
				})
			}
		}
		book.Close()
	}
}

// TestReportScreen: 4 shows the ten questions with the top client first;
// enter opens the selected client and esc comes back to the report.
func TestReportScreen(t *testing.T) {
	book := openBookRO(t, demoBookPath(t))
	defer book.Close()
	h := newHarness(t, book, "en", 100, 30)
	h.keys("4")
	if h.m.scr != scrReport || h.m.report.r == nil {
		t.Fatalf("4 does not show the report:\n%s", h.view())
	}
	r := h.m.report.r
	if len(r.Top) == 0 {
		t.Fatal("the demo book has no top client")
	}
	v := h.view()
	for _, want := range []string{"VIP stocktake", "1. Top 10", r.Top[0].Name, "4 Report"} {
		if !strings.Contains(v, want) {
			t.Errorf("the report lacks %q:\n%s", want, v)
		}
	}
	ref, ok := h.m.report.selected()
	if !ok || ref.clientID != r.Top[0].ID {
		t.Fatalf("the cursor is on %+v, want the top client %s", ref, r.Top[0].ID)
	}
	h.keys("enter")
	if h.m.scr != scrProfile || h.m.prof.id != r.Top[0].ID {
		t.Fatalf("enter does not open the top client:\n%s", h.view())
	}
	h.keys("esc")
	if h.m.scr != scrReport {
		t.Fatalf("esc leads to screen %d, want the report", h.m.scr)
	}
	// Every section is reached by scrolling to the end.
	h.keys("G")
	if v := h.view(); !strings.Contains(v, "7. Why us") {
		t.Errorf("the end of the report lacks questions 7-10:\n%s", v)
	}
	// A client away longest is sent a miss-you.
	ref, _ = h.m.report.selected()
	if n := len(r.LongestAway); n == 0 || ref.clientID != r.LongestAway[n-1].ID {
		t.Fatalf("G selects %+v, want the last client away longest", ref)
	}
	h.keys("m")
	if h.m.message == nil || h.m.message.kind() != messages.MissYou {
		t.Fatalf("m on a client away longest does not compose a miss-you:\n%s", h.view())
	}
}
