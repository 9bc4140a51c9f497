package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/store"
)

// TestMergeCommand merges a second record of 王小明 into the first on a real
// book: the dry run shows what moves and what conflicts and writes nothing,
// a wrong answer to the question merges nothing, --yes merges, the old id
// then finds the kept client, and check finds the book sound.
func TestMergeCommand(t *testing.T) {
	bk := smallBook(t)
	run(t, bk, "add", "王 小明", "--phone", "13900000002", "--email", "m.wang@example.com", "--force")
	run(t, bk, "edit", "13800138000", "--set", "city=上海")
	run(t, bk, "edit", "13900000002", "--set", "city=北京")
	run(t, bk, "buy", "13900000002", "12800")
	run(t, bk, "card", "add", "13900000002", "VIP-8800", "--program", "Maison")
	var other struct{ ID string }
	out := run(t, bk, "show", "13900000002", "--json")
	var d ClientDetail
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	other.ID = d.Profile.ID
	was, _ := os.ReadFile(bk)

	out = run(t, bk, "merge", "13900000002", "13800138000", "--dry-run")
	for _, want := range []string{"Would merge 王 小明 (" + other.ID + ") into 王小明", "1 purchase", "+ e-mail m.wang@example.com",
		"city 上海 (theirs: 北京)", "Dry run: nothing was written"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run printed\n%s\nwant %q", out, want)
		}
	}
	if now, _ := os.ReadFile(bk); string(now) != string(was) {
		t.Error("the dry run changed the book file")
	}
	if out, err := runIn(bk, "no\n", "merge", "13900000002", "13800138000"); err == nil || !strings.Contains(err.Error(), "Nothing was merged") {
		t.Errorf("a wrong answer: %v (%T)\n%s", err, err, out)
	}
	if out, err := runIn(bk, other.ID+"\n", "merge", "13900000002", "13800138000"); err != nil || !strings.Contains(out, "Merged 王 小明") {
		t.Fatalf("the right answer: %v\n%s", err, out)
	}
	out = run(t, bk, "show", other.ID, "--json")
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.Profile.Name != "王小明" || len(d.Profile.Phones) != 2 || d.Profile.City != "上海" || len(d.Profile.Cards) != 1 {
		t.Errorf("the old id shows %+v", d.Profile)
	}
	if out := run(t, bk, "show", "vip8800"); !strings.Contains(out, "王小明") {
		t.Errorf("the card finds\n%s", out)
	}
	if _, errOut, err := runErr(bk, "merge", other.ID, "王小明", "--yes"); err == nil || !strings.Contains(err.Error()+errOut, "cannot be merged with itself") {
		t.Errorf("merging the old id again: %v %s", err, errOut)
	}
	var rep book.MergeReport
	run(t, bk, "add", "Anne", "--phone", "13700000003", "--force")
	if err := json.Unmarshal([]byte(run(t, bk, "merge", "Anne", "王小明", "--json")), &rep); err != nil || rep.DryRun || rep.Other.Name != "Anne" {
		t.Errorf("--json: %v %+v", err, rep)
	}
	if r, err := store.Check(bk); err != nil || !r.Sound() {
		t.Errorf("check: %v %v", err, r.Problems)
	}
	if out := run(t, bk, "check"); !strings.Contains(out, "sound") {
		t.Errorf("vipbook check: %s", out)
	}
}

// TestDuplicateWarnings: add and edit list the likely duplicates with
// their ids and refuse a script without --force; --force adds; the
// import's dry run lists them.
func TestDuplicateWarnings(t *testing.T) {
	bk := smallBook(t)
	run(t, bk, "edit", "王小明", "--set", "email=m.wang@example.com")
	out, errOut, err := runErr(bk, "add", "王 小明", "--phone", "13900000002")
	if err == nil || !strings.Contains(out, "王 小明 may already be in the book") || !strings.Contains(out, "the same name 王小明") ||
		!strings.Contains(err.Error(), "--force") {
		t.Errorf("add a second 王小明: %v\n%s%s", err, out, errOut)
	}
	if out := run(t, bk, "list"); strings.Count(out, "小明") != 1 {
		t.Errorf("the refused client was added:\n%s", out)
	}
	_, _, err = runErr(bk, "edit", "Anne Dubois", "--set", "email=M.Wang@example.com")
	if err == nil {
		t.Error("an edit taking 王小明's e-mail went through")
	}
	if out := run(t, bk, "add", "王 小明", "--phone", "13900000002", "--force"); !strings.Contains(out, "Added 王 小明") {
		t.Errorf("--force: %s", out)
	}
	csv := bk + ".csv"
	if err := os.WriteFile(csv, []byte("name,phone,email\nLi Lei,13500000009,m.wang@example.com\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if out := run(t, bk, "import", csv, "--dry-run"); !strings.Contains(out, "1 record looks like a client already in the book") ||
		!strings.Contains(out, "Li Lei: like 王小明") {
		t.Errorf("import dry run:\n%s", out)
	}
}
