package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles are every style of the interface, built for a light or a dark
// background.
type Styles struct {
	IsDark bool

	App        lipgloss.Style
	Tab        lipgloss.Style
	TabActive  lipgloss.Style
	HeaderInfo lipgloss.Style
	Title      lipgloss.Style
	Section    lipgloss.Style
	Label      lipgloss.Style
	Value      lipgloss.Style
	Dim        lipgloss.Style
	Accent     lipgloss.Style
	Selected   lipgloss.Style // the selected row or card marker
	SelectBar  lipgloss.Style // the bar left of a selected block
	ColHeader  lipgloss.Style
	Overdue    lipgloss.Style
	Due        lipgloss.Style
	Done       lipgloss.Style
	Warn       lipgloss.Style
	Error      lipgloss.Style
	Info       lipgloss.Style
	Prompt     lipgloss.Style
	DNC        lipgloss.Style
	Special    lipgloss.Style
	Card       lipgloss.Style

	Help  help.Styles
	Input textinput.Styles
}

// NewStyles builds the styles for a dark (isDark) or light background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	fg := ld(lipgloss.Color("#1f1f24"), lipgloss.Color("#e6e6ea"))
	dim := ld(lipgloss.Color("#6b6b78"), lipgloss.Color("#8a8a99"))
	accent := ld(lipgloss.Color("#8a3ffc"), lipgloss.Color("#b794ff"))
	gold := ld(lipgloss.Color("#8a5a00"), lipgloss.Color("#f2c14e"))
	red := ld(lipgloss.Color("#b3261e"), lipgloss.Color("#ff7b72"))
	green := ld(lipgloss.Color("#1e7a3a"), lipgloss.Color("#7ee2a8"))
	selBg := ld(lipgloss.Color("#e8e0ff"), lipgloss.Color("#3a2e5c"))
	tabBg := ld(lipgloss.Color("#8a3ffc"), lipgloss.Color("#6e44c9"))

	s := Styles{IsDark: isDark}
	s.App = lipgloss.NewStyle().Foreground(fg)
	s.Tab = lipgloss.NewStyle().Foreground(dim).Padding(0, 1)
	s.TabActive = lipgloss.NewStyle().Foreground(lipgloss.Color("#ffffff")).Background(tabBg).Bold(true).Padding(0, 1)
	s.HeaderInfo = lipgloss.NewStyle().Foreground(dim)
	s.Title = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Section = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Label = lipgloss.NewStyle().Foreground(dim)
	s.Value = lipgloss.NewStyle().Foreground(fg)
	s.Dim = lipgloss.NewStyle().Foreground(dim)
	s.Accent = lipgloss.NewStyle().Foreground(accent)
	s.Selected = lipgloss.NewStyle().Background(selBg).Foreground(fg)
	s.SelectBar = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.ColHeader = lipgloss.NewStyle().Foreground(dim).Bold(true)
	s.Overdue = lipgloss.NewStyle().Foreground(red)
	s.Due = lipgloss.NewStyle().Foreground(gold)
	s.Done = lipgloss.NewStyle().Foreground(green)
	s.Warn = lipgloss.NewStyle().Foreground(gold)
	s.Error = lipgloss.NewStyle().Foreground(red).Bold(true)
	s.Info = lipgloss.NewStyle().Foreground(green)
	s.Prompt = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.DNC = lipgloss.NewStyle().Foreground(red)
	s.Special = lipgloss.NewStyle().Foreground(gold)
	s.Card = lipgloss.NewStyle()

	s.Help = help.DefaultStyles(isDark)
	s.Input = textinput.DefaultStyles(isDark)
	s.Input.Cursor.Blink = false
	s.Input.Focused.Prompt = s.Prompt
	s.Input.Blurred.Prompt = s.Dim
	return s
}
