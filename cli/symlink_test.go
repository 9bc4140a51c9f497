package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// linkTo moves the book at real into its own directory and leaves a
// symbolic link in its place, as an associate who keeps the book on
// another disk would; it returns the link.
func linkTo(t *testing.T, book string) (link, real string) {
	t.Helper()
	real = filepath.Join(t.TempDir(), "real", "book.db")
	if err := os.MkdirAll(filepath.Dir(real), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(book, real); err != nil {
		t.Fatal(err)
	}
	link = filepath.Join(filepath.Dir(book), "linked.db")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	return link, real
}

// assertLinkKept fails unless link is still a symbolic link to real.
func assertLinkKept(t *testing.T, link, real string) {
	t.Helper()
	fi, err := os.Lstat(link)
	if err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("%s is no longer a symbolic link (%v, %v)", link, fi.Mode(), err)
	}
	if got, _ := os.Readlink(link); got != real {
		t.Fatalf("the link points to %s, want %s", got, real)
	}
}

// TestPoint2SymlinkedBook: erase, purge and restore through a symbolic
// link act on the file it points to (the erased bytes leave that file) and
// keep the link.
func TestPoint2SymlinkedBook(t *testing.T) {
	t.Run("erase", func(t *testing.T) {
		book, id, _ := privacyBook(t)
		link, real := linkTo(t, book)
		if _, err := runIn(link, id+"\n", "erase", "Mq Erase"); err != nil {
			t.Fatal(err)
		}
		assertLinkKept(t, link, real)
		for _, m := range append(markTexts, id) {
			if bookBytesHave(t, real, m) {
				t.Errorf("%q is still in the real book after an erase through the link", m)
			}
		}
		if !bookBytesHave(t, real, "OTHER-latin") {
			t.Error("the other client left the real book")
		}
	})
	t.Run("purge", func(t *testing.T) {
		book, id, _ := privacyBook(t)
		inBook(t, book, func(tx *store.Tx) error {
			return tx.UpdateClientWith(id, func(p *profile.Profile) error {
				p.HandedOver = &profile.Handover{To: "王芳", At: goldenNow(), Released: true}
				return nil
			})
		})
		link, real := linkTo(t, book)
		if out, err := runIn(link, "", "purge", "--yes"); err != nil || !strings.Contains(out, "1 archived") {
			t.Fatalf("purge: %v\n%s", err, out)
		}
		assertLinkKept(t, link, real)
		for _, m := range append(markTexts, id) {
			if bookBytesHave(t, real, m) {
				t.Errorf("%q is still in the real book after a purge through the link", m)
			}
		}
	})
	t.Run("restore", func(t *testing.T) {
		book, _, _ := privacyBook(t)
		link, real := linkTo(t, book)
		backup := filepath.Join(t.TempDir(), "before.db")
		run(t, link, "backup", "-o", backup)
		run(t, link, "add", "Added After", "--phone", "13700001234", "--latin-name", "AFTER-backup")
		if !bookBytesHave(t, real, "AFTER-backup") {
			t.Fatal("the client added through the link is not in the real book")
		}
		if _, err := runIn(link, "yes\n", "restore", backup, "--yes"); err != nil {
			t.Fatal(err)
		}
		assertLinkKept(t, link, real)
		if bookBytesHave(t, real, "AFTER-backup") {
			t.Error("the restore did not reach the real book: it still holds the client added after the backup")
		}
		if !bookBytesHave(t, real, "MARK-latin") {
			t.Error("the restored real book lacks the backup's clients")
		}
	})
}
