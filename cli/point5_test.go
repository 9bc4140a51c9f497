package cli

import (
	"strings"
	"testing"
)

// TestPoint5DoNotContact: issue 12 point 5 on the command line: `task add`
// of a call or a message for a do-not-contact client is refused, saying
// why, and nothing is stored.
func TestPoint5DoNotContact(t *testing.T) {
	book := rulesBook(t, step{"2026-11-01", add("王小明", "13800000001")},
		step{"2026-11-01", []string{"edit", "王小明", "--set", "do_not_contact=true"}})
	for _, kind := range []string{"call-back", "care-message", "thank-you"} {
		_, errOut, err := runAt(book, day("2026-11-02"), "task", "add", "王小明", "ring her", "--due", "2026-11-03", "--kind", kind)
		if err == nil || !strings.Contains(err.Error()+errOut, "asked not to be contacted") {
			t.Errorf("--kind %s: %v %s, want the refusal", kind, err, errOut)
		}
	}
	if lines := taskLines(t, book); len(lines) != 0 {
		t.Errorf("stored: %q", lines)
	}
}
