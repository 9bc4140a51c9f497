package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tui/typing"
)

// shared is what every screen needs: the size of the terminal, the styles,
// the keys, the book, the clock, the catalog and the draft keeper. Screens
// hold a pointer to the one the root owns, so a restyle or a resize reaches
// them all.
type shared struct {
	width, height int
	styles        Styles
	keys          KeyMap
	// book is the store under use, for the read models; use is the book
	// itself: every write goes through its use cases, with the rules.
	book   *store.Book
	use    *book.Book
	now    func() time.Time
	cat    *i18n.Catalog
	drafts *typing.Keeper
	// after schedules a message after a delay (tea.Tick); tests replace it
	// so that no test waits on a timer.
	after     func(d time.Duration, msg tea.Msg) tea.Cmd
	currency  string
	associate string
	country   string        // the book's calling code, for phones typed without one
	cfg       config.Config // tiers, urgency weights, rhythm
	// readOnly: the book file cannot be written (Options.ReadOnly).
	readOnly bool
	// damaged: the book was found damaged (by this app or any vipbook,
	// store.KnownDamaged): it takes no write until vipbook check finds it
	// sound or a backup is restored; a banner says so.
	damaged bool
	// stateDir holds the fallback files of drafts (Options.StateDir).
	stateDir string
	// exportDir is where bundles the app writes go (Options.ExportDir).
	exportDir string
	// configPath is the config file (Options.ConfigPath): the message
	// templates are found beside it.
	configPath string
	// sync is what the header shows of the background sync (sync.go).
	sync syncState
	// syncRun is whether a sync of the book (the background one or an
	// adoption's) is running, and what waits for it (sync.go).
	syncRun syncRun
	// briefReads numbers the reads of the briefing (readBriefing), so
	// that a late answer is told from a newer one.
	briefReads uint64
	// unread is what the briefing and the client list say instead of
	// "Loading…" when the book's first read failed ("" when it did not):
	// the reason, and whether the app tries again by itself.
	unread string
}

// loading is what a screen waiting for the book's first read shows:
// "Loading…", or why the read failed.
func (c *shared) loading() string {
	if c.unread != "" {
		return c.unread
	}
	return c.t(i18n.Loading)
}

// today returns the calendar day of the clock.
func (c *shared) today() civil.Date { return civil.Of(c.now()) }

// loc returns the clock's time zone (appointments are read in it).
func (c *shared) loc() *time.Location { return c.now().Location() }

// t returns the text of a key in the interface language.
// Its string arguments (often a client's name) have their control
// characters made visible.
func (c *shared) t(k i18n.Key, args ...any) string {
	safe := make([]any, len(args))
	for i, a := range args {
		if s, ok := a.(string); ok {
			a = termsafe.Line(s)
		}
		safe[i] = a
	}
	return c.cat.T(k, safe...)
}

// tickAfter is the production scheduler: a tea.Tick delivering msg.
func tickAfter(d time.Duration, msg tea.Msg) tea.Cmd {
	return tea.Tick(d, func(time.Time) tea.Msg { return msg })
}
