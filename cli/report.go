package cli

import "github.com/spf13/cobra"

// reportCommands are the commands about value: report (the ten questions), tiers.
func reportCommands(a *App) []*cobra.Command { return nil }
