package cli

import "github.com/spf13/cobra"

// runTUI opens the book in the terminal UI on today's briefing.
func runTUI(a *App, cmd *cobra.Command) error { return runBrief(a, briefOptions{}) }
