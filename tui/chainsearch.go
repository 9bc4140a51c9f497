package tui

import (
	"context"
	"errors"

	"charm.land/bubbles/v2/key"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/chainsync"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/store"
)

// The clients screen's search of the chain: when the book has no client
// for what was typed after /, and the book joined a chain, the screen
// offers to search the whole chain (enter), as vipbook chain find does;
// enter on a client found makes the associate its secondary associate and
// brings it into the book with what the chain shares (vipbook chain
// adopt), then opens its profile. Both run in commands with the password
// from PGPASSWORD (or ~/.pgpass), as the background sync; the screen says
// what went wrong in place of the list.

// chainFindTimeout bounds a search of the chain.
const chainFindTimeout = 20 * time.Second

// chainSearch is the chain's answer to query q.
type chainSearch struct {
	q        string
	reading  bool
	found    []chain.Found
	err      string
	cursor   int
	adopting bool
}

// chainFoundMsg answers findInChain.
type chainFoundMsg struct {
	q     string
	found []chain.Found
	err   string
}

// chainAdoptedMsg answers adoptFromChain: the client's id in the book, or
// what went wrong.
type chainAdoptedMsg struct {
	id, name string
	err      string
}

// offersChain reports whether the screen offers to search the chain: the
// list's search has answered a query with no client, in a joined book
// that can be written.
func (s *clientsScreen) offersChain() bool {
	return s.c.sync.joined && !s.c.readOnly && s.loaded && !s.pending && s.res != nil && s.resQ == s.query() &&
		s.query() != "" && s.total() == 0
}

// chainShown reports whether the chain's answer to the query typed is
// shown.
func (s *clientsScreen) chainShown() bool {
	return s.offersChain() && s.chain.q == s.query()
}

// findInChain searches the chain the book joined for q.
func findInChain(c *shared, q string) tea.Cmd {
	book, lang, cc := c.book, c.cat.Lang(), c.country
	return func() tea.Msg {
		j, ok := book.Chain()
		if !ok {
			return chainFoundMsg{q: q, err: i18n.New(lang).T(i18n.ChainScreenNotJoined)}
		}
		ctx, cancel := context.WithTimeout(context.Background(), chainFindTimeout)
		defer cancel()
		db, err := chain.Connect(ctx, j.DSN)
		if err != nil {
			return chainFoundMsg{q: q, err: chain.ErrorText(lang, err)}
		}
		defer db.Close()
		found, err := db.Find(ctx, chain.ParseQuery(q, cc))
		if err != nil {
			return chainFoundMsg{q: q, err: chain.ErrorText(lang, err)}
		}
		return chainFoundMsg{q: q, found: found}
	}
}

// adoptFromChain makes the associate the secondary associate of f and
// brings f into the book; while the background sync runs, the adoption
// (a sync of the whole book) waits for it (syncRun) and nil is returned.
func adoptFromChain(c *shared, f chain.Found) tea.Cmd {
	if c.syncRun.running {
		c.syncRun.adopt = &f
		return nil
	}
	c.syncRun.running = true
	use, book, cat := c.use, c.book, c.cat
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), syncTimeout)
		defer cancel()
		if _, err := use.Adopt(ctx, chainsync.Password{}, f.ID); err != nil {
			return chainAdoptedMsg{err: chainErrText(cat, err)}
		}
		var id string
		err := book.View(func(tx *store.Tx) error { id, _ = tx.LocalClientID(f.ID); return nil })
		if err != nil {
			return chainAdoptedMsg{err: chainErrText(cat, err)}
		}
		return chainAdoptedMsg{id: id, name: f.Name}
	}
}

// chainErrText says why a search or an adoption from the chain failed:
// the book's own errors (another vipbook holds it, read-only, damaged,
// full, not joined) in the app's words, as its other screens say them;
// the chain's as the chain's commands say them. chain.ErrorText alone
// said a book's error as the server's, with its English inside.
func chainErrText(cat *i18n.Catalog, err error) string {
	switch {
	case errors.Is(err, store.ErrNotJoined):
		return cat.T(i18n.ChainScreenNotJoined)
	case errors.Is(err, store.ErrLocked):
		return readWhy(cat, err)
	}
	var said saidError
	if errors.As(friendly(cat, err), &said) {
		return said.Error()
	}
	return chain.ErrorText(cat.Lang(), err)
}

// chainKey handles a key of the clients screen (its search line focused
// or not) when the chain is offered or its answer shown; false when the
// key is not the chain's.
func (s *clientsScreen) chainKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if !s.offersChain() {
		return nil, false
	}
	k := s.c.keys
	switch {
	case !s.chainShown():
		if !key.Matches(msg, k.Open) {
			return nil, false
		}
		s.chain = chainSearch{q: s.query(), reading: true}
		return findInChain(s.c, s.query()), true
	case key.Matches(msg, k.ListUp):
		s.chain.cursor = max(0, s.chain.cursor-1)
		return nil, true
	case key.Matches(msg, k.ListDown):
		s.chain.cursor = max(0, min(len(s.chain.found)-1, s.chain.cursor+1))
		return nil, true
	case key.Matches(msg, k.Open):
		if s.chain.reading || s.chain.adopting || len(s.chain.found) == 0 {
			return nil, true
		}
		s.chain.adopting, s.chain.err = true, ""
		return adoptFromChain(s.c, s.chain.found[s.chain.cursor]), true
	}
	return nil, false
}

// chainView is what the screen shows in place of the list when the book
// has no client for the query: the offer, or the chain's answer.
func (s *clientsScreen) chainView() []string {
	c, st := s.c, &s.c.styles
	dim := func(text string) string { return st.Dim.Render(clip("  "+text, s.w)) }
	// what went wrong says what to do: wrapped, not cut
	said := func(text string) []string {
		var out []string
		for _, l := range wrapText(termsafe.Line(text), max(1, s.w-2), 0) {
			out = append(out, st.Dim.Render("  "+l))
		}
		return out
	}
	if !s.chainShown() {
		return []string{dim(c.t(i18n.ChainSearchOffer, s.query()))}
	}
	ch := &s.chain
	switch {
	case ch.reading:
		return []string{dim(c.t(i18n.ChainSearchReading))}
	case ch.err != "" && len(ch.found) == 0:
		return said(ch.err)
	case len(ch.found) == 0:
		return []string{dim(c.t(i18n.ChainFindNone, ch.q))}
	}
	out := []string{dim(c.t(i18n.ChainSearchHint))}
	if ch.adopting {
		out = []string{dim(c.t(i18n.ChainSearchAdopting, termsafe.Line(ch.found[ch.cursor].Name)))}
	} else if ch.err != "" {
		out = said(ch.err)
	}
	from := max(0, min(ch.cursor-(s.listHeight()-2)/2, len(ch.found)-(s.listHeight()-1)))
	for i := from; i < len(ch.found) && len(out) < max(2, s.listHeight()); i++ {
		line := clip(foundLine(c, &ch.found[i]), max(0, s.w-gutter))
		if i == ch.cursor {
			out = append(out, st.SelectBar.Render("> ")+st.Selected.Render(line))
		} else {
			out = append(out, "  "+line)
		}
	}
	return out
}

// foundLine is one client of the chain on a line: the name, its home
// store and associate, its chain tier, spend and last visit.
func foundLine(c *shared, f *chain.Found) string {
	name := f.Name
	if f.LatinName != "" && f.LatinName != f.Name {
		name += " " + f.LatinName
	}
	if f.DoNotContact {
		name = c.cat.Beside(name, c.t(i18n.MarkDNC))
	}
	tier := c.t(i18n.ChainNoTier)
	if f.Tier != "" {
		tier = c.t(i18n.ChainFindTier) + " " + f.Tier
	}
	last := c.t(i18n.ChainFindNever)
	if f.LastVisit != nil {
		last = f.LastVisit.Format("2006-01-02")
	}
	parts := []string{name, f.Store + " · " + f.Associate, tier,
		c.t(i18n.ChainFindSpend) + " " + chain.SpendText(f.Spend, f.Currency), c.t(i18n.ChainFindLastVisit) + " " + last}
	return termsafe.Line(strings.Join(parts, "  "))
}

// adopted opens the profile of the client brought in from the chain and
// reads the book again, or says what went wrong.
func (m Model) adopted(msg chainAdoptedMsg) (tea.Model, tea.Cmd) {
	c := m.c
	c.syncRun.running = false
	var next tea.Cmd // the background sync left to the adoption
	if c.syncRun.tick {
		c.syncRun.tick = false
		next = c.after(syncEvery, syncTickMsg{})
	}
	m.clients.chain.adopting = false
	if msg.err != "" {
		m.clients.chain.err = msg.err
		mm, said := m.say(msg.err, true)
		return mm, tea.Batch(said, next)
	}
	m.clients.chain = chainSearch{}
	m.clients.input.Blur()
	// bookChanged("") says nothing: the line says what was done, which
	// also replaces the error of an adoption that failed before (an
	// error does not expire; it stayed above the adopted client's
	// profile).
	mm, changed := m.bookChanged("")
	var said tea.Cmd
	if msg.name != "" {
		mm, said = mm.(Model).say(c.t(i18n.SyncAdopted, msg.name), false)
	} else {
		m2 := mm.(Model)
		m2.status = m2.status.clearErr()
		mm = m2
	}
	if msg.id == "" {
		return mm, tea.Batch(changed, said, next)
	}
	mm, open := mm.(Model).openClient(msg.id)
	return mm, tea.Batch(changed, said, open, next)
}
