package cli

import "github.com/spf13/cobra"

// engineCommands are the clienteling engine's commands (message, ...).
func engineCommands(a *App) []*cobra.Command { return nil }
