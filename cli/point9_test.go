package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/handover"
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

// TestPoint9GiverKeepsNoPersonalData: issue 12 point 9. After a handover
// with --release, no file vipbook wrote for the giving book holds a
// released client's name, latin name, phone, e-mail, note, purchase, task,
// appointment or request text, draft, or id: the book file (old pages,
// index keys, summaries, other clients' follow-up titles), the stale
// compaction and backup copies, the app's state folder (fallback drafts,
// the last message), save the backups the export names. The book keeps
// one line: how many clients, to whom, when (handover log). The other
// client is whole, and the bundle holds everything but the private note.
func TestPoint9GiverKeepsNoPersonalData(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	book, id, other := privacyBook(t)
	run(t, book, "edit", id, "--set", "email=mark-mail@example.org")
	run(t, book, "note", id, "MARK-private diary", "--private")
	leaveTraces(t, book, id)
	marks := append(append([]string{}, markTexts...), "mark-mail@example.org", "MARK-private", "MARK-fallback", "MARK-message", id)
	for _, m := range markTexts {
		if !bookBytesHave(t, book, m) {
			t.Fatalf("fixture: %q not in the book", m)
		}
	}

	out := t.TempDir() // the bundle goes elsewhere: it is meant to hold them
	pass := filepath.Join(out, "pass")
	if err := os.WriteFile(pass, []byte("a long shared secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	bundle := filepath.Join(out, "b.age")
	said := run(t, book, "handover", "export", "--clients", "Mq Erase", "--to", "Wang Fang", "-o", bundle, "--passphrase-file", pass, "--release")
	if !strings.Contains(said, "They left this book") {
		t.Errorf("the export does not say the clients left the book:\n%s", said)
	}
	noMarksLeft(t, "the handover", said, marks, filepath.Dir(book), state)
	tl := run(t, book, "task", "list", "--all")
	if strings.Contains(tl, "Mq Erase") || !strings.Contains(tl, "introduced by a client since handed over") {
		t.Errorf("the follow-ups after the handover:\n%s", tl)
	}
	if s := run(t, book, "show", other); !strings.Contains(s, "OTHER-latin") {
		t.Errorf("the other client is not whole:\n%s", s)
	}
	log := run(t, book, "handover", "log")
	if !strings.Contains(log, "1 client to Wang Fang") || !strings.Contains(log, "released") || strings.Contains(log, "Mq") {
		t.Errorf("handover log:\n%s", log)
	}
	// The bundle carries the client, but not the private note.
	f, err := os.Open(bundle)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := handover.Read(f, "a long shared secret")
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Clients) != 1 || b.Clients[0].Profile.Email != "mark-mail@example.org" {
		t.Fatalf("the bundle: %+v", b.Clients)
	}
	for _, n := range b.Clients[0].Notes {
		if n.Private || strings.Contains(n.Text, "MARK-private") {
			t.Errorf("a private note left through the bundle: %+v", n)
		}
	}
	if len(b.Clients[0].Notes) == 0 {
		t.Error("the bundle lost the client's other notes")
	}
}

// TestPoint9AmbiguousName: issue 12 point 9. A handover of --clients
// 王小明 when two clients are so named lists them (id, phone) and asks for
// the one meant, as show does, in English and Chinese, handing nobody
// over; the one named by its phone goes; --all-matches takes both.
func TestPoint9AmbiguousName(t *testing.T) {
	book := rulesBook(t, step{"2026-11-02", add("王小明", "13800000001")},
		step{"2026-11-02", add("王小明", "13900000002", "--force")}, step{"2026-11-02", add("李娜", "13800000003")})
	dir := t.TempDir()
	pass := filepath.Join(dir, "pass")
	if err := os.WriteFile(pass, []byte("a long shared secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	export := func(lang, out string, more ...string) (string, error) {
		args := append([]string{"--lang", lang, "handover", "export", "-o", filepath.Join(dir, out), "--passphrase-file", pass}, more...)
		o, errOut, err := runAt(book, day("2026-11-03"), args...)
		return o + errOut, err
	}
	for lang, want := range map[string]string{
		"en": `2 clients of one name match "王小明"; hand over the one you mean by its id or phone`,
		"zh": `有 2 位同名客户匹配“王小明”`,
	} {
		_, err := export(lang, "a-"+lang+".age", "--clients", "王小明")
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "138 0000 0001") || !strings.Contains(err.Error(), "139 0000 0002") {
			t.Errorf("%s: %v, want %q with both phones", lang, err, want)
		}
		if _, serr := os.Stat(filepath.Join(dir, "a-"+lang+".age")); serr == nil {
			t.Errorf("%s: a bundle was written for an ambiguous name", lang)
		}
	}
	if out, err := export("en", "one.age", "--clients", "139 0000 0002"); err != nil || !strings.Contains(out, "1 client") {
		t.Errorf("by phone: %v\n%s", err, out)
	}
	if out, err := export("en", "both.age", "--clients", "王小明", "--all-matches"); err != nil || !strings.Contains(out, "2 clients") {
		t.Errorf("--all-matches: %v\n%s", err, out)
	}
}

// TestPoint9SameNameAsksCLI: issue 12 point 9. A client of a bundle with
// the name of a client of the book but another phone: without --force and
// without a terminal the import is refused with the pair listed (en, zh)
// and nothing is written; --force adds them as a new client and says so.
func TestPoint9SameNameAsksCLI(t *testing.T) {
	dir := t.TempDir()
	li, wang := filepath.Join(dir, "li.db"), filepath.Join(dir, "wang.db")
	pass := filepath.Join(dir, "pass.txt")
	if err := os.WriteFile(pass, []byte("tea leaves and silk\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	run(t, li, "init", "--associate", "Li Na")
	run(t, li, "add", "王小明", "--phone", "13911112222")
	run(t, wang, "init", "--associate", "Wang Fang")
	run(t, wang, "add", "王小明", "--phone", "13800138000")
	bundle := filepath.Join(dir, "b.age")
	run(t, li, "handover", "export", "--all", "-o", bundle, "--passphrase-file", pass)
	before, err := os.ReadFile(wang)
	if err != nil {
		t.Fatal(err)
	}
	dry := run(t, wang, "handover", "import", bundle, "--dry-run", "--passphrase-file", pass)
	if !strings.Contains(dry, "same name as 王小明") {
		t.Errorf("the dry run does not show the likeness:\n%s", dry)
	}
	for _, lang := range []string{"en", "zh"} {
		_, errOut, err := runErr(wang, "--lang", lang, "handover", "import", bundle, "--passphrase-file", pass)
		want := map[string]string{"en": "--force", "zh": "同名但电话不同"}[lang]
		if err == nil || !strings.Contains(err.Error()+errOut, want) || !strings.Contains(err.Error()+errOut, "王小明 ~ 王小明") {
			t.Errorf("%s: a same-name client was not refused: %v %s", lang, err, errOut)
		}
	}
	after, _ := os.ReadFile(wang)
	if !bytes.Equal(before, after) {
		t.Error("the refused import changed the book file")
	}
	out := run(t, wang, "handover", "import", bundle, "--force", "--passphrase-file", pass)
	if !strings.Contains(out, "Added as new clients although a client here has the same name: 1") {
		t.Errorf("--force:\n%s", out)
	}
	if list := run(t, wang, "list"); strings.Count(list, "王小明") != 2 {
		t.Errorf("after --force:\n%s", list)
	}
}
