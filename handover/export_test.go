package handover

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// The export prepares its marks and client records on another goroutine:
// the bundle holds what Collect reads, and the book is marked as
// UpdateClientWith would mark it, hooks included.
func TestExportWritesWhatCollectReads(t *testing.T) {
	a, ac, _ := giver(t)
	ac.t = at("2026-11-12 17:00")
	ids := allIDs(t, a)
	var want *Bundle
	must(t, a.View(func(tx *store.Tx) (err error) {
		want, err = Collect(tx, ids, "Wang Fang", tx.Now())
		return err
	}))
	updated := map[string]bool{}
	a.SetHooks(store.Hooks{ClientUpdated: func(tx *store.Tx, before, after *profile.Profile) error {
		if before.HandedOver != nil || after.HandedOver == nil || before.ID != after.ID {
			t.Errorf("hook saw %+v -> %+v", before.HandedOver, after.HandedOver)
		}
		updated[after.ID] = true
		return nil
	}})
	got, err := read(t, export(t, a, ids, ExportOptions{To: "Wang Fang"}), pass)
	must(t, err)
	if len(got.Clients) != len(want.Clients) || len(updated) != len(ids) {
		t.Fatalf("%d clients exported, %d collected, %d updated", len(got.Clients), len(want.Clients), len(updated))
	}
	for i := range got.Clients {
		g, _ := json.Marshal(got.Clients[i])
		w, _ := json.Marshal(want.Clients[i])
		if string(g) != string(w) {
			t.Errorf("client %d exported\n%s\ncollected\n%s", i, g, w)
		}
	}
	must(t, a.View(func(tx *store.Tx) error {
		for _, id := range ids {
			s, err := tx.Summary(id)
			must(t, err)
			p, err := tx.Client(id)
			must(t, err)
			if s.Status != profile.HandedOver || p.HandedOver == nil || !p.Updated.Equal(ac.t) {
				t.Errorf("client %s: status %v, handed over %+v, updated %v", id, s.Status, p.HandedOver, p.Updated)
			}
			for _, ph := range s.Phones {
				if got := tx.FindByPhone(ph); len(got) == 0 {
					t.Errorf("client %s: phone %s no longer finds", id, ph)
				}
			}
		}
		return nil
	}))
}

// TestPoint3KilledExportLeftoverRemoved: the bundle an export killed half
// way left beside its file (older than staleTemp) is removed by the next
// export to that directory; one being written now stays.
func TestPoint3KilledExportLeftoverRemoved(t *testing.T) {
	a, _, _ := giver(t)
	dir := t.TempDir()
	stale, fresh := filepath.Join(dir, ".vipbook-handover-123"), filepath.Join(dir, ".vipbook-handover-456")
	for _, f := range []string{stale, fresh} {
		must(t, os.WriteFile(f, []byte("half a bundle"), 0o600))
	}
	old := time.Now().Add(-time.Hour)
	must(t, os.Chtimes(stale, old, old))
	_, err := Export(a, allIDs(t, a), filepath.Join(dir, "handover.age"), ExportOptions{Passphrase: pass, WorkFactor: testWork})
	must(t, err)
	if _, err := os.Stat(stale); err == nil {
		t.Error("the killed export's bundle is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a bundle being written now was removed")
	}
}
