package pgtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) {
	if os.Getenv("PGTEST_PANIC_CHILD") != "" {
		// The child of TestPanicLeavesNoServer: a server, then a panic.
		pg, err := start()
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(2)
		}
		fmt.Println(pg.dir)
		panic("a test panicked")
	}
	os.Exit(Main(m))
}

// A test process that panics (Main's clean-up never runs) leaves no server
// running and no directory behind: the watchdog stops and removes them.
func TestPanicLeavesNoServer(t *testing.T) {
	if !Installed() {
		t.Skip("PostgreSQL is not installed")
	}
	cmd := exec.Command(os.Args[0], "-test.run", "^$")
	cmd.Env = append(os.Environ(), "PGTEST_PANIC_CHILD=1")
	out, _ := cmd.Output()
	dir := strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
	if !strings.HasPrefix(dir, "/tmp/pgtest-") {
		t.Fatalf("the child said %q", out)
	}
	pidFile := filepath.Join(dir, "data", "postmaster.pid")
	raw, _ := os.ReadFile(pidFile)
	pid, _ := strconv.Atoi(strings.SplitN(string(raw), "\n", 2)[0])
	deadline := time.Now().Add(60 * time.Second)
	for {
		_, err := os.Stat(dir)
		gone := os.IsNotExist(err)
		if gone && (pid == 0 || syscall.Kill(pid, 0) != nil) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("60 s after the panic: directory %s gone %v, postmaster %d still running", dir, gone, pid)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

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
