package tui

import (
	"github.com/vipbook/vipbook/book"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tui/typing"
)

// editMode is which of the typing overlays takes the keys.
type editMode int

const (
	editNone    editMode = iota // none: the screen has the keys
	editLine                    // the one-line input (a note, a snooze day)
	editForm                    // a form
	editOffer                   // the drafts kept from last time
	editPick                    // the note's kind, picked with one key
	editConfirm                 // a merge's dry run or a form's likely duplicates, waiting for an answer
)

// pendingAction is something to do once a client has loaded: resume a
// draft note or form, or open the edit form.
type pendingAction struct {
	clientID string
	note     *string
	form     formKind
	values   map[string]string
}

// editor is the typing over the screens: the one-line input of the status
// line, a form in place of the screen, the offer of the drafts kept from
// last time. What is typed goes to the draft keeper (package typing) as it
// changes; a pause in typing writes the drafts to the book.
type editor struct {
	c       *shared
	mode    editMode
	line    *lineInput
	form    *formScreen
	offer   draftOffer
	picking itemRef // the client whose note's kind is being picked (editPick)
	// pickingFor is the profile an entry is picked for (editPick): then the
	// keys pick an entry's form, not a note's kind.
	pickingFor *profile.Profile
	// removing is the entry a del asks to remove (editPick): enter
	// removes it, esc keeps it; removingText names it.
	removing     *entryRef
	removingFrom *profile.Profile // the profile as shown when del was pressed
	removingText string
	// closing is the special request whose close is asked (editPick):
	// a key of KeyMap.Requests picks where it stands, esc leaves it.
	closing *requests.Request
	pending *pendingAction
	// merging is the merge shown for confirmation (editConfirm); dup and
	// dupForm the likely duplicates a form's write was refused for.
	merging *book.MergeReport
	dup     *book.DuplicateError
	dupForm *formScreen
	seq     int  // numbers the pauses in typing (draftTickMsg)
	covered bool // another overlay (the message composer) is open
	w, h    int  // the body's size
}

// edited is what the root does after the editor has handled a message:
// the status line's news or error, and a client to open (whose loading a
// pending action waits for).
type edited struct {
	say      bool // show text in the status line
	text     string
	isErr    bool
	clearErr bool // the answer changed: the old complaint may no longer hold
	open     string
}

// complain is an edited that shows an error.
func complain(err error) edited { return edited{say: true, text: err.Error(), isErr: true} }

func newEditor(c *shared) editor { return editor{c: c} }

// active reports whether an overlay takes the keys.
func (e editor) active() bool { return e.mode != editNone }

// asksPick reports whether a choice made with one key is asked (what to add
// to a profile, a note's kind, where a request stands): its keys are the
// answers, so the help names every one.
func (e editor) asksPick() bool { return e.mode == editPick }

// idle reports whether nothing covers the screen: no overlay of the
// editor, nor another.
func (e editor) idle() bool { return e.mode == editNone && !e.covered }

// setCovered says whether another overlay (the message composer) is open.
func (e *editor) setCovered(on bool) { e.covered = on }

// SetSize gives the editor the body's size.
func (e *editor) SetSize(w, h int) {
	e.w, e.h = w, h
	if e.line != nil {
		e.line.SetWidth(w)
	}
	if e.form != nil {
		e.form.SetHeight(max(5, h-2))
	}
}

// restyle hands new styles to the input.
func (e *editor) restyle() {
	if e.line != nil {
		e.line.In.SetStyles(e.c.styles.Input)
	}
}

// resized gives the form the terminal's new width.
func (e *editor) resized() {
	if e.form != nil {
		e.form.SetWidth(formWidth(e.c.width))
	}
}

// Update handles the editor's messages, and every key and paste while an
// overlay is open.
func (e editor) Update(msg tea.Msg) (editor, tea.Cmd, edited) {
	c := e.c
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch e.mode {
		case editLine:
			return e.lineKey(msg)
		case editForm:
			return e.formUpdate(msg)
		case editOffer:
			return e.offerKey(msg)
		case editPick:
			return e.pickKey(msg)
		case editConfirm:
			return e.confirmKey(msg)
		}
	case tea.PasteMsg:
		switch e.mode {
		case editLine:
			cmd, changed := e.line.Update(msg, c.drafts)
			tick := e.draftChanged(changed) // before e is copied out
			return e, tea.Batch(cmd, tick), edited{clearErr: changed}
		case editForm:
			return e.formUpdate(msg)
		}
	case draftsMsg:
		if len(msg.items) > 0 && e.idle() {
			e.offer = draftOffer{typing.Offer{Items: msg.items}}
			e.mode = editOffer
		}
		if msg.err != nil {
			return e, nil, complain(msg.err)
		}
	case noteFailedMsg:
		return e.noteFailed(msg)
	case draftTickMsg:
		if msg.seq == e.seq {
			return e, flushDrafts(c), edited{}
		}
	case formFailedMsg:
		if e, ok := e.duplicateFound(msg.f, msg.err); ok {
			return e, nil, edited{}
		}
		return e.reopenForm(msg.f, keptErr(c, msg.err))
	case mergePreviewMsg:
		return e.mergePreview(msg)
	case typing.SubmittedMsg:
		return e.submitForm()
	case typing.CancelledMsg:
		return e.closeForm()
	default:
		// Messages of the components (the form's field moves, the
		// inputs' cursor) go to the form when it is open.
		if e.mode == editForm {
			return e.formUpdate(msg)
		}
	}
	return e, nil, edited{}
}

// formUpdate passes a message to the form.
func (e editor) formUpdate(msg tea.Msg) (editor, tea.Cmd, edited) {
	cmd, changed := e.form.Update(msg, e.c.drafts)
	tick := e.draftChanged(changed) // before e is copied out
	return e, tea.Batch(cmd, tick), edited{clearErr: changed}
}

// draftChanged schedules the write of the drafts after a pause in typing.
func (e *editor) draftChanged(changed bool) tea.Cmd {
	if !changed {
		return nil
	}
	e.seq++
	return e.c.after(typing.Delay, draftTickMsg{e.seq})
}

// openNote opens the one-line note input on a client, for a note of
// kind ("": not picked; a kind typed in front is read).
func (e editor) openNote(ref itemRef, text string, kind notes.Kind) (editor, edited) {
	e.line, e.mode = newNoteLine(e.c, ref, text, kind), editLine
	return e, edited{clearErr: true}
}

// pickNote asks the kind of a note on a client, picked with one key.
func (e editor) pickNote(ref itemRef) (editor, edited) {
	e.picking, e.mode = ref, editPick
	return e, edited{clearErr: true}
}

// pickKey handles a key while the note's kind is picked: a kind's key
// opens the note line for it, enter a plain note, esc cancels; another
// key is ignored.
func (e editor) pickKey(msg tea.KeyPressMsg) (editor, tea.Cmd, edited) {
	k, ref := e.c.keys, e.picking
	if r := e.closing; r != nil {
		if key.Matches(msg, k.Cancel) {
			e.mode, e.picking, e.closing = editNone, itemRef{}, nil
			return e, nil, edited{}
		}
		for _, rk := range k.Requests {
			if key.Matches(msg, rk.Binding) {
				e.mode, e.picking, e.closing = editNone, itemRef{}, nil
				return e, setRequest(e.c, ref, r.ID, r.What, rk.Status), edited{}
			}
		}
		return e, nil, edited{}
	}
	if r := e.removing; r != nil {
		switch {
		case key.Matches(msg, k.Confirm):
			e.mode, e.removing = editNone, nil
			cmd := removeEntry(e.c, ref.clientID, *r, e.removingText, e.removingFrom)
			if r.sec == secNote || r.sec == secPurchase { // the book is compacted: say so meanwhile
				return e, cmd, edited{say: true, text: e.c.t(i18n.AppRemovingRecord)}
			}
			return e, cmd, edited{}
		case key.Matches(msg, k.Cancel):
			e.mode, e.removing = editNone, nil
		}
		return e, nil, edited{}
	}
	if p := e.pickingFor; p != nil {
		if key.Matches(msg, k.Cancel) {
			e.mode, e.picking, e.pickingFor = editNone, itemRef{}, nil
			return e, nil, edited{}
		}
		for _, ek := range k.Entries {
			if key.Matches(msg, ek.Binding) {
				e.pickingFor = nil
				return e.openEntryForm(ek.Sec, ref, p, -1)
			}
		}
		return e, nil, edited{}
	}
	switch {
	case key.Matches(msg, k.Cancel):
		e.mode, e.picking = editNone, itemRef{}
		return e, nil, edited{}
	case key.Matches(msg, k.Save):
		e, out := e.openNote(ref, "", notes.General)
		return e, nil, out
	}
	for _, kk := range k.Kinds {
		if key.Matches(msg, kk.Binding) {
			e, out := e.openNote(ref, "", kk.Kind)
			return e, nil, out
		}
	}
	return e, nil, edited{}
}

// openSnooze opens the one-line input asking the day to snooze a
// follow-up to.
func (e editor) openSnooze(ref itemRef) (editor, edited) {
	e.line, e.mode = newLine(e.c, lineSnooze, ref, ""), editLine
	return e, edited{clearErr: true}
}

// closeLine closes the one-line input.
func (e editor) closeLine() editor {
	e.line, e.mode = nil, editNone
	return e
}

// lineKey handles a key in the one-line input.
func (e editor) lineKey(msg tea.KeyPressMsg) (editor, tea.Cmd, edited) {
	c, k, l := e.c, e.c.keys, e.line
	switch {
	case key.Matches(msg, k.Cancel):
		e = e.closeLine()
		if l.kind == lineNote {
			return e, dropDraft(c, l.Key), edited{}
		}
		return e, nil, edited{}
	case key.Matches(msg, k.Save):
		text := strings.TrimSpace(l.Value())
		switch l.kind {
		case lineNote:
			if text == "" {
				return e, nil, edited{say: true, text: c.t(i18n.ErrNoteEmpty), isErr: true}
			}
			// The keeper holds the text until the note is in the book:
			// saveNote clears it then, so a kill during the save loses
			// nothing.
			if l.note == notes.SpecialRequest {
				return e.closeLine(), openRequest(c, l.ref, l.Value(), l.Key), edited{}
			}
			return e.closeLine(), saveNote(c, l.ref, l.Value(), l.Key, l.note), edited{}
		case lineMerge:
			if text == "" {
				return e, nil, edited{}
			}
			return e.closeLine(), previewMerge(c, l.ref, text), edited{}
		case lineSnooze:
			until, err := parseDay(text, c.today())
			if text == "" {
				until, err = c.today().AddDays(1), nil
			}
			if err != nil {
				return e, nil, edited{say: true, text: c.cat.Error(err), isErr: true}
			}
			if !until.After(c.today()) {
				return e, nil, edited{say: true, text: c.t(i18n.ErrSnoozeDay, text), isErr: true}
			}
			return e.closeLine(), snoozeTask(c, l.ref.task.ID, c.cat.TaskTitle(l.ref.task), until), edited{}
		}
	}
	// Typing again: the old complaint may no longer hold.
	cmd, changed := l.Update(msg, c.drafts)
	tick := e.draftChanged(changed) // before e is copied out
	return e, tea.Batch(cmd, tick), edited{clearErr: true}
}

// noteFailed brings back a note the book refused (full, read-only): the
// input reopens with the text, which is kept as a draft again, and the
// status line says why. When something else has been opened since, the
// text stays a draft (offered at the next start) and the status line says
// why.
func (e editor) noteFailed(msg noteFailedMsg) (editor, tea.Cmd, edited) {
	c := e.c
	c.drafts.Set(store.Draft{Key: typing.NoteKey(msg.ref.clientID), ClientID: msg.ref.clientID, Text: msg.text})
	err := keptErr(c, msg.err)
	if e.idle() {
		e, _ = e.openNote(msg.ref, msg.text, msg.kind)
	}
	return e, nil, complain(err)
}

// openForm opens a form of kind for ref, with answers from a draft when
// values is not nil. The edit form needs the client's profile, before:
// when it is not the client's (not loaded yet), the client is opened and
// the form waits for it.
func (e editor) openForm(kind formKind, ref itemRef, values map[string]string, before *profile.Profile) (editor, tea.Cmd, edited) {
	if kind == formEdit && (before == nil || before.ID != ref.clientID) {
		e.pending = &pendingAction{clientID: ref.clientID, form: formEdit, values: values}
		return e, nil, edited{open: ref.clientID}
	}
	var v *typing.Values
	if values != nil {
		v = typing.NewValues()
		v.Restore(values, formFlags...)
	}
	if kind != formEdit {
		before = nil
	}
	f := newForm(e.c, kind, ref, v, before)
	f.SetHeight(max(5, e.h-2))
	e.form, e.mode = f, editForm
	return e, f.Init(), edited{}
}

// openEntryForm opens the form of an entry of section sec of the profile
// p: a new one (at < 0) or entry at, changed in place.
func (e editor) openEntryForm(sec entrySec, ref itemRef, p *profile.Profile, at int) (editor, tea.Cmd, edited) {
	var v *typing.Values
	if at >= 0 && p != nil {
		v = typing.NewValues()
		fillEntry(v, p, entryRef{sec: sec, i: at}, e.c.cat)
	}
	f := newFormAt(e.c, entryForms[sec], ref, v, p, sec, at)
	f.SetHeight(max(5, e.h-2))
	e.form, e.mode = f, editForm
	return e, f.Init(), edited{clearErr: true}
}

// askRemove asks whether to remove the entry of ref (what names it).
func (e editor) askRemove(ref itemRef, what string, p *profile.Profile) (editor, edited) {
	r := *ref.entry
	e.picking, e.removing, e.removingText, e.removingFrom, e.pickingFor, e.mode = ref, &r, what, p, nil, editPick
	return e, edited{clearErr: true}
}

// askCloseRequest asks, with one key, where the special request of ref
// now stands (fulfilled, declined, sourcing).
func (e editor) askCloseRequest(ref itemRef) (editor, edited) {
	r := *ref.request
	e.picking, e.closing, e.removing, e.pickingFor, e.mode = ref, &r, nil, nil, editPick
	return e, edited{clearErr: true}
}

// pickEntry asks, with one key, what to add to the profile of ref.
func (e editor) pickEntry(ref itemRef, p *profile.Profile) (editor, edited) {
	e.picking, e.pickingFor, e.mode = ref, p, editPick
	return e, edited{clearErr: true}
}

// submitForm checks a submitted form and runs its write; a form with a
// wrong answer stays open with the answers kept, and the status line says
// what is wrong.
func (e editor) submitForm() (editor, tea.Cmd, edited) {
	f := e.form
	if f == nil {
		return e, nil, edited{}
	}
	cmd, err := f.submit()
	if err != nil {
		return e.reopenForm(f, err)
	}
	e.c.drafts.Clear(f.Key())
	e.form, e.mode = nil, editNone
	// A write the book refuses (a phone already taken, ...) brings the
	// form back with its answers.
	return e, func() tea.Msg {
		msg := cmd()
		if er, ok := msg.(errMsg); ok {
			return formFailedMsg{f: f, err: er.err}
		}
		return msg
	}, edited{}
}

// reopenForm shows form f again with its answers (kept as a draft) and
// says what is wrong.
func (e editor) reopenForm(f *formScreen, err error) (editor, tea.Cmd, edited) {
	nf := newFormAt(e.c, f.kind, f.ref, f.Values, f.before, f.sec, f.entry)
	nf.SetHeight(max(5, e.h-2))
	e.c.drafts.Set(nf.Draft())
	e.form, e.mode, e.line = nf, editForm, nil
	return e, nf.Init(), complain(err)
}

// closeForm dismisses the form; its draft goes too.
func (e editor) closeForm() (editor, tea.Cmd, edited) {
	f := e.form
	e.form, e.mode = nil, editNone
	if f != nil {
		return e, dropDraft(e.c, f.Key()), edited{}
	}
	return e, nil, edited{}
}

// offerKey handles a key on the drafts offer.
func (e editor) offerKey(msg tea.KeyPressMsg) (editor, tea.Cmd, edited) {
	c, k := e.c, e.c.keys
	if len(e.offer.Items) == 0 {
		e.mode = editNone
		return e, nil, edited{}
	}
	switch {
	case key.Matches(msg, k.Back), key.Matches(msg, k.Quit):
		e.mode = editNone
		return e, nil, edited{}
	case key.Matches(msg, k.Discard):
		var it typing.Offered
		e.offer.Offer, it, _ = e.offer.Take()
		if len(e.offer.Items) == 0 {
			e.mode = editNone
		}
		return e, dropDraft(c, it.Draft.Key), edited{}
	case key.Matches(msg, k.Resume):
		var it typing.Offered
		e.offer.Offer, it, _ = e.offer.Take()
		e.mode = editNone
		return e.resume(it)
	}
	e.offer.Offer = e.offer.Update(msg, k.Up, k.Down)
	return e, nil, edited{}
}

// resume reopens a kept draft where it was being typed: a note or a form
// about a client once the client has loaded.
func (e editor) resume(it typing.Offered) (editor, tea.Cmd, edited) {
	d := it.Draft
	// Keep the draft in the keeper so it is not lost if the program ends
	// again before it is saved.
	e.c.drafts.Set(d)
	if strings.HasPrefix(d.Key, typing.NotePrefix) {
		text := d.Text
		e.pending = &pendingAction{clientID: d.ClientID, note: &text}
		return e, nil, edited{open: d.ClientID}
	}
	k, id, ok := typing.ParseFormKey(d.Key)
	if !ok {
		return e, nil, edited{}
	}
	kind, values := formKind(k), typing.DecodeFields(d.Fields)
	if kind == formAdd || id == "" {
		return e.openForm(formAdd, itemRef{}, values, nil)
	}
	e.pending = &pendingAction{clientID: id, form: kind, values: values}
	return e, nil, edited{open: id}
}

// clientLoaded does what was waiting for client d to load.
func (e editor) clientLoaded(d *clientDetail) (editor, tea.Cmd, edited) {
	p := e.pending
	if p == nil || p.clientID != d.p.ID {
		return e, nil, edited{}
	}
	e.pending = nil
	ref := itemRef{clientID: d.p.ID, clientName: d.p.DisplayName()}
	if p.note != nil {
		e, out := e.openNote(ref, *p.note, "")
		return e, nil, out
	}
	return e.openForm(p.form, ref, p.values, d.p)
}

// body draws the overlay that takes the screen's place (a form, the
// offer); ok is false when the screen shows.
func (e editor) body(h int) (string, bool) {
	c := e.c
	switch {
	case e.mode == editForm && e.form != nil:
		// The inputs show the client's values as typed: a bidi control
		// in a name is made visible here, the value kept as it is.
		return padLines(c.styles.Title.Render(e.form.title())+"\n\n"+termsafe.Styled(e.form.View()), h), true
	case e.mode == editOffer:
		return e.offer.View(c, c.width, h), true
	case e.mode == editConfirm:
		return e.confirmBody(h), true
	}
	return "", false
}

// statusLine draws the one-line input, or what is wrong with the form's
// answer; ok is false when the status line shows its news.
func (e editor) statusLine() (string, bool) {
	c := e.c
	if e.mode == editLine && e.line != nil {
		return clip(e.line.View(), c.width), true
	}
	if e.mode == editConfirm {
		return e.confirmLine(), true
	}
	if e.mode == editPick && e.closing != nil {
		return c.styles.Accent.Render(clip(c.t(i18n.LineCloseRequest, termsafe.Line(e.closing.What), termsafe.Line(e.picking.clientName)), c.width)), true
	}
	if e.mode == editPick && e.removing != nil {
		ask := i18n.LineRemoveEntry
		switch e.removing.sec {
		case secPurchase:
			ask = i18n.AppRemovePurchaseAsk // its follow-ups go too; no undo
		case secNote:
			ask = i18n.AppRemoveNoteAsk // no undo
		}
		return c.styles.Error.Render(clip(c.t(ask, termsafe.Line(e.removingText), termsafe.Line(e.picking.clientName)), c.width)), true
	}
	if e.mode == editPick && e.pickingFor != nil {
		return c.styles.Accent.Render(clip(c.t(i18n.LinePickEntry, termsafe.Line(e.picking.clientName)), c.width)), true
	}
	if e.mode == editPick {
		return c.styles.Accent.Render(clip(c.t(i18n.LinePickKind, termsafe.Line(e.picking.clientName)), c.width)), true
	}
	if e.mode == editForm && e.form != nil {
		if err := e.form.Err(); err != nil {
			return c.styles.Error.Render(clip(err.Error(), c.width)), true
		}
	}
	return "", false
}

// help is the help bar of the overlay open.
func (e editor) help() []key.Binding {
	k := e.c.keys
	switch e.mode {
	case editLine:
		return []key.Binding{k.Save, k.Cancel}
	case editForm:
		return k.FormHelp()
	case editOffer:
		return []key.Binding{k.Resume, k.Discard, k.Later}
	case editConfirm:
		if e.merging != nil {
			return []key.Binding{k.MergeYes, k.Cancel}
		}
		return []key.Binding{k.DupOpen, k.DupSave, k.Cancel}
	case editPick:
		var bs []key.Binding
		if e.closing != nil {
			for _, rk := range k.Requests {
				bs = append(bs, rk.Binding)
			}
			return append(bs, k.Cancel)
		}
		if e.removing != nil {
			return []key.Binding{k.Confirm, k.Cancel}
		}
		if e.pickingFor != nil {
			for _, ek := range k.Entries {
				bs = append(bs, ek.Binding)
			}
			return bs // the status line says esc
		}
		for _, kk := range k.Kinds {
			bs = append(bs, kk.Binding)
		}
		return bs // the status line says enter and esc
	}
	return nil
}

// closeFor closes what is open about the client id, erased or merged away
// by another vipbook (a note being typed, its kind being picked, a form):
// nothing more can be saved for them, and a draft of them is kept
// nowhere, not in the book nor on disk. It returns a note's text and kind
// as typed (a merged client's note goes on for the client kept), and
// whether anything was open.
func (e editor) closeFor(id string) (editor, tea.Cmd, string, notes.Kind, bool) {
	switch {
	case e.mode == editLine && e.line != nil && e.line.ref.clientID == id:
		l := e.line
		e = e.closeLine()
		if l.kind != lineNote {
			return e, nil, "", "", true
		}
		return e, dropDraft(e.c, l.Key), l.Value(), l.note, true
	case e.mode == editForm && e.form != nil && e.form.ref.clientID == id:
		e, cmd, _ := e.closeForm()
		return e, cmd, "", "", true
	case e.mode == editPick && e.picking.clientID == id:
		e.mode, e.picking, e.pickingFor, e.removing, e.removingFrom, e.closing = editNone, itemRef{}, nil, nil, nil, nil
		return e, nil, "", "", true
	}
	return e, nil, "", "", false
}
