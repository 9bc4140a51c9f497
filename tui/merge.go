package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/store"
)

// Merging two clients from the app, and the warning of a likely duplicate
// when a client is added or changed: both are overlays of the editor.
//
// From a profile, M asks (one line) which client to merge into the one
// shown; the merge is worked out as a dry run and shown (mergePreviewMsg);
// y merges, any other key stops. A form whose client looks like one of the
// book (book.DuplicateError) shows the likely duplicates: o opens the
// first, enter saves anyway, esc goes back to the form.

// mergePreviewMsg is the dry run of a merge asked from a profile.
type mergePreviewMsg struct {
	rep *book.MergeReport
}

// previewMerge finds the client query names and works out, without
// writing, the merge of that client into keep.
func previewMerge(c *shared, keep itemRef, query string) tea.Cmd {
	b, cat := c.use, c.cat
	return func() tea.Msg {
		var other string
		err := b.View(func(tx *store.Tx) error {
			q := strings.TrimSpace(query)
			if to, ok := tx.Alias(q); ok {
				q = to
			}
			sums, err := tx.Summaries()
			if err != nil {
				return err
			}
			var hits []profile.Summary
			for _, s := range search.Resolve(q, sums, tx.Book().Meta().CountryCode) {
				if s.ID != keep.clientID && s.Status != profile.Archived {
					hits = append(hits, s)
				}
			}
			switch len(hits) {
			case 0:
				return userErr(cat.T(i18n.ErrNoneFound, query))
			case 1:
				other = hits[0].ID
				return nil
			}
			return userErr(cat.T(i18n.AppMergeSeveral, len(hits), query))
		})
		if err != nil {
			return errMsg{friendly(cat, err)}
		}
		rep, err := b.MergeClients(keep.clientID, other, true)
		if err != nil {
			return errMsg{friendly(cat, err)}
		}
		return mergePreviewMsg{rep: rep}
	}
}

// runMerge merges rep's other client into its kept one; the whole book is
// read again (a client left the list, tiers and the briefing moved).
func runMerge(c *shared, rep *book.MergeReport) tea.Cmd {
	b, cat := c.use, c.cat
	done := c.t(i18n.AppMergeDone, rep.Other.Name, rep.Keep.Name)
	return func() tea.Msg {
		if _, err := b.MergeClients(rep.Keep.ID, rep.Other.ID, false); err != nil {
			return errMsg{friendly(cat, err)}
		}
		return bookChangedMsg{status: done}
	}
}

// mergeLines words a merge's dry run for the confirmation: what moves,
// what the kept client takes and keeps, the spend and tier after.
func mergeLines(cat *i18n.Catalog, rep *book.MergeReport, currency string) []string {
	out := []string{cat.T(i18n.CliMergeWould, rep.Other.Name, rep.Other.ID, rep.Keep.Name, rep.Keep.ID), "",
		cat.T(i18n.CliMergeMoves, book.MovedText(cat, rep.Moved))}
	sep := ", "
	if cat.IsChinese() {
		sep = "，"
	}
	if ch := cat.Changes(rep.Takes, nil); len(ch) > 0 {
		out = append(out, cat.T(i18n.CliMergeTakes, strings.Join(ch, sep)))
	}
	if k := book.KeptText(cat, rep.Kept); k != "" {
		out = append(out, cat.T(i18n.CliMergeKeeps, k))
	}
	if rep.DoNotContact {
		out = append(out, cat.T(i18n.CliMergeDNC, rep.Other.Name))
	}
	money := func(m profile.Money) string { return strings.TrimSpace(m.String() + " " + currency) }
	out = append(out, cat.T(i18n.CliMergeSpend, money(rep.Keep.Stats.Last12), money(rep.Stats.Last12)))
	if rep.Keep.Tier != rep.Tier {
		out = append(out, cat.T(i18n.CliMergeTier, rep.Keep.Tier, rep.Tier))
	}
	return append(out, cat.T(i18n.CliMergeAlias, rep.Other.ID, rep.Keep.Name))
}

// dupLines words the likely duplicates of a form's client.
func dupLines(cat *i18n.Catalog, de *book.DuplicateError) []string {
	var out []string
	for _, d := range de.Dups {
		phone := d.Phone
		if phone == "" {
			phone = "-"
		}
		out = append(out, "  "+d.ID+"  "+d.Name+"  "+phone+"  "+book.DupText(cat, d))
	}
	return out
}

// openMerge asks which client to merge into the one of ref.
func (e editor) openMerge(ref itemRef) (editor, edited) {
	e.line, e.mode = newLine(e.c, lineMerge, ref, ""), editLine
	return e, edited{clearErr: true}
}

// mergePreview shows a merge's dry run and waits for y.
func (e editor) mergePreview(msg mergePreviewMsg) (editor, tea.Cmd, edited) {
	if !e.idle() {
		return e, nil, edited{}
	}
	e.merging, e.mode = msg.rep, editConfirm
	return e, nil, edited{clearErr: true}
}

// duplicateFound shows the likely duplicates a form's write was refused
// for; false when err is no such refusal.
func (e editor) duplicateFound(f *formScreen, err error) (editor, bool) {
	var de *book.DuplicateError
	if !errors.As(err, &de) {
		return e, false
	}
	e.dup, e.dupForm, e.mode = de, f, editConfirm
	return e, true
}

// confirmKey handles a key while a merge or a likely duplicate waits for
// an answer.
func (e editor) confirmKey(msg tea.KeyPressMsg) (editor, tea.Cmd, edited) {
	k := e.c.keys
	if rep := e.merging; rep != nil {
		e.merging, e.mode = nil, editNone
		if key.Matches(msg, k.MergeYes) {
			return e, runMerge(e.c, rep), edited{}
		}
		return e, nil, edited{say: true, text: e.c.t(i18n.CliMergeStopped)}
	}
	f, de := e.dupForm, e.dup
	switch {
	case f == nil || de == nil:
		e.mode = editNone
	case key.Matches(msg, k.DupOpen):
		e.dup, e.dupForm, e.mode = nil, nil, editNone
		return e, dropDraft(e.c, f.Key()), edited{open: de.Dups[0].ID}
	case key.Matches(msg, k.DupSave):
		e.dup, e.dupForm = nil, nil
		f.despite = true
		e.form, e.mode = f, editForm
		return e.submitForm()
	case key.Matches(msg, k.Cancel):
		e.dup, e.dupForm = nil, nil
		return e.reopenForm(f, errors.New(e.c.t(i18n.ErrLikelyDuplicate, termsafe.Line(f.ref.clientName), de.Dups[0].Name)))
	}
	return e, nil, edited{}
}

// confirmBody draws the merge or the likely duplicates waiting for an
// answer.
func (e editor) confirmBody(h int) string {
	c := e.c
	var lines []string
	title := ""
	if e.merging != nil {
		title = c.t(i18n.AppMergeTitle, e.merging.Keep.Name)
		lines = mergeLines(c.cat, e.merging, c.currency)
	} else if e.dup != nil {
		title = c.cat.N(i18n.AppDupTitle, len(e.dup.Dups))
		lines = dupLines(c.cat, e.dup)
	}
	var wrapped []string // a long line goes on under itself, indented
	for _, l := range lines {
		l = termsafe.Line(l)
		for _, w := range wrapText(l, c.width, len(l)-len(strings.TrimLeft(l, " "))+2) {
			wrapped = append(wrapped, clip(w, c.width))
		}
	}
	lines = wrapped
	return padLines(c.styles.Title.Render(clip(termsafe.Line(title), c.width))+"\n\n"+strings.Join(lines, "\n"), h)
}

// confirmLine is the status line while a merge or a likely duplicate
// waits for an answer.
func (e editor) confirmLine() string {
	c := e.c
	if e.merging != nil {
		return statusText(c, c.styles.Error, c.t(i18n.AppMergeSure, termsafe.Line(e.merging.Other.Name), termsafe.Line(e.merging.Keep.Name)))
	}
	return statusText(c, c.styles.Error, termsafe.Line(c.cat.Error(e.dup)))
}
