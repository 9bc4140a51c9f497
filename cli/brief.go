package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/briefing"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/gcpause"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

type briefOptions struct {
	date     string
	limit    int
	json     bool
	markdown bool
}

func briefCommands(a *App) []*cobra.Command {
	var o briefOptions
	cmd := &cobra.Command{
		Use:   "brief",
		Short: "Print the morning briefing: the most urgent first, today's visits, follow-ups, the three specials, lapsed clients",
		Long: `brief prints the briefing for the morning meeting: the most urgent items of the
day first, then today's visits with a prep card each, the follow-ups overdue and
due today, the dates coming within their lead time, the three specials (open
special requests, festivals and situations, special people expected today) and
the top clients away longer than usual. Every item has an urgency score and
says why; the weights are in the config's [urgency] section.

It prints text (the default), Markdown (--markdown) to paste into a chat or a
document, or JSON (--json); in Chinese with --lang zh.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runBrief(a, o) },
	}
	cmd.Flags().StringVar(&o.date, "date", "", "the day to brief, YYYY-MM-DD (default today)")
	cmd.Flags().IntVar(&o.limit, "limit", briefing.DefaultLimit, "most items in the requests, festivals, situations and lapsed sections (0: all)")
	cmd.Flags().BoolVar(&o.json, "json", false, "print as JSON")
	cmd.Flags().BoolVar(&o.markdown, "markdown", false, "print as Markdown")
	return []*cobra.Command{cmd}
}

// loadBriefing reads the book and builds the briefing of day with cfg and opt.
func loadBriefing(a *App, b *store.Book, day civil.Date, cfg config.Config, opt briefing.Options) (briefing.Briefing, error) {
	defer gcpause.Pause()() // the whole book is read at once: see gcpause
	in, err := briefing.Load(b, day, a.Now().Location(), cfg, opt)
	if err != nil {
		return briefing.Briefing{}, err
	}
	return briefing.Build(in), nil
}

func runBrief(a *App, o briefOptions) error {
	day, err := a.parseDay(o.date, "--date")
	if err != nil {
		return err
	}
	if o.json && o.markdown {
		return usageErr("choose one of --json and --markdown")
	}
	if o.limit < 0 {
		return usageErr("--limit must be 0 (all) or more, not %d", o.limit)
	}
	opt := briefing.Options{Limit: o.limit}
	if o.limit == 0 {
		opt.Limit = -1
	}
	cfg, err := a.config()
	if err != nil {
		return err
	}
	return a.withBook(true, func(b *store.Book) error {
		br, err := loadBriefing(a, b, day, cfg, opt)
		if err != nil {
			return err
		}
		if o.json {
			return a.printJSON(br)
		}
		writeBriefing(a.Stdout, br, a.Lang, o.markdown)
		return nil
	})
}

// briefWriter lays the briefing out as text or Markdown.
type briefWriter struct {
	w    io.Writer
	lang string
	md   bool
}

func (bw *briefWriter) l(en, zh string) string { return label(bw.lang, en, zh) }

func (bw *briefWriter) title(s string) {
	if bw.md {
		fmt.Fprintf(bw.w, "# %s\n", s)
		return
	}
	fmt.Fprintln(bw.w, s)
}

func (bw *briefWriter) section(s string, n int) {
	if bw.md {
		fmt.Fprintf(bw.w, "\n## %s (%d)\n\n", s, n)
		return
	}
	fmt.Fprintf(bw.w, "\n%s (%d)\n", s, n)
}

// more says how many items of a section were left out.
func (bw *briefWriter) more(shown, total int) {
	if total <= shown {
		return
	}
	s := bw.l(fmt.Sprintf("... and %d more (vipbook brief --limit 0 lists them all)", total-shown),
		fmt.Sprintf("……另有 %d 项（vipbook brief --limit 0 列出全部）", total-shown))
	if bw.md {
		fmt.Fprintf(bw.w, "- %s\n", s)
		return
	}
	fmt.Fprintf(bw.w, "  %s\n", s)
}

func (bw *briefWriter) none(s string) {
	if bw.md {
		fmt.Fprintf(bw.w, "- _%s_\n", s)
		return
	}
	fmt.Fprintf(bw.w, "  %s\n", s)
}

// item prints one item: its main line, then its details indented.
func (bw *briefWriter) item(main string, details ...string) {
	if bw.md {
		fmt.Fprintf(bw.w, "- %s\n", main)
		for _, d := range details {
			fmt.Fprintf(bw.w, "  - %s\n", d)
		}
		return
	}
	fmt.Fprintf(bw.w, "  %s\n", main)
	for _, d := range details {
		fmt.Fprintf(bw.w, "      %s\n", d)
	}
}

// name shows a client's name (bold in Markdown).
func (bw *briefWriter) name(s string) string {
	if bw.md && s != "" {
		return "**" + s + "**"
	}
	return s
}

// why says why an item is on the briefing: its score and each term's
// reason with its points.
func (bw *briefWriter) why(u briefing.Urgency) string {
	reasons := u.Reasons(bw.lang)
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		parts[i] = fmt.Sprintf("%s +%s", r, points(u.Terms[i].Points))
	}
	return fmt.Sprintf("%s %s: %s", bw.l("why", "原因"), points(u.Score), strings.Join(parts, "; "))
}

func points(p float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", p), ".0") }

func (bw *briefWriter) weekday(d civil.Date) string {
	if bw.lang == "zh" {
		return [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}[d.Weekday()]
	}
	return d.Weekday().String()
}

func (bw *briefWriter) tier(t string) string {
	if t == "" {
		return ""
	}
	return " [" + t + "]"
}

// writeBriefing prints the briefing for the morning meeting, as text or
// Markdown, in lang.
func writeBriefing(w io.Writer, br briefing.Briefing, lang string, markdown bool) {
	bw := &briefWriter{w: w, lang: lang, md: markdown}
	l := bw.l
	if bw.lang == "zh" {
		bw.title(fmt.Sprintf("简报 %s %s（%s）", br.Date, bw.weekday(br.Date), br.Associate))
	} else {
		bw.title(fmt.Sprintf("Briefing for %s, %s (%s)", br.Date, bw.weekday(br.Date), br.Associate))
	}

	bw.section(l("Today's visits", "今日到店"), len(br.Visits))
	if len(br.Visits) == 0 {
		bw.none(l("none booked", "没有预约"))
	}
	for _, c := range br.Visits {
		bw.visit(c)
	}

	bw.section(l("Most urgent first", "最紧急的事（按紧急程度）"), len(br.Urgent))
	if len(br.Urgent) == 0 {
		bw.none(l("nothing urgent today", "今天没有紧急的事"))
	}
	for k, r := range br.Urgent {
		_, u := br.Item(r)
		what := bw.describe(&br, r)
		if bw.md {
			fmt.Fprintf(w, "%d. %s\n   - %s\n", k+1, what, bw.why(*u))
			continue
		}
		fmt.Fprintf(w, "  %2d. %s\n      %s\n", k+1, what, bw.why(*u))
	}

	bw.section(l("Follow-ups overdue", "逾期的跟进"), br.Totals.Overdue)
	for _, t := range br.Overdue {
		bw.item(fmt.Sprintf("%s  %s  %s%s (%s)", t.Task.ID, bw.who(t.ClientName), i18n.New(bw.lang).TaskTitle(&t.Task), bw.tier(t.Tier),
			l(fmt.Sprintf("%s late, due %s", plural(t.Overdue, "day"), t.Task.DueOn()), fmt.Sprintf("逾期 %d 天，应于 %s", t.Overdue, t.Task.DueOn()))),
			bw.why(t.Urgency))
	}
	bw.more(len(br.Overdue), br.Totals.Overdue)
	bw.section(l("Follow-ups due today", "今天到期的跟进"), br.Totals.Due)
	for _, t := range br.Due {
		bw.item(fmt.Sprintf("%s  %s  %s%s", t.Task.ID, bw.who(t.ClientName), i18n.New(bw.lang).TaskTitle(&t.Task), bw.tier(t.Tier)), bw.why(t.Urgency))
	}
	bw.more(len(br.Due), br.Totals.Due)

	bw.section(l("Special requests open", "未完成的特殊需求"), br.Totals.Requests)
	if br.Totals.Requests == 0 {
		bw.none(l("none open", "没有"))
	}
	for _, r := range br.Requests {
		bw.item(fmt.Sprintf("%s  %s  %s%s (%s)", r.Request.ID, bw.who(r.ClientName), r.Request.What, bw.tier(r.Tier),
			l(fmt.Sprintf("open %d days, since %s", r.AgeDays, r.Request.Opened), fmt.Sprintf("已等待 %d 天，%s 起", r.AgeDays, r.Request.Opened))),
			bw.why(r.Urgency))
	}
	bw.more(len(br.Requests), br.Totals.Requests)

	bw.section(l("Special situations: dates coming", "特殊情况：即将到来的纪念日"), br.Totals.Dates)
	if len(br.Dates) == 0 {
		bw.none(l("no date within its lead time", "没有进入提前期的纪念日"))
	}
	for _, d := range br.Dates {
		bw.item(fmt.Sprintf("%s  %s  %s%s", d.ClientID, bw.who(d.ClientName), bw.date(d), bw.tier(d.Tier)), bw.why(d.Urgency))
	}
	bw.more(len(br.Dates), br.Totals.Dates)

	bw.section(l("Special situations: festivals", "特殊情况：节日"), br.Totals.Festivals)
	if br.Totals.Festivals == 0 {
		bw.none(l("no festival in the coming month that matters to a client", "未来一个月没有与客户相关的节日"))
	}
	for _, f := range br.Festivals {
		bw.item(bw.festival(f), bw.festivalClients(f), bw.why(f.Urgency))
	}
	bw.more(len(br.Festivals), br.Totals.Festivals)

	bw.section(l("Special situations: noted this week", "特殊情况：本周记录"), br.Totals.Situations)
	if br.Totals.Situations == 0 {
		bw.none(l("no situation noted this week", "本周没有记录特殊情况"))
	}
	for _, s := range br.Situations {
		bw.item(fmt.Sprintf("%s  %s  %s: %s%s", s.ClientID, bw.who(s.ClientName), s.Note.At.Format("2006-01-02"), s.Note.Text, bw.tier(s.Tier)), bw.why(s.Urgency))
	}
	if br.Totals.SituationsMore {
		bw.none(l("... and more noted this week (vipbook brief --limit 0 lists them all)", "……本周还有更多记录（vipbook brief --limit 0 列出全部）"))
	} else {
		bw.more(len(br.Situations), br.Totals.Situations)
	}

	bw.section(l("Special people today", "今日特别关照的客户"), len(br.People))
	if len(br.People) == 0 {
		bw.none(l("none among today's visitors", "今日到店客户中没有"))
	}
	for _, p := range br.People {
		bw.item(fmt.Sprintf("%s  %s  %s: %s", p.At.Format("15:04"), bw.who(p.ClientName), bw.flags(p.Flags), p.Note))
	}

	bw.section(l("Top clients away longer than usual", "久未到店的重要客户"), br.Totals.Lapsed)
	if br.Totals.Lapsed == 0 {
		bw.none(l("none", "没有"))
	} else {
		bw.none(l("the associate closest to them sends a warm miss-you message, never asking what went wrong",
			"由最熟悉的顾问发一条温暖的问候，不要问是不是出了什么问题"))
	}
	for _, c := range br.Lapsed {
		why := c.Why
		if lang == "zh" {
			why = c.WhyZH
		}
		bw.item(fmt.Sprintf("%s  %s  %s%s", c.ClientID, bw.who(c.ClientName), why, bw.tier(c.Tier)), bw.contact(c), bw.why(c.Urgency))
	}
	bw.more(len(br.Lapsed), br.Totals.Lapsed)
}

// describe says in one line what an urgent item is.
func (bw *briefWriter) describe(br *briefing.Briefing, r briefing.Ref) string {
	l := bw.l
	it, _ := br.Item(r)
	switch v := it.(type) {
	case *briefing.PrepCard:
		s := fmt.Sprintf("%s %s  %s", l("visit", "到店"), v.Appointment.Start.Format("15:04"), bw.name(v.Name))
		if v.Appointment.Purpose != "" {
			s += " - " + v.Appointment.Purpose
		}
		return s
	case *briefing.TaskItem:
		if v.Overdue > 0 {
			return fmt.Sprintf("%s  %s: %s (%s)", l("overdue", "逾期"), bw.name(v.ClientName), i18n.New(bw.lang).TaskTitle(&v.Task), l(plural(v.Overdue, "day")+" late", fmt.Sprintf("逾期 %d 天", v.Overdue)))
		}
		return fmt.Sprintf("%s  %s: %s", l("due today", "今天到期"), bw.name(v.ClientName), i18n.New(bw.lang).TaskTitle(&v.Task))
	case *briefing.DateItem:
		return fmt.Sprintf("%s  %s: %s", l("date", "纪念日"), bw.name(v.ClientName), bw.date(*v))
	case *briefing.RequestItem:
		return fmt.Sprintf("%s  %s: %s (%s)", l("request", "特殊需求"), bw.name(v.ClientName), v.Request.What, l(fmt.Sprintf("open %d days", v.AgeDays), fmt.Sprintf("已等待 %d 天", v.AgeDays)))
	case *briefing.FestivalItem:
		return fmt.Sprintf("%s  %s", l("festival", "节日"), bw.festival(*v))
	case *briefing.SituationItem:
		return fmt.Sprintf("%s  %s: %s", l("situation", "特殊情况"), bw.name(v.ClientName), v.Note.Text)
	case *briefing.LapsedItem:
		return fmt.Sprintf("%s  %s: %s", l("lapsed", "久未到店"), bw.name(v.ClientName),
			l(fmt.Sprintf("away %d days", v.DaysAway), fmt.Sprintf("%d 天未到店", v.DaysAway)))
	}
	return string(r.Section)
}

// date says when a client's important date falls: "birthday in 4 days
// (2026-11-28), turns 41".
func (bw *briefWriter) date(d briefing.DateItem) string {
	name := briefing.DateName(d.Date, bw.lang)
	var when string
	switch d.DaysAway {
	case 0:
		when = bw.l("today", "今天")
	case 1:
		when = bw.l("tomorrow", "明天")
	default:
		when = bw.l(fmt.Sprintf("in %d days", d.DaysAway), fmt.Sprintf("%d 天后", d.DaysAway))
	}
	s := bw.l(fmt.Sprintf("%s %s (%s)", name, when, d.On), fmt.Sprintf("%s%s（%s）", when, name, d.On))
	if d.Date.Lunar {
		s += " " + d.Date.WhenText()
	}
	if d.Age > 0 {
		switch d.Date.Kind {
		case profile.DateBirthday, profile.DateChildBirthday, profile.DateFamilyBirthday:
			s += bw.l(fmt.Sprintf(", turns %d", d.Age), fmt.Sprintf("，满 %d 岁", d.Age))
		default:
			s += bw.l(fmt.Sprintf(", %d years", d.Age), fmt.Sprintf("，%d 周年", d.Age))
		}
	}
	return s
}

func (bw *briefWriter) festival(f briefing.FestivalItem) string {
	name := f.Festival.NameIn(bw.lang)
	if f.Festival.Lunar != "" {
		name += " (" + f.Festival.Lunar + ")"
	}
	when := bw.l(fmt.Sprintf("in %d days", f.DaysAway), fmt.Sprintf("%d 天后", f.DaysAway))
	if f.DaysAway == 0 {
		when = bw.l("today", "今天")
	}
	return fmt.Sprintf("%s %s, %s: %s", name, f.Festival.Date, when, briefing.AudienceText(f.Audience, f.Festival.Country, bw.lang))
}

func (bw *briefWriter) festivalClients(f briefing.FestivalItem) string {
	if f.Count == 0 {
		return bw.l("wishes only, no store news", "只送祝福，不谈促销")
	}
	names := make([]string, len(f.Clients))
	for i, c := range f.Clients {
		names[i] = c.ClientName + bw.tier(c.Tier)
	}
	s := bw.l(fmt.Sprintf("%d clients, first %s", f.Count, strings.Join(names, ", ")),
		fmt.Sprintf("%d 位客户，优先：%s", f.Count, strings.Join(names, "、")))
	return s + bw.l("; wishes only, no store news", "；只送祝福，不谈促销")
}

func (bw *briefWriter) flags(fs []string) string {
	if bw.lang != "zh" {
		return strings.Join(fs, ", ")
	}
	zh := make([]string, len(fs))
	for i, f := range fs {
		zh[i] = briefing.FlagZH(f)
	}
	return strings.Join(zh, "、")
}

// contact says where the keep-in-touch clock stands for a lapsed client.
func (bw *briefWriter) contact(c briefing.LapsedItem) string {
	if c.LastContact.IsZero() {
		return bw.l("no contact logged", "没有联系记录")
	}
	if c.SinceContact < c.DaysAway {
		return bw.l(fmt.Sprintf("in touch since: last contact %s (%s)", c.LastContact, daysAgo(c.SinceContact, "en")),
			fmt.Sprintf("之后联系过：上次联系 %s（%s）", c.LastContact, daysAgo(c.SinceContact, "zh")))
	}
	return bw.l(fmt.Sprintf("no call or message since the last visit"), "上次到店后没有电话或消息联系")
}

// visit prints a prep card.
func (bw *briefWriter) visit(c briefing.PrepCard) {
	l := bw.l
	main := fmt.Sprintf("%s  %s%s", c.Appointment.Start.Format("15:04"), bw.name(c.Name), bw.tier(c.Tier))
	if c.Appointment.Purpose != "" {
		main += " - " + c.Appointment.Purpose
	}
	var ds []string
	if len(c.Special) > 0 {
		ds = append(ds, fmt.Sprintf("%s %s: %s", l("special", "特别关照"), bw.flags(c.Special), c.SpecialNote))
	}
	for _, d := range c.Dates {
		ds = append(ds, l("date", "纪念日")+" "+bw.date(d))
	}
	if c.Phone != "" {
		ds = append(ds, l("phone", "电话")+" "+c.Phone)
	}
	if len(c.Sizes) > 0 {
		var ss []string
		for _, s := range c.Sizes {
			ss = append(ss, strings.TrimSpace(s.Category+" "+s.Value+" "+s.System))
		}
		ds = append(ds, l("sizes", "尺码")+" "+strings.Join(ss, "; "))
	}
	if len(c.Preferences) > 0 {
		var ps []string
		for _, p := range c.Preferences {
			ps = append(ps, p.Value)
		}
		ds = append(ds, l("likes", "喜好")+" "+strings.Join(ps, ", "))
	}
	if len(c.Dislikes) > 0 {
		ds = append(ds, l("dislikes", "不喜欢")+" "+strings.Join(c.Dislikes, ", "))
	}
	if c.LastPurchase != nil {
		ds = append(ds, fmt.Sprintf("%s %s %s %s %s", l("last purchase", "上次购买"), c.LastPurchase.Date, c.LastPurchase.Amount, c.LastPurchase.Currency, c.LastPurchase.Items))
	}
	for _, r := range c.OpenRequests {
		ds = append(ds, l(fmt.Sprintf("open request %s (since %s, %d days)", r.What, r.Opened, r.AgeDays(c.Appointment.Day())),
			fmt.Sprintf("特殊需求 %s（%s 起，%d 天）", r.What, r.Opened, r.AgeDays(c.Appointment.Day()))))
	}
	for _, n := range c.RecentNotes {
		ds = append(ds, fmt.Sprintf("%s %s %s: %s", l("note", "备注"), n.At.Format("2006-01-02"), n.Kind, n.Text))
	}
	ds = append(ds, bw.why(c.Urgency))
	bw.item(main, ds...)
}

// who shows a client's name in a column (bold in Markdown).
func (bw *briefWriter) who(s string) string {
	if bw.md {
		return bw.name(s)
	}
	return pad(s, 16)
}

// plural writes "1 day", "5 days".
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// daysAgo writes "today", "yesterday", "5 days ago" in lang.
func daysAgo(n int, lang string) string {
	switch {
	case n <= 0:
		return label(lang, "today", "今天")
	case n == 1:
		return label(lang, "yesterday", "昨天")
	}
	return label(lang, fmt.Sprintf("%d days ago", n), fmt.Sprintf("%d 天前", n))
}
