package cli

import (
	"strings"
	"testing"
)

// Issue 12, point 8: every date flag reads the dates people type. Today
// is Tuesday 2026-11-24 (goldenNow).
func TestPoint8DateFlags(t *testing.T) {
	book := smallBook(t)
	tests := []struct {
		args []string
		says string
	}{
		{[]string{"task", "add", "王小明", "call", "--due", "下周五"}, "due 2026-12-04"},
		{[]string{"task", "add", "王小明", "call", "--due", "next friday"}, "due 2026-12-04"},
		{[]string{"task", "add", "王小明", "call", "--due", "明天"}, "due 2026-11-25"},
		{[]string{"task", "add", "王小明", "call", "--due", "后天"}, "due 2026-11-26"},
		{[]string{"task", "add", "王小明", "call", "--due", "+2w"}, "due 2026-12-08"},
		{[]string{"task", "add", "王小明", "call", "--due", "3d"}, "due 2026-11-27"},
		{[]string{"task", "add", "王小明", "call", "--due", "friday"}, "due 2026-11-27"},
		{[]string{"task", "add", "王小明", "call", "--due", "腊月廿三"}, "due 2027-01-30"},
	}
	for _, tt := range tests {
		if out := run(t, book, tt.args...); !strings.Contains(out, tt.says) {
			t.Errorf("vipbook %v: %q, want %q", tt.args, out, tt.says)
		}
	}
	out := run(t, book, "task", "add", "王小明", "call", "--due", "tomorrow")
	id := strings.Fields(out)[1]
	if out := run(t, book, "task", "snooze", id, "--until", "下周五"); !strings.Contains(out, "until 2026-12-04") {
		t.Errorf("snooze --until 下周五: %q", out)
	}
	// A purchase's day is in the past: friday is last Friday.
	if out := run(t, book, "buy", "王小明", "1280", "--date", "friday"); !strings.Contains(out, "2026-11-20") {
		t.Errorf("buy --date friday: %q", out)
	}
	// A lunar birthday written in Chinese is a lunar birthday.
	run(t, book, "add", "李华", "--phone", "13900139000", "--birthday", "农历八月十五")
	if show := run(t, book, "show", "李华", "--json"); !strings.Contains(show, `"lunar": true`) {
		t.Errorf("--birthday 农历八月十五 is not lunar:\n%s", show)
	}
	run(t, book, "edit", "李华", "--set", "birthday=闰四月初一")
	if show := run(t, book, "show", "李华", "--json"); !strings.Contains(show, `"leap_month": true`) {
		t.Errorf("--set birthday=闰四月初一 is not a leap-month birthday:\n%s", show)
	}

	// A visit's --at: a day as above, then a time.
	for _, tt := range []struct{ at, want string }{
		{"明天 15:00", "2026-11-25 15:00"},
		{"下周五下午3点", "2026-12-04 15:00"},
		{"next friday 3pm", "2026-12-04 15:00"},
		{"2026-11-30 10:30", "2026-11-30 10:30"},
	} {
		if out := run(t, book, "visit", "王小明", "--at", tt.at); !strings.Contains(out, "on "+tt.want) {
			t.Errorf("visit --at %s: %q, want %s", tt.at, out, tt.want)
		}
	}
	if _, _, err := runErr(book, "visit", "王小明", "--at", "tomorrow"); err == nil || !strings.Contains(err.Error(), "tomorrow 15:00") {
		t.Errorf("visit --at tomorrow (no time): %v", err)
	}

	// Refusals say what was typed and what is read, in the user's language.
	_, _, err := runErr(book, "task", "add", "王小明", "call", "--due", "soon")
	if err == nil || !strings.Contains(err.Error(), `"soon"`) || !strings.Contains(err.Error(), "next friday") {
		t.Errorf("--due soon: %v", err)
	}
	_, _, err = runLang(book, "zh", "", "task", "add", "王小明", "call", "--due", "2026-02-30")
	if err == nil || !strings.Contains(err.Error(), "没有这一天") {
		t.Errorf("--due 2026-02-30 in Chinese: %v", err)
	}
	_, _, err = runErr(book, "add", "赵六", "--phone", "13700137000", "--birthday", "9999-12-31")
	if err == nil || !strings.Contains(err.Error(), "1900 to 2100") {
		t.Errorf("--birthday 9999-12-31: %v", err)
	}
}
