package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPoint9BriefLeavesHandedOver: issue 12 point 9, in part. A client
// handed over, with --release or without, leaves no visit, prep card or
// open request on the sender's briefing: they went with the bundle.
func TestPoint9BriefLeavesHandedOver(t *testing.T) {
	for _, release := range []bool{false, true} {
		book := rulesBook(t, step{"2026-11-02", add("王小明", "13800000001")}, step{"2026-11-02", add("李娜", "13800000002")},
			step{"2026-11-02", []string{"visit", "王小明", "--at", "2026-11-03 15:00"}},
			step{"2026-11-02", []string{"visit", "李娜", "--at", "2026-11-03 16:00"}},
			step{"2026-11-02", []string{"request", "王小明", "silk scarf"}})
		before, _, err := runAt(book, day("2026-11-03"), "brief")
		if err != nil || !strings.Contains(before, "silk scarf") || !strings.Contains(before, "15:00") {
			t.Fatalf("the briefing before the handover lacks the visit or the request (%v):\n%s", err, before)
		}
		dir := t.TempDir()
		pass := filepath.Join(dir, "pass")
		if err := os.WriteFile(pass, []byte("a long shared secret\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		args := []string{"handover", "export", "--clients", "王小明", "--to", "Wang Fang", "-o", filepath.Join(dir, "b.age"), "--passphrase-file", pass}
		if release {
			args = append(args, "--release")
		}
		if _, errOut, err := runAt(book, day("2026-11-03"), args...); err != nil {
			t.Fatal(err, errOut)
		}
		after, _, err := runAt(book, day("2026-11-03"), "brief")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(after, "silk scarf") || strings.Contains(after, "15:00") {
			t.Errorf("release %v: the handed-over client's visit or request stays on the briefing:\n%s", release, after)
		}
		if !strings.Contains(after, "16:00") {
			t.Errorf("release %v: the other client's visit went too:\n%s", release, after)
		}
	}
}
