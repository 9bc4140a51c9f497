package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/internal/pgtest"
)

// TestPoint9ReleaseWaitsForChain: issue 12 point 9, a handover leaves
// nothing behind, and loses nothing either. A release takes the clients'
// changes that the chain has not received yet out with them, so the chain
// would never get them: a book in a chain refuses such a release, saying
// how many changes wait and to sync first (in English and Chinese), and
// writes no bundle. --force releases anyway; after a sync the release
// goes through. Against the chain's test PostgreSQL.
func TestPoint9ReleaseWaitsForChain(t *testing.T) {
	pg := pgtest.Server(t)
	db := pg.NewDatabase(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := chain.Migrate(ctx, pg.AdminDSN(db)); err != nil {
		t.Fatal(err)
	}
	role, pw := syncRole(t, pg, db, "mori", "大阪")
	book := demoBook(t)
	var clients []struct{ ID, Name string }
	if err := json.Unmarshal([]byte(run(t, book, "list", "--json")), &clients); err != nil || len(clients) < 2 {
		t.Fatalf("clients: %v", err)
	}
	a, b := clients[0].ID, clients[1].ID
	run(t, book, "chain", "join", pg.DSN(db, role, ""), "--store", "大阪", "--password-file", pw)
	run(t, book, "sync", "--password-file", pw)

	out := t.TempDir()
	pass := filepath.Join(out, "pass")
	if err := os.WriteFile(pass, []byte("a long shared secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	release := func(lang, id, file string, more ...string) (string, error) {
		args := append([]string{"handover", "export", "--clients", id, "--release", "-o", filepath.Join(out, file), "--passphrase-file", pass}, more...)
		o, e, err := speak(book, lang, args...)
		if err != nil {
			return o + e + err.Error(), err
		}
		return o + e, nil
	}
	inBook := func(id string) bool { return strings.Contains(run(t, book, "list", "--json"), id) }

	// Nothing waits: a release right after a sync is not refused by the
	// check (tested at the end); now a note on each of two clients waits.
	run(t, book, "note", a, "asked for the new autumn catalogue")
	run(t, book, "note", b, "prefers calls after six")
	said, err := release("en", a, "a.age")
	if err == nil || !strings.Contains(said, "has not yet received 1 of this book's changes") || !strings.Contains(said, "vipbook sync") ||
		!strings.Contains(said, "--force") {
		t.Errorf("release with a change not yet sent (en): %v\n%s", err, said)
	}
	said, err = release("zh", a, "a.age")
	if err == nil || !strings.Contains(said, "有 1 条尚未同步到连锁") || !strings.Contains(said, "请先同步（vipbook sync）") {
		t.Errorf("release with a change not yet sent (zh): %v\n%s", err, said)
	}
	if _, err := os.Lstat(filepath.Join(out, "a.age")); err == nil {
		t.Error("a refused release wrote its bundle")
	}
	if !inBook(a) {
		t.Fatal("a refused release took the client out of the book")
	}

	// --force releases, the change lost to the chain as the help says.
	if said, err := release("en", b, "b.age", "--force"); err != nil || !strings.Contains(said, "They left this book") {
		t.Errorf("release --force: %v\n%s", err, said)
	}
	if inBook(b) {
		t.Error("released with --force, the client is still in the book")
	}

	// After a sync the release goes through.
	run(t, book, "sync", "--password-file", pw)
	if said, err := release("en", a, "a.age"); err != nil || !strings.Contains(said, "They left this book") {
		t.Errorf("release after the sync: %v\n%s", err, said)
	}
	if inBook(a) {
		t.Error("released after the sync, the client is still in the book")
	}
}
