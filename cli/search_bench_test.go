package cli

import (
	"io"
	"testing"

	"github.com/vipbook/vipbook/demo/demobench"
)

// BenchmarkSearchCommand100k is `vipbook search` on the 100k-client demo
// book as the associate runs it, in process (the config read, the book
// opened read-only, the search, the rows written): a Chinese name, a
// pinyin prefix, four phone digits, a note's words, field filters. The
// kept search index reads the clients it finds; the target is 15 ms for
// the whole process.
func BenchmarkSearchCommand100k(b *testing.B) {
	b.Setenv("XDG_CONFIG_HOME", b.TempDir())
	path := demobench.Path(b, 100_000)
	for _, q := range []string{"王小", "wangx", "0013", "藏青", "size:shoes=40 likes:silk"} {
		b.Run(q, func(b *testing.B) {
			a := &App{Now: demobench.Now, Stdout: io.Discard, Stderr: io.Discard, Lang: "en"}
			for b.Loop() {
				root := NewRoot(a)
				root.SetArgs([]string{"--book", path, "--lang", "en", "search", q})
				_ = root.Execute() // no match is an error; the work is the same
			}
		})
	}
}
