package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// Markers written only in the erased client's records; none may be left
// anywhere in the file's bytes after the erasure.
var goneMarkers = []string{
	"Zqxv-Latin-7781",       // latin name (profile, summary)
	"+86 138 0013 8000",     // phone as typed (profile)
	"8613800138000",         // phone normalised (summary, phone index)
	"MARK-note-a1f3",        // note text
	"MARK-purchase-b2e4",    // purchase items
	"MARK-draft-c3d5",       // draft text
	"MARK-form-d4c6",        // form draft fields
	"MARK-request-e5b7",     // request
	"MARK-appointment-f6a8", // appointment purpose
	"MARK-task-g7z9",        // task title
}

// eraseFixture fills a book with the client gone (every kind of record),
// keep (who introduced gone's friend and stays), and friend (introduced by
// gone); the referrer's thank-you names gone, and the top-spender rule
// state names gone.
func eraseFixture(t *testing.T, b *Book) (gone, keep, friend *profile.Profile) {
	t.Helper()
	gone = &profile.Profile{Name: "王小明", LatinName: "Zqxv-Latin-7781",
		Phones: []profile.Phone{{Number: "+86 138 0013 8000", Label: "mobile"}}}
	keep = &profile.Profile{Name: "单丽娜", LatinName: "KEEP-latin-0001", Phones: []profile.Phone{{Number: "13916882046"}}}
	friend = &profile.Profile{Name: "Anne Dubois"}
	err := b.Update(func(tx *Tx) error {
		for _, p := range []*profile.Profile{gone, keep} {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		gone.ReferredBy = keep.ID
		if err := tx.UpdateClient(gone); err != nil {
			return err
		}
		friend.ReferredBy = gone.ID
		friend.History = []profile.FieldChange{{Field: "referred_by", Old: "", New: gone.ID, At: testNow}}
		if err := tx.AddClient(friend); err != nil {
			return err
		}
		for i := 0; i < 30; i++ { // enough to fill several pages
			if err := tx.AddNote(&notes.Note{ClientID: gone.ID, Kind: notes.General, Text: "MARK-note-a1f3 prefers navy " + strings.Repeat("x", i*20)}); err != nil {
				return err
			}
			if err := tx.AddNote(&notes.Note{ClientID: keep.ID, Kind: notes.General, Text: "KEEP-note-0002"}); err != nil {
				return err
			}
		}
		if err := tx.AddPurchase(&profile.Purchase{ClientID: gone.ID, Date: civil.MustParse("2026-11-01"), Amount: 100, Currency: "CNY", Items: "MARK-purchase-b2e4"}); err != nil {
			return err
		}
		if err := tx.AddTask(&tasks.Task{ClientID: gone.ID, Title: "MARK-task-g7z9", Kind: tasks.CallBack, Due: civil.MustParse("2026-11-24"), Origin: "rhythm:" + gone.ID + ":2026-11-01:call"}); err != nil {
			return err
		}
		if err := tx.AddTask(&tasks.Task{ClientID: keep.ID, Title: "Thank 单丽娜 for introducing Zqxv-Latin-7781", Kind: tasks.ReferralThanks,
			Due: civil.MustParse("2026-11-24"), Origin: "referral:" + gone.ID + ":thank_referrer"}); err != nil {
			return err
		}
		if err := tx.AddTask(&tasks.Task{ClientID: keep.ID, Title: "KEEP-task-0003", Kind: tasks.CallBack, Due: civil.MustParse("2026-11-25")}); err != nil {
			return err
		}
		if err := tx.AddAppointment(&visits.Appointment{ClientID: gone.ID, Start: testNow.Add(2 * time.Hour), Duration: time.Hour, Purpose: "MARK-appointment-f6a8"}); err != nil {
			return err
		}
		if err := tx.AddRequest(&requests.Request{ClientID: gone.ID, What: "MARK-request-e5b7"}); err != nil {
			return err
		}
		if err := tx.SaveDraft(&Draft{Key: "note:" + gone.ID, ClientID: gone.ID, Text: "MARK-draft-c3d5"}); err != nil {
			return err
		}
		if err := tx.SaveDraft(&Draft{Key: "form:edit:" + gone.ID, Fields: json.RawMessage(`{"city":"MARK-form-d4c6"}`)}); err != nil {
			return err
		}
		if err := tx.SaveDraft(&Draft{Key: "note:" + keep.ID, ClientID: keep.ID, Text: "KEEP-draft-0004"}); err != nil {
			return err
		}
		if err := tx.SetRuleState("top_spender", []byte(`{"day":"2026-11-24","client_id":"`+gone.ID+`","amount":100}`)); err != nil {
			return err
		}
		return tx.SetRuleState("other_rule", []byte(`{"n":1}`))
	})
	if err != nil {
		t.Fatal(err)
	}
	return gone, keep, friend
}

func fileHas(t *testing.T, path, s string) bool {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(raw, []byte(s))
}

// TestEraseClientsLeavesNoByte: every marker of the erased client is in the
// file before and in no byte of it after; the other clients' data stays,
// references to the erased client are cleared, and the book stays open,
// locked and writable on the new file.
func TestEraseClientsLeavesNoByte(t *testing.T) {
	b, path := newBook(t)
	gone, keep, friend := eraseFixture(t, b)
	for _, m := range append(goneMarkers, gone.ID) {
		if !fileHas(t, path, m) {
			t.Fatalf("fixture: %q not in the file before the erasure", m)
		}
	}
	var rec *ClientRecords
	_ = b.View(func(tx *Tx) (err error) { rec, err = tx.ClientRecords(gone.ID); return err })
	if rec == nil || len(rec.Notes) != 30 || len(rec.Purchases) != 1 || len(rec.Tasks) != 1 || len(rec.Appointments) != 1 ||
		len(rec.Requests) != 1 || len(rec.Drafts) != 2 || len(rec.RuleState) != 1 || len(rec.Mentions) != 1 ||
		len(rec.Referred) != 1 || rec.Referred[0] != friend.ID {
		t.Fatalf("ClientRecords gathered %+v", rec)
	}
	n, err := b.EraseClients(gone.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := rec.Count(); n != want || want != 1+30+1+1+1+1+2+1+1 {
		t.Errorf("erased %d records, want %d", n, want)
	}
	for _, m := range append(goneMarkers, gone.ID) {
		if fileHas(t, path, m) {
			t.Errorf("%q still in the file's bytes after the erasure", m)
		}
	}
	for _, m := range []string{"KEEP-latin-0001", "KEEP-note-0002", "KEEP-task-0003", "KEEP-draft-0004", "other_rule"} {
		if !fileHas(t, path, m) {
			t.Errorf("%q of another client was lost", m)
		}
	}
	err = b.View(func(tx *Tx) error {
		if tx.HasClient(gone.ID) || len(tx.FindByPhone("13800138000")) != 0 {
			t.Error("client or phone index left")
		}
		f, err := tx.Client(friend.ID)
		if err != nil {
			return err
		}
		if f.ReferredBy != "" || len(f.History) != 0 {
			t.Errorf("friend still points at the erased client: %q %+v", f.ReferredBy, f.History)
		}
		if s, _ := tx.Summary(friend.ID); s.ReferredBy != "" {
			t.Error("friend's summary still points at the erased client")
		}
		if ts := tx.ClientTasks(keep.ID); len(ts) != 1 || ts[0].Title != "KEEP-task-0003" {
			t.Errorf("keep's tasks: %+v", ts)
		}
		if tx.HasOrigin("referral:" + gone.ID + ":thank_referrer") {
			t.Error("the origin naming the erased client is left")
		}
		if tx.RuleState("top_spender") != nil || tx.RuleState("other_rule") == nil {
			t.Error("rule state: the erased client's should go, the rest stay")
		}
		ds, _ := tx.Drafts()
		if len(ds) != 1 || ds[0].ClientID != keep.ID {
			t.Errorf("drafts left: %+v", ds)
		}
		if ns, _ := tx.Notes(keep.ID); len(ns) != 30 {
			t.Errorf("keep has %d notes, want 30", len(ns))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Still this vipbook's book: locked against another, and writable.
	if _, err := Open(path, Options{Timeout: 50 * time.Millisecond}); !errors.Is(err, ErrLocked) {
		t.Errorf("another open of the compacted book: %v, want ErrLocked", err)
	}
	if err := b.Update(func(tx *Tx) error {
		return tx.AddNote(&notes.Note{ClientID: keep.ID, Kind: notes.General, Text: "after"})
	}); err != nil {
		t.Fatalf("write after compaction: %v", err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("compacted book mode %v, %v; want 0600", st.Mode().Perm(), err)
	}
	entries, _ := os.ReadDir(path[:strings.LastIndex(path, "/")])
	if len(entries) != 1 {
		t.Errorf("files beside the book after compaction: %v", entries)
	}
	b2, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer b2.Close()
	_ = b2.View(func(tx *Tx) error {
		if ns, _ := tx.Notes(keep.ID); len(ns) != 31 {
			t.Errorf("after reopening keep has %d notes, want 31", len(ns))
		}
		return nil
	})
}

// TestEraseUnknownClient: an unknown id erases nothing and does not touch
// the file.
func TestEraseUnknownClient(t *testing.T) {
	b, path := newBook(t)
	eraseFixture(t, b)
	before, _ := os.ReadFile(path)
	if _, err := b.EraseClients("nosuch"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("erase of an unknown id: %v, want ErrNotFound", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("a failed erasure changed the file")
	}
}

// TestCompactInPlaceReadOnly: a read-only book is not compacted.
func TestCompactInPlaceReadOnly(t *testing.T) {
	b, path := newBook(t)
	b.Close()
	ro, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.CompactInPlace(); !errors.Is(err, ErrReadOnly) {
		t.Errorf("CompactInPlace on a read-only book: %v", err)
	}
}
