package tui

import (
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// collect runs cmd as the program would and returns the messages it
// answers, without delivering them (a test decides when they arrive).
func collect(t testing.TB, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	if cmd == nil {
		return nil
	}
	if name := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()).Name(); strings.Contains(name, "Blink") {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(patience):
		t.Fatal("a command did not return")
	}
	switch msg := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, collect(t, c)...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// press delivers a key to the model only, returning its command unrun: a
// key pressed before the answers to the earlier ones have come.
func (h *harness) press(k string) tea.Cmd {
	h.t.Helper()
	next, cmd := h.m.Update(keyMsg(k))
	h.m = next.(Model)
	return cmd
}

// filterMsgs keeps the search results among msgs.
func filterMsgs(msgs []tea.Msg) []filterMsg {
	var out []filterMsg
	for _, m := range msgs {
		if f, ok := m.(filterMsg); ok {
			out = append(out, f)
		}
	}
	return out
}

// TestTypingFastDropsStale types wxm faster than the searches answer: the
// result for w, held back, arrives after the last key and is dropped; the
// waits for x and wx are answered as stale and deliver nothing; the list
// shows the rows of wxm, as when typed slowly.
func TestTypingFastDropsStale(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	slow := newHarness(t, book, "en", 100, 30)
	slow.keys("2", "/")
	slow.typeText("wxm")
	want := slow.view()
	if !strings.Contains(want, "王小明") {
		t.Fatalf("wxm does not find 王小明:\n%s", want)
	}

	h := newHarness(t, book, "en", 100, 30)
	h.keys("2", "/")
	// w is answered before the next key, but its answer is held back.
	early := filterMsgs(collect(t, h.press("w")))
	if len(early) != 1 || early[0].res.Query() != "w" {
		t.Fatalf("w gives %d results, want 1 for w", len(early))
	}
	cx, cm := h.press("x"), h.press("m")
	if got := filterMsgs(collect(t, cx)); len(got) != 0 {
		t.Errorf("the wait for wx answers %d results after wxm was typed, want none (stale)", len(got))
	}
	final := filterMsgs(collect(t, cm))
	if len(final) != 1 || final[0].res.Query() != "wxm" {
		t.Fatalf("wxm gives %d results, want 1 for wxm", len(final))
	}
	h.send(final[0])
	h.send(early[0]) // the stale answer comes last
	if got := h.view(); got != want {
		t.Errorf("typed fast, the list is not that of wxm:\n%s\nwant:\n%s", got, want)
	}
	if r := h.m.clients.res; r == nil || r.Query() != "wxm" {
		t.Errorf("the list keeps the result of %q, want wxm", r.Query())
	}

	// Backspace twice and on again: the older answers never win.
	cb1, cb2 := h.press("backspace"), h.press("backspace")
	ca := h.press("n")
	msgs := append(collect(t, cb2), collect(t, cb1)...)
	msgs = append(msgs, collect(t, ca)...)
	for _, m := range msgs {
		h.send(m)
	}
	if r := h.m.clients.res; r == nil || r.Query() != "wn" {
		t.Errorf("after backspaces the list shows %v, want wn", r.Query())
	}
}

// TestSortFiltered: o orders the matches of a search by spend, and back
// to the best match; the count stays that of the matches.
func TestSortFiltered(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 100, 30)
	h.keys("2", "/")
	h.typeText("wang")
	n := h.m.clients.total()
	if n < 2 {
		t.Fatalf("wang finds %d clients; the test needs two", n)
	}
	h.keys("enter", "esc") // open the best match and come back: the filter stays
	if h.m.scr != scrClients || h.m.clients.total() != n {
		t.Fatalf("back from the profile, the list has %d rows, want %d", h.m.clients.total(), n)
	}
	h.keys("o", "o")
	if h.m.clients.sort != sortSpend || h.m.clients.total() != n {
		t.Fatalf("sort %v with %d rows, want spend with %d", h.m.clients.sort, h.m.clients.total(), n)
	}
	rows, idx := h.m.clients.shown(0, n)
	for i := 1; i < len(idx); i++ {
		if rows[idx[i-1]].spend12 < rows[idx[i]].spend12 {
			t.Fatalf("row %d spends more than row %d", i+1, i)
		}
	}
	// A new query typed while sorted by spend comes sorted by spend.
	h.keys("/", "backspace")
	rows, idx = h.m.clients.shown(0, h.m.clients.total())
	for i := 1; i < len(idx); i++ {
		if rows[idx[i-1]].spend12 < rows[idx[i]].spend12 {
			t.Fatalf("after a keystroke, row %d spends more than row %d", i+1, i)
		}
	}
}

// TestSearchCountryCode: in a UK book (calling code 44) a mobile typed as
// the associate knows it, 07700 900123, finds its client, as vipbook
// search does.
func TestSearchCountryCode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "uk.db")
	book, err := vb.Init(path, store.Meta{Associate: "Amy", Currency: "GBP", CountryCode: "44"}, vb.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { book.Close() })
	err = book.Store().WithoutHooks().Update(func(tx *store.Tx) error {
		for _, p := range []*profile.Profile{
			{Name: "Harriet Vane", Phones: []profile.Phone{{Number: "07700 900123"}}},
			{Name: "Peter Wimsey", Phones: []profile.Phone{{Number: "07700 900456"}}},
		} {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, book, "en", 100, 30)
	for _, q := range []string{"07700900123", "07700 900123", "+44 7700 900123", "900123"} {
		h.keys("2", "/")
		h.typeText(q)
		v := h.view()
		if !strings.Contains(v, "Harriet Vane") || strings.Contains(v, "Peter Wimsey") {
			t.Errorf("%q in a UK book does not find Harriet Vane alone:\n%s", q, v)
		}
		h.keys("esc", "esc")
	}
}

// TestSearchAfterWrite: a client added while a search is shown is found by
// it once the list is rebuilt with its index (off the UI goroutine).
func TestSearchAfterWrite(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 100, 30)
	h.keys("2", "/")
	h.typeText("cskh")
	if v := h.view(); strings.Contains(v, "测试客户") {
		t.Fatalf("测试客户 is found before she is added:\n%s", v)
	}
	before := len(h.m.clients.list.rows)
	p := &profile.Profile{Name: "测试客户", Phones: []profile.Phone{{Number: "13900001111"}}}
	if err := book.Store().WithoutHooks().Update(func(tx *store.Tx) error { return tx.AddClient(p) }); err != nil {
		t.Fatal(err)
	}
	h.send(changedMsg{clientID: p.ID})
	v := h.view()
	if !strings.Contains(v, "测试客户") {
		t.Fatalf("the added client is not found by the search shown:\n%s", v)
	}
	if got := len(h.m.clients.list.rows); got != before+1 {
		t.Errorf("the list has %d rows, want %d", got, before+1)
	}
	// Removed again (archived): gone from the list and the search.
	err := book.Store().WithoutHooks().Update(func(tx *store.Tx) error {
		q, err := tx.Client(p.ID)
		if err != nil {
			return err
		}
		q.HandedOver = &profile.Handover{To: "Li", At: testNow(), Released: true}
		return tx.UpdateClient(q)
	})
	if err != nil {
		t.Fatal(err)
	}
	h.send(changedMsg{clientID: p.ID})
	if v := h.view(); strings.Contains(v, "测试客户") {
		t.Fatalf("the archived client is still found:\n%s", v)
	}
}

// TestSearchFieldFilters: the field filters of vipbook search (size:,
// likes:) work behind / in the app too: the client whose shoes are 39 and
// who likes loafers is found, the one with another size is not, and a
// size added through the book is found once the list is rebuilt.
func TestSearchFieldFilters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sizes.db")
	book, err := vb.Init(path, store.Meta{Associate: "Li Na", Currency: "CNY", CountryCode: "86"}, vb.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { book.Close() })
	err = book.Store().WithoutHooks().Update(func(tx *store.Tx) error {
		for _, p := range []*profile.Profile{
			{Name: "林小雨", Phones: []profile.Phone{{Number: "13900000001"}}},
			{Name: "Harriet Vane", Phones: []profile.Phone{{Number: "13900000002"}}},
		} {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	id := func(phone string) string {
		var ids []string
		if err := book.Store().View(func(tx *store.Tx) error { ids = tx.FindByPhone(phone); return nil }); err != nil || len(ids) != 1 {
			t.Fatalf("finding %s: %v %v", phone, ids, err)
		}
		return ids[0]
	}
	lin, vane := id("13900000001"), id("13900000002")
	h := newHarness(t, book, "en", 100, 30)
	for _, w := range []func() error{
		func() error {
			_, err := book.AddSize(lin, profile.Size{Category: "shoes", Value: "39", System: "EU"})
			return err
		},
		func() error {
			_, err := book.AddPreference(lin, profile.Preference{Kind: profile.PrefStyle, Value: "loafers"})
			return err
		},
		func() error {
			_, err := book.AddSize(vane, profile.Size{Category: "shoes", Value: "41", System: "EU"})
			return err
		},
	} {
		if err := w(); err != nil {
			t.Fatal(err)
		}
	}
	h.send(changedMsg{clientID: lin})
	h.send(changedMsg{clientID: vane})
	for q, want := range map[string]string{"size:shoes=39 likes:loafers": "林小雨", "size:shoes=41": "Harriet Vane"} {
		h.keys("2", "/")
		h.typeText(q)
		v := h.view()
		other := map[string]string{"林小雨": "Harriet Vane", "Harriet Vane": "林小雨"}[want]
		if !strings.Contains(v, want) || strings.Contains(v, other) {
			t.Errorf("%q does not find %s alone:\n%s", q, want, v)
		}
		h.keys("esc", "esc")
	}
}
