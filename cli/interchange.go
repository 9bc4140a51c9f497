package cli

import "github.com/spf13/cobra"

// interchangeCommands are import and export of contact lists.
func interchangeCommands(a *App) []*cobra.Command { return nil }
