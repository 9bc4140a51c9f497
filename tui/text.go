package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/vipbook/vipbook/internal/termsafe"
)

// cut marks text shortened to fit a column. It is plain ASCII: ambiguous
// width symbols (such as the ellipsis) would misalign columns in terminals
// that draw them two cells wide.
const cut = ".."

// width returns the display width of s in cells (a Chinese character takes
// two), ignoring escape sequences.
func width(s string) int { return ansi.StringWidth(s) }

// fit pads or truncates plain text s to exactly w cells; its control
// characters are made visible (termsafe.Line): a name is shown, never
// obeyed.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = termsafe.Line(s)
	sw := width(s)
	if sw > w {
		s = ansi.Truncate(s, w, cut)
		sw = width(s)
	}
	return s + strings.Repeat(" ", max(0, w-sw))
}

// fitRight right-aligns plain text s in w cells, truncating when longer;
// its control characters are made visible.
func fitRight(s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = termsafe.Line(s)
	sw := width(s)
	if sw > w {
		return ansi.Truncate(s, w, cut)
	}
	return strings.Repeat(" ", w-sw) + s
}

// clip truncates s (which may hold escape sequences) to w cells.
func clip(s string, w int) string {
	if width(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, cut)
}

// wrapText wraps plain text to w cells, indenting continuation lines by
// indent spaces; Chinese text wraps between characters. Its styles'
// colours are kept; other escape sequences and control characters
// (newline and tab aside) are made visible (termsafe.Styled).
func wrapText(s string, w, indent int) []string {
	s = termsafe.Styled(s)
	if w <= indent+4 {
		return []string{clip(s, max(1, w))}
	}
	lines := strings.Split(ansi.Wrap(s, w-indent, " "), "\n")
	for i := range lines {
		if i > 0 {
			lines[i] = strings.Repeat(" ", indent) + lines[i]
		}
	}
	// The first line may use the full width less the indent; keep it
	// simple and wrap all lines at the same width.
	return lines
}

// orDash returns s with its control characters made visible, or "-" when
// s is empty.
func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return termsafe.Line(s)
}

// firstLine returns the first line of s, trimmed, with its control
// characters made visible.
func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return termsafe.Line(s)
}
