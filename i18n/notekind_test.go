package i18n

import (
	"testing"

	"github.com/vipbook/vipbook/notes"
)

func TestParseNoteKind(t *testing.T) {
	for _, c := range []struct {
		in   string
		kind notes.Kind
		text string
	}{
		{"complaint: the heel came loose", notes.Complaint, "the heel came loose"},
		{"Complaint:the heel came loose", notes.Complaint, "the heel came loose"},
		{"投诉：鞋跟松了", notes.Complaint, "鞋跟松了"},
		{"尺码: 38", notes.Size, "38"},
		{"special request: a navy 38", notes.SpecialRequest, "a navy 38"},
		{"special_request: a navy 38", notes.SpecialRequest, "a navy 38"},
		{"prefers navy", notes.General, "prefers navy"},
		{"  note at 3: prefers navy ", notes.General, "note at 3: prefers navy"},
		{": nothing before", notes.General, ": nothing before"},
		{"complaint:", notes.Complaint, ""},
	} {
		k, text := ParseNoteKind(c.in)
		if k != c.kind || text != c.text {
			t.Errorf("ParseNoteKind(%q) = %s %q, want %s %q", c.in, k, text, c.kind, c.text)
		}
	}
}
