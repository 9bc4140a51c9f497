package cli

import (
	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/demo"
	"github.com/vipbook/vipbook/store"
)

func demoCommands(a *App) []*cobra.Command {
	var clients int
	var seed uint64
	var date string
	var ifMissing bool
	cmd := &cobra.Command{
		Use:  "demo [--clients N] [--seed S]",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := a.parseDay(date, "--date")
			if err != nil {
				return err
			}
			if ifMissing && store.Exists(a.BookPath) {
				return nil
			}
			if clients < 1 || clients > 2_000_000 {
				return usageErr("--clients is between 1 and 2,000,000")
			}
			res, err := writeDemo(a, demo.Options{Clients: clients, Seed: seed, Today: day, Loc: a.Now().Location()})
			if err != nil {
				return err
			}
			a.printf("Wrote a demo book at %s: %d clients, %d notes, %d purchases, %d tasks, %d appointments\n",
				a.BookPath, res.Clients, res.Notes, res.Purchases, res.Tasks, res.Appointments)
			return nil
		},
	}
	cmd.Flags().IntVar(&clients, "clients", demo.DefaultClients, "")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "")
	cmd.Flags().StringVar(&date, "date", "", "")
	cmd.Flags().BoolVar(&ifMissing, "if-missing", false, "")
	return []*cobra.Command{cmd}
}

// writeDemo writes a demo book at the app's book path.
func writeDemo(a *App, opt demo.Options) (demo.Result, error) {
	return demo.WriteFile(a.BookPath, opt, a.Now)
}
