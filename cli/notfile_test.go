package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestPoint9NotAFile: every command on a named pipe, a device or a
// directory given as the book answers at once with a plain message saying
// what the path is and what to give instead (a pipe used to hang every
// command), in English and Chinese.
func TestPoint9NotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "book.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		fifo:        {"is a named pipe (FIFO), not a book file", "是一个命名管道（FIFO），不是客户册文件"},
		"/dev/null": {"is a device, not a book file", "是一个设备，不是客户册文件"},
		dir:         {"is a directory, not a book file", "是一个目录，不是客户册文件"},
	}
	for path, words := range want {
		for _, args := range [][]string{{"list"}, {"brief"}, {"show", "x"}, {"add", "A", "--phone", "13800138000"},
			{"note", "x", "y"}, {"check"}, {"backup", "-o", filepath.Join(t.TempDir(), "b.db")}} {
			for i, lang := range []string{"en", "zh"} {
				done := make(chan error, 1)
				var errOut string
				go func() {
					var err error
					_, errOut, err = runLang(path, lang, "", args...)
					done <- err
				}()
				select {
				case err := <-done:
					if err == nil {
						t.Errorf("%v on %s succeeded", args, path)
					} else if msg := err.Error() + errOut; !strings.Contains(msg, words[i]) || !strings.Contains(msg, "--book") {
						t.Errorf("%s: %v on %s says %q, want %q and what to do", lang, args, path, msg, words[i])
					}
				case <-time.After(time.Minute): // a hang is for good; a loaded machine takes seconds
					t.Fatalf("%v on %s hangs", args, path)
				}
			}
		}
	}
}

// TestPoint10Permissions: a read command on a book others can read makes
// it owner-only and says so; `vipbook backup` into an existing backups
// directory others may enter makes it 0700.
func TestPoint10Permissions(t *testing.T) {
	book := smallBook(t)
	if err := os.Chmod(book, 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, err := runLang(book, "en", "", "list")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "readable by others (0644)") || mode(t, book) != 0o600 {
		t.Errorf("list on a 0644 book: said %q, mode %o; want the notice and 0600", errOut, mode(t, book))
	}
	dir := filepath.Join(filepath.Dir(book), "backups")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755)
	if _, errOut, err := runLang(book, "en", "", "backup"); err != nil {
		t.Fatalf("backup: %v\n%s", err, errOut)
	}
	if mode(t, dir) != 0o700 {
		t.Errorf("the backups directory is %o after a backup, want 0700", mode(t, dir))
	}
}
