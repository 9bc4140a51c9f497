// Package demobench gives benchmarks and tests a generated demo book of a
// given size, built once and cached in the temporary directory (a
// 100k-client book takes a minute or two to generate), as of the pinned
// day 2026-11-24 with seed 1.
package demobench

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/demo"
	"github.com/vipbook/vipbook/store"
)

// Today is the day every cached book is as of.
var Today = civil.Date{Year: 2026, Month: time.November, Day: 24}

// Now is a clock pinned to 09:00 on Today, in the local zone.
func Now() time.Time { return Today.In(time.Local).Add(9 * time.Hour) }

// Path returns the path of the cached demo book with n clients, generating
// it first if needed. Concurrent callers wait for one generator.
func Path(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("vipbook-demo-v%d-%d-seed1-%s.db", demo.Version, n, Today))
	if store.Exists(path) {
		upgrade(tb, path)
		return path
	}
	lock := path + ".lock"
	f, err := os.OpenFile(lock, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		// Someone else is generating it: wait (a stale lock older than
		// 20 minutes is taken over).
		deadline := time.Now().Add(20 * time.Minute)
		for time.Now().Before(deadline) {
			if store.Exists(path) {
				return path
			}
			time.Sleep(time.Second)
		}
		os.Remove(lock)
		return Path(tb, n)
	}
	f.Close()
	defer os.Remove(lock)
	tb.Logf("generating a %d-client demo book at %s (once)", n, path)
	if _, err := demo.WriteFile(path, demo.Options{Clients: n, Seed: 1, Today: Today, Loc: time.Local}, Now); err != nil {
		tb.Fatalf("demo book: %v", err)
	}
	return path
}

// upgrade opens a cached book for writing once, as an associate's book is
// at its first start after an update: indexes added since the book was
// cached are built, so benchmarks read the current layout. A book another
// process holds is left as it is (read the old way, still correctly).
func upgrade(tb testing.TB, path string) {
	b, err := store.Open(path, store.Options{Timeout: 10 * time.Second})
	if err != nil {
		tb.Logf("demo book %s not brought up to date: %v", path, err)
		return
	}
	if err := b.Close(); err != nil {
		tb.Fatalf("demo book: %v", err)
	}
}

// Copy returns a private copy of the cached n-client book in tb's
// temporary directory, for benchmarks and tests that write.
func Copy(tb testing.TB, n int) string {
	tb.Helper()
	src := Path(tb, n)
	dst := filepath.Join(tb.TempDir(), "book.db")
	in, err := os.Open(src)
	if err != nil {
		tb.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		tb.Fatal(err)
	}
	// On disk before the benchmark starts: else the first fsync of a
	// timed write flushes the whole copy (a 700 MB book: 0.3 s) and is
	// counted as the write's.
	if err := out.Sync(); err != nil {
		tb.Fatal(err)
	}
	if err := out.Close(); err != nil {
		tb.Fatal(err)
	}
	return dst
}

// Small writes a fresh demo book of n clients with seed into tb's
// temporary directory, as of Today with the clock at 09:00 UTC, and
// returns its path: the small books of the tests that compare what a
// kept record or a one-at-a-time reader gives with what the whole book
// gives. Not cached: each test gets its own file to write into.
func Small(tb testing.TB, n int, seed uint64) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "book.db")
	now := func() time.Time { return Today.In(time.UTC).Add(9 * time.Hour) }
	if _, err := demo.WriteFile(path, demo.Options{Clients: n, Seed: seed, Today: Today, Loc: time.UTC}, now); err != nil {
		tb.Fatal(err)
	}
	return path
}
