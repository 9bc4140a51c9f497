package tui

import (
	"errors"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/briefing"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
)

// The briefing reads what it ranks every client by (briefing.Load: the
// brief records the store keeps, about 220 MB allocated and a few hundred
// milliseconds at 100k clients); the client list's summaries are read
// after it (loadRows). After a write to one client
// the root reads it again with briefing.Refresh, which reuses what the last
// read read of every other client. The reads run one at a time: writes
// made while one runs wait, and go together into the next Refresh, so the
// last briefing shown holds every write and no Refresh starts from an
// Input that another read is replacing.

// briefingState is what the root keeps of the briefing reads.
type briefingState struct {
	// in is the Input of the briefing shown, read by read number seq
	// (shared.briefReads); seq 0: none kept (not read yet, or the last
	// read failed), so the next read is a whole Load.
	in  briefing.Input
	seq uint64
	// running is the number of the read under way, 0 when none.
	running uint64
	// waiting says a write landed since the running read started (or
	// while none ran); changed are the clients it touched, in order,
	// each once.
	waiting bool
	changed []string
	// shown is the number of the last read shown, 0 before the first;
	// retrying says a read is scheduled after a first read failed.
	shown    uint64
	retrying bool
}

// firstRead is the number of the read Init starts (the first loadBriefing
// of the model's shared context).
const firstRead = 1

// loadBriefing reads the whole book and builds the briefing of today; with
// withSums the client list is read once the briefing is shown
// (loadRows, with the tiers the briefing ranked). Use it
// after a write that may have changed many clients (an import, a
// handover); a write to a few goes through briefingState.refresh.
func loadBriefing(c *shared, withSums bool) tea.Cmd {
	cmd, _ := readBriefing(c, nil, 0, nil, withSums)
	return cmd
}

// readBriefing numbers a read of the briefing and returns its command:
// with prev nil a Load, else a Refresh of prev (read by read number base)
// for the clients changed. Its answer is a briefingMsg, or a
// briefingFailedMsg.
func readBriefing(c *shared, prev *briefing.Input, base uint64, changed []string, withSums bool) (tea.Cmd, uint64) {
	c.briefReads++
	seq, book, today, loc, cfg := c.briefReads, c.book, c.today(), c.loc(), c.cfg
	var from briefing.Input
	if prev != nil {
		from = *prev
	}
	return func() tea.Msg {
		var in briefing.Input
		var err error
		if prev == nil {
			in, err = briefing.Load(book, today, loc, cfg, briefing.Options{})
		} else {
			in, err = briefing.Refresh(book, from, loc, changed...)
		}
		if err != nil {
			return briefingFailedMsg{seq: seq, err: err}
		}
		msg := briefingMsg{br: briefing.Build(in), in: in, seq: seq, base: base, changed: changed}
		if withSums {
			msg.rows, msg.tiers = true, in.AllTiers()
		}
		return msg
	}, seq
}

// refreshBriefing reads the briefing again after a write to the client id
// ("" when the write touched no client's records, a follow-up of nobody's,
// say): now when no read is under way, else once it has answered.
func (st *briefingState) refresh(c *shared, id string) tea.Cmd {
	st.waiting = true
	if id != "" && !slices.Contains(st.changed, id) {
		st.changed = append(st.changed, id)
	}
	return st.next(c)
}

// nextBriefingRead starts the read the waiting writes need, unless one is
// under way: a Refresh of the Input kept, or a Load when there is none or
// the day has changed since (past midnight every section moves).
func (st *briefingState) next(c *shared) tea.Cmd {
	if st.running != 0 || !st.waiting {
		return nil
	}
	changed := st.changed
	st.waiting, st.changed = false, nil
	var cmd tea.Cmd
	if st.seq == 0 || st.in.Today != c.today() {
		// The day's new list of clients (their stats are of today) comes
		// with it.
		cmd, st.running = readBriefing(c, nil, 0, nil, true)
	} else {
		cmd, st.running = readBriefing(c, &st.in, st.seq, changed, false)
	}
	return cmd
}

// got keeps the Input of a briefing read, and says to show it (show),
// unless a later read has answered already (it saw every write this one
// saw); a Refresh of an Input that a Load has since replaced is run again
// on the new one. Then the next read starts if writes are waiting.
func (st *briefingState) got(c *shared, msg briefingMsg) (show bool, cmd tea.Cmd) {
	if st.running == msg.seq {
		st.running = 0
	}
	var rows tea.Cmd
	switch {
	case msg.seq < st.seq:
		// Started before the read shown: nothing to add.
	case msg.base != 0 && msg.base != st.seq:
		// A Load (an import's, a handover's) answered while this
		// Refresh ran on the Input before it, which that Load may have
		// read before these writes.
		st.waiting = true
		st.changed = append(slices.Clone(msg.changed), slices.DeleteFunc(st.changed, func(id string) bool {
			return slices.Contains(msg.changed, id)
		})...)
	default:
		st.in, st.seq, st.shown = msg.in, msg.seq, msg.seq
		c.unread = ""
		show = true
		if msg.rows {
			rows = loadRows(c, msg.tiers)
		}
	}
	return show, tea.Batch(rows, st.next(c))
}

// failed drops the Input kept when a read of the briefing failed, so that
// the next write reads the whole book; the root says why.
//
// A read of a book held per transaction (the app's) waits about a second
// for another vipbook's write to end (a long import, a handover) and then
// fails with store.ErrLocked. When nothing has been shown yet, the
// briefing and the client list would stay on "Loading…" for good: they say
// why instead, and a locked book is read again after retryRead, until a
// read answers.
func (st *briefingState) failed(c *shared, msg briefingFailedMsg) tea.Cmd {
	if st.running == msg.seq {
		st.running = 0
	}
	if msg.seq > st.seq {
		st.in, st.seq = briefing.Input{}, 0
	}
	var retry tea.Cmd
	if st.shown == 0 {
		if errors.Is(msg.err, store.ErrLocked) {
			c.unread = c.t(i18n.AppReadRetrying)
			if !st.retrying {
				st.retrying = true
				retry = c.after(retryRead, retryReadMsg{})
			}
		} else {
			c.unread = c.t(i18n.AppReadFailed, readWhy(c.cat, msg.err))
		}
	}
	return tea.Batch(retry, st.next(c))
}

// retryRead is how long the app waits before reading a book again whose
// first read found it held by another vipbook.
const retryRead = time.Second

// retryReadMsg says it is time to read the book again after a first read
// that found it held by another vipbook.
type retryReadMsg struct{}

// retry reads the whole book again (a Load, with the client list) after a
// first read that failed, unless one has answered since.
func (st *briefingState) retry(c *shared) tea.Cmd {
	st.retrying = false
	if st.shown != 0 {
		return nil
	}
	st.waiting = true
	return st.next(c)
}

// newDayMsg says the clock has passed midnight: the briefing is of
// yesterday.
type newDayMsg struct{}

// atMidnight sends newDayMsg just after the next midnight of the app's
// clock, so a briefing left open overnight shows the new day's.
func atMidnight(c *shared) tea.Cmd {
	now := c.now()
	next := c.today().AddDays(1).In(now.Location()).Add(time.Second)
	return c.after(next.Sub(now), newDayMsg{})
}

// watchEvery is how often the app asks whether another vipbook (the CLI
// in a second terminal, a script) wrote to the book, so that it shows the
// change within a second.
const watchEvery = 500 * time.Millisecond

// watchMsg says it is time to ask whether the book changed elsewhere.
type watchMsg struct{}

// outsideMsg answers watchMsg: changed when another vipbook wrote to the
// book since the last look; damaged when the book is known damaged now.
type outsideMsg struct{ changed, damaged bool }

// watchBook schedules the next look at the book, when it is held per
// transaction (store.Book.IsShared): one that holds its file sees no
// other writer.
func watchBook(c *shared) tea.Cmd {
	if c.book == nil || !c.book.IsShared() {
		return nil
	}
	return c.after(watchEvery, watchMsg{})
}

// lookOutside asks the book whether another vipbook wrote to it (a read
// of its meta page), and whether it is known damaged. A look that fails
// (another vipbook holding the book for long) says nothing changed: the
// next one asks again.
func lookOutside(c *shared) tea.Cmd {
	book := c.book
	return func() tea.Msg {
		changed, err := book.Changed()
		_, damaged := store.KnownDamaged(book.Path())
		return outsideMsg{changed: changed && err == nil, damaged: damaged}
	}
}
