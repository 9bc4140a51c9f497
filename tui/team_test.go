package tui

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/chainsync"
	"github.com/vipbook/vipbook/internal/pgtest"
)

// The team screen (key 6) of a book that has not joined says how to join.
func TestTeamScreenNotJoined(t *testing.T) {
	b := openBook(t, demoBookPath(t))
	h := newHarness(t, b, "en", 100, 30)
	h.keys("6")
	if v := h.view(); !strings.Contains(v, "has not joined a chain") || !strings.Contains(v, "Team") {
		t.Fatalf("not joined:\n%s", v)
	}
}

// A manager's book, joined, shows the store's team as vipbook chain
// overview does, in Chinese; with the server gone it says so.
func TestTeamScreenManager(t *testing.T) {
	pg := pgtest.Server(t)
	db := pg.NewDatabase(t)
	ctx := context.Background()
	if _, err := chain.Migrate(ctx, pg.AdminDSN(db)); err != nil {
		t.Fatal(err)
	}
	mgr, anna := "美佳_"+db, "小安_"+db
	for _, g := range []chain.Grantee{{Name: mgr, Store: "大阪", Manager: true}, {Name: anna, Store: "大阪"}} {
		if _, err := chain.Grant(ctx, pg.AdminDSN(db), g, "pw-"+g.Name); err != nil {
			t.Fatal(err)
		}
		name := g.Name
		t.Cleanup(func() { pg.Exec(t, "postgres", "DROP ROLE IF EXISTS "+pgx.Identifier{name}.Sanitize()) })
	}
	pg.Exec(t, db, `INSERT INTO clients (id, store, associate, name, tier, spend) VALUES ('x/1', '大阪', $1, '王小明', 'A', 12800)`, anna)
	b := openBook(t, demoBookPath(t))
	if _, err := b.JoinChain(ctx, pg.DSN(db, mgr, ""), chainsync.Password{Text: "pw-" + mgr}, "大阪", mgr); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PGPASSWORD", "pw-"+mgr)
	h := newHarness(t, b, "zh", 110, 40)
	h.keys("6")
	v := h.view()
	for _, want := range []string{"团队", anna, "客户：1 (A 1)", "逾期跟进：0", "王小明"} {
		if !strings.Contains(v, want) {
			t.Errorf("no %q in the team screen:\n%s", want, v)
		}
	}
	pg.Stop(t)
	defer pg.Start(t)
	h.keys("1", "6")
	if v := h.view(); !strings.Contains(v, "连不上连锁数据库") {
		t.Errorf("the server stopped:\n%s", v)
	}
}
