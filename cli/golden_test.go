package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/demo"
)

// goldenZone is the shop's zone in golden tests: a fixed offset so the
// output does not depend on the machine's zone.
var goldenZone = time.FixedZone("CST", 8*3600)

// goldenNow is 09:00 on 2026-11-24 in goldenZone.
func goldenNow() time.Time { return time.Date(2026, time.November, 24, 9, 0, 0, 0, goldenZone) }

// demoBook writes a small deterministic demo book for golden tests.
func demoBook(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.db")
	_, err := demo.WriteFile(path, demo.Options{Clients: 60, Seed: 1, Today: civil.Of(goldenNow()), Loc: goldenZone}, goldenNow)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// run runs the command line on book with args and returns stdout; it fails
// the test on an error.
func run(t *testing.T, book string, args ...string) string {
	t.Helper()
	out, errOut, err := runErr(book, args...)
	if err != nil {
		t.Fatalf("vipbook %v: %v\n%s", args, err, errOut)
	}
	return out
}

func runErr(book string, args ...string) (string, string, error) {
	var out, errOut bytes.Buffer
	a := &App{Now: goldenNow, Stdout: &out, Stderr: &errOut, WorkFactor: testWorkFactor}
	root := NewRoot(a)
	root.SetArgs(append([]string{"--book", book, "--lang", "en"}, args...))
	root.SetOut(&out)
	root.SetErr(&errOut)
	err := root.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

func TestGoldenShow(t *testing.T) {
	book := demoBook(t)
	// 曾小凡 by her phone typed another way than it was stored.
	t.Run("text", func(t *testing.T) { golden.RequireEqual(t, run(t, book, "show", "13916882046")) })
	t.Run("json", func(t *testing.T) { golden.RequireEqual(t, run(t, book, "show", "+86 139 1688 2046", "--json")) })
}
