package tui

import (
	"fmt"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tiers"
	"github.com/vipbook/vipbook/tui/typing"
)

// keystrokeQueries are typed letter by letter, as in the search package's
// benchmarks.
var keystrokeQueries = []string{"wang", "zxf", "138", "tier:A li", "王小", "sophie", "13812", "city:上海 zh"}

// keystrokeNoteQueries are words of the demo book's notes, which only
// the kept index finds (issue 11: the keystroke filter with notes).
var keystrokeNoteQueries = []string{"绿茶", "silk scarf", "王 喜欢", "loafers"}

// BenchmarkKeystroke measures a keystroke in the client list's search
// line on the 100k demo book, the whole way: Update with the key (which
// submits the query to the Searcher), the command that waits for the
// reply, Update with the result and the frame drawn (and the kept index's
// answer, which adds the clients found by their notes: the "notes"
// variant types note words). Each iteration types
// every query from its first letter and clears it (esc). ms-p50/ms-p99 are
// over every keystroke; ui-ms-p99 is the share of the UI goroutine alone
// (the two Updates and View): what typing can be held up by.
//
//	go test -run '^$' -bench Keystroke -benchtime 5x -short ./tui
//
// The 1M variant (skipped with -short) is the 100k book's summaries
// repeated ten times, in memory.
func BenchmarkKeystroke(b *testing.B) {
	path := demobench.Path(b, 100_000)
	book, err := vb.Open(path, vb.Options{ReadOnly: true, Now: demobench.Now})
	if err != nil {
		b.Fatal(err)
	}
	defer book.Close()
	m := newModel(Options{Book: book, Lang: "en", Now: demobench.Now}, typing.NewKeeper())
	bm := loadBriefing(m.c, true)().(briefingMsg)
	// The client list's summaries (loadRows), indexed like the tiers the
	// briefing ranked: both in id order, of the same book.
	var sums []profile.Summary
	if err := book.Store().View(func(tx *store.Tx) error {
		var err error
		sums, err = tx.Summaries()
		return err
	}); err != nil || len(sums) != len(bm.tiers) {
		b.Fatalf("summaries: %v (%d for %d tiers)", err, len(sums), len(bm.tiers))
	}
	b.Run("clients=100000", func(b *testing.B) {
		benchKeystroke(b, book, sums, bm.tiers, keystrokeQueries)
	})
	b.Run("notes,clients=100000", func(b *testing.B) {
		benchKeystroke(b, book, sums, bm.tiers, keystrokeNoteQueries)
	})
	b.Run("clients=1000000", func(b *testing.B) {
		if testing.Short() {
			b.Skip("1M clients: without -short")
		}
		sums, as := repeatBook(sums, bm.tiers, 10)
		benchKeystroke(b, book, sums, as, keystrokeQueries)
	})
}

// repeatBook repeats a book's summaries n times (new ids, the phones
// changed in their last digits so that each is still one client's).
func repeatBook(sums []profile.Summary, as []tiers.Assignment, n int) ([]profile.Summary, []tiers.Assignment) {
	out := make([]profile.Summary, 0, n*len(sums))
	outAs := make([]tiers.Assignment, 0, n*len(sums))
	for k := range n {
		for i, s := range sums {
			s.ID = fmt.Sprintf("%s-%d", s.ID, k)
			if k > 0 {
				s.Phones = slices.Clone(s.Phones)
				for j, p := range s.Phones {
					if len(p) > 4 {
						s.Phones[j] = p[:len(p)-1] + fmt.Sprint(k)
					}
				}
			}
			out = append(out, s)
			a := as[i]
			a.ClientID = s.ID
			outAs = append(outAs, a)
		}
	}
	return out, outAs
}

func benchKeystroke(b *testing.B, book *vb.Book, sums []profile.Summary, as []tiers.Assignment, queries []string) {
	m := newModel(Options{Book: book, Lang: "en", Now: demobench.Now}, typing.NewKeeper())
	defer m.clients.find.close()
	update := func(msg tea.Msg) tea.Cmd {
		next, cmd := m.Update(msg)
		m = next.(Model)
		return cmd
	}
	update(tea.WindowSizeMsg{Width: 120, Height: 40})
	start := time.Now()
	update(buildRows(sums, as, m.c.today(), m.c.cfg.Tiers, m.c.country)())
	build := time.Since(start) // the rows, their orders and index, delivered
	update(keyMsg("2"))
	want := fmt.Sprintf("of %d", len(m.clients.list.rows))
	var total, ui []time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		for _, q := range queries {
			update(keyMsg("/"))
			for _, r := range q {
				t0 := time.Now()
				cmd := update(tea.KeyPressMsg{Code: r, Text: string(r)})
				t1 := time.Now()
				msgs := collect(b, cmd)
				t2 := time.Now()
				for _, msg := range msgs {
					update(msg)
				}
				v := m.View().Content
				t3 := time.Now()
				total = append(total, t3.Sub(t0))
				ui = append(ui, t1.Sub(t0)+t3.Sub(t2))
				if !strings.Contains(v, want) {
					b.Fatalf("no count on the frame:\n%s", v)
				}
			}
			if got := m.clients.res; got == nil || got.Query() != q {
				b.Fatalf("the list shows no result for %q", q)
			}
			update(keyMsg("esc"))
		}
	}
	b.StopTimer()
	// The CPU time of the whole process (the Searcher, the kept index's
	// reads, the garbage collector) per keystroke: what a loaded machine
	// does not blur as it blurs the percentiles.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(len(total)), "cpu-ms/key")
	reportPercentiles(b, "", total)
	reportPercentiles(b, "ui-", ui)
	b.ReportMetric(float64(build.Milliseconds()), "build-ms")
}

// cpuTime is the user and system time the process has taken.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportPercentiles(b *testing.B, prefix string, d []time.Duration) {
	slices.Sort(d)
	at := func(p float64) float64 {
		return float64(d[min(len(d)-1, int(p*float64(len(d))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.5), prefix+"ms-p50")
	b.ReportMetric(at(0.99), prefix+"ms-p99")
	b.ReportMetric(float64(d[len(d)-1].Microseconds())/1000, prefix+"ms-max")
}
