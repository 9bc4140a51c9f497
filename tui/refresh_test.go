package tui

import (
	"slices"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/tui/typing"
)

// sameBriefing fails unless h shows the briefing that a fresh start on its
// book shows (the fresh one's cursor put where h's is).
func sameBriefing(t *testing.T, h *harness, book *vb.Book) {
	t.Helper()
	fresh := newHarness(t, book, "en", h.m.c.width, h.m.c.height)
	fresh.m.brief.pane.cursor, fresh.m.brief.pane.offset = h.m.brief.pane.cursor, h.m.brief.pane.offset
	if got, want := h.m.brief.View(), fresh.m.brief.View(); got != want {
		t.Fatalf("the briefing after the writes:\n%s\nwant (a fresh load):\n%s", got, want)
	}
}

// TestBriefingRefreshedAfterWrites: a follow-up ticked, a note and a sale
// logged on the briefing's screen read the briefing again with Refresh,
// one read each, reusing the summaries read at the start (the tick leaves
// them all as they were), and the briefing shown is the one a fresh start
// shows.
func TestBriefingRefreshedAfterWrites(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 120, 40)
	if h.m.bst.seq == 0 || h.m.bst.running != 0 {
		t.Fatalf("after the start the briefing read is %d, running %d", h.m.bst.seq, h.m.bst.running)
	}
	first := h.m.bst.in
	reads := h.m.c.briefReads

	ref := h.firstTask(t)
	h.keys("space")
	if readTask(t, book, ref.task.ID).Status != tasks.Done {
		t.Fatal("the follow-up is not done in the book")
	}
	if got := h.m.c.briefReads; got != reads+1 {
		t.Fatalf("a tick started %d reads of the briefing, want 1", got-reads)
	}
	if !h.m.bst.in.SharesClients(&first) {
		t.Error("after a tick the clients were read again, not shared")
	}
	sameBriefing(t, h, book)

	ref = h.firstTask(t)
	h.keys("n", "enter")
	h.typeText("moving to Shenzhen in spring")
	h.keys("enter")
	if !slices.Contains(readNotes(t, book, ref.clientID), "moving to Shenzhen in spring") {
		t.Fatal("the note is not in the book")
	}
	if got := h.m.c.briefReads; got != reads+2 {
		t.Fatalf("a note started %d reads of the briefing, want 1", got-reads-1)
	}
	sameBriefing(t, h, book)

	// A sale to a lapsed client: she leaves the lapsed clients.
	if len(h.m.brief.br.Lapsed) == 0 {
		t.Fatal("no lapsed client on the briefing")
	}
	lapsed := h.m.brief.br.Lapsed[0].ClientID
	h.selectClient(t, lapsed)
	h.keys("b")
	h.typeText("12000")
	h.submitRest()
	if got := h.m.c.briefReads; got != reads+3 {
		t.Fatalf("a sale started %d reads of the briefing, want 1", got-reads-2)
	}
	for _, it := range h.m.brief.br.Lapsed {
		if it.ClientID == lapsed {
			t.Fatalf("%s is still lapsed after a sale today", it.ClientName)
		}
	}
	sameBriefing(t, h, book)
	if h.m.bst.in.Today != h.m.c.today() {
		t.Errorf("the Input kept is of %s", h.m.bst.in.Today)
	}
}

// selectClient moves the briefing's cursor to an item of client id.
func (h *harness) selectClient(t *testing.T, id string) {
	t.Helper()
	h.keys("pgup", "pgup", "pgup")
	for i := 0; i < 300; i++ {
		if ref, ok := h.m.brief.selected(); ok && ref.clientID == id {
			return
		}
		h.keys("down")
	}
	t.Fatalf("client %s is not on the briefing", id)
}

// TestBriefingWritesWhileReading: writes made while a read of the briefing
// runs wait for it and go into one Refresh together; a Refresh that a
// whole Load (a handover's) overtook is run again on the Load's Input. The
// last briefing holds every write.
func TestBriefingWritesWhileReading(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	h := newHarness(t, book, "en", 120, 40)
	today := h.m.c.today()
	var due []string // clients with follow-ups due, each once
	err := book.View(func(tx *store.Tx) error {
		for _, r := range tx.OpenTaskRefsDueBy(today) {
			if r.ClientID != "" && !slices.Contains(due, r.ClientID) {
				due = append(due, r.ClientID)
			}
		}
		return nil
	})
	if err != nil || len(due) < 4 {
		t.Fatalf("clients with follow-ups due: %d, %v", len(due), err)
	}
	tick := func(client string) {
		t.Helper()
		err := book.Store().WithoutHooks().Update(func(tx *store.Tx) error {
			for _, tk := range tx.ClientTasks(client) {
				if tk.Status == tasks.Open && !tk.DueOn().After(today) {
					if err := tk.Complete(testNow()); err != nil {
						return err
					}
					return tx.UpdateTask(&tk)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	note := func(client, text string) {
		t.Helper()
		n := &notes.Note{ClientID: client, Kind: notes.Situation, Text: text, At: testNow()}
		if err := book.Store().WithoutHooks().Update(func(tx *store.Tx) error { return tx.AddNote(n) }); err != nil {
			t.Fatal(err)
		}
	}
	answer := func(cmd tea.Cmd) briefingMsg {
		t.Helper()
		msg, ok := cmd().(briefingMsg)
		if !ok {
			t.Fatalf("the read answered %T", msg)
		}
		return msg
	}

	m := &h.m
	refreshBriefing := func(id string) tea.Cmd { return m.bst.refresh(m.c, id) }
	gotBriefing := func(msg briefingMsg) tea.Cmd {
		show, cmd := m.bst.got(m.c, msg)
		if show {
			m.brief, _ = m.brief.Update(msg)
		}
		return cmd
	}
	tick(due[0])
	first := refreshBriefing(due[0])
	if first == nil || m.bst.running == 0 {
		t.Fatal("no read after a write")
	}
	note(due[1], "expecting a baby in March")
	tick(due[2])
	if refreshBriefing(due[1]) != nil || refreshBriefing(due[2]) != nil || refreshBriefing(due[1]) != nil {
		t.Fatal("a second read started while one runs")
	}
	msg := answer(first)
	if msg.base == 0 || !slices.Equal(msg.changed, due[:1]) {
		t.Fatalf("the first read is a Refresh of %v on %d, want a Refresh of %v", msg.changed, msg.base, due[:1])
	}
	second := gotBriefing(msg)
	if second == nil {
		t.Fatal("the writes made during the first read started no read")
	}
	msg = answer(second)
	if want := []string{due[1], due[2]}; !slices.Equal(msg.changed, want) {
		t.Fatalf("the second read refreshes %v, want %v together", msg.changed, want)
	}
	if gotBriefing(msg) != nil || m.bst.running != 0 {
		t.Fatal("a read started with no write waiting")
	}
	sameBriefing(t, h, book)

	// A handover's Load started before a write answers while the write's
	// Refresh runs: it may not hold the write, so the Refresh is run again
	// on the Load's Input.
	load := loadBriefing(m.c, false)
	tick(due[3])
	refresh := refreshBriefing(due[3])
	if gotBriefing(answer(load)) != nil {
		t.Fatal("a read started while the Refresh runs")
	}
	again := gotBriefing(answer(refresh))
	if again == nil {
		t.Fatal("the overtaken Refresh is not run again")
	}
	msg = answer(again)
	if !slices.Equal(msg.changed, due[3:4]) || msg.base != m.bst.seq {
		t.Fatalf("run again: a Refresh of %v on %d, want of %v on %d", msg.changed, msg.base, due[3:4], m.bst.seq)
	}
	gotBriefing(msg)

	// A Load started after a write answers before the write's Refresh:
	// it holds the write, and the Refresh's late answer is dropped.
	note(due[0], "back from Paris")
	refresh = refreshBriefing(due[0])
	load = loadBriefing(m.c, false)
	gotBriefing(answer(load))
	shown := m.bst.seq
	if gotBriefing(answer(refresh)) != nil || m.bst.seq != shown || m.bst.running != 0 {
		t.Fatal("a late Refresh replaced the Load after it, or started a read")
	}
	sameBriefing(t, h, book)
}

// TestBriefingNewDay: the first write after midnight reads the whole book
// for the new day.
func TestBriefingNewDay(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	now := testNow()
	m := newModel(Options{Book: book, Lang: "en", Now: func() time.Time { return now }}, typing.NewKeeper())
	m.c.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	h := &harness{t: t, m: m}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(m.Init())
	yesterday := h.m.bst.in.Today

	now = now.Add(16 * time.Hour) // 01:00 the next day
	ref := h.firstTask(t)
	h.keys("space")
	if readTask(t, book, ref.task.ID).Status != tasks.Done {
		t.Fatal("the follow-up is not done in the book")
	}
	if got, want := h.m.bst.in.Today, yesterday.AddDays(1); got != want {
		t.Fatalf("after midnight the briefing is of %s, want %s", got, want)
	}
	if h.m.brief.br.Date != h.m.bst.in.Today {
		t.Fatalf("the briefing shown is of %s", h.m.brief.br.Date)
	}
}

// TestBriefingAtMidnight: an app left open overnight shows the new day's
// briefing and visits at midnight, without a write.
func TestBriefingAtMidnight(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	now := testNow()
	m := newModel(Options{Book: book, Lang: "en", Now: func() time.Time { return now }}, typing.NewKeeper())
	var waits []time.Duration
	m.c.after = func(d time.Duration, msg tea.Msg) tea.Cmd {
		if _, ok := msg.(newDayMsg); ok {
			waits = append(waits, d)
		}
		return nil
	}
	h := &harness{t: t, m: m}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(m.Init())
	yesterday := h.m.bst.in.Today
	midnight := yesterday.AddDays(1).In(now.Location())
	if len(waits) != 1 || waits[0] != midnight.Sub(now)+time.Second {
		t.Fatalf("waits for the new day: %v, want one of %v", waits, midnight.Sub(now)+time.Second)
	}

	now = midnight.Add(time.Second)
	h.send(newDayMsg{})
	if got, want := h.m.bst.in.Today, yesterday.AddDays(1); got != want {
		t.Fatalf("after midnight the briefing is of %s, want %s", got, want)
	}
	if h.m.brief.br.Date != h.m.bst.in.Today {
		t.Fatalf("the briefing shown is of %s", h.m.brief.br.Date)
	}
	if len(waits) != 2 || waits[1] != 24*time.Hour {
		t.Fatalf("waits after the new day: %v, want the next midnight", waits)
	}
}
