package chain

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/vipbook/vipbook/internal/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// migrated returns the server and a fresh database migrated to the current
// schema.
func migrated(t *testing.T) (*pgtest.PG, string) { return migratedB(t) }

// migratedB is migrated for a test or a benchmark.
func migratedB(t testing.TB) (*pgtest.PG, string) {
	t.Helper()
	pg := pgtest.Server(t)
	db := pg.NewDatabase(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if _, err := Migrate(ctx, pg.AdminDSN(db)); err != nil {
		t.Fatal(err)
	}
	return pg, db
}

// Migrate applies every migration once, records it, and a second run
// applies nothing; Connect then accepts the database.
func TestMigrateIdempotent(t *testing.T) {
	pg := pgtest.Server(t)
	db := pg.NewDatabase(t)
	ctx := ctxT(t)
	if _, err := Connect(ctx, pg.AdminDSN(db)); !errors.Is(err, ErrSchemaTooOld) {
		t.Fatalf("Connect before migrate: %v, want ErrSchemaTooOld", err)
	}
	first, err := Migrate(ctx, pg.AdminDSN(db))
	if err != nil {
		t.Fatal(err)
	}
	if first.From != 0 || first.To != SchemaVersion() || len(first.Applied) != SchemaVersion() {
		t.Fatalf("first migrate: %+v", first)
	}
	again, err := Migrate(ctx, pg.AdminDSN(db))
	if err != nil {
		t.Fatal(err)
	}
	if again.From != SchemaVersion() || len(again.Applied) != 0 {
		t.Fatalf("second migrate applied again: %+v", again)
	}
	c, err := Connect(ctx, pg.AdminDSN(db))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var n int
	if err := c.Pool().QueryRow(ctx, "SELECT count(*) FROM schema_migrations").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != SchemaVersion() {
		t.Fatalf("%d rows in schema_migrations, want %d", n, SchemaVersion())
	}
}

// A database migrated by a newer vipbook is refused, not misread.
func TestConnectSchemaTooNew(t *testing.T) {
	pg, db := migrated(t)
	pg.Exec(t, db, "INSERT INTO schema_migrations (version, name) VALUES (9999, 'future')")
	if _, err := Connect(ctxT(t), pg.AdminDSN(db)); !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("got %v, want ErrSchemaTooNew", err)
	}
}

// Push numbers its transaction after every earlier one, and the summaries
// come from the events written.
func TestPushNumbersAndSummaries(t *testing.T) {
	pg, db := migrated(t)
	ctx := ctxT(t)
	c, err := Connect(ctx, pg.AdminDSN(db))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	pg.Exec(t, db, "INSERT INTO stores (name) VALUES ('osaka'); INSERT INTO associates (name, store) VALUES ('anna', 'osaka')")
	var seqs []int64
	for i := 0; i < 2; i++ {
		err := c.Push(ctx, func(tx pgx.Tx, seq int64) error {
			seqs = append(seqs, seq)
			if i == 0 {
				if _, err := tx.Exec(ctx, "INSERT INTO clients (id, store, associate, name, seq) VALUES ('b/c1', 'osaka', 'anna', '王小明', $1)", seq); err != nil {
					return err
				}
			}
			_, err := tx.Exec(ctx, `INSERT INTO events (id, client_id, kind, at, amount, is_contact, seq) VALUES ($1, 'b/c1', 'purchase', now(), 1200, true, $2)`,
				"b/p"+string(rune('0'+i)), seq)
			if err != nil {
				return err
			}
			return RefreshSummaries(ctx, tx, []string{"b/c1"})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if seqs[1] <= seqs[0] {
		t.Fatalf("change numbers %v do not grow", seqs)
	}
	var spend float64
	var last *time.Time
	if err := c.Pool().QueryRow(ctx, "SELECT spend::float8, last_visit FROM clients WHERE id = 'b/c1'").Scan(&spend, &last); err != nil {
		t.Fatal(err)
	}
	if spend != 2400 || last == nil {
		t.Fatalf("spend %v last visit %v, want 2400 and today", spend, last)
	}
	me, err := c.Me(ctx)
	if err != nil || !me.Admin {
		t.Fatalf("the administrator is %+v (%v)", me, err)
	}
}

// A chain in use upgraded across 0008 (a record's body from jsonb to json)
// keeps every record's body as it was written, and a push and a pull
// through the functions 0008 replaced work on the records written before.
func TestMigrateKeepsRecordsAcross0008(t *testing.T) {
	pg := pgtest.Server(t)
	db := pg.NewDatabase(t)
	ctx := ctxT(t)
	if _, err := migrateTo(ctx, pg.AdminDSN(db), 7); err != nil {
		t.Fatal(err)
	}
	pg.Exec(t, db, `INSERT INTO stores (name) VALUES ('osaka');
		INSERT INTO associates (name, store) VALUES ('anna', 'osaka');
		INSERT INTO clients (id, store, associate, name, seq) VALUES ('b/c1', 'osaka', 'anna', '王小明', 1);
		INSERT INTO events (id, client_id, kind, at, is_contact, seq, body)
			VALUES ('b/n1', 'b/c1', 'note', now(), true, 1, '{"text": "喜欢藏青色", "kind": "preference", "n": 1.50}')`)
	m, err := Migrate(ctx, pg.AdminDSN(db))
	if err != nil {
		t.Fatal(err)
	}
	if m.From != 7 || m.To != SchemaVersion() {
		t.Fatalf("migrate from 7: %+v", m)
	}
	c, err := Connect(ctx, pg.AdminDSN(db))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var typ, text, kind string
	if err := c.Pool().QueryRow(ctx, `SELECT pg_typeof(body)::text, body->>'text', body->>'kind' FROM events WHERE id = 'b/n1'`).Scan(&typ, &text, &kind); err != nil {
		t.Fatal(err)
	}
	if typ != "json" || text != "喜欢藏青色" || kind != "preference" {
		t.Fatalf("after 0008 the note's body is %s %q %q, want json 喜欢藏青色 preference", typ, text, kind)
	}
	// A later record of the same client, written after the upgrade, goes
	// beside it; both read back.
	err = c.Push(ctx, func(tx pgx.Tx, seq int64) error {
		_, err := tx.Exec(ctx, `INSERT INTO events (id, client_id, kind, at, is_contact, seq, body) VALUES ('b/n2', 'b/c1', 'note', now(), true, $1, '{"text": "after"}')`, seq)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := c.Pool().QueryRow(ctx, `SELECT count(*) FROM events WHERE client_id = 'b/c1' AND body->>'text' IN ('喜欢藏青色', 'after')`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("%d records of the client read back after the upgrade (%v), want 2", n, err)
	}
}
