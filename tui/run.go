package tui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/i18n"
)

// ErrScreenFailed is returned by Run when a screen panicked; the terminal
// was restored and the text being typed kept as a draft.
var ErrScreenFailed = errors.New("the screen failed")

// Run runs the interface until the associate quits, the terminal closes
// (SIGHUP), the program is told to stop (SIGTERM) or ctx ends. Whatever
// ends it, the text being typed is saved as a draft before Run returns.
func Run(ctx context.Context, opt Options, progOpts ...tea.ProgramOption) error {
	keeper := newDraftKeeper()
	m := newModel(opt, keeper)
	defer m.clients.find.close()
	return run(ctx, m, opt, keeper, os.Stderr, progOpts...)
}

// run runs model m (the root, or a test's wrapper of it) and saves the
// keeper's drafts when it ends, however it ends.
func run(ctx context.Context, m tea.Model, opt Options, keeper *draftKeeper, errOut io.Writer, progOpts ...tea.ProgramOption) (err error) {
	cat := i18n.New(opt.Lang)
	// SIGHUP (the terminal closed), SIGTERM and SIGINT end the program
	// through its context, and the drafts are saved after. Bubble Tea's own
	// handler is off: with both, a SIGTERM can leave its handler blocked
	// sending a quit that nobody reads while the program shuts down (seen
	// with v2.0.10), and the process never exits.
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	defer func() {
		// A panic that escaped Bubble Tea's own recovery: keep the drafts
		// and say what happened.
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrScreenFailed, r)
			saveDrafts(keeper, opt, cat, errOut, true)
		}
	}()
	p := tea.NewProgram(m, append([]tea.ProgramOption{tea.WithContext(ctx), tea.WithoutSignalHandler()}, progOpts...)...)
	_, runErr := p.Run()
	crashed := errors.Is(runErr, tea.ErrProgramPanic)
	saveDrafts(keeper, opt, cat, errOut, crashed)
	switch {
	case runErr == nil:
		return nil
	case crashed:
		return fmt.Errorf("%w (%s)", ErrScreenFailed, cat.T(i18n.RunCrashed))
	case errors.Is(runErr, tea.ErrProgramKilled) && ctx.Err() != nil:
		// Ended by a signal or by the caller: not a failure.
		return nil
	}
	return runErr
}

// saveDrafts writes the drafts still in memory to the book and, when some
// were kept, tells the associate they will be offered next time.
func saveDrafts(keeper *draftKeeper, opt Options, cat *i18n.Catalog, errOut io.Writer, crashed bool) {
	pending := keeper.Pending()
	if err := keeper.Flush(opt.Book); err != nil {
		fmt.Fprintln(errOut, "vipbook: "+cat.T(i18n.RunDraftLost, err))
		return
	}
	if len(pending) > 0 || crashed {
		if len(pending) > 0 {
			fmt.Fprintln(errOut, "vipbook: "+cat.T(i18n.RunDraftKept))
		}
	}
}
