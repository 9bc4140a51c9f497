package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// TestPoint3EveryFileAfterErase: after erase, no file vipbook wrote for
// the book holds the erased client's name, latin name or phone, save the
// copies erase names (the backups, kept until they rotate away): the book,
// the backups directory, the app's fallback drafts and its state, the
// temporary copies of a killed compaction or backup. A follow-up of the
// client they introduced no longer names them.
func TestPoint3EveryFileAfterErase(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	book, id, _ := privacyBook(t)
	leaveTraces(t, book, id)

	out, err := runIn(book, "", "erase", "Mq Erase", "--yes")
	if err != nil {
		t.Fatalf("erase: %v\n%s", err, out)
	}
	marks := []string{"Mq Erase", "MARK-latin", "13900001111", "MARK-note", "MARK-fallback", "MARK-message", id}
	noMarksLeft(t, "erase", out, marks, filepath.Dir(book), state)
	tl := run(t, book, "task", "list", "--all")
	if strings.Contains(tl, "Mq Erase") || !strings.Contains(tl, "introduced by a client since erased") {
		t.Errorf("the follow-ups after erase:\n%s", tl)
	}
}

// noMarksLeft fails the test for each file under roots that holds one of
// marks and that what (erase, the handover) did not name in said (the
// backups it keeps until they rotate away).
func noMarksLeft(t *testing.T, what, said string, marks []string, roots ...string) {
	t.Helper()
	for _, root := range roots {
		_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			raw, _ := os.ReadFile(p)
			for _, m := range marks {
				if bytes.Contains(raw, []byte(m)) && !strings.Contains(said, p) {
					t.Errorf("%s holds %q after %s, which does not name it", p, m, what)
				}
			}
			return nil
		})
	}
}

// leaveTraces leaves beside the book every trace of client id (named Mq
// Erase) that erase and a release must take away: a follow-up of the
// client they introduced that names them, a backup, the app's fallback
// draft and its copy of the last message sent to them, and what a vipbook
// killed during a compaction and a backup leaves (temporary copies an
// hour old).
func leaveTraces(t *testing.T, book, id string) {
	t.Helper()
	run(t, book, "add", "New Friend", "--phone", "13800002222", "--referred-by", "Mq Erase")
	if tl := run(t, book, "task", "list", "--all"); !strings.Contains(tl, "introduced by Mq Erase") {
		t.Fatalf("fixture: no follow-up names the referrer:\n%s", tl)
	}
	run(t, book, "backup")
	abs, err := filepath.Abs(book)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := typing.WriteFallback(typing.DefaultStateDir(), abs, []store.Draft{{Key: "note:" + id, ClientID: id, Text: "Mq Erase MARK-fallback"}}, goldenNow()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(typing.DefaultStateDir(), typing.LastMessageFile), []byte("Dear Mq Erase, MARK-message\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(book)
	raw, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	for _, f := range []string{filepath.Join(dir, ".book.db.compact-1"), filepath.Join(dir, "backups", ".book-20261124-0900.db.tmp-2")} {
		if err := os.WriteFile(f, raw, 0o600); err != nil {
			t.Fatal(err)
		}
		os.Chtimes(f, old, old)
	}
}
