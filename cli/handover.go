package cli

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/vipbook/vipbook/i18n"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/handover"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/merge"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// handoverCommands hand a book (or part of it) to a colleague: handover
// export and import, and purge, which erases what a handover archived.
func handoverCommands(a *App) []*cobra.Command {
	cmd := &cobra.Command{
		Use:  "handover",
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(handoverExportCmd(a), handoverImportCmd(a), handoverLogCmd(a))
	return []*cobra.Command{cmd, purgeCmd(a)}
}

func handoverExportCmd(a *App) *cobra.Command {
	var all, release, allMatches, force bool
	var query, tier, to, out, passFile string
	cmd := &cobra.Command{
		Use:  "export (--all | --clients QUERY | --tier T) -o FILE [--to NAME] [--release [--force]]",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			chosen := 0
			for _, on := range []bool{all, query != "", tier != ""} {
				if on {
					chosen++
				}
			}
			if chosen != 1 {
				return a.usage(i18n.UsageHandoverWhich)
			}
			if out == "" {
				return a.usage(i18n.UsageHandoverOut)
			}
			if _, err := os.Lstat(out); err == nil {
				return a.usage(i18n.UsageFileExists, out)
			}
			// Marking clients handed over and passing their tasks on calls
			// for no follow-up: HandOver runs no rules.
			b, err := a.openBook(false)
			if err != nil {
				return err
			}
			defer b.Close()
			ids, err := a.chooseClients(b, all, query, tier, allMatches)
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				return usageErr("%s", say(a.Lang, i18n.CliHandoverNoClientIsChosenNothingTo))
			}
			pass, err := a.passphrase(passFile, true)
			if err != nil {
				return err
			}
			// One big transaction marking every client, then the process
			// ends.
			defer collectorForBatch(batchWrite, 0)()
			res, err := b.HandOver(ids, out, handover.ExportOptions{To: to, Release: release, Force: force, Passphrase: pass, Lang: a.Lang})
			if err != nil && (!release || !errors.Is(err, store.ErrNotCompacted)) {
				return a.said(err)
			}
			compacted := !errors.Is(err, store.ErrNotCompacted)
			if !compacted {
				err = nil // said in writeExport; the next writable open compacts
			}
			a.writeExport(res, release, compacted)
			if release {
				// The app's drafts and last message, outside the book.
				if ferr := forgetFallbackDrafts(b, ids...); ferr != nil && err == nil {
					err = ferr
				}
				if kept := store.Copies(b.Path()); len(kept) > 0 {
					a.printf("%s\n", say(a.Lang, i18n.HoOutStillHeld))
					for _, k := range kept {
						a.printf("  %s\n", k)
					}
				}
			}
			if err != nil {
				return a.said(err)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "")
	cmd.Flags().StringVar(&query, "clients", "", "")
	cmd.Flags().StringVar(&tier, "tier", "", "")
	cmd.Flags().StringVar(&to, "to", "", "")
	cmd.Flags().StringVarP(&out, "output", "o", "", "")
	cmd.Flags().StringVar(&passFile, "passphrase-file", "", "")
	cmd.Flags().BoolVar(&release, "release", false, "")
	cmd.Flags().BoolVar(&allMatches, "all-matches", false, "")
	cmd.Flags().BoolVar(&force, "force", false, "")
	return cmd
}

// chooseClients returns the ids of the active clients that --all,
// --clients or --tier choose (book.ChooseClients), in id order. A
// --clients that finds two clients of one name (two 王小明) is ambiguous,
// as for show: the matches are listed and the associate names the one by
// its id or phone, or says --all-matches.
func (a *App) chooseClients(b *book.Book, all bool, query, tier string, allMatches bool) ([]string, error) {
	if !all && query == "" {
		if _, err := a.config(); err != nil {
			return nil, err // the tiers come from the config
		}
	}
	sums, err := b.ChooseClients(book.Choice{All: all, Query: query, Tier: tier})
	if err != nil {
		return nil, a.said(err)
	}
	if query != "" && !allMatches {
		if same := sameNamed(sums); len(same) > 0 {
			var lines strings.Builder
			for _, h := range same {
				phone := ""
				if len(h.Phones) > 0 {
					phone = profile.FormatPhone("+"+h.Phones[0], b.Meta().CountryCode)
				}
				fmt.Fprintf(&lines, "  %s  %s  %s\n", h.ID, pad(termsafe.Line(h.DisplayName()), 16), phone)
			}
			return nil, wordsErr{i18n.UsageHandoverSameName, []any{len(same), query, strings.TrimRight(lines.String(), "\n")}}
		}
	}
	ids := make([]string, len(sums))
	for i := range sums {
		ids[i] = sums[i].ID
	}
	return ids, nil
}

// sameNamed returns the clients of sums whose name another of them
// shares, in order; nil when every name is one client's.
func sameNamed(sums []profile.Summary) []profile.Summary {
	n := map[string]int{}
	for i := range sums {
		n[merge.NormalizeName(sums[i].DisplayName())]++
	}
	var out []profile.Summary
	for i := range sums {
		if n[merge.NormalizeName(sums[i].DisplayName())] > 1 {
			out = append(out, sums[i])
		}
	}
	return out
}

func (a *App) writeExport(res handover.ExportResult, release, compacted bool) {
	l := func(k i18n.Key, args ...any) string { return say(a.Lang, k, args...) }
	c := res.Counts
	to := res.Header.To
	if to == "" {
		to = l(i18n.CliHandoverAColleague)
	}
	a.printf("%s\n", l(i18n.CliHandoverHandedOver, a.count(i18n.CliCountClients, c.Clients), to, a.count(i18n.CliCountNotes, c.Notes),
		a.count(i18n.CliCountPurchases, c.Purchases), a.count(i18n.CliCountOpenTasks, c.Tasks), a.count(i18n.CliCountAppointments, c.Appointments),
		a.count(i18n.CliCountRequests, c.Requests)))
	a.printf(l(i18n.CliHandoverBundleEncryptedId), res.Path, res.Header.ID)
	switch {
	case release && compacted:
		a.printf("%s\n", l(i18n.HoOutReleased))
	case release:
		a.printf("%s\n%s\n", l(i18n.HoReleased), l(i18n.HoNotCompacted))
	default:
		a.printf("%s\n", l(i18n.CliHandoverTheyStayInThisBookMarked))
	}
	if res.TasksPassed > 0 {
		a.printf("%s\n", l(i18n.CliHandoverWentWith, a.count(i18n.CliCountOpenTasks, res.TasksPassed)))
	}
	a.printf("%s\n", l(i18n.CliHandoverGiveTheFileAndSeparatelyThe))
}

func handoverImportCmd(a *App) *cobra.Command {
	var dryRun, jsonOut, allowErased, force bool
	var passFile string
	cmd := &cobra.Command{
		Use:  "import FILE [--dry-run]",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			file := args[0]
			f, err := os.Open(file)
			if err != nil {
				return a.cannot(i18n.UsageCannotRead, file, err)
			}
			defer f.Close()
			st, err := f.Stat()
			if err != nil {
				return err
			}
			pass, err := a.passphrase(passFile, false)
			if err != nil {
				return err
			}
			if !store.Exists(a.BookPath) {
				return a.said(store.ErrNoBook)
			}
			held, _ := os.Stat(a.BookPath)
			// The history arrives as it was: ReceiveFile runs no rules (an
			// old purchase does not start a new thank-you rhythm). Map ahead
			// for the growth, so bbolt does not re-map at every doubling.
			b, err := a.openBookSized(int(held.Size() + 4*st.Size()))
			if err != nil {
				return err
			}
			defer b.Close()
			// The bundle is read while it is imported; the transaction
			// commits only once all of it is read and sound. The import holds
			// the whole history in memory for one transaction, and this
			// process ends right after.
			defer collectorForBatch(batchWrite, 0)()
			opt := handover.ImportOptions{Lang: a.Lang, AllowErased: allowErased, Despite: force}
			rep, err := b.ReceiveFile(f, pass, opt, dryRun)
			var likely *handover.LikelyError
			if errors.As(err, &likely) && isTerminal(a.Stdin) {
				// Asked, as add asks: the pairs, then yes or no.
				a.printf("%s\n", i18n.New(a.Lang).Error(err))
				line, aerr := a.ask(say(a.Lang, i18n.HoAskLikely))
				if aerr != nil {
					return aerr
				}
				if confirmed(line) {
					if _, serr := f.Seek(0, io.SeekStart); serr != nil {
						return serr
					}
					opt.Despite = true
					rep, err = b.ReceiveFile(f, pass, opt, dryRun)
				}
			}
			for _, e := range []error{handover.ErrDamaged, handover.ErrWrongPassphrase, handover.ErrNotBundle, handover.ErrNewerBundle} {
				if errors.Is(err, e) {
					return fmt.Errorf("%s: %w", file, err)
				}
			}
			if err != nil {
				return a.said(err)
			}
			if jsonOut {
				return a.printJSON(rep)
			}
			a.writeImport(rep)
			return nil
		},
	}
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "")
	cmd.Flags().StringVar(&passFile, "passphrase-file", "", "")
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	cmd.Flags().BoolVar(&allowErased, "allow-erased", false, "")
	cmd.Flags().BoolVar(&force, "force", false, "")
	return cmd
}

// importListed is how many new or unchanged clients the text report names
// before counting the rest; merged ones are all shown.
const importListed = 20

func (a *App) writeImport(r *handover.Report) {
	l := func(k i18n.Key, args ...any) string { return say(a.Lang, k, args...) }
	h := r.Header
	from := h.From.Associate
	if h.From.Store != "" {
		from = l(i18n.CliHandoverStoreName, from, h.From.Store)
	}
	a.printf(l(i18n.CliHandoverBundleFromMade), h.ID, from, h.Created.Format("2006-01-02 15:04"))
	if h.To != "" {
		a.printf(l(i18n.CliHandoverFor), h.To)
	}
	a.printf("%s\n", l(i18n.CliHandoverClients, a.count(i18n.CliCountClients, h.Clients)))
	for _, w := range r.Warnings {
		a.printf(l(i18n.CliHandoverNote), w)
	}
	shown := map[handover.Action]int{}
	hidden := map[handover.Action]int{}
	for _, it := range r.Items {
		if it.Action == handover.Erased {
			// Every one is named: the associate must see who stayed out.
			a.printf("  %s %s\n", pad(it.Name, 20), l(i18n.ImportErased, it.ErasedOn))
			continue
		}
		if it.Action != handover.Merged && len(it.Likely) == 0 && shown[it.Action] >= importListed {
			hidden[it.Action]++
			continue
		}
		shown[it.Action]++
		var act string
		switch it.Action {
		case handover.Added:
			act = l(i18n.CliInterchangeNew)
		case handover.Merged:
			act = l(i18n.CliHandoverMerge)
		default:
			act = l(i18n.CliHandoverSame)
		}
		line := "  " + pad(act, 7) + " " + pad(it.Name, 20) + " " + it.ID
		if it.By != "" {
			line += l(i18n.CliHandoverMatchedBy) + matchReason(a.Lang, string(it.By))
		}
		if it.Reactivated {
			line += l(i18n.CliHandoverBackFromTheArchive)
		}
		if it.DoNotContact {
			line += "  [DNC]"
		}
		a.printf("%s\n", line)
		for _, lk := range it.Likely {
			a.printf("%s\n", l(i18n.HoLikelyLine, lk.Name, lk.ID, orDash(lk.Phone)))
		}
		for _, c := range it.Conflicts {
			a.printf(l(i18n.CliHandoverKeptInTheHistory),
				c.Field, c.Loser(), c.Winner(), c.Loser())
		}
		if len(it.Others) > 0 {
			a.printf(l(i18n.CliHandoverAlsoMatchesCheckForDuplicates), strings.Join(it.Others, ", "))
		}
	}
	for act, n := range hidden {
		if n > 0 {
			a.printf(l(i18n.CliHandoverAndMore), n, map[handover.Action]string{
				handover.Added: l(i18n.CliInterchangeNew), handover.Unchanged: l(i18n.CliHandoverUnchanged)}[act])
		}
	}
	ad := r.Added
	a.printf("%s\n", l(i18n.CliHandoverCounts, r.New, r.Merged, r.Unchanged, a.count(i18n.CliCountConflicts, r.Conflicts),
		a.count(i18n.CliCountNotes, ad.Notes), a.count(i18n.CliCountPurchases, ad.Purchases), a.count(i18n.CliCountTasks, ad.Tasks),
		a.count(i18n.CliCountAppointments, ad.Appointments), a.count(i18n.CliCountRequests, ad.Requests), a.count(i18n.CliCountIntroduce, r.Introduce)))
	if r.Likely > 0 && !r.DryRun {
		a.printf("%s\n", l(i18n.HoLikelyForced, r.Likely))
	}
	switch {
	case r.DryRun:
		a.printf("%s\n", l(i18n.CliHandoverDryRunNothingWasWrittenRun))
	case !r.Changes():
		a.printf("%s\n", l(i18n.CliHandoverNothingToDoThisBookAlready))
	default:
		a.printf("%s\n", l(i18n.CliHandoverImported))
	}
}

func matchReason(lang, by string) string {
	switch by {
	case "phone":
		return say(lang, i18n.CliHandoverPhone)
	case "email":
		return say(lang, i18n.CliHandoverEMail)
	case "name+birthday":
		return say(lang, i18n.CliHandoverNameAndBirthday)
	case "id+name":
		return say(lang, i18n.CliHandoverIdAndName)
	}
	return by
}

// passphrase reads the bundle's passphrase from file, or asks for it on the
// terminal without echo (twice when confirm, for a new bundle).
func (a *App) passphrase(file string, confirm bool) (string, error) {
	l := func(k i18n.Key, args ...any) string { return say(a.Lang, k, args...) }
	if file != "" {
		raw, err := os.ReadFile(file)
		if err != nil {
			return "", a.cannot(i18n.UsageCannotRead, file, err)
		}
		p := strings.TrimRight(string(raw), "\r\n")
		if p == "" {
			return "", a.usage(i18n.UsagePassphraseEmpty, file)
		}
		return p, nil
	}
	in, ok := a.Stdin.(*os.File)
	if !ok || !term.IsTerminal(in.Fd()) {
		return "", usageErr("%s", l(i18n.CliHandoverNoTerminalToAskThePassphrase))
	}
	ask := func(prompt string) (string, error) {
		fmt.Fprint(a.Stderr, prompt)
		raw, err := term.ReadPassword(in.Fd())
		fmt.Fprintln(a.Stderr)
		return string(bytes.TrimRight(raw, "\r\n")), err
	}
	p, err := ask(l(i18n.CliHandoverPassphrase))
	if err != nil {
		return "", err
	}
	if p == "" {
		return "", handover.ErrNoPassphrase
	}
	if confirm {
		if len([]rune(p)) < 8 {
			return "", usageErr("%s", l(i18n.CliHandoverThePassphraseIsTooShortUse))
		}
		again, err := ask(l(i18n.CliHandoverPassphraseAgain))
		if err != nil {
			return "", err
		}
		if again != p {
			return "", usageErr("%s", l(i18n.CliHandoverTheTwoPassphrasesDifferNothingWas))
		}
	}
	return p, nil
}

func purgeCmd(a *App) *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:  "purge --yes",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := func(k i18n.Key, args ...any) string { return say(a.Lang, k, args...) }
			return a.withWritable(func(b *book.Book) error {
				var gone []profile.Summary
				err := b.View(func(tx *store.Tx) error {
					sums, err := tx.Summaries()
					if err != nil {
						return err
					}
					for _, s := range sums {
						if s.Status == profile.Archived {
							gone = append(gone, s)
						}
					}
					if len(gone) == 0 {
						a.printf("%s\n", l(i18n.CliHandoverNoArchivedClientNothingToPurge))
						return nil
					}
					if !yes {
						a.printf(l(i18n.CliHandoverArchivedClientsWouldBeErasedFor), len(gone))
						for i, s := range gone {
							if i == 10 {
								a.printf(l(i18n.CliHandoverAndMore2), len(gone)-10)
								break
							}
							a.printf("  %s  %s\n", s.ID, s.DisplayName())
						}
						return usageErr("%s", l(i18n.CliHandoverAddYesToEraseThem))
					}
					return nil
				})
				if err != nil || !yes || len(gone) == 0 {
					return err
				}
				ids := make([]string, len(gone))
				for i, s := range gone {
					ids[i] = s.ID
				}
				records, err := b.Erase(ids...)
				compacted, err := erasedYet(err)
				if err != nil {
					return err
				}
				if err := forgetFallbackDrafts(b, ids...); err != nil {
					return err
				}
				if compacted {
					a.printf(l(i18n.CliHandoverErasedArchivedClientsRecordsTheBook), len(gone), records)
				} else {
					a.printf(l(i18n.CliHandoverErasedArchivedNotCompacted), len(gone), records)
					a.printf("%s\n", l(i18n.HoNotCompacted))
				}
				a.printf("%s\n", l(i18n.CliHandoverOlderBackupsAndCopiesOfThe))
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&yes, "yes", false, "")
	return cmd
}

// handoverLogCmd lists the handovers the book made: when, how many clients,
// to whom, the bundle, whether released. It names no client: that is all a
// giving book keeps of the clients it released.
func handoverLogCmd(a *App) *cobra.Command {
	var jsonOut bool
	cmd := &cobra.Command{
		Use:  "log [--json]",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			b, err := a.openBook(true)
			if err != nil {
				return err
			}
			defer b.Close()
			var lines []store.HandoverLine
			if err := b.View(func(tx *store.Tx) error { lines = tx.Handovers(); return nil }); err != nil {
				return a.said(err)
			}
			if jsonOut {
				if lines == nil {
					lines = []store.HandoverLine{}
				}
				return a.printJSON(lines)
			}
			if len(lines) == 0 {
				a.printf("%s\n", say(a.Lang, i18n.HoLogNone))
				return nil
			}
			for _, h := range lines {
				to := h.To
				if to == "" {
					to = say(a.Lang, i18n.CliHandoverAColleague)
				}
				line := say(a.Lang, i18n.HoLogLine, h.At.Local().Format("2006-01-02 15:04"), a.count(i18n.CliCountClients, h.Clients), to, h.Bundle)
				if h.Released {
					line += say(a.Lang, i18n.HoLogReleased)
				}
				a.printf("%s\n", line)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	return cmd
}
