package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
)

// keptDraft offered back at the start: the draft and its client's name.
type offeredDraft struct {
	d    store.Draft
	name string
}

// draftOffer lists the drafts kept from an earlier session: resume one,
// discard it, or leave them for later.
type draftOffer struct {
	items  []offeredDraft
	cursor int
}

// Update moves the cursor; resume and discard are the root's.
func (o draftOffer) Update(msg tea.KeyPressMsg, k KeyMap) draftOffer {
	switch {
	case key.Matches(msg, k.Up):
		o.cursor = max(0, o.cursor-1)
	case key.Matches(msg, k.Down):
		o.cursor = min(len(o.items)-1, o.cursor+1)
	}
	return o
}

// View draws the offer.
func (o draftOffer) View(c *shared, w, h int) string {
	st := &c.styles
	var b strings.Builder
	b.WriteString(st.Title.Render(c.t(i18n.DraftsTitle)) + "\n")
	b.WriteString(st.Dim.Render(c.t(i18n.DraftsExplain)) + "\n\n")
	for i, it := range o.items {
		what := draftLabel(c, it)
		line := it.d.Saved.In(c.loc()).Format("01-02 15:04") + "  " + what
		if i == o.cursor {
			b.WriteString(st.SelectBar.Render("> ") + st.Selected.Render(fit(line, w-gutter)) + "\n")
		} else {
			b.WriteString("  " + clip(line, w-gutter) + "\n")
		}
	}
	return padLines(b.String(), h)
}

// draftLabel says what a draft is: "note on 曾小凡: likes jade".
func draftLabel(c *shared, it offeredDraft) string {
	key := it.d.Key
	switch {
	case strings.HasPrefix(key, draftNote):
		return c.t(i18n.DraftNote, it.name, firstLine(it.d.Text))
	case strings.HasPrefix(key, draftForm):
		return c.t(i18n.DraftForm, it.d.Text)
	}
	return key
}

// parseFormKey splits a form draft's key into its kind and client id.
func parseFormKey(k string) (formKind, string, bool) {
	rest, ok := strings.CutPrefix(k, draftForm)
	if !ok {
		return "", "", false
	}
	kind, id, _ := strings.Cut(rest, ":")
	return formKind(kind), id, true
}
