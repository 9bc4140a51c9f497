package cli

import "github.com/spf13/cobra"

func bookCommands(a *App) []*cobra.Command  { return nil }
func taskCommands(a *App) []*cobra.Command  { return nil }
func briefCommands(a *App) []*cobra.Command { return nil }
func demoCommands(a *App) []*cobra.Command  { return nil }

type briefOptions struct{}

func runBrief(a *App, o briefOptions) error { return nil }
