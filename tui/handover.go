package tui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/handover"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/safefile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tui/typing"
)

// handoverScreen hands clients to a colleague and receives them (package
// handover). The top half chooses clients (by a search such as tier:A
// city:上海, by tier, or all), the colleague, the bundle file and the
// passphrase, twice; the chosen clients are shown before anything is
// written. The bottom half reads a bundle with its passphrase and shows
// what importing it would do (new clients, matched ones, conflicts) before
// it imports. Reading, encrypting and writing run in commands; what goes
// wrong shows in the status line.
type handoverScreen struct {
	c       *shared
	row     hoRow
	editing bool // the row's input takes the keys
	choice  hoChoice
	release bool
	// in are the text rows' inputs, hoRows of them: by value, they made
	// every copy of the app's Model 86 kB (each Update boxes one).
	in      []textinput.Model
	state   hoState
	chosen  *handoverChosenMsg
	preview *handoverPreviewMsg
	result  []string // what the last export or import did
	pane    pane     // the chosen clients, the import preview
	w, h    int
}

// hoRow is a line of the handover form.
type hoRow int

const (
	hoChoose  hoRow = iota // search, tier or all
	hoQuery                // the search or the tier
	hoTo                   // the colleague
	hoOut                  // the bundle to write
	hoPass                 // the passphrase
	hoPass2                // the passphrase again
	hoRelease              // also archive them
	hoExport               // the export button
	hoInFile               // the bundle to read
	hoInPass               // its passphrase
	hoPreview              // the import button
	hoRows
)

// hoChoice is how the clients to hand over are chosen.
type hoChoice int

const (
	chooseSearch hoChoice = iota
	chooseTier
	chooseAll
	chooseKinds
)

// hoState is what the screen shows.
type hoState int

const (
	hoForm    hoState = iota // the form
	hoBusy                   // a command runs (choosing, encrypting, importing)
	hoConfirm                // the chosen clients, waiting for enter
	hoReview                 // the import preview, waiting for enter
)

// minPassphrase is the shortest passphrase a bundle is written with (as
// the command line asks).
const minPassphrase = 8

// handoverListed is how many clients the confirmation and the preview
// name; the rest are counted.
const handoverListed = 200

// handoverMsg is a message of the handover screen; the root hands them to
// Model.handoverMsg.
type handoverMsg interface{ isHandoverMsg() }

// handoverChosenMsg delivers the clients an export would hand over.
type handoverChosenMsg struct {
	ids, names []string
	to, path   string
	pass       string
	release    bool
	// unsent, when set, is why the release was refused (changes to these
	// clients the chain has not received yet): the confirmation says how
	// many and offers to release anyway (force).
	unsent *handover.UnsentError
	force  bool
}

// handoverUnsentMsg says a release was refused for changes not yet sent:
// the screen asks whether to release anyway.
type handoverUnsentMsg struct{ chosen handoverChosenMsg }

// handoverExportedMsg says an export landed.
type handoverExportedMsg struct {
	res     handover.ExportResult
	release bool
	// kept are the copies vipbook made earlier (backups) that still hold
	// the released clients.
	kept []string
	// notCompacted: the release was committed but the file could not be
	// compacted yet (store.ErrNotCompacted); the next writable open does it.
	notCompacted bool
}

// handoverPreviewMsg delivers a read bundle and what importing it would do.
type handoverPreviewMsg struct {
	path   string
	bundle *handover.Bundle
	rep    *handover.Report
}

// handoverImportedMsg says an import landed.
type handoverImportedMsg struct{ rep *handover.Report }

// handoverFailedMsg brings the form back with what went wrong.
type handoverFailedMsg struct{ err error }

func (handoverChosenMsg) isHandoverMsg()   {}
func (handoverExportedMsg) isHandoverMsg() {}
func (handoverPreviewMsg) isHandoverMsg()  {}
func (handoverImportedMsg) isHandoverMsg() {}
func (handoverFailedMsg) isHandoverMsg()   {}
func (handoverUnsentMsg) isHandoverMsg()   {}

func newHandoverScreen(c *shared) handoverScreen {
	s := handoverScreen{c: c, pane: pane{cursor: -1}, in: make([]textinput.Model, hoRows)}
	for r := range s.in {
		in := textinput.New()
		in.SetStyles(c.styles.Input)
		in.SetVirtualCursor(true)
		in.Prompt = ""
		in.CharLimit = 500
		switch hoRow(r) {
		case hoPass, hoPass2, hoInPass:
			in.EchoMode = textinput.EchoPassword
			in.EchoCharacter = '*'
		case hoOut:
			in.SetValue(c.exportPath("handover-" + c.today().String() + ".age"))
		case hoTo:
			in.Placeholder = c.t(i18n.HoToHint)
		case hoInFile:
			in.Placeholder = c.t(i18n.HoInFileHint)
		}
		s.in[r] = in
	}
	s.setQueryHint()
	return s
}

// SetSize gives the screen its body size.
func (s *handoverScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	for r := range s.in {
		s.in[r].SetWidth(max(10, w-s.labelWidth()-8))
	}
	s.pane.setSize(w, max(1, h-4))
	s.rebuild()
}

// restyle applies new styles to the inputs.
func (s *handoverScreen) restyle() {
	for r := range s.in {
		s.in[r].SetStyles(s.c.styles.Input)
	}
	s.rebuild()
}

// typing reports whether an input takes the keys.
func (s handoverScreen) typing() bool { return s.state == hoForm && s.editing }

// takes reports whether the screen takes key msg before the global keys:
// every key while typing, waiting or asking to confirm; on the form the
// keys that move and act on its lines.
func (s handoverScreen) takes(msg tea.KeyPressMsg) bool {
	if s.state != hoForm || s.editing {
		return true
	}
	k := s.c.keys
	return key.Matches(msg, k.Up, k.Down, k.Top, k.Bottom, k.Open, k.Toggle)
}

// visible reports whether row r is on the form (the search line is not
// when all clients are chosen).
func (s handoverScreen) visible(r hoRow) bool { return r != hoQuery || s.choice != chooseAll }

// isText reports whether row r is typed in.
func isText(r hoRow) bool {
	switch r {
	case hoQuery, hoTo, hoOut, hoPass, hoPass2, hoInFile, hoInPass:
		return true
	}
	return false
}

// move goes to the next visible row in direction dir (wrapping).
func (s *handoverScreen) move(dir int) {
	r := s.row
	for {
		r = (r + hoRow(dir) + hoRows) % hoRows
		if s.visible(r) {
			break
		}
	}
	s.focus(r, s.editing && isText(r))
}

// focus puts the cursor on row r, typing in it when edit is set.
func (s *handoverScreen) focus(r hoRow, edit bool) {
	s.in[s.row].Blur()
	s.row, s.editing = r, edit && isText(r)
	if s.editing {
		s.in[r].Focus()
		s.in[r].CursorEnd()
	}
}

// setQueryHint names the search line after the choice.
func (s *handoverScreen) setQueryHint() {
	if s.choice == chooseTier {
		s.in[hoQuery].Placeholder = s.c.t(i18n.HoTierHint)
	} else {
		s.in[hoQuery].Placeholder = s.c.t(i18n.HoQueryHint)
	}
}

// fail returns a command saying what is wrong in the status line.
func fail(text string) tea.Cmd { return func() tea.Msg { return errMsg{userErr(text)} } }

// Update handles the keys of the form, the confirmation and the preview.
func (s handoverScreen) Update(msg tea.Msg) (handoverScreen, tea.Cmd) {
	switch msg := msg.(type) {
	case handoverMsg:
		return s.handoverMsg(msg)
	case tea.KeyPressMsg:
		return s.key(msg)
	case tea.PasteMsg:
		if s.typing() {
			var cmd tea.Cmd
			s.in[s.row], cmd = s.in[s.row].Update(msg)
			return s, cmd
		}
	case tea.MouseWheelMsg:
		if s.state == hoConfirm || s.state == hoReview {
			wheelPane(&s.pane, msg)
		}
	}
	return s, nil
}

func (s handoverScreen) key(msg tea.KeyPressMsg) (handoverScreen, tea.Cmd) {
	c, k := s.c, s.c.keys
	switch s.state {
	case hoBusy:
		return s, nil // ctrl+c still quits; the rest waits
	case hoConfirm, hoReview:
		switch {
		case key.Matches(msg, k.Confirm):
			if s.state == hoConfirm {
				ch := s.chosen
				ch.force = ch.unsent != nil // asked again, and confirmed
				s.state = hoBusy
				s.rebuild()
				return s, exportBundle(c, ch)
			}
			p := s.preview
			s.state = hoBusy
			s.rebuild()
			return s, importBundle(c, p.bundle)
		case key.Matches(msg, k.Cancel):
			s.state, s.chosen, s.preview = hoForm, nil, nil
			s.rebuild()
		default:
			movePane(&s.pane, msg, k)
		}
		return s, nil
	}
	if s.editing {
		switch {
		case key.Matches(msg, k.Cancel):
			s.focus(s.row, false)
			return s, nil
		case key.Matches(msg, k.Confirm) && (s.row == hoPass2 || s.row == hoInPass):
			// Enter on the last line of a half runs it.
			s.focus(s.row, false)
			if s.row == hoPass2 {
				return s.run(hoExport)
			}
			return s.run(hoPreview)
		case key.Matches(msg, k.Confirm), key.Matches(msg, k.NextField), key.Matches(msg, k.ListDown):
			s.move(1)
			return s, nil
		case key.Matches(msg, k.PrevField), key.Matches(msg, k.ListUp):
			s.move(-1)
			return s, nil
		}
		var cmd tea.Cmd
		s.in[s.row], cmd = s.in[s.row].Update(msg)
		return s, cmd
	}
	switch {
	case key.Matches(msg, k.Up):
		s.move(-1)
	case key.Matches(msg, k.Down):
		s.move(1)
	case key.Matches(msg, k.Top):
		s.focus(hoChoose, false)
	case key.Matches(msg, k.Bottom):
		s.focus(hoPreview, false)
	case key.Matches(msg, k.Toggle), key.Matches(msg, k.Open):
		return s.run(s.row)
	}
	return s, nil
}

// run acts on row r: a text row starts typing, a choice turns, a button
// checks the form and starts its command.
func (s handoverScreen) run(r hoRow) (handoverScreen, tea.Cmd) {
	c := s.c
	switch {
	case isText(r):
		s.focus(r, true)
		return s, nil
	case r == hoChoose:
		s.choice = (s.choice + 1) % chooseKinds
		s.setQueryHint()
		return s, nil
	case r == hoRelease:
		s.release = !s.release
		return s, nil
	case r == hoExport:
		query := strings.TrimSpace(s.in[hoQuery].Value())
		path := strings.TrimSpace(s.in[hoOut].Value())
		pass, again := s.in[hoPass].Value(), s.in[hoPass2].Value()
		switch {
		case s.choice == chooseTier && query == "":
			s.focus(hoQuery, true)
			return s, fail(c.t(i18n.HoErrNoTier))
		case s.choice == chooseSearch && query == "":
			s.focus(hoQuery, true)
			return s, fail(c.t(i18n.HoErrNoQuery))
		case strings.TrimSpace(s.in[hoTo].Value()) == "":
			// The bundle and both books say whom the clients went to.
			s.focus(hoTo, true)
			return s, fail(c.t(i18n.HoErrNoTo))
		case path == "":
			s.focus(hoOut, true)
			return s, fail(c.t(i18n.HoErrNoFile))
		case pass == "":
			s.focus(hoPass, true)
			return s, fail(c.t(i18n.HoErrNoPass))
		case len([]rune(pass)) < minPassphrase:
			s.focus(hoPass, true)
			return s, fail(c.t(i18n.HoErrShortPass, minPassphrase))
		case again != pass:
			s.in[hoPass2].SetValue("")
			s.focus(hoPass2, true)
			return s, fail(c.t(i18n.HoErrPassDiffer))
		}
		path = c.exportPath(path)
		s.state = hoBusy
		s.rebuild()
		to := strings.TrimSpace(s.in[hoTo].Value())
		return s, chooseForHandover(c, s.choice, query, handoverChosenMsg{to: to, path: path, pass: pass, release: s.release})
	case r == hoPreview:
		path := strings.TrimSpace(s.in[hoInFile].Value())
		pass := s.in[hoInPass].Value()
		switch {
		case path == "":
			s.focus(hoInFile, true)
			return s, fail(c.t(i18n.HoErrNoFile))
		case pass == "":
			s.focus(hoInPass, true)
			return s, fail(c.t(i18n.HoErrNoPass))
		}
		s.state = hoBusy
		s.rebuild()
		return s, previewBundle(c, path, pass)
	}
	return s, nil
}

// bookChangedMsg says a change to many clients landed (a handover): the
// root reads the book again and says status.
type bookChangedMsg struct{ status string }

// handoverMsg handles the screen's messages: the chosen clients and the
// preview wait for a confirmation; an export or an import changed the
// book, which the root reads again.
func (s handoverScreen) handoverMsg(msg handoverMsg) (handoverScreen, tea.Cmd) {
	c := s.c
	switch msg := msg.(type) {
	case handoverFailedMsg:
		s.state = hoForm
		s.rebuild()
		err := msg.err
		return s, func() tea.Msg { return errMsg{err} }
	case handoverChosenMsg:
		s.chosen, s.state = &msg, hoConfirm
		s.pane = pane{cursor: -1, w: s.pane.w, h: s.pane.h}
		s.rebuild()
	case handoverUnsentMsg:
		s.chosen, s.state = &msg.chosen, hoConfirm
		s.pane = pane{cursor: -1, w: s.pane.w, h: s.pane.h}
		s.rebuild()
	case handoverPreviewMsg:
		s.preview, s.state = &msg, hoReview
		s.pane = pane{cursor: -1, w: s.pane.w, h: s.pane.h}
		s.rebuild()
	case handoverExportedMsg:
		s.state, s.chosen = hoForm, nil
		s.in[hoPass].SetValue("")
		s.in[hoPass2].SetValue("")
		s.result = exportResult(c, msg)
		s.rebuild()
		return s, changedBook(s.result[0])
	case handoverImportedMsg:
		s.state, s.preview = hoForm, nil
		s.in[hoInPass].SetValue("")
		s.result = []string{importSummary(c, msg.rep, true)}
		s.rebuild()
		return s, changedBook(s.result[0])
	}
	return s, nil
}

// changedBook answers a bookChangedMsg.
func changedBook(status string) tea.Cmd {
	return func() tea.Msg { return bookChangedMsg{status} }
}

// help is the help bar of the screen in its present state.
func (s handoverScreen) help() []key.Binding {
	k := s.c.keys
	switch {
	case s.state == hoBusy:
		return []key.Binding{k.ForceQuit}
	case s.state == hoConfirm || s.state == hoReview:
		return []key.Binding{k.Confirm, k.Cancel, k.Up, k.Down}
	case s.editing:
		return []key.Binding{k.NextField, k.PrevField, k.Cancel, k.ForceQuit}
	}
	return []key.Binding{k.Up, k.Down, k.Toggle, k.Backup, k.NextTab, k.Help, k.Quit}
}

// labelWidth is the width of the form's label column.
func (s handoverScreen) labelWidth() int {
	c := s.c
	lw := 0
	for _, k := range []i18n.Key{i18n.HoChoose, i18n.HoQuery, i18n.HoTier, i18n.HoTo, i18n.HoFile, i18n.HoPass,
		i18n.HoPassAgain, i18n.HoRelease} {
		lw = max(lw, width(c.t(k)))
	}
	return lw
}

// View draws the form, or the confirmation, or the preview.
func (s handoverScreen) View() string {
	c, st := s.c, &s.c.styles
	switch s.state {
	case hoBusy:
		return padLines("  "+st.Title.Render(c.t(i18n.TabHandover))+"\n\n"+st.Dim.Render("  "+c.t(i18n.HoWorking)), s.h)
	case hoConfirm, hoReview:
		var head, ask string
		if s.state == hoConfirm {
			head = c.cat.N(i18n.HoConfirmTitle, len(s.chosen.ids), len(s.chosen.ids), orDash(s.chosen.to))
			ask = c.t(i18n.HoConfirmAsk)
		} else {
			head = c.t(i18n.HoReviewTitle, s.preview.path)
			ask = c.t(i18n.HoReviewAsk)
		}
		return "  " + st.Title.Render(clip(head, s.w-2)) + "\n\n" + s.pane.view(st) + "\n\n" + "  " + st.Prompt.Render(clip(ask, s.w-2))
	}
	return padLines(s.form(), s.h)
}

// form draws the export and import lines.
func (s handoverScreen) form() string {
	c, st := s.c, &s.c.styles
	lw := s.labelWidth()
	var b strings.Builder
	for _, r := range s.result {
		for _, l := range wrapText(r, s.w-2, 0) {
			b.WriteString("  " + st.Info.Render(l) + "\n")
		}
	}
	if len(s.result) > 0 {
		b.WriteString("\n")
	}
	line := func(r hoRow, label, value string) {
		mark := "  "
		if r == s.row {
			mark = st.SelectBar.Render("> ")
		}
		b.WriteString(clip(mark+st.Label.Render(fit(label, lw))+"  "+value, s.w) + "\n")
	}
	input := func(r hoRow, label string) {
		v := s.in[r].View()
		if r == s.row && !s.editing {
			v = st.Selected.Render(fit(ansi.Strip(v), max(10, s.w-lw-6)))
		}
		line(r, label, v)
	}
	button := func(r hoRow, label string) {
		v := "[ " + label + " ]"
		if r == s.row {
			v = st.Selected.Render(v)
		}
		line(r, "", v)
	}
	b.WriteString("  " + st.Section.Render(c.t(i18n.HoExportTitle)) + "\n")
	var opts []string
	for i, k := range []i18n.Key{i18n.HoBySearch, i18n.HoByTier, i18n.HoAll} {
		o := c.t(k)
		if hoChoice(i) == s.choice {
			o = st.Selected.Render("(*) " + o)
		} else {
			o = st.Dim.Render("( ) " + o)
		}
		opts = append(opts, o)
	}
	line(hoChoose, c.t(i18n.HoChoose), strings.Join(opts, "  "))
	if s.visible(hoQuery) {
		label := c.t(i18n.HoQuery)
		if s.choice == chooseTier {
			label = c.t(i18n.HoTier)
		}
		input(hoQuery, label)
	}
	input(hoTo, c.t(i18n.HoTo))
	input(hoOut, c.t(i18n.HoFile))
	input(hoPass, c.t(i18n.HoPass))
	input(hoPass2, c.t(i18n.HoPassAgain))
	rel := c.t(i18n.No)
	if s.release {
		rel = c.t(i18n.Yes)
	}
	line(hoRelease, c.t(i18n.HoRelease), "["+rel+"] "+st.Dim.Render(c.t(i18n.HoReleaseText)))
	button(hoExport, c.t(i18n.HoExportButton))
	b.WriteString("\n  " + st.Section.Render(c.t(i18n.HoImportTitle)) + "\n")
	input(hoInFile, c.t(i18n.HoFile))
	input(hoInPass, c.t(i18n.HoPass))
	button(hoPreview, c.t(i18n.HoPreviewButton))
	hint := i18n.HoHintForm
	if s.editing {
		hint = i18n.HoHintTyping
	}
	b.WriteString("\n" + st.Dim.Render(clip("  "+c.t(hint), s.w)))
	return b.String()
}

// rebuild lays the confirmation or the preview out in the pane.
func (s *handoverScreen) rebuild() {
	if s.pane.w == 0 {
		return
	}
	c, st := s.c, &s.c.styles
	w := s.pane.w - gutter
	var bs []block
	// text adds lines, wrapped to the width.
	text := func(lines ...string) {
		var out []string
		for _, l := range lines {
			out = append(out, wrapText(l, w, 2)...)
		}
		bs = append(bs, block{lines: out})
	}
	switch {
	case s.state == hoConfirm && s.chosen != nil:
		ch := s.chosen
		abs, err := filepath.Abs(ch.path)
		if err != nil {
			abs = ch.path
		}
		text(c.t(i18n.HoConfirmFile, abs))
		switch {
		case ch.unsent != nil:
			text(st.Warn.Render(c.t(i18n.HoAppUnsent, ch.unsent.Changes, ch.unsent.Clients)))
		case ch.release:
			text(st.Warn.Render(c.t(i18n.HoConfirmRelease)))
		default:
			text(c.t(i18n.HoConfirmKeep))
		}
		text("")
		for i, n := range ch.names {
			if i == handoverListed {
				text(st.Dim.Render("  " + c.t(i18n.HoMore, len(ch.names)-handoverListed)))
				break
			}
			text("  " + fit(n, reportNameCol) + "  " + st.Dim.Render(ch.ids[i]))
		}
	case s.state == hoReview && s.preview != nil:
		r := s.preview.rep
		h := r.Header
		from := h.From.Associate
		if h.From.Store != "" {
			from = c.cat.Aside(from, h.From.Store)
		}
		text(c.t(i18n.HoReviewFrom, from, h.Created.In(c.loc()).Format("2006-01-02 15:04"), h.Clients, orDash(h.To)))
		text(importSummary(c, r, false))
		for _, wn := range r.Warnings {
			text(st.Warn.Render(c.t(i18n.HoWarning, wn)))
		}
		text("")
		// The merged clients first (every one: their conflicts are what
		// to check), then the new and the unchanged ones.
		listed := 0
		for _, act := range []handover.Action{handover.Merged, handover.Added, handover.Unchanged} {
			for _, it := range r.Items {
				if it.Action != act || (act != handover.Merged && len(it.Likely) == 0 && listed >= handoverListed) {
					continue
				}
				listed++
				bs = append(bs, s.previewItem(it, w))
			}
		}
		if hidden := len(r.Items) - listed; hidden > 0 {
			text(st.Dim.Render("  " + c.t(i18n.HoMore, hidden)))
		}
	}
	s.pane.setBlocks(bs)
}

// previewItem draws what the import does with one client: new, merged
// (matched how, the fields in conflict) or unchanged.
func (s *handoverScreen) previewItem(it handover.Item, w int) block {
	c, st := s.c, &s.c.styles
	act := map[handover.Action]i18n.Key{handover.Added: i18n.HoNew, handover.Merged: i18n.HoMerged,
		handover.Unchanged: i18n.HoUnchanged}[it.Action]
	line := "  " + fit(c.t(act), 8) + "  " + fit(it.Name, reportNameCol) + "  " + it.ID
	if it.By != "" {
		line += "  " + c.t(i18n.HoMatchedBy, matchReason(c, string(it.By)))
	}
	if it.DoNotContact {
		line = c.cat.Beside(line+" ", c.t(i18n.MarkDNC))
	}
	lines := []string{clip(line, w)}
	for _, lk := range it.Likely {
		// The preview is the question: importing after it adds them as
		// new clients (the associate can merge them later).
		lines = append(lines, st.Warn.Render(clip(c.t(i18n.HoLikelyLine, lk.Name, lk.ID, orDash(lk.Phone)), w)))
	}
	for _, cf := range it.Conflicts {
		lines = append(lines, st.Dim.Render(clip(strings.Repeat(" ", 12)+c.t(i18n.HoConflict, cf.Field, cf.Loser(), cf.Winner()), w)))
	}
	return block{lines: lines}
}

// importSummary says in one line what an import does (done) or would do.
func importSummary(c *shared, r *handover.Report, done bool) string {
	if done && !r.Changes() {
		return c.t(i18n.HoNothingToDo)
	}
	ad := r.Added
	line := c.t(i18n.HoCounts, r.New, r.Merged, r.Unchanged, r.Conflicts, ad.Notes, ad.Purchases, ad.Tasks, r.Introduce)
	if done {
		return c.t(i18n.HoImported, line)
	}
	return line
}

// exportResult says what an export did: the first line goes to the status
// line too.
func exportResult(c *shared, msg handoverExportedMsg) []string {
	res := msg.res
	to := res.Header.To
	if to == "" {
		to = c.t(i18n.HoColleague)
	}
	n := res.Counts
	out := []string{
		c.cat.N(i18n.HoExported, n.Clients, n.Clients, termsafe.Line(to), n.Notes, n.Purchases, n.Tasks, termsafe.Line(res.Path)),
		c.t(i18n.HoGivePassphrase),
	}
	if msg.release {
		out = append(out, c.t(i18n.HoReleased))
		if msg.notCompacted {
			out = append(out, c.t(i18n.HoNotCompacted))
		}
		if len(msg.kept) > 0 {
			out = append(out, c.t(i18n.HoOutStillHeld))
			for _, k := range msg.kept {
				out = append(out, "  "+termsafe.Line(k))
			}
		}
	}
	return out
}

// matchReason says how a bundle's client was matched with one of the book.
func matchReason(c *shared, by string) string {
	switch by {
	case "phone":
		return c.t(i18n.HoByPhone)
	case "email":
		return c.t(i18n.HoByEmail)
	case "name+birthday":
		return c.t(i18n.HoByNameBirthday)
	case "id+name":
		return c.t(i18n.HoByIDName)
	}
	return by
}

// chooseForHandover finds the active clients the choice, query or tier
// choose, as `vipbook handover export` does (book.ChooseClients).
func chooseForHandover(c *shared, choice hoChoice, query string, msg handoverChosenMsg) tea.Cmd {
	use, cat := c.use, c.cat
	ch := book.Choice{All: choice == chooseAll, Query: query}
	if choice == chooseTier {
		ch.Query, ch.Tier = "", query
	}
	return func() tea.Msg {
		sums, err := use.ChooseClients(ch)
		switch {
		case errors.Is(err, book.ErrNoneFound):
			// The screen says where to try the search.
			return handoverFailedMsg{userErr(cat.T(i18n.HoErrNoneFound, query))}
		case err != nil:
			return handoverFailedMsg{friendly(cat, err)}
		}
		for i := range sums {
			msg.ids = append(msg.ids, sums[i].ID)
			msg.names = append(msg.names, sums[i].DisplayName())
		}
		if len(msg.ids) == 0 { // all of an empty book
			return handoverFailedMsg{userErr(cat.T(i18n.HoErrNoneFound, query))}
		}
		if _, err := os.Lstat(msg.path); err == nil {
			return handoverFailedMsg{userErr(cat.T(i18n.HoErrExists, msg.path))}
		}
		return msg
	}
}

// exportBundle writes the chosen clients' bundle and marks them in the
// book as handed over (with release: erased from it, and their fallback
// drafts with them), without the rule hooks.
func exportBundle(c *shared, ch *handoverChosenMsg) tea.Cmd {
	use, cat := c.use, c.cat
	opt := handover.ExportOptions{To: ch.to, Release: ch.release, Force: ch.force, Passphrase: ch.pass, Lang: cat.Lang()}
	ids, path, dir, state := ch.ids, ch.path, c.exportDir, c.stateDir
	return func() tea.Msg {
		if dir != "" && filepath.Dir(path) == filepath.Clean(dir) {
			if err := safefile.MkdirPrivate(dir); err != nil {
				return handoverFailedMsg{friendly(cat, err)}
			}
		}
		res, err := use.HandOver(ids, path, opt)
		if unsent := (*handover.UnsentError)(nil); errors.As(err, &unsent) && !opt.Force {
			again := *ch
			again.unsent = unsent
			return handoverUnsentMsg{chosen: again}
		}
		if err != nil && (!opt.Release || !errors.Is(err, store.ErrNotCompacted)) {
			return handoverFailedMsg{bundleErr(cat, err)}
		}
		if opt.Release && state != "" {
			// Released: their drafts and the last message, outside the
			// book, go too.
			_, _ = typing.ForgetClients(state, typing.BookKey(use), ids...)
			_ = os.Remove(filepath.Join(state, typing.LastMessageFile))
		}
		if abs, err := filepath.Abs(res.Path); err == nil {
			res.Path = abs
		}
		msg := handoverExportedMsg{res: res, release: opt.Release, notCompacted: errors.Is(err, store.ErrNotCompacted)}
		if opt.Release {
			msg.kept = store.Copies(use.Path())
		}
		return msg
	}
}

// previewBundle reads a bundle and shows what importing it would do (the
// import run and rolled back).
func previewBundle(c *shared, path, pass string) tea.Cmd {
	use, cat := c.use, c.cat
	return func() tea.Msg {
		f, err := os.Open(path)
		if err != nil {
			return handoverFailedMsg{userErr(cat.T(i18n.HoErrRead, err))}
		}
		defer f.Close()
		bundle, err := handover.Read(f, pass)
		if err != nil {
			return handoverFailedMsg{bundleErr(cat, err)}
		}
		rep, err := use.Preview(bundle, handover.ImportOptions{Lang: cat.Lang()})
		if err != nil {
			return handoverFailedMsg{bundleErr(cat, err)}
		}
		return handoverPreviewMsg{path: path, bundle: bundle, rep: rep}
	}
}

// importBundle imports a read bundle in one transaction, without the rule
// hooks (its history is history).
func importBundle(c *shared, bundle *handover.Bundle) tea.Cmd {
	use, cat := c.use, c.cat
	return func() tea.Msg {
		// Despite: the preview showed the clients with a name of this
		// book's, and the associate chose to import.
		rep, err := use.Receive(bundle, handover.ImportOptions{Lang: cat.Lang(), Despite: true})
		if err != nil {
			return handoverFailedMsg{bundleErr(cat, err)}
		}
		return handoverImportedMsg{rep}
	}
}

// bundleErr says a handover's error in the associate's words.
func bundleErr(cat *i18n.Catalog, err error) error {
	for _, e := range []struct {
		err error
		k   i18n.Key
	}{{handover.ErrWrongPassphrase, i18n.HoErrWrongPass}, {handover.ErrDamaged, i18n.HoErrDamaged},
		{handover.ErrNotBundle, i18n.HoErrNotBundle}, {handover.ErrNewerBundle, i18n.HoErrNewer}} {
		if errors.Is(err, e.err) {
			return userErr(cat.T(e.k))
		}
	}
	return friendly(cat, err)
}

// exportPath is where a bundle named path goes: a relative path into the
// app's private export directory (Options.ExportDir), when it has one.
func (c *shared) exportPath(path string) string {
	if c.exportDir == "" || path == "" || filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(c.exportDir, path)
}
