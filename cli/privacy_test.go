package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// runIn runs the command line on book with stdin as the standard input.
func runIn(book, stdin string, args ...string) (string, error) {
	var out, errOut bytes.Buffer
	a := &App{Now: goldenNow, Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, WorkFactor: testWorkFactor}
	root := NewRoot(a)
	root.SetArgs(append([]string{"--book", book, "--lang", "en"}, args...))
	root.SetOut(&out)
	root.SetErr(&errOut)
	err := root.ExecuteContext(context.Background())
	return out.String() + errOut.String(), err
}

// inBook runs fn on the book at path, opened for writing outside the CLI
// (for what only the TUI writes: drafts).
func inBook(t *testing.T, path string, fn func(tx *store.Tx) error) {
	t.Helper()
	b, err := store.Open(path, store.Options{Now: goldenNow})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.Update(fn); err != nil {
		t.Fatal(err)
	}
}

func idByPhone(t *testing.T, path, phone string) string {
	t.Helper()
	var id string
	inBook(t, path, func(tx *store.Tx) error {
		ids := tx.FindByPhone(phone)
		if len(ids) != 1 {
			t.Fatalf("phone %s finds %v", phone, ids)
		}
		id = ids[0]
		return nil
	})
	return id
}

func bookBytesHave(t *testing.T, path, s string) bool {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(raw, []byte(s))
}

// privacyBook is a book with the client "Mq Erase" (every kind of record,
// each holding a MARK- text) and "Keep Other" (records holding OTHER-).
func privacyBook(t *testing.T) (book, id, other string) {
	t.Helper()
	t.Setenv("COLUMNS", "200") // task list's titles whole: the fixture reads them
	book = filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "Mq Erase", "--phone", "+86 139 0000 1111", "--latin-name", "MARK-latin", "--birthday", "1985-11-30")
	run(t, book, "add", "Keep Other", "--phone", "13916882046", "--latin-name", "OTHER-latin")
	id, other = idByPhone(t, book, "13900001111"), idByPhone(t, book, "13916882046")
	for _, c := range []struct{ who, mark string }{{id, "MARK"}, {other, "OTHER"}} {
		run(t, book, "note", c.who, c.mark+"-note prefers navy")
		run(t, book, "buy", c.who, "1200", "--items", c.mark+"-purchase")
		run(t, book, "task", "add", c.who, c.mark+"-task call back", "--due", "2026-11-30")
		run(t, book, "visit", c.who, "--at", "2026-11-25 15:00", "--purpose", c.mark+"-appointment")
		run(t, book, "request", c.who, c.mark+"-request the navy coat")
	}
	inBook(t, book, func(tx *store.Tx) error {
		if err := tx.SaveDraft(&store.Draft{Key: "note:" + id, ClientID: id, Text: "MARK-draft"}); err != nil {
			return err
		}
		if err := tx.SaveDraft(&store.Draft{Key: "note:" + other, ClientID: other, Text: "OTHER-draft"}); err != nil {
			return err
		}
		return tx.SetRuleState("top_spender", []byte(`{"day":"2026-11-24","client_id":"`+id+`","amount":120000,"buyers":2}`))
	})
	return book, id, other
}

var markTexts = []string{"Mq Erase", "MARK-latin", "8613900001111", "MARK-note", "MARK-purchase", "MARK-task", "MARK-appointment", "MARK-request", "MARK-draft"}

// TestEraseAsksThenLeavesNoByte: erase shows what will go and erases
// nothing unless the client's id is typed; then no byte of the client is
// left in the file, the other client is whole, and the output warns about
// backups and exports.
func TestEraseAsksThenLeavesNoByte(t *testing.T) {
	book, id, other := privacyBook(t)
	for _, m := range append(markTexts, id) {
		if !bookBytesHave(t, book, m) {
			t.Fatalf("fixture: %q not in the book", m)
		}
	}
	for _, answer := range []string{"", "yes\n", "y\n", other + "\n"} {
		out, err := runIn(book, answer, "erase", "Mq Erase")
		if err == nil || !strings.Contains(err.Error(), "nothing was erased") {
			t.Errorf("answer %q: err %v", answer, err)
		}
		for _, want := range []string{"Mq Erase", id, "1 note", "1 purchase", "1 appointment", "1 request", "1 unsaved draft", "tasks"} {
			if !strings.Contains(out, want) {
				t.Errorf("the question does not show %q:\n%s", want, out)
			}
		}
		if !bookBytesHave(t, book, "MARK-note") {
			t.Fatalf("answer %q erased", answer)
		}
	}
	kept := book + ".before-restore-20261101-090000"
	if err := os.WriteFile(kept, []byte("old book"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(filepath.Dir(book), "backups"), 0o700); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(filepath.Dir(book), "backups", "book-20261120-0900.db")
	if err := os.WriteFile(backup, []byte("a backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := runIn(book, id+"\n", "erase", "Mq Erase")
	if !strings.Contains(out, kept) || !strings.Contains(out, backup) {
		t.Errorf("erase does not name the backup and the copy a restore kept beside the book:\n%s", out)
	}
	if err != nil {
		t.Fatalf("erase confirmed by id: %v\n%s", err, out)
	}
	if !strings.Contains(out, "compacted") || !strings.Contains(out, "backups") {
		t.Errorf("erase output does not say the file was compacted and backups still hold the client:\n%s", out)
	}
	for _, m := range append(markTexts, id) {
		if bookBytesHave(t, book, m) {
			t.Errorf("%q still in the book's bytes after erase", m)
		}
	}
	for _, m := range []string{"OTHER-latin", "OTHER-note", "OTHER-purchase", "OTHER-draft", "OTHER-task"} {
		if !bookBytesHave(t, book, m) {
			t.Errorf("%q of the other client was lost", m)
		}
	}
	if _, err := runIn(book, "", "erase", "Keep Other", "--yes"); err != nil {
		t.Fatalf("erase --yes: %v", err)
	}
	if bookBytesHave(t, book, "OTHER-note") {
		t.Error("erase --yes left the client's note in the file")
	}
	if list := run(t, book, "list"); strings.Contains(list, "Keep Other") || strings.Contains(list, "Mq Erase") {
		t.Errorf("erased clients still listed:\n%s", list)
	}
}

// TestPurgeCompacts: purge erases the archived clients through the same
// path as erase, so their bytes leave the file too.
func TestPurgeCompacts(t *testing.T) {
	book, id, _ := privacyBook(t)
	inBook(t, book, func(tx *store.Tx) error {
		return tx.UpdateClientWith(id, func(p *profile.Profile) error {
			p.HandedOver = &profile.Handover{To: "王芳", At: goldenNow(), Released: true}
			return nil
		})
	})
	if _, err := runIn(book, "", "purge"); err == nil || !bookBytesHave(t, book, "MARK-note") {
		t.Fatalf("purge without --yes: %v, or it erased", err)
	}
	out, err := runIn(book, "", "purge", "--yes")
	if err != nil || !strings.Contains(out, "Erased 1 archived clients") {
		t.Fatalf("purge --yes: %v\n%s", err, out)
	}
	for _, m := range append(markTexts, id) {
		if bookBytesHave(t, book, m) {
			t.Errorf("%q still in the book's bytes after purge", m)
		}
	}
	if !bookBytesHave(t, book, "OTHER-note") {
		t.Error("purge took the active client's note")
	}
}

// TestExportClient: the file holds every kind of record of the client, and
// nothing of the other client; it is 0600 and not overwritten without
// --force; -o - writes to stdout.
func TestExportClient(t *testing.T) {
	book, id, other := privacyBook(t)
	// a closed task must be exported too
	inBook(t, book, func(tx *store.Tx) error {
		for _, tk := range tx.ClientTasks(id) {
			if tk.Title == "MARK-task call back" {
				tk.Status = tasks.Cancelled
				return tx.UpdateTask(&tk)
			}
		}
		t.Fatal("no MARK task")
		return nil
	})
	out := filepath.Join(t.TempDir(), "mq.json")
	msg := run(t, book, "export-client", id, "-o", out)
	if !strings.Contains(msg, out) {
		t.Errorf("export-client does not say where it wrote:\n%s", msg)
	}
	st, err := os.Stat(out)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("export mode %v, %v; want 0600", st.Mode().Perm(), err)
	}
	raw, _ := os.ReadFile(out)
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	for _, kind := range []string{"profile", "figures", "notes", "purchases", "tasks", "appointments", "requests", "unsaved_drafts", "follow_up_rule_state"} {
		v, ok := doc[kind]
		if !ok || len(v) < 3 { // not missing, not [] or {}
			t.Errorf("the export has no %s: %s", kind, v)
		}
	}
	for _, m := range append(markTexts[:2], "+8613900001111", "MARK-note", "MARK-purchase", "MARK-task", "MARK-appointment",
		"MARK-request", "MARK-draft", `"cancelled"`, `"do_not_contact"`, "120000") {
		if !bytes.Contains(raw, []byte(m)) {
			t.Errorf("the export lacks %q", m)
		}
	}
	for _, m := range []string{"OTHER", "Keep Other", "13916882046", other} {
		if bytes.Contains(raw, []byte(m)) {
			t.Errorf("the export holds %q of another client", m)
		}
	}

	if _, err := runIn(book, "", "export-client", id, "-o", out); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Errorf("export over an existing file: %v", err)
	}
	if err := os.WriteFile(out, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := runIn(book, "", "export-client", id, "-o", out); err == nil {
		t.Error("overwrote without --force")
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Error("a refused export changed the file")
	}
	run(t, book, "export-client", id, "-o", out, "--force")
	if b, _ := os.ReadFile(out); !bytes.Contains(b, []byte("MARK-note")) {
		t.Error("--force did not replace the file")
	}
	stdout := run(t, book, "export-client", "Mq Erase", "-o", "-")
	if !json.Valid([]byte(stdout)) || !strings.Contains(stdout, "MARK-draft") {
		t.Errorf("-o - did not print the export:\n%.300s", stdout)
	}
	if _, err := runIn(book, "", "export-client", id); err == nil || !strings.Contains(err.Error(), "-o FILE") {
		t.Errorf("export-client without -o: %v", err)
	}
}

// TestExportCampaignLeavesOutDNC: export --campaign leaves the
// do-not-contact clients out of every format and says how many; without
// it they stay, flagged.
func TestExportCampaignLeavesOutDNC(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "Anne Dubois", "--phone", "+33 6 12 34 56 78")
	run(t, book, "add", "Quiet Client", "--phone", "13900001111")
	run(t, book, "add", "王小明", "--phone", "13800138000")
	run(t, book, "edit", "Quiet Client", "--set", "do_not_contact=true")
	dir := t.TempDir()
	for _, ext := range []string{"vcf", "csv", "json", "ics"} {
		out := filepath.Join(dir, "campaign."+ext)
		msg := run(t, book, "export", "-o", out, "--campaign")
		raw, _ := os.ReadFile(out)
		if bytes.Contains(raw, []byte("Quiet Client")) || bytes.Contains(raw, []byte("13900001111")) {
			t.Errorf("%s: --campaign exported the do-not-contact client", ext)
		}
		if ext != "ics" && (!bytes.Contains(raw, []byte("Anne Dubois")) || !bytes.Contains(raw, []byte("王小明"))) {
			t.Errorf("%s: --campaign left out a contactable client:\n%s", ext, raw)
		}
		if !strings.Contains(msg, "Exported 2 clients") || !strings.Contains(msg, "Left out 1 clients who asked not to be contacted") {
			t.Errorf("%s: message %q", ext, msg)
		}
	}
	all := filepath.Join(dir, "all.csv")
	run(t, book, "export", "-o", all)
	if raw, _ := os.ReadFile(all); !bytes.Contains(raw, []byte("Quiet Client")) {
		t.Error("without --campaign the do-not-contact client is left out")
	}
	out, err := runIn(book, "", "export", "-o", "-", "--format", "csv", "--campaign")
	if err != nil || strings.Contains(strings.SplitN(out, "Left out", 2)[0], "Quiet Client") || !strings.Contains(out, "Left out 1") {
		t.Errorf("-o - --campaign: %v\n%s", err, out)
	}
	if _, err := runIn(book, "", "export", "-o", filepath.Join(dir, "q.csv"), "--campaign", "--clients", "Quiet Client"); err == nil ||
		!strings.Contains(err.Error(), "asked not to be contacted") {
		t.Errorf("--campaign of only do-not-contact clients: %v", err)
	}
}

// TestTaskAddRefusesContactForDNC: a manual task that means contacting a
// do-not-contact client is refused (nothing stored); one that does not
// (a custom reminder) is allowed.
func TestTaskAddRefusesContactForDNC(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "Quiet Client", "--phone", "13900001111")
	run(t, book, "edit", "Quiet Client", "--set", "do_not_contact=true")
	for _, kind := range []string{"call-back", "thank-you", "care-message", "birthday-greeting", "personal-visit"} {
		if _, err := runIn(book, "", "task", "add", "Quiet Client", "say hello", "--due", "2026-11-30", "--kind", kind); err == nil ||
			!strings.Contains(err.Error(), "asked not to be contacted") {
			t.Errorf("a %s task for a do-not-contact client: %v", kind, err)
		}
	}
	run(t, book, "task", "add", "Quiet Client", "order the size 38 in navy", "--due", "2026-11-30", "--kind", "custom")
	t.Setenv("COLUMNS", "200") // whole titles
	list := run(t, book, "task", "list", "--all")
	if strings.Contains(list, "say hello") || !strings.Contains(list, "order the size 38") {
		t.Errorf("tasks after the refusals:\n%s", list)
	}
}
