package cli

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
)

// saidWriter is a command's stderr that closes said once what it wrote
// holds want.
type saidWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	want string
	said chan struct{}
}

func (w *saidWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	had := strings.Contains(w.buf.String(), w.want)
	w.buf.Write(p)
	if !had && strings.Contains(w.buf.String(), w.want) {
		close(w.said)
	}
	return len(p), nil
}

func (w *saidWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// runLangTo runs vipbook on book in lang, writing its stderr to stderr as
// it goes (runLang gives it at the end), and returns its output.
func runLangTo(stderr io.Writer, book, lang string, args ...string) (string, error) {
	var out bytes.Buffer
	a := &App{Now: goldenNow, Stdin: strings.NewReader(""), Stdout: &out, Stderr: stderr, WorkFactor: testWorkFactor}
	root := NewRoot(a)
	root.SetArgs(append([]string{"--book", book, "--lang", lang}, args...))
	root.SetOut(&out)
	root.SetErr(stderr)
	err := root.ExecuteContext(context.Background())
	return out.String(), err
}

// TestPoint8NoteWaitsForCLIBackup (issue 14 point 8, nothing waits): a
// `vipbook backup` whose page copy takes a while (the seam holds the book
// until the note says it waits, past the 1 s a command used to give up
// after) makes a `vipbook note` from another App wait, saying it waits
// for a backup in the interface language; the note lands, the backup
// succeeds, and the copy checks sound (without the note: it was taken
// before). The hold ends on what the note says, not after a fixed time:
// on a loaded machine the note reached the book later than any.
func TestPoint8NoteWaitsForCLIBackup(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			path := smallBook(t)
			dst := filepath.Join(t.TempDir(), "copy.db")
			want := i18n.New(lang).T(i18n.CliWaitingForBackup)
			noteErr := &saidWriter{want: want, said: make(chan struct{})}
			var began atomic.Int64
			hold := func() {
				select {
				case <-noteErr.said:
				case <-time.After(time.Minute):
				}
				// Past a second since the note began: it used to give up then.
				if b := began.Load(); b != 0 {
					time.Sleep(time.Second - time.Since(time.Unix(0, b)))
				}
			}
			var bout, berr bytes.Buffer
			ba := &App{Now: goldenNow, Stdin: strings.NewReader(""), Stdout: &bout, Stderr: &berr,
				WorkFactor: testWorkFactor, BackupCopyHold: hold}
			root := NewRoot(ba)
			root.SetArgs([]string{"--book", path, "--lang", lang, "backup", "-o", dst})
			root.SetOut(&bout)
			root.SetErr(&berr)
			done := make(chan error, 1)
			go func() { done <- root.ExecuteContext(context.Background()) }()
			for deadline := time.Now().Add(time.Minute); !store.BackingUp(path); time.Sleep(5 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatal("the backup never started")
				}
			}
			start := time.Now()
			began.Store(start.UnixNano())
			_, err := runLangTo(noteErr, path, lang, "note", "王小明", "likes jade")
			took, errOut := time.Since(start), noteErr.String()
			if err != nil {
				t.Fatalf("note during a backup: %v (stderr %q)", err, errOut)
			}
			if took < time.Second {
				t.Errorf("the note took %v: it should have waited for the backup's copy", took)
			}
			if !strings.Contains(errOut, want) {
				t.Errorf("stderr %q does not say %q", errOut, want)
			}
			if err := <-done; err != nil {
				t.Fatalf("backup: %v (stderr %q)", err, berr.String())
			}
			if store.BackingUp(path) {
				t.Error("the backup's marker is still held after it ended")
			}
			info, err := store.Inspect(dst)
			if err != nil {
				t.Fatalf("the copy does not check sound: %v", err)
			}
			if info.Clients != 2 {
				t.Errorf("the copy holds %d clients, want 2", info.Clients)
			}
			out := run(t, path, "show", "王小明")
			if !strings.Contains(out, "likes jade") {
				t.Errorf("the note did not land in the book: %q", out)
			}
		})
	}
}
