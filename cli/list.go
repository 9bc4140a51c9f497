package cli

import (
	"fmt"
	"github.com/vipbook/vipbook/i18n"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tiers"
)

// ClientRow is one line of `list` and `search`.
type ClientRow struct {
	ID        string        `json:"id"`
	Name      string        `json:"name"`
	LatinName string        `json:"latin_name,omitempty"`
	Phone     string        `json:"phone,omitempty"`
	Tier      string        `json:"tier,omitempty"`
	LastVisit civil.Date    `json:"last_visit,omitzero"`
	Spend12   profile.Money `json:"spend_12_months"`
	NextDate  civil.Date    `json:"next_date,omitzero"`
	DNC       bool          `json:"do_not_contact,omitempty"`
	Status    string        `json:"status"`
	MoneyUnit string        `json:"money_unit,omitempty"` // profile.MoneyUnit, in --json
}

func rowOf(s *profile.Summary, tier string, today civil.Date) ClientRow {
	st := s.Stats(today)
	r := ClientRow{ID: s.ID, Name: s.DisplayName(), LatinName: s.LatinName, Tier: tier, LastVisit: st.LastVisit,
		Spend12: st.Last12, DNC: s.DoNotContact, Status: s.Status.String()}
	if s.Name == "" {
		r.LatinName = ""
	}
	if len(s.Phones) > 0 {
		r.Phone = "+" + s.Phones[0]
	}
	for _, d := range s.Dates {
		if n := d.Next(today); r.NextDate.IsZero() || n.Before(r.NextDate) {
			r.NextDate = n
		}
	}
	return r
}

func writeRows(w io.Writer, cat *i18n.Catalog, rows []ClientRow, currency string) {
	fmt.Fprintf(w, "%s  %s  %s  %s  %s  %s\n", pad(cat.T(i18n.CliListColID), 6), pad(cat.T(i18n.CliListColName), 22), pad(cat.T(i18n.CliListColTier), 4),
		pad(cat.T(i18n.CliListColLastVisit), 10), lpad(cat.T(i18n.CliListColSpend, currency), 12), cat.T(i18n.CliListColNextDate))
	for _, r := range rows {
		name := r.Name
		if r.LatinName != "" && r.LatinName != r.Name {
			name += " " + r.LatinName
		}
		if r.DNC {
			name = cat.Beside(name, cat.T(i18n.CliListDNC))
		}
		fmt.Fprintf(w, "%s  %s  %s  %s  %s  %s\n", pad(r.ID, 6), pad(name, 22), pad(orDash(r.Tier), 4),
			pad(orDash(r.LastVisit.String()), 10), lpad(r.Spend12.String(), 12), orDash(r.NextDate.String()))
	}
}

func lpad(s string, w int) string {
	if n := w - widthOf(s); n > 0 {
		return strings.Repeat(" ", n) + s
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// activeSummaries returns the clients of the active book (archived ones are
// out of it until purged or listed with --all).
func activeSummaries(tx *store.Tx, all bool) ([]profile.Summary, error) {
	sums, err := tx.Summaries()
	if err != nil || all {
		return sums, err
	}
	out := sums[:0]
	for _, s := range sums {
		if s.Status != profile.Archived {
			out = append(out, s)
		}
	}
	return out, nil
}

func listCmd(a *App) *cobra.Command {
	var jsonOut, all bool
	var sortBy string
	var limit int
	cmd := &cobra.Command{
		Use:  "list",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withBook(true, func(b *store.Book) error {
				return b.View(func(tx *store.Tx) error {
					sums, err := activeSummaries(tx, all)
					if err != nil {
						return err
					}
					tierOf := a.tierLookup(sums, a.today())
					rows := make([]ClientRow, len(sums))
					for i := range sums {
						rows[i] = rowOf(&sums[i], tierOf(&sums[i]), a.today())
					}
					if err := sortRows(a.cat(), rows, sortBy); err != nil {
						return err
					}
					if limit > 0 && len(rows) > limit {
						rows = rows[:limit]
					}
					if jsonOut {
						return a.printJSON(withUnit(rows, b.Meta().Currency))
					}
					writeRows(a.Stdout, a.cat(), rows, b.Meta().Currency)
					return nil
				})
			})
		},
	}
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	cmd.Flags().BoolVar(&all, "all", false, "")
	cmd.Flags().StringVar(&sortBy, "sort", "name", "")
	cmd.Flags().IntVar(&limit, "limit", 0, "")
	return cmd
}

func sortRows(cat *i18n.Catalog, rows []ClientRow, by string) error {
	var less func(i, j int) bool
	switch by {
	case "name", "":
		less = func(i, j int) bool { return rows[i].Name < rows[j].Name }
	case "spend":
		less = func(i, j int) bool { return rows[i].Spend12 > rows[j].Spend12 }
	case "last-visit":
		less = func(i, j int) bool { return rows[i].LastVisit.After(rows[j].LastVisit) }
	case "next-date":
		less = func(i, j int) bool {
			a, b := rows[i].NextDate, rows[j].NextDate
			if a.IsZero() != b.IsZero() {
				return b.IsZero()
			}
			return a.Before(b)
		}
	default:
		return usageErr("%s", cat.T(i18n.CliListSortIs, by))
	}
	sort.SliceStable(rows, less)
	return nil
}

// searchShown is how many clients vipbook search prints by default, best
// first: a query naming thousands (occupation:律师 in a big book) says
// how many more there are instead of filling the terminal.
const searchShown = 50

func searchCmd(a *App) *cobra.Command {
	var jsonOut bool
	var limit int
	cmd := &cobra.Command{
		Use:  "search QUERY",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			q := strings.Join(args, " ")
			// --json gives every client unless --limit is given: a
			// script reads them all.
			if jsonOut && !cmd.Flags().Changed("limit") {
				limit = 0
			}
			if limit < 0 {
				return a.usage(i18n.UsageLimit, limit)
			}
			// The tiers rank equal matches and fill the TIER column: a
			// config file that cannot be read is said, as vipbook brief
			// says it, not ranked by the default scheme unseen.
			cfg, err := a.config()
			if err != nil {
				return err
			}
			return a.withBook(true, func(b *store.Book) error {
				return b.View(func(tx *store.Tx) error {
					hits, tiersOf, found, err := a.searchBook(tx, q, cfg, limit)
					if err != nil {
						return err
					}
					shown := hits
					if limit > 0 && len(shown) > limit {
						shown = shown[:limit]
					}
					rows := make([]ClientRow, len(shown))
					for i := range shown {
						rows[i] = rowOf(&shown[i], tiersOf[i], a.today())
					}
					if jsonOut {
						return a.printJSON(withUnit(rows, b.Meta().Currency))
					}
					if len(rows) == 0 {
						if typed, example, ok := search.MissingValue(q); ok {
							return usageErr("%s", a.cat().T(i18n.CliSearchNoValue, typed, example))
						}
						return usageErr("%s", a.cat().T(i18n.CliListNoMatch, q))
					}
					writeRows(a.Stdout, a.cat(), rows, b.Meta().Currency)
					if more := found - len(shown); more > 0 {
						fmt.Fprintln(a.Stdout, a.cat().T(i18n.CliSearchAndMore, more, found))
					}
					return nil
				})
			})
		},
	}
	cmd.Flags().BoolVar(&jsonOut, "json", false, "")
	cmd.Flags().IntVar(&limit, "limit", searchShown, "")
	return cmd
}

// searchBook returns the active clients matching q, best first, the
// tier of each and how many match: the best shown of them when shown > 0
// (every one for 0; a query of field filters alone is then cut, others
// may give more). The search index the book keeps finds them, as the app's
// / does (book.FindKept), reading only them; the whole book is read when
// it cannot (a query it cannot look up, a book opened read-only before
// its first writable open since the index came) or finds nothing (a fuzzy
// spelling, an id), unless the query is field filters alone
// (search.FieldsOnly): nobody found by them is the answer. In a book an
// older vipbook wrote, opened read-only, field filters are matched on
// every client's record (the store reads them), slower, and it says so.
func (a *App) searchBook(tx *store.Tx, q string, cfg config.Config, shown int) ([]profile.Summary, []string, int, error) {
	today, cc := a.today(), tx.Book().Meta().CountryCode
	f, err := book.FindKeptTop(tx, q, today, cfg.Tiers, shown)
	if err != nil {
		return nil, nil, 0, err
	}
	if len(f.Clients) > 0 {
		return f.Clients, f.Tiers, f.Found, nil
	}
	if _, ok := tx.SearchKept(q); ok && search.FieldsOnly(q) {
		return nil, nil, 0, nil // a field the index holds: nobody has it
	}
	sums, err := activeSummaries(tx, false)
	if err != nil {
		return nil, nil, 0, err
	}
	if search.FiltersFields(q) && tx.OlderSummaries() {
		// A book an older vipbook wrote, opened read-only: the fields
		// filtered on were read from every client's record.
		fmt.Fprintln(a.Stderr, a.cat().T(i18n.CliSearchOlderBook))
	}
	tierOf := lookupOf(tiers.Assign(sums, today, cfg.Tiers))
	ix := search.New(sums, search.Options{Today: today, Tier: tierOf, Levels: tiers.Levels(cfg.Tiers), CountryCode: cc})
	var hits []profile.Summary
	for _, d := range ix.Search(q).All() { // equal matches: top tier, recently seen first
		hits = append(hits, sums[d])
	}
	if len(hits) == 0 {
		hits = search.Resolve(q, sums, cc) // an id
	}
	ts := make([]string, len(hits))
	for i := range hits {
		ts[i] = tierOf(&hits[i])
	}
	return hits, ts, len(hits), nil
}

// tierLevels returns the configured scheme's tiers, lowest first, which
// rank equal search matches (search.Options.Levels).
func (a *App) tierLevels() []string {
	cfg, err := a.config()
	if err != nil {
		cfg = config.Default()
	}
	return tiers.Levels(cfg.Tiers)
}

// tierLookup returns each client's tier in force: the override when one is
// set, else the tier the configured scheme computes (as vipbook tiers
// shows it with its reason). With a config file that cannot be read (which
// vipbook brief and vipbook tiers report), the default scheme is used.
func (a *App) tierLookup(sums []profile.Summary, today civil.Date) func(s *profile.Summary) string {
	cfg, err := a.config()
	if err != nil {
		cfg = config.Default()
	}
	return lookupOf(tiers.Assign(sums, today, cfg.Tiers))
}

// lookupOf returns the tier in force of each client assigned in as (the
// tier set by hand of any other).
func lookupOf(as []tiers.Assignment) func(s *profile.Summary) string {
	byID := tiers.Index(as)
	return func(s *profile.Summary) string {
		if a := byID[s.ID]; a != nil {
			return a.Tier
		}
		return s.Tier
	}
}

// withUnit says on each row of --json the unit of its amounts.
func withUnit(rows []ClientRow, currency string) []ClientRow {
	for i := range rows {
		rows[i].MoneyUnit = profile.MoneyUnit(currency)
	}
	return rows
}
