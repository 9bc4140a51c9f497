package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/vipbook/vipbook/handover"
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

// TestHandoverReleaseUnsentAsks: a release refused for changes the chain
// has not received does not name the command line's --force: the app
// says how many changes wait and offers to release anyway (enter) or go
// back (esc), in English and Chinese; enter releases with force.
func TestHandoverReleaseUnsentAsks(t *testing.T) {
	for _, lang := range []string{i18n.English, i18n.Chinese} {
		cat := i18n.New(lang)
		c := &shared{cat: cat, styles: NewStyles(true), keys: DefaultKeyMap(cat), now: time.Now}
		s := newHandoverScreen(c)
		s.SetSize(400, 40)
		s, _ = s.Update(handoverUnsentMsg{chosen: handoverChosenMsg{ids: []string{"a1"}, names: []string{"王小明"}, to: "Wang Fang",
			path: "/tmp/x.age", release: true, unsent: &handover.UnsentError{Changes: 3, Clients: 1}}})
		view := s.View()
		if !strings.Contains(view, cat.T(i18n.HoAppUnsent, 3, 1)) || strings.Contains(view, "--force") {
			t.Errorf("%s: the question is not asked as the app's:\n%s", lang, view)
		}
		back, _ := s.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
		if back.state != hoForm {
			t.Errorf("%s: esc did not go back to the form", lang)
		}
		s, cmd := s.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
		if cmd == nil || s.state != hoBusy || !s.chosen.force {
			t.Errorf("%s: enter did not release anyway (state %v, force %v)", lang, s.state, s.chosen.force)
		}
	}
}
