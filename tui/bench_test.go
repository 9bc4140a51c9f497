package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/tui/typing"
)

// BenchmarkStart measures the start of the interface on the 100k-client
// demo book up to its first frame with the briefing: open the book, build
// the model, read today's visits with their prep cards (the first command
// Init starts), deliver them, draw. The rest of the briefing (follow-ups,
// dates, specials, lapsed clients: it reads every client) follows in a
// second frame, measured by BenchmarkStartFull. The book is opened
// read-only so that the cached book is shared; a writable open adds about
// 16 ms (store's BenchmarkOpen).
//
//	go test -run '^$' -bench Start -benchtime 5x ./tui
func BenchmarkStart(b *testing.B) {
	benchStart(b, func(c *shared) tea.Msg { return loadVisits(c)() }, "Today's visits (")
}

// BenchmarkStartFull measures the start up to the frame with the whole
// briefing.
func BenchmarkStartFull(b *testing.B) {
	benchStart(b, func(c *shared) tea.Msg { return loadBriefing(c, true)() }, "Most urgent (")
}

func benchStart(b *testing.B, load func(c *shared) tea.Msg, want string) {
	path := demobench.Path(b, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		book, err := vb.Open(path, vb.Options{ReadOnly: true, Now: demobench.Now})
		if err != nil {
			b.Fatal(err)
		}
		m := newModel(Options{Book: book, Lang: "en", Now: demobench.Now}, typing.NewKeeper())
		next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		m = next.(Model)
		msg := load(m.c)
		if e, ok := msg.(errMsg); ok {
			b.Fatal(e.err)
		}
		next, _ = m.Update(msg)
		m = next.(Model)
		if v := m.View().Content; !strings.Contains(v, want) {
			b.Fatalf("no %q on the first frame:\n%s", want, v)
		}
		book.Close()
	}
}

// BenchmarkClientList measures what follows the first frame on the 100k
// book: every summary read and the rows of the client list built from them
// with the tiers the briefing ranked (off the UI goroutine), then delivered
// and drawn.
//
//	go test -run '^$' -bench ClientList -benchtime 5x ./tui
func BenchmarkClientList(b *testing.B) {
	path := demobench.Path(b, 100_000)
	book, err := vb.Open(path, vb.Options{ReadOnly: true, Now: demobench.Now})
	if err != nil {
		b.Fatal(err)
	}
	defer book.Close()
	m := newModel(Options{Book: book, Lang: "en", Now: demobench.Now}, typing.NewKeeper())
	bm := loadBriefing(m.c, true)().(briefingMsg)
	b.ReportAllocs()
	for b.Loop() {
		rows := loadRows(m.c, bm.tiers)().(rowsMsg)
		next, _ := m.Update(rows)
		mm := next.(Model)
		mm.scr = scrClients
		if v := mm.View().Content; !strings.Contains(v, "100000 of 100000") {
			b.Fatalf("the list is not drawn:\n%s", v)
		}
	}
}

// BenchmarkBriefingFrame measures the interface's own share of the start
// on the 100k book: a loaded briefing delivered to a new model and drawn.
//
//	go test -run '^$' -bench BriefingFrame -benchtime 20x ./tui
func BenchmarkBriefingFrame(b *testing.B) {
	path := demobench.Path(b, 100_000)
	book, err := vb.Open(path, vb.Options{ReadOnly: true, Now: demobench.Now})
	if err != nil {
		b.Fatal(err)
	}
	defer book.Close()
	msg := loadBriefing(newModel(Options{Book: book, Now: demobench.Now}, typing.NewKeeper()).c, true)()
	b.ReportAllocs()
	for b.Loop() {
		m := newModel(Options{Book: book, Lang: "en", Now: demobench.Now}, typing.NewKeeper())
		next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		next, _ = next.(Model).Update(msg)
		if v := next.(Model).View().Content; !strings.Contains(v, "Briefing for") {
			b.Fatalf("no briefing on the first frame:\n%s", v)
		}
	}
}

// BenchmarkFollowUps measures reading every open follow-up of the 100k
// book for the follow-ups screen (a command started with the briefing).
//
//	go test -run '^$' -bench FollowUps -benchtime 5x ./tui
func BenchmarkFollowUps(b *testing.B) {
	path := demobench.Path(b, 100_000)
	book, err := vb.Open(path, vb.Options{ReadOnly: true, Now: demobench.Now})
	if err != nil {
		b.Fatal(err)
	}
	defer book.Close()
	m := newModel(Options{Book: book, Now: demobench.Now}, typing.NewKeeper())
	b.ReportAllocs()
	for b.Loop() {
		msg := loadTasks(m.c)()
		tm, ok := msg.(tasksMsg)
		if !ok {
			b.Fatal(msg)
		}
		b.ReportMetric(float64(len(tm.items)), "tasks")
	}
}

// BenchmarkDoneTasks measures what d on the follow-ups screen reads on
// the 100k book: the follow-ups ticked off in the last 14 days (at most
// 50, a released client's left out), as it reads them again after each
// write while the list is shown.
//
//	go test -run '^$' -bench DoneTasks -benchtime 10x ./tui
func BenchmarkDoneTasks(b *testing.B) {
	path := demobench.Path(b, 100_000)
	book, err := vb.Open(path, vb.Options{ReadOnly: true, Now: demobench.Now})
	if err != nil {
		b.Fatal(err)
	}
	defer book.Close()
	m := newModel(Options{Book: book, Now: demobench.Now}, typing.NewKeeper())
	b.ReportAllocs()
	var l demobench.Latency
	for b.Loop() {
		var msg tea.Msg
		l.Time(func() { msg = loadDoneTasks(m.c)() })
		dm, ok := msg.(doneTasksMsg)
		if !ok {
			b.Fatal(msg)
		}
		b.ReportMetric(float64(len(dm.items)), "tasks")
	}
	l.Report(b)
}
