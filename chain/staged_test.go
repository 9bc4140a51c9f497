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
// the clients and records, chain_put_staged. Its book is role's first
// letter (anna's clients are a/...), registered as a book pushes do
// first. It returns the records written or the server's error; the
// transaction is committed only when every step succeeded.
func (c *chainOf) stagedPush(t *testing.T, role string, clients, events [][]any) (int, error) {
	t.Helper()
	return c.stagedPushAs(t, role, role[:1], clients, events)
}

// stagedPushAs is stagedPush with the origin book named.
func (c *chainOf) stagedPushAs(t *testing.T, role, book string, clients, events [][]any) (int, error) {
	t.Helper()
	ctx := ctxT(t)
	conn := c.conn(t, role)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, `INSERT INTO books (id, associate, store) VALUES ($1, current_user,
		(SELECT store FROM associates WHERE name = current_user)) ON CONFLICT (id) DO NOTHING`, book); err != nil {
		return 0, err
	}
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
	if err := tx.QueryRow(ctx, `SELECT chain_put_staged($1, 99)`, book).Scan(&n); err != nil {
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
	// Another's record replaced under her own client: nothing changes.
	if _, err := c.stagedPush(t, c.anna, nil, [][]any{stagedNote("b/1/n", "a/1", "forged", nil)}); err != nil {
		t.Fatalf("anna's push naming ben's record: %v", err)
	}
	// Ben's client re-put in her name: refused (0006: a new client's id
	// begins with the pushing book's), and it stays his.
	if _, err := c.stagedPush(t, c.anna, [][]any{stagedClient("b/1", "stolen")}, nil); !denied(err) {
		t.Fatalf("anna's push of ben's client id: %v, want 42501", err)
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
	if _, err := tx.Exec(ctx, `SELECT chain_put_staged('a', 1)`); !denied(err) {
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

// The staged push reviewed (migration 0006) for what a modified book could
// make it do beyond the other associates' clients: as a store manager, with
// an associate or store forged in the rows, as another associate's book,
// on an erased client, and on a client reassigned away before the book
// pulled its release.
func TestStagedPushReview(t *testing.T) {
	c := newChain(t)
	ctx := ctxT(t)
	admin, err := pgx.Connect(ctx, c.pg.AdminDSN(c.db))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(context.Background())
	count := func(q string, args ...any) int {
		t.Helper()
		var n int
		if err := admin.QueryRow(ctx, q, args...).Scan(&n); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return n
	}

	t.Run("manager", func(t *testing.T) {
		// Mika manages Osaka: a record on ben's client (her store) goes in,
		// as row-level security allows; one on lina's (Tokyo) is refused
		// whole; her new client is hers, in her store.
		n, err := c.stagedPush(t, c.mika, [][]any{stagedClient("m/1", "店长的客户")},
			[][]any{stagedNote("m/1/n", "m/1", "welcome", nil), stagedNote("m/b1", "b/1", "manager's note", nil)})
		if err != nil || n != 2 {
			t.Fatalf("mika's push in her store: %d %v", n, err)
		}
		if _, err := c.stagedPush(t, c.mika, nil, [][]any{stagedNote("m/l1", "l/1", "forged", nil)}); !denied(err) {
			t.Fatalf("mika's record of a Tokyo client: %v, want 42501", err)
		}
		if got := count(`SELECT count(*) FROM clients WHERE id = 'm/1' AND associate = $1 AND store = 'Osaka'`, c.mika); got != 1 {
			t.Fatal("mika's new client is not hers in Osaka")
		}
		if got := count(`SELECT count(*) FROM events WHERE id = 'm/l1'`); got != 0 {
			t.Fatal("mika's record reached a Tokyo client")
		}
	})

	t.Run("forged associate", func(t *testing.T) {
		// The staging tables have no associate, store or secondary column:
		// COPY naming one fails, and a new client's fields claiming them
		// change nothing of the row.
		conn := c.conn(t, c.anna)
		tx, err := conn.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(ctx, `SELECT chain_stage()`); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"pg_temp", "chain_stage_clients"}, []string{"id", "associate"},
			pgx.CopyFromRows([][]any{{"a/f1", c.ben}})); err == nil {
			t.Fatal("COPY of an associate column into the staging table")
		}
		tx.Rollback(ctx)
		forged := []any{"a/f2", "forged", "", []string{}, []string{}, "", false,
			[]byte(`{"name": "forged", "associate": "` + c.ben + `", "store": "Tokyo", "secondary": "` + c.lin + `"}`), []byte(`{}`)}
		if _, err := c.stagedPush(t, c.anna, [][]any{forged}, nil); err != nil {
			t.Fatal(err)
		}
		if got := count(`SELECT count(*) FROM clients WHERE id = 'a/f2' AND associate = $1 AND store = 'Osaka' AND secondary IS NULL`, c.anna); got != 1 {
			t.Fatal("a forged associate, store or secondary reached the row")
		}
		// Nor may she push as a book of ben's, or name a new client
		// outside her own book.
		if _, err := c.stagedPush(t, c.ben, nil, nil); err != nil { // ben's book b
			t.Fatal(err)
		}
		if _, err := c.stagedPushAs(t, c.anna, "b", [][]any{stagedClient("b/9", "squatter")}, nil); !denied(err) {
			t.Fatalf("anna pushing as ben's book: %v, want 42501", err)
		}
		if _, err := c.stagedPush(t, c.anna, [][]any{stagedClient("b/9", "squatter")}, nil); !denied(err) {
			t.Fatalf("anna taking an id of ben's book: %v, want 42501", err)
		}
		if _, err := c.conn(t, c.anna).Exec(ctx, `INSERT INTO clients (id, store, associate) VALUES ('b/9', 'Osaka', $1)`, c.anna); err == nil {
			t.Fatal("anna took an id of ben's book through the table")
		}
		if got := count(`SELECT count(*) FROM clients WHERE id = 'b/9'`); got != 0 {
			t.Fatal("an id of ben's book was taken")
		}
	})

	t.Run("erased", func(t *testing.T) {
		// Anna erases her client: pushed again, it stays a tombstone, its
		// records are refused, and the tables let nothing be written over
		// it nor the erasure be undone.
		if _, err := c.stagedPush(t, c.anna, [][]any{stagedClient("a/e1", "要删除的客户")},
			[][]any{stagedNote("a/e1/n", "a/e1", "before", nil)}); err != nil {
			t.Fatal(err)
		}
		anna := c.conn(t, c.anna)
		if _, err := anna.Exec(ctx, `SELECT chain_erase('a/e1')`); err != nil {
			t.Fatal(err)
		}
		if _, err := c.stagedPush(t, c.anna, [][]any{stagedClient("a/e1", "要删除的客户")}, nil); err != nil {
			t.Fatalf("the erased client pushed again: %v", err)
		}
		if _, err := c.stagedPush(t, c.anna, nil, [][]any{stagedNote("a/e1/n2", "a/e1", "after", nil)}); !denied(err) {
			t.Fatalf("a record of the erased client: %v, want 42501", err)
		}
		if tag, err := anna.Exec(ctx, `UPDATE clients SET name = '要删除的客户', phones = ARRAY['8613899999999'] WHERE id = 'a/e1'`); err == nil && tag.RowsAffected() != 0 {
			t.Fatal("anna wrote over the tombstone")
		}
		if _, err := anna.Exec(ctx, `UPDATE clients SET erased_at = NULL WHERE id = 'a/e1'`); err == nil {
			t.Fatal("anna undid the erasure")
		}
		if _, err := anna.Exec(ctx, `INSERT INTO events (id, client_id, kind, at, body) VALUES ('a/e1/n3', 'a/e1', 'note', now(), '{}')`); err == nil {
			t.Fatal("anna added a record to the erased client")
		}
		if got := count(`SELECT count(*) FROM clients WHERE id = 'a/e1' AND erased_at IS NOT NULL AND name = '' AND phones = '{}'`); got != 1 {
			t.Fatal("the tombstone did not stay one")
		}
		if got := count(`SELECT count(*) FROM events WHERE client_id = 'a/e1'`); got != 0 {
			t.Fatalf("%d records on the erased client", got)
		}
	})

	t.Run("reassigned away", func(t *testing.T) {
		// Anna's book changed a client and wrote a note on it after mika
		// gave it to ben, before the book pulled the release: the push
		// leaves both out and goes on (it used to be refused whole, and the
		// book's sync never reached the pull that lets the client go).
		if _, err := c.stagedPush(t, c.anna, [][]any{stagedClient("a/r1", "转给本")}, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := c.conn(t, c.mika).Exec(ctx, `SELECT chain_reassign('a/r1', $1)`, c.ben); err != nil {
			t.Fatal(err)
		}
		n, err := c.stagedPush(t, c.anna, [][]any{stagedClient("a/r1", "changed by anna"), stagedClient("a/r2", "new")},
			[][]any{stagedNote("a/r1/n", "a/r1", "late note", nil), stagedNote("a/r2/n", "a/r2", "first", nil)})
		if err != nil || n != 1 {
			t.Fatalf("anna's push after the reassignment: %d %v", n, err)
		}
		if got := count(`SELECT count(*) FROM clients WHERE id = 'a/r1' AND associate = $1 AND name = '转给本'`, c.ben); got != 1 {
			t.Fatal("ben's client changed")
		}
		if got := count(`SELECT count(*) FROM events WHERE id = 'a/r1/n'`); got != 0 {
			t.Fatal("anna's late note reached ben's client")
		}
	})
}
