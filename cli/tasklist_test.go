package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// taskListBook is a book of two clients with manual follow-ups due two
// days ago, yesterday, today (2026-11-24), in 3 days, in 7 days, in 8
// days and in 30 days, and one snoozed from overdue to in 4 days.
func taskListBook(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "王小明", "--phone", "+86 138 0013 8000")
	run(t, book, "add", "Anne Dubois", "--phone", "+33 6 12 34 56 78")
	for _, tk := range [][2]string{
		{"2026-11-22", "call about the cashmere coat"},
		{"2026-11-23", "send the lookbook"},
		{"2026-11-24", "confirm the fitting"},
		{"2026-11-27", "thank for the visit"},
		{"2026-12-01", "ask about the alteration"},
		{"2026-12-02", "invite to the preview"},
		{"2026-12-24", "Christmas greeting"},
	} {
		run(t, book, "task", "add", "王小明", tk[1], "--due", tk[0])
	}
	out := run(t, book, "task", "add", "Anne Dubois", "return the umbrella", "--due", "2026-11-20")
	id := strings.Fields(out)[1]
	run(t, book, "task", "snooze", id, "--until", "2026-11-28")
	return book
}

// TestTaskListAgenda: `task list` shows the overdue follow-ups, today's
// and the next 7 days', earliest first, each under a heading with its
// count, then counts the later ones and says how to list them; --days
// says how far ahead; --json lists every open one unless --days is given.
func TestTaskListAgenda(t *testing.T) {
	book := taskListBook(t)
	out := run(t, book, "task", "list")
	order := []string{
		"Overdue: 2", "call about the cashmere coat", "send the lookbook",
		"Due today: 1", "confirm the fitting",
		"Due in the next 7 days: 3", "thank for the visit", "return the umbrella", "ask about the alteration",
		"2 more due later, the last on 2026-12-24;\nvipbook task list --days 30 lists them",
	}
	at := 0
	for _, want := range order {
		i := strings.Index(out[at:], want)
		if i < 0 {
			t.Fatalf("task list lacks %q after byte %d:\n%s", want, at, out)
		}
		at += i + len(want)
	}
	for _, not := range []string{"invite to the preview", "Christmas greeting"} {
		if strings.Contains(out, not) {
			t.Errorf("task list shows %q, due after the next 7 days:\n%s", not, out)
		}
	}
	if !strings.Contains(out, "snoozed") || !strings.Contains(out, "(2d overdue)") || !strings.Contains(out, "(today)") {
		t.Errorf("task list lost the status, the days overdue or today's mark:\n%s", out)
	}

	near := run(t, book, "task", "list", "--days", "0")
	if strings.Contains(near, "Due in the next") || strings.Contains(near, "thank for the visit") ||
		!strings.Contains(near, "5 more due later, the last on 2026-12-24") {
		t.Errorf("task list --days 0:\n%s", near)
	}
	every := run(t, book, "task", "list", "--days", "30")
	if !strings.Contains(every, "Due in the next 30 days: 5") || !strings.Contains(every, "Christmas greeting") || strings.Contains(every, "more due later") {
		t.Errorf("task list --days 30:\n%s", every)
	}
	one := run(t, book, "task", "list", "--days", "1")
	if strings.Contains(one, "Due in the next") {
		t.Errorf("task list --days 1 heads an empty section:\n%s", one)
	}

	var rows []TaskRow
	if err := json.Unmarshal([]byte(run(t, book, "task", "list", "--json")), &rows); err != nil || len(rows) != 8 {
		t.Fatalf("task list --json: %d rows, %v", len(rows), err)
	}
	for i := 1; i < len(rows); i++ {
		if rows[i].DueOn().Before(rows[i-1].DueOn()) {
			t.Errorf("task list --json out of order at %d: %s before %s", i, rows[i-1].DueOn(), rows[i].DueOn())
		}
	}
	if rows[0].ClientName != "王小明" {
		t.Errorf("task list --json names %q", rows[0].ClientName)
	}
	if err := json.Unmarshal([]byte(run(t, book, "task", "list", "--json", "--days", "0")), &rows); err != nil || len(rows) != 3 {
		t.Errorf("task list --json --days 0: %d rows, %v", len(rows), err)
	}

	if _, errOut, err := runErr(book, "task", "list", "--days", "-1"); err == nil || !strings.Contains(err.Error()+errOut, "--days -1") {
		t.Errorf("task list --days -1 was not refused: %v %s", err, errOut)
	}

	zh, _, err := runErr(book, "--lang", "zh", "task", "list")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"逾期：2", "今天到期：1", "未来 7 天内到期：3", "之后还有 2 项跟进到期，最晚在 2026-12-24"} {
		if !strings.Contains(zh, want) {
			t.Errorf("task list in Chinese lacks %q:\n%s", want, zh)
		}
	}
}

// TestTaskListFitsTheWidth: `task list` (the agenda, and --all) lays each
// line out in 80 cells when stdout is not a terminal, in English and in
// Chinese: a long title, Chinese (two cells a character) or not, is cut
// to the cells left, its start kept, so no line wraps.
func TestTaskListFitsTheWidth(t *testing.T) {
	book := taskListBook(t)
	long := "请在周五之前给王小明回电确认羊绒大衣的改衣时间并告知新到的秋冬系列和预约试衣"
	run(t, book, "task", "add", "王小明", long, "--due", "2026-11-25")
	run(t, book, "task", "add", "Anne Dubois", strings.Repeat("call back about the long alteration ", 4), "--due", "2026-11-21")
	for _, lang := range []string{"en", "zh"} {
		for _, args := range [][]string{{"task", "list"}, {"task", "list", "--all"}, {"task", "list", "--days", "60"}} {
			out := run(t, book, append([]string{"--lang", lang}, args...)...)
			for _, line := range strings.Split(out, "\n") {
				if w := width(line); w > 80 {
					t.Errorf("%s %v: a line of %d cells: %s", lang, args, w, line)
				}
			}
			if !strings.Contains(out, "请在周五") || strings.Contains(out, "预约试衣") {
				t.Errorf("%s %v: the long Chinese title is not cut by cells:\n%s", lang, args, out)
			}
			if !strings.Contains(out, "call back") {
				t.Errorf("%s %v: the long title lost its start:\n%s", lang, args, out)
			}
		}
	}
}
