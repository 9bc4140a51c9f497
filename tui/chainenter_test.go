package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/i18n"
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

// An adoption from the chain that the book itself refuses (here a book
// open read-only; likewise one another vipbook holds, or damaged) says so
// in the associate's language, as the app's other screens do, not as the
// chain server's error with the book's English inside.
func TestChainAdoptBookErrorInChinese(t *testing.T) {
	book, _, _, _ := keptBook(t)
	path := book.Path()
	book.Close()
	ro, err := vb.Open(path, vb.Options{ReadOnly: true, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	h := newHarness(t, ro, "zh", 100, 30)
	msg, ok := adoptFromChain(h.m.c, chain.Found{ID: "someone/c1", Name: "佐藤由紀"})().(chainAdoptedMsg)
	if !ok {
		t.Fatal("adopting answers no chainAdoptedMsg")
	}
	if want := i18n.New("zh").T(i18n.ErrReadOnly); !strings.Contains(msg.err, want) {
		t.Errorf("a read-only book's adoption says %q, want %q", msg.err, want)
	}
	if strings.ContainsFunc(msg.err, func(r rune) bool { return r >= 'a' && r <= 'z' }) {
		t.Errorf("English under zh: %q", msg.err)
	}
}

// One sync of the book runs at a time: an adoption from the chain (a sync
// of the whole book) asked while the background sync runs waits for it
// and starts when it ends; a background sync due while an adoption runs
// is left to it, and the next is scheduled when the adoption ends.
func TestAdoptWaitsForTheBackgroundSync(t *testing.T) {
	book, _, _, _ := keptBook(t)
	h := newHarness(t, book, "en", 100, 30)
	ticks := 0
	h.m.c.after = func(_ time.Duration, msg tea.Msg) tea.Cmd {
		if _, ok := msg.(syncTickMsg); ok {
			ticks++
		}
		return nil
	}
	h.keys("2")
	h.m.c.sync.joined = true
	h.keys("/")
	h.typeText("tanaka")
	h.m.clients.chain = chainSearch{q: "tanaka", found: []chain.Found{{ID: "someone/c1", Name: "佐藤由紀"}}}

	// The background sync is running (its answer not yet come).
	if syncBook(h.m.c) == nil {
		t.Fatal("no background sync started: the test checks nothing")
	}
	s, adopt := h.m.clients.Update(keyMsg("enter"))
	h.m.clients = s
	if adopt != nil {
		t.Fatal("the adoption started while the background sync runs")
	}
	if !s.chain.adopting {
		t.Error("the screen does not say the client is being brought in")
	}
	// The sync ends: the adoption starts (this book never joined, so it
	// says that, in the screen's words).
	h.send(syncedMsg{joined: true})
	if v := h.view(); !strings.Contains(v, "has not joined a chain") {
		t.Errorf("the adoption did not run after the background sync:\n%s", v)
	}
	if ticks != 1 {
		t.Errorf("%d background syncs scheduled after the sync, want 1", ticks)
	}

	// An adoption running: the background sync due is left to it, and
	// scheduled again when it ends.
	if adoptFromChain(h.m.c, chain.Found{ID: "someone/c1"}) == nil {
		t.Fatal("no adoption started")
	}
	if syncBook(h.m.c) != nil {
		t.Error("a background sync started while an adoption runs")
	}
	h.send(chainAdoptedMsg{err: "gone"})
	if ticks != 2 {
		t.Errorf("%d background syncs scheduled after the adoption, want 2", ticks)
	}
	if syncBook(h.m.c) == nil {
		t.Error("no background sync starts after the adoption")
	}
}

// An adoption that succeeds after one that failed leaves no error above
// the adopted client's profile: the error of the failed one does not
// expire, and the successful one said nothing (bookChanged("") leaves the
// line as it is); it says the client was brought in.
func TestChainAdoptedAfterAFailureClearsTheError(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			h := newHarness(t, openBook(t, demoBookPath(t)), lang, 100, 30)
			id := openZxfProfile(t, h)
			h.keys("esc", "2")
			h.send(chainAdoptedMsg{err: "the chain refused: gone"})
			if h.m.status.error() == "" {
				t.Fatalf("the failed adoption shows no error:\n%s", h.view())
			}
			h.send(chainAdoptedMsg{id: id, name: "曾小凡"})
			if h.m.scr != scrProfile || h.m.prof.id != id {
				t.Fatalf("the adopted client's profile is not open:\n%s", h.view())
			}
			if e := h.m.status.error(); e != "" || strings.Contains(h.view(), "gone") {
				t.Fatalf("the error of the failed adoption stays (%q):\n%s", e, h.view())
			}
			if want := i18n.New(lang).T(i18n.SyncAdopted, "曾小凡"); !strings.Contains(h.m.status.text, want) {
				t.Errorf("the status says %q, want %q", h.m.status.text, want)
			}
			// One brought in with no client to open: no error either.
			h.send(chainAdoptedMsg{err: "gone again"})
			h.send(chainAdoptedMsg{})
			if e := h.m.status.error(); e != "" {
				t.Errorf("the error stays after an adoption with nothing to open: %q", e)
			}
		})
	}
}
