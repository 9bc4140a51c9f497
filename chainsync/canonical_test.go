package chainsync

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/internal/hlc"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestSameValueWrittenOtherwiseIsNoConflict: a vipbook from before
// 76cd41f writes a time not set as 0001-01-01 and a family member's
// unknown birthday as {"month":0,"day":0}, where this one leaves them out.
// Such a value pulled newer than the book's is the same value: no
// conflict in the client's history, nothing changed. A value that truly
// differs is still one.
func TestSameValueWrittenOtherwiseIsNoConflict(t *testing.T) {
	st, err := store.Init(filepath.Join(t.TempDir(), "b.db"), store.Meta{Associate: "a", Store: "Kyoto", CountryCode: "81", Currency: "JPY"},
		store.Options{Now: func() time.Time { return day0 }, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	old := hlc.Timestamp{Wall: day0.Add(-time.Hour).UnixMilli(), Node: "me"}
	newer := hlc.Timestamp{Wall: day0.UnixMilli(), Node: "peer"}
	var id string
	err = st.Update(func(tx *store.Tx) error {
		p := &profile.Profile{Name: "佐藤花子", Household: []profile.Member{{Name: "佐藤一郎", Relation: "spouse"}}}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		id = p.ID
		if err := tx.MapClient(id, "PEER/1"); err != nil {
			return err
		}
		for _, f := range []string{"consent", "household", "name"} {
			if err := tx.SetFieldClock(id, f, old); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	pull := func(fields map[string]string) Applied {
		t.Helper()
		c := &Client{ID: "PEER/1", Fields: map[string]json.RawMessage{}, HLC: map[string]string{}}
		for f, v := range fields {
			c.Fields[f] = json.RawMessage(v)
			c.HLC[f] = newer.String()
		}
		var a Applied
		if err := st.Update(func(tx *store.Tx) error { return applyClient(tx, c, day0, &a) }); err != nil {
			t.Fatal(err)
		}
		return a
	}
	a := pull(map[string]string{
		"consent":   `{"recorded_at":"0001-01-01T00:00:00Z"}`,
		"household": `[{"name":"佐藤一郎","relation":"spouse","birthday":{"month":0,"day":0}}]`,
	})
	var p *profile.Profile
	st.View(func(tx *store.Tx) error { p, err = tx.Client(id); return err })
	if a.Conflicts != 0 || a.Clients != 0 || len(p.History) != 0 {
		t.Fatalf("the same values written by an older vipbook: %d conflicts, %d clients changed, history %+v", a.Conflicts, a.Clients, p.History)
	}
	a = pull(map[string]string{"name": `"佐藤花"`})
	st.View(func(tx *store.Tx) error { p, err = tx.Client(id); return err })
	if a.Conflicts != 1 || p.Name != "佐藤花" {
		t.Fatalf("a name truly changed: %d conflicts, name %q", a.Conflicts, p.Name)
	}
}
