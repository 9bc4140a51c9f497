package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cardBook is a book with the department store's card scheme in use.
func cardBook(t *testing.T, steps ...step) (book, cfg string) {
	t.Helper()
	cfg = filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, []byte("[tiers]\nscheme = \"department_store\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return rulesBook(t, steps...), cfg
}

// TestPoint3CardShown: issue 12 point 3 where the card matters. `show`
// and `tiers` say the card the seed's scheme gives, to when it is valid
// and what keeps it, in English and Chinese: a middle card earned with
// one 7,000 day on 2025-09-15 lapses on 2026-09-15, leaving the entry card.
func TestPoint3CardShown(t *testing.T) {
	book, cfg := cardBook(t, step{"2026-01-06", add("王小明", "13800000001")},
		step{"2026-01-06", []string{"buy", "王小明", "7000", "--date", "2025-09-15"}},
		step{"2026-08-19", []string{"visit", "王小明", "--at", "2026-08-20 15:00"}})
	tests := []struct {
		on    string
		args  []string
		wants []string
	}{
		{"2026-08-20", []string{"show", "王小明"}, []string{
			"Gold card: 7,000 CNY in one day on 2025-09-15, valid to 2026-09-14",
			"renewed with 10,000 CNY in its year to 2026-09-14 (7,000 CNY so far, 3,000 CNY to go)"}},
		{"2026-09-15", []string{"show", "王小明"}, []string{
			"Entry card: Gold card not renewed on 2026-09-15 (7,000 CNY in its year from 2025-09-15), valid to 2027-07-31",
			"void on 2027-08-01 unless 1,000 CNY this period"}},
		{"2026-08-20", []string{"brief"}, []string{"Cards lapsing within 30 days (1)", "Gold card: 7,000 CNY in one day on 2025-09-15, valid to 2026-09-14",
			"Card Gold card: 7,000 CNY in one day on 2025-09-15, valid to 2026-09-14 / renewed with 10,000 CNY"}},
		{"2026-08-20", []string{"brief", "--json"}, []string{`"cards": [`, `"days_left": 25`}},
		// A client's tier tag names the card, in the language in use, not
		// the level's name in the configuration ("middle").
		{"2026-08-20", []string{"brief"}, []string{"王小明 [Gold card]"}},
		{"2026-08-20", []string{"brief", "--lang", "zh"}, []string{"王小明 [金卡]"}},
		{"2026-09-15", []string{"tiers"}, []string{"Entry card: Gold card not renewed on 2026-09-15"}},
		{"2026-08-20", []string{"show", "王小明", "--lang", "zh"}, []string{
			"金卡", "有效期至 2026-09-14", "2026-09-14 前卡年内满 10,000 CNY 续卡（已 7,000 CNY，还差 3,000 CNY）"}},
		{"2026-08-20", []string{"show", "王小明", "--json"}, []string{`"valid_to": "2026-09-14"`, `"keep": 1000000`}},
	}
	if out, _, _ := runAt(book, day("2026-07-01"), "brief", "--config", cfg); strings.Contains(out, "Cards lapsing") {
		t.Errorf("a card 75 days from lapsing is on the briefing:\n%s", out)
	}
	for _, tt := range tests {
		out, errOut, err := runAt(book, day(tt.on), append(tt.args, "--config", cfg)...)
		if err != nil {
			t.Fatalf("%v: %v %s", tt.args, err, errOut)
		}
		for _, w := range tt.wants {
			if !strings.Contains(out, w) {
				t.Errorf("on %s %v lacks %q:\n%s", tt.on, tt.args, w, out)
			}
		}
		if strings.Contains(out, "[middle]") {
			t.Errorf("on %s %v names the card level by its configuration name:\n%s", tt.on, tt.args, out)
		}
	}
}

// TestPoint2BriefCatchesUp: issue 12 point 2 on the command line. The
// morning's brief shows the next service invitation once the day of the
// one before passed without a tick.
func TestPoint2BriefCatchesUp(t *testing.T) {
	book := rulesBook(t, step{"2026-11-02", add("王小明", "13800000001")},
		step{"2026-11-02", []string{"buy", "王小明", "3200"}})
	out, errOut, err := runAt(book, day("2027-05-02"), "brief", "--json")
	if err != nil {
		t.Fatal(err, errOut)
	}
	if !strings.Contains(out, `"due": "2027-05-02"`) {
		t.Errorf("the invitation of 2027-05-02 is not on its day's briefing:\n%s", out)
	}
}
