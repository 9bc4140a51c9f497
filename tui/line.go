package tui

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
)

// lineKind is what the one-line input asks for.
type lineKind int

const (
	lineNote   lineKind = iota // a quick note on a client
	lineSnooze                 // the day to snooze a follow-up to
)

// lineInput is the one-line input of the status line: enter saves, esc
// cancels. A note being typed is kept as a draft on every change.
type lineInput struct {
	kind     lineKind
	ref      itemRef
	in       textinput.Model
	draftKey string
}

func newLine(c *shared, kind lineKind, ref itemRef, text string) *lineInput {
	in := textinput.New()
	in.SetStyles(c.styles.Input)
	in.SetVirtualCursor(true)
	in.CharLimit = 2000
	l := &lineInput{kind: kind, ref: ref}
	switch kind {
	case lineNote:
		in.Prompt = c.t(i18n.LineNotePrompt, ref.clientName) + " "
		in.Placeholder = c.t(i18n.LineNoteHint)
		l.draftKey = draftNote + ref.clientID
	case lineSnooze:
		in.Prompt = c.t(i18n.LineSnoozePrompt) + " "
		in.Placeholder = c.t(i18n.LineSnoozeHint, c.today().AddDays(1).String())
		l.draftKey = draftSnooz
	}
	in.SetWidth(max(10, c.width-width(in.Prompt)-2))
	in.SetValue(text)
	in.CursorEnd()
	in.Focus()
	l.in = in
	return l
}

// update passes a key or a paste to the input; it keeps a note's text as a
// draft and reports whether the text changed.
func (l *lineInput) update(c *shared, msg tea.Msg) (tea.Cmd, bool) {
	before := l.in.Value()
	var cmd tea.Cmd
	l.in, cmd = l.in.Update(msg)
	if l.in.Value() == before {
		return cmd, false
	}
	if l.kind == lineNote {
		if strings.TrimSpace(l.in.Value()) == "" {
			c.drafts.Clear(l.draftKey)
		} else {
			c.drafts.Set(store.Draft{Key: l.draftKey, ClientID: l.ref.clientID, Text: l.in.Value()})
		}
	}
	return cmd, l.kind == lineNote
}

func (l *lineInput) view() string { return l.in.View() }
