package cli

import (
	"io"
	"testing"

	"github.com/vipbook/vipbook/demo/demobench"
)

// BenchmarkFieldQuery100k is issue 11's "who to call when it arrives" on
// the 100k-client demo book, as `vipbook search` runs it in process (the
// config, the book opened read-only, the kept index, the rows written):
// the demo gives every client a shoe size (EU 35-45) and likes drawn from
// its pools, so size:shoes=39 finds about one client in ten and silk
// about one in eleven of those. The target is 30 ms.
func BenchmarkFieldQuery100k(b *testing.B) {
	b.Setenv("XDG_CONFIG_HOME", b.TempDir())
	path := demobench.Path(b, 100_000)
	for _, q := range []string{"size:shoes=39 likes:silk", "occupation:律师", "size:shoes=39", "size:38"} {
		b.Run(q, func(b *testing.B) {
			a := &App{Now: demobench.Now, Stdout: io.Discard, Stderr: io.Discard, Lang: "en"}
			for b.Loop() {
				root := NewRoot(a)
				root.SetArgs([]string{"--book", path, "--lang", "en", "search", q})
				if err := root.Execute(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
