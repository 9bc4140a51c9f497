package briefing

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/demo"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestLoadEqualsWholeSummaries: the briefing Load reads (a compact row per
// client made one at a time from the brief records, tiers from the
// 12-month spends) is the one Build makes from every whole summary with
// the tiers worked out over them (tiers.Assign), item for item and total
// for total, on days across the year's turn and two lunar new years, under
// the pyramid and both card schemes, and after a Refresh (which, before,
// listed tomorrow's visits twice).
func TestLoadEqualsWholeSummaries(t *testing.T) {
	made := civil.MustParse("2026-11-24")
	path := filepath.Join(t.TempDir(), "book.db")
	now := func() time.Time { return made.In(time.UTC).Add(10 * time.Hour) }
	if _, err := demo.WriteFile(path, demo.Options{Clients: 300, Seed: 3, Today: made, Loc: time.UTC}, now); err != nil {
		t.Fatal(err)
	}
	b, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var sums []profile.Summary
	if err := b.View(func(tx *store.Tx) (err error) { sums, err = tx.Summaries(); return err }); err != nil {
		t.Fatal(err)
	}
	days := []string{"2026-11-24", "2026-11-25", "2026-06-01", "2026-02-15", "2026-02-16", "2026-02-17",
		"2026-12-30", "2026-12-31", "2027-01-01", "2027-01-20", "2027-02-05", "2027-02-06", "2027-02-07",
		"2027-03-01", "2026-09-25", "2027-06-19"}
	for _, scheme := range []string{config.Pyramid, "department_store", "suit_chain"} {
		cfg := config.Default()
		cfg.Tiers.Scheme = scheme
		for _, d := range days {
			today := civil.MustParse(d)
			in, err := Load(b, today, time.UTC, cfg, Options{Limit: -1})
			if err != nil {
				t.Fatal(err)
			}
			whole := in
			whole.Summaries, whole.clients, whole.Tiers, whole.scorer, whole.valuation = sums, nil, nil, nil, nil
			got, want := briefJSON(t, Build(in)), briefJSON(t, Build(whole))
			if got != want {
				t.Fatalf("%s, %s: the briefing Load reads\n%s\nwant (every whole summary)\n%s", scheme, d, got, want)
			}
			if d != "2026-11-24" {
				continue
			}
			cs := in.clientsOf()
			again, err := Refresh(b, in, time.UTC, cs[0].ID, cs[len(cs)/2].ID)
			if err != nil {
				t.Fatal(err)
			}
			if got := briefJSON(t, Build(again)); got != want {
				t.Fatalf("%s, %s: after a Refresh\n%s\nwant\n%s", scheme, d, got, want)
			}
		}
	}
}

func briefJSON(t *testing.T, br Briefing) string {
	t.Helper()
	out, err := json.Marshal(br)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
