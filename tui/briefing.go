package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/vipbook/vipbook/briefing"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

// briefingScreen is the morning briefing: today's visits with a prep card
// each, follow-ups overdue and due, dates coming, and the sections the
// clienteling engine adds. Every client item can be opened, every task
// ticked or snoozed, in place.
type briefingScreen struct {
	c  *shared
	br *briefing.Briefing
	// partial is set while br holds only today's visits (the rest of the
	// briefing is being built).
	partial bool
	pane    pane
	why     bool // the urgency's reasons shown under each item (keys.Why)
	// secOf is the book-wide section of each block of the pane ("" for
	// none); whole is the section seen whole (keys.Whole), nil for none.
	secOf []briefing.Section
	whole *wholeSection
}

func newBriefingScreen(c *shared) briefingScreen { return briefingScreen{c: c, pane: pane{cursor: -1}} }

// SetSize gives the screen its body size.
func (s *briefingScreen) SetSize(w, h int) {
	s.pane.setSize(w, h)
	s.rebuild()
	if s.whole != nil {
		s.whole.pane.setSize(w, h)
		s.rebuildWhole()
	}
}

// setBriefing shows a (re)loaded briefing, keeping the cursor on its item.
func (s *briefingScreen) setBriefing(br briefing.Briefing) {
	if s.partial && s.pane.offset == 0 && s.pane.cursor == s.pane.nextSel(-1, 1) {
		// Untouched since the visits showed: start at the top, on the
		// most urgent item.
		s.pane.cursor = -1
	}
	s.br, s.partial = &br, false
	s.rebuild()
}

// setVisits shows today's visits until the whole briefing arrives.
func (s *briefingScreen) setVisits(cards []briefing.PrepCard) {
	if s.br != nil && !s.partial {
		return // the whole briefing came first
	}
	s.br = &briefing.Briefing{Date: s.c.today(), Associate: s.c.associate, Visits: cards}
	s.partial = true
	s.rebuild()
}

// selected returns the item under the cursor.
func (s briefingScreen) selected() (itemRef, bool) {
	if s.whole != nil {
		return s.whole.pane.selected()
	}
	return s.pane.selected()
}

// Update shows the visits and the briefing read, and handles movement;
// the actions on the selected item are the root's.
func (s briefingScreen) Update(msg tea.Msg) (briefingScreen, tea.Cmd) {
	if _, ok := msg.(wholeMsg); ok && s.whole == nil {
		return s, nil // closed before it came
	}
	switch msg.(type) {
	case visitsMsg, briefingMsg:
	default:
		if s.whole != nil {
			return s.updateWhole(msg)
		}
	}
	switch msg := msg.(type) {
	case visitsMsg:
		s.setVisits(msg.cards)
	case briefingMsg:
		s.setBriefing(msg.br)
		return s, s.reloadWhole() // a section seen whole is read again
	case tea.KeyPressMsg:
		if key.Matches(msg, s.c.keys.Why) {
			s.why = !s.why
			s.rebuild()
			return s, nil
		}
		if key.Matches(msg, s.c.keys.Whole) {
			return s, s.openWhole()
		}
		updatePane(&s.pane, msg, s.c.keys)
	default:
		updatePane(&s.pane, msg, s.c.keys)
	}
	return s, nil
}

// whyText words an item's urgency: its score and each reason with its
// points, as the CLI's briefing says them.
func whyText(c *shared, u *briefing.Urgency) string {
	parts := make([]string, len(u.Terms))
	for i, t := range u.Terms {
		parts[i] = c.cat.Reason(string(t.Reason), t.Args) + " +" + points(t.Points)
	}
	return c.t(i18n.BriefWhy, points(u.Score), strings.Join(parts, c.t(i18n.BriefWhyJoin)))
}

// points writes a score with one decimal at most: 4.7, 3.
func points(p float64) string { return strings.TrimSuffix(fmt.Sprintf("%.1f", p), ".0") }

// View draws the briefing.
func (s briefingScreen) View() string {
	if s.whole != nil {
		if s.whole.br == nil {
			return s.c.styles.Dim.Render("  " + s.c.loading())
		}
		return s.whole.pane.view(&s.c.styles)
	}
	if s.br == nil {
		return s.c.styles.Dim.Render("  " + s.c.loading())
	}
	return s.pane.view(&s.c.styles)
}

// updatePane moves a pane by the movement keys and the mouse wheel: all a
// pane screen does with a message itself.
func updatePane(p *pane, msg tea.Msg, k KeyMap) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		movePane(p, msg, k)
	case tea.MouseWheelMsg:
		wheelPane(p, msg)
	}
}

// movePane applies the movement keys to a pane.
func movePane(p *pane, msg tea.KeyPressMsg, k KeyMap) bool {
	switch {
	case key.Matches(msg, k.Up):
		p.move(-1)
	case key.Matches(msg, k.Down):
		p.move(1)
	case key.Matches(msg, k.PageUp):
		p.page(-1)
	case key.Matches(msg, k.PageDown):
		p.page(1)
	case key.Matches(msg, k.Top):
		p.home()
	case key.Matches(msg, k.Bottom):
		p.end()
	default:
		return false
	}
	return true
}

// wheelPane scrolls a pane with the mouse wheel.
func wheelPane(p *pane, msg tea.MouseWheelMsg) {
	switch msg.Mouse().Button {
	case tea.MouseWheelUp:
		p.scroll(-3)
	case tea.MouseWheelDown:
		p.scroll(3)
	}
}

// rebuild lays the briefing out as blocks for the current width: the
// most urgent items of the whole briefing first, then today's visits with
// their prep cards, the follow-ups, the dates, the three specials and the
// lapsed top clients. The book-wide sections show their most urgent items
// and say how many there are in all.
func (s *briefingScreen) rebuild() {
	if s.br == nil || s.pane.w == 0 {
		return
	}
	c, st, br := s.c, &s.c.styles, s.br
	w := s.pane.w - gutter
	var bs []block
	text := func(lines ...string) { bs = append(bs, block{lines: lines}) }
	var secOf []briefing.Section
	mark := func(from int, sec briefing.Section) {
		for len(secOf) < len(bs) {
			secOf = append(secOf, "")
		}
		for i := from; i < len(bs); i++ {
			secOf[i] = sec
		}
	}
	heading := func(k i18n.Key, shown, total int) {
		h := st.Section.Render(c.t(k, countText(c, shown, total)))
		if total > shown {
			h += "  " + st.Dim.Render(c.t(i18n.BriefSeeAll, c.keys.Whole.Help().Key))
		}
		text("", h)
	}
	none := func(k i18n.Key) { text(st.Dim.Render("  " + c.t(k))) }

	title := c.t(i18n.BriefTitle, c.cat.LongDate(br.Date))
	if br.Associate != "" {
		title += "  " + st.Dim.Render(c.t(i18n.BriefFor, br.Associate))
	}
	text(st.Title.Render(title))

	if s.partial {
		text("", st.Dim.Render("  "+c.t(i18n.BriefBuilding)))
	}
	if len(br.Urgent) > 0 {
		heading(i18n.SecUrgent, len(br.Urgent), len(br.Urgent))
		for _, r := range br.Urgent {
			if b, ok := s.itemLine(r.Section, r, w, true); ok {
				bs = append(bs, b)
				mark(len(bs)-1, r.Section)
			}
		}
	}

	heading(i18n.BriefVisits, len(br.Visits), len(br.Visits))
	if len(br.Visits) == 0 {
		none(i18n.BriefNoVisits)
	}
	for i := range br.Visits {
		bs = append(bs, s.prepCard(&br.Visits[i], w))
	}

	if s.partial {
		text("")
		s.pane.setBlocks(bs)
		return
	}
	section := func(sec briefing.Section, k i18n.Key, n, total int, empty i18n.Key) {
		if n == 0 && empty == "" {
			return
		}
		from := len(bs)
		defer func() { mark(from, sec) }()
		heading(k, n, total)
		if n == 0 {
			none(empty)
		}
		for i := 0; i < n; i++ {
			if b, ok := s.itemLine(sec, briefing.Ref{Section: sec, Index: i}, w, false); ok {
				bs = append(bs, b)
			}
		}
	}
	section(briefing.SecOverdue, i18n.BriefOverdue, len(br.Overdue), br.Totals.Overdue, i18n.BriefNothingOverdue)
	section(briefing.SecDue, i18n.BriefDue, len(br.Due), br.Totals.Due, i18n.BriefNothingDue)
	section(briefing.SecDates, i18n.BriefDates, len(br.Dates), br.Totals.Dates, i18n.BriefNoDates)
	if len(br.Requests)+len(br.Festivals)+len(br.Situations)+len(br.People) > 0 {
		text("", st.Title.Render(c.t(i18n.SecSpecials)))
	}
	section(briefing.SecRequests, i18n.SecRequests, len(br.Requests), br.Totals.Requests, "")
	section(briefing.SecFestivals, i18n.SecFestivals, len(br.Festivals), br.Totals.Festivals, "")
	section(briefing.SecSituations, i18n.SecSituations, len(br.Situations), br.Totals.Situations, "")
	section(briefing.SecPeople, i18n.SecPeople, len(br.People), len(br.People), "")
	section(briefing.SecLapsed, i18n.SecLapsed, len(br.Lapsed), br.Totals.Lapsed, "")
	from := len(bs)
	bs = append(bs, s.cards(w)...)
	mark(from, briefing.SecCards)

	bs = append(bs, s.ahead(w)...)

	// A list the briefing gains later is still shown, read generically.
	for _, sec := range extraSections(*br) {
		text("", st.Section.Render(c.cat.Aside(sectionTitle(sec), strconv.Itoa(len(sec.items)))))
		for _, it := range sec.items {
			line := fit(it.name, nameCol) + "  " + it.text
			b := block{lines: []string{clip(line, w)}, plain: line}
			if it.clientID != "" {
				b.sel, b.ref = true, itemRef{clientID: it.clientID, clientName: it.name}
			}
			bs = append(bs, b)
		}
	}
	text("")
	mark(len(bs), "")
	s.secOf = secOf
	s.pane.setBlocks(bs)
}

// cards draws the cards lapsing within briefing.CardWarnDays unless the
// client spends (only under a dated card scheme): the client, the card with what keeps it, and the days to its last
// valid day. A row opens the client.
func (s *briefingScreen) cards(w int) []block {
	c, st, br := s.c, &s.c.styles, s.br
	if br.Totals.Cards == 0 {
		return nil
	}
	h := st.Section.Render(c.t(i18n.SecCards, countText(c, len(br.Cards), br.Totals.Cards)))
	if br.Totals.Cards > len(br.Cards) {
		h += "  " + st.Dim.Render(c.t(i18n.BriefSeeAll, c.keys.Whole.Help().Key))
	}
	bs := []block{{lines: []string{""}}, {lines: []string{h}}}
	for _, it := range br.Cards {
		name := it.ClientName
		what := c.cat.CardLabel(it.Card.Label)
		if o := c.cat.CardOutlook(it.Card); o != "" {
			what = c.t(i18n.CardWithOutlook, what, o)
		}
		when := c.cat.DaysAway(it.DaysLeft)
		head := "    " + fit(orDash(name), nameCol) + "  "
		avail := max(4, w-width(head)-2-width(when))
		plain := head + fit(what, avail) + "  " + when
		line := head + fit(what, avail) + "  " + st.Dim.Render(when)
		b := block{lines: []string{clip(line, w)}, plain: plain, sel: true, ref: itemRef{clientID: it.ClientID, clientName: it.ClientName}}
		if s.why && len(it.Urgency.Terms) > 0 {
			for _, l := range wrapText(whyText(c, &it.Urgency), max(10, w-8), 0) {
				b.lines = append(b.lines, st.Dim.Render("        "+l))
			}
		}
		bs = append(bs, b)
	}
	return bs
}

// ahead draws the look ahead: tomorrow's visits (a row opens the client),
// then the follow-ups of the next days, soonest first (a row can be
// ticked or snoozed, as any follow-up).
func (s *briefingScreen) ahead(w int) []block {
	c, st, a := s.c, &s.c.styles, &s.br.Ahead
	shown := len(a.Visits) + len(a.Tasks)
	bs := []block{{lines: []string{""}}, {lines: []string{st.Section.Render(c.t(i18n.BriefAhead, countText(c, shown, len(a.Visits)+a.TaskTotal)))}}}
	if shown == 0 {
		return append(bs, block{lines: []string{st.Dim.Render("  " + c.t(i18n.BriefAheadNone))}})
	}
	type aheadRow struct {
		box, name, what, when string
		ref                   itemRef
	}
	var rows []aheadRow
	for _, v := range a.Visits {
		when := c.t(i18n.BriefTomorrowAt, v.Appointment.Start.In(c.loc()).Format("15:04"))
		rows = append(rows, aheadRow{"    ", v.ClientName, termsafe.Line(v.Appointment.Purpose), when,
			itemRef{clientID: v.Appointment.ClientID, clientName: v.ClientName}})
	}
	for i := range a.Tasks {
		t := a.Tasks[i]
		when, _ := taskWhen(c, &t.Task)
		if c.today().DaysUntil(t.Task.DueOn()) > 1 { // "tomorrow" needs no weekday
			when = c.cat.Weekday(t.Task.DueOn().Weekday()) + " " + when
		}
		task := t.Task
		rows = append(rows, aheadRow{"[ ] ", t.ClientName, c.cat.TaskTitle(&t.Task), when,
			itemRef{clientID: t.Task.ClientID, clientName: t.ClientName, task: &task}})
	}
	whenW := 0
	for _, r := range rows {
		whenW = max(whenW, width(r.when))
	}
	for _, r := range rows {
		head := r.box + fit(orDash(r.name), nameCol) + "  "
		avail := max(4, w-width(head)-2-whenW)
		plain := head + fit(r.what, avail) + "  " + fit(r.when, whenW)
		line := head + fit(r.what, avail) + "  " + st.Dim.Render(fit(r.when, whenW))
		bs = append(bs, block{lines: []string{clip(line, w)}, plain: plain, sel: r.ref.clientID != "", ref: r.ref})
	}
	if more := a.TaskTotal - len(a.Tasks); more > 0 {
		bs = append(bs, block{lines: []string{st.Dim.Render("  " + c.cat.N(i18n.BriefAheadMore, more, more))}})
	}
	return bs
}

// countText says how many items a section shows: "5", or "20 of 70" when
// only the most urgent are shown.
func countText(c *shared, shown, total int) string {
	if total > shown {
		return c.t(i18n.CountOf, shown, total)
	}
	return fmt.Sprint(shown)
}

// tagWidth is the width of the section tag column in the most urgent
// list: the widest tag in the language.
func tagWidth(c *shared) int {
	w := 0
	for _, k := range sectionTags {
		w = max(w, width(c.t(k)))
	}
	return w
}

// sectionTags name the sections in the most urgent list.
var sectionTags = map[briefing.Section]i18n.Key{
	briefing.SecOverdue: i18n.TagOverdue, briefing.SecDue: i18n.TagDue, briefing.SecDates: i18n.TagDate,
	briefing.SecRequests: i18n.TagRequest, briefing.SecFestivals: i18n.TagFestival,
	briefing.SecSituations: i18n.TagSituation, briefing.SecPeople: i18n.TagPerson, briefing.SecLapsed: i18n.TagLapsed,
}

// itemLine draws one item of a section as a row: client, (in the most
// urgent list, the section), what, when. Rows of a client can be opened;
// rows of a follow-up can be ticked and snoozed.
func (s *briefingScreen) itemLine(sec briefing.Section, r briefing.Ref, w int, tagged bool) (block, bool) {
	c, st := s.c, &s.c.styles
	r.Section = sec
	item, urg := s.br.Item(r)
	if item == nil {
		return block{}, false
	}
	var name, what, when string
	whenStyle := st.Dim
	ref := itemRef{}
	switch it := item.(type) {
	case *briefing.TaskItem:
		name, what = it.ClientName, c.cat.TaskTitle(&it.Task)
		when, whenStyle = taskWhen(c, &it.Task)
		task := it.Task
		ref = itemRef{clientID: it.Task.ClientID, clientName: it.ClientName, task: &task}
	case *briefing.DateItem:
		name, what = it.ClientName, c.cat.DateLabel(it.Date)
		if it.Age > 0 {
			what = c.cat.Beside(what, c.cat.DateAge(it.Date.Kind, it.Age))
		}
		when = c.cat.DaysAway(it.DaysAway)
		if it.DaysAway == 0 {
			whenStyle = st.Due
		}
		ref = itemRef{clientID: it.ClientID, clientName: it.ClientName}
	case *briefing.RequestItem:
		name, what = it.ClientName, it.Request.What
		when = c.cat.N(i18n.WhenWaiting, it.AgeDays, it.AgeDays)
		ref = itemRef{clientID: it.Request.ClientID, clientName: it.ClientName}
	case *briefing.FestivalItem:
		name = it.Festival.NameIn(c.cat.Lang())
		what = c.cat.Audience(string(it.Audience), it.Festival.Country)
		var names []string
		for _, cl := range it.Clients {
			names = append(names, cl.ClientName)
		}
		if len(names) > 0 {
			what = c.cat.Colon(what, c.cat.List(names))
			if more := it.Count - len(names); more > 0 {
				what += " " + c.t(i18n.AndMore, more)
			}
		}
		// The lunar day a Chinese festival falls on this year (除夕 is
		// 腊月廿九 or 三十), and a name too wide for its column in full.
		if it.Festival.Lunar != "" {
			what = c.cat.LunarText(it.Festival.Lunar) + "  " + what
		}
		if width(name) > nameCol {
			what = name + "  " + what
		}
		when = c.cat.DaysAway(it.DaysAway)
		if len(it.Clients) == 1 {
			ref = itemRef{clientID: it.Clients[0].ClientID, clientName: it.Clients[0].ClientName}
		}
	case *briefing.SituationItem:
		name, what = it.ClientName, firstLine(it.Note.Text)
		when = c.cat.DaysAway(-it.DaysAgo)
		ref = itemRef{clientID: it.ClientID, clientName: it.ClientName}
	case *briefing.PersonItem:
		var flags []string
		for _, f := range it.Flags {
			flags = append(flags, c.cat.SpecialFlag(f))
		}
		name, what = it.ClientName, c.cat.List(flags)
		if it.Note != "" {
			what = c.cat.Colon(what, it.Note)
		}
		when = it.At.In(c.loc()).Format("15:04")
		ref = itemRef{clientID: it.ClientID, clientName: it.ClientName}
	case *briefing.LapsedItem:
		tier := tierWord(c, it.Tier)
		name, what = it.ClientName, c.cat.LapseReason(it.DaysAway, it.LastVisit, it.RhythmDays, it.By == briefing.ByRhythm, tier, it.LapseDays)
		if tier != "" {
			name += " " + tier
		}
		if what == "" {
			what = c.cat.N(i18n.WhenAway, it.DaysAway, it.DaysAway)
		}
		ref = itemRef{clientID: it.ClientID, clientName: it.ClientName}
	default:
		return block{}, false
	}
	tagW := tagWidth(c)
	head := fit(orDash(name), nameCol) + "  "
	if tagged {
		head += fit(c.t(sectionTags[sec]), tagW) + "  "
	}
	box := "    "
	if ref.task != nil {
		box = "[ ] "
	}
	avail := max(4, w-width(box)-width(head)-2-width(when))
	plain := box + head + fit(what, avail) + "  " + when
	line := box + head + fit(what, avail) + "  " + whenStyle.Render(when)
	if tagged {
		tag := fit(c.t(sectionTags[sec]), tagW)
		line = box + fit(orDash(name), nameCol) + "  " + st.Dim.Render(tag) + "  " + fit(what, avail) + "  " + whenStyle.Render(when)
	}
	b := block{lines: []string{clip(line, w)}, plain: plain, sel: ref.clientID != "", ref: ref}
	if s.why && urg != nil && len(urg.Terms) > 0 {
		// The reasons on demand (w), under the item, wrapped to the width.
		for _, l := range wrapText(whyText(c, urg), max(10, w-8), 0) {
			b.lines = append(b.lines, st.Dim.Render("        "+l))
		}
	}
	return b, true
}

// tierWord names a tier for the associate: under a card scheme, the
// card's label in the language in use ("Gold card", 金卡) rather than
// the level's name in the configuration ("middle"); a pyramid's tier
// letter as it is.
func tierWord(c *shared, tier string) string {
	return c.cat.CardLabel(c.cfg.Tiers.LevelLabel(tier))
}

// nameCol is the width of client-name columns in the briefing and lists.
const nameCol = 16

// noteDay is the day of a note as a card shows it: "09-13" this year,
// "2025-09-13" for an older one (a note from last September is not this
// September's).
func noteDay(at time.Time, today civil.Date) string {
	if at.Year() != today.Year {
		return at.Format("2006-01-02")
	}
	return at.Format("01-02")
}

// prepCard is the card of one of today's visits.
func (s *briefingScreen) prepCard(v *briefing.PrepCard, w int) block {
	c, st := s.c, &s.c.styles
	name := v.Name
	if v.Client.LatinName != "" && v.Client.LatinName != v.Name {
		name += " " + v.Client.LatinName
	}
	head := v.Appointment.Start.In(c.loc()).Format("15:04") + "  " + name
	if v.Tier != "" {
		head += "  " + c.t(i18n.ProfTier, v.Tier)
	}
	if v.Appointment.Purpose != "" {
		head += "  " + v.Appointment.Purpose
	}
	lines := []string{st.Value.Bold(true).Render(clip(termsafe.Line(head), w))}
	type field struct {
		label i18n.Key
		value string
	}
	var fields []field
	add := func(k i18n.Key, v string) {
		if strings.TrimSpace(v) != "" {
			fields = append(fields, field{label: k, value: v})
		}
	}
	add(i18n.CardPhone, v.Phone)
	if v.Card != nil {
		add(i18n.CliShowCard, c.cat.TierReason(*v.Card))
		add(i18n.CliShowCard, c.cat.CardOutlook(*v.Card))
	}
	var sizes []string
	for _, z := range (&profile.Profile{Sizes: v.Sizes}).CurrentSizes() {
		t := sizeText(z)
		if z.Note != "" { // the fit note: "narrow foot", "slim cut"
			t = c.cat.Aside(t, z.Note)
		}
		sizes = append(sizes, t)
	}
	add(i18n.CardSizes, c.cat.Clauses(sizes))
	var prefs []string
	for _, p := range v.Preferences {
		prefs = append(prefs, p.Value)
	}
	add(i18n.CardLikes, c.cat.List(topOf(prefs, cardLikes)))
	add(i18n.CardDislikes, c.cat.List(topOf(v.Dislikes, cardLikes)))
	if lp := v.LastPurchase; lp != nil {
		add(i18n.CardLastPurchase, strings.TrimSpace(fmt.Sprintf("%s  %s %s  %s", lp.Date, lp.Amount, lp.Currency, lp.Items)))
	}
	for _, r := range v.OpenRequests {
		add(i18n.CardRequest, c.t(i18n.CardRequestSince, r.What, r.Opened.String()))
	}
	for _, n := range v.RecentNotes {
		add(i18n.CardNote, c.cat.Colon(noteDay(n.At, c.today())+" "+c.cat.NoteKind(n.Kind), firstLine(n.Text)))
	}
	var dates []string
	for _, d := range v.Dates {
		dates = append(dates, c.cat.DateLabel(d.Date)+" "+c.cat.DaysAway(d.DaysAway))
	}
	add(i18n.CardDates, c.cat.List(dates))
	if len(v.Special) > 0 {
		var flags []string
		for _, f := range v.Special {
			flags = append(flags, c.cat.SpecialFlag(f))
		}
		sp := c.cat.List(flags)
		if v.SpecialNote != "" {
			sp = c.cat.Colon(sp, v.SpecialNote)
		}
		add(i18n.CardSpecial, sp)
	}
	if v.Stats.Last12 > 0 {
		add(i18n.CardValue, c.cat.N(i18n.CardValueText, v.Stats.Visits, v.Stats.Last12.String(), v.Stats.Visits))
	}
	lw := 0
	for _, f := range fields {
		lw = max(lw, width(c.t(f.label)))
	}
	const indent = 7
	for _, f := range fields {
		label := fit(c.t(f.label), lw)
		avail := w - indent - lw - 2
		wrapped := wrapText(termsafe.Text(f.value), max(10, avail), 0)
		for i, l := range wrapped {
			lab := strings.Repeat(" ", lw)
			if i == 0 {
				lab = label
			}
			lines = append(lines, strings.Repeat(" ", indent)+st.Label.Render(lab)+"  "+l)
		}
	}
	return block{lines: lines, plain: head, sel: true, ref: itemRef{clientID: v.Appointment.ClientID, clientName: v.Name}}
}

// cardLikes is how many likes (and dislikes) a prep card shows: the first
// ones, as the profile lists them.
const cardLikes = 5

// topOf returns the first n of xs, without empty ones or repeats.
func topOf(xs []string, n int) []string {
	var out []string
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" && !slices.Contains(out, x) && len(out) < n {
			out = append(out, x)
		}
	}
	return out
}

// sizeText writes a size: "shoes 37 EU".
func sizeText(z profile.Size) string {
	return strings.Join(strings.Fields(z.Category+" "+z.Value+" "+z.System), " ")
}

// taskBlock draws a follow-up row: box, client, title, when.
func taskBlock(c *shared, t tasks.Task, clientName string, w int) block {
	box := "[ ]"
	if !t.IsOpen() {
		box = "[x]"
	}
	when, whenStyle := taskWhen(c, &t)
	name := fit(orDash(clientName), nameCol)
	title := c.cat.TaskTitle(&t)
	avail := w - 4 - nameCol - 2 - 2 - width(when)
	plain := box + " " + name + "  " + fit(title, max(4, avail)) + "  " + when
	line := box + " " + name + "  " + fit(title, max(4, avail)) + "  " + whenStyle.Render(when)
	task := t
	return block{lines: []string{clip(line, w)}, plain: plain, sel: true,
		ref: itemRef{clientID: t.ClientID, clientName: clientName, task: &task}}
}

// taskWhen says when a follow-up is due, styled by urgency.
func taskWhen(c *shared, t *tasks.Task) (string, lipgloss.Style) {
	st := &c.styles
	if !t.IsOpen() {
		return c.cat.TaskStatus(t.Status), st.Done
	}
	today := c.today()
	if n := t.Overdue(today); n > 0 {
		return c.cat.N(i18n.WhenLate, n, n), st.Overdue
	}
	days := today.DaysUntil(t.DueOn())
	s := c.cat.DaysAway(days)
	if t.Status == tasks.Snoozed {
		s = c.t(i18n.WhenSnoozedTo, t.DueOn().String())
	}
	if days == 0 {
		return s, st.Due
	}
	return s, st.Dim
}
