package chain

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one versioned SQL file: NNNN_name.sql.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in version order.
func migrations() []migration {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		panic(err) // the pattern is constant
	}
	var ms []migration
	for _, n := range names {
		base := strings.TrimSuffix(path.Base(n), ".sql")
		num, name, _ := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if err != nil {
			panic("chain: migration file without a version: " + n)
		}
		b, _ := migrationFiles.ReadFile(n)
		ms = append(ms, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms
}

// SchemaVersion is the version of the schema this vipbook works with: the
// highest of its migrations.
func SchemaVersion() int {
	ms := migrations()
	return ms[len(ms)-1].version
}

// Migrated says what Migrate did.
type Migrated struct {
	From    int   `json:"from"`    // the schema's version before
	To      int   `json:"to"`      // and after
	Applied []int `json:"applied"` // the versions applied now, in order
}

// Migrate brings the database of dsn to SchemaVersion: it applies, in
// order, each migration the database has not recorded, each in a
// transaction with its row in schema_migrations, so a second run (or a run
// beside another) applies nothing twice. The role of dsn must own the
// database's tables (or create them: the first time) and may create roles
// (CREATEROLE): it is the chain's administrator.
func Migrate(ctx context.Context, dsn string) (Migrated, error) {
	return migrateTo(ctx, dsn, SchemaVersion())
}

// migrateTo is Migrate that stops after version upTo: a test brings a
// database to an earlier schema, fills it, and migrates it the rest of the
// way as an administrator upgrading a chain in use would.
func migrateTo(ctx context.Context, dsn string, upTo int) (Migrated, error) {
	var out Migrated
	conn, err := connect(ctx, dsn)
	if err != nil {
		return out, err
	}
	defer conn.Close(context.Background())
	var num int
	if err := conn.QueryRow(ctx, "SELECT current_setting('server_version_num')::int").Scan(&num); err != nil {
		return out, classify(err)
	}
	if num < 150000 {
		return out, ErrServerTooOld
	}
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    int PRIMARY KEY,
		name       text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return out, classify(err)
	}
	if out.From, err = currentVersion(ctx, conn); err != nil {
		return out, err
	}
	out.To = out.From
	for _, m := range migrations() {
		if m.version <= out.From || m.version > upTo {
			continue
		}
		applied, err := apply(ctx, conn, m)
		if err != nil {
			return out, fmt.Errorf("migration %d (%s): %w", m.version, m.name, classify(err))
		}
		if applied {
			out.Applied = append(out.Applied, m.version)
		}
		out.To = m.version
	}
	return out, nil
}

// apply runs one migration in a transaction that first locks
// schema_migrations, so two administrators migrating at once apply it once.
func apply(ctx context.Context, conn *pgx.Conn, m migration) (bool, error) {
	tx, err := conn.Begin(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, "LOCK TABLE schema_migrations IN EXCLUSIVE MODE"); err != nil {
		return false, err
	}
	var done bool
	if err := tx.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $1)", m.version).Scan(&done); err != nil {
		return false, err
	}
	if done {
		return false, tx.Commit(ctx)
	}
	// The simple protocol: a file holds many statements.
	if _, err := tx.Conn().PgConn().Exec(ctx, m.sql).ReadAll(); err != nil {
		return false, err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.version, m.name); err != nil {
		return false, err
	}
	return true, tx.Commit(ctx)
}

// currentVersion is the highest version recorded (0: none).
func currentVersion(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}) (int, error) {
	var v int
	if err := q.QueryRow(ctx, "SELECT COALESCE(max(version), 0) FROM schema_migrations").Scan(&v); err != nil {
		return 0, classify(err)
	}
	return v, nil
}

// connect opens one connection (the administrator's commands).
func connect(ctx context.Context, dsn string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, ErrBadDSN
	}
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, classify(err)
	}
	return conn, nil
}
