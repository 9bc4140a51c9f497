package cli

import (
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
