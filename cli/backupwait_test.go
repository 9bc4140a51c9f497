package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
)

// TestPoint8NoteWaitsForCLIBackup (issue 14 point 8, nothing waits): a
// `vipbook backup` whose page copy takes a while (the seam holds the book
// 2 s longer, past the 1 s a command used to give up after) makes a
// `vipbook note` from another App wait, saying it waits for a backup in
// the interface language; the note lands, the backup succeeds, and the
// copy checks sound (without the note: it was taken before).
func TestPoint8NoteWaitsForCLIBackup(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			path := smallBook(t)
			dst := filepath.Join(t.TempDir(), "copy.db")
			var bout, berr bytes.Buffer
			ba := &App{Now: goldenNow, Stdin: strings.NewReader(""), Stdout: &bout, Stderr: &berr,
				WorkFactor: testWorkFactor, BackupCopyDelay: 2 * time.Second}
			root := NewRoot(ba)
			root.SetArgs([]string{"--book", path, "--lang", lang, "backup", "-o", dst})
			root.SetOut(&bout)
			root.SetErr(&berr)
			done := make(chan error, 1)
			go func() { done <- root.ExecuteContext(context.Background()) }()
			for deadline := time.Now().Add(10 * time.Second); !store.BackingUp(path); time.Sleep(5 * time.Millisecond) {
				if time.Now().After(deadline) {
					t.Fatal("the backup never started")
				}
			}
			start := time.Now()
			_, errOut, err := runLang(path, lang, "", "note", "王小明", "likes jade")
			took := time.Since(start)
			if err != nil {
				t.Fatalf("note during a backup: %v (stderr %q)", err, errOut)
			}
			if took < time.Second {
				t.Errorf("the note took %v: it should have waited for the backup's copy", took)
			}
			want := i18n.New(lang).T(i18n.CliWaitingForBackup)
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
