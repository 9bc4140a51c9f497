package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestPoint4EraseErrorsSpeakChinese: every refusal of erase, purge and a
// release is said in Chinese under --lang zh (a client no one matches, a
// confirmation not typed, no --yes, a book held by another vipbook, a
// read-only file), and an erasure whose compaction
// failed (store.ErrNotCompacted: the erasure is committed) says so in
// Chinese too, not the store's English.
func TestPoint4EraseErrorsSpeakChinese(t *testing.T) {
	book, id, _ := privacyBook(t)
	archive := func(book, id string) {
		inBook(t, book, func(tx *store.Tx) error {
			return tx.UpdateClientWith(id, func(p *profile.Profile) error {
				p.HandedOver = &profile.Handover{To: "王芳", At: goldenNow(), Released: true}
				return nil
			})
		})
	}
	archive(book, id)
	syntax, typed, data := syntaxWords(), typedWords(), dataWords(t, book)
	syntax["chmod"] = true // the command the read-only refusal names
	// A damage mark's finding is quoted as check found it (the mark below
	// says "test").
	data["test"] = true
	zh := func(t *testing.T, what, msg string, said ...string) {
		t.Helper()
		if !strings.ContainsFunc(msg, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
			t.Errorf("%s: not said in Chinese: %s", what, msg)
		}
		allowed := map[string]bool{}
		for _, a := range said {
			for _, w := range latinWord.FindAllString(a, -1) {
				allowed[w] = true
			}
		}
		for _, w := range english(msg, syntax, typed, data, allowed) {
			t.Errorf("%s: English %q in %s", what, w, msg)
		}
	}
	refusedAfter := func(t *testing.T, wait time.Duration, book string, args ...string) {
		t.Helper()
		_, errOut, err := speakWaiting(book, "zh", wait, args...)
		if err == nil {
			t.Errorf("%v: no refusal", args)
			return
		}
		zh(t, fmt.Sprint(args), err.Error()+errOut, append(args, book)...)
	}
	refused := func(t *testing.T, book string, args ...string) {
		t.Helper()
		refusedAfter(t, 0, book, args...)
	}
	t.Run("plain", func(t *testing.T) {
		refused(t, book, "erase", "nobody")
		refused(t, book, "erase", id) // no confirmation typed
		refused(t, book, "handover", "export", "--release", "--to", "x", "-o", book+".vhb", "nobody")
	})
	t.Run("purge without --yes", func(t *testing.T) {
		refused(t, book, "purge")
	})
	t.Run("held", func(t *testing.T) {
		held, err := store.Open(book, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer held.Close()
		// Held for good: each waits (2 s here, store.AppWait for a user)
		// and then is refused.
		start := time.Now()
		refusedAfter(t, 2*time.Second, book, "erase", id, "--yes")
		refusedAfter(t, 2*time.Second, book, "purge", "--yes")
		if took := time.Since(start); took < 3*time.Second { // 2 s each, less the timer's slack
			t.Errorf("erase and purge were refused after %v: they did not wait for the holder", took)
		}
	})
	t.Run("read-only file", func(t *testing.T) {
		b, bid, _ := privacyBook(t)
		archive(b, bid)
		if err := os.Chmod(b, 0o400); err != nil {
			t.Fatal(err)
		}
		refused(t, b, "erase", bid, "--yes")
		refused(t, b, "purge", "--yes")
	})
	t.Run("known damaged", func(t *testing.T) {
		b, bid, _ := privacyBook(t)
		archive(b, bid)
		if err := os.WriteFile(store.MarkPath(b), []byte(`{"what":"test"}`), 0o600); err != nil {
			t.Fatal(err)
		}
		// An erasure is owed to the client whatever the book's state and
		// only deletes: it goes in when bbolt's check of the pages passes
		// (the damage is inside records), and the mark stays until check
		// finds the book sound. Other writes stay refused.
		refused(t, b, "note", bid, "refused")
		if _, _, err := runErr(b, "erase", bid, "--yes"); err != nil {
			t.Errorf("erase in a book marked damaged whose pages are sound: %v", err)
		}
		if _, ok := store.KnownDamaged(b); !ok {
			t.Error("the erasure took the damage mark away")
		}
	})
	t.Run("not compacted", func(t *testing.T) {
		// What store.FinishErase returns when the copy could not be written.
		err := fmt.Errorf("%w: %w", store.ErrNotCompacted, errors.New("cannot write the compacted book in /x: no space left on device"))
		if compacted, rest := erasedYet(err); compacted || rest != nil {
			t.Errorf("erasedYet(not compacted) = %v, %v: the erasure is committed, the command ends well", compacted, rest)
		}
		if compacted, rest := erasedYet(nil); !compacted || rest != nil {
			t.Errorf("erasedYet(nil) = %v, %v", compacted, rest)
		}
		var out bytes.Buffer
		a := &App{Lang: "zh", Stdout: &out}
		zh(t, "said", a.said(err).Error())
		if !strings.Contains(a.said(err).Error(), say("zh", i18n.HoNotCompacted)) {
			t.Errorf("said: %s", a.said(err))
		}
	})
}
