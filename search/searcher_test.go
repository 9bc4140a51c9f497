package search_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/vipbook/vipbook/search"
)

func TestSearcherAnswersTheLatestQuery(t *testing.T) {
	sums := book()
	ix := search.New(sums, search.Options{Today: today, CountryCode: "86"})
	s := search.NewSearcher(ix, 20)
	defer s.Close()

	// Typing "wxm" letter by letter: only the last keystroke's reply
	// counts, the earlier ones are stale (whether or not they ran).
	var seqs []uint64
	for _, q := range []string{"w", "wx", "wxm"} {
		seqs = append(seqs, s.Submit(q))
	}
	for _, seq := range seqs[:2] {
		if r := s.Wait(seq); !r.Stale || r.Result != nil {
			t.Errorf("Wait(%d) = %+v, want a stale reply", seq, r)
		}
	}
	r := s.Wait(seqs[2])
	if r.Stale || r.Seq != seqs[2] || r.Query != "wxm" {
		t.Fatalf("Wait(latest) = %+v, want the answer to wxm", r)
	}
	if got := ids(sums, r.Result.All()); !slices.Equal(got, []string{"c01"}) {
		t.Errorf("wxm found %v, want [c01]", got)
	}
	// Asking again for an answered number gives the same reply.
	if again := s.Wait(seqs[2]); again.Result != r.Result {
		t.Errorf("second Wait gave another result")
	}

	// Backspace and type again: every answer equals a fresh search.
	for _, q := range []string{"wx", "w", "wa", "wan", "wang", "wan", "", "王", "tier:A", "tier:A 138"} {
		r := s.Wait(s.Submit(q))
		if r.Stale {
			t.Fatalf("%q: stale reply to the latest query", q)
		}
		if got, want := r.Result.All(), ix.Search(q).All(); !slices.Equal(got, want) {
			t.Errorf("%q: searcher found %v, a fresh search %v", q, got, want)
		}
	}
}

func TestSearcherDropsStaleReplies(t *testing.T) {
	sums := book()
	ix := search.New(sums, search.Options{Today: today})
	s := search.NewSearcher(ix, 0)
	defer s.Close()
	// Many queries in a burst: whatever the worker managed to run, only
	// the last gets an answer.
	var seqs []uint64
	for i := range 200 {
		seqs = append(seqs, s.Submit(fmt.Sprintf("wang%d", i%7)))
	}
	last := s.Submit("zxf")
	for _, seq := range seqs {
		if r := s.Wait(seq); !r.Stale {
			t.Fatalf("Wait(%d) = %+v after a newer query, want stale", seq, r)
		}
	}
	if r := s.Wait(last); r.Stale || !slices.Equal(ids(sums, r.Result.All()), []string{"c02"}) {
		t.Fatalf("Wait(last) = %+v, want c02", r)
	}
}

func TestSearcherNewIndex(t *testing.T) {
	sums := book()
	ix := search.New(sums, search.Options{Today: today})
	s := search.NewSearcher(ix, 10)
	defer s.Close()
	seq := s.Submit("wang")
	// The book changed: the old query's reply must not reach the screen,
	// whose rows are now the new book's.
	more := append(book(), client("c11", "王大卫", "", "上海", "A", 1, nil))
	ix2 := search.New(more, search.Options{Today: today})
	s.SetIndex(ix2)
	if r := s.Wait(seq); !r.Stale {
		t.Fatalf("reply from the old index: %+v", r)
	}
	r := s.Wait(s.Submit("wdw"))
	if r.Stale || r.Result.Index() != ix2 || !slices.Equal(ids(more, r.Result.All()), []string{"c11"}) {
		t.Fatalf("after SetIndex: %+v", r)
	}
}

func TestSearcherClose(t *testing.T) {
	s := search.NewSearcher(search.New(book(), search.Options{}), 10)
	seq := s.Submit("wang")
	s.Close()
	s.Close() // twice is fine
	// Either answered before Close or stale: never a hang.
	if r := s.Wait(seq); r.Stale == (r.Result != nil) {
		t.Fatalf("after Close: %+v", r)
	}
	if r := s.Wait(s.Submit("li")); !r.Stale {
		t.Fatalf("a query after Close was answered: %+v", r)
	}
}
