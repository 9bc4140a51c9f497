package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPoint12Validation: the command line says plainly why a tier outside
// the scheme, a malformed e-mail and a year outside 1900 to 2100 are
// refused, and stores none of them.
func TestPoint12Validation(t *testing.T) {
	book := smallBook(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"add", "Bob", "--phone", "13800138111", "--tier", "Z9"}, `"Z9" is not a tier of this book's scheme: use one of A, B, C, D`},
		{[]string{"edit", "王小明", "--set", "tier=E"}, `"E" is not a tier`},
		{[]string{"add", "Bob", "--phone", "13800138111", "--email", "bob@"}, `"bob@" is not an e-mail address`},
		{[]string{"edit", "王小明", "--set", "email=wang at example.com"}, "is not an e-mail address"},
		{[]string{"add", "Bob", "--phone", "13800138111", "--birthday", "9999-12-31"}, "1900 to 2100"},
		{[]string{"edit", "王小明", "--set", "birthday=1850-01-01"}, "1900 to 2100"},
		{[]string{"brief", "--date", "9999-12-30"}, "1900 to 2100"},
		{[]string{"buy", "王小明", "100", "--date", "2101-01-01"}, "1900 to 2100"},
	} {
		out, errOut, err := runErr(book, c.args...)
		if err == nil {
			t.Errorf("vipbook %v accepted: %s", c.args, out)
			continue
		}
		if msg := err.Error() + errOut; !strings.Contains(msg, c.want) {
			t.Errorf("vipbook %v: %q, want it to say %q", c.args, msg, c.want)
		}
	}
	if out := run(t, book, "list"); strings.Contains(out, "Bob") {
		t.Errorf("a refused client was stored:\n%s", out)
	}
	run(t, book, "edit", "王小明", "--set", "tier=b", "--set", "email=wang@example.com")
	out := run(t, book, "tiers")
	if strings.Contains(out, " E ") || strings.Contains(out, "Z9") || !strings.Contains(out, "B 1") {
		t.Errorf("tiers after the refusals:\n%s", out)
	}
}

// TestPoint13Demo: vipbook demo replaces only a demo book nobody worked in,
// keeping it as a backup; a demo book with a client added, or a real book,
// is refused with the way to a real book; init on a demo book says what to
// do.
func TestPoint13Demo(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	run(t, book, "demo", "--clients", "5")
	out := run(t, book, "demo", "--clients", "5")
	backups, _ := filepath.Glob(book + ".demo-*.bak")
	if len(backups) != 1 || !strings.Contains(out, "kept at "+backups[0]) {
		t.Fatalf("replacing a demo book: %q, backups %v", out, backups)
	}
	if _, _, err := runErr(backups[0], "list"); err != nil {
		t.Errorf("the backup does not open: %v", err)
	}
	if _, _, err := runErr(book, "init", "--associate", "Ann"); err == nil || !strings.Contains(err.Error(), "is the demo book") ||
		!strings.Contains(err.Error(), "vipbook init --associate NAME --book PATH") {
		t.Errorf("init on a demo book: %v", err)
	}
	for _, work := range [][]string{{"add", "Zed", "--phone", "13800138555"}, {"note", "Zed", "likes blue"}, {"buy", "Zed", "100"}} {
		run(t, book, work...)
		before, _ := os.ReadFile(book)
		_, _, err := runErr(book, "demo", "--clients", "5")
		if err == nil || !strings.Contains(err.Error(), "will not replace that work") || !strings.Contains(err.Error(), "vipbook init") {
			t.Fatalf("demo over a used demo book (after %v): %v", work, err)
		}
		if after, _ := os.ReadFile(book); !bytes.Equal(before, after) {
			t.Fatal("the refused demo changed the book")
		}
	}
	real := smallBook(t)
	if _, _, err := runErr(real, "demo"); err == nil || !strings.Contains(err.Error(), "is a real book") {
		t.Errorf("demo over a real book: %v", err)
	}
	_, _, err := runLang(real, "zh", "", "demo")
	if err == nil || !strings.Contains(err.Error(), "真实的客户册") {
		t.Errorf("zh: %v", err)
	}
}

// TestPoint11Money: amounts are read by the book's currency and the marks
// written; an ambiguous one is refused with its two readings and nothing is
// recorded.
func TestPoint11Money(t *testing.T) {
	book := smallBook(t)
	for in, want := range map[string]string{"12.800,50 €": "12,800.50", "¥12,800": "12,800", "12800元": "12,800",
		"1,280.50": "1,280.50", "1.280,50": "1,280.50"} {
		if out := run(t, book, "buy", "王小明", in); !strings.Contains(out, "Recorded "+want+" CNY") {
			t.Errorf("buy %q: %q, want %s", in, out, want)
		}
	}
	_, _, err := runErr(book, "buy", "王小明", "12.800")
	if err == nil || !strings.Contains(err.Error(), `"12.800" reads two ways: 12.80 or 12,800`) {
		t.Errorf("buy 12.800: %v", err)
	}
	out := run(t, book, "show", "王小明")
	if strings.Count(out, "12.80 ") > 0 {
		t.Errorf("an ambiguous amount was recorded:\n%s", out)
	}
}
