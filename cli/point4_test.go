package cli

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/tasks"
)

// TestPoint4Complaints: issue 12 point 4 on the command line. `task done`
// on a complaint case with open steps refuses, naming them and --force;
// with --force it closes.
func TestPoint4Complaints(t *testing.T) {
	book := rulesBook(t, step{"2026-11-01", add("王小明", "13800000001")},
		step{"2026-11-02", []string{"note", "王小明", "the heel came loose", "--kind", "complaint"}})
	id := openTaskID(t, book, tasks.ComplaintFollowUp)
	if _, errOut, err := runAt(book, day("2026-11-02"), "task", "check", id, "1", "2", "3", "4", "5", "6"); err != nil {
		t.Fatal(err, errOut)
	}
	out, errOut, err := runAt(book, day("2026-11-03"), "task", "done", id)
	if err == nil {
		t.Fatalf("closed with steps open: %s", out)
	}
	msg := err.Error() + errOut
	for _, want := range []string{"7. Compensate (a small gift)", "8. Confirm satisfaction and thank", "--force"} {
		if !strings.Contains(msg, want) {
			t.Errorf("refusal %q lacks %q", msg, want)
		}
	}
	if lines := taskLines(t, book); !strings.Contains(strings.Join(lines, "\n"), "complaint_follow_up 2026-11-02 open") {
		t.Errorf("the case changed: %q", lines)
	}
	if _, errOut, err := runAt(book, day("2026-11-03"), "task", "done", id, "--force"); err != nil {
		t.Fatalf("--force: %v %s", err, errOut)
	}
	if lines := taskLines(t, book); !strings.Contains(strings.Join(lines, "\n"), "complaint_follow_up 2026-11-02 done") {
		t.Errorf("--force did not close the case: %q", lines)
	}
}
