package cli

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// TestJSONOmitsUnsetTimes: --json says nothing of a time or a date that
// is not set, rather than Go's zero time (0001-01-01T00:00:00Z), an
// empty date ("") or a birthday of month 0: an open follow-up has no
// done_at (a done one keeps it), a follow-up never snoozed no
// snoozed_until, a client never visited no last_visit, a consent never
// recorded no recorded_at, the current holder no "to".
func TestJSONOmitsUnsetTimes(t *testing.T) {
	book := taskListBook(t)
	run(t, book, "add", "Chen Wei", "--phone", "13900139000")
	run(t, book, "family", "add", "王小明", "Lily", "--relation", "child")
	run(t, book, "request", "Anne Dubois", "the coat in navy")
	var open []map[string]any
	if err := json.Unmarshal([]byte(run(t, book, "task", "list", "--json")), &open); err != nil || len(open) == 0 {
		t.Fatalf("task list --json: %v %v", open, err)
	}
	for _, tk := range open {
		if v, ok := tk["done_at"]; ok {
			t.Errorf("open follow-up %v has done_at %v", tk["id"], v)
		}
	}
	done := open[0]["id"].(string)
	run(t, book, "task", "done", done)
	var all []map[string]any
	if err := json.Unmarshal([]byte(run(t, book, "task", "list", "--all", "--json")), &all); err != nil {
		t.Fatal(err)
	}
	for _, tk := range all {
		at, ok := tk["done_at"].(string)
		if tk["id"] == done && (!ok || strings.HasPrefix(at, "0001")) {
			t.Errorf("done follow-up %s has done_at %v", done, tk["done_at"])
		}
		if tk["id"] != done && ok {
			t.Errorf("open follow-up %v has done_at %v", tk["id"], at)
		}
	}
	unset := regexp.MustCompile(`0001-01-01T00:00:00Z|"month": 0|"(snoozed_until|last_visit|first_visit|next_date|last_contact|last_note|taken|added|date|expires|last_gift|period_start|period_end|valid_to|since|upgrade_on|lost_on)": ""`)
	for _, args := range [][]string{
		{"task", "list", "--all", "--json"},
		{"show", "王小明", "--json"},
		{"show", "Anne Dubois", "--json"},
		{"show", "Chen Wei", "--json"},
		{"list", "--json"},
		{"brief", "--json"},
		{"family", "list", "王小明", "--json"},
	} {
		if m := unset.FindAllString(run(t, book, args...), 3); m != nil {
			t.Errorf("%v prints unset times: %q", args, m)
		}
	}
}
