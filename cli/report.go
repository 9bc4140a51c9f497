package cli

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/internal/gcpause"
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
		Use:   "report",
		Short: "Answer the ten questions about the book: top clients, favourites, shares, who is away",
		Long: `report is the VIP stocktake: the top 10 clients by spend this year with where
they live, what they do, their hobbies and dates; the products and styles they
like; the share of this year's sales of the top 10 and top 50; who visits most
and who has the highest average ticket; which top client has been away longest
and why; why they like the brand, what they dislike, what share of their
spending comes to us and what would move them.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := a.parseDay(ro.date, "--date")
			if err != nil {
				return err
			}
			return a.withBook(true, func(b *store.Book) error {
				defer gcpause.Pause()() // the whole book is read at once: see gcpause
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
	rep.Flags().StringVar(&ro.date, "date", "", "the day of the report, YYYY-MM-DD (default today)")
	rep.Flags().BoolVar(&ro.json, "json", false, "print as JSON")

	var to struct {
		date, scheme, tier string
		limit              int
		json               bool
	}
	tc := &cobra.Command{
		Use:   "tiers",
		Short: "List clients with their tier, the reason for it and their RFM scores",
		Long: `tiers lists the clients by tier, highest first, each with the reason for the
tier ("A: 18,400 CNY in 12 months, rank 4 of 320") and RFM scores (recency,
frequency, monetary, 1 to 5). The scheme (the A-D pyramid or a card scheme)
comes from the config file; a tier set by hand on a client wins and says so.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			day, err := a.parseDay(to.date, "--date")
			if err != nil {
				return err
			}
			if to.limit < 0 {
				return usageErr("--limit must be 0 (all) or more, not %d", to.limit)
			}
			cfg, err := a.config()
			if err != nil {
				return err
			}
			if to.scheme != "" {
				if _, ok := cfg.Tiers.Cards[to.scheme]; !ok && to.scheme != config.Pyramid {
					return usageErr("--scheme %q is not a scheme; use %s", to.scheme, strings.Join(schemeNames(cfg.Tiers), ", "))
				}
				cfg.Tiers.Scheme = to.scheme
			}
			return a.withBook(true, func(b *store.Book) error {
				defer gcpause.Pause()() // the whole book is read at once: see gcpause
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
				writeTiers(a.Stdout, rows, counts, day, tcfg)
				return nil
			})
		},
	}
	tc.Flags().StringVar(&to.date, "date", "", "the day the tiers are computed on, YYYY-MM-DD (default today)")
	tc.Flags().StringVar(&to.scheme, "scheme", "", "the tier scheme to use instead of the config's: pyramid or a card scheme's name")
	tc.Flags().StringVar(&to.tier, "tier", "", "list only the clients of this tier")
	tc.Flags().IntVar(&to.limit, "limit", 0, "list at most this many clients (0: all)")
	tc.Flags().BoolVar(&to.json, "json", false, "print as JSON")
	return []*cobra.Command{rep, tc}
}

// loadConfig reads the config file at path, or at config.DefaultPath()
// when path is empty; a missing file gives the defaults.
func loadConfig(path string) (config.Config, error) {
	if path == "" {
		path = config.DefaultPath()
	}
	cfg, err := config.Load(path)
	if errors.Is(err, config.ErrBadConfig) {
		return cfg, userError{err.Error()}
	}
	return cfg, err
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
func writeTiers(w io.Writer, rows []tierRow, counts map[string]int, day civil.Date, cfg config.Tiers) {
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
			parts = append(parts, fmt.Sprintf("no card %d", counts[""]))
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
	fmt.Fprintf(w, "Tiers on %s by the %s scheme: %s\n\n", day, scheme, strings.Join(parts, ", "))
	if len(rows) == 0 {
		fmt.Fprintln(w, "  no clients")
		return
	}
	fmt.Fprintf(w, "  %-8s  %s  %-8s  %s  %s\n", "ID", pad("NAME", 18), "TIER", "RFM", "REASON")
	for _, r := range rows {
		tier := r.a.Tier
		if tier == "" {
			tier = "-"
		}
		fmt.Fprintf(w, "  %-8s  %s  %-8s  %s  %s\n", r.a.ClientID, pad(r.name, 18), tier, r.a.RFM, r.a.Reason())
	}
}

// label picks the English or the Chinese wording.
func label(lang, en, zh string) string {
	if lang == "zh" {
		return zh
	}
	return en
}

func money(m profile.Money, cur string) string { return strings.TrimSpace(m.String() + " " + cur) }

// writeReport prints the ten questions' answers as text.
func writeReport(w io.Writer, r report.Report, lang string) {
	l := func(en, zh string) string { return label(lang, en, zh) }
	fmt.Fprintf(w, "%s %s: %d %s, %d %s, %s %s\n", l("VIP stocktake on", "VIP 盘点"), r.Date,
		r.Clients, l("clients", "位客户"), r.Buyers, l("bought this year", "位今年有消费"), l("sales this year", "今年销售额"), money(r.SalesYTD, r.Currency))

	fmt.Fprintf(w, "\n1-2. %s\n", l("Top 10 by spend this year", "今年消费前十名"))
	if len(r.Top) == 0 {
		fmt.Fprintf(w, "  %s\n", l("no purchase this year yet", "今年还没有消费"))
	}
	for _, c := range r.Top {
		dnc := ""
		if c.DoNotContact {
			dnc = "  " + l("[do not contact]", "［勿联系］")
		}
		fmt.Fprintf(w, "  %2d. %s  %s  (%d %s)%s\n", c.Rank, pad(c.Name, 18), money(c.YTD, r.Currency), c.PurchasesYTD, l("purchases", "笔"), dnc)
		var who []string
		if place := strings.TrimSpace(strings.Join(nonEmpty(c.City, c.District), " ")); place != "" {
			who = append(who, place)
		}
		if c.Occupation != "" {
			who = append(who, c.Occupation)
		}
		if len(c.Hobbies) > 0 {
			who = append(who, l("hobbies: ", "爱好：")+strings.Join(c.Hobbies, ", "))
		}
		if len(who) > 0 {
			fmt.Fprintf(w, "      %s\n", strings.Join(who, "; "))
		}
		for _, d := range c.Dates {
			name := string(d.Kind)
			if d.Label != "" {
				name = d.Label
			}
			years := ""
			if d.Years > 0 {
				if d.Kind == profile.DateBirthday || d.Kind == profile.DateChildBirthday || d.Kind == profile.DateFamilyBirthday {
					years = fmt.Sprintf(", %s %d", l("turns", "满"), d.Years)
				} else {
					years = fmt.Sprintf(", %d %s", d.Years, l("years", "周年"))
				}
			}
			fmt.Fprintf(w, "      %s %s, %s %s (%s %d %s%s)\n", name, d.When, l("next", "下次"), d.Next, l("in", "还有"), d.DaysAway, l("days", "天"), years)
		}
		if len(c.Preferences) > 0 || len(c.Items) > 0 {
			var likes []string
			for _, p := range c.Preferences {
				likes = append(likes, p.Value)
			}
			for _, it := range c.Items {
				likes = append(likes, it.Value)
			}
			fmt.Fprintf(w, "      %s%s\n", l("likes: ", "喜欢："), strings.Join(likes, ", "))
		}
		if c.WhyBrand != "" {
			fmt.Fprintf(w, "      %s%s\n", l("why us: ", "选择我们的原因："), c.WhyBrand)
		}
		if len(c.Dislikes) > 0 {
			fmt.Fprintf(w, "      %s%s\n", l("dislikes: ", "不喜欢："), strings.Join(c.Dislikes, ", "))
		}
		if c.ShareOfWallet != "" {
			fmt.Fprintf(w, "      %s%s\n", l("share of wallet: ", "钱包份额："), c.ShareOfWallet)
		}
		if c.Motivator != "" {
			fmt.Fprintf(w, "      %s%s\n", l("would move them: ", "最能打动TA："), c.Motivator)
		}
	}

	fmt.Fprintf(w, "\n3. %s\n", l("Favourite products and styles of the top clients", "前十名喜欢的产品和风格"))
	f := r.Favourites
	any := false
	for _, row := range []struct {
		name string
		cs   []report.Count
	}{{l("categories", "品类"), f.Categories}, {l("styles", "风格"), f.Styles}, {l("colours", "颜色"), f.Colours},
		{l("materials", "材质"), f.Materials}, {l("brands", "品牌"), f.Brands}, {l("items bought", "购买的单品"), f.Items}} {
		if len(row.cs) == 0 {
			continue
		}
		any = true
		var vs []string
		for _, c := range row.cs {
			vs = append(vs, fmt.Sprintf("%s (%d)", c.Value, c.N))
		}
		fmt.Fprintf(w, "  %s: %s\n", row.name, strings.Join(vs, ", "))
	}
	if !any {
		fmt.Fprintf(w, "  %s\n", l("nothing recorded yet", "尚无记录"))
	}

	fmt.Fprintf(w, "\n4. %s\n", l("Share of this year's sales", "占今年销售额的比例"))
	fmt.Fprintf(w, "  %s %s (%.1f%%)\n", pad(l("top 10", "前十名"), 8), money(r.Share.Top10, r.Currency), r.Share.Top10Pct)
	fmt.Fprintf(w, "  %s %s (%.1f%%)\n", pad(l("top 50", "前五十名"), 8), money(r.Share.Top50, r.Currency), r.Share.Top50Pct)

	fmt.Fprintf(w, "\n5. %s\n", l("Most frequent visitors (last 12 months)", "到店最频繁（近12个月）"))
	for _, v := range r.MostFrequent {
		fmt.Fprintf(w, "  %s  %d %s, %s %s\n", pad(v.Name, 18), v.Visits, l("visits", "次"), l("last", "最近"), v.LastVisit)
	}
	fmt.Fprintf(w, "\n5. %s\n", l("Highest average ticket (last 12 months)", "客单价最高（近12个月）"))
	for _, t := range r.HighestTicket {
		fmt.Fprintf(w, "  %s  %s %s (%d %s, %s)\n", pad(t.Name, 18), money(t.Average, r.Currency), l("average", "平均"), t.Purchases, l("purchases", "笔"), money(t.Spend, r.Currency))
	}

	fmt.Fprintf(w, "\n6. %s\n", l("Top clients away longest", "最久未到店的重要客户"))
	if len(r.LongestAway) == 0 {
		fmt.Fprintf(w, "  %s\n", l("none", "无"))
	}
	for _, x := range r.LongestAway {
		rhythm := ""
		if x.Rhythm > 0 {
			rhythm = fmt.Sprintf(", %s %d %s", l("usually every", "平时每"), x.Rhythm, l("days", "天"))
		}
		fmt.Fprintf(w, "  %s  %d %s (%s %s%s), %s %s\n", pad(x.Name, 18), x.DaysAway, l("days away", "天未到店"), l("last visit", "上次"), x.LastVisit, rhythm, l("total", "累计"), money(x.Total, r.Currency))
		if x.LastNote != nil {
			fmt.Fprintf(w, "      %s %s %s: %s\n", l("last note", "最近记录"), x.LastNote.At.Format("2006-01-02"), x.LastNote.Kind, x.LastNote.Text)
		}
	}

	fmt.Fprintf(w, "\n7-10. %s\n", l("Why us, dislikes, share of wallet, what would move them: see each top client above", "选择原因、不喜欢、钱包份额、打动点：见上方各位客户"))
	g := r.Gaps
	var gaps []string
	for _, x := range []struct {
		n      int
		en, zh string
	}{{g.WhyBrand, "why they like us", "选择我们的原因"}, {g.Dislikes, "dislikes", "不喜欢什么"}, {g.ShareOfWallet, "share of wallet", "钱包份额"},
		{g.Motivator, "what would move them", "什么最能打动TA"}, {g.Hobbies, "hobbies", "爱好"}, {g.Dates, "dates", "重要日期"}} {
		if x.n > 0 {
			gaps = append(gaps, fmt.Sprintf("%s (%d)", l(x.en, x.zh), x.n))
		}
	}
	if len(gaps) > 0 {
		fmt.Fprintf(w, "  %s%s\n", l("still to learn from the top clients: ", "还需向前十名了解："), strings.Join(gaps, ", "))
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
