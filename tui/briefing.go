package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/vipbook/vipbook/briefing"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

// briefingScreen is the morning briefing: today's visits with a prep card
// each, follow-ups overdue and due, dates coming, and the sections the
// clienteling engine adds. Every client item can be opened, every task
// ticked or snoozed, in place.
type briefingScreen struct {
	c    *shared
	br   *briefing.Briefing
	pane pane
}

func newBriefingScreen(c *shared) briefingScreen { return briefingScreen{c: c, pane: pane{cursor: -1}} }

// SetSize gives the screen its body size.
func (s *briefingScreen) SetSize(w, h int) {
	s.pane.setSize(w, h)
	s.rebuild()
}

// setBriefing shows a (re)loaded briefing, keeping the cursor on its item.
func (s *briefingScreen) setBriefing(br briefing.Briefing) {
	s.br = &br
	s.rebuild()
}

// selected returns the item under the cursor.
func (s briefingScreen) selected() (itemRef, bool) { return s.pane.selected() }

// Update handles movement; the actions on the selected item are the root's.
func (s briefingScreen) Update(msg tea.Msg) (briefingScreen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		movePane(&s.pane, msg, s.c.keys)
	case tea.MouseWheelMsg:
		wheelPane(&s.pane, msg)
	}
	return s, nil
}

// View draws the briefing.
func (s briefingScreen) View() string {
	if s.br == nil {
		return s.c.styles.Dim.Render("  " + s.c.t(i18n.Loading))
	}
	return s.pane.view(&s.c.styles)
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

// rebuild lays the briefing out as blocks for the current width.
func (s *briefingScreen) rebuild() {
	if s.br == nil || s.pane.w == 0 {
		return
	}
	c, st, br := s.c, &s.c.styles, s.br
	w := s.pane.w - gutter
	var bs []block
	text := func(lines ...string) { bs = append(bs, block{lines: lines}) }
	heading := func(k i18n.Key, n int) {
		text("", st.Section.Render(c.t(k, n)))
	}

	title := c.t(i18n.BriefTitle, c.cat.LongDate(br.Date))
	if br.Associate != "" {
		title += "  " + st.Dim.Render(c.t(i18n.BriefFor, br.Associate))
	}
	text(st.Title.Render(title))

	heading(i18n.BriefVisits, len(br.Visits))
	if len(br.Visits) == 0 {
		text(st.Dim.Render("  " + c.t(i18n.BriefNoVisits)))
	}
	for i := range br.Visits {
		bs = append(bs, s.prepCard(&br.Visits[i], w))
	}

	heading(i18n.BriefOverdue, len(br.Overdue))
	if len(br.Overdue) == 0 {
		text(st.Dim.Render("  " + c.t(i18n.BriefNothingOverdue)))
	}
	for i := range br.Overdue {
		bs = append(bs, s.taskLine(&br.Overdue[i], w))
	}
	heading(i18n.BriefDue, len(br.Due))
	if len(br.Due) == 0 {
		text(st.Dim.Render("  " + c.t(i18n.BriefNothingDue)))
	}
	for i := range br.Due {
		bs = append(bs, s.taskLine(&br.Due[i], w))
	}

	heading(i18n.BriefDates, len(br.Dates))
	if len(br.Dates) == 0 {
		text(st.Dim.Render("  " + c.t(i18n.BriefNoDates)))
	}
	for _, d := range br.Dates {
		bs = append(bs, s.dateLine(d, w))
	}

	for _, sec := range extraSections(*br) {
		text("", st.Section.Render(fmt.Sprintf("%s (%d)", sectionTitle(c.cat, sec), len(sec.items))))
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
	s.pane.setBlocks(bs)
}

// nameCol is the width of client-name columns in the briefing and lists.
const nameCol = 16

// prepCard is the card of one of today's visits.
func (s *briefingScreen) prepCard(v *briefing.PrepCard, w int) block {
	c, st := s.c, &s.c.styles
	name := v.Name
	if v.Client.LatinName != "" && v.Client.LatinName != v.Name {
		name += " " + v.Client.LatinName
	}
	head := v.Appointment.Start.Format("15:04") + "  " + name
	if v.Appointment.Purpose != "" {
		head += "  " + v.Appointment.Purpose
	}
	lines := []string{st.Value.Bold(true).Render(clip(head, w))}
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
	var sizes []string
	for _, z := range v.Sizes {
		sizes = append(sizes, sizeText(z))
	}
	add(i18n.CardSizes, strings.Join(sizes, "; "))
	var prefs []string
	for _, p := range v.Preferences {
		prefs = append(prefs, p.Value)
	}
	add(i18n.CardLikes, c.cat.List(prefs))
	add(i18n.CardDislikes, c.cat.List(v.Dislikes))
	if lp := v.LastPurchase; lp != nil {
		add(i18n.CardLastPurchase, strings.TrimSpace(fmt.Sprintf("%s  %s %s  %s", lp.Date, lp.Amount, lp.Currency, lp.Items)))
	}
	for _, r := range v.OpenRequests {
		add(i18n.CardRequest, c.t(i18n.CardRequestSince, r.What, r.Opened.String()))
	}
	for _, n := range v.RecentNotes {
		add(i18n.CardNote, fmt.Sprintf("%s %s: %s", n.At.Format("01-02"), c.cat.NoteKind(n.Kind), firstLine(n.Text)))
	}
	if len(v.Special) > 0 {
		var flags []string
		for _, f := range v.Special {
			flags = append(flags, c.cat.SpecialFlag(f))
		}
		sp := c.cat.List(flags)
		if v.SpecialNote != "" {
			sp += ": " + v.SpecialNote
		}
		add(i18n.CardSpecial, sp)
	}
	if v.Stats.Last12 > 0 {
		add(i18n.CardValue, c.t(i18n.CardValueText, v.Stats.Last12.String(), v.Stats.Visits))
	}
	lw := 0
	for _, f := range fields {
		lw = max(lw, width(c.t(f.label)))
	}
	const indent = 7
	for _, f := range fields {
		label := fit(c.t(f.label), lw)
		avail := w - indent - lw - 2
		wrapped := wrapText(f.value, max(10, avail), 0)
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

// sizeText writes a size: "shoes 37 EU".
func sizeText(z profile.Size) string {
	return strings.Join(strings.Fields(z.Category+" "+z.Value+" "+z.System), " ")
}

// taskLine is one follow-up on the briefing.
func (s *briefingScreen) taskLine(t *briefing.TaskItem, w int) block {
	return taskBlock(s.c, t.Task, t.ClientName, w)
}

// taskBlock draws a follow-up row: box, client, title, when.
func taskBlock(c *shared, t tasks.Task, clientName string, w int) block {
	box := "[ ]"
	if !t.IsOpen() {
		box = "[x]"
	}
	when, whenStyle := taskWhen(c, &t)
	name := fit(orDash(clientName), nameCol)
	title := t.Title
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
		return c.t(i18n.WhenLate, n), st.Overdue
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

// dateLine is one important date coming within its lead time.
func (s *briefingScreen) dateLine(d briefing.DateItem, w int) block {
	c, st := s.c, &s.c.styles
	label := c.cat.DateLabel(d.Date)
	if d.Age > 0 {
		label += " " + c.t(i18n.DateTurns, d.Age)
	}
	when := c.cat.DaysAway(d.DaysAway)
	day := fmt.Sprintf("%02d-%02d", int(d.On.Month), d.On.Day)
	plain := day + "  " + fit(d.ClientName, nameCol) + "  " + label + "  " + when
	whenStyled := st.Dim.Render(when)
	if d.DaysAway == 0 {
		whenStyled = st.Due.Render(when)
	}
	line := day + "  " + fit(d.ClientName, nameCol) + "  " + label + "  " + whenStyled
	return block{lines: []string{clip(line, w)}, plain: plain, sel: true,
		ref: itemRef{clientID: d.ClientID, clientName: d.ClientName}}
}
