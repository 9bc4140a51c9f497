package cli

import (
	"errors"

	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/demo"
	"github.com/vipbook/vipbook/i18n"
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
				return a.usage(i18n.UsageDemoClients)
			}
			res, err := writeDemo(a, demo.Options{Clients: clients, Seed: seed, Today: day, Loc: a.Now().Location()})
			switch {
			case errors.Is(err, demo.ErrNotDemo):
				return errors.New(a.cat().T(i18n.ErrDemoRealBook, a.BookPath))
			case errors.Is(err, demo.ErrDemoUsed):
				return errors.New(a.cat().T(i18n.ErrDemoUsed, a.BookPath))
			case err != nil:
				return err
			}
			a.printf("%s\n", a.cat().T(i18n.DemoWritten, a.BookPath, res.Clients, res.Notes, res.Purchases, res.Tasks, res.Appointments))
			if res.Backup != "" {
				a.printf("%s\n", a.cat().T(i18n.DemoBackupKept, res.Backup))
			}
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

// isDemoBook reports whether the book at path is one vipbook demo wrote.
func isDemoBook(path string) bool {
	if !store.Exists(path) {
		return false
	}
	b, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return false
	}
	defer b.Close()
	return b.Meta().Demo
}
