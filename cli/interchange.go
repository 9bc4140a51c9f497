package cli

import (
	"errors"
	"fmt"
	"github.com/vipbook/vipbook/i18n"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/book"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/handover"
	"github.com/vipbook/vipbook/interchange"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/safefile"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/store"
)

// interchangeCommands are import and export of contact lists.
func interchangeCommands(a *App) []*cobra.Command {
	return []*cobra.Command{importCmd(a), exportCmd(a)}
}

// maxImportSize bounds what import reads into memory.
const maxImportSize = 256 << 20

func importCmd(a *App) *cobra.Command {
	var o struct {
		dryRun      bool
		allowErased bool
		maps        []string
		dateOrder   string
		json        bool
		encoding    string
		noHeader    bool
		region      string
	}
	cmd := &cobra.Command{
		Use:  "import FILE",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch o.dateOrder {
			case "", "dmy", "mdy":
			default:
				return a.usage(i18n.UsageDateOrder, o.dateOrder)
			}
			path := args[0]
			st, err := os.Stat(path)
			if err != nil {
				return a.cannot(i18n.UsageCannotRead, path, err)
			}
			if st.IsDir() {
				return a.usage(i18n.UsageIsFolder, path)
			}
			if st.Size() > maxImportSize {
				return a.usage(i18n.UsageTooBig, path, st.Size()>>20, maxImportSize>>20)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if interchange.IsExportJSON(data) {
				return a.importExportJSON(data, o.dryRun, o.json, o.allowErased)
			}
			return a.withImportBook(o.dryRun, st.Size(), func(b *book.Book) error {
				src, err := interchange.Parse(path, data, interchange.ParseOptions{Map: o.maps, DateOrder: o.dateOrder,
					CC: b.Meta().CountryCode, Encoding: o.encoding, NoHeader: o.noHeader, Region: o.region})
				switch {
				case errors.Is(err, interchange.ErrBadEncoding):
					return usageErr("%s", say(a.Lang, i18n.CliInterchangeBadEncoding, o.encoding))
				case errors.Is(err, interchange.ErrJCard):
					return usageErr("%s", say(a.Lang, i18n.CliInterchangeJCard, filepath.Base(path)))
				case err != nil:
					if src != nil && !o.json {
						writeSource(a.Stdout, src, a.Lang)
						writeSkipped(a.Stdout, src.Skipped, a.Lang)
					}
					return err
				}
				if !o.dryRun && src.EncodingUnsure() {
					return usageErr("%s", say(a.Lang, i18n.CliInterchangeEncodingUnsure, src.Name, src.Encoding, int(src.Confidence*100)))
				}
				popt := interchange.PlanOptions{SourceTime: st.ModTime(), AllowErased: o.allowErased}
				progress := func(int, int) {}
				if !o.dryRun {
					progress = a.progress(len(src.Records))
					// One transaction holding the whole file's clients,
					// then the process ends.
					var bookSize int64
					if held, err := os.Stat(a.BookPath); err == nil {
						bookSize = held.Size()
					}
					defer collectorForBatch(batchWrite, importLimit(st.Size(), len(src.Records), bookSize))()
				}
				plan, err := b.Import(src, popt, progress, o.dryRun)
				progress(-1, 0)
				if err != nil {
					return fmt.Errorf("%w; %s", err, say(a.Lang, i18n.CliInterchangeNothingWasImported))
				}
				if o.json {
					return a.printJSON(plan)
				}
				writePlan(a.Stdout, plan, o.dryRun, a.Lang)
				if o.dryRun {
					dups, err := b.ImportDuplicates(plan)
					if err != nil {
						return err
					}
					writeImportDuplicates(a, dups)
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "")
	cmd.Flags().BoolVar(&o.allowErased, "allow-erased", false, "")
	cmd.Flags().StringArrayVar(&o.maps, "map", nil, "")
	cmd.Flags().StringVar(&o.dateOrder, "date-order", "", "")
	cmd.Flags().BoolVar(&o.json, "json", false, "")
	cmd.Flags().StringVar(&o.encoding, "encoding", "", "")
	cmd.Flags().BoolVar(&o.noHeader, "no-header", false, "")
	// The file's country: numbers without a country code are its.
	cmd.Flags().StringVar(&o.region, "region", "", "")
	cmd.Flags().StringVar(&o.region, "country", "", "")
	return cmd
}

// importExportJSON reads vipbook's own JSON export back whole, as a
// handover of the associate's own clients: profiles, notes, purchases,
// tasks, appointments and requests, matched clients merged.
func (a *App) importExportJSON(data []byte, dryRun, asJSON, allowErased bool) error {
	ex, err := interchange.ReadJSON(data)
	if err != nil {
		return usageErr("%s", a.cat().Error(err))
	}
	// A preview runs the import and rolls it back: the book is opened for
	// writing either way.
	return a.withBookUse(false, func(b *book.Book) error {
		opt := handover.ImportOptions{Lang: a.Lang, Restore: true, AllowErased: allowErased}
		var rep *handover.Report
		if dryRun {
			rep, err = b.Preview(ex.Bundle(), opt)
		} else {
			rep, err = b.Receive(ex.Bundle(), opt)
		}
		if err != nil {
			return fmt.Errorf("%w; %s", err, say(a.Lang, i18n.CliInterchangeNothingWasImported))
		}
		if asJSON {
			return a.printJSON(rep)
		}
		a.writeImport(rep)
		return nil
	})
}

// withImportBook opens the book as withBook does; for writing, its memory
// map is sized for what a file of fileSize bytes adds (interchange.MapAhead),
// so a large import into a new book is not slowed by bbolt re-mapping.
func (a *App) withImportBook(dryRun bool, fileSize int64, fn func(b *book.Book) error) error {
	if dryRun {
		return a.withBookUse(true, fn)
	}
	var bookSize int64
	if st, err := os.Stat(a.BookPath); err == nil {
		bookSize = st.Size()
	}
	b, err := a.openBookSized(interchange.MapAhead(bookSize, fileSize))
	if err != nil {
		return err
	}
	defer b.Close()
	return fn(b)
}

// importHolds is about what an import of a file of size bytes read into
// records holds at its commit: twenty times the file (c10k.vcf, 7.5 MB
// with 82k notes: 123 MiB live at its last collection; c30k.vcf, 22.5 MB:
// 380 MiB), or 6 KB a record when that is more: a file of few fields a
// client holds 70-120 times its size (an 80k rows' CSV of names, phones
// and e-mails, 3.3 MB, about 5 KB a client).
// The book's own share is added: the plan reads and indexes every
// summary the book holds (100k clients: about 120 MB, live through the
// import, in a book file of about 700 MB), a quarter of the book's file.
func importHolds(size int64, records int, bookSize int64) int64 {
	return max(20*size, 6<<10*int64(records)) + bookSize/4
}

// importLimit is the soft memory limit of an import (collectorForBatch):
// above what it holds (importHolds), since a limit below the live heap
// makes the collector run without pause (an 80k rows' CSV took 12-13 s
// CPU instead of 4.4-5.1), and not far above, since the collector, lazy
// in a batch, lets the heap grow to the limit (c10k.vcf into a new book
// peaked at 290-300 MB under 300 MiB, at 214 MB under 1.4 times what it
// holds, for the same CPU). Into a new book the estimate is close (the
// live heap 73-85% of it over c10k.vcf, c30k.vcf and an 80k rows' CSV),
// and the limit is 1.4 times it. Into a book of clients, what the commit
// holds depends on how many of the book's pages the new clients' keys
// reach (into the 100k demo book, 1 GB: 67 MiB for 200 cards, 173 MiB
// for 3,000 rows, 864 MiB for 30,000): there the limit is twice the
// estimate, and at least writeLimit, as before (the 30,000 rows' live
// heap outgrows it, 835 MiB, in the import's last second, where the
// collector then runs without pause: 5.8 s CPU in all).
func importLimit(size int64, records int, bookSize int64) int64 {
	holds := importHolds(size, records, bookSize)
	if bookSize < newBook {
		return max(importFloor, holds*7/5)
	}
	return max(writeLimit, 2*holds)
}

// newBook is the size under which a book file is taken for a new one
// (`vipbook init` writes 32 KB) in importLimit.
const newBook = 4 << 20

// importFloor is the least soft memory limit of an import.
const importFloor = 128 << 20

// progress returns a function that shows how far an import is on stderr,
// when stderr is a terminal and the file is large; done < 0 clears it.
func (a *App) progress(total int) func(done, total int) {
	f, ok := terminalFile(a.Stderr)
	if !ok || total < 500 {
		return func(int, int) {}
	}
	return func(done, total int) {
		if done < 0 {
			fmt.Fprint(f, "\r\x1b[K")
			return
		}
		const width = 30
		fill := width * done / max(total, 1)
		fmt.Fprintf(f, "\r%s [%s%s] %d/%d", say(a.Lang, i18n.CliInterchangeImporting), strings.Repeat("=", fill), strings.Repeat(" ", width-fill), done, total)
	}
}

// writeSource prints how a file was read: format, encoding, delimiter and,
// for CSV, which column feeds which field.
func writeSource(w io.Writer, src *interchange.Source, lang string) {
	info := []string{src.Format}
	switch {
	case src.Encoding != "" && src.Confidence < 1:
		info = append(info, say(lang, i18n.CliInterchangeEncodingGuess, src.Encoding, int(src.Confidence*100)))
	case src.Encoding != "":
		info = append(info, src.Encoding)
	}
	if src.Delimiter != "" {
		sep := map[string]i18n.Key{"comma": i18n.CliInterchangeCommaSeparated, "semicolon": i18n.CliInterchangeSemicolonSeparated,
			"tab": i18n.CliInterchangeTabSeparated}
		if k, ok := sep[src.Delimiter]; ok {
			info = append(info, say(lang, k))
		} else {
			info = append(info, src.Delimiter)
		}
	}
	fmt.Fprintf(w, "%s: %s\n", src.Name, strings.Join(info, ", "))
	writePhoneRegions(w, src.PhoneRegions, lang)
	if m := src.Mapping; m != nil {
		fmt.Fprintln(w, say(lang, i18n.CliInterchangeColumns))
		wide := 0
		for _, c := range m.Columns {
			wide = max(wide, widthOf(c.Header))
		}
		for _, c := range m.Columns {
			extra := ""
			switch {
			case c.Field == interchange.FieldPhone && c.Label != "":
				extra = i18n.New(lang).Aside("", c.Label)
			case c.Field == interchange.FieldAddress:
				extra = say(lang, i18n.CliInterchangeKeptInANote)
			}
			if c.Manual {
				extra += " [--map]"
			}
			fmt.Fprintf(w, "  %s -> %s%s\n", pad(c.Header, wide), c.Field, extra)
		}
		if len(m.Unmapped) > 0 {
			fmt.Fprintf(w, "  %s %s\n", say(lang, i18n.CliInterchangeNotRead), strings.Join(m.Unmapped, ", "))
		}
		if hasDates(m) {
			order := map[string]string{"dmy": say(lang, i18n.CliInterchangeDayMonthYear), "mdy": say(lang, i18n.CliInterchangeMonthDayYear)}[m.DateOrder]
			if m.DateOrderGuessed {
				fmt.Fprintf(w, "  %s\n", say(lang, i18n.CliInterchangeDatesReadGuessed, order))
			} else {
				fmt.Fprintf(w, "  %s\n", say(lang, i18n.CliInterchangeDatesRead, order))
			}
		}
	}
}

// writePhoneRegions says in which regions the numbers written without a
// country code were read, each with a few of them as read and as stored.
func writePhoneRegions(w io.Writer, rs []interchange.PhoneRegion, lang string) {
	if len(rs) == 0 {
		return
	}
	from := map[string]i18n.Key{interchange.RegionFromBook: i18n.ImportRegionFromBook,
		interchange.RegionFromFlag: i18n.ImportRegionFromFlag, interchange.RegionFromFile: i18n.ImportRegionFromFile}
	fmt.Fprintln(w, say(lang, i18n.ImportRegions))
	for _, r := range rs {
		fmt.Fprintf(w, "  %s\n", say(lang, i18n.ImportRegionLine, r.Region, r.CC, say(lang, from[r.From]), r.Count))
		for _, e := range r.Examples {
			fmt.Fprintf(w, "    %s\n", say(lang, i18n.ImportRegionExample, e.Line, termsafe.Line(e.Raw), profile.FormatPhone(e.Stored, "")))
		}
	}
}

func hasDates(m *interchange.Mapping) bool {
	for _, c := range m.Columns {
		switch c.Field {
		case interchange.FieldBirthday, interchange.FieldAnniversary, interchange.FieldDate:
			return true
		}
	}
	return false
}

func widthOf(s string) int { return ansi.StringWidth(s) }

// listLimit is how many new or merged clients a report lists by name.
const listLimit = 20

// writePlan prints what an import did or, in a dry run, would do.
func writePlan(w io.Writer, p *interchange.Plan, dryRun bool, lang string) {
	writeSource(w, p.Source, lang)
	if dryRun {
		fmt.Fprintln(w, say(lang, i18n.CliInterchangeDryRunNothingWritten))
		if p.Source.EncodingUnsure() {
			fmt.Fprintln(w, say(lang, i18n.CliInterchangeEncodingUnsure, p.Source.Name, p.Source.Encoding, int(p.Source.Confidence*100)))
		}
	}
	heads := []string{say(lang, i18n.CliInterchangeImported), say(lang, i18n.CliInterchangeMerged), say(lang, i18n.CliInterchangeUnchanged), say(lang, i18n.CliInterchangeSkipped)}
	if dryRun {
		heads[0] = say(lang, i18n.CliInterchangeNew)
	}
	fmt.Fprintf(w, "%s %d, %s %d, %s %d, %s %d\n", heads[0], len(p.New), heads[1], len(p.Merged), heads[2], len(p.Unchanged), heads[3], len(p.Skipped))
	if len(p.New) > 0 {
		fmt.Fprintln(w, say(lang, i18n.CliInterchangeNewClients))
		for i, it := range p.New {
			if i == listLimit {
				fmt.Fprintf(w, "  %s\n", say(lang, i18n.CliInterchangeAndMore, len(p.New)-listLimit))
				break
			}
			fmt.Fprintf(w, "  %s%s%s\n", lineRef(it.Line, lang), it.Name, mergedLines(it.Lines, lang))
		}
	}
	if len(p.Merged) > 0 {
		fmt.Fprintln(w, say(lang, i18n.CliInterchangeMergedIntoClientsOfTheBook))
		for i, it := range p.Merged {
			if i == listLimit {
				fmt.Fprintf(w, "  %s\n", say(lang, i18n.CliInterchangeAndMore, len(p.Merged)-listLimit))
				break
			}
			cat := i18n.New(lang)
			by, changes := cat.MatchedBy(it.By, it.Key), cat.Changes(it.Diff, it.Kept)
			fmt.Fprintf(w, "  %s%s -> %s%s%s\n", lineRef(it.Line, lang), it.Name, it.Into,
				say(lang, i18n.CliInterchangeMatchedBy, it.ClientID, by), mergedLines(it.Lines, lang))
			if it.NewNotes > 0 {
				changes = append(changes, say(lang, i18n.CliInterchangeNote, it.NewNotes))
			}
			if len(changes) > 0 {
				fmt.Fprintf(w, "      %s\n", strings.Join(changes, say(lang, i18n.CliInterchangeText)))
			}
		}
	}
	writeSkipped(w, p.Skipped, lang)
	if len(p.Warnings) > 0 {
		fmt.Fprintln(w, say(lang, i18n.CliInterchangeTakenWithChanges))
		for _, x := range p.Warnings {
			fmt.Fprintf(w, "  %s%s%s%s\n", lineRef(x.Line, lang), x.Name, say(lang, i18n.CliInterchangeText2), i18n.New(lang).ImportNote(x.Code, x.Args...))
		}
	}
}

func lineRef(n int, lang string) string {
	return say(lang, i18n.CliInterchangeLine, n)
}

func mergedLines(lines []int, lang string) string {
	if len(lines) == 0 {
		return ""
	}
	var s []string
	for _, l := range lines {
		s = append(s, fmt.Sprint(l))
	}
	return say(lang, i18n.CliInterchangeWithLines, i18n.New(lang).List(s))
}

func exportCmd(a *App) *cobra.Command {
	var o struct {
		format, out, clients string
		headers              string
		bom, campaign, force bool
		special              bool
		years                int
	}
	cmd := &cobra.Command{
		Use:  "export -o FILE [--format vcf|csv|json|ics] [--clients QUERY]",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.out == "" {
				return a.usage(i18n.UsageExportOut)
			}
			if err := checkNewFile(a.Lang, o.out, o.force); err != nil {
				return err
			}
			format := strings.ToLower(o.format)
			if format == "" {
				format = strings.TrimPrefix(strings.ToLower(filepath.Ext(o.out)), ".")
				if format == "vcard" {
					format = "vcf"
				}
			}
			switch format {
			case "vcf", "csv", "json", "ics":
			default:
				return a.usage(i18n.UsageFormat, firstNonEmpty(o.format, filepath.Ext(o.out)))
			}
			// The CSV's header is in the session's language unless
			// --headers says which.
			headers := a.cat().Lang()
			switch h := strings.ToLower(strings.TrimSpace(o.headers)); h {
			case "":
			case i18n.English, i18n.Chinese:
				headers = h
			default:
				return a.usage(i18n.UsageHeaders, o.headers)
			}
			return a.withBook(true, func(b *store.Book) error {
				var ex *interchange.Export
				leftOut := 0 // do-not-contact clients left out by --campaign
				err := b.View(func(tx *store.Tx) error {
					sums, err := activeSummaries(tx, false)
					if err != nil {
						return err
					}
					if o.clients != "" {
						sums = a.findClients(sums, o.clients, a.today(), b.Meta().CountryCode)
						if len(sums) == 0 {
							return a.usage(i18n.UsageNoMatch, o.clients, o.clients)
						}
					}
					var ids []string
					for i := range sums {
						if o.campaign && sums[i].DoNotContact {
							leftOut++
							continue
						}
						ids = append(ids, sums[i].ID)
					}
					if len(ids) == 0 && leftOut > 0 {
						return usageErr("%s", say(a.Lang, i18n.CliInterchangeAllClientsAskedNotToBe, leftOut))
					}
					ex, err = interchange.Collect(tx, ids)
					return err
				})
				if err != nil {
					return err
				}
				withoutSpecial := 0 // clients whose special-person flags the file leaves out
				if (format == "vcf" || format == "csv") && !o.special {
					withoutSpecial = ex.LeaveOutSpecial()
				}
				specialMsg := a.cat().N(i18n.CliInterchangeLeftOutSpecial, withoutSpecial, withoutSpecial)
				write := func(w io.Writer) error {
					switch format {
					case "vcf":
						return interchange.WriteVCard(w, ex)
					case "csv":
						return interchange.WriteCSVIn(w, ex, o.bom, headers)
					case "json":
						return interchange.WriteJSON(w, ex)
					}
					return interchange.WriteICS(w, ex, interchange.ICSOptions{From: a.today(), Years: o.years, Lang: a.Lang})
				}
				leftMsg := say(a.Lang, i18n.CliInterchangeLeftOutClientsWhoAskedNot, leftOut)
				notCarried := a.notCarried(format, ex.Uncarried(format))
				// Texts that held control characters (an older book) are
				// in the file in their visible form (Collect): said on
				// stderr once the export is written, whatever the output.
				sayControls := func() {
					if ex.Controls > 0 {
						fmt.Fprintln(a.Stderr, a.cat().N(i18n.CliInterchangeExportControls, ex.Controls, ex.Controls))
					}
				}
				if o.out == "-" {
					if notCarried != "" {
						fmt.Fprintln(a.Stderr, notCarried)
					}
					if leftOut > 0 {
						fmt.Fprintln(a.Stderr, leftMsg)
					}
					if withoutSpecial > 0 {
						fmt.Fprintln(a.Stderr, specialMsg)
					}
					if err := write(a.dataOut()); err != nil {
						return err
					}
					sayControls()
					return nil
				}
				if err := a.writePrivate(o.out, write); err != nil {
					return err
				}
				dnc := 0
				for _, c := range ex.Clients {
					if c.Profile.Consent.DoNotContact {
						dnc++
					}
				}
				msg := a.cat().N(i18n.CliInterchangeExportedClientsTo, len(ex.Clients), len(ex.Clients), o.out, format)
				if dnc > 0 {
					msg += say(a.Lang, i18n.CliInterchangeOfThemAskedNotToBe, dnc)
				}
				if o.campaign {
					msg += " " + leftMsg
				}
				if withoutSpecial > 0 {
					msg += " " + specialMsg
				}
				fmt.Fprintln(a.Stdout, msg)
				if notCarried != "" {
					fmt.Fprintln(a.Stdout, notCarried)
				}
				sayControls()
				return nil
			})
		},
	}
	cmd.Flags().StringVarP(&o.out, "output", "o", "", "")
	cmd.Flags().StringVar(&o.format, "format", "", "")
	cmd.Flags().StringVar(&o.clients, "clients", "", "")
	cmd.Flags().StringVar(&o.headers, "headers", "", "")
	cmd.Flags().BoolVar(&o.bom, "bom", false, "")
	cmd.Flags().BoolVar(&o.force, "force", false, "")
	cmd.Flags().BoolVar(&o.campaign, "campaign", false, "")
	cmd.Flags().BoolVar(&o.special, "special", false, "")
	cmd.Flags().IntVar(&o.years, "years", 10, "")
	return cmd
}

// notCarried says what an export's file leaves out of what the clients
// hold ("Not carried by CSV: 12 purchases, …"), or "" when nothing.
func (a *App) notCarried(format string, u interchange.Uncarried) string {
	if !u.Any() {
		return ""
	}
	cat := a.cat()
	var parts []string
	for _, c := range []struct {
		k i18n.Key
		n int
	}{{i18n.CliCountPurchases, u.Purchases}, {i18n.CliCountTasks, u.Tasks}, {i18n.CliCountAppointments, u.Appointments},
		{i18n.CliCountRequests, u.Requests}, {i18n.CliInterchangeNoteDays, u.NoteDays}, {i18n.CliInterchangeNotesLeftOut, u.NotesLeftOut}} {
		if c.n > 0 {
			parts = append(parts, cat.N(c.k, c.n, c.n))
		}
	}
	name := map[string]string{"vcf": "vCard", "csv": "CSV"}[format]
	return cat.T(i18n.CliInterchangeNotCarried, name, cat.List(parts))
}

// findClients returns the clients a query finds as `vipbook search` finds
// them (name, pinyin, phone digits, tag, and tier:A city:Shanghai tag:vip
// filters), in the book's order; an id the search does not know is looked
// up as a CLIENT argument is.
func (a *App) findClients(sums []profile.Summary, query string, today civil.Date, cc string) []profile.Summary {
	ix := search.New(sums, search.Options{Today: today, Tier: a.tierLookup(sums, today), CountryCode: cc})
	var hits []profile.Summary
	for _, d := range ix.Search(query).Matches() {
		hits = append(hits, sums[d])
	}
	if len(hits) == 0 {
		hits = search.Resolve(query, sums, cc)
	}
	return hits
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// checkNewFile refuses, before anything is read or written, to write over
// an existing file at path unless force is given (- is the screen).
func checkNewFile(lang, path string, force bool) error {
	if path == "-" || force {
		return nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil
	}
	if st.IsDir() {
		return usageErr(say(lang, i18n.CliInterchangeIsAFolderNameAFile), path)
	}
	return usageErr(say(lang, i18n.CliInterchangeAlreadyExistsNothingWasWrittenChoose), path)
}

// writeSkipped lists the records an import leaves out, each with its line
// and why.
func writeSkipped(w io.Writer, skipped []interchange.Skip, lang string) {
	if len(skipped) == 0 {
		return
	}
	fmt.Fprintln(w, say(lang, i18n.CliInterchangeSkipped2))
	for _, s := range skipped {
		name := ""
		if s.Name != "" {
			name = s.Name + say(lang, i18n.CliInterchangeText2)
		}
		fmt.Fprintf(w, "  %s%s%s\n", lineRef(s.Line, lang), name, i18n.New(lang).ImportNote(s.Code, s.Args...))
	}
}

// writePrivate writes a file readable by its owner only (0600) the
// safefile way: into a temporary file beside it, flushed to disk and
// renamed over it, so a failed export leaves no half-written file.
func (a *App) writePrivate(path string, write func(io.Writer) error) error {
	f, err := safefile.Create(path)
	if err != nil {
		return a.cannot(i18n.UsageCannotWrite, path, err)
	}
	defer f.Abort()
	if err := write(f); err != nil {
		return err
	}
	return f.Commit()
}
