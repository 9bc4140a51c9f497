package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCardPointsGrouped: a card's points are written with their digits
// grouped (12,800 points; 1 point; 12,800 积分) in `vipbook show` and
// `vipbook card list`, in English and Chinese; --json keeps the number.
func TestCardPointsGrouped(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "Wang Li", "--phone", "+86 139 0000 3333")
	run(t, book, "card", "add", "Wang Li", "VIP 7788-0099", "--program", "Maison", "--points", "1234567")
	run(t, book, "add", "Chen Yu", "--phone", "+86 139 0000 4444")
	run(t, book, "card", "add", "Chen Yu", "VIP 5511-2266", "--program", "Maison", "--points", "1")
	for _, tc := range []struct{ lang, client, want string }{
		{"en", "Wang Li", "1,234,567 points"},
		{"zh", "Wang Li", "1,234,567 积分"},
		{"en", "Chen Yu", "1 point"},
	} {
		for _, cmd := range [][]string{{"show", tc.client}, {"card", "list", tc.client}} {
			out, errOut, err := runLang(book, tc.lang, "", cmd...)
			if err != nil {
				t.Fatalf("vipbook %v: %v\n%s", cmd, err, errOut)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("vipbook --lang %s %v does not say %q:\n%s", tc.lang, cmd, tc.want, out)
			}
		}
	}
	if out := run(t, book, "show", "Wang Li", "--json"); !strings.Contains(out, `"points": 1234567`) && !strings.Contains(out, `"points":1234567`) {
		t.Errorf("show --json does not keep the points a number:\n%s", out)
	}
}
