package tui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// keptBook is a book of three clients: 林小雨 with a note 喜欢藏青色的外套,
// Harriet Vane, and 周明 merged into Harriet (his id is an alias).
func keptBook(t *testing.T) (book *vb.Book, lin, vane, merged string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kept.db")
	book, err := vb.Init(path, store.Meta{Associate: "Li Na", Currency: "CNY", CountryCode: "86"}, vb.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { book.Close() })
	err = book.Store().WithoutHooks().Update(func(tx *store.Tx) error {
		ps := []*profile.Profile{
			{Name: "林小雨", Phones: []profile.Phone{{Number: "13900000001"}}},
			{Name: "Harriet Vane", Phones: []profile.Phone{{Number: "13900000002"}}},
			{Name: "周明", Phones: []profile.Phone{{Number: "13900000003"}}},
		}
		for _, p := range ps {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		lin, vane, merged = ps[0].ID, ps[1].ID, ps[2].ID
		if err := tx.AddNote(&notes.Note{ClientID: lin, Kind: notes.General, Text: "喜欢藏青色的外套"}); err != nil {
			return err
		}
		_, err := tx.MergeClients(ps[1], merged)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return book, lin, vane, merged
}

// TestSlashFindsNotesAndAliases: / in the app finds a client by the words
// of a note (藏青 in 喜欢藏青色的外套), which the list's own index does not
// hold, after the list's matches; a client's id finds the client, and a
// merged-away client's id the client it was merged into, as vipbook search
// and show do.
func TestSlashFindsNotesAndAliases(t *testing.T) {
	book, lin, vane, merged := keptBook(t)
	h := newHarness(t, book, "en", 100, 30)
	for q, want := range map[string]string{"藏青": "林小雨", merged: "Harriet Vane", "lin": "林小雨", lin: "林小雨", vane: "Harriet Vane"} {
		h.keys("2", "/")
		h.typeText(q)
		v := h.view()
		if !strings.Contains(v, want) {
			t.Errorf("/%s does not find %s:\n%s", q, want, v)
		}
		for _, other := range []string{"林小雨", "Harriet Vane"} {
			if other != want && strings.Contains(v, other) {
				t.Errorf("/%s finds %s too:\n%s", q, other, v)
			}
		}
		h.keys("esc", "esc")
	}
}

// TestSlashBeforeTheListLoads: a query typed before the client list has
// loaded is answered from the kept index at once (no index is built for
// it), and enter pressed before the answer opens its best match.
func TestSlashBeforeTheListLoads(t *testing.T) {
	book, lin, _, _ := keptBook(t)
	h := newHarness(t, book, "en", 100, 30)
	s := newClientsScreen(h.m.c)
	s.SetSize(100, 20)
	_ = s.focusSearch()
	s.input.SetValue("藏青")
	cmd := s.search()
	if v := s.View(); !strings.Contains(v, "Loading") && !strings.Contains(v, "loading") {
		t.Fatalf("before the answer, the screen is not loading:\n%s", v)
	}
	msgs := collect(t, cmd)
	if len(msgs) != 1 {
		t.Fatalf("the query answers %d messages, want the kept index's one: %#v", len(msgs), msgs)
	}
	s.openWhenReady = true
	s, open := s.Update(msgs[0])
	if s.loaded {
		t.Fatal("the list loaded: the test checks nothing")
	}
	if v := s.View(); !strings.Contains(v, "林小雨") || !strings.Contains(v, "1 found") {
		t.Errorf("the kept answer is not shown before the list loads:\n%s", v)
	}
	got := collect(t, open)
	if len(got) != 1 || got[0] != (openClientMsg{lin}) {
		t.Errorf("enter before the answer opens %#v, want %s", got, lin)
	}
}

// TestSlashSortedFindsNotes: / with a sort other than the best match
// finds the same clients as the best match (Anne Lee and 林小雨 by a note
// about navy, Navy Wong by her name), ordered by the sort: by name, Anne
// Lee before Navy Wong; by the best match, the name first.
func TestSlashSortedFindsNotes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sorted.db")
	book, err := vb.Init(path, store.Meta{Associate: "Li Na", Currency: "CNY", CountryCode: "86"}, vb.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { book.Close() })
	err = book.Store().WithoutHooks().Update(func(tx *store.Tx) error {
		for i, c := range []struct{ name, note string }{{"Navy Wong", ""}, {"Anne Lee", "navy cashmere scarf"}, {"林小雨", "a navy coat"}, {"Zoe Park", "red"}} {
			p := &profile.Profile{Name: c.name, Phones: []profile.Phone{{Number: "1390000000" + string(rune('1'+i))}}}
			if err := tx.AddClient(p); err != nil {
				return err
			}
			if c.note != "" {
				if err := tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.General, Text: c.note}); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	order := func(v string) []string {
		var out []string
		for _, l := range strings.Split(v, "\n") {
			for _, n := range []string{"Navy Wong", "Anne Lee", "林小雨", "Zoe Park"} {
				if strings.Contains(l, n) {
					out = append(out, n)
				}
			}
		}
		return out
	}
	h := newHarness(t, book, "en", 100, 30)
	h.keys("2", "/")
	h.typeText("navy")
	best := order(h.view())
	if len(best) != 3 || best[0] != "Navy Wong" {
		t.Fatalf("the best match lists %q:\n%s", best, h.view())
	}
	h.keys("esc", "o") // sort by name, then search again
	if h.m.clients.sort != sortName {
		t.Fatalf("o sorts by %v", h.m.clients.sort)
	}
	h.keys("/")
	h.typeText("navy")
	v := h.view()
	byName := order(v)
	if len(byName) != 3 || !strings.Contains(v, "3 of 4 clients") {
		t.Fatalf("sorted by name, / lists %q, want the best match's %q:\n%s", byName, best, v)
	}
	if slices.Index(byName, "Anne Lee") > slices.Index(byName, "Navy Wong") {
		t.Errorf("sorted by name, Anne Lee comes after Navy Wong: %q\n%s", byName, v)
	}
	// The cursor walks every row: the last one opens.
	h.keys("down", "down", "enter")
	if h.m.scr != scrProfile || !strings.Contains(h.view(), byName[2]) {
		t.Errorf("the third row does not open %s:\n%s", byName[2], h.view())
	}
}

// TestSlashOverTheKeptLimitWaits: before the client list has loaded, a
// query the kept index finds more clients for than it reads for a
// keystroke (keptLimit: a letter or two in a big book) leaves the screen
// saying the list is being read, not "no client matches"; a query it
// finds fewer for is answered at once.
func TestSlashOverTheKeptLimitWaits(t *testing.T) {
	book := overTheKeptLimit(t, func(i int) string {
		if i == 7 {
			return "Wang Zhaoyun"
		}
		return fmt.Sprintf("Wang Wei%d", i)
	}, "")
	h := newHarness(t, book, "en", 100, 30)
	for _, tt := range []struct {
		q      string
		answer bool
	}{{"wang", false}, {"zhaoyun", true}} {
		s := newClientsScreen(h.m.c)
		s.SetSize(100, 20)
		_ = s.focusSearch()
		s.input.SetValue(tt.q)
		msgs := collect(t, s.search())
		if len(msgs) != 1 {
			t.Fatalf("%s: %d messages, want the kept index's one: %#v", tt.q, len(msgs), msgs)
		}
		s, _ = s.Update(msgs[0])
		v := s.View()
		if s.loaded {
			t.Fatal("the list loaded: the test checks nothing")
		}
		if tt.answer {
			if !strings.Contains(v, "Wang Zhaoyun") || !strings.Contains(v, "1 found") {
				t.Errorf("/%s is not answered at once:\n%s", tt.q, v)
			}
			continue
		}
		if !strings.Contains(v, "Loading") || strings.Contains(v, "No client") || strings.Contains(v, "0 found") {
			t.Errorf("/%s (%d clients) before the list loads:\n%s", tt.q, keptLimit+1, v)
		}
	}
}

// TestSlashKeptAnswerLabelledBestMatch: while the kept index's answer is
// the only answer to / (the list not loaded yet), the list is in the
// best-match order, and says so (not "sorted by name"), in English and
// Chinese, whatever sort was chosen; once the list's own search answers
// with the best match, the label stays.
func TestSlashKeptAnswerLabelledBestMatch(t *testing.T) {
	book, _, _, _ := keptBook(t)
	for _, c := range []struct{ lang, want, not string }{
		{"en", "sorted by best match", "sorted by name"},
		{"zh", "按匹配度排序", "按姓名排序"},
	} {
		for _, mode := range []sortMode{sortBest, sortSpend} {
			h := newHarness(t, book, c.lang, 100, 30)
			s := newClientsScreen(h.m.c)
			s.SetSize(100, 20)
			s.sort = mode
			_ = s.focusSearch()
			s.input.SetValue("藏青")
			msgs := collect(t, s.search())
			if len(msgs) != 1 {
				t.Fatalf("the query answers %d messages, want the kept index's one", len(msgs))
			}
			s, _ = s.Update(msgs[0])
			if !s.keptAlone() {
				t.Fatal("the kept answer is not shown alone: the test checks nothing")
			}
			v := s.View()
			if !strings.Contains(v, c.want) || strings.Contains(v, c.not) {
				t.Errorf("%s, sort %d: the kept answer is not labelled %q:\n%s", c.lang, mode, c.want, v)
			}
		}
	}
}

// TestKeptLookUpOfAnOlderKeystrokeNotMade: typed fast, the kept index's
// look-up of a query no longer typed is not made (its answer would be
// dropped): the command of 藏 answers nothing once 藏青 is typed, and
// 藏青's finds 林小雨 by the note. Typed back to 藏, the look-up of 藏
// is made again.
func TestKeptLookUpOfAnOlderKeystrokeNotMade(t *testing.T) {
	book, _, _, _ := keptBook(t)
	h := newHarness(t, book, "en", 100, 30)
	h.keys("2", "/")
	h.typeText("喜")
	kept := func(msgs []tea.Msg) []keptMsg {
		var out []keptMsg
		for _, m := range msgs {
			if k, ok := m.(keptMsg); ok {
				out = append(out, k)
			}
		}
		return out
	}
	first, second := h.press("藏"), h.press("青")
	if got := kept(collect(t, first)); len(got) != 0 {
		t.Errorf("the look-up of 喜藏 answered %d times after 喜藏青 was typed, want none", len(got))
	}
	got := kept(collect(t, second))
	if len(got) != 1 || got[0].q != "喜藏青" {
		t.Fatalf("喜藏青 answered %v, want one answer", got)
	}
	back := h.press("backspace")
	if got := kept(collect(t, back)); len(got) != 1 || got[0].q != "喜藏" {
		t.Errorf("typed back to 喜藏, its look-up answered %v, want one answer", got)
	}
	// Asked again while it read: no answer at all, not an empty one that
	// says no client matches (the query typed back to would take it).
	asked := 0
	if msg := findKept(h.m.c, "藏青", func() bool { asked++; return asked > 1 })(); msg != nil {
		t.Errorf("a look-up that went stale while it read answered %#v, want nothing", msg)
	}
}

// TestSlashOverTheKeptLimitSaysSo: a word thousands of clients' notes
// hold (more than keptLimit, a keystroke's look-up) finds none by the
// list's own search; the screen then says that more than keptLimit
// clients hold it and to add a word, not "no client matches" (the 100k
// demo book's 绿茶 in 34,179 clients' notes said so), in en and zh.
func TestSlashOverTheKeptLimitSaysSo(t *testing.T) {
	book := overTheKeptLimit(t, func(i int) string { return fmt.Sprintf("Client %d", i) }, "只喝绿茶，也喝乌龙")
	for lang, want := range map[string]string{
		"en": fmt.Sprintf(`More than %s clients hold "绿茶" in their notes`, i18n.New("en").Number(keptLimit)),
		"zh": fmt.Sprintf("超过 %s 位客户的记录或喜好含有“绿茶”", i18n.New("zh").Number(keptLimit)),
	} {
		h := newHarness(t, book, lang, 100, 30)
		h.keys("2", "/")
		h.typeText("绿茶")
		v := h.view()
		if !strings.Contains(strings.Join(strings.Fields(v), " "), want) {
			t.Errorf("%s: /绿茶 over the kept limit does not say so (%q):\n%s", lang, want, v)
		}
		if strings.Contains(v, "No client matches") || strings.Contains(v, "没有匹配的客户") {
			t.Errorf("%s: /绿茶 says no client matches:\n%s", lang, v)
		}
	}
	// The list's own search finds one by name; the many the notes hold
	// are said beside the count.
	if err := book.Store().WithoutHooks().Update(func(tx *store.Tx) error {
		return tx.AddClient(&profile.Profile{Name: "乌龙 Chen"})
	}); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string]string{
		"en": fmt.Sprintf("and over %s by notes or likes: type more", i18n.New("en").Number(keptLimit)),
		"zh": fmt.Sprintf("另有超过 %s 位客户的记录或喜好含有：请再输入", i18n.New("zh").Number(keptLimit)),
	} {
		h := newHarness(t, book, lang, 120, 30)
		h.keys("2", "/")
		h.typeText("乌龙")
		v := h.view()
		if !strings.Contains(v, "乌龙 Chen") || !strings.Contains(v, want) {
			t.Errorf("%s: /乌龙 finds one by name and more than the limit by notes; want the name and %q:\n%s", lang, want, v)
		}
	}
}

// overTheKeptLimit is a book of keptLimit+1 clients named by name, each
// with a preference note of text (none when it is empty): more than a
// keystroke's look-up reads.
func overTheKeptLimit(t *testing.T, name func(int) string, text string) *vb.Book {
	t.Helper()
	path := filepath.Join(t.TempDir(), "many.db")
	book, err := vb.Init(path, store.Meta{Associate: "Li Na", Currency: "CNY", CountryCode: "86"}, vb.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { book.Close() })
	ps := make([]*profile.Profile, keptLimit+1)
	for i := range ps {
		ps[i] = &profile.Profile{Name: name(i)}
	}
	if err := book.Store().WithoutHooks().Update(func(tx *store.Tx) error {
		if err := tx.AddClients(ps); err != nil || text == "" {
			return err
		}
		for _, p := range ps {
			if err := tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Preference, Text: text}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return book
}
