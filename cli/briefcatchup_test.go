package cli

import (
	"testing"
	"time"

	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/store"
)

// TestBriefCatchesUpOnceADay: `brief` makes the work of the days passed
// (book.CatchUp) before the first briefing of a day, and only then opens
// the book for writing; a briefing of another day (--date) writes nothing;
// later briefings of the day read a caught-up book and print the same.
func TestBriefCatchesUpOnceADay(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := demoBook(t)
	later := goldenNow().AddDate(0, 2, 0) // invitations of the demo's clients have passed since
	caught := func() bool {
		t.Helper()
		b, err := store.Open(path, store.Options{ReadOnly: true, Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		return book.CaughtUp(b, civil.Of(later))
	}
	open := func() int {
		t.Helper()
		b, err := store.Open(path, store.Options{ReadOnly: true, Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		n := 0
		if err := b.View(func(tx *store.Tx) error {
			n = len(tx.OpenTaskRefsDueBy(civil.Of(later).AddDays(400)))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := open()
	if _, errOut, err := runAt(path, later, "brief", "--date", civil.Of(later).String()); err != nil {
		t.Fatalf("brief --date: %v\n%s", err, errOut)
	}
	if caught() || open() != before {
		t.Fatalf("a briefing of a given day caught up (%v) or made tasks (%d, was %d)", caught(), open(), before)
	}
	first, errOut, err := runAt(path, later, "brief")
	if err != nil {
		t.Fatalf("brief: %v\n%s", err, errOut)
	}
	if !caught() {
		t.Fatal("the first briefing of the day did not catch up")
	}
	made := open()
	if made <= before {
		t.Errorf("catching up two months made no invitation: %d open tasks, %d before", made, before)
	}
	second, _, err := runAt(path, later, "brief")
	if err != nil {
		t.Fatal(err)
	}
	if second != first || open() != made {
		t.Errorf("the second briefing of the day differs from the first, or made tasks (%d, %d after the first)", open(), made)
	}
}
