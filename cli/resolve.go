package cli

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/store"
)

// resolveClient finds the one client a CLIENT argument names: an id, a
// phone in any format, a card number, or a name; the id of a client merged
// into another (vipbook merge) finds that other. Several matches are listed in the error
// so the associate can pick by id.
func resolveClient(tx *store.Tx, query string) (profile.Summary, error) {
	if to, ok := tx.Alias(strings.TrimSpace(query)); ok {
		query = to // the id of a client merged away finds the client it was merged into
	}
	if s, err := tx.Summary(strings.TrimSpace(query)); err == nil {
		// An id finds its client, archived or not (as search.Resolve
		// does first), without decoding every client's summary.
		return s, nil
	}
	sums, err := tx.Summaries()
	if err != nil {
		return profile.Summary{}, err
	}
	hits := search.Resolve(query, sums, tx.Book().Meta().CountryCode)
	// An archived client is found only when nothing active matches.
	var active []profile.Summary
	for _, h := range hits {
		if h.Status != profile.Archived {
			active = append(active, h)
		}
	}
	if len(active) > 0 {
		hits = active
	}
	switch len(hits) {
	case 0:
		return profile.Summary{}, wordsErr{i18n.UsageNoMatch, []any{query, query}}
	case 1:
		return hits[0], nil
	}
	var b strings.Builder
	for i, h := range hits {
		if i == 10 {
			fmt.Fprintf(&b, "  … (+%d)\n", len(hits)-10)
			break
		}
		phone := ""
		if len(h.Phones) > 0 {
			phone = profile.FormatPhone("+"+h.Phones[0], tx.Book().Meta().CountryCode)
		}
		fmt.Fprintf(&b, "  %s  %s  %s\n", h.ID, pad(h.DisplayName(), 16), phone)
	}
	return profile.Summary{}, wordsErr{i18n.UsageManyMatch, []any{len(hits), query, strings.TrimRight(b.String(), "\n")}}
}

// fill right-pads s with spaces to w display cells, never cutting it.
func fill(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-width(s)))
}

// pad right-pads s with spaces to w display cells (Chinese characters
// take two), truncating with "..." when longer.
func pad(s string, w int) string {
	sw := width(s)
	if sw > w {
		s = ansi.Truncate(s, w, "...")
		sw = ansi.StringWidth(s)
	}
	return s + strings.Repeat(" ", max(0, w-sw))
}

// width is the display width of s: its length when every byte is a
// printable ASCII character (one cell each, no escape sequence to skip),
// else what ansi.StringWidth measures.
func width(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}
