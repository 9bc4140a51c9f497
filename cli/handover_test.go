package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testWorkFactor is the scrypt work factor of the bundles the tests write:
// a fast key derivation (real use keeps age's default, App.WorkFactor 0).
const testWorkFactor = 10

// TestHandoverByHand walks a handover as two associates do it: Li Na hands
// 王小明 (whom Wang Fang already knows by another phone format) and a
// do-not-contact client over; Wang Fang previews, imports, imports again;
// a wrong passphrase and a cut file are refused; Li Na releases the rest
// and purges them.
func TestHandoverByHand(t *testing.T) {
	dir := t.TempDir()
	li, wang := filepath.Join(dir, "li.db"), filepath.Join(dir, "wang.db")
	pass := filepath.Join(dir, "pass.txt")
	if err := os.WriteFile(pass, []byte("tea leaves and silk\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, li, "init", "--associate", "Li Na", "--store", "Shanghai IFC")
	run(t, li, "add", "王小明", "--phone", "13800138000", "--city", "上海", "--birthday", "1985-03-14")
	run(t, li, "add", "Anne Dubois", "--phone", "+33 6 12 34 56 78")
	run(t, li, "edit", "Anne", "--set", "do_not_contact=true")
	run(t, li, "add", "张伟", "--phone", "13900139000")
	run(t, li, "note", "王小明", "prefers navy", "--kind", "preference")
	run(t, li, "task", "add", "王小明", "call about the hem", "--due", "2026-11-30")
	run(t, wang, "init", "--associate", "Wang Fang", "--store", "Beijing SKP")
	run(t, wang, "add", "王小明", "--phone", "+86 138 0013 8000", "--city", "北京")

	bundle := filepath.Join(dir, "handover.age")
	out := run(t, li, "handover", "export", "--clients", "王小明", "--to", "Wang Fang", "-o", bundle, "--passphrase-file", pass)
	if !strings.Contains(out, "Handed over 1 client to Wang Fang") || !strings.Contains(out, "1 open task went with them") {
		t.Errorf("export said:\n%s", out)
	}
	out = run(t, li, "handover", "export", "--clients", "Anne", "-o", filepath.Join(dir, "anne.age"), "--passphrase-file", pass)
	if !strings.Contains(out, "Handed over 1 client to a colleague") {
		t.Errorf("export said:\n%s", out)
	}
	if st, err := os.Stat(bundle); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("bundle %v %v", st, err)
	}
	if _, errOut, err := runErr(li, "handover", "export", "--all", "-o", bundle, "--passphrase-file", pass); err == nil {
		t.Errorf("overwrote a bundle: %s", errOut)
	}
	if _, _, err := runErr(li, "handover", "export", "--all", "-o", filepath.Join(dir, "x.age")); err == nil ||
		!strings.Contains(err.Error(), "--passphrase-file") {
		t.Errorf("no terminal, no passphrase file: %v", err)
	}

	before := run(t, wang, "show", "王小明", "--json")
	out = run(t, wang, "handover", "import", bundle, "--dry-run", "--passphrase-file", pass)
	// Both profiles were written at the pinned clock: a tie keeps the book's value.
	for _, want := range []string{"merge", "matched by phone", "city: 上海 -> 北京 (上海 kept in the history)", "Dry run"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}
	if run(t, wang, "show", "王小明", "--json") != before {
		t.Fatal("the dry run changed the book")
	}

	bad := filepath.Join(dir, "bad.txt")
	_ = os.WriteFile(bad, []byte("wrong\n"), 0o600)
	if _, _, err := runErr(wang, "handover", "import", bundle, "--passphrase-file", bad); err == nil || !strings.Contains(err.Error(), "passphrase does not open") {
		t.Errorf("wrong passphrase: %v", err)
	}
	raw, _ := os.ReadFile(bundle)
	cut := filepath.Join(dir, "cut.age")
	_ = os.WriteFile(cut, raw[:len(raw)-10], 0o600)
	if _, _, err := runErr(wang, "handover", "import", cut, "--passphrase-file", pass); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("cut bundle: %v", err)
	}
	if run(t, wang, "show", "王小明", "--json") != before {
		t.Fatal("a refused bundle changed the book")
	}

	out = run(t, wang, "handover", "import", bundle, "--passphrase-file", pass)
	if !strings.Contains(out, "Imported.") || !strings.Contains(out, "1 introduce-yourself task") {
		t.Errorf("import said:\n%s", out)
	}
	show := run(t, wang, "show", "13800138000")
	for _, want := range []string{"北京", "prefers navy", "call about the hem", "Introduce yourself to 王小明", "上海 (now 北京)"} {
		if !strings.Contains(show, want) {
			t.Errorf("show after import lacks %q:\n%s", want, show)
		}
	}
	after := run(t, wang, "show", "王小明", "--json")
	out = run(t, wang, "handover", "import", bundle, "--passphrase-file", pass)
	if !strings.Contains(out, "Nothing to do") || run(t, wang, "show", "王小明", "--json") != after {
		t.Errorf("second import:\n%s", out)
	}
	out = run(t, wang, "--lang", "zh", "handover", "import", filepath.Join(dir, "anne.age"), "--passphrase-file", pass)
	if !strings.Contains(out, "[DNC]") || !strings.Contains(out, "0 项“自我介绍”跟进") {
		t.Errorf("do-not-contact import:\n%s", out)
	}

	// Li Na releases the rest: they leave her book, archive included;
	// purge has nothing left to do; the log keeps only counts.
	run(t, li, "handover", "export", "--all", "--release", "-o", filepath.Join(dir, "rest.age"), "--passphrase-file", pass)
	if list := run(t, li, "list", "--all"); strings.Contains(list, "张伟") {
		t.Errorf("a released client is still in the book:\n%s", list)
	}
	if out := run(t, li, "purge"); !strings.Contains(out, "nothing to purge") {
		t.Errorf("purge after a release:\n%s", out)
	}
	log := run(t, li, "handover", "log")
	if !strings.Contains(log, "3 clients to a colleague") || !strings.Contains(log, "1 client to Wang Fang") || strings.Contains(log, "张伟") {
		t.Errorf("handover log:\n%s", log)
	}
	if zh := run(t, li, "--lang", "zh", "handover", "log"); !strings.Contains(zh, "交给 Wang Fang") || !strings.Contains(zh, "已移出") {
		t.Errorf("handover log in Chinese:\n%s", zh)
	}
}
