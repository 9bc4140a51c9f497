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

// TestHandoverReleaseNotCompactedSaid: a release whose compaction failed
// (the clients are erased; their old bytes may still be in the file until
// the next writable open) says so, in both languages, instead of nothing.
func TestHandoverReleaseNotCompactedSaid(t *testing.T) {
	for _, lang := range []string{i18n.English, "zh"} {
		c := &shared{cat: i18n.New(lang)}
		said := strings.Join(exportResult(c, handoverExportedMsg{release: true, notCompacted: true}), "\n")
		if !strings.Contains(said, c.cat.T(i18n.HoNotCompacted)) {
			t.Errorf("%s: a release not compacted is not said:\n%s", lang, said)
		}
		if said = strings.Join(exportResult(c, handoverExportedMsg{release: true}), "\n"); strings.Contains(said, c.cat.T(i18n.HoNotCompacted)) {
			t.Errorf("%s: a compacted release says it was not:\n%s", lang, said)
		}
	}
}
