package chain

import (
	"context"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/vipbook/vipbook/internal/pgtest"
)

// A chain in use upgraded across 0009 and 0010 answers an associate which of the
// record ids given it holds on any client (the push's look-up before it
// copies a handed-over purchase), while the associate still cannot read
// those records: existence only, and not a removed record's.
func TestRecordsHeldAcross0009(t *testing.T) {
	pg := pgtest.Server(t)
	db := pg.NewDatabase(t)
	ctx := ctxT(t)
	if _, err := migrateTo(ctx, pg.AdminDSN(db), 8); err != nil {
		t.Fatal(err)
	}
	pg.Exec(t, db, `INSERT INTO stores (name) VALUES ('osaka');
		INSERT INTO associates (name, store) VALUES ('anna', 'osaka');
		INSERT INTO clients (id, store, associate, name, seq) VALUES ('b/c1', 'osaka', 'anna', '王小明', 1);
		INSERT INTO events (id, client_id, kind, at, is_contact, seq, amount, currency)
			VALUES ('b/p1', 'b/c1', 'purchase', now(), false, 1, 1280, 'JPY');
		INSERT INTO events (id, client_id, kind, at, is_contact, seq, amount, currency, deleted)
			VALUES ('b/p2', 'b/c1', 'purchase', now(), false, 1, 99, 'JPY', true);
		INSERT INTO events (id, client_id, kind, at, is_contact, seq)
			VALUES ('b/t1', 'b/c1', 'task', now(), false, 1)`)
	m, err := Migrate(ctx, pg.AdminDSN(db))
	if err != nil {
		t.Fatal(err)
	}
	if m.From != 8 || m.To != SchemaVersion() {
		t.Fatalf("migrate from 8: %+v", m)
	}
	ben := "ben_" + db
	if _, err := Grant(ctx, pg.AdminDSN(db), Grantee{Name: ben, Store: "Tokyo"}, "pw-ben"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pg.Exec(t, "postgres", "DROP ROLE IF EXISTS "+pgx.Identifier{ben}.Sanitize()) })
	conn, err := pgx.Connect(ctx, pg.DSN(db, ben, "pw-ben"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var seen int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM events`).Scan(&seen); err != nil || seen != 0 {
		t.Fatalf("Ben reads %d of Anna's records (%v), want none", seen, err)
	}
	rows, err := conn.Query(ctx, `SELECT chain_records_held($1)`, []string{"b/p1", "b/p2", "b/none", "b/t1"})
	if err != nil {
		t.Fatal(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 1 || ids[0] != "b/p1" {
		t.Errorf("the chain holds %q of b/p1, b/p2 (removed), b/none, b/t1 (a follow-up); want b/p1: purchases alone (0010)", ids)
	}
	// More than a push's batch at once is refused (0010): no enumerating.
	many := make([]string, 5001)
	for i := range many {
		many[i] = fmt.Sprintf("b/%06d", i)
	}
	if rows, err := conn.Query(ctx, `SELECT chain_records_held($1)`, many); err == nil {
		_, err = pgx.CollectRows(rows, pgx.RowTo[string])
		if err == nil {
			t.Error("chain_records_held answered 5,001 ids at once, want a refusal")
		}
	}
}
