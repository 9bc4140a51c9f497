package cli

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestDateListDaysInOneColumn: date list (and show) puts the days in one
// column, so "next" lines up whether a day is lunar (lunar 08-15,
// 农历八月十五) or solar (2019-05-20), in both languages.
func TestDateListDaysInOneColumn(t *testing.T) {
	book := smallBook(t)
	run(t, book, "date", "add", "王小明", "--kind", "birthday", "--date", "lunar 08-15")
	run(t, book, "date", "add", "王小明", "--kind", "anniversary", "--date", "2019-05-20", "--label", "wedding")
	for _, lang := range []string{"en", "zh"} {
		out, errOut, err := speak(book, lang, "date", "list", "王小明")
		if err != nil {
			t.Fatalf("%v\n%s", err, errOut)
		}
		next := "next "
		if lang == "zh" {
			next = "下次 "
		}
		col := -1
		for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
			i := strings.Index(l, next)
			if i < 0 {
				t.Fatalf("%s: no %q in %q", lang, next, l)
			}
			c := ansi.StringWidth(l[:i])
			if col >= 0 && c != col {
				t.Errorf("%s: the next days are not in one column:\n%s", lang, out)
				break
			}
			col = c
		}
	}
}
