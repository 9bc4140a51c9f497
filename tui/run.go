package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tui/typing"
)

// ErrScreenFailed is returned by Run when a screen panicked; the terminal
// was restored and the text being typed kept as a draft.
var ErrScreenFailed = errors.New("the screen failed")

// screenFailed is the error Run returns after a panic: where it happened
// (a function's name, never the panic's value, which could hold a client's
// data), said in the associate's language.
type screenFailed struct{ text string }

func (e screenFailed) Error() string        { return e.text }
func (e screenFailed) Is(target error) bool { return target == ErrScreenFailed }

// Run runs the interface until the associate quits, the terminal closes
// (SIGHUP), the program is told to stop (SIGTERM) or ctx ends. Whatever
// ends it, the text being typed is saved as a draft before Run returns:
// in the book, or in a fallback file (opt.StateDir) when the book cannot
// take it (full, read-only).
func Run(ctx context.Context, opt Options, progOpts ...tea.ProgramOption) error {
	if opt.StateDir == "" {
		opt.StateDir = typing.DefaultStateDir()
	}
	if opt.ExportDir == "" {
		opt.ExportDir = DefaultExportDir()
	}
	keeper := typing.NewKeeper()
	m := newModel(opt, keeper)
	defer m.clients.close()
	return run(ctx, m, opt, keeper, os.Stderr, progOpts...)
}

// run runs model m (the root, or a test's wrapper of it) and saves the
// keeper's drafts when it ends, however it ends.
func run(ctx context.Context, m tea.Model, opt Options, keeper *typing.Keeper, errOut io.Writer, progOpts ...tea.ProgramOption) (err error) {
	cat := i18n.New(opt.Lang)
	// SIGHUP (the terminal closed), SIGTERM and SIGINT end the program
	// through its context, and the drafts are saved after. Bubble Tea's own
	// handler is off: with both, a SIGTERM can leave its handler blocked
	// sending a quit that nobody reads while the program shuts down (seen
	// with v2.0.10), and the process never exits.
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	failed := func(site string) error {
		return screenFailed{cat.T(i18n.RunCrashed, site)}
	}
	defer func() {
		// A panic that escaped both guards: keep the drafts and say where
		// it happened, not what it held.
		if r := recover(); r != nil {
			site := panicSite()
			saveDrafts(keeper, opt, cat, errOut, true)
			err = failed(site)
		}
	}()
	// The guard catches a panic in the model or in a command before Bubble
	// Tea's own recovery would print the panic's value (which may hold a
	// client's data) to the terminal, and ends the program normally, so
	// the terminal is restored.
	crash := &crashSite{}
	p := tea.NewProgram(guard{inner: m, crash: crash},
		append([]tea.ProgramOption{tea.WithContext(ctx), tea.WithoutSignalHandler()}, progOpts...)...)
	crash.quit = p.Quit
	_, runErr := p.Run()
	site, crashed := crash.get()
	if !crashed && errors.Is(runErr, tea.ErrProgramPanic) {
		crashed, site = true, "?"
	}
	saveDrafts(keeper, opt, cat, errOut, crashed)
	switch {
	case crashed:
		return failed(site)
	case runErr == nil:
		return nil
	case errors.Is(runErr, tea.ErrProgramKilled) && ctx.Err() != nil:
		// Ended by a signal or by the caller: not a failure.
		return nil
	}
	return runErr
}

// saveDrafts writes the drafts still in memory to the book and says where
// they are: in the book, or, when the book cannot take them (full,
// read-only), in a fallback file of the state directory. Both are offered
// back at the next start. When neither can take them, the text itself is
// printed, the last place it can go.
func saveDrafts(keeper *typing.Keeper, opt Options, cat *i18n.Catalog, errOut io.Writer, crashed bool) {
	say := func(s string) { fmt.Fprintln(errOut, "vipbook: "+s) }
	flushErr := keeper.Flush(opt.Book)
	if flushErr == nil {
		// A draft the pause in typing already wrote (typing.Delay) is
		// said as one written now: whether the associate is told where
		// the text is must not hang on how long ago the last key was.
		if keeper.Open() && opt.Book != nil {
			say(cat.T(i18n.RunDraftKept, opt.Book.Path()))
		} else if crashed {
			say(cat.T(i18n.RunNothingTyped))
		}
		return
	}
	pending := keeper.Pending() // what the failed flush left
	if len(pending) == 0 {
		return
	}
	why := friendly(cat, flushErr).Error()
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	stamped := make([]store.Draft, len(pending))
	for i, d := range pending {
		if d.Saved.IsZero() {
			d.Saved = now()
		}
		stamped[i] = d
	}
	if opt.StateDir != "" {
		path, err := typing.WriteFallback(opt.StateDir, typing.BookKey(opt.Book), stamped, now())
		if err == nil {
			say(cat.T(i18n.RunDraftFile, why, path))
			return
		}
		why += "; " + err.Error()
	}
	// Nowhere to keep it: print it, so the associate can copy it.
	say(cat.T(i18n.RunDraftLost, why))
	for _, d := range stamped {
		text := d.Text
		if strings.HasPrefix(d.Key, typing.FormPrefix) {
			text += " " + string(d.Fields)
		}
		fmt.Fprintln(errOut, "  "+text)
	}
}

// DefaultExportDir is where the app writes the bundles it makes when
// Options.ExportDir is not given: $XDG_DATA_HOME/vipbook/exports (else
// ~/.local/share/vipbook/exports), private to the user.
func DefaultExportDir() string {
	return filepath.Join(config.XDGDir("XDG_DATA_HOME", filepath.Join(".local", "share")), "exports")
}
