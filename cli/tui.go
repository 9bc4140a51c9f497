package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tui"
)

// runTUI opens the book in the terminal UI on today's briefing. When
// stdin or stdout is not a terminal (a pipe, a script, a cron job) it
// prints the briefing as text instead. A book whose file cannot be written
// (chmod 0400) opens read-only: the interface says so in a banner and
// keeps whatever is typed (as drafts in a fallback file) instead of
// refusing to start.
func runTUI(a *App, cmd *cobra.Command) error {
	if !isTerminal(a.Stdout) || !isTerminal(a.Stdin) {
		return runBrief(a, briefOptions{})
	}
	cfg, err := a.config()
	if err != nil {
		return err
	}
	readOnly := false
	// The app stays open all day: it holds the book only while it reads or
	// writes, so vipbook in another terminal works beside it. The open
	// runs under tui.Prepare, which says what the one-time work of a book
	// an older vipbook wrote is doing (minutes on a big book), and what
	// the open waits for; the warnings the open prints wait until then.
	stderr := a.Stderr
	var warned bytes.Buffer
	a.Stderr = &warned
	b, err := tui.Prepare(cmd.Context(), tui.Opening{Lang: a.Lang, Open: func(told func(tui.Progress)) (*book.Book, error) {
		o := book.Options{Shared: true,
			Waiting:   func() { told(tui.Progress{Waiting: a.waitingText()}) },
			Preparing: func(p store.Prep) { told(tui.Progress{Prep: p}) }}
		b, err := a.openBookAs(o)
		if errors.Is(err, store.ErrReadOnlyFile) {
			readOnly, o.ReadOnly = true, true
			b, err = a.openBookAs(o)
		}
		return b, err
	}})
	if errors.Is(err, tui.ErrPrepareStopped) {
		// The open goes on until the process ends: a.Stderr stays its.
		fmt.Fprintln(stderr, a.cat().T(i18n.PrepStopping))
		return nil
	}
	a.Stderr = stderr
	_, _ = io.Copy(stderr, &warned)
	if err != nil {
		return err
	}
	defer b.Close()
	return tui.Run(cmd.Context(), tui.Options{Book: b, Lang: a.Lang, Now: a.Now, Config: &cfg, ConfigPath: a.ConfigPath, ReadOnly: readOnly, AutoBackup: true})
}

// isTerminal reports whether v (or the stream a sanitising writer wraps)
// is a terminal.
func isTerminal(v any) bool {
	_, ok := terminalFile(v)
	return ok
}

// terminalFile returns the terminal behind v: v itself, or the stream a
// termsafe.Writer passes its text to.
func terminalFile(v any) (*os.File, bool) {
	if u, ok := v.(interface{ Unwrap() io.Writer }); ok {
		v = u.Unwrap()
	}
	f, ok := v.(*os.File)
	return f, ok && term.IsTerminal(f.Fd())
}
