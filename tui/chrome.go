package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
)

// minWidth and minHeight are the smallest terminal the interface draws in.
const (
	minWidth  = 40
	minHeight = 10
)

// chrome draws what surrounds the screens: the header with the tabs, the
// read-only banner and the help, short or full.
type chrome struct {
	c    *shared
	help help.Model
	full bool // the full help is shown
}

func newChrome(c *shared) chrome { return chrome{c: c, help: help.New()} }

// restyle hands the help its styles.
func (ch *chrome) restyle() {
	ch.help.Styles = ch.c.styles.Help
	ch.help.ShortSeparator = "   "
	ch.help.FullSeparator = "    "
	ch.help.Ellipsis = cut
}

// setWidth gives the help the terminal's width.
func (ch *chrome) setWidth(w int) { ch.help.SetWidth(w) }

// height is how many lines the chrome takes besides the header and the
// status line: the help, and the banner of a read-only book.
func (ch chrome) height() int {
	h := 1
	if ch.full {
		h = strings.Count(ch.help.FullHelpView(ch.c.keys.FullHelp()), "\n") + 1
	}
	if ch.c.readOnly || ch.c.damaged {
		h++
	}
	return h
}

// banner says the book cannot be written, and how to fix it; "" when it
// can.
func (ch chrome) banner() string {
	c := ch.c
	if c.damaged {
		return c.styles.Error.Render(clip(c.t(i18n.BannerDamaged), c.width))
	}
	if !c.readOnly {
		return ""
	}
	path := ""
	if c.book != nil {
		path = c.book.Path()
	}
	return c.styles.Error.Render(clip(c.t(i18n.BannerReadOnly, path), c.width))
}

// header draws the tabs, scr's lit (back's under a profile, with the
// client's name), and on the right whose book and what day.
func (ch chrome) header(scr, back screen, name string) string {
	c, st := ch.c, &ch.c.styles
	// All five tabs always show; on a narrow screen the tabs not lit show
	// their number alone, when even the day alone leaves them no room.
	tabsOf := func(short bool) string {
		var tabsView []string
		for i, s := range tabs {
			num := string(rune('1' + i))
			label := num + " " + c.t(tabKeys[s])
			if s == scr || (scr == scrProfile && s == back) {
				tabsView = append(tabsView, st.TabActive.Render(label))
			} else if short {
				tabsView = append(tabsView, st.Tab.Render(num))
			} else {
				tabsView = append(tabsView, st.Tab.Render(label))
			}
		}
		if scr == scrTeam { // the team's screen (key 6) shows a tab while shown
			tabsView = append(tabsView, st.TabActive.Render("6 "+c.t(i18n.ChainScreenTitle)))
		}
		return strings.Join(tabsView, "")
	}
	today := c.today()
	// What does not fit goes first: the weekday, then the associate's
	// name, then the names of the tabs not lit.
	left := tabsOf(false)
	var right string
	sync := c.syncLabel()
	for _, r := range []string{
		termsafe.Line(c.associate) + "  " + today.String() + " " + c.cat.Weekday(today.Weekday()),
		termsafe.Line(c.associate) + "  " + today.String(),
		today.String(),
	} {
		if right = strings.TrimSpace(r); sync != "" {
			right = sync + "  " + right
		}
		if width(left)+width(right)+1 <= c.width {
			break
		}
	}
	if width(left)+width(right)+1 > c.width {
		left = tabsOf(true)
	}
	if scr == scrProfile {
		left += st.Accent.Render(" > " + termsafe.Line(name))
	}
	gap := c.width - width(left) - width(right) - 1
	if gap < 1 {
		return clip(left, c.width)
	}
	return left + strings.Repeat(" ", gap) + st.HeaderInfo.Render(right)
}

// helpView draws the full help when it is shown, else the help bar of
// bindings bs.
func (ch chrome) helpView(bs []key.Binding) string {
	if ch.full {
		return ch.help.FullHelpView(ch.c.keys.FullHelp())
	}
	return ch.shortHelp(bs)
}

// pickHelp draws the keys of a choice made with one key, every one of
// them: on one line when they fit, else on as many lines as they take
// (the caller gives the lines from the body).
func (ch chrome) pickHelp(bs []key.Binding) string {
	hm := ch.help
	hm.SetWidth(0)
	var lines []string
	var row []key.Binding
	for _, b := range bs {
		if len(row) > 0 && width(hm.ShortHelpView(append(row[:len(row):len(row)], b))) > ch.c.width {
			lines = append(lines, hm.ShortHelpView(row))
			row = nil
		}
		row = append(row, b)
	}
	if len(row) > 0 {
		lines = append(lines, hm.ShortHelpView(row))
	}
	return strings.Join(lines, "\n")
}

// shortHelp draws a help bar that fits the width: when it is too wide the
// keys before the last two (help and quit) go first, so those two always
// show.
func (ch chrome) shortHelp(bs []key.Binding) string {
	hm := ch.help
	hm.SetWidth(0) // measure whole; cut here, not with an ellipsis
	for {
		s := hm.ShortHelpView(bs)
		if width(s) <= ch.c.width || len(bs) <= 2 {
			return s
		}
		i := max(0, len(bs)-3)
		bs = append(bs[:i:i], bs[i+1:]...)
	}
}
