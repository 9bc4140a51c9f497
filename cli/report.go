package cli

import (
	"fmt"
	"github.com/vipbook/vipbook/i18n"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/report"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tiers"
)

// reportCommands are the commands about value: report (the ten questions), tiers.
func reportCommands(a *App) []*cobra.Command {
	var ro struct {
		date string
		json bool
	}
	rep := &cobra.Command{
		Use:  "report",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := a.parseDay(ro.date, "--date")
			if err != nil {
				return err
			}
			return a.withBook(true, func(b *store.Book) error {
				defer collectorForBatch(batchRead, 0)() // the whole book is read at once
				var r report.Report
				err := b.View(func(tx *store.Tx) error {
					in, err := report.Load(tx, day)
					if err != nil {
						return err
					}
					r = report.Build(in)
					return nil
				})
				if err != nil {
					return err
				}
				if ro.json {
					return a.printJSON(r)
				}
				writeReport(a.Stdout, r, a.Lang)
				return nil
			})
		},
	}
	rep.Flags().StringVar(&ro.date, "date", "", "")
	rep.Flags().BoolVar(&ro.json, "json", false, "")

	var to struct {
		date, scheme, tier string
		limit              int
		json               bool
	}
	tc := &cobra.Command{
		Use:  "tiers",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := a.parseDay(to.date, "--date")
			if err != nil {
				return err
			}
			if to.limit < 0 {
				return a.usage(i18n.UsageLimit, to.limit)
			}
			cfg, err := a.config()
			if err != nil {
				return err
			}
			if to.scheme != "" {
				if _, ok := cfg.Tiers.Cards[to.scheme]; !ok && to.scheme != config.Pyramid {
					return a.usage(i18n.UsageScheme, to.scheme, strings.Join(schemeNames(cfg.Tiers), ", "))
				}
				cfg.Tiers.Scheme = to.scheme
			}
			return a.withBook(true, func(b *store.Book) error {
				defer collectorForBatch(batchRead, 0)() // the whole book is read at once
				var sums []profile.Summary
				if err := b.View(func(tx *store.Tx) error {
					var err error
					sums, err = tx.Summaries()
					return err
				}); err != nil {
					return err
				}
				tcfg := cfg.Tiers
				if tcfg.Currency == "" {
					tcfg.Currency = b.Meta().Currency
				}
				rows := tierRows(sums, tiers.Assign(sums, day, tcfg), to.tier)
				counts := map[string]int{}
				for _, r := range rows {
					counts[r.a.Tier]++
				}
				if to.limit > 0 && len(rows) > to.limit {
					rows = rows[:to.limit]
				}
				if to.json {
					out := make([]tiers.Assignment, len(rows))
					for i, r := range rows {
						out[i] = r.a
					}
					return a.printJSON(out)
				}
				writeTiers(a.Stdout, a.cat(), rows, counts, day, tcfg)
				return nil
			})
		},
	}
	tc.Flags().StringVar(&to.date, "date", "", "")
	tc.Flags().StringVar(&to.scheme, "scheme", "", "")
	tc.Flags().StringVar(&to.tier, "tier", "", "")
	tc.Flags().IntVar(&to.limit, "limit", 0, "")
	tc.Flags().BoolVar(&to.json, "json", false, "")
	return []*cobra.Command{rep, tc}
}

// loadConfig reads the config file at path, or at config.DefaultPath()
// when path is empty; a missing file gives the defaults. A file that
// cannot be read or used is refused in lang.
func loadConfig(path, lang string) (config.Config, error) {
	if path == "" {
		path = config.DefaultPath()
	}
	cfg, err := config.Load(path)
	if err != nil {
		return cfg, userError{i18n.New(lang).Error(err)}
	}
	return cfg, nil
}

func schemeNames(t config.Tiers) []string {
	names := []string{config.Pyramid}
	for n := range t.Cards {
		names = append(names, n)
	}
	slices.Sort(names[1:])
	return names
}

type tierRow struct {
	name string
	a    tiers.Assignment
}

// tierRows pairs the assignments with names, leaves out archived clients
// (and those of other tiers when tier is set), and sorts by tier level,
// then 12-month spend, highest first.
func tierRows(sums []profile.Summary, as []tiers.Assignment, tier string) []tierRow {
	rows := make([]tierRow, 0, len(as))
	for i, a := range as {
		if a.Archived || (tier != "" && !strings.EqualFold(a.Tier, tier)) {
			continue
		}
		rows = append(rows, tierRow{sums[i].DisplayName(), a})
	}
	slices.SortStableFunc(rows, func(x, y tierRow) int {
		switch {
		case x.a.Level != y.a.Level:
			return y.a.Level - x.a.Level
		case x.a.Spend12 != y.a.Spend12:
			if x.a.Spend12 > y.a.Spend12 {
				return -1
			}
			return 1
		}
		return strings.Compare(x.a.ClientID, y.a.ClientID)
	})
	return rows
}

// writeTiers prints the rows under a line counting the clients of each
// tier (counts, taken before any --limit).
func writeTiers(w io.Writer, cat *i18n.Catalog, rows []tierRow, counts map[string]int, day civil.Date, cfg config.Tiers) {
	scheme := cfg.Scheme
	if scheme == "" {
		scheme = config.Pyramid
	}
	var parts []string
	levels := tiers.Levels(cfg)
	known := map[string]bool{}
	for i := len(levels) - 1; i >= 0; i-- {
		name := levels[i]
		known[name] = true
		if name == "" {
			parts = append(parts, cat.T(i18n.CliTiersNoCard, counts[""]))
			continue
		}
		parts = append(parts, fmt.Sprintf("%s %d", name, counts[name]))
	}
	var other []string // tiers set by hand outside the scheme
	for name, n := range counts {
		if !known[name] {
			other = append(other, fmt.Sprintf("%s %d", name, n))
		}
	}
	slices.Sort(other)
	parts = append(parts, other...)
	fmt.Fprintf(w, "%s\n\n", cat.T(i18n.CliTiersOn, day, scheme, cat.List(parts)))
	if len(rows) == 0 {
		fmt.Fprintf(w, "  %s\n", cat.T(i18n.CliTiersNoClients))
		return
	}
	fmt.Fprintf(w, "  %s  %s  %s  %s  %s\n", fill(cat.T(i18n.CliListColID), 8), pad(cat.T(i18n.CliListColName), 18), fill(cat.T(i18n.CliListColTier), 8),
		cat.T(i18n.CliTiersColRFM), cat.T(i18n.CliTiersColReason))
	for _, r := range rows {
		tier := r.a.Tier
		if tier == "" {
			tier = "-"
		}
		fmt.Fprintf(w, "  %s  %s  %s  %s  %s\n", fill(r.a.ClientID, 8), pad(r.name, 18), fill(tier, 8), r.a.RFM, cat.TierReason(r.a))
	}
}

// label picks the English or the Chinese wording.
// say is the text of k in lang, formatted with args when given.
func say(lang string, k i18n.Key, args ...any) string { return i18n.New(lang).T(k, args...) }

func money(m profile.Money, cur string) string { return strings.TrimSpace(m.String() + " " + cur) }

// writeReport prints the ten questions' answers as text.
func writeReport(w io.Writer, r report.Report, lang string) {
	l := func(k i18n.Key, args ...any) string { return say(lang, k, args...) }
	cat := i18n.New(lang)
	fmt.Fprintf(w, "%s\n", cat.Colon(l(i18n.CliReportVipStocktakeOn)+" "+r.Date.String(), strings.Join([]string{
		fmt.Sprintf("%d %s", r.Clients, l(i18n.CliReportClients)), fmt.Sprintf("%d %s", r.Buyers, l(i18n.CliReportBoughtThisYear)),
		l(i18n.CliReportSalesThisYear) + " " + money(r.SalesYTD, r.Currency)}, cat.Comma())))

	fmt.Fprintf(w, "\n1. %s\n", l(i18n.CliReportTop10BySpendThisYear))
	if len(r.Top) == 0 {
		fmt.Fprintf(w, "  %s\n", l(i18n.CliReportNoPurchaseThisYearYet))
	}
	for _, c := range r.Top {
		spend := cat.Beside(money(c.YTD, r.Currency)+" ", cat.Paren(cat.N(i18n.ReportPurchases, c.PurchasesYTD, c.PurchasesYTD)))
		if c.DoNotContact {
			spend = cat.Beside(spend, l(i18n.CliReportDoNotContact))
		}
		fmt.Fprintf(w, "  %2d. %s  %s\n", c.Rank, pad(c.Name, 18), spend)
		var who []string
		if place := strings.TrimSpace(strings.Join(nonEmpty(c.City, c.District), " ")); place != "" {
			who = append(who, place)
		}
		if c.Occupation != "" {
			who = append(who, c.Occupation)
		}
		if len(c.Hobbies) > 0 {
			who = append(who, l(i18n.CliReportHobbies)+cat.List(c.Hobbies))
		}
		if len(who) > 0 {
			fmt.Fprintf(w, "      %s\n", cat.Clauses(who))
		}
		for _, d := range c.Dates {
			name := cat.DateWhose(d.Kind, d.Label, d.For)
			years := ""
			if d.Years > 0 {
				if d.Kind == profile.DateBirthday || d.Kind == profile.DateChildBirthday || d.Kind == profile.DateFamilyBirthday {
					years = l(i18n.CliReportAgeTurns, d.Years)
				} else {
					years = l(i18n.CliReportAgeYears, d.Years)
				}
			}
			fmt.Fprintf(w, "      %s\n", l(i18n.CliReportDateLine, name, cat.LunarText(d.When), d.Next, cat.DaysAway(d.DaysAway), years))
		}
		if len(c.Preferences) > 0 || len(c.Items) > 0 {
			var likes []string
			for _, p := range c.Preferences {
				likes = append(likes, p.Value)
			}
			for _, it := range c.Items {
				likes = append(likes, it.Value)
			}
			fmt.Fprintf(w, "      %s%s\n", l(i18n.CliReportLikes), cat.List(likes))
		}
		if c.WhyBrand != "" {
			fmt.Fprintf(w, "      %s%s\n", l(i18n.CliReportWhyUs), c.WhyBrand)
		}
		if len(c.Dislikes) > 0 {
			fmt.Fprintf(w, "      %s%s\n", l(i18n.CliReportDislikes), cat.List(c.Dislikes))
		}
		if len(c.Sizes) > 0 {
			var zs []string
			for _, z := range c.Sizes {
				zs = append(zs, strings.Join(strings.Fields(z.Category+" "+z.Value+" "+z.System), " "))
			}
			fmt.Fprintf(w, "      %s%s\n", l(i18n.CliReportSizes), cat.List(zs))
		}
		if c.ShareOfWallet != "" {
			fmt.Fprintf(w, "      %s%s\n", l(i18n.CliReportShareOfWallet), c.ShareOfWallet)
		}
		if c.Motivator != "" {
			fmt.Fprintf(w, "      %s%s\n", l(i18n.CliReportWouldMoveThem), c.Motivator)
		}
	}

	fmt.Fprintf(w, "\n2. %s\n", l(i18n.CliReportFavouriteProductsAndStylesOfThe))
	f := r.Favourites
	any := false
	for _, row := range []struct {
		name string
		cs   []report.Count
	}{{l(i18n.CliReportCategories), f.Categories}, {l(i18n.CliReportStyles), f.Styles}, {l(i18n.CliReportColours), f.Colours},
		{l(i18n.CliReportMaterials), f.Materials}, {l(i18n.CliReportBrands), f.Brands}, {l(i18n.CliReportLines), f.Lines},
		{l(i18n.CliReportOccasions), f.Occasions}, {l(i18n.CliReportItemsBought), f.Items}, {l(i18n.CliReportDisliked), f.Dislikes},
		{l(i18n.CliReportSizesWorn), f.Sizes}} {
		if len(row.cs) == 0 {
			continue
		}
		any = true
		var vs []string
		for _, c := range row.cs {
			vs = append(vs, cat.Aside(c.Value, strconv.Itoa(c.N)))
		}
		fmt.Fprintf(w, "  %s\n", cat.Colon(row.name, cat.List(vs)))
	}
	if !any {
		fmt.Fprintf(w, "  %s\n", l(i18n.CliReportNothingRecordedYet))
	}

	fmt.Fprintf(w, "\n3. %s\n", l(i18n.CliReportShareOfThisYearSales))
	fmt.Fprintf(w, "  %s %s\n", pad(l(i18n.CliReportTop10), 8), cat.Aside(money(r.Share.Top10, r.Currency), fmt.Sprintf("%.1f%%", r.Share.Top10Pct)))
	fmt.Fprintf(w, "  %s %s\n", pad(l(i18n.CliReportTop50), 8), cat.Aside(money(r.Share.Top50, r.Currency), fmt.Sprintf("%.1f%%", r.Share.Top50Pct)))

	fmt.Fprintf(w, "\n4. %s\n", l(i18n.CliReportMostFrequentVisitorsLast12Months))
	for _, v := range r.MostFrequent {
		fmt.Fprintf(w, "  %s  %s\n", pad(v.Name, 18), cat.N(i18n.ReportVisits, v.Visits, v.Visits, v.LastVisit.String()))
	}
	fmt.Fprintf(w, "\n5. %s\n", l(i18n.CliReportHighestAverageTicketLast12Months))
	for _, t := range r.HighestTicket {
		fmt.Fprintf(w, "  %s  %s\n", pad(t.Name, 18), cat.Aside(money(t.Average, r.Currency), cat.N(i18n.ReportTicketLine, t.Purchases, t.Purchases, money(t.Spend, r.Currency))))
	}

	fmt.Fprintf(w, "\n6. %s\n", l(i18n.CliReportTopClientsAwayLongest))
	if len(r.LongestAway) == 0 {
		fmt.Fprintf(w, "  %s\n", l(i18n.CliReportNone))
	}
	for _, x := range r.LongestAway {
		rest := cat.N(i18n.ReportDaysAway, x.DaysAway, x.DaysAway, x.LastVisit.String())
		if x.Rhythm > 0 {
			rest += cat.N(i18n.ReportRhythm, x.Rhythm, x.Rhythm)
		}
		fmt.Fprintf(w, "  %s  %s%s\n", pad(x.Name, 18), rest, cat.T(i18n.ReportTotal, money(x.Total, r.Currency)))
		if x.LastNote != nil {
			fmt.Fprintf(w, "      %s\n", cat.Colon(l(i18n.CliReportLastNote)+" "+x.LastNote.At.Format("2006-01-02")+" "+cat.NoteKind(x.LastNote.Kind), x.LastNote.Text))
		}
	}

	fmt.Fprintf(w, "\n7. %s\n", l(i18n.CliReportWhyUsDislikesShareOfWallet))
	g := r.Gaps
	var gaps []string
	for _, x := range []struct {
		n    int
		what i18n.Key
	}{{g.WhyBrand, i18n.CliReportGapWhy}, {g.Dislikes, i18n.CliReportGapDislikes}, {g.ShareOfWallet, i18n.CliReportGapShare},
		{g.Motivator, i18n.CliReportGapMotivator}, {g.Hobbies, i18n.CliReportGapHobbies}, {g.Dates, i18n.CliReportGapDates}} {
		if x.n > 0 {
			gaps = append(gaps, cat.Aside(l(x.what), strconv.Itoa(x.n)))
		}
	}
	if len(gaps) > 0 {
		fmt.Fprintf(w, "  %s%s\n", l(i18n.CliReportStillToLearnFromTheTop), cat.List(gaps))
	}
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}
