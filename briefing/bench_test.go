package briefing

import (
	"slices"
	"testing"
	"time"

	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/store"
)

// benchBriefing opens the cached demo book of n clients read-only and
// builds the full briefing of demobench.Today with the default config, as
// vipbook brief does (Load, then Build): every
// summary, the tiers, the due tasks, today's visits with their prep cards,
// the open requests, the situation notes of the week, the festivals, the
// lapsed clients and the urgency of every item. The open is timed too.
func benchBriefing(b *testing.B, n int) {
	path := demobench.Path(b, n)
	b.ResetTimer()
	for b.Loop() {
		book, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		in, err := Load(book, demobench.Today, time.Local, config.Default(), Options{})
		if err != nil {
			b.Fatal(err)
		}
		br := Build(in)
		if err := book.Close(); err != nil {
			b.Fatal(err)
		}
		if len(br.Urgent) == 0 || len(br.Visits) == 0 {
			b.Fatalf("empty briefing: %d urgent, %d visits", len(br.Urgent), len(br.Visits))
		}
	}
}

// BenchmarkBriefing100k is the full briefing on the 100k-client demo book
// (about a million notes); the target is 100 ms including the open.
func BenchmarkBriefing100k(b *testing.B) { benchBriefing(b, 100_000) }

// BenchmarkBriefing10k is the same on a 10k-client book.
func BenchmarkBriefing10k(b *testing.B) { benchBriefing(b, 10_000) }

// BenchmarkRefresh100k is the briefing read again after a write to one
// client on the 100k-client demo book: Refresh from the input of a Load,
// then Build. "tick" is a write that leaves the client's summary as it
// was (a task ticked); "note" one that changes it (a note logged: the
// summaries are copied), shown by a stale summary in the input.
func BenchmarkRefresh100k(b *testing.B) {
	path := demobench.Path(b, 100_000)
	book, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer book.Close()
	in, err := Load(book, demobench.Today, time.Local, config.Default(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	cs := in.clientsOf()
	k := len(cs) / 2
	id := cs[k].ID
	stale := in
	stale.clients = slices.Clone(cs)
	stale.clients[k].lastContact = stale.clients[k].LastContact().AddDays(-1).Pack()
	for _, c := range []struct {
		name string
		in   Input
	}{{"tick", in}, {"note", stale}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				got, err := Refresh(book, c.in, time.Local, id)
				if err != nil {
					b.Fatal(err)
				}
				if br := Build(got); len(br.Urgent) == 0 {
					b.Fatal("empty briefing")
				}
			}
		})
	}
}

// BenchmarkBasicBriefing100k is the briefing of the foundation (issue 2)
// on the 100k-client demo book: open the book, today's visits with their
// prep cards, the follow-ups due by today (the 20 earliest read in full,
// the rest counted from the due index) and the important dates within
// their lead time, read from every client's summary. It is what the app's
// first frames show before the engine's book-wide ranking (tiers, lapsed
// clients, urgency) arrives.
func BenchmarkBasicBriefing100k(b *testing.B) {
	path := demobench.Path(b, 100_000)
	b.ResetTimer()
	for b.Loop() {
		book, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		var cards, due, dates int
		err = book.View(func(tx *store.Tx) error {
			appts, err := tx.AppointmentsOn(demobench.Today, time.Local)
			if err != nil {
				return err
			}
			for _, a := range appts {
				if _, err := Prepare(tx, a, demobench.Today); err != nil {
					return err
				}
				cards++
			}
			refs := tx.OpenTaskRefsDueBy(demobench.Today)
			for _, r := range refs[:min(20, len(refs))] {
				if _, err := tx.Task(r.ID); err != nil {
					return err
				}
			}
			due = len(refs)
			sums, err := tx.Summaries()
			if err != nil {
				return err
			}
			dates = len(UpcomingDates(sums, demobench.Today))
			return nil
		})
		book.Close()
		if err != nil {
			b.Fatal(err)
		}
		if cards == 0 || due == 0 || dates == 0 {
			b.Fatalf("empty briefing: %d cards, %d due, %d dates", cards, due, dates)
		}
	}
}

// BenchmarkWholeSection100k is what the app's list of one section seen
// whole (l on a briefing item) reads on the 100k-client demo book, Load
// and Build on an open book: "every" is every section without limit (its
// read before Options.Whole), the others that section alone kept whole,
// "briefing" the briefing as shown. CPU per op is cpu-ms/op.
func BenchmarkWholeSection100k(b *testing.B) {
	path := demobench.Path(b, 100_000)
	book, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer book.Close()
	for _, tc := range []struct {
		name string
		opt  Options
	}{{"every", Options{Limit: -1}}, {"overdue", Options{Whole: SecOverdue}}, {"lapsed", Options{Whole: SecLapsed}},
		{"situations", Options{Whole: SecSituations}}, {"briefing", Options{}}} {
		b.Run(tc.name, func(b *testing.B) {
			var l demobench.Latency
			for b.Loop() {
				l.Time(func() {
					in, err := Load(book, demobench.Today, time.Local, config.Default(), tc.opt)
					if err != nil {
						b.Fatal(err)
					}
					if br := Build(in); len(br.Urgent) == 0 {
						b.Fatal("empty briefing")
					}
				})
			}
			l.Report(b)
		})
	}
}
