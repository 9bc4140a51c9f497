package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

func TestGoldenReport(t *testing.T) {
	book := demoBook(t)
	t.Run("text", func(t *testing.T) { golden.RequireEqual(t, run(t, book, "report")) })
	t.Run("json", func(t *testing.T) { golden.RequireEqual(t, run(t, book, "report", "--json")) })
	t.Run("zh", func(t *testing.T) { golden.RequireEqual(t, run(t, book, "--lang", "zh", "report")) })
}

func TestGoldenTiers(t *testing.T) {
	book := demoBook(t)
	noConfig := filepath.Join(t.TempDir(), "none.toml")
	t.Run("pyramid", func(t *testing.T) { golden.RequireEqual(t, run(t, book, "tiers", "--config", noConfig)) })
	t.Run("cards", func(t *testing.T) {
		golden.RequireEqual(t, run(t, book, "tiers", "--config", noConfig, "--scheme", "department_store", "--limit", "15"))
	})
}

func TestTiersJSON(t *testing.T) {
	book := demoBook(t)
	out := run(t, book, "tiers", "--config", filepath.Join(t.TempDir(), "none.toml"), "--tier", "a", "--json")
	var rows []struct {
		Tier, Reason string
		Rank, Of     int
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatal("no tier A clients")
	}
	for i, r := range rows {
		if r.Tier != "A" || !strings.HasPrefix(r.Reason, "A: ") || r.Rank < 1 || r.Rank > r.Of {
			t.Errorf("row %d: %+v", i, r)
		}
	}
}

func TestTiersConfigFile(t *testing.T) {
	book := demoBook(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "good.toml")
	os.WriteFile(good, []byte("[tiers]\nscheme = \"suit_chain\"\ncurrency = \"JPY\"\n"), 0o600)
	out := run(t, book, "tiers", "--config", good, "--limit", "3")
	if !strings.Contains(out, "by the suit_chain scheme") || !strings.Contains(out, "JPY") {
		t.Errorf("suit chain scheme from the config file:\n%s", out)
	}
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("[tiers]\nscheme = pyramid\n"), 0o600)
	_, _, err := runErr(book, "tiers", "--config", bad)
	if err == nil || !strings.Contains(err.Error(), "line 2") || !strings.Contains(err.Error(), bad) {
		t.Errorf("malformed config: %v", err)
	}
	_, _, err = runErr(book, "tiers", "--config", good, "--scheme", "gold")
	if err == nil || !strings.Contains(err.Error(), "pyramid") {
		t.Errorf("unknown scheme: %v", err)
	}
}

func TestReportDateFlag(t *testing.T) {
	book := demoBook(t)
	out := run(t, book, "report", "--date", "2026-06-30")
	if !strings.HasPrefix(out, "VIP stocktake on 2026-06-30") {
		t.Errorf("report --date: %s", out[:min(len(out), 80)])
	}
	if _, _, err := runErr(book, "report", "--date", "30/06/2026"); err == nil {
		t.Error("a bad --date is refused")
	}
}
