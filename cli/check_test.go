package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
)

func checkBook(t *testing.T) string {
	t.Helper()
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "王小明", "--phone", "+86 138 0013 8000")
	run(t, book, "add", "Anne Dubois", "--phone", "+33 6 12 34 56 78")
	run(t, book, "note", "王小明", "prefers navy", "--kind", "preference")
	return book
}

func checkRunLang(book, lang string, args ...string) (string, error) {
	var out, errOut bytes.Buffer
	a := &App{Now: goldenNow, Stdout: &out, Stderr: &errOut, WorkFactor: testWorkFactor}
	root := NewRoot(a)
	root.SetArgs(append([]string{"--book", book, "--lang", lang}, args...))
	root.SetOut(&out)
	root.SetErr(&errOut)
	err := root.ExecuteContext(context.Background())
	return out.String(), err
}

func TestCheckSoundBook(t *testing.T) {
	book := checkBook(t)
	out := run(t, book, "check")
	if !strings.HasPrefix(out, "The book is sound: 2 clients, 1 note, 0 purchases, 0 tasks (") {
		t.Errorf("check said:\n%s", out)
	}
	zh, err := checkRunLang(book, "zh", "check")
	if err != nil || !strings.HasPrefix(zh, "客户册完好：2 位客户，1 条记录") {
		t.Errorf("check in Chinese = %v:\n%s", err, zh)
	}
	var rep struct {
		Sound    bool     `json:"sound"`
		Clients  int      `json:"clients"`
		Notes    int      `json:"notes"`
		Size     int64    `json:"size"`
		Problems []string `json:"problems"`
	}
	js := run(t, book, "check", "--json")
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatalf("check --json: %v\n%s", err, js)
	}
	if !rep.Sound || rep.Clients != 2 || rep.Notes != 1 || rep.Size == 0 || rep.Problems == nil || len(rep.Problems) != 0 {
		t.Errorf("check --json = %+v", rep)
	}
}

func TestCheckDamagedBook(t *testing.T) {
	book := checkBook(t)
	raw, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	// Scribble over the second meta page (a 4 KiB page at 4096).
	for i := 4096; i < 8192; i++ {
		raw[i] = byte(i * 7)
	}
	if err := os.WriteFile(book, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	before := sha256.Sum256(raw)

	out, _, err := runErr(book, "check")
	if err == nil || !strings.Contains(err.Error(), "is damaged (1 problem found)") {
		t.Errorf("check of a damaged book: err = %v", err)
	}
	for _, want := range []string{"is damaged:", "meta page 1 is damaged", "vipbook restore FILE"} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
	zh, err := checkRunLang(book, "zh", "check")
	if err == nil || !strings.Contains(zh, "已损坏") || !strings.Contains(zh, "vipbook restore") {
		t.Errorf("check in Chinese = %v:\n%s", err, zh)
	}
	js, _, err := runErr(book, "check", "--json")
	var rep struct {
		Sound    bool     `json:"sound"`
		Problems []string `json:"problems"`
	}
	if jerr := json.Unmarshal([]byte(js), &rep); jerr != nil || err == nil || rep.Sound || len(rep.Problems) != 1 {
		t.Errorf("check --json = %v, %v, %+v\n%s", jerr, err, rep, js)
	}
	// Other commands refuse the book and say what to do.
	_, _, err = runErr(book, "list")
	if !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), "vipbook check") {
		t.Errorf("list on a damaged book = %v", err)
	}
	after, _ := os.ReadFile(book)
	if sha256.Sum256(after) != before {
		t.Error("the damaged book was changed")
	}
	// Not a book at all: an error, no report.
	if _, _, err := runErr(filepath.Join(t.TempDir(), "missing.db"), "check"); !errors.Is(err, store.ErrNoBook) {
		t.Errorf("check of a missing book = %v", err)
	}
}

// TestSecondWriterLocked holds the book open for writing, as a running
// vipbook does, and runs commands against it (issue 14 point 8, nothing
// waits): a writing or reading command waits for it, past the second it
// used to give up after, saying so in en and zh, and runs once the holder
// lets go. A reading command opens the book read-only, which bbolt's file
// lock (shared for readers, exclusive for the writer) also blocks. A
// holder that never lets go makes a command give up after AppWait with
// ErrLocked's message.
func TestSecondWriterLocked(t *testing.T) {
	book := checkBook(t)
	for _, lang := range []string{"en", "zh"} {
		for _, args := range [][]string{
			{"note", "王小明", "called back", "--kind", "call"}, // writes
			{"list"},  // reads
			{"check"}, // reads the whole file
		} {
			held, err := store.Open(book, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			// The holder lets go once the command said it waits and 1.5 s
			// have passed since it began (past OpenTimeout, after which
			// it used to give up): after a fixed time, a loaded machine
			// could reach the book after the holder had let go.
			stderr := &saidWriter{want: i18n.New(lang).T(i18n.CliWaitingForOther), said: make(chan struct{})}
			start := time.Now()
			go func() {
				select {
				case <-stderr.said:
				case <-time.After(time.Minute):
				}
				time.Sleep(store.OpenTimeout + 500*time.Millisecond - time.Since(start))
				held.Close()
			}()
			_, err = runLangTo(stderr, book, lang, args...)
			took, errOut := time.Since(start), stderr.String()
			if err != nil {
				t.Errorf("%v beside a holder that lets go: %v", args, err)
			}
			if took < store.OpenTimeout {
				t.Errorf("%v took %v: it did not wait for the holder", args, took)
			}
			if want := i18n.New(lang).T(i18n.CliWaitingForOther); !strings.Contains(errOut, want) {
				t.Errorf("%v stderr %q does not say %q", args, errOut, want)
			}
		}
	}
	held, err := store.Open(book, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	start := time.Now()
	_, _, err = runErr(book, "check")
	took := time.Since(start)
	if !errors.Is(err, store.ErrLocked) || !strings.Contains(err.Error(), "another vipbook is holding this book (a long import or handover?); try again once it has finished") {
		t.Errorf("check on a held book = %v, want ErrLocked", err)
	}
	if took < store.AppWait-time.Second || took > store.AppWait+30*time.Second { // the rest is room for a loaded machine
		t.Errorf("check took %v to give up: want about %v", took, store.AppWait)
	}
	held.Close()
	// Once let go, the book opens again.
	run(t, book, "note", "王小明", "called back", "--kind", "call")
}

// TestCheckShowsRemoved: `check` says how many removed notes and purchases
// the book keeps out (their tombstones), in English and Chinese, as
// --json's removed; a book with none says nothing of it.
func TestCheckShowsRemoved(t *testing.T) {
	book := checkBook(t)
	if out := run(t, book, "check"); strings.Contains(out, "Kept out") {
		t.Errorf("check of a book with nothing removed:\n%s", out)
	}
	var d struct{ Notes []struct{ ID string } }
	if err := json.Unmarshal([]byte(run(t, book, "show", "王小明", "--json")), &d); err != nil || len(d.Notes) != 1 {
		t.Fatalf("show --json: %v %+v", err, d)
	}
	run(t, book, "note", "rm", d.Notes[0].ID, "--yes")
	if out := run(t, book, "check"); !strings.Contains(out, "\nKept out for good: 1 removed note or purchase (a bundle, an import or the chain does not bring them back).\n") {
		t.Errorf("check after a removal:\n%s", out)
	}
	zh, err := checkRunLang(book, "zh", "check")
	if err != nil || !strings.Contains(zh, "\n不会再回来：已删除的 1 条记录和购买（交接包、导入或连锁同步都不会把它们带回）。\n") {
		t.Errorf("check in Chinese after a removal = %v:\n%s", err, zh)
	}
	var rep struct {
		Removed int `json:"removed"`
	}
	if err := json.Unmarshal([]byte(run(t, book, "check", "--json")), &rep); err != nil || rep.Removed != 1 {
		t.Errorf("check --json: removed %d, %v", rep.Removed, err)
	}
}
