package tui

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndMerge walks a merge with the built binary in a real
// terminal: on the command line a second 王小明 is refused as a likely
// duplicate, added with --force, merged with --dry-run (nothing written)
// then --yes; in the app a second Anne Dubois is merged from the first's
// profile (M, her phone, the dry run shown, y), and a third is shown as a
// likely duplicate by the new-client form (o opens the first). check
// finds the book sound and the old ids find the kept clients.
func TestEndToEndMerge(t *testing.T) {
	bin := e2eBinary(t)
	book := filepath.Join(t.TempDir(), "book.db")
	vip := func(wantOK bool, args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, append([]string{"--book", book, "--lang", "en"}, args...)...).CombinedOutput()
		if (err == nil) != wantOK {
			t.Fatalf("vipbook %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	vip(true, "init", "--associate", "Li Na")
	vip(true, "add", "王小明", "--phone", "13800000001")
	vip(true, "edit", "13800000001", "--set", "city=上海")
	if out := vip(false, "add", "王 小明", "--phone", "13900000002"); !strings.Contains(out, "the same name 王小明") {
		t.Fatalf("a second 王小明 is not refused as a likely duplicate:\n%s", out)
	}
	vip(true, "add", "王 小明", "--phone", "13900000002", "--email", "m.wang@example.com", "--force")
	vip(true, "edit", "13900000002", "--set", "city=北京")
	vip(true, "buy", "13900000002", "12800")
	if out := vip(true, "merge", "13900000002", "13800000001", "--dry-run"); !strings.Contains(out, "city 上海 (theirs: 北京)") ||
		!strings.Contains(out, "nothing was written") {
		t.Fatalf("dry run:\n%s", out)
	}
	if out := vip(true, "show", "13900000002"); !strings.Contains(out, "王 小明") {
		t.Fatalf("the dry run merged:\n%s", out)
	}
	vip(true, "merge", "13900000002", "13800000001", "--yes")
	if out := vip(true, "show", "13900000002"); !strings.Contains(out, "138 0000 0001") || !strings.Contains(out, "12,800") {
		t.Fatalf("after the merge the other's phone shows:\n%s", out)
	}
	vip(true, "add", "Anne Dubois", "--phone", "13700000003")
	vip(true, "add", "Anne  Dubois", "--phone", "13600000004", "--force")

	tm := newTmux(t)
	tm.start(120, 40, []string{"LANG=en_GB.UTF-8", "LC_ALL=", "LC_MESSAGES="}, bin, "--book", book)
	tm.waitFor("Briefing")
	tm.text("2")
	tm.waitFor("sorted by")
	tm.text("/13700000003")
	tm.waitFor("1 of 3 clients")
	tm.keys("Enter")
	tm.waitFor("137 0000 0003 (mobile)")
	tm.text("M")
	tm.waitFor("Merge another client into Anne Dubois")
	tm.text("13600000004")
	tm.keys("Enter")
	tm.waitFor("Would merge Anne  Dubois")
	tm.waitFor("y merges")
	tm.text("y")
	tm.waitFor("Merged Anne  Dubois into Anne Dubois.")
	tm.waitFor("136 0000 0004 (mobile)")
	tm.escape("e edit") // the profile's help bar
	tm.waitFor("of 2 clients")
	tm.text("a")
	tm.waitFocus("Name")
	tm.text("anne dubois")
	// Field by field to the last one, each Enter once the focus has left
	// the field before (the form moves it in a command: a key typed
	// before lands in the field before), then one Enter saves: an Enter
	// more would land on the warning, where it saves anyway.
	next := func() {
		t.Helper()
		before := focusedField(tm.waitFor("┃"))
		tm.keys("Enter")
		tm.waitUntil("the form's focus off "+before, func(s string) bool { return focusedField(s) != before })
	}
	next()
	next()
	tm.waitFocus("Phone")
	tm.text("13500000005")
	tm.waitFor("13500000005")
	for i := 0; i < 12 && !strings.HasPrefix(focusedField(tm.screen()), "Tags"); i++ {
		next()
	}
	tm.waitFocus("Tags")
	tm.keys("Enter")
	tm.waitFor("the same name Anne Dubois")
	tm.text("o")
	tm.waitForLine("Anne Dubois", "tier")
	tm.text("q")
	tm.waitExit()
	if out := vip(true, "check"); !strings.Contains(out, "sound: 2 clients") {
		t.Fatalf("check:\n%s", out)
	}
}
