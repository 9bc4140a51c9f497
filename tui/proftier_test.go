package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestProfileTierAfterPurchase: a client of the lowest tier who buys in
// the app for more than anyone spent in 12 months becomes the top
// spender; their profile shows the top tier the kept ranking gives them
// (A), not the tier the list held before the purchase (D).
func TestProfileTierAfterPurchase(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 120, 40)
	h.keys("2")
	var name string
	for _, r := range h.m.clients.list.rows {
		if r.tier == "D" && r.spend12 > 0 && !strings.ContainsAny(r.name, " ") {
			name = r.name
			break
		}
	}
	if name == "" {
		t.Fatal("no client of tier D in the demo book")
	}
	h.keys("/")
	h.typeText(name)
	h.keys("enter")
	if h.m.scr != scrProfile {
		t.Fatalf("%s does not open:\n%s", name, h.view())
	}
	head := func() string { return ansi.Strip(strings.Join(h.m.prof.pane.blocks[0].lines, "\n")) }
	if !strings.Contains(head(), "tier D") {
		t.Fatalf("%s's profile before the purchase: want tier D:\n%s", name, head())
	}
	h.keys("b")
	h.typeText("9000000")
	h.keys("enter")
	h.typeText("sable coat")
	h.keys("enter", "enter")
	if v := h.view(); !strings.Contains(v, "9,000,000") {
		t.Fatalf("the purchase is not recorded:\n%s", v)
	}
	if !strings.Contains(head(), "tier A") {
		t.Errorf("%s, now the top spender, shows on the profile:\n%s\nwant tier A", name, head())
	}
}
