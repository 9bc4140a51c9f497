package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestSearchRanksAndMarks: "who to call when the loafers in 39 arrive":
// `vipbook search "size:shoes=39 likes:loafers"` lists the clients who
// match equally well top tier first, then the one seen most recently; a
// client who asked not to be contacted is marked, in both languages, and
// flagged in --json.
func TestSearchRanksAndMarks(t *testing.T) {
	book := smallBook(t)
	// Tiers as overrides: A is the top of the default pyramid.
	for _, c := range []struct{ name, phone, tier, bought string }{
		{"Carla Rossi", "13900000001", "C", "2026-11-20"},
		{"Alma Ruiz", "13900000002", "A", "2025-03-01"},
		{"Zoe Lin", "13900000003", "A", "2026-10-01"},
		{"Bea Chen", "13900000004", "B", "2026-11-01"},
	} {
		run(t, book, "add", c.name, "--phone", c.phone)
		run(t, book, "edit", c.name, "--set", "tier="+c.tier)
		run(t, book, "buy", c.name, "1000", "--date", c.bought)
		run(t, book, "size", c.name, "shoes", "39")
		run(t, book, "like", c.name, "loafers")
	}
	run(t, book, "edit", "Bea Chen", "--set", "do_not_contact=true")
	for _, lang := range []string{"en", "zh"} {
		out, errOut, err := runLang(book, lang, "", "search", "size:shoes=39 likes:loafers")
		if err != nil {
			t.Fatalf("%v\n%s", err, errOut)
		}
		var order []int
		for _, n := range []string{"Zoe Lin", "Alma Ruiz", "Bea Chen", "Carla Rossi"} {
			order = append(order, strings.Index(out, n))
		}
		for i := 1; i < len(order); i++ {
			if order[i-1] < 0 || order[i] < order[i-1] {
				t.Fatalf("%s: want Zoe (A, seen lately), Alma (A), Bea (B), Carla (C) in that order:\n%s", lang, out)
			}
		}
		mark := map[string]string{"en": "[DNC]", "zh": "勿联系"}[lang]
		for _, l := range strings.Split(out, "\n") {
			if strings.Contains(l, "Bea Chen") != strings.Contains(l, mark) {
				t.Errorf("%s: only Bea's line is marked %s:\n%s", lang, mark, out)
			}
		}
	}
	out := run(t, book, "search", "size:shoes=39 likes:loafers", "--json")
	var rows []ClientRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0].Name != "Zoe Lin" || rows[2].Name != "Bea Chen" || !rows[2].DNC || rows[0].DNC {
		t.Errorf("--json rows: %+v", rows)
	}
}
