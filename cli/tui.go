package cli

import (
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tui"
)

// runTUI opens the book in the terminal UI on today's briefing. When
// stdin or stdout is not a terminal (a pipe, a script, a cron job) it
// prints the briefing as text instead.
func runTUI(a *App, cmd *cobra.Command) error {
	if !isTerminal(a.Stdout) || !isTerminal(a.Stdin) {
		return runBrief(a, briefOptions{})
	}
	cfg, err := loadConfig("")
	if err != nil {
		return err
	}
	return a.withBook(false, func(b *store.Book) error {
		return tui.Run(cmd.Context(), tui.Options{Book: b, Lang: a.Lang, Now: a.Now, Config: &cfg})
	})
}

// isTerminal reports whether v is a terminal.
func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
