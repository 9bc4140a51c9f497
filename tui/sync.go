package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/chainsync"
	"github.com/vipbook/vipbook/i18n"
)

// The app syncs a book that joined a chain in the background: at start
// and every syncEvery, in a command (never in Update, never before a
// screen is drawn); the header says "synced 2 min ago" or "offline". The
// password comes from PGPASSWORD, as for vipbook sync without a file.

// syncEvery is the time between two background syncs.
const syncEvery = 5 * time.Minute

// syncTimeout bounds one background sync.
const syncTimeout = 2 * time.Minute

// syncState is what the header shows of the background sync.
type syncState struct {
	joined  bool
	last    time.Time // the end of the last sync that reached the server
	offline bool      // the last try did not reach it
}

// syncTickMsg says it is time for the next background sync.
type syncTickMsg struct{}

// syncedMsg answers a background sync.
type syncedMsg struct {
	joined  bool
	last    time.Time
	err     error
	changed bool // others' changes landed in the book
	// unread: the book's own chain status could not be read (held,
	// damaged for a moment): what was shown stays, and the next sync is
	// tried at its time, not never again.
	unread bool
}

// syncRun keeps one sync of the book running at a time: the background
// sync and an adoption from the chain (which syncs the whole book too)
// would otherwise push the same changes at once. An adoption asked while
// the background sync runs waits for it; a background sync due while an
// adoption runs is left to the adoption, and the next is scheduled when
// it ends.
type syncRun struct {
	running bool
	adopt   *chain.Found // the adoption waiting for the background sync
	tick    bool         // a background sync was left to a running adoption
}

// syncBook runs one sync of the book, when it joined a chain and no other
// sync of it is running.
func syncBook(c *shared) tea.Cmd {
	use := c.use
	if use == nil || c.readOnly {
		return nil
	}
	if c.syncRun.running {
		c.syncRun.tick = true
		return nil
	}
	c.syncRun.running = true
	return func() tea.Msg {
		st, err := use.ChainStatus()
		if err != nil {
			return syncedMsg{unread: true}
		}
		if !st.Joined {
			return syncedMsg{}
		}
		ctx, cancel := context.WithTimeout(context.Background(), syncTimeout)
		defer cancel()
		r, err := use.Sync(ctx, chainsync.Password{})
		if err != nil {
			return syncedMsg{joined: true, last: st.LastSync, err: err}
		}
		p := r.Pulled
		return syncedMsg{joined: true, last: r.At, changed: p.Clients+p.Records+p.Released+p.Erased > 0}
	}
}

// synced records a background sync's answer and schedules the next.
func (m Model) synced(msg syncedMsg) (tea.Model, tea.Cmd) {
	c := m.c
	c.syncRun.running = false
	var adopt tea.Cmd // the adoption that waited for this sync
	if f := c.syncRun.adopt; f != nil {
		c.syncRun.adopt = nil
		adopt = adoptFromChain(c, *f)
	}
	if msg.unread {
		return m, tea.Batch(c.after(syncEvery, syncTickMsg{}), adopt)
	}
	c.sync = syncState{joined: msg.joined, last: msg.last, offline: msg.err != nil}
	if !msg.joined {
		return m, adopt
	}
	next := c.after(syncEvery, syncTickMsg{})
	if msg.changed {
		mm, cmd := m.bookChanged("")
		return mm, tea.Batch(cmd, next, adopt)
	}
	return m, tea.Batch(next, adopt)
}

// syncLabel is the header's word on the chain: "" for a book not joined.
func (c *shared) syncLabel() string {
	s := c.sync
	switch {
	case !s.joined:
		return ""
	case s.offline || s.last.IsZero():
		return c.t(i18n.SyncOffline)
	}
	ago := c.now().Sub(s.last)
	switch {
	case ago < time.Minute:
		return c.t(i18n.SyncJustNow)
	case ago < time.Hour:
		return c.t(i18n.SyncMinutesAgo, int(ago/time.Minute))
	}
	return c.t(i18n.SyncHoursAgo, int(ago/time.Hour))
}
