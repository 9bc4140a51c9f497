package cli

import "github.com/spf13/cobra"

func demoCommands(a *App) []*cobra.Command { return nil }
