package cli

import (
	"github.com/vipbook/vipbook/i18n"

	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/store"
)

// checkCommands is `vipbook check`: the whole book read and checked.
func checkCommands(a *App) []*cobra.Command { return []*cobra.Command{checkCmd(a)} }

func checkCmd(a *App) *cobra.Command {
	var jsonOut, repair bool
	cmd := &cobra.Command{
		Use:  "check",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if repair {
				// A writable open finishes what a killed vipbook left
				// half done (store.Open): an erasure's compaction, the
				// temporary copies.
				b, err := a.openBook(false)
				if err != nil {
					return err
				}
				b.Close()
				// A client's record found damaged (its seal) is put back
				// from the newest backup holding a sound one.
				salvaged, err := store.SalvageClients(a.BookPath, a.waiting)
				if err != nil {
					return a.said(book.Classify(err))
				}
				for _, s := range salvaged {
					if s.Kind != "client" {
						kind := a.cat().T(recordKinds[s.Kind])
						if s.From == "" {
							a.printf("%s\n", a.cat().T(i18n.CliCheckNoSalvageRecord, kind, s.Record, s.ID))
							continue
						}
						a.printf("%s\n", a.cat().T(i18n.CliCheckSalvagedRecord, kind, s.Record, s.ID, s.Name, s.From, s.Day.Format("2006-01-02 15:04")))
						continue
					}
					if s.From == "" {
						a.printf("%s\n", a.cat().T(i18n.CliCheckNoSalvage, s.ID))
						continue
					}
					a.printf("%s\n", a.cat().T(i18n.CliCheckSalvaged, s.ID, s.Name, s.From, s.Day.Format("2006-01-02 15:04")))
				}
				if err := store.RepairIndexes(a.BookPath, a.waiting); err != nil {
					return a.said(book.Classify(err))
				}
			}
			rep, err := store.Check(a.BookPath, a.waiting)
			if err != nil {
				return a.said(book.Classify(err))
			}
			if rep.Problems == nil {
				rep.Problems, rep.Findings = []string{}, []store.Finding{}
			}
			if jsonOut {
				if err := a.printJSON(struct {
					Sound bool `json:"sound"`
					store.Report
				}{rep.Sound(), rep}); err != nil {
					return err
				}
			} else {
				writeCheck(a, rep)
			}
			if !rep.Sound() {
				return usageErr("%s", a.cat().T(i18n.CliCheckDamaged, rep.Path, a.count(i18n.CliCountProblems, len(rep.Problems))))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	cmd.Flags().BoolVar(&repair, "repair", false, "")
	return cmd
}

// recordKinds words the kinds of a client's records check --repair
// names (store.Salvaged's Kind).
var recordKinds = map[string]i18n.Key{
	"note": i18n.CliRecordNote, "purchase": i18n.CliRecordPurchase, "task": i18n.CliRecordTask,
	"appointment": i18n.CliRecordAppointment, "request": i18n.CliRecordRequest,
}

// writeCheck prints a check's report as text.
func writeCheck(a *App, rep store.Report) {
	l := func(k i18n.Key, args ...any) string { return say(a.Lang, k, args...) }
	size := sizeText(rep.Size)
	if rep.Sound() {
		a.printf("%s\n", l(i18n.CliCheckSound, a.count(i18n.CliCountClients, rep.Clients), a.count(i18n.CliCountNotes, rep.Notes),
			a.count(i18n.CliCountPurchases, rep.Purchases), a.count(i18n.CliCountTasks, rep.Tasks), size, rep.Pages))
		if rep.Removed > 0 {
			// The tombstones of removed notes and purchases (store.Report.Removed).
			a.printf("%s\n", l(i18n.CliCheckRemoved, a.count(i18n.CliCountRemoved, rep.Removed)))
		}
		for i, n := range rep.Notices {
			if i < len(rep.NoticeFindings) {
				f := rep.NoticeFindings[i]
				n = a.cat().Finding(i18n.Finding{Code: f.Code, Args: f.Args, Text: n})
			}
			a.printf("  %s\n", n)
		}
		if rep.EraseUnfinished {
			a.printf("%s\n", l(i18n.CliCheckEraseUnfinished))
		}
		return
	}
	a.printf(l(i18n.CliCheckTheBookAtIsDamaged), rep.Path, size)
	for _, p := range rep.Problems {
		// Said in the associate's language from the problem's code.
		f, _ := rep.FindingOf(p)
		a.printf("  - %s\n", a.cat().Finding(i18n.Finding{Code: f.Code, Args: f.Args, Text: p}))
	}
	a.printf("\n%s\n", l(i18n.CliCheckWhatToDo))
}
