package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/chainsync"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/internal/pgtest"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// chainStoreBook makes a book of associate role in storeName holding the
// clients add adds, joined to the chain at dsn, and returns its path.
func chainStoreBook(t *testing.T, dsn, role, pw, storeName string, add func(tx *store.Tx) error) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.db")
	st, err := store.Init(path, store.Meta{Associate: role, Store: storeName, CountryCode: "81", Currency: "JPY"},
		store.Options{Now: testNow, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Update(add); err != nil {
		t.Fatal(err)
	}
	if _, err := chainsync.Join(context.Background(), st, dsn, chainsync.Password{Text: pw}, storeName, ""); err != nil {
		t.Fatal(err)
	}
	return path
}

// On the clients screen, / and a name the book does not hold offers to
// search the chain (enter); the chain's clients are listed as chain find
// lists them, and enter on one brings it into the book (the associate
// becomes its secondary associate) and opens its profile, with what the
// chain shares. In Chinese the offer and the list say the same; with the
// server gone the screen says so.
func TestSearchTheChainFromTheClientsScreen(t *testing.T) {
	pg := pgtest.Server(t)
	db := pg.NewDatabase(t)
	ctx := context.Background()
	if _, err := chain.Migrate(ctx, pg.AdminDSN(db)); err != nil {
		t.Fatal(err)
	}
	mori, ito := "mori_"+db, "ito_"+db
	for _, g := range []chain.Grantee{{Name: mori, Store: "大阪"}, {Name: ito, Store: "东京"}} {
		if _, err := chain.Grant(ctx, pg.AdminDSN(db), g, "pw-"+g.Name); err != nil {
			t.Fatal(err)
		}
		name := g.Name
		t.Cleanup(func() { pg.Exec(t, "postgres", "DROP ROLE IF EXISTS "+pgx.Identifier{name}.Sanitize()) })
	}
	// Osaka's book holds 佐藤由紀 with a purchase, and syncs.
	osakaPath := chainStoreBook(t, pg.DSN(db, mori, ""), mori, "pw-"+mori, "大阪", func(tx *store.Tx) error {
		p := &profile.Profile{Name: "佐藤由紀", LatinName: "Sato Yuki", Phones: []profile.Phone{{Number: "+81 90 1234 5678"}}}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		return tx.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.New(2026, 11, 20), Amount: 12800000, Items: "handbag"})
	})
	osaka, err := store.Open(osakaPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chainsync.Sync(ctx, osaka, chainsync.Password{Text: "pw-" + mori}, time.Now, nil); err != nil {
		t.Fatal(err)
	}
	osaka.Close()

	// Tokyo's book, joined, does not hold her.
	tokyoPath := chainStoreBook(t, pg.DSN(db, ito, ""), ito, "pw-"+ito, "东京", func(tx *store.Tx) error {
		return tx.AddClient(&profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "+81 90 8765 4321"}}})
	})
	t.Setenv("PGPASSWORD", "pw-"+ito)
	b := openBook(t, tokyoPath)
	h := newHarness(t, b, "en", 120, 30) // its first sync runs here
	h.keys("2", "/")
	h.typeText("sato")
	if v := h.view(); !strings.Contains(v, `Not in this book. enter: search the whole chain for "sato"`) {
		t.Fatalf("no offer to search the chain:\n%s", v)
	}
	h.keys("enter")
	v := h.view()
	for _, want := range []string{"In the chain: ↑/↓ choose", "佐藤由紀 Sato Yuki  大阪 · " + mori, "no tier  spend 128,000  last visit 2026-11-20"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q in the chain's answer:\n%s", want, v)
		}
	}
	h.keys("enter")
	v = h.view()
	if !strings.Contains(v, "佐藤由紀") || !strings.Contains(v, "128,000") {
		t.Errorf("the adopted client's profile is not shown:\n%s", v)
	}
	var n int
	if err := b.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		n = len(sums)
		return err
	}); err != nil || n != 2 {
		t.Errorf("Tokyo's book holds %d clients after adopting (%v), want 2", n, err)
	}

	// In Chinese, a name the chain has not either.
	zh := newHarness(t, b, "zh", 120, 30)
	zh.keys("2", "/")
	zh.typeText("tanaka")
	if v := zh.view(); !strings.Contains(v, "本册中没有。按 enter 在整个连锁中查找“tanaka”") {
		t.Fatalf("no offer in Chinese:\n%s", v)
	}
	zh.keys("enter")
	if v := zh.view(); !strings.Contains(v, "连锁中没有与“tanaka”相符的客户。") {
		t.Errorf("the chain's empty answer in Chinese:\n%s", v)
	}

	// The server gone: the screen says so, and the book is as it was.
	pg.Stop(t)
	defer pg.Start(t)
	h.keys("esc", "2", "/")
	h.typeText("yamada")
	h.keys("enter")
	if v := h.view(); !strings.Contains(v, "cannot be reached") || !strings.Contains(v, "run the command again when it is back") {
		t.Errorf("the server stopped: the screen does not say it whole:\n%s", v)
	}
}
