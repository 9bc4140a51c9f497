package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPoint1CheckRepairSalvagesRecords: one letter flipped inside a
// client's note, purchase, follow-up, appointment or special request in
// the book file (still JSON): check names the record and its client;
// check --repair puts the record back from the backup taken before and
// says which record, whose, and from which backup, in English and in
// Chinese; check then finds the book sound and show has the record as it
// was.
func TestPoint1CheckRepairSalvagesRecords(t *testing.T) {
	for _, tc := range []struct{ marker, kind, zh string }{
		{"MARK-note", "note", "备注"},
		{"MARK-purchase", "purchase", "购买记录"},
		{"MARK-task", "task", "跟进事项"},
		{"MARK-appointment", "appointment", "预约"},
		{"MARK-request", "request", "特别需求"},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			book, id, _ := privacyBook(t)
			backup := filepath.Join(filepath.Dir(book), "backups", "book-20261124-0900.db")
			if err := os.MkdirAll(filepath.Dir(backup), 0o700); err != nil {
				t.Fatal(err)
			}
			run(t, book, "backup", "-o", backup)
			raw, err := os.ReadFile(book)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(raw, []byte(tc.marker)) {
				t.Fatal("the record is not in the file")
			}
			raw = bytes.ReplaceAll(raw, []byte(tc.marker), []byte("MARQ"+tc.marker[4:]))
			if err := os.WriteFile(book, raw, 0o600); err != nil {
				t.Fatal(err)
			}
			out, _, err := runErr(book, "check")
			want := "the " + tc.kind + " "
			if err == nil || !strings.Contains(out, want) || !strings.Contains(out, "of client "+id+" (Mq Erase) is damaged (its checksum does not match)") {
				t.Fatalf("check of the damaged book: %v\n%s", err, out)
			}
			lang := "en"
			if tc.kind == "purchase" || tc.kind == "request" {
				lang = "zh"
			}
			out, err = checkRunLang(book, lang, "check", "--repair")
			if err != nil {
				t.Fatalf("check --repair: %v\n%s", err, out)
			}
			said := "from the backup " + backup
			if lang == "zh" {
				said = "已从备份 " + backup + " 恢复客户 " + id + "（Mq Erase）的" + tc.zh
			}
			if !strings.Contains(out, said) {
				t.Fatalf("check --repair does not say it put the %s back (%q):\n%s", tc.kind, said, out)
			}
			if out := run(t, book, "check"); !strings.Contains(out, "sound") {
				t.Fatalf("check after the repair:\n%s", out)
			}
			show := run(t, book, "show", id)
			if tc.kind == "task" {
				show = run(t, book, "task", "list", "--all")
			}
			if !strings.Contains(show, tc.marker) {
				t.Fatalf("the %s is not as it was after the repair:\n%s", tc.kind, show)
			}
		})
	}
}
