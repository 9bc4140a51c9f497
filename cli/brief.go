package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/briefing"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/i18n"
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
		Use:  "brief",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runBrief(a, o) },
	}
	cmd.Flags().StringVar(&o.date, "date", "", "")
	cmd.Flags().IntVar(&o.limit, "limit", briefing.DefaultLimit, "")
	cmd.Flags().BoolVar(&o.json, "json", false, "")
	cmd.Flags().BoolVar(&o.markdown, "markdown", false, "")
	return []*cobra.Command{cmd}
}

// loadBriefing reads the book and builds the briefing of day with cfg and
// opt. The collector runs as usual: the briefing reads what the store
// keeps for it (a few dozen bytes a client, not every summary), and
// pausing it no longer paid (BENCHMARKS.md, kept briefing records).
func loadBriefing(a *App, b *store.Book, day civil.Date, cfg config.Config, opt briefing.Options) (briefing.Briefing, error) {
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
		return a.usage(i18n.UsageJSONOrMarkdown)
	}
	if o.limit < 0 {
		return a.usage(i18n.UsageLimit, o.limit)
	}
	opt := briefing.Options{Limit: o.limit}
	if o.limit == 0 {
		opt.Limit = -1
	}
	cfg, err := a.config()
	if err != nil {
		return err
	}
	// The first briefing of the day makes the work of the days passed
	// (book.CatchUp, a writable open) before it reads; any other finds
	// the book caught up in the read it does anyway, and opens it only
	// for reading.
	check := o.date == "" // a briefing of another day makes no work
	for {
		behind := false
		err := a.withBook(true, func(b *store.Book) error {
			if check && !book.CaughtUp(b, civil.Of(a.Now())) {
				behind = true
				return nil
			}
			br, err := loadBriefing(a, b, day, cfg, opt)
			if err != nil {
				return err
			}
			if o.json {
				return a.printJSON(br)
			}
			writeBriefing(a.Stdout, br, a.Lang, o.markdown, cfg.Tiers)
			return nil
		})
		if err != nil || !behind {
			return err
		}
		a.catchUp(cfg)
		check = false // a book that cannot be written is briefed as it is
	}
}

// briefWriter lays the briefing out as text or Markdown.
type briefWriter struct {
	w     io.Writer
	lang  string
	md    bool
	tiers config.Tiers // names a card level by its label
}

// c is the catalog of the briefing's language.
func (bw *briefWriter) c() *i18n.Catalog { return i18n.New(bw.lang) }

// l is the text of k in the briefing's language.
func (bw *briefWriter) l(k i18n.Key, args ...any) string { return say(bw.lang, k, args...) }

// n is the text of k for the count n (see i18n.Catalog.N).
func (bw *briefWriter) n(k i18n.Key, n int, args ...any) string {
	return i18n.New(bw.lang).N(k, n, args...)
}

func (bw *briefWriter) title(s string) {
	if bw.md {
		fmt.Fprintf(bw.w, "# %s\n", s)
		return
	}
	fmt.Fprintln(bw.w, s)
}

func (bw *briefWriter) section(s string, n int) {
	if bw.md {
		fmt.Fprintf(bw.w, "\n## %s\n\n", bw.c().Aside(s, strconv.Itoa(n)))
		return
	}
	fmt.Fprintf(bw.w, "\n%s\n", bw.c().Aside(s, strconv.Itoa(n)))
}

// more says how many items of a section were left out.
func (bw *briefWriter) more(shown, total int) {
	if total <= shown {
		return
	}
	s := bw.l(i18n.CliBriefAndMoreVipbookBriefLimit0, total-shown)
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
	cat := i18n.New(bw.lang)
	parts := make([]string, len(u.Terms))
	for i, t := range u.Terms {
		parts[i] = fmt.Sprintf("%s +%s", cat.Reason(string(t.Reason), t.Args), points(t.Points))
	}
	return cat.Colon(bw.l(i18n.CliBriefWhy)+" "+points(u.Score), cat.Clauses(parts))
}

func points(p float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", p), ".0") }

func (bw *briefWriter) weekday(d civil.Date) string { return i18n.New(bw.lang).Weekday(d.Weekday()) }

func (bw *briefWriter) tier(t string) string {
	if t == "" {
		return ""
	}
	return " [" + i18n.New(bw.lang).CardLabel(bw.tiers.LevelLabel(t)) + "]"
}

// writeBriefing prints the briefing for the morning meeting, as text or
// Markdown, in lang.
func writeBriefing(w io.Writer, br briefing.Briefing, lang string, markdown bool, tiers config.Tiers) {
	bw := &briefWriter{w: w, lang: lang, md: markdown, tiers: tiers}
	l := bw.l
	bw.title(l(i18n.CliBriefTitle, br.Date, bw.weekday(br.Date), br.Associate))

	bw.section(l(i18n.CliBriefTodayVisits), len(br.Visits))
	if len(br.Visits) == 0 {
		bw.none(l(i18n.CliBriefNoneBooked))
	}
	for _, c := range br.Visits {
		bw.visit(c)
	}

	bw.section(l(i18n.CliBriefMostUrgentFirst), len(br.Urgent))
	if len(br.Urgent) == 0 {
		bw.none(l(i18n.CliBriefNothingUrgentToday))
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

	bw.section(l(i18n.CliBriefFollowUpsOverdue), br.Totals.Overdue)
	for _, t := range br.Overdue {
		bw.item(fmt.Sprintf("%s  %s  %s", t.Task.ID, bw.who(t.ClientName), bw.c().Aside(bw.c().TaskTitle(&t.Task)+bw.tier(t.Tier),
			bw.n(i18n.CliBriefLateDue, t.Overdue, t.Overdue, t.Task.DueOn()))),
			bw.why(t.Urgency))
	}
	bw.more(len(br.Overdue), br.Totals.Overdue)
	bw.section(l(i18n.CliBriefFollowUpsDueToday), br.Totals.Due)
	for _, t := range br.Due {
		bw.item(fmt.Sprintf("%s  %s  %s%s", t.Task.ID, bw.who(t.ClientName), i18n.New(bw.lang).TaskTitle(&t.Task), bw.tier(t.Tier)), bw.why(t.Urgency))
	}
	bw.more(len(br.Due), br.Totals.Due)

	bw.section(l(i18n.CliBriefSpecialRequestsOpen), br.Totals.Requests)
	if br.Totals.Requests == 0 {
		bw.none(l(i18n.CliBriefNoneOpen))
	}
	for _, r := range br.Requests {
		bw.item(fmt.Sprintf("%s  %s  %s", r.Request.ID, bw.who(r.ClientName), bw.c().Aside(r.Request.What+bw.tier(r.Tier),
			l(i18n.CliBriefOpenDaysSince, r.AgeDays, r.Request.Opened))),
			bw.why(r.Urgency))
	}
	bw.more(len(br.Requests), br.Totals.Requests)

	bw.section(l(i18n.CliBriefSpecialSituationsDatesComing), br.Totals.Dates)
	if len(br.Dates) == 0 {
		bw.none(l(i18n.CliBriefNoDateWithinItsLeadTime))
	}
	for _, d := range br.Dates {
		bw.item(fmt.Sprintf("%s  %s  %s%s", d.ClientID, bw.who(d.ClientName), bw.date(d), bw.tier(d.Tier)), bw.why(d.Urgency))
	}
	bw.more(len(br.Dates), br.Totals.Dates)

	bw.section(l(i18n.CliBriefSpecialSituationsFestivals), br.Totals.Festivals)
	if br.Totals.Festivals == 0 {
		bw.none(l(i18n.CliBriefNoFestivalInTheComingMonth))
	}
	for _, f := range br.Festivals {
		bw.item(bw.festival(f), bw.festivalClients(f), bw.why(f.Urgency))
	}
	bw.more(len(br.Festivals), br.Totals.Festivals)

	bw.section(l(i18n.CliBriefSpecialSituationsNotedThisWeek), br.Totals.Situations)
	if br.Totals.Situations == 0 {
		bw.none(l(i18n.CliBriefNoSituationNotedThisWeek))
	}
	for _, s := range br.Situations {
		bw.item(fmt.Sprintf("%s  %s  %s", s.ClientID, bw.who(s.ClientName), bw.c().Colon(s.Note.At.Format("2006-01-02"), s.Note.Text+bw.tier(s.Tier))), bw.why(s.Urgency))
	}
	if br.Totals.SituationsMore {
		bw.none(l(i18n.CliBriefAndMoreNotedThisWeekVipbook))
	} else {
		bw.more(len(br.Situations), br.Totals.Situations)
	}

	bw.section(l(i18n.CliBriefSpecialPeopleToday), len(br.People))
	if len(br.People) == 0 {
		bw.none(l(i18n.CliBriefNoneAmongTodayVisitors))
	}
	for _, p := range br.People {
		bw.item(fmt.Sprintf("%s  %s  %s", p.At.Format("15:04"), bw.who(p.ClientName), bw.c().Colon(bw.flags(p.Flags), p.Note)))
	}

	bw.section(l(i18n.CliBriefTopClientsAwayLongerThanUsual), br.Totals.Lapsed)
	if br.Totals.Lapsed == 0 {
		bw.none(l(i18n.CliBriefNone))
	} else {
		bw.none(l(i18n.CliBriefTheAssociateClosestToThemSends))
	}
	for _, c := range br.Lapsed {
		why := i18n.New(lang).LapseReason(c.DaysAway, c.LastVisit, c.RhythmDays, c.By == briefing.ByRhythm, c.Tier, c.LapseDays)
		bw.item(fmt.Sprintf("%s  %s  %s%s", c.ClientID, bw.who(c.ClientName), why, bw.tier(c.Tier)), bw.contact(c), bw.why(c.Urgency))
	}
	bw.more(len(br.Lapsed), br.Totals.Lapsed)

	if br.Totals.Cards > 0 { // only with a dated card scheme
		cat := i18n.New(lang)
		bw.section(l(i18n.CliBriefCardsLapsing), br.Totals.Cards)
		for _, c := range br.Cards {
			bw.item(fmt.Sprintf("%s  %s  %s", c.ClientID, bw.who(c.ClientName), cat.TierReason(c.Card)), cat.CardOutlook(c.Card), bw.why(c.Urgency))
		}
		bw.more(len(br.Cards), br.Totals.Cards)
	}
	a := br.Ahead
	bw.section(l(i18n.CliBriefAhead), len(a.Visits)+a.TaskTotal)
	if len(a.Visits)+a.TaskTotal == 0 {
		bw.none(l(i18n.BriefAheadNone))
	}
	for _, v := range a.Visits {
		s := fmt.Sprintf("%s  %s%s", l(i18n.BriefTomorrowAt, v.Appointment.Start.Format("15:04")), bw.who(v.ClientName), bw.tier(v.Tier))
		if v.Appointment.Purpose != "" {
			s += " - " + v.Appointment.Purpose
		}
		bw.item(s)
	}
	for _, t := range a.Tasks {
		due := t.Task.DueOn()
		bw.item(fmt.Sprintf("%s %s  %s  %s  %s%s", due, pad(bw.weekday(due), 9), t.Task.ID, bw.who(t.ClientName), i18n.New(bw.lang).TaskTitle(&t.Task), bw.tier(t.Tier)))
	}
	bw.more(len(a.Tasks), a.TaskTotal)
}

// describe says in one line what an urgent item is.
func (bw *briefWriter) describe(br *briefing.Briefing, r briefing.Ref) string {
	l := bw.l
	it, _ := br.Item(r)
	switch v := it.(type) {
	case *briefing.PrepCard:
		s := fmt.Sprintf("%s %s  %s", l(i18n.CliBriefVisit), v.Appointment.Start.Format("15:04"), bw.name(v.Name))
		if v.Appointment.Purpose != "" {
			s += " - " + v.Appointment.Purpose
		}
		return s
	case *briefing.TaskItem:
		if v.Overdue > 0 {
			return l(i18n.CliBriefOverdue) + "  " + bw.c().Colon(bw.name(v.ClientName), bw.c().Aside(bw.c().TaskTitle(&v.Task), bw.n(i18n.CliBriefDaysLate, v.Overdue, v.Overdue)))
		}
		return l(i18n.CliBriefDueToday) + "  " + bw.c().Colon(bw.name(v.ClientName), bw.c().TaskTitle(&v.Task))
	case *briefing.DateItem:
		return l(i18n.CliBriefDate) + "  " + bw.c().Colon(bw.name(v.ClientName), bw.date(*v))
	case *briefing.RequestItem:
		return l(i18n.CliBriefRequest) + "  " + bw.c().Colon(bw.name(v.ClientName), bw.c().Aside(v.Request.What, l(i18n.CliBriefOpenDays, v.AgeDays)))
	case *briefing.FestivalItem:
		return fmt.Sprintf("%s  %s", l(i18n.CliBriefFestival), bw.festival(*v))
	case *briefing.SituationItem:
		return l(i18n.CliBriefSituation) + "  " + bw.c().Colon(bw.name(v.ClientName), v.Note.Text)
	case *briefing.LapsedItem:
		return l(i18n.CliBriefLapsed) + "  " + bw.c().Colon(bw.name(v.ClientName), l(i18n.CliBriefAwayDays, v.DaysAway))
	}
	return string(r.Section)
}

// date says when a client's important date falls: "birthday in 4 days
// (2026-11-28), turns 41".
func (bw *briefWriter) date(d briefing.DateItem) string {
	name := i18n.New(bw.lang).DateWhose(d.Date.Kind, d.Date.Label, d.Date.For) // "Zhang Wei's birthday"
	var when string
	switch d.DaysAway {
	case 0:
		when = bw.l(i18n.CliBriefToday)
	case 1:
		when = bw.l(i18n.CliBriefTomorrow)
	default:
		when = bw.n(i18n.CliBriefInDays, d.DaysAway, d.DaysAway)
	}
	s := bw.l(i18n.CliBriefDateLine, name, when, d.On)
	if d.Date.Lunar {
		s += " " + i18n.New(bw.lang).When(d.Date)
	}
	if d.Age > 0 {
		switch d.Date.Kind {
		case profile.DateBirthday, profile.DateChildBirthday, profile.DateFamilyBirthday:
			s += bw.l(i18n.CliBriefTurns, d.Age)
		default:
			s += bw.l(i18n.CliBriefYears, d.Age)
		}
	}
	if d.GiftPrepared {
		s += bw.l(i18n.CliProfileBriefGiftReady)
	} else {
		s += bw.l(i18n.CliProfileBriefGiftNotYet)
	}
	return s
}

func (bw *briefWriter) festival(f briefing.FestivalItem) string {
	name := f.Festival.NameIn(bw.lang)
	if f.Festival.Lunar != "" {
		name = bw.c().Aside(name, bw.c().LunarText(f.Festival.Lunar))
	}
	when := bw.n(i18n.CliBriefInDays, f.DaysAway, f.DaysAway)
	if f.DaysAway == 0 {
		when = bw.l(i18n.CliBriefToday)
	}
	return bw.c().Colon(name+" "+f.Festival.Date.String()+bw.c().Comma()+when, bw.c().Audience(string(f.Audience), f.Festival.Country))
}

func (bw *briefWriter) festivalClients(f briefing.FestivalItem) string {
	if f.Count == 0 {
		return bw.l(i18n.CliBriefWishesOnlyNoStoreNews)
	}
	names := make([]string, len(f.Clients))
	for i, c := range f.Clients {
		names[i] = c.ClientName + bw.tier(c.Tier)
	}
	s := bw.n(i18n.CliBriefFestivalClients, f.Count, f.Count, i18n.New(bw.lang).List(names))
	return s + bw.l(i18n.CliBriefWishesOnlyNoStoreNews2)
}

func (bw *briefWriter) flags(fs []string) string {
	cat := i18n.New(bw.lang)
	named := make([]string, len(fs))
	for i, f := range fs {
		named[i] = cat.SpecialFlag(f)
	}
	return cat.List(named)
}

// contact says where the keep-in-touch clock stands for a lapsed client.
func (bw *briefWriter) contact(c briefing.LapsedItem) string {
	if c.LastContact.IsZero() {
		return bw.l(i18n.CliBriefNoContactLogged)
	}
	if c.SinceContact < c.DaysAway {
		return bw.l(i18n.CliBriefInTouchSince, c.LastContact, daysAgo(c.SinceContact, bw.lang))
	}
	return bw.l(i18n.CliBriefNoContactSinceVisit)
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
		ds = append(ds, bw.c().Colon(l(i18n.CliBriefSpecial)+" "+bw.flags(c.Special), c.SpecialNote))
	}
	for _, d := range c.Dates {
		ds = append(ds, l(i18n.CliBriefDate)+" "+bw.date(d))
	}
	if c.Phone != "" {
		ds = append(ds, l(i18n.CliBriefPhone)+" "+c.Phone)
	}
	if c.Card != nil {
		cat := i18n.New(bw.lang)
		card := cat.TierReason(*c.Card)
		if o := cat.CardOutlook(*c.Card); o != "" {
			card += " / " + o
		}
		ds = append(ds, l(i18n.CliShowCard)+" "+card)
	}
	if len(c.Sizes) > 0 {
		var ss []string
		// Each size as it is now (an older one is history), with its fit
		// note: "shoes 39 EU (narrow foot)".
		for _, s := range (&profile.Profile{Sizes: c.Sizes}).CurrentSizes() {
			z := strings.Join(strings.Fields(s.Category+" "+s.Value+" "+s.System), " ")
			if s.Note != "" {
				z = bw.c().Aside(z, s.Note)
			}
			ss = append(ss, z)
		}
		ds = append(ds, l(i18n.CliBriefSizes)+" "+bw.c().Clauses(ss))
	}
	if len(c.Preferences) > 0 {
		var ps []string
		for _, p := range c.Preferences {
			ps = append(ps, p.Value)
		}
		ds = append(ds, l(i18n.CliBriefLikes)+" "+strings.Join(ps, ", "))
	}
	if len(c.Dislikes) > 0 {
		ds = append(ds, l(i18n.CliBriefDislikes)+" "+strings.Join(c.Dislikes, ", "))
	}
	if c.LastPurchase != nil {
		ds = append(ds, fmt.Sprintf("%s %s %s %s %s", l(i18n.CliBriefLastPurchase), c.LastPurchase.Date, c.LastPurchase.Amount, c.LastPurchase.Currency, c.LastPurchase.Items))
	}
	for _, r := range c.OpenRequests {
		ds = append(ds, l(i18n.CliBriefOpenRequestSinceDays, r.What, r.Opened, r.AgeDays(c.Appointment.Day())))
	}
	for _, n := range c.RecentNotes {
		ds = append(ds, bw.c().Colon(l(i18n.CliBriefNote)+" "+n.At.Format("2006-01-02")+" "+bw.c().NoteKind(n.Kind), n.Text))
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

// daysAgo writes "today", "yesterday", "5 days ago" in lang.
func daysAgo(n int, lang string) string {
	switch {
	case n <= 0:
		return say(lang, i18n.CliBriefToday)
	case n == 1:
		return say(lang, i18n.CliBriefYesterday)
	}
	return i18n.New(lang).N(i18n.CliBriefDaysAgo, n, n)
}

// catchUp makes, before today's briefing is read, the work of the days
// that passed (book.CatchUp: an invitation whose day passed brings the
// next). It opens the book for writing for that alone; a book it cannot
// write (a read-only file, a lock held too long) is briefed as it is.
func (a *App) catchUp(cfg config.Config) {
	b, err := book.Open(a.BookPath, book.Options{Config: &cfg, Now: a.Now, Lang: a.Lang, Timeout: 500 * time.Millisecond})
	if err == nil {
		b.Close()
	}
}
