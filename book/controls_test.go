package book

import (
	"errors"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
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
