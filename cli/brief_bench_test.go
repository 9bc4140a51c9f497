package cli

import (
	"io"
	"testing"

	"github.com/vipbook/vipbook/demo/demobench"
)

// BenchmarkBriefCommand100k is `vipbook brief` on the 100k-client demo
// book (about a million notes) as the associate runs it, in process: the
// config read, the book opened read-only, every rule of the briefing
// (tiers, visits with prep cards, follow-ups, dates, the three specials,
// festivals, lapsed clients, urgency), the text written and the book
// closed. The target is 100 ms.
func BenchmarkBriefCommand100k(b *testing.B) {
	b.Setenv("XDG_CONFIG_HOME", b.TempDir())
	path := demobench.Path(b, 100_000)
	a := &App{Now: demobench.Now, Stdout: io.Discard, Stderr: io.Discard, Lang: "en"}
	for b.Loop() {
		root := NewRoot(a)
		root.SetArgs([]string{"--book", path, "--lang", "en", "brief"})
		if err := root.Execute(); err != nil {
			b.Fatal(err)
		}
	}
}
