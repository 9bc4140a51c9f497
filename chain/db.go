package chain

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// DB is a connection pool to the chain's database as one login role.
type DB struct {
	pool *pgxpool.Pool
}

// Connect opens the chain's database at dsn and checks that the server is
// reachable, accepts the role and its password (from the DSN, PGPASSWORD or
// ~/.pgpass, as libpq), and holds the schema this vipbook works with.
// Errors: ErrBadDSN, ErrUnreachable, ErrAuth, ErrNoDatabase,
// ErrSchemaTooOld, ErrSchemaTooNew.
func Connect(ctx context.Context, dsn string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, ErrBadDSN
	}
	// No just-in-time compilation: the chain's statements are short, and
	// PostgreSQL's cost estimates for a batch of a sync (an array of
	// thousands of ids, row-level security's subplans) cross jit_above_cost,
	// so LLVM spent 1.5-4 s compiling each, far more than running it
	// (auto_explain of BenchmarkIncrementalSync100: 3.9 s of JIT in a 4.1 s
	// UPDATE). A setting of the session, which any role may make.
	// (CockroachDB has no JIT; a DSN for it sets jit itself, see the README.)
	if _, set := cfg.ConnConfig.RuntimeParams["jit"]; !set {
		cfg.ConnConfig.RuntimeParams["jit"] = "off"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, classify(err)
	}
	db := &DB{pool: pool}
	v, err := currentVersion(ctx, pool)
	if err != nil {
		pool.Close()
		return nil, err
	}
	switch {
	case v < SchemaVersion():
		pool.Close()
		return nil, ErrSchemaTooOld
	case v > SchemaVersion():
		pool.Close()
		return nil, ErrSchemaTooNew
	}
	return db, nil
}

// Close closes the pool.
func (db *DB) Close() { db.pool.Close() }

// Pool is the connection pool, for the queries of sync.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// Me is the login role as the chain knows it.
type Me struct {
	Role    string `json:"role"`
	Store   string `json:"store,omitempty"`
	Manager bool   `json:"manager"`
	Admin   bool   `json:"admin"` // owns the chain's tables (the administrator)
}

// Me returns who the login role is in the chain. ErrNotGranted when it is
// neither an associate nor the administrator.
func (db *DB) Me(ctx context.Context) (Me, error) {
	var me Me
	err := db.pool.QueryRow(ctx, `SELECT session_user::text,
		COALESCE((SELECT store FROM associates WHERE name = session_user), ''),
		COALESCE((SELECT manager FROM associates WHERE name = session_user), false),
		pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'public.clients'::regclass), 'USAGE')`).
		Scan(&me.Role, &me.Store, &me.Manager, &me.Admin)
	if err != nil {
		return me, classify(err)
	}
	if me.Store == "" && !me.Admin {
		return me, ErrNotGranted
	}
	return me, nil
}

// Push runs fn in one transaction holding the chain's next change number
// seq, taken first: every clients and events row fn writes carries seq,
// and as the number's row stays locked until the transaction ends, a
// reader that has seen seq has seen every smaller one. fn's error (or a
// failed commit) rolls everything back.
func (db *DB) Push(ctx context.Context, fn func(tx pgx.Tx, seq int64) error) error {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return classify(err)
	}
	defer tx.Rollback(context.Background())
	var seq int64
	if err := tx.QueryRow(ctx, "SELECT chain_next_seq()").Scan(&seq); err != nil {
		return classify(err)
	}
	if err := fn(tx, seq); err != nil {
		var known bool
		for _, k := range []error{ErrUnreachable, ErrAuth, ErrDenied, ErrNoClient} {
			known = known || errors.Is(err, k)
		}
		if known {
			return err
		}
		return classify(err)
	}
	return classify(tx.Commit(ctx))
}

// RefreshSummaries recomputes, from their events, what the chain shows of
// the clients ids: spend (purchases), last visit (visits and purchases),
// last contact, open requests. Call it inside Push after writing events,
// so the figures never come from one book's partial view.
func RefreshSummaries(ctx context.Context, tx pgx.Tx, ids []string) error {
	// One pass over each client's events, in the server (migration 0003).
	_, err := tx.Exec(ctx, `SELECT chain_refresh_summaries($1)`, ids)
	return classify(err)
}
