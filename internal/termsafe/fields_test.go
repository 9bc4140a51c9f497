package termsafe

import "testing"

// TestFields shows the control characters of every string of a nested
// value (a struct, its slices, pointers), names each field by its JSON
// name, and counts the strings changed.
func TestFields(t *testing.T) {
	type inner struct {
		Label string `json:"label"`
	}
	type outer struct {
		Name   string  `json:"name"`
		Parts  []inner `json:"parts"`
		Ptr    *inner
		Note   string `json:"note,omitempty"`
		hidden string
	}
	v := outer{Name: "a\x1b]0;x\x07", Parts: []inner{{"ok"}, {"b\u202e"}}, Ptr: &inner{"c\u009b"}, Note: "fine\nline", hidden: "\x1b"}
	var fields []string
	n := Fields(&v, func(field, s string) string {
		if t := Line(s); t != s {
			fields = append(fields, field)
			return t
		}
		return s
	})
	if n != 4 || v.Name != "a␛]0;x␇" || v.Parts[1].Label != `b\u202e` || v.Ptr.Label != `c\u009b` || v.Note != "fine␊line" || v.hidden != "\x1b" {
		t.Errorf("%d changed: %+v %+v", n, v, *v.Ptr)
	}
	if want := "name label label note"; join(fields) != want {
		t.Errorf("fields %q, want %q", join(fields), want)
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}
