package cli

import (
	"errors"
	"os"

	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/demo"
	"github.com/vipbook/vipbook/store"
)

func demoCommands(a *App) []*cobra.Command {
	var clients int
	var seed uint64
	var date string
	cmd := &cobra.Command{
		Use:   "demo [--clients N] [--seed S]",
		Short: "Write a realistic demo book (refuses to overwrite a real book)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := a.parseDay(date, "--date")
			if err != nil {
				return err
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
	cmd.Flags().IntVar(&clients, "clients", demo.DefaultClients, "how many clients")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "the same seed gives the same book")
	cmd.Flags().StringVar(&date, "date", "", "the day the book is as of (default today)")
	return []*cobra.Command{cmd}
}

// writeDemo writes a demo book at the app's book path. It builds the book
// in a temporary file next to it and renames it into place, so a failed or
// interrupted run leaves no half-written book; it refuses to replace a book
// that is not a demo.
func writeDemo(a *App, opt demo.Options) (demo.Result, error) {
	if store.Exists(a.BookPath) {
		b, err := store.Open(a.BookPath, store.Options{ReadOnly: true})
		if err != nil {
			return demo.Result{}, err
		}
		isDemo := b.Meta().Demo
		b.Close()
		if !isDemo {
			return demo.Result{}, demo.ErrNotDemo
		}
	}
	tmp := a.BookPath + ".demo-tmp"
	_ = os.Remove(tmp)
	b, err := store.Init(tmp, store.Meta{Associate: "Li Na", Store: "Shanghai IFC", Demo: true},
		store.Options{NoSync: true, Now: a.Now})
	if err != nil {
		return demo.Result{}, err
	}
	res, err := demo.Generate(b, opt)
	if err == nil {
		err = b.Sync()
	}
	if cerr := b.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return res, err
	}
	if err := os.Rename(tmp, a.BookPath); err != nil {
		os.Remove(tmp)
		return res, errors.Join(errors.New("could not put the demo book in place"), err)
	}
	return res, nil
}
