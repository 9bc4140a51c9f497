package tui

import (
	"strings"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/tui/typing"
)

// draftOffer lists the drafts kept from an earlier session: resume one,
// discard it, or leave them for later.
type draftOffer struct{ typing.Offer }

// View draws the offer.
func (o draftOffer) View(c *shared, w, h int) string {
	st := &c.styles
	var b strings.Builder
	b.WriteString(st.Title.Render(c.t(i18n.DraftsTitle)) + "\n")
	b.WriteString(st.Dim.Render(c.t(i18n.DraftsExplain)) + "\n\n")
	for i, it := range o.Items {
		what := draftLabel(c, it)
		line := it.Draft.Saved.In(c.loc()).Format("01-02 15:04") + "  " + what
		if i == o.Cursor {
			b.WriteString(st.SelectBar.Render("> ") + st.Selected.Render(fit(line, w-gutter)) + "\n")
		} else {
			b.WriteString("  " + clip(line, w-gutter) + "\n")
		}
	}
	return padLines(b.String(), h)
}

// draftLabel says what a draft is: "note on 曾小凡: likes jade".
func draftLabel(c *shared, it typing.Offered) string {
	key := it.Draft.Key
	switch {
	case strings.HasPrefix(key, typing.NotePrefix):
		return c.t(i18n.DraftNote, it.Name, firstLine(it.Draft.Text))
	case strings.HasPrefix(key, typing.FormPrefix):
		return c.t(i18n.DraftForm, it.Draft.Text)
	}
	return key
}
