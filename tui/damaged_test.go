package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestPoint5DamagedBookBanner: when the app reads a damaged record, it says
// so in a banner naming vipbook check and vipbook restore, and a note typed
// afterwards is not saved; an app opened on a book already found damaged
// shows the banner from the start.
func TestPoint5DamagedBookBanner(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.db")
	sb, err := store.Init(path, store.Meta{Associate: "Li"}, store.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	err = sb.Update(func(tx *store.Tx) error {
		p := &profile.Profile{Name: "Dana Mark", Phones: []profile.Phone{{Number: "13700001111"}}}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		return tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.General, Text: "DAMAGE-ME-PLEASE", At: testNow()})
	})
	if err != nil {
		t.Fatal(err)
	}
	sb.Close()
	raw, _ := os.ReadFile(path)
	i := bytes.Index(raw, []byte(`DAMAGE-ME-PLEASE"`))
	if i < 0 {
		t.Fatal("the note is not in the file")
	}
	raw[i+len("DAMAGE-ME-PLEASE")] = 0x1b
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}

	b := openBook(t, path)
	h := newHarness(t, b, "en", 120, 40)
	if strings.Contains(h.view(), "vipbook check") {
		t.Fatal("a banner before anything found the damage")
	}
	h.keys("2", "/")
	h.typeText("13700001111")
	h.keys("enter")
	v := h.view()
	if !strings.Contains(v, "The book is damaged: nothing is saved") || !strings.Contains(v, "vipbook restore") {
		t.Fatalf("no banner after reading the damaged note:\n%s", v)
	}
	if _, ok := store.KnownDamaged(path); !ok {
		t.Fatal("the app's read left no mark")
	}
	b.Close()

	h = newHarness(t, openBook(t, path), "zh", 120, 40)
	if v := h.view(); !strings.Contains(v, "客户册已损坏") {
		t.Fatalf("an app opened on a marked book shows no banner:\n%s", v)
	}
}
