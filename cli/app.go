// Package cli is vipbook's command line: cobra commands styled by fang. Each
// command parses its flags, opens the book, calls the domain and the store,
// and prints text or --json. Errors go to stderr with a non-zero exit.
package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// App is what every command shares: where the book is, the language, the
// clock and the streams. Tests build one with a pinned clock.
type App struct {
	BookPath string // from --book, VIPBOOK_BOOK, or the XDG data dir
	Lang     string // "en" or "zh"
	Now      func() time.Time
	Stdin    io.Reader
	Stdout   io.Writer
	Stderr   io.Writer
	Version  string
	// ConfigPath is the config file: --config, or config.DefaultPath().
	ConfigPath string
	// Config is the configuration, loaded once at the root from ConfigPath
	// (a test may set it beforehand: then no file is read). Commands take
	// it from here, and the book's rules get it when the book is opened;
	// nothing reads the file again.
	Config *config.Config
	// configErr is why the config file could not be read; the commands
	// that need the configuration (writes, the briefing, tiers) refuse
	// with it, the others run.
	configErr error
	// WorkFactor is the scrypt work factor of the handover bundles the
	// commands write: 0, age's default (about a second). Tests lower it.
	WorkFactor int
	// MaxSize is the largest the book file may grow to, in bytes (0: no
	// limit); tests set it to play a full disk.
	MaxSize int
	// BackupCopyHold is a test seam: `vipbook backup` holds the book,
	// once its pages are copied, until it returns, as a big book's copy
	// would (a test lets go once the other vipbook said it waits: any
	// fixed time is too short on a loaded machine).
	BackupCopyHold func()
	// HeldWait is how long a command waits for a book another vipbook
	// holds (zero: store.AppWait, 30 s); tests that hold a book for good
	// set it short.
	HeldWait time.Duration
}

// DefaultBookPath returns where the book lives when --book is not given:
// $VIPBOOK_BOOK, else $XDG_DATA_HOME/vipbook/book.db, else
// ~/.local/share/vipbook/book.db.
func DefaultBookPath() string {
	if p := os.Getenv("VIPBOOK_BOOK"); p != "" {
		return p
	}
	return filepath.Join(config.XDGDir("XDG_DATA_HOME", filepath.Join(".local", "share")), "book.db")
}

// DetectLang picks the UI language from LC_ALL, LC_MESSAGES or LANG:
// Chinese for zh_*, English otherwise.
func DetectLang() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			if strings.HasPrefix(strings.ToLower(s), "zh") {
				return "zh"
			}
			return "en"
		}
	}
	return "en"
}

// cat returns the catalog of the command's language.
func (a *App) cat() *i18n.Catalog { return i18n.New(a.Lang) }

// count is "1 client", "5 clients" (or the Chinese): the text of k for n.
func (a *App) count(k i18n.Key, n int) string { return a.cat().N(k, n, n) }

// today returns the app's calendar day.
func (a *App) today() civil.Date { return civil.Of(a.Now()) }

// loadConfigOnce reads the config file at a.ConfigPath once, unless a
// Config was given.
func (a *App) loadConfigOnce() {
	if a.ConfigPath == "" {
		a.ConfigPath = config.DefaultPath()
	}
	if a.Config != nil {
		return
	}
	cfg, err := loadConfig(a.ConfigPath, a.Lang)
	a.Config, a.configErr = &cfg, err
}

// config returns the configuration loaded at the root, or why the file
// could not be read.
func (a *App) config() (config.Config, error) {
	if a.Config == nil {
		a.loadConfigOnce()
	}
	return *a.Config, a.configErr
}

// openBook opens the book for a command with the follow-up rules
// installed from the configuration (a write refuses with the config
// file's error when it cannot be read).
func (a *App) openBook(readOnly bool) (*book.Book, error) { return a.openBookWith(readOnly, 0, false) }

// openBookSized opens the book for writing as openBook does, its memory
// map sized ahead (store.Options.MmapSize) for a write that grows it a
// lot (an import).
func (a *App) openBookSized(mmapSize int) (*book.Book, error) {
	return a.openBookWith(false, mmapSize, false)
}

func (a *App) openBookWith(readOnly bool, mmapSize int, shared bool) (*book.Book, error) {
	return a.openBookAs(book.Options{ReadOnly: readOnly, MmapSize: mmapSize, Shared: shared})
}

// openForBackup opens the book read-only for `vipbook backup`, held only
// while a transaction runs but not marked as the app (book.Options.Passing):
// the backup lets go of the book once its pages are copied, before it
// flushes and checks the copy, as the app's daily backup does.
func (a *App) openForBackup() (*book.Book, error) {
	return a.openBookAs(book.Options{ReadOnly: true, Shared: true, Passing: true, CopyHold: a.BackupCopyHold})
}

// openBookAs opens the book with o, completed from the App (configuration,
// clock, language, the wait's message).
func (a *App) openBookAs(o book.Options) (*book.Book, error) {
	cfg, err := a.config()
	if err != nil && !o.ReadOnly {
		return nil, fmt.Errorf("%s: %w", say(a.Lang, i18n.CliAppTheFollowUpRulesNeedThe), err)
	}
	o.Config, o.Now, o.Lang, o.WorkFactor, o.MaxSize = &cfg, a.Now, a.Lang, a.WorkFactor, a.MaxSize
	if o.Waiting == nil {
		o.Waiting = a.waiting
	}
	if o.Preparing == nil {
		o.Preparing = a.preparing()
	}
	o.HeldWait = a.HeldWait
	b, err := book.Open(a.BookPath, o)
	if err != nil {
		return nil, a.said(err)
	}
	if mode, ok := b.Store().Loosened(); ok {
		fmt.Fprintln(a.Stderr, say(a.Lang, i18n.CliAppTheBookWasReadableByOthers, mode))
	}
	if m, ok := store.KnownDamaged(a.BookPath); ok {
		fmt.Fprintln(a.Stderr, say(a.Lang, i18n.BookKnownDamaged, m.Found.Format("2006-01-02 15:04"), a.cat().Finding(i18n.Finding{Code: m.Code, Args: m.Args, Text: m.What})))
	}
	if mode, ok := b.Store().LooseKept(); ok {
		fmt.Fprintln(a.Stderr, say(a.Lang, i18n.BookReadableByOthers, mode, a.BookPath))
	}
	return b, nil
}

// waiting says, on stderr, that the command waits for the book, and for
// what: another vipbook's backup (it lets go of the book once the pages
// are copied), the app open on the book (it holds the file only for a
// transaction: a long read), or another command.
func (a *App) waiting() { fmt.Fprintln(a.Stderr, a.waitingText()) }

// waitingText is what waiting says.
func (a *App) waitingText() string {
	switch {
	case store.BackingUp(a.BookPath):
		return a.cat().T(i18n.CliWaitingForBackup)
	case store.AppOpen(a.BookPath):
		return a.cat().T(i18n.CliWaitingForApp)
	}
	return a.cat().T(i18n.CliWaitingForOther)
}

// preparing returns what says, on stderr, each step of the one-time work
// an open does on a book an older vipbook wrote (a line a step, not one a
// batch): a command that would otherwise sit silent for minutes says why.
func (a *App) preparing() func(store.Prep) {
	var last store.PrepStep
	return func(p store.Prep) {
		if p.Step == last {
			return
		}
		last = p.Step
		fmt.Fprintln(a.Stderr, a.cat().T(i18n.PrepCLI, a.cat().Prep(string(p.Step), 0, 0)))
	}
}

// withBook opens the book, runs fn, which reads it, and closes the book.
func (a *App) withBook(readOnly bool, fn func(b *store.Book) error) error {
	return a.withBookUse(readOnly, func(b *book.Book) error { return fn(b.Store()) })
}

// withWritable opens the book for writing, runs fn, which writes through
// the book's use cases, and closes the book.
func (a *App) withWritable(fn func(b *book.Book) error) error {
	return a.withBookUse(false, fn)
}

func (a *App) withBookUse(readOnly bool, fn func(b *book.Book) error) error {
	b, err := a.openBook(readOnly)
	if err != nil {
		return err
	}
	defer b.Close()
	return a.said(fn(b))
}

// said says an error in the interface language: the book's errors from
// the catalog (the same words as the app's), the store's as friendlyStore
// says them.
func (a *App) said(err error) error {
	var ue userError
	if err == nil || errors.As(err, &ue) {
		return err
	}
	if errors.Is(err, store.ErrFull) || errors.Is(err, store.ErrReadOnlyFile) {
		return a.friendlyStore(err)
	}
	var s i18n.Said
	var pe *profile.PhoneError
	if errors.As(err, &s) || errors.As(err, &pe) {
		return saidError{i18n.New(a.Lang).Error(err), err}
	}
	return a.friendlyStore(err)
}

// printJSON writes v as indented JSON.
func (a *App) printJSON(v any) error {
	enc := json.NewEncoder(a.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// sanitiseStreams routes the command's stdout and stderr through one
// termsafe.Writer each: client data printed by any command (show, list,
// brief, search, tiers, task list, message, the import report, report) reaches
// the terminal with its control characters, escape sequences and bidi
// overrides made visible. This is the CLI's one choke point for terminal
// safety; --json output stays valid and decodes to the same data.
func (a *App) sanitiseStreams() {
	a.Stdout = termsafe.NewWriter(a.Stdout)
	a.Stderr = termsafe.NewWriter(a.Stderr)
}

// flushStreams writes out what the sanitising writers hold back.
func (a *App) flushStreams() {
	for _, w := range []io.Writer{a.Stdout, a.Stderr} {
		if tw, ok := w.(*termsafe.Writer); ok {
			tw.Flush()
		}
	}
}

// dataOut is where a file format (a vCard, CSV or JSON export) written to
// "-" goes: byte for byte into a pipe or a file, sanitised on a terminal.
func (a *App) dataOut() io.Writer {
	if tw, ok := a.Stdout.(*termsafe.Writer); ok && !isTerminal(tw) {
		return tw.Unwrap()
	}
	return a.Stdout
}

// printf writes to stdout.
func (a *App) printf(format string, args ...any) { fmt.Fprintf(a.Stdout, format, args...) }

// userError is an error whose message is already what the user should read.
type userError struct{ msg string }

func (e userError) Error() string { return e.msg }

func usageErr(format string, args ...any) error { return userError{fmt.Sprintf(format, args...)} }

// names returns the names of a list of kinds, for a refusal that lists
// the values a flag takes.
func names[K ~string](kinds []K) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}

// wordsErr is a refusal said by its catalog key, worded in the interface
// language where it reaches the command (App.said): for code that has no
// App at hand, such as resolveClient.
type wordsErr struct {
	key  i18n.Key
	args []any
}

func (e wordsErr) Error() string            { return say(i18n.English, e.key, e.args...) }
func (e wordsErr) Words() (i18n.Key, []any) { return e.key, e.args }

// usage refuses what was typed, in the words of the catalog.
func (a *App) usage(k i18n.Key, args ...any) error { return userError{say(a.Lang, k, args...)} }

// badChoice refuses a flag's value that is not one of choices.
func (a *App) badChoice(flag, value string, choices ...string) error {
	return a.usage(i18n.UsageBadChoice, flag, value, strings.Join(choices, ", "))
}

// cannot refuses a file that cannot be read (k UsageCannotRead) or
// written (UsageCannotWrite), saying why in the interface language when the
// system's reason is a common one.
func (a *App) cannot(k i18n.Key, path string, err error) error {
	return a.usage(k, path, a.cat().OSReason(err))
}
