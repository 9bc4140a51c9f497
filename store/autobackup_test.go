package store

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestBackupPath(t *testing.T) {
	now := time.Date(2026, time.December, 2, 9, 5, 0, 0, time.FixedZone("CST", 8*3600))
	tests := []struct {
		book string
		auto bool
		want string
	}{
		{"/d/book.db", false, "/d/backups/book-20261202-0905.db"},
		{"/d/book.db", true, "/d/backups/book-auto-20261202.db"},
		{"/d/shop.bolt", true, "/d/backups/shop-auto-20261202.bolt"},
		{"/d/book", false, "/d/backups/book-20261202-0905.db"},
		{"/d/book", true, "/d/backups/book-auto-20261202.db"},
		{"rel/my.book.db", true, "rel/backups/my.book-auto-20261202.db"},
	}
	for _, tt := range tests {
		if got := BackupPath(tt.book, now, tt.auto); got != filepath.FromSlash(tt.want) {
			t.Errorf("BackupPath(%q, auto=%v) = %q, want %q", tt.book, tt.auto, got, tt.want)
		}
	}
	// The date is the clock's, in its zone: 23:30 UTC on the 1st is the
	// 2nd in Shanghai.
	late := time.Date(2026, time.December, 1, 23, 30, 0, 0, time.UTC).In(now.Location())
	if got := BackupPath("/d/book.db", late, true); got != filepath.FromSlash("/d/backups/book-auto-20261202.db") {
		t.Errorf("BackupPath in CST = %q", got)
	}
}

func TestUnusedPath(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "book-20261202-0905.db")
	if got := UnusedPath(p); got != p {
		t.Fatalf("UnusedPath of a free name = %q", got)
	}
	for _, n := range []string{"book-20261202-0905.db", "book-20261202-0905-2.db"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := UnusedPath(p), filepath.Join(dir, "book-20261202-0905-3.db"); got != want {
		t.Fatalf("UnusedPath = %q, want %q", got, want)
	}
}

// autoNames returns the automatic backup names of book.db for the days
// from the 1st to the nth of December 2026.
func autoNames(n int) []string {
	var out []string
	for d := 1; d <= n; d++ {
		out = append(out, fmt.Sprintf("book-auto-202612%02d.db", d))
	}
	return out
}

func TestAutoBackupPlan(t *testing.T) {
	book := filepath.FromSlash("/d/book.db")
	dir := filepath.FromSlash("/d/backups")
	now := time.Date(2026, time.December, 10, 8, 0, 0, 0, time.UTC)
	today := filepath.Join(dir, "book-auto-20261210.db")
	full := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(dir, n))
		}
		return out
	}
	tests := []struct {
		name       string
		names      []string
		wantWrite  string
		wantRemove []string
	}{
		{"no directory yet", nil, today, nil},
		{"today's is there", []string{"book-auto-20261210.db"}, "", nil},
		{"six older: all kept with today's", autoNames(6), today, nil},
		{"seven older: the oldest goes", autoNames(7), today, full("book-auto-20261201.db")},
		{"nine older, listed in any order", append([]string{"book-auto-20261209.db"}, autoNames(8)...), today,
			full("book-auto-20261203.db", "book-auto-20261202.db", "book-auto-20261201.db")},
		{"today's and seven older: the oldest goes, nothing written",
			append([]string{"book-auto-20261210.db"}, autoNames(7)...), "", full("book-auto-20261201.db")},
		{"only automatic backups of this book count", append(autoNames(6),
			"book-20261101-0900.db",         // a manual backup
			"book-20261101-0900-2.db",       // a second in the minute
			"other-auto-20261101.db",        // another book's
			"book-auto-20261101.db.tmp",     // not a backup
			"book-auto-2026110.db",          // not a date
			"book-auto-20261399.db",         // not a day
			"book-auto-20261101-0900.db",    // not an automatic name
			"book-auto-20261101.bolt",       // another extension
			"book-auto-auto-20261101.db",    // the book book-auto.db's
			"notes.txt", ".book-auto-1.tmp", // strangers
		), today, nil},
		{"the clock went back: today's is written and kept", []string{
			"book-auto-20261211.db", "book-auto-20261212.db", "book-auto-20261213.db", "book-auto-20261214.db",
			"book-auto-20261215.db", "book-auto-20261216.db", "book-auto-20261217.db"}, today,
			full("book-auto-20261211.db")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			write, remove := AutoBackupPlan(book, tt.names, now)
			if write != tt.wantWrite {
				t.Errorf("write = %q, want %q", write, tt.wantWrite)
			}
			if !slices.Equal(remove, tt.wantRemove) {
				t.Errorf("remove = %q, want %q", remove, tt.wantRemove)
			}
		})
	}
}

func TestAutoBackup(t *testing.T) {
	b, path := newBook(t)
	for i := range 20 {
		if err := addPair(b, i); err != nil {
			t.Fatal(err)
		}
	}
	dir := BackupDir(path)
	day := func(d int) time.Time { return time.Date(2026, time.December, d, 9, 0, 0, 0, time.UTC) }

	written, removed, err := b.AutoBackup(day(1))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "book-auto-20261201.db"); written != want || len(removed) != 0 {
		t.Fatalf("first backup: written %q removed %q, want %q and none", written, removed, want)
	}
	if n := checkPairs(t, written); n != 20 {
		t.Fatalf("the backup holds %d clients, want 20", n)
	}
	for p, want := range map[string]os.FileMode{dir: 0o700, written: 0o600} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != want {
			t.Errorf("%s has mode %o, want %o", p, st.Mode().Perm(), want)
		}
	}

	// The same day again: nothing written.
	if written, removed, err := b.AutoBackup(day(1).Add(5 * time.Hour)); err != nil || written != "" || len(removed) != 0 {
		t.Fatalf("second backup the same day: written %q removed %q err %v, want nothing", written, removed, err)
	}

	// A manual backup and a stranger are never deleted.
	manual := filepath.Join(dir, "book-20261101-0900.db")
	stranger := filepath.Join(dir, "keep-me.txt")
	for _, p := range []string{manual, stranger} {
		if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// Ten days on: seven automatic backups stay, the newest.
	for d := 2; d <= 10; d++ {
		if _, _, err := b.AutoBackup(day(d)); err != nil {
			t.Fatalf("day %d: %v", d, err)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := []string{"book-20261101-0900.db",
		"book-auto-20261204.db", "book-auto-20261205.db", "book-auto-20261206.db", "book-auto-20261207.db",
		"book-auto-20261208.db", "book-auto-20261209.db", "book-auto-20261210.db", "keep-me.txt"}
	if !slices.Equal(got, want) {
		t.Fatalf("backups directory holds %q, want %q", got, want)
	}
}

func TestAutoBackupFailureDeletesNothing(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into a read-only directory")
	}
	b, path := newBook(t)
	dir := BackupDir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	old := autoNames(8)
	for _, n := range old {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	written, removed, err := b.AutoBackup(time.Date(2026, time.December, 20, 9, 0, 0, 0, time.UTC))
	if err == nil || written != "" || len(removed) != 0 {
		t.Fatalf("backup into a read-only directory: written %q removed %q err %v, want an error and nothing done", written, removed, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(old) {
		t.Fatalf("the directory holds %d files after a failed backup, want the %d it had", len(entries), len(old))
	}
}

// TestCopies: the copies of a book are its backups and restore's kept
// books, not another book's backups in the same directory.
func TestCopies(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "book.db")
	bdir := filepath.Join(dir, "backups")
	if err := os.MkdirAll(bdir, 0o700); err != nil {
		t.Fatal(err)
	}
	mine := []string{"book-20261202-0900.db", "book-20261202-0900-2.db", "book-auto-20261202.db"}
	for _, n := range append(slices.Clone(mine), "demo-auto-20261202.db", "book-other-20261202-0900.db", "notes.txt") {
		if err := os.WriteFile(filepath.Join(bdir, n), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	kept := book + ".before-restore-20261202-090000"
	if err := os.WriteFile(kept, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, n := range mine {
		want = append(want, filepath.Join(bdir, n))
	}
	want = append(want, kept)
	got := Copies(book)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("Copies = %q\nwant %q", got, want)
	}
}
