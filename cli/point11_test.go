package cli

import (
	"strings"
	"testing"
)

// TestPoint11ZeroPurchase: issue 12 point 11, the rest. A purchase of 0
// is not a visit unless marked so (--visit); the amounts in --json say
// their unit (1/100 of the book's currency).
func TestPoint11ZeroPurchase(t *testing.T) {
	book := rulesBook(t, step{"2026-11-02", add("王小明", "13800000001")}, step{"2026-11-02", add("李娜", "13800000002")})
	out, errOut, err := runAt(book, day("2026-11-03"), "buy", "王小明", "0", "--items", "heel repair")
	if err != nil {
		t.Fatal(err, errOut)
	}
	if !strings.Contains(out, "not counted as a visit") {
		t.Errorf("a purchase of 0 says nothing of visits: %s", out)
	}
	if _, errOut, err := runAt(book, day("2026-11-04"), "buy", "李娜", "0", "--items", "gift wrapping", "--visit"); err != nil {
		t.Fatal(err, errOut)
	}
	for _, c := range []struct{ who, visits, last string }{
		{"王小明", `"visits": 0`, ""}, // no last_visit: none yet
		{"李娜", `"visits": 1`, `"last_visit": "2026-11-04"`},
	} {
		show, _, err := runAt(book, day("2026-11-05"), "show", c.who, "--json")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(show, c.visits) || c.last != "" && !strings.Contains(show, c.last) || c.last == "" && strings.Contains(show, `"last_visit"`) {
			t.Errorf("%s: want %s (%s):\n%s", c.who, c.visits, c.last, show)
		}
		if !strings.Contains(show, `"money_unit": "1/100 CNY"`) {
			t.Errorf("show --json does not say its money unit:\n%s", show)
		}
	}
	for _, args := range [][]string{{"list", "--json"}, {"tiers", "--json"}} {
		o, _, err := runAt(book, day("2026-11-05"), args...)
		if err != nil || !strings.Contains(o, `"money_unit": "1/100 CNY"`) {
			t.Errorf("%v does not say its money unit (%v):\n%s", args, err, o)
		}
	}
}
