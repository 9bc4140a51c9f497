package tui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

// profileScreen is one client: an overview card, then sizes and
// preferences, dates, the history (notes, purchases and visits on one
// timeline), follow-ups and requests. Follow-ups can be selected, ticked
// and snoozed.
type profileScreen struct {
	c    *shared
	id   string
	d    *clientDetail
	pane pane
	// placed says the client shown was laid out once since opened: a
	// profile opens at its top, later layouts keep where the cursor is.
	placed bool
	// focus is the follow-up the profile was opened from (the briefing,
	// the follow-ups): it opens on it, scrolled into view even when the
	// header goes off screen, since that is what the associate came for.
	focus string
}

func newProfileScreen(c *shared) profileScreen { return profileScreen{c: c, pane: pane{cursor: -1}} }

// SetSize gives the screen its body size.
func (s *profileScreen) SetSize(w, h int) {
	s.pane.setSize(w, h)
	s.rebuild()
}

// open starts showing client id (its detail arrives in a clientMsg).
func (s *profileScreen) open(id string) {
	if s.id != id {
		s.d = nil
		s.pane = pane{cursor: -1, w: s.pane.w, h: s.pane.h}
		s.placed = false
	}
	s.id, s.focus = id, ""
}

// openAt starts showing client id on its follow-up taskID.
func (s *profileScreen) openAt(id, taskID string) {
	s.open(id)
	s.focus = taskID
}

// setDetail shows a (re)loaded client.
func (s *profileScreen) setDetail(d *clientDetail) {
	if d.p.ID != s.id {
		return
	}
	s.d = d
	s.rebuild()
}

// client returns the client shown.
func (s profileScreen) client() (itemRef, bool) {
	if s.id == "" {
		return itemRef{}, false
	}
	ref := itemRef{clientID: s.id}
	if s.d != nil {
		ref.clientName = s.d.p.DisplayName()
	}
	if sel, ok := s.pane.selected(); ok {
		ref.task, ref.entry, ref.request = sel.task, sel.entry, sel.request
	}
	return ref, true
}

// Update shows the client read, and handles movement.
func (s profileScreen) Update(msg tea.Msg) (profileScreen, tea.Cmd) {
	if msg, ok := msg.(clientMsg); ok {
		s.setDetail(msg.d)
		return s, nil
	}
	updatePane(&s.pane, msg, s.c.keys)
	return s, nil
}

// entryText is the selected entry as it reads ("" when none).
func (s profileScreen) entryText() string {
	if sel, ok := s.pane.selected(); ok && sel.entry != nil {
		if i := s.pane.cursor; i >= 0 && i < len(s.pane.blocks) {
			return strings.Join(strings.Fields(s.pane.blocks[i].plain), " ")
		}
	}
	return ""
}

// shows returns the id of the client shown ("" before one is opened).
func (s profileScreen) shows() string { return s.id }

// profile returns the profile shown, nil while it loads.
func (s profileScreen) profile() *profile.Profile {
	if s.d == nil {
		return nil
	}
	return s.d.p
}

// View draws the profile.
func (s profileScreen) View() string {
	if s.d == nil {
		return s.c.styles.Dim.Render("  " + s.c.t(i18n.Loading))
	}
	return s.pane.view(&s.c.styles)
}

// rebuild lays the profile out as blocks for the current width.
func (s *profileScreen) rebuild() {
	if s.d == nil || s.pane.w == 0 {
		return
	}
	c, st, d, p := s.c, &s.c.styles, s.d, s.d.p
	w := s.pane.w - gutter
	var bs []block
	text := func(lines ...string) { bs = append(bs, block{lines: lines}) }
	heading := func(k i18n.Key) { text("", st.Section.Render(c.t(k))) }
	// fields draws label-value lines with the labels in one column.
	fields := func(kv [][2]string) {
		lw := 0
		for _, f := range kv {
			if f[1] != "" {
				lw = max(lw, width(f[0]))
			}
		}
		for _, f := range kv {
			if strings.TrimSpace(f[1]) == "" {
				continue
			}
			for i, l := range wrapText(termsafe.Text(f[1]), max(10, w-lw-4), 0) {
				lab := strings.Repeat(" ", lw)
				if i == 0 {
					lab = fit(f[0], lw)
				}
				text("  " + st.Label.Render(lab) + "  " + l)
			}
		}
	}

	// Overview.
	title := p.DisplayName()
	if p.LatinName != "" && p.LatinName != p.Name && p.Name != "" {
		title += "  " + p.LatinName
	}
	head := st.Title.Render(termsafe.Line(title))
	if p.Honorific != "" {
		head += "  " + st.Dim.Render(termsafe.Line(p.Honorific))
	}
	if d.tier != "" {
		head += "  " + st.Accent.Render(c.t(i18n.ProfTier, d.tier))
	}
	if p.Consent.DoNotContact {
		head += "  " + st.DNC.Render(c.t(i18n.ProfDNC))
	}
	text(head)
	var phones []string
	for _, ph := range p.Phones {
		phones = append(phones, c.cat.Phone(ph, c.country))
	}
	reach := ""
	if p.Channel != "" {
		reach = c.cat.Channel(p.Channel)
	}
	if p.BestTime != "" {
		if reach == "" {
			reach = p.BestTime
		} else {
			reach = c.cat.List([]string{reach, p.BestTime})
		}
	}
	place := strings.TrimSpace(p.City + " " + p.District)
	var household []string
	for _, m := range p.Household {
		household = append(household, c.cat.Member(m))
	}
	st12 := d.stats
	value := ""
	if st12.Purchases > 0 {
		value = c.cat.N(i18n.ProfValueText, st12.Visits, st12.Last12.String(), c.currency, st12.YearToDate.String(), st12.Total.String(), st12.Visits, st12.AvgTicket.String())
	}
	special := ""
	if p.Special.Any() {
		var flags []string
		for _, f := range p.Special.Flags() {
			flags = append(flags, c.cat.SpecialFlag(f))
		}
		special = c.cat.List(flags)
		if p.Special.Note != "" {
			special = c.cat.Colon(special, p.Special.Note)
		}
	}
	fields([][2]string{
		{c.t(i18n.ProfPhone), strings.Join(phones, ", ")},
		{c.t(i18n.ProfEmail), p.Email},
		{c.t(i18n.ProfWeChat), p.WeChat},
		{c.t(i18n.ProfReach), reach},
		{c.t(i18n.ProfPlace), place},
		{c.t(i18n.ProfOccupation), p.Occupation},
		{c.t(i18n.ProfStore), strings.TrimSpace(p.HomeStore + "  " + p.Counter)},
		{c.t(i18n.ProfHousehold), c.cat.List(household)},
		{c.t(i18n.ProfValue), value},
		{c.t(i18n.ProfLastVisit), dateOrEmpty(st12.LastVisit.String(), !st12.LastVisit.IsZero())},
		{c.t(i18n.ProfSpecial), special},
		{c.t(i18n.ProfTags), strings.Join(p.Tags, ", ")},
		{c.t(i18n.ProfOwner), p.CurrentOwner()},
	})

	// Sizes and preferences.
	heading(i18n.ProfSizesPrefs)
	if len(p.Sizes)+len(p.Preferences)+len(p.Dislikes)+len(p.Household) == 0 {
		text(st.Dim.Render(clip("  "+c.t(i18n.ProfEntriesHint), w))) // the help bar says it too
	}
	// The entries (sizes, likes, dislikes, family; measurements, dates,
	// cards and gifts below) can be selected: e changes one, del removes
	// it.
	type entryLine struct {
		label, value string
		ref          entryRef
		dim          bool // an earlier size or measurement, kept as history
	}
	// rows draws entries as selectable lines, the labels in one column.
	rows := func(entries []entryLine) {
		elw := 0
		for _, e := range entries {
			elw = max(elw, width(termsafe.Line(e.label)))
		}
		for _, e := range entries {
			ref := e.ref
			b := block{sel: true, ref: itemRef{clientID: p.ID, clientName: p.DisplayName(), entry: &ref}}
			// A value too long for the line goes on under itself.
			for i, l := range wrapParts(termsafe.Line(e.value), max(10, w-elw-4)) {
				lab := strings.Repeat(" ", elw)
				if i == 0 {
					lab = fit(termsafe.Line(e.label), elw)
					b.plain = clip("  "+lab+"  "+l, w)
				}
				if e.dim {
					l = st.Dim.Render(l)
				}
				b.lines = append(b.lines, clip(st.Label.Render("  "+lab)+"  "+l, w))
			}
			bs = append(bs, b)
		}
	}
	var entries []entryLine
	// The newest size of each category, its earlier ones under it: one
	// category in either language (鞋 39 is an earlier shoes 40).
	for _, grp := range newestFirst(len(p.Sizes), func(i int) (string, civil.Date) {
		return profile.SizeCategory(p.Sizes[i].Category), p.Sizes[i].Taken
	}) {
		for n, i := range grp {
			z := p.Sizes[i]
			v := strings.TrimSpace(z.Value + " " + z.System)
			if n > 0 && !strings.EqualFold(z.Category, p.Sizes[grp[0]].Category) { // kept in the other language: 鞋 39
				v = z.Category + " " + v
			}
			if z.Note != "" { // the fit note, as the prep card has it: 39 EU (narrow foot)
				v = c.cat.Aside(v, z.Note)
			}
			if !z.Taken.IsZero() {
				v += "  " + c.t(i18n.ProfTaken, z.Taken.String())
			}
			e := entryLine{z.Category, v, entryRef{sec: secSize, i: i}, n > 0}
			if n > 0 {
				e.label, e.value = "", c.t(i18n.CliProfileEarlier)+" "+v
			}
			entries = append(entries, e)
		}
	}
	// The likes, then the dislikes.
	for i, pr := range p.Preferences {
		v := pr.Value
		if pr.Note != "" {
			v = c.cat.Aside(v, pr.Note)
		}
		if !pr.Dislike {
			entries = append(entries, entryLine{label: c.cat.PrefKind(pr.Kind), value: v, ref: entryRef{sec: secLike, i: i}})
		}
	}
	for i, pr := range p.Preferences {
		if pr.Dislike { // a dislike entered with its category
			v := pr.Value
			if pr.Note != "" {
				v = c.cat.Aside(v, pr.Note)
			}
			entries = append(entries, entryLine{label: c.t(i18n.ProfDislikes), value: c.cat.Colon(c.cat.PrefKind(pr.Kind), v), ref: entryRef{sec: secPrefDislike, i: i}})
		}
	}
	for i, d := range p.Dislikes {
		entries = append(entries, entryLine{label: c.t(i18n.ProfDislikes), value: d, ref: entryRef{sec: secDislike, i: i}})
	}
	fam := *p
	fam.MigrateFamily() // a birthday kept the app's old way shows as the book's
	for i, m := range fam.Household {
		v := c.cat.Member(m) // a member written by relation only shows the relation's word
		if m.Lunar {
			v += "  " + c.cat.When(profile.ImportantDate{When: m.Birthday, Lunar: true, LeapMonth: m.LeapMonth})
		} else if m.Birthday.Valid() {
			v += "  " + m.Birthday.String()
		}
		if name, ok := d.linked[m.ClientID]; ok {
			v += "  " + c.t(i18n.ProfLinked, name)
		}
		entries = append(entries, entryLine{label: c.t(i18n.ProfHousehold), value: v, ref: entryRef{sec: secFamily, i: i}})
	}
	rows(entries)
	var kv [][2]string
	kv = append(kv,
		[2]string{c.t(i18n.ProfGifts), c.cat.List(p.GiftPrefs)},
		[2]string{c.t(i18n.ProfHobbies), c.cat.List(p.Hobbies)},
		[2]string{c.t(i18n.ProfWhyBrand), p.WhyBrand},
		[2]string{c.t(i18n.ProfMotivator), p.Motivator},
		[2]string{c.t(i18n.ProfShare), p.ShareOfWallet})
	for _, m := range p.MadeToOrder {
		kv = append(kv, [2]string{c.t(i18n.ProfMadeToOrder), c.cat.Colon(m.Item, m.Spec)})
	}
	if len(entries) == 0 && (len(kv) == 0 || allEmpty(kv)) {
		text(st.Dim.Render("  " + c.t(i18n.ProfNothingYet)))
	}
	fields(kv)

	// Made-to-order measurements, the history kept.
	var measures []entryLine
	for _, grp := range newestFirst(len(p.Measurements), func(i int) (string, civil.Date) { return p.Measurements[i].Name, p.Measurements[i].Taken }) {
		for n, i := range grp {
			m := p.Measurements[i]
			v := strings.TrimSpace(m.Value + " " + m.Unit)
			if !m.Taken.IsZero() {
				v += "  " + c.t(i18n.ProfTaken, m.Taken.String())
			}
			e := entryLine{m.Name, v, entryRef{sec: secMeasure, i: i}, n > 0}
			if n > 0 {
				e.label, e.value = "", c.t(i18n.CliProfileEarlier)+" "+v
			}
			measures = append(measures, e)
		}
	}
	if len(measures) > 0 {
		heading(i18n.ProfMeasurements)
		rows(measures)
	}

	// Dates: whose, the day, when next, the lead days, and within them
	// whether a gift or card is prepared; the last gift.
	heading(i18n.ProfDates)
	if len(p.Dates) == 0 {
		text(st.Dim.Render("  " + c.t(i18n.ProfNoDates)))
	}
	today := c.today()
	var dates []entryLine
	ww := 0
	for _, dt := range p.Dates {
		ww = max(ww, width(c.cat.When(dt)))
	}
	for i, dt := range p.Dates {
		next := dt.Next(today)
		away := today.DaysUntil(next)
		v := fit(c.cat.When(dt), ww) + "  " + next.String() + "  " + c.cat.DaysAway(away)
		if away <= dt.Lead() {
			if dt.GiftPrepared(next) {
				v += "  " + c.t(i18n.CliProfileGiftReady)
			} else {
				v += "  " + c.t(i18n.CliProfileGiftNotYet)
			}
		}
		v += "  " + c.cat.N(i18n.CliProfileLead, dt.Lead(), dt.Lead())
		if !dt.LastGift.IsZero() {
			v += "  " + c.t(i18n.ProfLastGift, dt.LastGift.String())
		}
		dates = append(dates, entryLine{label: dateName(c.cat, dt), value: v, ref: entryRef{sec: secDate, i: i}})
	}
	rows(dates)

	// Membership cards.
	var cards []entryLine
	for i, cd := range p.Cards {
		parts := []string{cd.Number}
		if cd.Level != "" {
			parts = append(parts, cd.Level)
		}
		if cd.Points != 0 {
			parts = append(parts, c.cat.N(i18n.CliProfilePoints, cd.Points, c.cat.Number(cd.Points)))
		}
		if !cd.Expires.IsZero() {
			parts = append(parts, c.t(i18n.CliProfileExpires, cd.Expires.String()))
		}
		cards = append(cards, entryLine{label: cd.Program, value: strings.Join(parts, "  "), ref: entryRef{sec: secCard, i: i}})
	}
	if len(cards) > 0 {
		heading(i18n.ProfCards)
		rows(cards)
	}

	// Gifts given, and the date each was for.
	var gifts []entryLine
	for i, g := range p.Gifts {
		v := g.What
		if k := p.DateByID(g.ForDate); g.ForDate != "" && k >= 0 {
			v += "  " + c.t(i18n.ProfGiftFor, c.cat.DateLabel(p.Dates[k]))
		}
		gifts = append(gifts, entryLine{label: g.Date.String(), value: v, ref: entryRef{sec: secGift, i: i}})
	}
	if len(gifts) > 0 {
		heading(i18n.ProfGiftLog)
		rows(gifts)
	}

	// Follow-ups.
	heading(i18n.ProfTasks)
	if len(d.tasks) == 0 {
		text(st.Dim.Render("  " + c.t(i18n.ProfNoTasks)))
	}
	closed := 0
	for _, t := range d.tasks {
		if !t.IsOpen() {
			if closed++; closed > 3 {
				continue // three closed ones are enough history here
			}
		}
		b := taskBlock(c, t, p.DisplayName(), w)
		// On the profile the client column is redundant: show the kind.
		box := "[ ]"
		if !t.IsOpen() {
			box = "[x]"
		}
		when, ws := taskWhen(c, &t)
		kind := fit(c.cat.TaskKind(t.Kind), nameCol)
		avail := w - 4 - nameCol - 4 - width(when)
		b.plain = box + " " + kind + "  " + fit(c.cat.TaskTitle(&t), max(4, avail)) + "  " + when
		b.lines = []string{clip(box+" "+st.Dim.Render(kind)+"  "+fit(c.cat.TaskTitle(&t), max(4, avail))+"  "+ws.Render(when), w)}
		if t.Status == tasks.Cancelled && t.Note != "" {
			// Why it was cancelled (a rule says so: the top spender
			// overtaken, the card kept or lapsed), in the language in
			// use, under its title.
			indent := strings.Repeat(" ", width(box)+1+nameCol+2)
			for _, l := range wrapText(termsafe.Text(c.cat.TaskNote(t.Note)), max(10, w-2-width(indent)), 0) {
				b.lines = append(b.lines, indent+st.Dim.Render(l))
			}
		}
		b.sel = t.IsOpen() || t.Status == tasks.Done // a done one can be reopened
		bs = append(bs, b)
	}

	// Special requests: each can be selected, closed (fulfilled,
	// declined) and reopened.
	if len(d.requests) > 0 {
		head := c.t(i18n.ProfRequests)
		hint := clip(c.t(i18n.ProfRequestsHint, c.keys.Tick.Help().Key), max(0, w-width(head)-2))
		text("", st.Section.Render(head)+"  "+st.Dim.Render(hint))
		sw := 0
		for _, r := range d.requests {
			sw = max(sw, width(c.cat.RequestStatus(r.Status)))
		}
		for _, r := range d.requests {
			line := fit(c.cat.RequestStatus(r.Status), sw) + "  " + r.Opened.String() + "  " + termsafe.Line(r.What)
			if r.Note != "" {
				line = c.cat.Beside(line+" ", c.cat.Paren(termsafe.Line(r.Note)))
			}
			req := r
			b := block{sel: true, ref: itemRef{clientID: p.ID, clientName: p.DisplayName(), request: &req}}
			b.plain = "  " + clip(line, w-2)
			if r.IsOpen() {
				b.lines = []string{b.plain}
			} else {
				b.lines = []string{"  " + st.Dim.Render(clip(line, w-2))}
			}
			bs = append(bs, b)
		}
	}

	// History.
	heading(i18n.ProfHistory)
	events := timeline(c, d)
	if len(events) == 0 {
		text(st.Dim.Render("  " + c.t(i18n.ProfNoHistory)))
	}
	kindW := 0
	for _, e := range events {
		kindW = max(kindW, width(e.kind))
	}
	for _, e := range events {
		prefix := "  " + e.at.Format("2006-01-02") + "  " + st.Accent.Render(fit(e.kind, kindW)) + "  "
		indent := 2 + 10 + 2 + kindW + 2
		// A note or a purchase can be selected: del removes one logged
		// by mistake.
		b := block{sel: e.ref != nil}
		if e.ref != nil {
			ref := *e.ref
			b.ref = itemRef{clientID: p.ID, clientName: p.DisplayName(), entry: &ref}
		}
		for i, l := range wrapText(termsafe.Text(e.text), max(10, w-indent), 0) {
			if i == 0 {
				b.lines = append(b.lines, prefix+l)
				b.plain = clip("  "+e.at.Format("2006-01-02")+"  "+fit(e.kind, kindW)+"  "+l, w)
			} else {
				b.lines = append(b.lines, strings.Repeat(" ", indent)+l)
			}
		}
		bs = append(bs, b)
	}
	text("")
	s.pane.setBlocks(bs)
	if s.focus != "" && s.d != nil {
		focus := s.focus
		s.focus = ""
		for i, b := range bs {
			if b.sel && b.ref.task != nil && b.ref.task.ID == focus {
				s.placed = true
				s.pane.cursor = i
				s.pane.ensureVisible()
				break
			}
		}
	}
	if !s.placed {
		// A profile opens at its top, the name, tier and do-not-contact
		// in view, on its first open follow-up when that shows there too.
		s.placed = true
		s.pane.showTop(func(b block) bool { return b.ref.task != nil && b.ref.task.IsOpen() })
	}
}

// wrapParts lays out a value made of parts two spaces apart ("12-05
// 2026-12-05  in 11 days  20 days ahead") in lines of w cells, breaking
// between parts only; a part wider than a line is clipped.
func wrapParts(v string, w int) []string {
	var lines []string
	cur := ""
	for _, part := range strings.SplitAfter(v, "  ") {
		switch {
		case cur == "":
			cur = part
		case width(strings.TrimRight(cur+part, " ")) <= w:
			cur += part
		default:
			lines = append(lines, clip(strings.TrimRight(cur, " "), w))
			cur = strings.TrimLeft(part, " ")
		}
	}
	return append(lines, clip(strings.TrimRight(cur, " "), w))
}

// newestFirst groups n entries by name (any case), the groups in the
// order their names first come: in each, the newest (the latest day
// taken; the later entered among equals, as profile.CurrentSizes picks
// it) first, then the earlier ones, newest first. Results are indices.
func newestFirst(n int, key func(i int) (string, civil.Date)) [][]int {
	var groups [][]int
	var names []string
	for i := range n {
		name, _ := key(i)
		g := slices.IndexFunc(names, func(o string) bool { return strings.EqualFold(o, name) })
		if g < 0 {
			names, groups = append(names, name), append(groups, nil)
			g = len(groups) - 1
		}
		groups[g] = append(groups[g], i)
	}
	for _, g := range groups {
		slices.SortStableFunc(g, func(a, b int) int {
			_, ta := key(a)
			_, tb := key(b)
			if c := tb.Compare(ta); c != 0 {
				return c
			}
			return b - a
		})
	}
	return groups
}

func allEmpty(kv [][2]string) bool {
	for _, f := range kv {
		if strings.TrimSpace(f[1]) != "" {
			return false
		}
	}
	return true
}

func dateOrEmpty(s string, ok bool) string {
	if !ok {
		return ""
	}
	return s
}

// event is one entry of a client's history.
type event struct {
	at   time.Time
	kind string
	text string
	ref  *entryRef // a note or a purchase (nil for an appointment)
}

// timeline merges notes, purchases and visits, newest first.
func timeline(c *shared, d *clientDetail) []event {
	var out []event
	for i, n := range d.notes {
		out = append(out, event{at: n.At, kind: c.cat.NoteKind(n.Kind), text: n.Text, ref: &entryRef{sec: secNote, i: i, record: n.ID}})
	}
	for i, p := range d.purchases {
		t := fmt.Sprintf("%s %s", p.Amount, p.Currency)
		if p.Items != "" {
			t += "  " + p.Items
		}
		out = append(out, event{at: p.Date.In(c.loc()).Add(12 * time.Hour), kind: c.t(i18n.HistPurchase), text: t, ref: &entryRef{sec: secPurchase, i: i, record: p.ID}})
	}
	for _, a := range d.appts {
		t := a.Start.Format("15:04")
		if a.Purpose != "" {
			t += "  " + a.Purpose
		}
		if a.Status != "" && a.Status != "booked" {
			t = c.cat.Beside(t+" ", c.cat.Paren(c.cat.ApptStatus(a.Status)))
		}
		out = append(out, event{at: a.Start, kind: c.t(i18n.HistAppointment), text: t})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at.After(out[j].at) })
	return out
}
