package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// TestGoldenDoneNone: d on the follow-ups screen of a book where nothing
// was ticked off in the last 14 days (one was, 20 days ago) heads the
// list with that, not with how to reopen one, in both languages at both
// sizes.
func TestGoldenDoneNone(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.db")
	sb, err := store.Init(path, store.Meta{Associate: "Li"}, store.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	today := civil.Of(testNow())
	err = sb.Update(func(tx *store.Tx) error {
		p := &profile.Profile{Name: "Dana Mark", Phones: []profile.Phone{{Number: "13700001111"}}}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		for _, tk := range []tasks.Task{
			{ClientID: p.ID, Title: "Call about the fitting", Kind: tasks.CallBack, Due: today},
			{ClientID: p.ID, Title: "Thank for the visit", Kind: tasks.ThankYou, Due: today.AddDays(-21),
				Status: tasks.Done, DoneAt: testNow().AddDate(0, 0, -20)},
		} {
			if err := tx.AddTask(&tk); err != nil {
				return err
			}
		}
		return nil
	})
	sb.Close()
	if err != nil {
		t.Fatal(err)
	}
	book := openBook(t, path)
	for _, lang := range []string{"en", "zh"} {
		for _, sz := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", lang, sz[0], sz[1]), func(t *testing.T) {
				h := newHarness(t, book, lang, sz[0], sz[1])
				h.keys("3", "d", "G")
				v := h.view()
				for _, s := range []string{"press u", "按 u", "Thank for the visit"} {
					if strings.Contains(v, s) {
						t.Errorf("the empty list's screen shows %q:\n%s", s, v)
					}
				}
				h.checkFrame(sz[0], sz[1])
				golden.RequireEqual(t, v)
			})
		}
	}
}
