package i18n

import "testing"

// TestTaskNoteInTheLanguageInUse: the note a rule writes when it cancels a
// follow-up reads in the language of the session that shows it, whatever
// the language of the session that wrote it; the arguments it names (the
// new top spender, the amount) come through, and the associate's own lines
// stay as typed (issue 12 point 1).
func TestTaskNoteInTheLanguageInUse(t *testing.T) {
	enNote := "bring the peonies\n" + New("en").T(TaskCancelledOvertaken, "Anne Dubois", "65,552 CNY")
	zhNote := New("zh").T(TaskCancelledOvertaken, "王小明", "128,000 CNY") + "\n" + New("zh").T(TaskCancelledDNC)
	for _, tc := range []struct {
		lang, note, want string
	}{
		{"zh", enNote, "bring the peonies\n已取消：Anne Dubois现为本年度消费第一（65,552 CNY）"},
		{"en", enNote, enNote},
		{"en", zhNote, "cancelled: 王小明 is now the year's top spender (128,000 CNY)\n" + New("en").T(TaskCancelledDNC)},
		{"zh", "cancelled: a note of my own (not the rule's)", "cancelled: a note of my own (not the rule's)"},
	} {
		if got := New(tc.lang).TaskNote(tc.note); got != tc.want {
			t.Errorf("%s TaskNote(%q) = %q, want %q", tc.lang, tc.note, got, tc.want)
		}
	}
}

// TestUnformat reads arguments back from texts with %s at the start, the
// middle and the end, and refuses a line whose fixed text differs.
func TestUnformat(t *testing.T) {
	for _, tc := range []struct {
		tmpl, line string
		want       []string
	}{
		{"cancelled: %s is now first (%s)", "cancelled: Li (Jr.) is now first (1 CNY)", []string{"Li (Jr.)", "1 CNY"}},
		{"%s and %s", "a and b and c", []string{"a", "b and c"}},
		{"x %s", "x ", []string{""}},
		{"cancelled: %s is now first (%s)", "cancelled: Li is first (1 CNY)", nil},
		{"no verbs", "no verbs", nil},
	} {
		got, ok := unformat(tc.tmpl, tc.line)
		if ok != (tc.want != nil) || len(got) != len(tc.want) {
			t.Errorf("unformat(%q, %q) = %v, %v; want %v", tc.tmpl, tc.line, got, ok, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("unformat(%q, %q)[%d] = %q, want %q", tc.tmpl, tc.line, i, got[i], tc.want[i])
			}
		}
	}
}
