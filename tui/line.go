package tui

import (
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/tui/typing"
)

// lineKind is what the one-line input asks for.
type lineKind int

const (
	lineNote   lineKind = iota // a quick note on a client
	lineSnooze                 // the day to snooze a follow-up to
	lineMerge                  // the client to merge into the one shown
)

// lineInput is the one-line input of the status line: enter saves, esc
// cancels. A note being typed is kept as a draft on every change.
type lineInput struct {
	*typing.Line
	kind lineKind
	ref  itemRef
	// note is the note's kind picked (a special request opens a request);
	// empty: a plain note, whose kind may be typed in front.
	note notes.Kind
}

// newNoteLine opens the note line for a note of kind on ref ("" when no
// kind was picked).
func newNoteLine(c *shared, ref itemRef, text string, kind notes.Kind) *lineInput {
	l := newLine(c, lineNote, ref, text)
	l.note = kind
	switch kind {
	case "", notes.General:
	case notes.SpecialRequest:
		l.In.Prompt = c.t(i18n.LineRequestPrompt, ref.clientName) + " "
		l.In.Placeholder = c.t(i18n.LineRequestHint)
	default:
		l.In.Prompt = c.t(i18n.LineKindPrompt, c.cat.NoteKind(kind), ref.clientName) + " "
		l.In.Placeholder = c.t(i18n.LineKindHint)
	}
	l.SetWidth(c.width)
	return l
}

func newLine(c *shared, kind lineKind, ref itemRef, text string) *lineInput {
	o := typing.LineOptions{Text: text, Width: c.width, Styles: c.styles.Input}
	switch kind {
	case lineNote:
		o.Prompt = c.t(i18n.LineNotePrompt, ref.clientName) + " "
		o.Placeholder = c.t(i18n.LineNoteHint)
		o.Key, o.ClientID, o.Keep = typing.NoteKey(ref.clientID), ref.clientID, true
	case lineMerge:
		o.Prompt = c.cat.Colon(c.t(i18n.AppMergeTitle, ref.clientName), "") // "…into 曾小凡: ", "…合并到 曾小凡："
		o.Placeholder = c.t(i18n.AppMergePick)
	case lineSnooze:
		o.Prompt = c.t(i18n.LineSnoozePrompt) + " "
		o.Placeholder = c.t(i18n.LineSnoozeHint, c.today().AddDays(1).String())
		o.Key = typing.SnoozeKey
	}
	return &lineInput{Line: typing.NewLine(o), kind: kind, ref: ref}
}
