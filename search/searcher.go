package search

import (
	"context"
	"sync"
	"time"
)

// Searcher runs queries on its own goroutine so that a screen never waits
// for a search, however big the book. A screen submits each version of the
// query as it is typed and gets a sequence number back at once; it then
// waits (off its own goroutine: in a Bubble Tea command, say) for the reply
// to that number. Only the latest query counts: a search overtaken by a
// newer query that does not narrow it is cancelled, and waiting for an
// overtaken number returns a Stale reply at once, so a screen keeps only
// the reply whose Seq is the last it submitted.
//
// The Searcher keeps its last few results and narrows from them: typing on
// scans only the previous matches, and going back (backspace) finds the
// earlier result again.
type Searcher struct {
	rank int

	wake chan struct{} // the worker has something to do
	quit chan struct{}
	done chan struct{} // the worker has stopped

	mu      sync.Mutex
	ix      *Index
	latest  uint64 // the last sequence number given out
	query   string // its query
	pending bool   // the latest query waits for the worker
	running *query // the query being searched, nil when idle
	cancel  context.CancelFunc
	reply   Reply         // the reply to the latest query, once there
	changed chan struct{} // closed and replaced when latest or reply change
	recent  []*Result     // newest last
	closed  bool
}

// Reply is the answer to one submitted query.
type Reply struct {
	Seq    uint64
	Query  string
	Result *Result // nil when Stale
	// Stale is set when a newer query was submitted before this one was
	// answered (or the Searcher was closed or given a new index): drop it.
	Stale bool
	// Took is how long the search took on the Searcher's goroutine.
	Took time.Duration
}

// keepRecent is how many results a Searcher keeps to narrow from.
const keepRecent = 8

// NewSearcher starts a Searcher on ix. Each reply has its first rank
// matches already ranked (a screenful or two), so taking them from the
// Result costs the screen nothing. Close it when done.
func NewSearcher(ix *Index, rank int) *Searcher {
	s := &Searcher{
		ix: ix, rank: rank,
		wake: make(chan struct{}, 1), quit: make(chan struct{}), done: make(chan struct{}),
		changed: make(chan struct{}),
	}
	go s.work()
	return s
}

// Submit asks for query and returns its sequence number without waiting.
func (s *Searcher) Submit(query string) uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latest++
	s.query = query
	s.pending = true
	if s.running != nil && s.cancel != nil {
		// Let a running search go on when the new query narrows it: its
		// result is the fastest way to the new one.
		q := parseQuery(query, s.ix.cc)
		if !q.implies(s.running) {
			s.cancel()
		}
	}
	s.broadcast()
	select {
	case s.wake <- struct{}{}:
	default:
	}
	return s.latest
}

// Wait returns the reply to the query numbered seq: its result, or a Stale
// reply as soon as a newer query has been submitted.
func (s *Searcher) Wait(seq uint64) Reply {
	for {
		s.mu.Lock()
		if s.latest != seq || s.closed {
			s.mu.Unlock()
			return Reply{Seq: seq, Stale: true}
		}
		if s.reply.Seq == seq && s.reply.Result != nil {
			r := s.reply
			s.mu.Unlock()
			return r
		}
		ch := s.changed
		s.mu.Unlock()
		<-ch
	}
}

// SetIndex makes the Searcher search a new index (the book changed). Every
// query submitted before gets a Stale reply: submit the query again.
func (s *Searcher) SetIndex(ix *Index) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ix = ix
	s.recent = nil
	s.reply = Reply{}
	s.latest++
	s.query, s.pending = "", false
	if s.cancel != nil {
		s.cancel()
	}
	s.broadcast()
}

// Close stops the Searcher's goroutine; waiting callers get Stale replies.
func (s *Searcher) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	if s.cancel != nil {
		s.cancel()
	}
	s.broadcast()
	s.mu.Unlock()
	close(s.quit)
	<-s.done
}

// broadcast wakes every Wait; s.mu is held.
func (s *Searcher) broadcast() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Searcher) work() {
	defer close(s.done)
	for {
		select {
		case <-s.quit:
			return
		case <-s.wake:
		}
		for s.step() {
		}
	}
}

// step answers the latest query if it has no answer yet; it reports
// whether it did any work.
func (s *Searcher) step() bool {
	s.mu.Lock()
	if s.closed || !s.pending {
		s.mu.Unlock()
		return false
	}
	s.pending = false
	seq, raw, ix := s.latest, s.query, s.ix
	bases := append([]*Result(nil), s.recent...)
	q := parseQuery(raw, ix.cc)
	ctx, cancel := context.WithCancel(context.Background())
	s.running, s.cancel = &q, cancel
	s.mu.Unlock()

	start := time.Now()
	res, err := ix.SearchContext(ctx, raw, bases...)
	if err == nil && s.rank > 0 {
		res.Top(s.rank)
	}
	took := time.Since(start)
	cancel()

	s.mu.Lock()
	defer s.mu.Unlock()
	s.running, s.cancel = nil, nil
	if err != nil || ix != s.ix {
		return true // cancelled, or the index changed meanwhile
	}
	s.remember(res)
	if seq == s.latest {
		s.reply = Reply{Seq: seq, Query: raw, Result: res, Took: took}
		s.broadcast()
	}
	return true
}

// remember keeps res among the recent results; s.mu is held.
func (s *Searcher) remember(res *Result) {
	for i, r := range s.recent {
		if r == res {
			s.recent = append(s.recent[:i], s.recent[i+1:]...)
			break
		}
	}
	s.recent = append(s.recent, res)
	if len(s.recent) > keepRecent {
		s.recent = s.recent[1:]
	}
}
