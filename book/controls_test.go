package book

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// TestPoint1TypedControlsRefused (issue 14 point 1): a name, a phone's
// label, a like typed with a control character (ESC, a bidi override, a
// line break in a one-line field) are refused with ErrControlChar, which
// shows the text with its controls visible; a note keeps its line breaks
// and tabs but refuses ESC; nothing is written by a refused change.
func TestPoint1TypedControlsRefused(t *testing.T) {
	b, _ := newBook(t, "2026-03-01", Options{})
	isControl := func(err error, visible string) bool {
		var e *Error
		return errors.As(err, &e) && e.Key == i18n.ErrControlChar && len(e.Args) == 1 && strings.Contains(e.Args[0].(string), visible)
	}
	err := b.AddClient(&profile.Profile{Name: "Title\x1b]0;PWNED\x07", Phones: []profile.Phone{{Number: "13800138000"}}})
	if !isControl(err, "Title␛]0;PWNED␇") {
		t.Errorf("a name with ESC: %v", err)
	}
	if !strings.Contains(i18n.New("zh").T(i18n.ErrControlChar, "x␛"), "含控制字符") {
		t.Error("the message in Chinese")
	}
	p := profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "13800138000", Label: "mobile"}}}
	if err := b.AddClient(&p); err != nil {
		t.Fatal(err)
	}
	if _, err := b.UpdateClient(p.ID, func(q *profile.Profile) error { q.City = "上海\n北京"; return nil }); !isControl(err, "上海␊北京") {
		t.Errorf("a city with a line break: %v", err)
	}
	if _, err := b.AddPreference(p.ID, profile.Preference{Kind: profile.PrefColour, Value: "navy\u202e"}); !isControl(err, `navy\u202e`) {
		t.Errorf("a like with a bidi override: %v", err)
	}
	if err := b.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Kind("general"), Text: "clear \x1b[2J"}); !isControl(err, "clear ␛[2J") {
		t.Errorf("a note with ESC: %v", err)
	}
	if err := b.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Kind("general"), Text: "two\nlines\tand a tab"}); err != nil {
		t.Errorf("a note with a line break and a tab: %v", err)
	}
}

// TestPoint1TypedRecordControlsRefused (issue 14, left from point 1):
// every other typed text the book takes is refused as a profile field is
// when it holds a control character: a follow-up's title, step and note,
// a purchase's items and store, a visit's purpose, a request's text and
// note (and the note of its update), a family member's name, a date's
// label and a gift's text. A note keeps its line breaks and tabs. Nothing
// refused is written.
func TestPoint1TypedRecordControlsRefused(t *testing.T) {
	b, _ := newBook(t, "2026-03-01", Options{})
	p := client(t, b, "王小明", "13800138000")
	day := civil.MustParse("2026-03-05")
	isControl := func(err error, visible string) bool {
		var e *Error
		return errors.As(err, &e) && e.Key == i18n.ErrControlChar && len(e.Args) == 1 && strings.Contains(e.Args[0].(string), visible)
	}
	bad := "Call\x1b]52;c;cHduZWQ=\x07 back"
	const seen = "Call␛]52;c;cHduZWQ=␇ back"
	for _, c := range []struct {
		what string
		err  error
	}{
		{"task title", b.AddTask(&tasks.Task{ClientID: p.ID, Title: bad, Kind: tasks.Custom, Due: day})},
		{"task title with a line break", b.AddTask(&tasks.Task{ClientID: p.ID, Title: "Call␛]52;c;cHduZWQ=␇ back" + "\n", Kind: tasks.Custom, Due: day})},
		{"task step", b.AddTask(&tasks.Task{ClientID: p.ID, Title: "ok", Kind: tasks.Custom, Due: day, Checklist: []tasks.CheckItem{{Text: bad}}})},
		{"task note", b.AddTask(&tasks.Task{ClientID: p.ID, Title: "ok", Kind: tasks.Custom, Due: day, Note: "two\nlines " + bad})},
		{"purchase items", b.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: day, Amount: 100, Currency: "CNY", Items: bad})},
		{"purchase store", b.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: day, Amount: 100, Currency: "CNY", Items: "scarf", Store: bad})},
		{"visit purpose", b.AddVisit(&visits.Appointment{ClientID: p.ID, Start: time.Date(2026, 3, 5, 10, 0, 0, 0, time.UTC), Duration: time.Hour, Purpose: bad})},
		{"request text", b.AddRequest(&requests.Request{ClientID: p.ID, What: bad, Opened: day, Status: requests.Open})},
		{"request note", b.AddRequest(&requests.Request{ClientID: p.ID, What: "bag", Opened: day, Status: requests.Open, Note: bad})},
	} {
		if !isControl(c.err, seen) {
			t.Errorf("%s: %v", c.what, c.err)
		}
	}
	_, err := b.AddFamily(p.ID, profile.Member{Name: bad, Relation: "spouse"})
	if !isControl(err, seen) {
		t.Errorf("family name: %v", err)
	}
	_, err = b.AddDate(p.ID, profile.ImportantDate{Kind: profile.DateCustom, Label: bad, When: civil.MonthDay{Month: 5, Day: 1}})
	if !isControl(err, seen) {
		t.Errorf("date label: %v", err)
	}
	_, _, err = b.LogGift(p.ID, profile.Gift{What: bad})
	if !isControl(err, seen) {
		t.Errorf("gift: %v", err)
	}
	// Nothing refused was written.
	err = b.View(func(tx *store.Tx) error {
		for _, tk := range tx.ClientTasks(p.ID) {
			if tk.Kind == tasks.Custom {
				t.Errorf("a refused task was written: %+v", tk)
			}
		}
		if ps, _ := tx.Purchases(p.ID); len(ps) > 0 {
			t.Errorf("a refused purchase was written: %+v", ps)
		}
		if n := len(tx.ClientAppointments(p.ID)) + len(tx.ClientRequests(p.ID)); n > 0 {
			t.Errorf("%d refused visits or requests written", n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// A note keeps its line breaks and tabs; the update of a request
	// refuses ESC in its note as well.
	r := &requests.Request{ClientID: p.ID, What: "Kelly 25 in gold", Opened: day, Status: requests.Open, Note: "asked twice\n\tby phone"}
	if err := b.AddRequest(r); err != nil {
		t.Fatalf("a request with a two-line note: %v", err)
	}
	if _, err := b.UpdateRequest(r.ID, requests.Sourcing, "found\x1b[2J"); !isControl(err, "found␛[2J") {
		t.Errorf("a request's update note: %v", err)
	}
	if err := b.AddTask(&tasks.Task{ClientID: p.ID, Title: "Call back", Kind: tasks.Custom, Due: day, Note: "two\nlines\tok"}); err != nil {
		t.Errorf("a task with a two-line note: %v", err)
	}
}
