package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
)

// restyle hands new styles to the components.
func (m *Model) restyle() {
	m.chrome.restyle()
	m.clients.restyle()
	m.brief.rebuild()
	m.tasks.rebuild()
	m.prof.rebuild()
	m.report.rebuild()
	m.handover.restyle()
	m.edit.restyle()
}

// bodyHeight is what is left for the screen under the header and above
// the status line and the help.
func (m Model) bodyHeight() int { return max(1, m.c.height-2-m.chrome.height()) }

// layout gives every screen its size.
func (m *Model) layout() {
	w, h := m.c.width, m.bodyHeight()
	m.chrome.setWidth(w)
	m.brief.SetSize(w, h)
	m.clients.SetSize(w, h)
	m.tasks.SetSize(w, h)
	m.prof.SetSize(w, h)
	m.report.SetSize(w, h)
	m.handover.SetSize(w, h)
	m.team.SetSize(w, h)
	if m.message != nil {
		m.message.SetSize(w, h)
	}
	m.edit.SetSize(w, h)
}

// View draws the whole terminal.
func (m Model) View() tea.View {
	// Client data reaches the frame through the text helpers, which make
	// it inert; termsafe.Styled is the last guard: only the styles' colours
	// pass as escape sequences.
	v := tea.NewView(termsafe.Styled(m.render()))
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "vipbook"
	return v
}

// render draws the header, the body, the status line and the help.
func (m Model) render() string {
	c := m.c
	if c.width < minWidth || c.height < minHeight {
		return c.t(i18n.TooSmall, minWidth, minHeight)
	}
	h := m.bodyHeight()
	body, ok := m.edit.body(h)
	switch {
	case ok:
	case m.message != nil:
		body = m.message.View()
	default:
		switch m.scr {
		case scrBriefing:
			body = m.brief.View()
		case scrClients:
			body = m.clients.View()
		case scrTasks:
			body = m.tasks.View()
		case scrProfile:
			body = m.prof.View()
		case scrReport:
			body = m.report.View()
		case scrHandover:
			body = m.handover.View()
		case scrTeam:
			body = m.team.View()
		}
		body = padLines(body, h)
	}
	name := ""
	if p := m.prof.profile(); p != nil {
		name = p.DisplayName()
	}
	status, ok := m.edit.statusLine()
	if !ok {
		status = m.status.view(c)
	}
	help := m.helpBar()
	extra := strings.Count(status, "\n") // a long status on two lines: the body gives the line
	if n := strings.Count(help, "\n"); n > 0 && !m.chrome.full && m.edit.asksPick() {
		extra += n // a picker's keys on more lines: likewise
	}
	if extra > 0 {
		lines := strings.Split(body, "\n")
		body = strings.Join(lines[:max(1, len(lines)-extra)], "\n")
	}
	var out strings.Builder
	out.WriteString(m.chrome.header(m.scr, m.back, name))
	out.WriteString("\n")
	if banner := m.chrome.banner(); banner != "" {
		out.WriteString(banner)
		out.WriteString("\n")
	}
	out.WriteString(body)
	out.WriteString("\n")
	out.WriteString(status)
	out.WriteString("\n")
	out.WriteString(help)
	return out.String()
}

// helpBar draws the help of what has the keys, or the full help.
func (m Model) helpBar() string {
	k, ch := m.c.keys, m.chrome
	if ch.full {
		return ch.helpView(nil)
	}
	if m.focus() == focusLine {
		// The input holds the status line: what is wrong with the
		// answer shows here, in place of the keys.
		if e := m.status.error(); e != "" {
			return m.c.styles.Error.Render(clip(e, m.c.width))
		}
	}
	switch {
	case m.edit.asksPick():
		return ch.pickHelp(m.edit.help())
	case m.edit.active():
		return ch.shortHelp(m.edit.help())
	case m.message != nil:
		return ch.shortHelp(m.message.help())
	case m.scr == scrHandover:
		return ch.shortHelp(m.handover.help())
	case m.scr == scrClients && m.clients.searching():
		return ch.shortHelp([]key.Binding{k.Open, k.ClearSearch, k.ListUp, k.ListDown, k.ForceQuit})
	}
	return ch.shortHelp(k.ShortHelp(m.scr))
}
