package tui

import (
	"context"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
)

// teamScreen is the manager's view of the team (key 6): per associate the
// same overview as vipbook chain overview, read from the chain's database
// the book joined, as the book's login role sees it (a manager: the whole
// store; an associate: themselves). It is read in a command each time the
// screen is shown, never while drawing; offline, it says why.
type teamScreen struct {
	c    *shared
	pane pane
	text string // the overview as text, or what went wrong
	read bool
}

// teamStaleDays is how long without contact the screen lists a client.
const teamStaleDays = 30

// teamMsg delivers the overview read (or the words of what went wrong).
type teamMsg struct{ text string }

func newTeamScreen(c *shared) teamScreen { return teamScreen{c: c, pane: pane{cursor: -1}} }

// loadTeam reads the overview from the chain the book joined, with the
// password from PGPASSWORD (or ~/.pgpass), within 20 seconds.
func loadTeam(c *shared) tea.Cmd {
	lang, now := c.cat.Lang(), c.now()
	j, joined := c.book.Chain()
	return func() tea.Msg {
		if !joined {
			return teamMsg{i18n.New(lang).T(i18n.ChainScreenNotJoined)}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		db, err := chain.Connect(ctx, j.DSN)
		if err != nil {
			return teamMsg{chain.ErrorText(lang, err)}
		}
		defer db.Close()
		ov, err := db.Overview(ctx, chain.OverviewOptions{StaleDays: teamStaleDays, Now: now})
		if err != nil {
			return teamMsg{chain.ErrorText(lang, err)}
		}
		return teamMsg{chain.OverviewText(lang, ov, teamStaleDays)}
	}
}

// SetSize gives the screen its body size.
func (s *teamScreen) SetSize(w, h int) {
	s.pane.setSize(w, h)
	s.rebuild()
}

// Update shows the overview read, and scrolls.
func (s teamScreen) Update(msg tea.Msg) (teamScreen, tea.Cmd) {
	if msg, ok := msg.(teamMsg); ok {
		s.text, s.read = msg.text, true
		s.rebuild()
		return s, nil
	}
	updatePane(&s.pane, msg, s.c.keys)
	return s, nil
}

// View draws the overview.
func (s teamScreen) View() string {
	if !s.read {
		return s.c.styles.Dim.Render("  " + s.c.t(i18n.ChainScreenLoading))
	}
	return s.pane.view(&s.c.styles)
}

// rebuild lays the text out for the current width.
func (s *teamScreen) rebuild() {
	if !s.read || s.pane.w == 0 {
		return
	}
	w := s.pane.w - gutter
	bs := []block{{lines: []string{s.c.styles.Title.Render(s.c.t(i18n.ChainScreenTitle))}}, {lines: []string{""}}}
	for _, l := range strings.Split(strings.TrimRight(s.text, "\n"), "\n") {
		for _, part := range wrapText(termsafe.Line(l), max(10, w), 0) {
			bs = append(bs, block{lines: []string{clip(part, w)}})
		}
	}
	s.pane.setBlocks(bs)
}
