package chain

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/vipbook/vipbook/internal/pgtest"
)

// chainOf is a migrated database with four login roles: anna and ben in
// Osaka, mika who manages Osaka, lina in Tokyo; each has put one client
// with a note, anna a private note too.
type chainOf struct {
	pg                   *pgtest.PG
	db                   string
	anna, ben, mika, lin string // role names, unique on the server
}

func (c *chainOf) dsn(role string) string { return c.pg.DSN(c.db, role, "pw-"+role) }

func (c *chainOf) connect(t *testing.T, role string) *DB {
	t.Helper()
	db, err := Connect(ctxT(t), c.dsn(role))
	if err != nil {
		t.Fatalf("%s: %v", role, err)
	}
	t.Cleanup(db.Close)
	return db
}

// conn is a plain connection as role: the tables read directly, as a
// modified client would.
func (c *chainOf) conn(t *testing.T, role string) *pgx.Conn {
	t.Helper()
	ctx := ctxT(t)
	conn, err := pgx.Connect(ctx, c.dsn(role))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func newChain(t *testing.T) *chainOf {
	t.Helper()
	pg, db := migrated(t)
	c := &chainOf{pg: pg, db: db, anna: "anna_" + db, ben: "ben_" + db, mika: "mika_" + db, lin: "lina_" + db}
	ctx := ctxT(t)
	for _, g := range []Grantee{{c.anna, "Osaka", false}, {c.ben, "Osaka", false}, {c.mika, "Osaka", true}, {c.lin, "Tokyo", false}} {
		got, err := Grant(ctx, pg.AdminDSN(db), g, "pw-"+g.Name)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Created {
			t.Fatalf("%s: not created", g.Name)
		}
		name := g.Name
		t.Cleanup(func() { pg.Exec(t, "postgres", "DROP ROLE IF EXISTS "+pgx.Identifier{name}.Sanitize()) })
	}
	put := func(role, store, id, name, phone string, spend int) {
		db := c.connect(t, role)
		err := db.Push(ctx, func(tx pgx.Tx, seq int64) error {
			// (a new client's id begins with the id of a book of its
			// associate's: policy clients_add, migration 0006)
			if _, err := tx.Exec(ctx, `INSERT INTO books (id, associate, store) VALUES (split_part($1, '/', 1), current_user, $2)
				ON CONFLICT (id) DO NOTHING`, id, store); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO clients (id, store, associate, name, phones, cards, tier, fields, seq)
				VALUES ($1, $2, $3, $4, ARRAY[$5], ARRAY['VIP'||$5], 'A', '{"email": "secret@example.com"}', $6)`,
				id, store, role, name, phone, seq); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO events (id, client_id, kind, at, body, amount, is_contact, seq)
				VALUES ($1, $2, 'purchase', now(), '{"items": "loafers"}', $3, true, $4)`, id+"/p", id, spend, seq); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO events (id, client_id, kind, at, body, seq)
				VALUES ($1, $2, 'note', now(), '{"text": "likes navy"}', $3)`, id+"/n", id, seq); err != nil {
				return err
			}
			return RefreshSummaries(ctx, tx, []string{id})
		})
		if err != nil {
			t.Fatalf("%s puts %s: %v", role, id, err)
		}
	}
	put(c.anna, "Osaka", "a/1", "王小明", "8613800000001", 1000)
	put(c.ben, "Osaka", "b/1", "Ben's client", "8613800000002", 2000)
	put(c.lin, "Tokyo", "l/1", "佐藤花子", "8613800000003", 3000)
	pg.Exec(t, db, `INSERT INTO events (id, client_id, kind, private, author, at, body) VALUES ('a/secret', 'a/1', 'note', true, $1, now(), '{"text": "private"}')`, c.anna)
	return c
}

func ids(t *testing.T, conn *pgx.Conn, sql string) []string {
	t.Helper()
	rows, err := conn.Query(ctxT(t), sql)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func same(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// An associate's password reads and writes that associate's clients only,
// with the tables queried directly (not through vipbook); a manager's
// reads the whole store and no other; a private note is its author's.
func TestRowLevelSecurity(t *testing.T) {
	c := newChain(t)
	ctx := ctxT(t)
	anna := c.conn(t, c.anna)
	if got := ids(t, anna, "SELECT id FROM clients ORDER BY id"); !same(got, []string{"a/1"}) {
		t.Fatalf("anna reads clients %v, want only a/1", got)
	}
	if got := ids(t, anna, "SELECT id FROM events ORDER BY id"); !same(got, []string{"a/1/n", "a/1/p", "a/secret"}) {
		t.Fatalf("anna reads events %v", got)
	}
	if got := ids(t, anna, "SELECT client_id FROM events WHERE client_id <> 'a/1'"); len(got) != 0 {
		t.Fatalf("anna reads others' events %v", got)
	}
	tag, err := anna.Exec(ctx, "UPDATE clients SET name = 'stolen' WHERE id = 'b/1'")
	if err != nil || tag.RowsAffected() != 0 {
		t.Fatalf("anna changed ben's client: %v %v", tag, err)
	}
	if _, err := anna.Exec(ctx, "UPDATE clients SET associate = $1 WHERE id = 'a/1'", c.ben); err == nil {
		t.Fatal("anna moved her client by hand")
	}
	if _, err := anna.Exec(ctx, "INSERT INTO clients (id, store, associate) VALUES ('x/1', 'Osaka', $1)", c.ben); err == nil {
		t.Fatal("anna put a client in ben's name")
	}
	if _, err := anna.Exec(ctx, "INSERT INTO events (id, client_id, kind, at) VALUES ('x/e', 'b/1', 'note', now())"); err == nil {
		t.Fatal("anna wrote a note on ben's client")
	}
	if _, err := anna.Exec(ctx, "UPDATE associates SET manager = true"); err == nil {
		t.Fatal("anna made herself a manager")
	}
	if _, err := anna.Exec(ctx, "SELECT chain_reassign('b/1', $1)", c.anna); err == nil {
		t.Fatal("anna reassigned a client")
	}

	mika := c.conn(t, c.mika)
	if got := ids(t, mika, "SELECT id FROM clients ORDER BY id"); !same(got, []string{"a/1", "b/1"}) {
		t.Fatalf("the Osaka manager reads %v, want a/1 b/1", got)
	}
	if got := ids(t, mika, "SELECT id FROM events WHERE private"); len(got) != 0 {
		t.Fatalf("the manager reads anna's private note %v", got)
	}
	lina := c.conn(t, c.lin)
	if got := ids(t, lina, "SELECT id FROM clients"); !same(got, []string{"l/1"}) {
		t.Fatalf("lina reads %v", got)
	}
}

// A wrong password is refused with ErrAuth, never the DSN in the message.
func TestWrongPassword(t *testing.T) {
	c := newChain(t)
	_, err := Connect(ctxT(t), c.pg.DSN(c.db, c.anna, "not-her-password"))
	if !errors.Is(err, ErrAuth) {
		t.Fatalf("got %v, want ErrAuth", err)
	}
}

// Anyone of the chain finds a client of any store by phone, card or name,
// and sees the shared columns only.
func TestFindAcrossStores(t *testing.T) {
	c := newChain(t)
	ctx := ctxT(t)
	lina := c.connect(t, c.lin)
	for _, typed := range []string{"138 0000 0001", "+86 138-0000-0001", "vip8613800000001", "王小", "王小明"} {
		got, err := lina.Find(ctx, ParseQuery(typed, "86"))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != "a/1" || got[0].Store != "Osaka" || got[0].Associate != c.anna || got[0].Spend != 1000 || got[0].LastVisit == nil {
			t.Fatalf("%q from Tokyo: %+v", typed, got)
		}
	}
	got, err := lina.Find(ctx, ParseQuery("ben's", "86"))
	if err != nil || len(got) != 1 || got[0].ID != "b/1" {
		t.Fatalf("a Latin name, case ignored: %+v %v", got, err)
	}
	// The function itself returns no private column: its result columns.
	conn := c.conn(t, c.lin)
	rows, err := conn.Query(ctx, "SELECT * FROM chain_find('', '', 'w', 10)")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rows.FieldDescriptions() {
		switch f.Name {
		case "fields", "phones", "cards", "hlc", "body":
			t.Fatalf("chain_find returns %s", f.Name)
		}
	}
	rows.Close()
	c.pg.Exec(t, c.db, "SELECT chain_erase('a/1')")
	if got, _ := lina.Find(ctx, ParseQuery("王小明", "86")); len(got) != 0 {
		t.Fatalf("an erased client is found: %+v", got)
	}
}

// The manager moves a client to another associate of the store: the new
// one reads it with its history, the old one no longer, and the old one's
// feed says it was released; an associate of another store cannot be the
// target of a manager.
func TestReassign(t *testing.T) {
	c := newChain(t)
	ctx := ctxT(t)
	mika := c.connect(t, c.mika)
	if _, err := mika.Reassign(ctx, "a/1", c.lin); !errors.Is(err, ErrDenied) {
		t.Fatalf("a manager moved a client to another store: %v", err)
	}
	if _, err := mika.Reassign(ctx, "l/1", c.ben); !errors.Is(err, ErrDenied) {
		t.Fatalf("a manager moved another store's client: %v", err)
	}
	if _, err := mika.Reassign(ctx, "nope", c.ben); !errors.Is(err, ErrNoClient) {
		t.Fatalf("unknown client: %v", err)
	}
	moved, err := mika.Reassign(ctx, "a/1", c.ben)
	if err != nil || !moved {
		t.Fatalf("reassign: %v %v", moved, err)
	}
	if got := ids(t, c.conn(t, c.anna), "SELECT id FROM clients"); len(got) != 0 {
		t.Fatalf("anna still reads %v", got)
	}
	if got := ids(t, c.conn(t, c.anna), "SELECT kind || ' ' || client_id FROM chain_feed"); !same(got, []string{"released a/1"}) {
		t.Fatalf("anna's feed %v", got)
	}
	ben := c.conn(t, c.ben)
	if got := ids(t, ben, "SELECT id FROM events WHERE client_id = 'a/1' ORDER BY id"); !same(got, []string{"a/1/n", "a/1/p"}) {
		t.Fatalf("ben reads the history %v (anna's private note must stay hers)", got)
	}
	n, err := mika.ReassignAll(ctx, c.ben, c.anna)
	if err != nil || n != 2 {
		t.Fatalf("reassign all: %d %v", n, err)
	}
}

// The overview counts per associate what the role may see.
func TestOverview(t *testing.T) {
	c := newChain(t)
	ctx := ctxT(t)
	c.pg.Exec(t, c.db, `INSERT INTO events (id, client_id, kind, at, due, open, author) VALUES
		('a/t1', 'a/1', 'task', now(), current_date - 3, true, $1), ('a/t2', 'a/1', 'task', now(), current_date + 3, true, $1)`, c.anna)
	mika := c.connect(t, c.mika)
	ov, err := mika.Overview(ctx, OverviewOptions{Now: time.Now(), StaleDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range ov {
		names = append(names, a.Associate)
	}
	if !same(names, []string{c.anna, c.ben, c.mika}) {
		t.Fatalf("the Osaka manager's overview lists %v", names)
	}
	a := ov[0]
	if a.Clients != 1 || len(a.ByTier) != 1 || a.ByTier[0] != (TierCount{"A", 1}) || a.Overdue != 1 || a.ContactsThisMonth != 1 || len(a.NotContacted) != 0 {
		t.Fatalf("anna: %+v", a)
	}
	if _, err := mika.Overview(ctx, OverviewOptions{Store: "Tokyo", Now: time.Now()}); !errors.Is(err, ErrDenied) {
		t.Fatalf("a manager read another store: %v", err)
	}
	// Not contacted in 0 days back from a month ahead: every client.
	ov, err = mika.Overview(ctx, OverviewOptions{Now: time.Now().AddDate(0, 2, 0), StaleDays: 1})
	if err != nil || len(ov[1].NotContacted) != 1 || ov[1].NotContacted[0].ID != "b/1" {
		t.Fatalf("ben's not contacted: %+v %v", ov, err)
	}
	anna := c.connect(t, c.anna)
	ov, err = anna.Overview(ctx, OverviewOptions{Now: time.Now()})
	if err != nil || len(ov) != 1 || ov[0].Associate != c.anna {
		t.Fatalf("an associate's overview: %+v %v", ov, err)
	}
}
