package tui

import (
	"strings"
	"testing"
)

// Enter pressed on the search line before its answer leaves the line (to
// open the best match when it comes); when the answer is that the book
// holds no such client, the screen offers to search the chain, and enter
// then searches it, as it does with the line still focused.
func TestChainOfferAfterEnterWhileSearching(t *testing.T) {
	book, _, _, _ := keptBook(t)
	h := newHarness(t, book, "en", 100, 30)
	h.keys("2")
	h.m.c.sync.joined = true // as after a background sync of a joined book
	s := h.m.clients
	if !s.loaded {
		t.Fatal("the list did not load: the test checks nothing")
	}
	_ = s.focusSearch()
	s.input.SetValue("tanaka")
	cmd := s.search()
	s, _ = s.Update(keyMsg("enter")) // before the answer
	if s.input.Focused() {
		t.Fatal("enter before the answer left the search line focused: the test checks nothing")
	}
	for _, msg := range collect(t, cmd) {
		s, _ = s.Update(msg)
	}
	if v := s.View(); !strings.Contains(v, `enter: search the whole chain for "tanaka"`) {
		t.Fatalf("no offer to search the chain:\n%s", v)
	}
	s, find := s.Update(keyMsg("enter"))
	if find == nil || !s.chain.reading {
		t.Errorf("enter on the offer does not search the chain (reading %v)", s.chain.reading)
	}
	if v := s.View(); !strings.Contains(v, "Searching the chain") {
		t.Errorf("enter on the offer: the screen does not say it searches:\n%s", v)
	}
}
