package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchShowsTheBestFifty: a query naming many clients prints the
// best 50 and says how many more were found and how to see them (en and
// zh); --limit N shows N, --limit 0 all of them in the same order; --json
// gives every client unless --limit is given; a negative limit is refused.
func TestSearchShowsTheBestFifty(t *testing.T) {
	book := demoBook(t) // 60 clients, each with a shoe size
	rows := func(out string) []string {
		var ids []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
			if f := strings.Fields(l); len(f) > 0 && !strings.HasPrefix(l, "...") && !strings.HasPrefix(l, "……") {
				ids = append(ids, f[0])
			}
		}
		return ids
	}
	all := run(t, book, "search", "size:shoes", "--limit", "0")
	allIDs := rows(all)
	if len(allIDs) != 60 || strings.Contains(all, "more of the") {
		t.Fatalf("--limit 0 lists %d clients, want all 60:\n%s", len(allIDs), all)
	}
	def := run(t, book, "search", "size:shoes")
	if got := rows(def); len(got) != 50 || strings.Join(got, " ") != strings.Join(allIDs[:50], " ") {
		t.Errorf("by default %d rows, want the best 50 of --limit 0's order:\n%s", len(got), def)
	}
	if !strings.Contains(def, "... and 10 more of the 60 found: narrow the search, or vipbook search --limit 0 lists them all") {
		t.Errorf("no word of the 10 left out:\n%s", def)
	}
	five := run(t, book, "search", "size:shoes", "--limit", "5")
	if got := rows(five); strings.Join(got, " ") != strings.Join(allIDs[:5], " ") || !strings.Contains(five, "55 more of the 60") {
		t.Errorf("--limit 5:\n%s", five)
	}
	zh := run(t, book, "--lang", "zh", "search", "size:shoes", "--limit", "5")
	if !strings.Contains(zh, "另有 55 位（共找到 60 位）") {
		t.Errorf("--lang zh --limit 5 says nothing of the rest in Chinese:\n%s", zh)
	}
	var js []ClientRow
	if err := json.Unmarshal([]byte(run(t, book, "search", "size:shoes", "--json")), &js); err != nil || len(js) != 60 {
		t.Errorf("--json gives %d clients (%v), want all 60", len(js), err)
	}
	if err := json.Unmarshal([]byte(run(t, book, "search", "size:shoes", "--json", "--limit", "3")), &js); err != nil || len(js) != 3 || js[0].ID != allIDs[0] {
		t.Errorf("--json --limit 3 gives %d clients (%v), want the best 3", len(js), err)
	}
	if few := run(t, book, "search", "size:shoes=39"); strings.Contains(few, "more of the") {
		t.Errorf("a short answer says there is more:\n%s", few)
	}
	if _, errOut, err := runErr(book, "search", "size:shoes", "--limit", "-1"); err == nil {
		t.Errorf("--limit -1 accepted (%s)", errOut)
	}
}

// TestSearchRefusesBadConfig: vipbook search refuses a config file it
// cannot read with the message vipbook brief gives (the file and what is
// wrong), instead of ranking by the default tiers unseen.
func TestSearchRefusesBadConfig(t *testing.T) {
	book := demoBook(t)
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, []byte("[tiers]\nscheme = \"nonesuch\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, briefErr, berr := runErr(book, "brief", "--config", cfg)
	out, errOut, err := runErr(book, "search", "size:shoes", "--config", cfg)
	if berr == nil || err == nil {
		t.Fatalf("a bad config accepted: brief %v, search %v:\n%s", berr, err, out)
	}
	if err.Error() != berr.Error() || !strings.Contains(err.Error(), "config.toml") {
		t.Errorf("search says %q (%s), brief says %q (%s)", err, errOut, berr, briefErr)
	}
	if out != "" {
		t.Errorf("search printed rows with a bad config:\n%s", out)
	}
}
