package tui

import (
	"os"
	"strings"
	"syscall"
	"testing"

	vb "github.com/vipbook/vipbook/book"
)

// TestPoint13ListNeverStaysLoading: the app holds its book per transaction
// (the CLI writes beside it), so its first read can find the book held by
// another vipbook (a long import) and give up after a second. The client
// list and the briefing then say why instead of "Loading…" for good, the
// app reads again by itself, and once the other vipbook has let go the
// list and the briefing show.
func TestPoint13ListNeverStaysLoading(t *testing.T) {
	path := demoBookPath(t)
	book, err := vb.Open(path, vb.Options{Now: testNow, Shared: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { book.Close() })

	// Another vipbook writing for long: bbolt's exclusive lock on the file.
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, book, "en", 120, 40)
	if v := h.view(); strings.Contains(v, "Loading") || !strings.Contains(v, "reading it again in a moment") {
		t.Fatalf("the briefing after a first read that found the book held:\n%s", v)
	}
	h.keys("/")
	if v := h.view(); strings.Contains(v, "Loading") || !strings.Contains(v, "Another vipbook is writing to the book") {
		t.Fatalf("the client list after a first read that found the book held:\n%s", v)
	}
	h.keys("esc")

	// Still held at the first retry: it says so again and tries later.
	h.send(retryReadMsg{})
	if v := h.view(); !strings.Contains(v, "reading it again in a moment") {
		t.Fatalf("after a retry on a book still held:\n%s", v)
	}

	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_UN); err != nil {
		t.Fatal(err)
	}
	h.send(retryReadMsg{})
	if v := h.view(); !strings.Contains(v, "300 of 300 clients") {
		t.Fatalf("the client list once the book was let go:\n%s", v)
	}
	h.keys("1")
	if v := h.view(); !strings.Contains(v, "Briefing for Tuesday 24 November 2026") {
		t.Fatalf("the briefing once the book was let go:\n%s", v)
	}
	h.keys("/")
	h.typeText("zxf")
	if v := h.view(); !strings.Contains(v, "1 of 300 clients") || !strings.Contains(v, "曾小凡") {
		t.Fatalf("a search once the book was let go:\n%s", v)
	}
}
