package pgtest

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// The server listens on its socket only, trusts the superuser there and asks
// every other role for its password.
func TestServerSocketOnlyAndPasswords(t *testing.T) {
	pg := Server(t)
	db := pg.NewDatabase(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pg.AdminDSN(db))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var listen string
	if err := conn.QueryRow(ctx, "SELECT current_setting('listen_addresses')").Scan(&listen); err != nil {
		t.Fatal(err)
	}
	if listen != "" {
		t.Fatalf("listen_addresses = %q, want none (socket only)", listen)
	}
	pg.Exec(t, db, "CREATE ROLE pgtest_anna LOGIN PASSWORD 'right'")
	t.Cleanup(func() { pg.Exec(t, "postgres", "DROP ROLE IF EXISTS pgtest_anna") })
	if c, err := pgx.Connect(ctx, pg.DSN(db, "pgtest_anna", "wrong")); err == nil {
		c.Close(ctx)
		t.Fatal("a wrong password was let in")
	}
	c, err := pgx.Connect(ctx, pg.DSN(db, "pgtest_anna", "right"))
	if err != nil {
		t.Fatal(err)
	}
	c.Close(ctx)
}

// The database of a test is dropped when it ends.
func TestNewDatabaseDroppedAtCleanup(t *testing.T) {
	pg := Server(t)
	var name string
	t.Run("inner", func(t *testing.T) { name = pg.NewDatabase(t) })
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pg.AdminDSN("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var n int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM pg_database WHERE datname = $1", name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("database %s still there after its test", name)
	}
}

// Stop makes the server unreachable, as a crash would; Start brings it back
// with its data.
func TestStopStart(t *testing.T) {
	pg := Server(t)
	db := pg.NewDatabase(t)
	pg.Exec(t, db, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)")
	pg.Stop(t)
	ctx := context.Background()
	if c, err := pgx.Connect(ctx, pg.AdminDSN(db)); err == nil {
		c.Close(ctx)
		pg.Start(t)
		t.Fatal("connected to a stopped server")
	}
	pg.Start(t)
	c, err := pgx.Connect(ctx, pg.AdminDSN(db))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	var n int
	if err := c.QueryRow(ctx, "SELECT n FROM kept").Scan(&n); err != nil || n != 7 {
		t.Fatalf("after restart: %d, %v", n, err)
	}
}
