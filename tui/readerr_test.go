package tui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// TestReadFailureSaid: a read of the app that fails (d on the follow-ups
// screen meets a damaged follow-up ticked off) says what it was reading
// and why in the associate's language: in Chinese under zh, no English
// word of the error; in English under en.
func TestReadFailureSaid(t *testing.T) {
	for _, tc := range []struct {
		lang        string
		said, other []string
	}{
		{i18n.Chinese, []string{"无法读取已完成的跟进", "客户册已损坏"}, []string{"read", "damaged", "follow-up"}},
		{i18n.English, []string{"The follow-ups ticked off could not be read", "The book is damaged"}, []string{"无法", "reading the"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
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
				return tx.AddTask(&tasks.Task{ClientID: p.ID, Title: "DAMAGE-ME-PLEASE", Kind: tasks.Custom,
					Due: civil.Of(testNow()), Status: tasks.Done, DoneAt: testNow().Add(-3600e9)})
			})
			if err != nil {
				t.Fatal(err)
			}
			sb.Close()
			raw, _ := os.ReadFile(path)
			i := bytes.Index(raw, []byte(`DAMAGE-ME-PLEASE"`))
			if i < 0 {
				t.Fatal("the follow-up is not in the file")
			}
			raw[i+len("DAMAGE-ME-PLEASE")] = 0x1b
			if err := os.WriteFile(path, raw, 0o600); err != nil {
				t.Fatal(err)
			}
			h := newHarness(t, openBook(t, path), tc.lang, 80, 24)
			h.keys("3", "d")
			said := h.m.status.text
			if !h.m.status.isErr {
				t.Fatalf("the status line shows no error: %q\n%s", said, h.view())
			}
			for _, s := range tc.said {
				if !strings.Contains(said, s) {
					t.Errorf("the status line does not say %q: %q", s, said)
				}
			}
			for _, s := range tc.other {
				if strings.Contains(said, s) {
					t.Errorf("the status line says %q: %q", s, said)
				}
			}
		})
	}
}
