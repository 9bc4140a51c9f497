package briefing

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/demo"
	"github.com/vipbook/vipbook/store"
)

// TestWholeOneSection: Options.Whole keeps one section whole and the
// others to Limit (Urgent lists no more than Limit: its items are among
// those kept). The section kept whole equals the one of a briefing
// with no limit, item for item; every other part (the other sections,
// Urgent, the look ahead, the totals) equals the briefing kept to Limit.
func TestWholeOneSection(t *testing.T) {
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
	const limit = 3
	load := func(cfg config.Config, today civil.Date, opt Options) map[string]json.RawMessage {
		t.Helper()
		in, err := Load(b, today, time.UTC, cfg, opt)
		if err != nil {
			t.Fatal(err)
		}
		var parts map[string]json.RawMessage
		if err := json.Unmarshal([]byte(briefJSON(t, Build(in))), &parts); err != nil {
			t.Fatal(err)
		}
		return parts
	}
	longer := map[Section]bool{} // sections seen with more items than limit
	for _, scheme := range []string{config.Pyramid, "department_store"} {
		cfg := config.Default()
		cfg.Tiers.Scheme = scheme
		for _, d := range []string{"2026-11-24", "2027-02-06", "2026-06-01"} {
			today := civil.MustParse(d)
			all := load(cfg, today, Options{Limit: -1, UrgentN: limit})
			part := load(cfg, today, Options{Limit: limit, UrgentN: limit})
			for _, sec := range []Section{SecOverdue, SecDue, SecDates, SecRequests, SecFestivals, SecSituations, SecLapsed, SecCards} {
				got := load(cfg, today, Options{Limit: limit, UrgentN: limit, Whole: sec})
				for key := range all {
					want := part[key]
					if key == string(sec) {
						want = all[key]
						var items []json.RawMessage
						if err := json.Unmarshal(want, &items); err == nil && len(items) > limit {
							longer[sec] = true
						}
					}
					if key == "totals" && sec == SecSituations {
						// Read whole, the situations are counted, not
						// found "at least so many".
						var wt, at Totals
						if json.Unmarshal(want, &wt) != nil || json.Unmarshal(all[key], &at) != nil {
							t.Fatal("totals do not decode")
						}
						wt.Situations, wt.SituationsMore = at.Situations, at.SituationsMore
						out, _ := json.Marshal(wt)
						want = out
					}
					if string(got[key]) != string(want) {
						t.Errorf("%s, %s, %s whole: %q is\n%s\nwant\n%s", scheme, d, sec, key, got[key], want)
					}
				}
			}
		}
	}
	for _, sec := range []Section{SecOverdue, SecDue, SecDates, SecRequests, SecSituations, SecLapsed} {
		if !longer[sec] {
			t.Errorf("the demo book never has more than %d items in %s: the test shows nothing of it", limit, sec)
		}
	}
}
