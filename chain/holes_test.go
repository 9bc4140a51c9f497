package chain

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
)

// An associate cannot take the id of a record another book has not pushed
// yet (migration 0007): through a staged push, the arrays of a small push
// or the table, a record of another book's id that the chain does not hold
// is left out or refused, and that book's record, pushed later, reaches the
// chain on its own client. Nor may a record's id be changed afterwards.
func TestRecordIDNotTaken(t *testing.T) {
	c := newChain(t)
	ctx := ctxT(t)
	admin, err := pgx.Connect(ctx, c.pg.AdminDSN(c.db))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(context.Background())
	anna := c.conn(t, c.anna)

	// Anna's book "a" pushes records named as ben's book "b" will name
	// its next ones, on her own client.
	n, err := c.stagedPush(t, c.anna, nil, [][]any{stagedNote("b/2/n", "a/1", "squatter", nil), stagedNote("a/1/own", "a/1", "hers", nil)})
	if err != nil || n != 1 {
		t.Fatalf("anna's staged push with ben's record id: %d %v, want her own record only", n, err)
	}
	if _, err := anna.Exec(ctx, `SELECT chain_put_events('a', 0, ARRAY['b/2/m'], ARRAY['a/1'], ARRAY['note'],
		ARRAY[now()], ARRAY[NULL::date], ARRAY[false], ARRAY[false], ARRAY[NULL::text], ARRAY[NULL::text],
		ARRAY['{"text":"squatter"}'::jsonb], ARRAY['zzzz'], ARRAY[false])`); err != nil {
		t.Fatalf("anna's small push with ben's record id: %v", err)
	}
	// Nor as ben's book, which is not hers.
	if _, err := anna.Exec(ctx, `SELECT chain_put_events('b', 0, ARRAY['b/2/m'], ARRAY['a/1'], ARRAY['note'],
		ARRAY[now()], ARRAY[NULL::date], ARRAY[false], ARRAY[false], ARRAY[NULL::text], ARRAY[NULL::text],
		ARRAY['{"text":"squatter"}'::jsonb], ARRAY['zzzz'], ARRAY[false])`); !denied(err) {
		t.Fatalf("anna's small push as ben's book: %v, want 42501", err)
	}
	if _, err := anna.Exec(ctx, `INSERT INTO events (id, client_id, kind, at, body) VALUES ('b/2/p', 'a/1', 'note', now(), '{"text": "squatter"}')`); err == nil {
		t.Fatal("anna inserted a record under an id of ben's book")
	}
	if _, err := anna.Exec(ctx, `UPDATE events SET id = 'b/2/q' WHERE id = 'a/1/own'`); err == nil {
		t.Fatal("anna renamed her record to an id of ben's book")
	}
	var squat int
	if err := admin.QueryRow(ctx, `SELECT count(*) FROM events WHERE id LIKE 'b/2/%' OR body::text LIKE '%squatter%'`).Scan(&squat); err != nil || squat != 0 {
		t.Fatalf("%d records under ben's ids: %v", squat, err)
	}

	// Ben's book then pushes its new client with those records: all of
	// them reach the chain, on his client.
	n, err = c.stagedPush(t, c.ben, [][]any{stagedClient("b/2", "本的新客户")}, [][]any{
		stagedNote("b/2/n", "b/2", "ben's note", nil), stagedNote("b/2/m", "b/2", "ben's note", nil),
		stagedNote("b/2/p", "b/2", "ben's note", nil), stagedNote("b/2/q", "b/2", "ben's note", nil)})
	if err != nil || n != 4 {
		t.Fatalf("ben's push: %d %v, want 4 records", n, err)
	}
	var his int
	if err := admin.QueryRow(ctx, `SELECT count(*) FROM events WHERE id LIKE 'b/2/%' AND client_id = 'b/2' AND author = $1
		AND body->>'text' = 'ben''s note'`, c.ben).Scan(&his); err != nil || his != 4 {
		t.Fatalf("%d of ben's 4 records on his client: %v", his, err)
	}

	// A later version of a record the chain holds still goes in under its
	// id from another book (one it pulled): ben, anna's client's secondary
	// associate, changes anna's note.
	if _, err := c.conn(t, c.ben).Exec(ctx, `SELECT chain_adopt('a/1')`); err != nil {
		t.Fatal(err)
	}
	n, err = c.stagedPush(t, c.ben, nil, [][]any{stagedNote("a/1/n", "a/1", "changed by ben", nil)})
	if err != nil || n != 1 {
		t.Fatalf("ben's change of anna's note: %d %v", n, err)
	}
}

// A row's origin (the book whose pull passes over it) cannot be set to
// another book's by a direct UPDATE or INSERT of a stolen associate role
// (migration 0007); an UPDATE leaving another book's origin on a row
// clears it, so that book pulls the change.
func TestOriginNotForged(t *testing.T) {
	c := newChain(t)
	ctx := ctxT(t)
	admin, err := pgx.Connect(ctx, c.pg.AdminDSN(c.db))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close(context.Background())
	origin := func(table, id string) string {
		t.Helper()
		var o string
		if err := admin.QueryRow(ctx, `SELECT origin FROM `+table+` WHERE id = $1`, id).Scan(&o); err != nil {
			t.Fatal(err)
		}
		return o
	}
	// Ben's password is stolen; anna's book is "a".
	stolen := c.conn(t, c.ben)
	for _, q := range []string{
		`UPDATE clients SET origin = 'a' WHERE id = 'b/1'`,
		`UPDATE events SET origin = 'a' WHERE id = 'b/1/n'`,
		`UPDATE clients SET origin = 'nobody' WHERE id = 'b/1'`,
		`INSERT INTO clients (id, store, associate, origin) VALUES ('b/7', 'Osaka', current_user, 'a')`,
		`INSERT INTO events (id, client_id, kind, at, origin) VALUES ('b/1/o', 'b/1', 'note', now(), 'a')`,
	} {
		if _, err := stolen.Exec(ctx, q); !denied(err) {
			t.Fatalf("%s: %v, want 42501", q, err)
		}
	}
	if o := origin("clients", "b/1"); o != "" {
		t.Fatalf("ben's client's origin became %q", o)
	}
	// His own book, or none, he may set.
	for _, q := range []string{
		`UPDATE clients SET origin = 'b' WHERE id = 'b/1'`,
		`UPDATE events SET origin = '' WHERE id = 'b/1/n'`,
		`INSERT INTO clients (id, store, associate, origin) VALUES ('b/7', 'Osaka', current_user, 'b')`,
	} {
		if _, err := stolen.Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// Anna's book wrote her client and note last; ben becomes its
	// secondary associate and changes both: the rows no longer say
	// anna's book holds them as they are.
	if _, err := stolen.Exec(ctx, `SELECT chain_adopt('a/1')`); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(ctx, `INSERT INTO books (id, associate, store) VALUES ('a', $1, 'Osaka') ON CONFLICT (id) DO NOTHING`, c.anna); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(ctx, `UPDATE clients SET origin = 'a' WHERE id = 'a/1'`); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(ctx, `UPDATE events SET origin = 'a' WHERE id = 'a/1/n'`); err != nil {
		t.Fatal(err)
	}
	if _, err := stolen.Exec(ctx, `UPDATE clients SET name = 'changed by ben', seq = seq + 1 WHERE id = 'a/1'`); err != nil {
		t.Fatal(err)
	}
	if _, err := stolen.Exec(ctx, `UPDATE events SET body = '{"text": "changed by ben"}', seq = seq + 1 WHERE id = 'a/1/n'`); err != nil {
		t.Fatal(err)
	}
	if o := origin("clients", "a/1"); o != "" {
		t.Fatalf("anna's client changed by ben keeps the origin %q", o)
	}
	if o := origin("events", "a/1/n"); o != "" {
		t.Fatalf("anna's note changed by ben keeps the origin %q", o)
	}
	// The push's own functions set the pushing book as origin as before.
	if _, err := c.stagedPush(t, c.anna, [][]any{stagedClient("a/8", "新")}, [][]any{stagedNote("a/8/n", "a/8", "x", nil)}); err != nil {
		t.Fatal(err)
	}
	if o := origin("events", "a/8/n"); o != "a" {
		t.Fatalf("a pushed record's origin %q, want a", o)
	}
}
