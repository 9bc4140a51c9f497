package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/visits"
)

// fillToLimit writes notes (on the client other) and drafts, big then
// small, into the book at path opened with the size limit, until even a
// one-byte one of each does not fit, a few times over.
func fillToLimit(t *testing.T, path, other string, limit int) {
	t.Helper()
	b, err := store.Open(path, store.Options{Now: goldenNow, MaxSize: limit})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	n := 0
	day := civil.Of(goldenNow())
	writes := []func(tx *store.Tx, text string) error{
		func(tx *store.Tx, text string) error {
			return tx.AddNote(&notes.Note{ClientID: other, Kind: notes.General, Text: text})
		},
		func(tx *store.Tx, text string) error {
			return tx.SaveDraft(&store.Draft{Key: fmt.Sprintf("filler:%06d", n), Text: text})
		},
		func(tx *store.Tx, text string) error {
			return tx.AddClient(&profile.Profile{Name: "Filler " + text[:min(len(text), 8)], Phones: []profile.Phone{{Number: fmt.Sprintf("+86 136 %08d", n)}}})
		},
		func(tx *store.Tx, text string) error {
			return tx.AddPurchase(&profile.Purchase{ClientID: other, Date: day, Amount: 100, Currency: "CNY", Items: text})
		},
		func(tx *store.Tx, text string) error {
			return tx.AddAppointment(&visits.Appointment{ClientID: other, Start: goldenNow().Add(time.Duration(n) * time.Hour), Duration: time.Hour, Purpose: text, Status: "booked"})
		},
		func(tx *store.Tx, text string) error {
			return tx.AddRequest(&requests.Request{ClientID: other, What: text, Opened: day, Status: requests.Status("open")})
		},
	}
	for round := 0; round < 3; round++ {
		for _, size := range []int{16 << 10, 1 << 10, 64, 1} {
			for _, write := range writes {
				fails := 0
				for fails < 3 {
					if n++; n > 100000 {
						t.Fatal("the book never filled up")
					}
					text := strings.Repeat("x", size)
					err := b.Update(func(tx *store.Tx) error { return write(tx, text) })
					if errors.Is(err, store.ErrFull) {
						fails++
					} else if err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
}

// TestPoint7SuccessAfterCommit: on a full disk, note, add, edit, buy,
// visit and request print nothing on stdout (no "Noted on ..."), fail
// saying nothing was saved, and leave nothing of theirs in the book.
func TestPoint7SuccessAfterCommit(t *testing.T) {
	book := smallBook(t)
	st, err := os.Stat(book)
	if err != nil {
		t.Fatal(err)
	}
	limit := int(st.Size()) + 256<<10
	fillToLimit(t, book, idByPhone(t, book, "+33612345678"), limit)
	for _, args := range [][]string{
		{"note", "13800138000", "FULLDISK-note"},
		{"add", "FULLDISK Add", "--phone", "13700009999"},
		{"edit", "13800138000", "--set", "city=FULLDISK-city"},
		{"buy", "13800138000", "18400", "--items", "FULLDISK-items"},
		{"visit", "13800138000", "--at", "2026-11-25 15:00", "--purpose", "FULLDISK-visit"},
		{"request", "13800138000", "FULLDISK-request"},
	} {
		var out, errOut bytes.Buffer
		a := &App{Now: goldenNow, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, MaxSize: limit}
		root := NewRoot(a)
		root.SetArgs(append([]string{"--book", book, "--lang", "en"}, args...))
		root.SetOut(&out)
		root.SetErr(&errOut)
		err := root.ExecuteContext(context.Background())
		if err == nil {
			t.Errorf("%s on a full disk succeeded: %s", args[0], out.String())
			continue
		}
		if out.Len() != 0 {
			t.Errorf("%s on a full disk printed %q on stdout before failing (%v)", args[0], out.String(), err)
		}
		if msg := err.Error() + errOut.String(); !strings.Contains(msg, "nothing was saved") && !strings.Contains(msg, "Not saved") {
			t.Errorf("%s on a full disk says %q: want that nothing was saved", args[0], msg)
		}
	}
	raw, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte("FULLDISK")) {
		t.Error("a refused write left its data in the book")
	}
}
