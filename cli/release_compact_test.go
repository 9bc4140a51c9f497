package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/handover"
	"github.com/vipbook/vipbook/i18n"
)

// TestReleaseNotCompactedNotClaimed: the CLI claims the file was compacted
// only when it was; otherwise it says the old bytes may still be in it and
// how they leave, in the language in use.
func TestReleaseNotCompactedNotClaimed(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		for _, compacted := range []bool{true, false} {
			var out bytes.Buffer
			a := &App{Lang: lang, Stdout: &out}
			a.writeExport(handover.ExportResult{}, true, compacted)
			claims := strings.Contains(out.String(), say(lang, i18n.HoOutReleased))
			warns := strings.Contains(out.String(), say(lang, i18n.HoNotCompacted))
			if claims != compacted || warns == compacted {
				t.Errorf("%s, compacted %v: claims compaction %v, warns %v:\n%s", lang, compacted, claims, warns, out.String())
			}
		}
	}
}
