package typing

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vipbook/vipbook/store"
)

// Line is a one-line input (a note, a day): its text input and, when its
// text is kept, the key of its draft. A kept line hands every change of
// its text to the keeper as it happens.
type Line struct {
	In       textinput.Model
	Key      string // the draft's key
	ClientID string // the client the draft is about
	Keep     bool   // the text is kept as a draft
}

// LineOptions say what a new line shows and keeps.
type LineOptions struct {
	Prompt      string
	Placeholder string
	Text        string // the text it opens with
	Width       int    // the cells it has, prompt included
	Styles      textinput.Styles
	Key         string // the draft's key
	ClientID    string
	Keep        bool // keep the text as a draft
}

// lineLimit is the most a line takes, in characters.
const lineLimit = 2000

// NewLine returns a focused line with its cursor after its text.
func NewLine(o LineOptions) *Line {
	in := textinput.New()
	in.SetStyles(o.Styles)
	in.SetVirtualCursor(true)
	in.CharLimit = lineLimit
	in.Prompt = o.Prompt
	in.Placeholder = o.Placeholder
	l := &Line{Key: o.Key, ClientID: o.ClientID, Keep: o.Keep}
	l.In = in
	l.SetWidth(o.Width)
	l.In.SetValue(o.Text)
	l.In.CursorEnd()
	l.In.Focus()
	return l
}

// SetWidth gives the line w cells, its prompt included.
func (l *Line) SetWidth(w int) {
	l.In.SetWidth(max(10, w-ansi.StringWidth(l.In.Prompt)-2))
}

// Value returns the text typed.
func (l *Line) Value() string { return l.In.Value() }

// Update passes a key or a paste to the input. When the text changed and
// the line is kept, the keeper holds the new text (or lets the draft go
// when the text is blank); changed reports a kept line's change, after
// which the drafts are to be written to the book.
func (l *Line) Update(msg tea.Msg, k *Keeper) (cmd tea.Cmd, changed bool) {
	before := l.In.Value()
	l.In, cmd = l.In.Update(msg)
	if l.In.Value() == before || !l.Keep {
		return cmd, false
	}
	if strings.TrimSpace(l.In.Value()) == "" {
		k.Clear(l.Key)
	} else {
		k.Set(store.Draft{Key: l.Key, ClientID: l.ClientID, Text: l.In.Value()})
	}
	return cmd, true
}

// View draws the line.
func (l *Line) View() string { return l.In.View() }
