package tui

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
)

// TestPoint3ClientErasedWhileProfileOpen: the CLI erases the client
// whose profile the app shows (a second vipbook on the book the app holds
// per transaction); at its next look the app closes the profile, shows
// nothing of the client (name, phone), says what happened in the
// language in use and at 120 and 80 columns, and no note can be written
// back to them. A client merged away meanwhile gives way to the client
// they were merged into, said so.
func TestPoint3ClientErasedWhileProfileOpen(t *testing.T) {
	for _, tc := range []struct {
		lang string
		w, h int
	}{{"en", 120, 40}, {"zh", 120, 40}, {"en", 80, 24}, {"zh", 80, 24}} {
		t.Run(fmt.Sprintf("%s-%dx%d", tc.lang, tc.w, tc.h), func(t *testing.T) {
			path := demoBookPath(t)
			b, err := vb.Open(path, vb.Options{Now: testNow, Shared: true})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { b.Close() })
			h := newHarness(t, b, tc.lang, tc.w, tc.h)
			id := openZxfProfile(t, h)
			if v := h.view(); !strings.Contains(v, "曾小凡") {
				t.Fatalf("fixture: the profile does not show her:\n%s", v)
			}
			cli, err := store.Open(path, store.Options{}) // vipbook erase in another terminal
			if err != nil {
				t.Fatal(err)
			}
			if _, err := cli.EraseClients(id); err != nil {
				t.Fatal(err)
			}
			cli.Close()

			h.send(watchMsg{})
			v := h.view()
			if h.m.scr == scrProfile || h.m.prof.id != "" {
				t.Errorf("the erased client's profile is still open (screen %v, id %q)", h.m.scr, h.m.prof.id)
			}
			for _, s := range []string{"曾小凡", "139 1688 2046", "1688"} {
				if strings.Contains(v, s) {
					t.Errorf("the screen still shows %q of the erased client:\n%s", s, v)
				}
			}
			if said := firstWords(h.m.c.t(i18n.AppClientErasedMeanwhile)); !strings.Contains(v, said) {
				t.Errorf("the screen does not say %q:\n%s", said, v)
			}
			if strings.Contains(v, "not found") || strings.Contains(v, firstWords(h.m.c.t(i18n.AppReadingClient, ""))) {
				t.Errorf("a raw error on the screen:\n%s", v)
			}
			err = b.Store().View(func(tx *store.Tx) error {
				if tx.HasClient(id) {
					t.Error("the erased client is back in the book")
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		})
	}

	t.Run("typing", func(t *testing.T) {
		// A note half typed about the client when the CLI erases them:
		// the keeper's next flush (a timer, the exit) writes it nowhere.
		path := demoBookPath(t)
		b, err := vb.Open(path, vb.Options{Now: testNow, Shared: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { b.Close() })
		h := newHarness(t, b, "en", 120, 40)
		id := openZxf(t, h) // the note line open
		h.typeText("TYPED-ABOUT-HER")
		key := h.m.edit.line.Key
		if err := h.m.c.drafts.Flush(b); err != nil {
			t.Fatal(err)
		}
		cli, err := store.Open(path, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := cli.EraseClients(id); err != nil {
			t.Fatal(err)
		}
		cli.Close()
		h.typeText(" more")
		if err := h.m.c.drafts.Flush(b); err != nil {
			t.Fatalf("flushing a draft of the erased client: %v", err)
		}
		if got, ok := pendingText(h.m.c.drafts, key); ok {
			t.Errorf("the keeper still holds %q for the erased client", got)
		}
		b.Close()
		if raw, err := os.ReadFile(path); err != nil || strings.Contains(string(raw), "TYPED-ABOUT-HER") {
			t.Errorf("the draft about the erased client is in the book file (%v)", err)
		}
	})

	t.Run("merged", func(t *testing.T) {
		path := demoBookPath(t)
		b, err := vb.Open(path, vb.Options{Now: testNow, Shared: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { b.Close() })
		h := newHarness(t, b, "zh", 120, 40)
		id := openZxfProfile(t, h)
		into, intoName := mergeElsewhere(t, path, id, func(name string) bool { return !strings.Contains(name, "曾") })
		h.send(watchMsg{})
		v := h.view()
		if h.m.scr != scrProfile || h.m.prof.id != into {
			t.Errorf("after the merge the app shows screen %v, client %q; want the profile of %s", h.m.scr, h.m.prof.id, into)
		}
		if said := h.m.c.t(i18n.AppClientMergedMeanwhile, intoName); !strings.Contains(v, firstWords(said)) {
			t.Errorf("the screen does not say %q:\n%s", said, v)
		}
	})
}

// TestPoint3NoteOpenWhenClientErased (issue 14 point 3): a note half typed
// about a client that another vipbook erases closes with the profile, at
// once, in en and zh: the status line says the client was erased and that
// what was typed was not kept (no open input covers it), and the text is
// kept nowhere (not the keeper, not the book file, not a fallback file in
// the state directory). A client merged away meanwhile is the same
// person: the note goes on, typed text and all, for the client kept.
func TestPoint3NoteOpenWhenClientErased(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			state := t.TempDir()
			t.Setenv("XDG_STATE_HOME", state)
			path := demoBookPath(t)
			b, err := vb.Open(path, vb.Options{Now: testNow, Shared: true})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { b.Close() })
			h := newHarness(t, b, lang, 120, 40)
			id := openZxf(t, h) // the note line open
			h.typeText("TYPED-ABOUT-HER")
			key := h.m.edit.line.Key
			if err := h.m.c.drafts.Flush(b); err != nil {
				t.Fatal(err)
			}
			cli, err := store.Open(path, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := cli.EraseClients(id); err != nil {
				t.Fatal(err)
			}
			cli.Close()
			h.send(watchMsg{})
			if h.m.edit.active() {
				t.Error("the note about the erased client is still open")
			}
			v := h.view()
			if said := firstWords(h.m.c.t(i18n.AppClientErasedWhileTyping)); !strings.Contains(v, said) {
				t.Errorf("the screen does not say %q:\n%s", said, v)
			}
			if strings.Contains(v, "TYPED-ABOUT-HER") {
				t.Errorf("the typed text is still on the screen:\n%s", v)
			}
			if err := h.m.c.drafts.Flush(b); err != nil {
				t.Fatalf("flushing after the erasure: %v", err)
			}
			if got, ok := pendingText(h.m.c.drafts, key); ok {
				t.Errorf("the keeper still holds %q for the erased client", got)
			}
			b.Close()
			for _, dir := range []string{filepath.Dir(path), state} {
				_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
					if err != nil || d.IsDir() {
						return nil
					}
					if raw, err := os.ReadFile(p); err == nil && strings.Contains(string(raw), "TYPED-ABOUT-HER") {
						t.Errorf("%s keeps the text typed about the erased client", p)
					}
					return nil
				})
			}
		})
	}

	t.Run("merged", func(t *testing.T) {
		path := demoBookPath(t)
		b, err := vb.Open(path, vb.Options{Now: testNow, Shared: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { b.Close() })
		h := newHarness(t, b, "en", 120, 40)
		id := openZxf(t, h)
		h.typeText("TYPED-BEFORE-MERGE")
		into, _ := mergeElsewhere(t, path, id, func(string) bool { return true })
		h.send(watchMsg{})
		if !h.m.edit.active() || h.m.edit.line == nil || h.m.edit.line.ref.clientID != into {
			t.Fatalf("the note does not go on for the client kept")
		}
		if got := h.m.edit.line.Value(); got != "TYPED-BEFORE-MERGE" {
			t.Errorf("the note for the client kept reads %q", got)
		}
	})
}

// mergeElsewhere merges client id, as another vipbook would, into the
// first other client of the book whose name ok accepts; it returns the
// client kept and its name.
func mergeElsewhere(t *testing.T, path, id string, ok func(name string) bool) (into, intoName string) {
	t.Helper()
	cli, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer cli.Close()
	err = cli.Update(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		for _, s := range sums {
			if s.ID != id && ok(s.Name) {
				into, intoName = s.ID, s.DisplayName()
				break
			}
		}
		keep, err := tx.Client(into)
		if err != nil {
			return err
		}
		_, err = tx.MergeClients(keep, id)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return into, intoName
}
