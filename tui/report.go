package tui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/report"
	"github.com/vipbook/vipbook/store"
)

// reportScreen is the VIP stocktake: the answers to the ten questions
// about the book (package report), read each time the screen is shown.
// The clients it names can be selected and opened, noted or messaged.
type reportScreen struct {
	c    *shared
	r    *report.Report
	pane pane
	away int // the first block of the clients away longest
}

// reportMsg delivers the report of today.
type reportMsg struct{ r report.Report }

func newReportScreen(c *shared) reportScreen { return reportScreen{c: c, pane: pane{cursor: -1}} }

// loadReport reads the book and answers the ten questions of today.
func loadReport(c *shared) tea.Cmd {
	book, today, cat := c.book, c.today(), c.cat
	return func() tea.Msg {
		var r report.Report
		err := book.View(func(tx *store.Tx) error {
			in, err := report.Load(tx, today)
			if err != nil {
				return err
			}
			r = report.Build(in)
			return nil
		})
		if err != nil {
			return errMsg{readFailed(cat, i18n.AppReadingReport, err)}
		}
		return reportMsg{r}
	}
}

// SetSize gives the screen its body size.
func (s *reportScreen) SetSize(w, h int) {
	s.pane.setSize(w, h)
	s.rebuild()
}

// setReport shows a (re)loaded report.
func (s *reportScreen) setReport(r report.Report) {
	s.r = &r
	s.rebuild()
}

// selected returns the client under the cursor.
func (s reportScreen) selected() (itemRef, bool) { return s.pane.selected() }

// inAway reports whether the cursor is on a client away longest (a
// message to them is a miss-you).
func (s reportScreen) inAway() bool { return s.away > 0 && s.pane.cursor >= s.away }

// Update shows the report read, and handles movement.
func (s reportScreen) Update(msg tea.Msg) (reportScreen, tea.Cmd) {
	if msg, ok := msg.(reportMsg); ok {
		s.setReport(msg.r)
		return s, nil
	}
	updatePane(&s.pane, msg, s.c.keys)
	return s, nil
}

// View draws the report.
func (s reportScreen) View() string {
	if s.r == nil {
		return s.c.styles.Dim.Render("  " + s.c.t(i18n.Loading))
	}
	return s.pane.view(&s.c.styles)
}

// reportNameCol is the width of the name column of the report's lists.
const reportNameCol = 18

// rebuild lays the report out as blocks for the current width.
func (s *reportScreen) rebuild() {
	if s.r == nil || s.pane.w == 0 {
		return
	}
	c, st, r := s.c, &s.c.styles, s.r
	w := s.pane.w - gutter
	var bs []block
	text := func(lines ...string) { bs = append(bs, block{lines: lines}) }
	heading := func(k i18n.Key) { text("", st.Section.Render(c.t(k))) }
	none := func(k i18n.Key) { text(st.Dim.Render("  " + c.t(k))) }
	money := func(m profile.Money) string { return strings.TrimSpace(m.String() + " " + r.Currency) }
	// row is a selectable line naming a client.
	// row is a selectable entry naming a client, its text wrapped under
	// itself.
	row := func(id, name, rest string) block {
		head := "  " + fit(orDash(name), reportNameCol) + "  "
		b := block{sel: id != "", ref: itemRef{clientID: id, clientName: name}}
		for i, l := range wrapText(rest, max(10, w-width(head)), 0) {
			if i == 0 {
				b.plain = head + l
				b.lines = append(b.lines, clip(b.plain, w))
				continue
			}
			b.lines = append(b.lines, clip(strings.Repeat(" ", width(head))+l, w))
		}
		return b
	}

	text(st.Title.Render(c.t(i18n.ReportTitle, c.cat.LongDate(r.Date))))
	text(st.Dim.Render(clip(c.t(i18n.ReportBook, r.Clients, r.Buyers, money(r.SalesYTD)), w)))

	// Questions 1, 2, 3 and 7 to 10, client by client.
	heading(i18n.ReportTop)
	if len(r.Top) == 0 {
		none(i18n.ReportNoSales)
	}
	labels := []string{c.t(i18n.ProfPlace), c.t(i18n.ProfOccupation), c.t(i18n.ProfHobbies), c.t(i18n.ProfDates),
		c.t(i18n.ReportLikes), c.t(i18n.ProfWhyBrand), c.t(i18n.ProfDislikes), c.t(i18n.ProfShare), c.t(i18n.ProfMotivator),
		c.t(i18n.ReportSizes)}
	lw := 0
	for _, l := range labels {
		lw = max(lw, width(l))
	}
	for _, t := range r.Top {
		plain := fmt.Sprintf("%2d ", t.Rank) + fit(t.Name, reportNameCol) + "  " + fitRight(money(t.YTD), 16) + "  " +
			c.cat.N(i18n.ReportPurchases, t.PurchasesYTD, t.PurchasesYTD)
		if t.HandedOver {
			plain += "  " + c.t(i18n.ReportHandedOver)
		}
		if t.DoNotContact {
			plain = c.cat.Beside(plain+" ", c.t(i18n.MarkDNC))
		}
		b := block{lines: []string{clip(plain, w)}, plain: plain, sel: true, ref: itemRef{clientID: t.ID, clientName: t.Name}}
		field := func(label, value string) {
			if strings.TrimSpace(value) == "" {
				return
			}
			indent := 5 + lw + 2
			for i, l := range wrapText(termsafe.Text(value), max(10, w-indent), 0) {
				lab := strings.Repeat(" ", lw)
				if i == 0 {
					lab = fit(label, lw)
				}
				b.lines = append(b.lines, "     "+st.Label.Render(lab)+"  "+l)
			}
		}
		field(labels[0], strings.TrimSpace(t.City+" "+t.District))
		field(labels[1], t.Occupation)
		field(labels[2], c.cat.List(t.Hobbies))
		for i, d := range t.Dates {
			lab := ""
			if i == 0 {
				lab = labels[3]
			}
			field(lab, s.dateText(d))
		}
		var likes []string
		for _, p := range t.Preferences {
			likes = append(likes, p.Value)
		}
		for _, it := range t.Items {
			likes = append(likes, it.Value)
		}
		field(labels[4], c.cat.List(likes))
		field(labels[5], t.WhyBrand)
		field(labels[6], c.cat.List(t.Dislikes))
		var sizes []string
		for _, z := range t.Sizes {
			sizes = append(sizes, strings.Join(strings.Fields(z.Category+" "+z.Value+" "+z.System), " "))
		}
		field(labels[9], c.cat.List(sizes))
		field(labels[7], t.ShareOfWallet)
		field(labels[8], t.Motivator)
		bs = append(bs, b)
	}

	// Question 3 across the top clients.
	heading(i18n.ReportFavourites)
	f := r.Favourites
	favs := []struct {
		label string
		cs    []report.Count
	}{
		{c.cat.PrefKind(profile.PrefCategory), f.Categories}, {c.cat.PrefKind(profile.PrefStyle), f.Styles},
		{c.cat.PrefKind(profile.PrefColour), f.Colours}, {c.cat.PrefKind(profile.PrefMaterial), f.Materials},
		{c.cat.PrefKind(profile.PrefBrand), f.Brands}, {c.cat.PrefKind(profile.PrefLine), f.Lines},
		{c.cat.PrefKind(profile.PrefOccasion), f.Occasions}, {c.t(i18n.ReportItems), f.Items},
		{c.t(i18n.ProfDislikes), f.Dislikes}, {c.t(i18n.ReportSizes), f.Sizes},
	}
	fw, any := 0, false
	for _, fv := range favs {
		if len(fv.cs) > 0 {
			fw, any = max(fw, width(fv.label)), true
		}
	}
	if !any {
		none(i18n.ReportNothingYet)
	}
	for _, fv := range favs {
		if len(fv.cs) == 0 {
			continue
		}
		var vs []string
		for _, n := range fv.cs {
			vs = append(vs, c.t(i18n.ReportCount, n.Value, n.N))
		}
		for i, l := range wrapText(c.cat.List(vs), max(10, w-fw-4), 0) {
			lab := strings.Repeat(" ", fw)
			if i == 0 {
				lab = fit(fv.label, fw)
			}
			text("  " + st.Label.Render(lab) + "  " + l)
		}
	}

	// Question 4.
	heading(i18n.ReportShare)
	sw := max(width(c.t(i18n.ReportTop10)), width(c.t(i18n.ReportTop50)))
	text("  " + fit(c.t(i18n.ReportTop10), sw) + "  " + fitRight(money(r.Share.Top10), 16) + "  " + fmt.Sprintf("%5.1f%%", r.Share.Top10Pct))
	text("  " + fit(c.t(i18n.ReportTop50), sw) + "  " + fitRight(money(r.Share.Top50), 16) + "  " + fmt.Sprintf("%5.1f%%", r.Share.Top50Pct))

	// Question 5.
	heading(i18n.ReportFrequent)
	if len(r.MostFrequent) == 0 {
		none(i18n.ReportNone)
	}
	for _, v := range r.MostFrequent {
		bs = append(bs, row(v.ID, v.Name, c.cat.N(i18n.ReportVisits, v.Visits, v.Visits, v.LastVisit.String())))
	}
	heading(i18n.ReportTicket)
	if len(r.HighestTicket) == 0 {
		none(i18n.ReportNone)
	}
	for _, t := range r.HighestTicket {
		bs = append(bs, row(t.ID, t.Name, fitRight(money(t.Average), 16)+"  "+c.cat.N(i18n.ReportTicketLine, t.Purchases, t.Purchases, money(t.Spend))))
	}

	// Question 6.
	heading(i18n.ReportAway)
	s.away = len(bs)
	if len(r.LongestAway) == 0 {
		none(i18n.ReportNone)
	}
	for _, a := range r.LongestAway {
		rest := c.cat.N(i18n.ReportDaysAway, a.DaysAway, a.DaysAway, a.LastVisit.String())
		if a.Rhythm > 0 {
			rest += c.cat.N(i18n.ReportRhythm, a.Rhythm, a.Rhythm)
		}
		rest += c.t(i18n.ReportTotal, money(a.Total))
		b := row(a.ID, a.Name, rest)
		if a.LastNote != nil {
			n := a.LastNote
			note := c.t(i18n.ReportLastNote, n.At.Format("2006-01-02"), c.cat.NoteKind(n.Kind), firstLine(n.Text))
			b.lines = append(b.lines, st.Dim.Render(clip("  "+strings.Repeat(" ", reportNameCol)+"  "+note, w)))
		}
		bs = append(bs, b)
	}

	// Questions 7 to 10: answered client by client above; what is missing.
	heading(i18n.ReportGapsTitle)
	g := r.Gaps
	var gaps []string
	for _, x := range []struct {
		n int
		k i18n.Key
	}{{g.WhyBrand, i18n.ProfWhyBrand}, {g.Dislikes, i18n.ProfDislikes}, {g.ShareOfWallet, i18n.ProfShare},
		{g.Motivator, i18n.ProfMotivator}, {g.Hobbies, i18n.ProfHobbies}, {g.Dates, i18n.ProfDates}} {
		if x.n > 0 {
			gaps = append(gaps, c.t(i18n.ReportCount, c.t(x.k), x.n))
		}
	}
	if len(gaps) == 0 {
		none(i18n.ReportNoGaps)
	} else {
		for _, l := range wrapText(c.t(i18n.ReportGaps, c.cat.List(gaps)), max(10, w-2), 0) {
			text("  " + l)
		}
	}
	text("")
	s.pane.setBlocks(bs)
}

// dateText says an important date of a top client: what, when, the next
// time and how far away, and the age or years it marks.
func (s *reportScreen) dateText(d report.DateInfo) string {
	c := s.c
	name := c.cat.DateWhose(d.Kind, d.Label, d.For)
	out := c.t(i18n.ReportDate, name, c.cat.LunarText(d.When), d.Next.String(), c.cat.DaysAway(d.DaysAway))
	if d.Years > 0 {
		switch d.Kind {
		case profile.DateBirthday, profile.DateChildBirthday, profile.DateFamilyBirthday:
			out += c.t(i18n.ReportTurns, d.Years)
		default:
			out += c.cat.N(i18n.ReportYears, d.Years, d.Years)
		}
	}
	return out
}
