package cli

import (
	"strings"

	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
)

// mergeCmd is `vipbook merge CLIENT INTO-CLIENT`: two records of one
// person become one. CLIENT is merged away into INTO-CLIENT, who stays;
// the report (and --dry-run) says what moves, what the kept client takes
// and which of its values it keeps over CLIENT's.
func mergeCmd(a *App) *cobra.Command {
	var dry, asJSON, yes bool
	cmd := &cobra.Command{
		Use:  "merge CLIENT INTO-CLIENT",
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			cat := a.cat()
			return a.withWritable(func(b *book.Book) error {
				var other, keep string
				err := b.View(func(tx *store.Tx) error {
					o, err := resolveClient(tx, args[0])
					if err != nil {
						return err
					}
					k, err := resolveClient(tx, args[1])
					if err != nil {
						return err
					}
					other, keep = o.ID, k.ID
					return nil
				})
				if err != nil {
					return err
				}
				ask := !dry && !yes && !asJSON
				rep, err := b.MergeClients(keep, other, dry || ask)
				if err != nil {
					return err
				}
				if ask {
					printMerge(a, cat, rep, b.Meta().Currency)
					line, err := a.ask(cat.T(i18n.CliMergeConfirm, rep.Other.ID))
					if err != nil {
						return err
					}
					if line != rep.Other.ID {
						return usageErr("%s", cat.T(i18n.CliMergeStopped))
					}
					if rep, err = b.MergeClients(keep, other, false); err != nil {
						return err
					}
				}
				if asJSON {
					return a.printJSON(rep)
				}
				printMerge(a, cat, rep, b.Meta().Currency)
				if dry {
					a.printf("%s\n", cat.T(i18n.CliMergeDryRun))
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&dry, "dry-run", false, "")
	cmd.Flags().BoolVar(&asJSON, "json", false, "")
	cmd.Flags().BoolVar(&yes, "yes", false, "")
	return cmd
}

// printMerge writes what a merge did or would do.
func printMerge(a *App, cat *i18n.Catalog, rep *book.MergeReport, currency string) {
	head := i18n.CliMergeDone
	if rep.DryRun {
		head = i18n.CliMergeWould
	}
	a.printf("%s\n", cat.T(head, rep.Other.Name, rep.Other.ID, rep.Keep.Name, rep.Keep.ID))
	a.printf("%s\n", cat.T(i18n.CliMergeMoves, book.MovedText(cat, rep.Moved)))
	if ch := cat.Changes(rep.Takes, nil); len(ch) > 0 {
		sep := ", "
		if cat.IsChinese() {
			sep = "，"
		}
		a.printf("%s\n", cat.T(i18n.CliMergeTakes, strings.Join(ch, sep)))
	}
	if k := book.KeptText(cat, rep.Kept); k != "" {
		a.printf("%s\n", cat.T(i18n.CliMergeKeeps, k))
	}
	if rep.DoNotContact {
		a.printf("%s\n", cat.T(i18n.CliMergeDNC, rep.Other.Name))
	}
	if rep.Cancelled > 0 {
		a.printf("%s\n", cat.N(i18n.CliMergeCancelled, rep.Cancelled, rep.Cancelled))
	}
	a.printf("%s\n", cat.T(i18n.CliMergeSpend, money(rep.Keep.Stats.Last12, currency), money(rep.Stats.Last12, currency)))
	if rep.Keep.Tier != rep.Tier {
		a.printf("%s\n", cat.T(i18n.CliMergeTier, rep.Keep.Tier, rep.Tier))
	}
	a.printf("%s\n", cat.T(i18n.CliMergeAlias, rep.Other.ID, rep.Keep.Name))
}
