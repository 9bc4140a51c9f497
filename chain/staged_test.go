package chain

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// stagedPush is what a book's push does through the staging tables
// (migration 0005), as a plain connection of role: chain_stage, COPY of
// the clients and records, chain_put_staged. It returns the records
// written or the server's error; the transaction is committed only when
// every step succeeded.
func (c *chainOf) stagedPush(t *testing.T, role string, clients, events [][]any) (int, error) {
	t.Helper()
	ctx := ctxT(t)
	conn := c.conn(t, role)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, `SELECT chain_stage()`); err != nil {
		return 0, err
	}
	if len(clients) > 0 {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"pg_temp", "chain_stage_clients"},
			[]string{"id", "name", "latin_name", "phones", "cards", "tier", "do_not_contact", "fields", "hlc"},
			pgx.CopyFromRows(clients)); err != nil {
			return 0, err
		}
	}
	if len(events) > 0 {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"pg_temp", "chain_stage_events"},
			[]string{"id", "client_id", "kind", "at", "due", "open", "is_contact", "amount", "currency", "body", "hlc", "deleted"},
			pgx.CopyFromRows(events)); err != nil {
			return 0, err
		}
	}
	var n int
	if err := tx.QueryRow(ctx, `SELECT chain_put_staged('book', 99)`).Scan(&n); err != nil {
		return 0, err
	}
	return n, tx.Commit(ctx)
}

func stagedClient(id, name string) []any {
	return []any{id, name, "", []string{"8613899999999"}, []string{}, "", false, []byte(`{"name": "` + name + `"}`), []byte(`{"name": "zzzz"}`)}
}

func stagedNote(id, client, text string, amount *string) []any {
	kind := "note"
	if amount != nil {
		kind = "purchase"
	}
	cur := "CNY"
	return []any{id, client, kind, time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC), nil, false, amount != nil, amount, &cur,
		[]byte(`{"text": "` + text + `"}`), "zzzz", false}
}

func denied(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "42501"
}

// The staged push (COPY into the session's staging tables, then
// chain_put_staged, which writes past row-level security) writes only what
// row-level security lets the caller write: records of the caller's own
// clients, new clients in the caller's own name and store; never a record
// of another associate's client (of the same store or another), never
// another's existing client or record; and it refuses staging tables it
// did not make. The tables themselves stay closed to COPY, and a small
// push's arrays (chain_put_events) are held to the same rule.
func TestStagedPushWritesOnlyOwnClients(t *testing.T) {
	c := newChain(t)
	ctx := ctxT(t)
	spend := "250.00"

	// Her own: a new client with a purchase, a note on her existing client.
	n, err := c.stagedPush(t, c.anna, [][]any{stagedClient("a/2", "新客户")},
		[][]any{stagedNote("a/2/p", "a/2", "scarf", &spend), stagedNote("a/1/n2", "a/1", "called", nil)})
	if err != nil || n != 2 {
		t.Fatalf("anna's own push: %d %v", n, err)
	}
	admin, err := pgx.Connect(ctx, c.pg.AdminDSN(c.db))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(context.Background())
	var assoc, store, author string
	var got float64
	if err := admin.QueryRow(ctx, `SELECT c.associate, c.store, c.spend::float8, e.author FROM clients c JOIN events e ON e.client_id = c.id
		WHERE c.id = 'a/2'`).Scan(&assoc, &store, &got, &author); err != nil {
		t.Fatal(err)
	}
	if assoc != c.anna || store != "Osaka" || got != 250 || author != c.anna {
		t.Fatalf("the new client: associate %s store %s spend %v author %s", assoc, store, got, author)
	}

	// A record of ben's client (same store) or lina's (Tokyo): refused whole.
	for _, victim := range []string{"b/1", "l/1"} {
		_, err := c.stagedPush(t, c.anna, nil, [][]any{stagedNote("a/1/n3", "a/1", "fine", nil), stagedNote("x/forged", victim, "forged", nil)})
		if !denied(err) {
			t.Fatalf("anna's record of %s: %v, want 42501", victim, err)
		}
	}
	// Another's record replaced under her own client, or ben's client re-put
	// in her name: nothing changes.
	if _, err := c.stagedPush(t, c.anna, [][]any{stagedClient("b/1", "stolen")},
		[][]any{stagedNote("b/1/n", "a/1", "forged", nil)}); err != nil {
		t.Fatalf("anna's push naming ben's ids: %v", err)
	}
	var name, owner string
	if err := admin.QueryRow(ctx, `SELECT name, associate FROM clients WHERE id = 'b/1'`).Scan(&name, &owner); err != nil {
		t.Fatal(err)
	}
	if name != "Ben's client" || owner != c.ben {
		t.Fatalf("ben's client became %q of %s", name, owner)
	}
	// Lina (Tokyo) on anna's client.
	if _, err := c.stagedPush(t, c.lin, nil, [][]any{stagedNote("l/forged", "a/1", "forged", nil)}); !denied(err) {
		t.Fatalf("lina's record of anna's client: %v, want 42501", err)
	}
	var forged int
	if err := admin.QueryRow(ctx, `SELECT count(*) FROM events WHERE body::text LIKE '%forged%' OR id IN ('a/1/n3', 'x/forged', 'x/arr')`).Scan(&forged); err != nil {
		t.Fatal(err)
	}
	if forged != 0 {
		t.Fatalf("%d forged records reached the chain", forged)
	}

	// Nor through the arrays of a small push (chain_put_events: its check let
	// a client with no secondary associate through before 0005).
	if _, err := c.conn(t, c.anna).Exec(ctx, `SELECT chain_put_events('x', 0, ARRAY['x/arr'], ARRAY['b/1'], ARRAY['note'],
		ARRAY[now()], ARRAY[NULL::date], ARRAY[false], ARRAY[false], ARRAY[NULL::text], ARRAY[NULL::text],
		ARRAY['{"text":"forged"}'::jsonb], ARRAY['zzzz'], ARRAY[false])`); !denied(err) {
		t.Fatalf("anna's record of ben's client through chain_put_events: %v, want 42501", err)
	}
	// Nor may she erase ben's client (a client with no secondary
	// associate: 0001's check let it through).
	if _, err := c.conn(t, c.anna).Exec(ctx, `SELECT chain_erase('b/1')`); err == nil {
		t.Fatal("anna erased ben's client")
	}
	var erased bool
	if err := admin.QueryRow(ctx, `SELECT erased_at IS NOT NULL FROM clients WHERE id = 'b/1'`).Scan(&erased); err != nil || erased {
		t.Fatalf("ben's client erased: %v %v", erased, err)
	}

	// Staging tables of her own making are refused.
	conn := c.conn(t, c.anna)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TEMPORARY TABLE chain_stage_clients (id text, name text, latin_name text, phones text[], cards text[], tier text,
			do_not_contact boolean, fields jsonb, hlc jsonb) ON COMMIT DROP`,
		`CREATE TEMPORARY TABLE chain_stage_events (id text, client_id text, kind text, at timestamptz, due date, open boolean,
			is_contact boolean, amount text, currency text, body jsonb, hlc text, deleted boolean) ON COMMIT DROP`,
		`INSERT INTO pg_temp.chain_stage_events VALUES ('x/own', 'b/1', 'note', now(), NULL, false, false, NULL, NULL, '{}', 'zzzz', false)`,
	} {
		if _, err := tx.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if _, err := tx.Exec(ctx, `SELECT chain_put_staged('book', 1)`); !denied(err) {
		t.Fatalf("chain_put_staged over anna's own tables: %v, want 42501", err)
	}
	tx.Rollback(ctx)
	// No COPY into the chain's tables themselves.
	tx, err = conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"events"}, []string{"id", "client_id", "kind", "at"},
		pgx.CopyFromRows([][]any{{"x/copy", "b/1", "note", time.Now()}})); err == nil {
		t.Fatal("anna copied a record into events")
	}
	tx.Rollback(ctx)
}
