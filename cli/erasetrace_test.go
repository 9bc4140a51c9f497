package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tui/typing"
)

// TestPoint3EraseLeavesNoTrace (the drafts part): the app's fallback
// drafts of an erased client, in $XDG_STATE_HOME/vipbook, go with the
// erasure; another client's stay.
func TestPoint3EraseLeavesNoTrace(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	book, id, other := privacyBook(t)
	abs, err := filepath.Abs(book)
	if err != nil {
		t.Fatal(err)
	}
	dir := typing.DefaultStateDir()
	_, err = typing.WriteFallback(dir, abs, []store.Draft{
		{Key: "note:" + id, ClientID: id, Text: "MARK-fallback-gone"},
		{Key: "note:" + other, ClientID: other, Text: "OTHER-fallback-kept"},
	}, goldenNow())
	if err != nil {
		t.Fatal(err)
	}
	onlyGone, err := typing.WriteFallback(dir, abs, []store.Draft{{Key: "form:" + id, ClientID: id, Text: "MARK-fallback-form"}}, goldenNow())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := runIn(book, "", "erase", "Mq Erase", "--yes"); err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	_ = filepath.WalkDir(state, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			raw, _ := os.ReadFile(p)
			all.Write(raw)
		}
		return nil
	})
	if strings.Contains(all.String(), "MARK-fallback") {
		t.Errorf("the erased client's drafts are still in the state directory:\n%s", all.String())
	}
	if !strings.Contains(all.String(), "OTHER-fallback-kept") {
		t.Error("the other client's draft went with the erasure")
	}
	if store.Exists(onlyGone) {
		t.Error("a fallback file left with no draft was not removed")
	}
}
