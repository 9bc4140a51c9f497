package tui

import (
	"time"

	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tui/typing"
)

// Options say what the interface works on.
type Options struct {
	// Book is the book, opened with book.Open: its rules run on every
	// write the interface makes.
	Book *book.Book
	Lang string           // "en" or "zh"
	Now  func() time.Time // the clock; time.Now when nil
	// Config is the configuration (tier scheme, ...); the book's (the one
	// it was opened with) when nil.
	Config *config.Config
	// ConfigPath is the config file Config was read from: the message
	// templates are found beside it. config.DefaultPath() when empty.
	ConfigPath string
	// ReadOnly says the book was opened read-only because its file cannot
	// be written: a banner says so and how to fix it, and the drafts are
	// not written to the book (they go to a fallback file on exit).
	ReadOnly bool
	// StateDir is where drafts the book cannot take are written on exit,
	// and read back at the next start. Run fills in
	// $XDG_STATE_HOME/vipbook; empty (New, tests) means no fallback file.
	StateDir string
	// ExportDir is where the app writes the handover bundles it makes: a
	// file name typed without a directory, or a relative path, goes there,
	// in a directory made owner-only (0700), never into the directory the
	// app was started from (under `make run`, a git checkout). Run fills
	// in $XDG_DATA_HOME/vipbook/exports; empty (New, tests) means the
	// current directory.
	ExportDir string
	// AutoBackup backs the book up once a day into the backups directory
	// beside it (backup.go). The app sets it; off by default, so that
	// tests and other harnesses write no backups.
	AutoBackup bool
}

// New returns the root model of the interface on the briefing.
func New(opt Options) Model {
	return newModel(opt, typing.NewKeeper())
}

func newModel(opt Options, keeper *typing.Keeper) Model {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	cat := i18n.New(opt.Lang)
	c := &shared{width: 80, height: 24, styles: NewStyles(true), keys: DefaultKeyMap(cat), use: opt.Book,
		now: opt.Now, cat: cat, drafts: keeper, after: tickAfter, readOnly: opt.ReadOnly, stateDir: opt.StateDir,
		configPath: opt.ConfigPath, exportDir: opt.ExportDir}
	if c.configPath == "" {
		c.configPath = config.DefaultPath()
	}
	if opt.Book != nil {
		_, c.damaged = store.KnownDamaged(opt.Book.Path())
	}
	cfg := config.Default()
	switch {
	case opt.Config != nil:
		cfg = *opt.Config
	case opt.Book != nil:
		cfg = opt.Book.Config()
	}
	if opt.Book != nil {
		c.book = opt.Book.Store()
	}
	c.cfg = cfg
	if opt.Book != nil {
		meta := opt.Book.Meta()
		c.currency, c.associate, c.country = meta.Currency, meta.Associate, meta.CountryCode
		if c.cfg.Tiers.Currency == "" {
			c.cfg.Tiers.Currency = meta.Currency
		}
	}
	m := Model{c: c, brief: newBriefingScreen(c), clients: newClientsScreen(c), tasks: newTasksScreen(c),
		prof: newProfileScreen(c), report: newReportScreen(c), handover: newHandoverScreen(c), team: newTeamScreen(c),
		edit: newEditor(c), chrome: newChrome(c)}
	m.bst.running = firstRead // Init's
	m.backup.enabled = opt.AutoBackup
	m.restyle()
	m.layout()
	return m
}
