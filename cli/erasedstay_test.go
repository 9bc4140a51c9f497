package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPoint4ErasedStayErased (issue 14 point 4): a client erased at their
// request does not come back with an import of the client's earlier vCard,
// CSV or JSON export or of an older handover bundle: each import skips the
// record and says when and why the client was erased, in the dry run and
// the real run. The book keeps a tombstone without the client's phone or
// e-mail in plain. `--allow-erased` imports the client on purpose, and so
// does adding them again by hand, which removes the tombstone.
func TestPoint4ErasedStayErased(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	pass := filepath.Join(dir, "pass.txt")
	if err := os.WriteFile(pass, []byte("correct horse battery staple\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "Mq Erase", "--phone", "+86 139 0000 1111", "--email", "Mq.Erase@Example.com")
	run(t, book, "add", "Keep Other", "--phone", "13916882046")
	id := idByPhone(t, book, "13900001111")
	files := map[string]string{}
	for _, f := range []string{"vcf", "csv", "json"} {
		files[f] = filepath.Join(dir, "clients."+f)
		run(t, book, "export", "-o", files[f], "--format", f)
	}
	files["bundle"] = filepath.Join(dir, "older.age")
	run(t, book, "handover", "export", "--clients", "Mq Erase", "-o", files["bundle"], "--passphrase-file", pass)

	if out, err := runIn(book, id+"\n", "erase", "Mq Erase"); err != nil {
		t.Fatalf("erase: %v\n%s", err, out)
	}
	for _, m := range []string{"Mq Erase", "8613900001111", "13900001111", "mq.erase@example.com", "Mq.Erase@Example.com"} {
		if bookBytesHave(t, book, m) {
			t.Errorf("the book still holds %q after the erasure", m)
		}
	}
	const said = "erased on 2026-11-24 at the client's request"
	imports := map[string][]string{
		"vcf":    {"import", files["vcf"]},
		"csv":    {"import", files["csv"]},
		"json":   {"import", files["json"]},
		"bundle": {"handover", "import", files["bundle"], "--passphrase-file", pass},
	}
	for _, kind := range []string{"vcf", "csv", "json", "bundle"} {
		for _, dry := range []bool{true, false} {
			args := imports[kind]
			if dry {
				args = append(append([]string(nil), args...), "--dry-run")
			}
			out, err := runIn(book, "", args...)
			if err != nil {
				t.Fatalf("%s (dry run %v): %v\n%s", kind, dry, err, out)
			}
			if !strings.Contains(out, said) || !strings.Contains(out, "Mq Erase") {
				t.Errorf("%s (dry run %v) does not say the client was erased:\n%s", kind, dry, out)
			}
			if got, _ := runIn(book, "", "search", "13900001111"); strings.Contains(got, "Mq Erase") {
				t.Fatalf("%s (dry run %v) brought the erased client back:\n%s", kind, dry, got)
			}
			if bookBytesHave(t, book, "Mq Erase") {
				t.Fatalf("%s (dry run %v) wrote the erased client into the book", kind, dry)
			}
		}
	}
	if out := run(t, book, "check"); !strings.Contains(strings.ToLower(out), "sound") && !strings.Contains(strings.ToLower(out), "ok") {
		t.Errorf("check after the erasure and the imports:\n%s", out)
	}

	// On purpose: --allow-erased imports the client again.
	out := run(t, book, "import", files["vcf"], "--allow-erased")
	if strings.Contains(out, said) {
		t.Errorf("--allow-erased still skipped the client:\n%s", out)
	}
	idByPhone(t, book, "13900001111")
	// The tombstone went with it: a later import merges as usual.
	if out := run(t, book, "import", files["csv"]); strings.Contains(out, said) {
		t.Errorf("the tombstone stayed after --allow-erased:\n%s", out)
	}

	// Added by hand after an erasure: the tombstone goes.
	id = idByPhone(t, book, "13900001111")
	if out, err := runIn(book, id+"\n", "erase", id); err != nil {
		t.Fatalf("erase: %v\n%s", err, out)
	}
	run(t, book, "add", "Mq Erase", "--phone", "+86 139 0000 1111")
	if out := run(t, book, "import", files["json"], "--dry-run"); strings.Contains(out, said) {
		t.Errorf("adding the client by hand left the tombstone:\n%s", out)
	}
}
