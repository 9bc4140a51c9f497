package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// exportKeys fills the export half of the handover screen and runs it:
// the clients of tier, to whom, the file and the passphrase twice.
func exportKeys(h *harness, tier, to, path, pass, again string) {
	h.keys("5", "g", "space", "down", "enter") // by tier, then type in it
	h.send(ctrlU())
	h.typeText(tier)
	h.keys("enter")
	h.send(ctrlU())
	h.typeText(to)
	h.keys("enter")
	h.send(ctrlU())
	h.typeText(path)
	h.keys("enter")
	h.send(ctrlU())
	h.typeText(pass)
	h.keys("enter")
	h.send(ctrlU())
	h.typeText(again)
	h.keys("enter")
}

// importKeys fills the import half and asks for the preview.
func importKeys(h *harness, path, pass string) {
	h.keys("5", "G", "up", "up", "enter")
	h.send(ctrlU())
	h.typeText(path)
	h.keys("enter")
	h.send(ctrlU())
	h.typeText(pass)
	h.keys("enter")
}

// TestHandoverBetweenBooks: Li Na hands her tier A clients to Wang Fang
// on the handover screen; Wang Fang reads the bundle, sees the preview and
// imports; both books say so, and a second import changes nothing.
func TestHandoverBetweenBooks(t *testing.T) {
	dir := t.TempDir()
	bundle := filepath.Join(dir, "tier-a.age")
	giver := openBook(t, demoBookPath(t))
	receiver, err := vb.Init(filepath.Join(dir, "wang.db"), store.Meta{Associate: "Wang Fang", Currency: "CNY"}, vb.Options{Now: testNow, WorkFactor: testWorkFactor})
	if err != nil {
		t.Fatal(err)
	}
	defer receiver.Close()

	h := newHarness(t, giver, "en", 100, 30)
	exportKeys(h, "A", "Wang Fang", bundle, "correct horse battery", "correct horse battery")
	if h.m.handover.state != hoConfirm {
		t.Fatalf("the chosen clients are not shown for confirmation:\n%s", h.view())
	}
	ids := h.m.handover.chosen.ids
	if len(ids) == 0 {
		t.Fatal("tier A chose nobody")
	}
	if v := h.view(); !strings.Contains(v, "over to Wang Fang?") {
		t.Fatalf("the confirmation does not say to whom:\n%s", v)
	}
	if _, err := os.Stat(bundle); err == nil {
		t.Fatal("the bundle was written before the confirmation")
	}
	h.keys("enter")
	if v := h.view(); !strings.Contains(v, "Handed "+strconv.Itoa(len(ids))+" clients over to Wang Fang") {
		t.Fatalf("no news of the export:\n%s", v)
	}
	if fi, err := os.Stat(bundle); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the bundle: %v, %v", fi, err)
	}
	if h.m.handover.in[hoPass].Value() != "" || h.m.handover.in[hoPass2].Value() != "" {
		t.Error("the passphrase is kept on the screen after the export")
	}
	err = giver.View(func(tx *store.Tx) error {
		for _, id := range ids {
			s, err := tx.Summary(id)
			if err != nil {
				return err
			}
			if s.Status != profile.HandedOver {
				t.Errorf("%s is %v in the giving book, want handed over", id, s.Status)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// Wang Fang already knows one of them, living elsewhere: a merge with
	// a conflict.
	var known *profile.Profile
	if err := giver.View(func(tx *store.Tx) error {
		var err error
		known, err = tx.Client(ids[0])
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := receiver.Store().WithoutHooks().Update(func(tx *store.Tx) error {
		return tx.AddClient(&profile.Profile{ID: "zzzzzz", Name: known.Name, Phones: known.Phones, City: "杭州"})
	}); err != nil {
		t.Fatal(err)
	}

	r := newHarness(t, receiver, "zh", 100, 30)
	importKeys(r, bundle, "wrong passphrase")
	if v := r.view(); !strings.Contains(v, "密码打不开这个交接包") || r.m.handover.state != hoForm {
		t.Fatalf("a wrong passphrase is not refused:\n%s", v)
	}
	importKeys(r, bundle, "correct horse battery")
	if r.m.handover.state != hoReview {
		t.Fatalf("no preview:\n%s", r.view())
	}
	if v := r.view(); !strings.Contains(v, "新增 "+strconv.Itoa(len(ids)-1)+"，合并 1") || !strings.Contains(v, "杭州") {
		t.Fatalf("the preview does not count the new clients:\n%s", v)
	}
	if n := countClients(t, receiver); n != 1 {
		t.Fatalf("the preview wrote %d clients", n)
	}
	r.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	golden.RequireEqual(t, strings.ReplaceAll(r.view(), dir, "DIR"))
	r.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	r.keys("enter")
	if v := r.view(); !strings.Contains(v, "已导入：新增 "+strconv.Itoa(len(ids)-1)) {
		t.Fatalf("no news of the import:\n%s", v)
	}
	if n := countClients(t, receiver); n != len(ids) {
		t.Fatalf("the receiving book has %d clients, want %d", n, len(ids))
	}
	// The client list shows them.
	if n := r.m.clients.total(); n != len(ids) {
		t.Fatalf("the client list shows %d clients, want %d", n, len(ids))
	}
	// The same bundle again changes nothing.
	importKeys(r, bundle, "correct horse battery")
	r.keys("enter")
	if v := r.view(); !strings.Contains(v, "无需导入") {
		t.Fatalf("a second import is not a no-op:\n%s", v)
	}
}

// TestHandoverFormErrors: what is wrong with the form shows in the status
// line and nothing is written.
func TestHandoverFormErrors(t *testing.T) {
	dir := t.TempDir()
	taken := filepath.Join(dir, "taken.age")
	if err := os.WriteFile(taken, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	book := openBook(t, demoBookPath(t))
	tests := []struct {
		name string
		run  func(h *harness)
		want string
	}{
		{"passphrases differ", func(h *harness) {
			exportKeys(h, "A", "Wang Fang", filepath.Join(dir, "x.age"), "correct horse battery", "correct horse")
		}, "The two passphrases differ"},
		{"short passphrase", func(h *harness) { exportKeys(h, "A", "Wang Fang", filepath.Join(dir, "x.age"), "short", "short") },
			"too short"},
		{"no such tier", func(h *harness) {
			exportKeys(h, "Z", "Wang Fang", filepath.Join(dir, "x.age"), "correct horse battery", "correct horse battery")
		}, `No client is in tier "Z"`},
		{"file taken", func(h *harness) {
			exportKeys(h, "A", "Wang Fang", taken, "correct horse battery", "correct horse battery")
		},
			"already exists"},
		// An empty colleague is refused, not confirmed as "to -".
		{"no colleague", func(h *harness) {
			exportKeys(h, "A", "  ", filepath.Join(dir, "x.age"), "correct horse battery", "correct horse battery")
		}, "Type the colleague's name"},
		{"no bundle", func(h *harness) { importKeys(h, filepath.Join(dir, "none.age"), "whatever") }, "Cannot read the bundle"},
		{"not a bundle", func(h *harness) { importKeys(h, taken, "whatever") }, "not a vipbook handover bundle"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, book, "en", 100, 30)
			tt.run(h)
			if v := h.view(); !strings.Contains(v, tt.want) {
				t.Fatalf("the status line lacks %q:\n%s", tt.want, v)
			}
			if h.m.handover.state != hoForm || h.quit {
				t.Fatalf("the screen is in state %d", h.m.handover.state)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "x.age")); err == nil {
		t.Fatal("a refused export wrote a bundle")
	}
}

func countClients(t *testing.T, b *vb.Book) int {
	t.Helper()
	n := 0
	err := b.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		n = len(sums)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}
