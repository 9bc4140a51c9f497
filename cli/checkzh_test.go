package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
	bolt "go.etcd.io/bbolt"
)

// TestPoint5CheckProblemsInChinese (issue 14 point 5): the problems check
// lists, and the damage mark it leaves, are codes and arguments the
// catalog says in the associate's language: under --lang zh a damaged
// client record and a due index gone whole are said in Chinese, under en
// in English; the mark holds the code, and the warning of the next
// command says it in Chinese. A mark written before codes were kept (its
// English words only) still reads.
func TestPoint5CheckProblemsInChinese(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "Mq Damaged", "--phone", "+86 139 0000 3333")
	id := idByPhone(t, book, "13900003333")
	run(t, book, "task", "add", "Mq Damaged", "Call back", "--due", "2026-11-30")
	db, err := bolt.Open(book, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket([]byte("clients")).Put([]byte(id), []byte("\x01\x02 not a client")); err != nil {
			return err
		}
		return tx.DeleteBucket([]byte("taskdue"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, err := runLang(book, "zh", "", "check")
	if err == nil {
		t.Fatalf("check of a damaged book ends well:\n%s", out)
	}
	for _, want := range []string{"客户 " + id + " (Mq Damaged) 的记录已损坏（无法解码）", "到期索引缺失，1 项未完成的跟进不在其中"} {
		if !strings.Contains(out+errOut, want) {
			t.Errorf("check --lang zh does not say %q:\n%s%s", want, out, errOut)
		}
	}
	for _, english := range []string{"is damaged", "due index is missing", "decode"} {
		if strings.Contains(out+errOut, english) {
			t.Errorf("check --lang zh says %q in English:\n%s%s", english, out, errOut)
		}
	}
	out, errOut, _ = runLang(book, "en", "", "check")
	if !strings.Contains(out+errOut, "the record of client "+id) || !strings.Contains(out+errOut, "the due index is missing: 1 open tasks") {
		t.Errorf("check --lang en:\n%s%s", out, errOut)
	}
	m, ok := store.KnownDamaged(book)
	if !ok || m.Code == "" {
		t.Fatalf("the mark holds no code: %+v", m)
	}
	_, errOut, _ = runLang(book, "zh", "", "list")
	if said := i18n.New("zh").Finding(i18n.Finding{Code: m.Code, Args: m.Args}); !strings.Contains(errOut, said) || strings.Contains(errOut, m.What) {
		t.Errorf("the warning under zh does not say the mark %q in Chinese (%q):\n%s", m.What, said, errOut)
	}
	// A mark of an earlier vipbook: English words, no code.
	if err := os.WriteFile(store.MarkPath(book), []byte(`{"found":"2026-11-20T09:00:00Z","by":"read","what":"a record could not be read"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, errOut, _ := runLang(book, "zh", "", "list"); !strings.Contains(errOut, "有一条记录无法读取") {
		t.Errorf("an old mark is not said:\n%s", errOut)
	}
}

// TestPoint5EveryProblemInChinese: every problem check words (each
// rep.problem, w.problem and say wording in the store) has its Chinese in
// the catalog, so none falls back to English.
func TestPoint5EveryProblemInChinese(t *testing.T) {
	files, err := filepath.Glob("../store/*.go")
	if err != nil || len(files) == 0 {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`\b(?:rep|w|r)\.problem\("([^"]*)"|\bsay\("([^"]*)"|newFinding\("([^"]*)"|\.notice\("([^"]*)"|Code: "([^"]*)"|const code = "([^"]*)"|return "(meta: [^"]*)"|\),\s*"(bbolt: [^"]*)"\}`)
	verb := regexp.MustCompile(`%[-+# 0]*[0-9]*(\.[0-9]+)?[a-zA-Z]`)
	zh := i18n.New("zh")
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			format := strings.Join(m[1:], "")
			code := verb.ReplaceAllString(format, "%s")
			args := make([]string, strings.Count(code, "%s"))
			for i := range args {
				args[i] = "X"
			}
			n++
			if got := zh.Problem(code, args); got == i18n.New("en").Problem(code, args) && code != "%s" {
				t.Errorf("%s: %q has no Chinese", filepath.Base(f), code)
			}
		}
	}
	if n < 50 {
		t.Errorf("found only %d problem wordings in the store: the pattern is stale", n)
	}
}

// TestCheckMetaPageInChinese: a book whose first meta page is damaged is
// said damaged in Chinese under zh (the meta pages' lines were English),
// and check --json gives each problem's code and arguments beside its
// English line.
func TestCheckMetaPageInChinese(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "王小明", "--phone", "13800138000")
	f, err := os.OpenFile(book, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte("not a meta page at all, not at all, not at all"), 16); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, errOut, err := runLang(book, "zh", "", "check")
	if err == nil || !strings.Contains(out, "元数据页 0 已损坏（另一页完好）") {
		t.Errorf("check --lang zh: %v\n%s%s", err, out, errOut)
	}
	paths := map[string]bool{}
	for _, w := range latinWord.FindAllString(book, -1) {
		paths[w] = true
	}
	for _, w := range english(out+errOut, syntaxWords(), formatWords(), paths) {
		t.Errorf("check --lang zh: English %s", w)
	}
	out, _, _ = runLang(book, "en", "", "check", "--json")
	var rep struct {
		Problems []string
		Findings []struct {
			Text, Code string
			Args       []string
		}
		NoticeFindings []struct{ Code string } `json:"notice_findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(rep.Findings) != len(rep.Problems) || len(rep.Findings) == 0 ||
		rep.Findings[0].Code != "meta page %s is damaged (the other one is intact)" || len(rep.Findings[0].Args) != 1 ||
		rep.Findings[0].Text != rep.Problems[0] {
		t.Errorf("check --json findings: %+v", rep)
	}
	if len(rep.NoticeFindings) == 0 || !strings.HasPrefix(rep.NoticeFindings[0].Code, "bbolt's consistency check was skipped") {
		t.Errorf("check --json notices: %s", out)
	}
}

// TestCheckMetaBucketInChinese: a book whose description (its schema
// version, its associate and store) is missing or damaged is said so in
// Chinese under zh, with no English from the error that found it (the
// path and "not a vipbook book" were said as they are).
func TestCheckMetaBucketInChinese(t *testing.T) {
	for _, c := range []struct {
		name   string
		damage func(mb *bolt.Bucket) error
		zh, en string
	}{
		{"no schema", func(mb *bolt.Bucket) error { return mb.Delete([]byte("schema")) }, "客户册没有结构版本号", "the book has no schema version"},
		{"bad schema", func(mb *bolt.Bucket) error { return mb.Put([]byte("schema"), []byte("x1")) }, "客户册的结构版本号已损坏", "the book's schema version is damaged"},
		{"bad description", func(mb *bolt.Bucket) error { return mb.Put([]byte("book"), []byte("{not json")) }, "客户册的说明已损坏", "the book's description is damaged"},
	} {
		book := filepath.Join(t.TempDir(), "book.db")
		run(t, book, "init", "--associate", "李娜")
		db, err := bolt.Open(book, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		err = db.Update(func(tx *bolt.Tx) error { return c.damage(tx.Bucket([]byte("meta"))) })
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		out, errOut, _ := runLang(book, "zh", "", "check")
		if !strings.Contains(out+errOut, c.zh) {
			t.Errorf("%s: check --lang zh does not say %q:\n%s%s", c.name, c.zh, out, errOut)
		}
		paths := map[string]bool{}
		for _, w := range latinWord.FindAllString(book, -1) {
			paths[w] = true
		}
		for _, w := range english(out+errOut, syntaxWords(), formatWords(), paths) {
			t.Errorf("%s: check --lang zh: English %s", c.name, w)
		}
		if out, errOut, _ := runLang(book, "en", "", "check"); !strings.Contains(out+errOut, c.en) {
			t.Errorf("%s: check --lang en does not say %q:\n%s%s", c.name, c.en, out, errOut)
		}
	}
}
