package tui

import (
	"strings"
	"testing"
)

// TestSearchAgainStartsEmpty: after a search and a profile opened from
// it, a new / starts an empty query: what is typed replaces the last
// search (王小明's "wxm" then "zxf" finds 曾小凡, not "wxmzxf", nothing).
func TestSearchAgainStartsEmpty(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	for _, lang := range []string{"en", "zh"} {
		h := newHarness(t, book, lang, 120, 40)
		h.keys("/")
		h.typeText("wxm")
		h.keys("enter")
		if h.m.scr != scrProfile || !strings.Contains(h.view(), "王小明") {
			t.Fatalf("%s: wxm does not open 王小明:\n%s", lang, h.view())
		}
		h.keys("esc")
		h.keys("/")
		if q := h.m.clients.input.Value(); q != "" {
			t.Errorf("%s: a new / keeps the query %q", lang, q)
		}
		h.typeText("zxf")
		if q := h.m.clients.query(); q != "zxf" {
			t.Errorf("%s: the query typed after a new / is %q, want zxf", lang, q)
		}
		h.keys("enter")
		if h.m.scr != scrProfile || !strings.Contains(h.view(), "曾小凡") {
			t.Fatalf("%s: / then zxf does not open 曾小凡:\n%s", lang, h.view())
		}
		// From the list itself, the search line left with its filter: /
		// starts empty too.
		h.keys("esc", "/")
		if q := h.m.clients.input.Value(); q != "" {
			t.Errorf("%s: / on the filtered list keeps the query %q", lang, q)
		}
	}
}
