package tui

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
)

// TestHandoverReleasedCopiesSafe: the paths of the copies that still hold
// released clients are shown with their control characters made visible.
func TestHandoverReleasedCopiesSafe(t *testing.T) {
	c := &shared{cat: i18n.New(i18n.English)}
	out := exportResult(c, handoverExportedMsg{release: true, kept: []string{"/tmp/b\x1b[2J.db"}})
	for _, l := range out {
		if strings.Contains(l, "\x1b") {
			t.Errorf("a path shown raw: %q", l)
		}
	}
}
