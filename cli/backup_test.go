package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/store"
)

// runLang runs vipbook with stdin and the language given.
func runLang(book, lang, stdin string, args ...string) (string, string, error) {
	var out, errOut bytes.Buffer
	a := &App{Now: goldenNow, Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, WorkFactor: testWorkFactor}
	root := NewRoot(a)
	root.SetArgs(append([]string{"--book", book, "--lang", lang}, args...))
	root.SetOut(&out)
	root.SetErr(&errOut)
	err := root.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

// smallBook makes a book with two clients.
func smallBook(t *testing.T) string {
	t.Helper()
	book := filepath.Join(t.TempDir(), "data", "book.db")
	if err := os.MkdirAll(filepath.Dir(book), 0o700); err != nil {
		t.Fatal(err)
	}
	run(t, book, "init", "--associate", "李娜", "--store", "Shanghai IFC")
	run(t, book, "add", "王小明", "--phone", "13800138000")
	run(t, book, "add", "Anne Dubois", "--phone", "+33 6 12 34 56 78")
	return book
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// TestBackupDefaultName: without -o the copy goes to backups/ beside the
// book (0700), named after the book and the minute, 0600; a second one in
// the same minute gets another name; an existing -o file is refused
// unless --force.
func TestBackupDefaultName(t *testing.T) {
	book := smallBook(t)
	out := run(t, book, "backup")
	want := filepath.Join(filepath.Dir(book), "backups", "book-20261124-0900.db")
	if !strings.Contains(out, want) || !strings.Contains(out, "KB") {
		t.Errorf("backup said %q, want the path %s and the size", out, want)
	}
	if m := mode(t, want); m != 0o600 {
		t.Errorf("backup mode %v, want 0600", m)
	}
	if m := mode(t, filepath.Dir(want)); m != 0o700 {
		t.Errorf("backups directory mode %v, want 0700", m)
	}
	if got := run(t, book, "--book", want, "list"); !strings.Contains(got, "王小明") || !strings.Contains(got, "Anne Dubois") {
		t.Errorf("the backup does not list the clients:\n%s", got)
	}
	out = run(t, book, "backup")
	if second := strings.TrimSuffix(want, ".db") + "-2.db"; !strings.Contains(out, second) || !store.Exists(second) {
		t.Errorf("second backup in the minute said %q, want %s", out, second)
	}

	dst := filepath.Join(t.TempDir(), "mine.db")
	if err := os.WriteFile(dst, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, _, err := runLang(book, "en", "", "backup", "-o", dst)
	if err == nil || !strings.Contains(err.Error(), "already exists") || !strings.Contains(err.Error(), "--force") {
		t.Errorf("backup over an existing file = %v, want a refusal naming --force", err)
	}
	if got, _ := os.ReadFile(dst); string(got) != "keep me" {
		t.Error("the refused backup changed the file")
	}
	run(t, book, "backup", "-o", dst, "--force")
	if _, err := store.Inspect(dst); err != nil {
		t.Errorf("forced backup is not a sound book: %v", err)
	}
	if _, _, err := runLang(book, "en", "", "backup", "-o", book, "--force"); err == nil {
		t.Error("a backup onto the book itself was not refused")
	}
}

// TestRestore: the restore shows both books, does nothing unless
// confirmed, and once confirmed puts the backup in place and keeps the
// book it replaced.
func TestRestore(t *testing.T) {
	book := smallBook(t)
	bak := filepath.Join(t.TempDir(), "bak.db")
	run(t, book, "backup", "-o", bak)
	run(t, book, "add", "曾小凡", "--phone", "139-1688-2046")
	before, _ := os.ReadFile(book)
	kept := store.KeptName(book, goldenNow())

	for _, answer := range []string{"no\n", "\n", "", "yess\n"} {
		out, _, err := runLang(book, "en", answer, "restore", bak)
		if err == nil || !strings.Contains(err.Error(), "Nothing was restored") {
			t.Errorf("answer %q: err %v, want nothing restored", answer, err)
		}
		for _, want := range []string{"李娜 (Shanghai IFC)", "2 clients", "3 clients", "created 2026-11-24", "Type yes"} {
			if !strings.Contains(out, want) {
				t.Errorf("answer %q: restore did not show %q:\n%s", answer, want, out)
			}
		}
		if after, _ := os.ReadFile(book); !bytes.Equal(before, after) || store.Exists(kept) {
			t.Fatalf("answer %q changed the book or kept a copy", answer)
		}
	}

	out, _, err := runLang(book, "en", "y\n", "restore", bak)
	if err != nil {
		t.Fatalf("confirmed restore: %v", err)
	}
	if !strings.Contains(out, "Restored") || !strings.Contains(out, kept) {
		t.Errorf("restore said %q, want the kept name %s", out, kept)
	}
	if got, _ := os.ReadFile(kept); !bytes.Equal(got, before) || mode(t, kept) != 0o600 {
		t.Error("the kept book is not the book as it was, owner-only")
	}
	list := run(t, book, "list")
	if strings.Contains(list, "曾小凡") || !strings.Contains(list, "王小明") {
		t.Errorf("after the restore the book lists:\n%s", list)
	}
	if mode(t, book) != 0o600 {
		t.Errorf("restored book mode %v", mode(t, book))
	}
}

// TestRestoreRefusesBadFile: a non-book and a damaged backup are refused
// before any question, with --yes too, and the book is left byte for byte.
func TestRestoreRefusesBadFile(t *testing.T) {
	book := smallBook(t)
	bak := filepath.Join(t.TempDir(), "bak.db")
	run(t, book, "backup", "-o", bak)
	raw, _ := os.ReadFile(bak)
	damaged := filepath.Join(t.TempDir(), "damaged.db")
	if err := os.WriteFile(damaged, raw[:len(raw)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	notBook := filepath.Join(t.TempDir(), "clients.csv")
	if err := os.WriteFile(notBook, []byte("name,phone\n王小明,13800138000\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(book)
	for _, src := range []string{damaged, notBook} {
		for _, lang := range []string{"en", "zh"} {
			out, _, err := runLang(book, lang, "yes\n", "restore", src, "--yes")
			if err == nil || !errors.Is(err, store.ErrBadBackup) {
				t.Errorf("restore %s (%s) = %v, want ErrBadBackup", filepath.Base(src), lang, err)
				continue
			}
			want := map[string]string{"en": "nothing was restored", "zh": "没有恢复任何内容"}[lang]
			if !strings.Contains(err.Error(), want) || out != "" {
				t.Errorf("restore %s (%s): %q, printed %q", filepath.Base(src), lang, err, out)
			}
		}
	}
	if after, _ := os.ReadFile(book); !bytes.Equal(before, after) {
		t.Error("a refused restore changed the book")
	}
	entries, _ := os.ReadDir(filepath.Dir(book))
	if len(entries) != 1 {
		t.Errorf("files beside the book: %d, want only the book", len(entries))
	}
}

// TestReadOnlyBookCLI: a 0400 book still briefs, lists, shows, searches
// and reports; a write says the file is read-only and how to fix it, in
// both languages, and leaves the file as it was.
func TestReadOnlyBookCLI(t *testing.T) {
	book := smallBook(t)
	if err := os.Chmod(book, 0o400); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(book)
	for _, args := range [][]string{{"brief"}, {"list"}, {"show", "王小明"}, {"search", "anne"}, {"report"}} {
		out, errOut, err := runLang(book, "en", "", args...)
		if err != nil {
			t.Errorf("vipbook %v on a 0400 book: %v\n%s", args, err, errOut)
		}
		if args[0] == "list" && !strings.Contains(out, "王小明") {
			t.Errorf("list on a 0400 book:\n%s", out)
		}
	}
	bak := filepath.Join(t.TempDir(), "bak.db")
	run(t, book, "backup", "-o", bak)
	for lang, wants := range map[string][]string{
		"en": {"read-only", "mode 0400", "chmod u+w " + book},
		"zh": {"只读", "0400", "chmod u+w " + book},
	} {
		for _, args := range [][]string{{"add", "曾小凡", "--phone", "13916882046"}, {"note", "王小明", "likes navy"}} {
			_, _, err := runLang(book, lang, "", args...)
			if !errors.Is(err, store.ErrReadOnlyFile) {
				t.Errorf("vipbook %v (%s) on a 0400 book = %v, want ErrReadOnlyFile", args, lang, err)
				continue
			}
			for _, w := range wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("vipbook %v (%s): %q lacks %q", args, lang, err, w)
				}
			}
		}
	}
	if out, _, err := runLang(book, "en", "", "restore", bak); !errors.Is(err, store.ErrReadOnlyFile) || out != "" {
		t.Errorf("restore over a 0400 book = %v, printed %q; want ErrReadOnlyFile before any question", err, out)
	}
	if after, _ := os.ReadFile(book); !bytes.Equal(before, after) || mode(t, book) != 0o400 {
		t.Error("the read-only book changed")
	}
}

// TestLoosenedBookNotice: a book others could read is made owner-only by
// the first command that writes, which says so once on stderr.
func TestLoosenedBookNotice(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "the book was readable by others (0644); it is now owner-only (0600)",
		"zh": "0644",
	} {
		book := smallBook(t)
		if err := os.Chmod(book, 0o644); err != nil {
			t.Fatal(err)
		}
		_, errOut, err := runLang(book, lang, "", "add", "曾小凡", "--phone", "13916882046")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(errOut, want) {
			t.Errorf("%s: stderr %q lacks %q", lang, errOut, want)
		}
		if mode(t, book) != 0o600 {
			t.Errorf("%s: mode %v after the write, want 0600", lang, mode(t, book))
		}
		_, errOut, _ = runLang(book, lang, "", "note", "曾小凡", "likes jade")
		if errOut != "" {
			t.Errorf("%s: the second command said %q", lang, errOut)
		}
	}
}

// TestFullDiskWording: the store's ErrFull reads in the interface language
// and still is ErrFull.
func TestFullDiskWording(t *testing.T) {
	err := fmt.Errorf("%w (database reached maximum size)", store.ErrFull)
	for lang, want := range map[string]string{"en": "nothing was saved; free some space", "zh": "腾出空间"} {
		a := &App{Lang: lang}
		got := a.friendlyStore(err)
		if !errors.Is(got, store.ErrFull) || !strings.Contains(got.Error(), want) {
			t.Errorf("%s: %q, want ErrFull saying %q", lang, got, want)
		}
	}
}

// TestBackupReadOnlyDirectory: where the backup cannot be written (a
// read-only directory), backup and restore say where and why, and the
// book is left as it was. Root ignores directory modes, so it skips.
func TestBackupReadOnlyDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which ignores directory modes")
	}
	book := smallBook(t)
	bak := filepath.Join(t.TempDir(), "bak.db")
	run(t, book, "backup", "-o", bak)
	dir := filepath.Dir(book)
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	before, _ := os.ReadFile(book)

	_, _, err := runLang(book, "en", "", "backup")
	if err == nil || !strings.Contains(err.Error(), "backups") || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("backup beside a book in a read-only directory = %v", err)
	}
	ro := t.TempDir()
	if err := os.Chmod(ro, 0o500); err != nil {
		t.Fatal(err)
	}
	_, _, err = runLang(book, "en", "", "backup", "-o", filepath.Join(ro, "b.db"))
	if err == nil || !strings.Contains(err.Error(), ro) || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("backup into a read-only directory = %v", err)
	}
	_, _, err = runLang(book, "en", "", "restore", bak, "--yes")
	if err == nil || !strings.Contains(err.Error(), "nothing was restored") || !strings.Contains(err.Error(), dir) {
		t.Errorf("restore into a read-only directory = %v", err)
	}
	// Writes in place still work: bbolt does not need the directory.
	run(t, book, "note", "王小明", "likes navy")
	if after, _ := os.ReadFile(book); bytes.Equal(before, after) {
		t.Error("the note did not land")
	}
}
