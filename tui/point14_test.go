package tui

import (
	"regexp"
	"strings"
	"testing"
)

// TestPoint14ReasonsOnDemand: w on the briefing shows each item's urgency
// reasons under it, and w again hides them, in both languages.
func TestPoint14ReasonsOnDemand(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	for _, tc := range []struct{ lang, why, reason string }{
		{"en", `why \d`, "in 12 months"},
		{"zh", `原因 \d`, "近 12 个月"},
	} {
		h := newHarness(t, book, tc.lang, 120, 60)
		why := regexp.MustCompile(tc.why)
		if v := h.view(); why.MatchString(v) {
			t.Fatalf("%s: reasons shown before w:\n%s", tc.lang, v)
		}
		h.keys("w")
		v := h.view()
		if !why.MatchString(v) || !strings.Contains(v, tc.reason) {
			t.Errorf("%s: w shows no reasons:\n%s", tc.lang, v)
		}
		h.keys("w")
		if v := h.view(); why.MatchString(v) {
			t.Errorf("%s: w again leaves the reasons:\n%s", tc.lang, v)
		}
	}
}

// TestPoint14Ahead: the briefing ends with a short look ahead: tomorrow's
// visits and the follow-ups of the next 7 days.
func TestPoint14AheadInTheApp(t *testing.T) {
	book := openBook(t, demoBookPath(t))
	for _, tc := range []struct{ lang, head, tomorrow string }{
		{"en", "Ahead: tomorrow's visits, follow-ups of the next 7 days", "tomorrow 1"},
		{"zh", "接下来：明天的到店、未来 7 天的跟进", "明天 1"},
	} {
		h := newHarness(t, book, tc.lang, 120, 40)
		h.keys("G")
		v := h.view()
		if !strings.Contains(v, tc.head) || !strings.Contains(v, tc.tomorrow) {
			t.Errorf("%s: no look ahead at the end of the briefing:\n%s", tc.lang, v)
		}
	}
}
