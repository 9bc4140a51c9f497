package chainsync

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/internal/pgtest"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

func TestMain(m *testing.M) {
	if os.Getenv("CHAINSYNC_CHILD") != "" {
		os.Exit(child())
	}
	os.Exit(pgtest.Main(m))
}

// child is the process the kill -9 test starts and kills: it syncs the
// book named in the environment.
func child() int {
	st, err := store.Open(os.Getenv("CHAINSYNC_BOOK"), store.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer st.Close()
	if n, _ := strconv.Atoi(os.Getenv("CHAINSYNC_KILL_AFTER_PUSH")); n > 0 {
		// kill -9 of itself once the server has committed its n-th batch,
		// before the book has recorded it.
		afterPush = func() {
			if n--; n == 0 {
				syscall.Kill(os.Getpid(), syscall.SIGKILL)
			}
		}
	}
	_, err = Sync(context.Background(), st, Password{Text: os.Getenv("CHAINSYNC_PW")}, time.Now, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

func ctxT(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

// testChain is a migrated chain database on the tests' server.
type testChain struct {
	pg *pgtest.PG
	db string
}

func newChain(t testing.TB) *testChain {
	t.Helper()
	pg := pgtest.Server(t)
	db := pg.NewDatabase(t)
	if _, err := chain.Migrate(ctxT(t), pg.AdminDSN(db)); err != nil {
		t.Fatal(err)
	}
	return &testChain{pg: pg, db: db}
}

// associate creates a login role of the chain in store (roles are the
// server's: named after the database, dropped at the end).
func (c *testChain) associate(t testing.TB, name, storeName string, manager bool) (role string) {
	t.Helper()
	role = name + "_" + c.db
	group := "vipbook_associate"
	if manager {
		group = "vipbook_manager"
	}
	c.pg.Exec(t, c.db, fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD 'pw-%s' IN ROLE %s", role, name, group))
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if conn, err := pgx.Connect(ctx, c.pg.AdminDSN("postgres")); err == nil {
			conn.Exec(ctx, "DROP DATABASE IF EXISTS "+c.db+" WITH (FORCE)")
			conn.Exec(ctx, "DROP ROLE IF EXISTS "+role)
			conn.Close(ctx)
		}
	})
	c.pg.Exec(t, c.db, "INSERT INTO stores (name) VALUES ($1) ON CONFLICT DO NOTHING", storeName)
	c.pg.Exec(t, c.db, "INSERT INTO associates (name, store, manager) VALUES ($1, $2, $3)", role, storeName, manager)
	return role
}

// testBook is one associate's book and clock.
type testBook struct {
	st   *store.Book
	path string
	role string
	pw   Password
	mu   sync.Mutex
	now  time.Time
}

func (b *testBook) clock() time.Time {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.now = b.now.Add(time.Millisecond)
	return b.now
}

func (b *testBook) setNow(t time.Time) {
	b.mu.Lock()
	b.now = t
	b.mu.Unlock()
}

var day0 = time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)

// joinedBook makes a book for a new associate of storeName, fills it with
// fill, and joins the chain.
func (c *testChain) joinedBook(t *testing.T, name, storeName string, fill func(tx *store.Tx) error) *testBook {
	t.Helper()
	role := c.associate(t, name, storeName, false)
	b := &testBook{role: role, pw: Password{Text: "pw-" + name}, now: day0}
	b.path = filepath.Join(t.TempDir(), name+".db")
	st, err := store.Init(b.path, store.Meta{Associate: role, Store: storeName, CountryCode: "81", Currency: "JPY"},
		store.Options{Now: b.clock, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	b.st = st
	t.Cleanup(func() { st.Close() })
	if fill != nil {
		if err := st.Update(fill); err != nil {
			t.Fatal(err)
		}
	}
	dsn := c.pg.DSN(c.db, role, "")
	j, err := Join(ctxT(t), st, dsn, b.pw, storeName, "")
	if err != nil {
		t.Fatal(err)
	}
	if j.Associate != role || strings.Contains(j.DSN, "pw-") {
		t.Fatalf("join record %+v", j)
	}
	return b
}

func (b *testBook) sync(t *testing.T) Report {
	t.Helper()
	r, err := Sync(ctxT(t), b.st, b.pw, b.clock, nil)
	if err != nil {
		t.Fatalf("%s: sync: %v", b.role, err)
	}
	if r.Pending != 0 {
		t.Fatalf("%s: %d changes left after a sync", b.role, r.Pending)
	}
	return r
}

// find is what `chain find` does: the chain's clients whose name begins so.
func (c *testChain) find(t *testing.T, b *testBook, name string) string {
	t.Helper()
	conn, err := pgx.Connect(ctxT(t), WithPassword(c.pg.DSN(c.db, b.role, ""), b.pw.Text))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var id string
	if err := conn.QueryRow(ctxT(t), `SELECT id FROM chain_find('', '', $1, 10)`, strings.ToLower(name)).Scan(&id); err != nil {
		t.Fatalf("find %q from %s: %v", name, b.role, err)
	}
	return id
}

func (c *testChain) scalar(t *testing.T, sql string, args ...any) int {
	t.Helper()
	conn, err := pgx.Connect(ctxT(t), c.pg.AdminDSN(c.db))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var n int
	if err := conn.QueryRow(ctxT(t), sql, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return n
}

func clientNamed(t *testing.T, st *store.Book, name string) *profile.Profile {
	t.Helper()
	var out *profile.Profile
	if err := st.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		for _, s := range sums {
			p, err := tx.Client(s.ID)
			if err != nil {
				return err
			}
			if p.Name == name {
				out = p
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

func purchasesOf(t *testing.T, st *store.Book, id string) []profile.Purchase {
	t.Helper()
	var ps []profile.Purchase
	if err := st.View(func(tx *store.Tx) error {
		var err error
		ps, err = tx.Purchases(id)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return ps
}

func notesOf(t *testing.T, st *store.Book, id string) []notes.Note {
	t.Helper()
	var ns []notes.Note
	if err := st.View(func(tx *store.Tx) error {
		var err error
		ns, err = tx.Notes(id)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return ns
}

// osakaClient fills a book with 佐藤由紀, a note, a private note and a
// purchase.
func osakaClient(tx *store.Tx) error {
	p := &profile.Profile{Name: "佐藤由紀", LatinName: "Sato Yuki", City: "大阪",
		Phones: []profile.Phone{{Number: "+81 90 1234 5678"}}}
	if err := tx.AddClient(p); err != nil {
		return err
	}
	if err := tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Visit, Text: "tried the navy loafers, size 38"}); err != nil {
		return err
	}
	if err := tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Call, Text: "PRIVATE: going through a divorce", Private: true}); err != nil {
		return err
	}
	return tx.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.New(2026, 11, 30), Amount: 12800000, Items: "handbag"})
}

// Two books in two stores sync; an Osaka client is found from Tokyo and
// adopted, entering the Tokyo book with what the chain shares (not the
// private note); a purchase logged in Tokyo reaches the Osaka book.
func TestTwoStoresFindAdoptAndPurchase(t *testing.T) {
	c := newChain(t)
	osaka := c.joinedBook(t, "mori", "Osaka", osakaClient)
	tokyo := c.joinedBook(t, "ito", "Tokyo", nil)
	if r := osaka.sync(t); r.Pushed != 3 {
		t.Fatalf("osaka pushed %d changes, want the client, the shared note and the purchase: %+v", r.Pushed, r)
	}
	if n := c.scalar(t, `SELECT count(*) FROM events WHERE body::text LIKE '%divorce%'`); n != 0 {
		t.Fatal("a private note reached the chain")
	}
	tokyo.sync(t)
	if clientNamed(t, tokyo.st, "佐藤由紀") != nil {
		t.Fatal("Tokyo's book got an Osaka client before adopting it")
	}
	id := c.find(t, tokyo, "sato")
	r, err := Adopt(ctxT(t), tokyo.st, tokyo.pw, id, tokyo.clock)
	if err != nil {
		t.Fatal(err)
	}
	if r.Pulled.Clients != 1 {
		t.Fatalf("adopt pulled %+v", r.Pulled)
	}
	got := clientNamed(t, tokyo.st, "佐藤由紀")
	if got == nil || got.City != "大阪" || len(got.Phones) != 1 {
		t.Fatalf("adopted client in Tokyo: %+v", got)
	}
	ns := notesOf(t, tokyo.st, got.ID)
	if len(ns) != 1 || !strings.Contains(ns[0].Text, "loafers") {
		t.Fatalf("Tokyo sees notes %+v, want the shared visit note only", ns)
	}
	if ps := purchasesOf(t, tokyo.st, got.ID); len(ps) != 1 || ps[0].Amount != 12800000 {
		t.Fatalf("Tokyo sees purchases %+v", ps)
	}

	// A purchase logged in Tokyo reaches the Osaka book, and so does a
	// note by Tokyo's associate (the secondary), but not a private one.
	if err := tokyo.st.Update(func(tx *store.Tx) error {
		if err := tx.AddNote(&notes.Note{ClientID: got.ID, Kind: notes.Visit, Text: "came to Ginza for a scarf"}); err != nil {
			return err
		}
		if err := tx.AddNote(&notes.Note{ClientID: got.ID, Kind: notes.General, Text: "PRIVATE: Tokyo's own remark", Private: true}); err != nil {
			return err
		}
		return tx.AddPurchase(&profile.Purchase{ClientID: got.ID, Date: civil.New(2026, 12, 5), Amount: 4500000,
			Items: "scarf, Tokyo Ginza", Store: "Tokyo"})
	}); err != nil {
		t.Fatal(err)
	}
	tokyo.sync(t)
	osaka.sync(t)
	home := clientNamed(t, osaka.st, "佐藤由紀")
	ps := purchasesOf(t, osaka.st, home.ID)
	if len(ps) != 2 || ps[0].Items != "scarf, Tokyo Ginza" {
		t.Fatalf("Osaka's purchases after Tokyo's sale: %+v", ps)
	}
	var homeNotes []string
	for _, n := range notesOf(t, osaka.st, home.ID) {
		homeNotes = append(homeNotes, n.Text)
	}
	if len(homeNotes) != 3 || !contains(homeNotes, "came to Ginza for a scarf") || contains(homeNotes, "PRIVATE: Tokyo's own remark") {
		t.Fatalf("Osaka's notes after Tokyo's: %q, want its two and Tokyo's shared one", homeNotes)
	}
	// Syncing again doubles nothing.
	osaka.sync(t)
	tokyo.sync(t)
	if n := len(purchasesOf(t, osaka.st, home.ID)); n != 2 {
		t.Fatalf("Osaka has %d purchases after syncing again", n)
	}
	if n := len(purchasesOf(t, tokyo.st, got.ID)); n != 2 {
		t.Fatalf("Tokyo has %d purchases after syncing again", n)
	}
	if n := c.scalar(t, `SELECT spend::int FROM clients WHERE id = $1`, id); n != 173000 {
		t.Fatalf("the chain's spend is %d, want 173000", n)
	}
	// No password in either book's file.
	for _, b := range []*testBook{osaka, tokyo} {
		raw, err := os.ReadFile(b.path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(raw), b.pw.Text) {
			t.Errorf("%s: the password is in the book's file", b.role)
		}
	}
}

func edit(t *testing.T, b *testBook, name string, change func(p *profile.Profile)) {
	t.Helper()
	p := clientNamed(t, b.st, name)
	if err := b.st.Update(func(tx *store.Tx) error {
		return tx.UpdateClientWith(p.ID, func(q *profile.Profile) error { change(q); return nil })
	}); err != nil {
		t.Fatal(err)
	}
}

func historyHas(p *profile.Profile, field, old string) bool {
	for _, h := range p.History {
		if h.Field == field && h.Old == old {
			return true
		}
	}
	return false
}

// The same field edited in both books: the later edit by the clock wins
// in both, whichever syncs first, and the other value is in the history;
// do-not-contact set later wins over an earlier unset.
func TestSameFieldEditedInBoth(t *testing.T) {
	for _, laterFirst := range []bool{true, false} {
		t.Run(fmt.Sprintf("later_syncs_first=%v", laterFirst), func(t *testing.T) {
			c := newChain(t)
			osaka := c.joinedBook(t, "mori", "Osaka", osakaClient)
			tokyo := c.joinedBook(t, "ito", "Tokyo", nil)
			osaka.sync(t)
			if _, err := Adopt(ctxT(t), tokyo.st, tokyo.pw, c.find(t, tokyo, "sato"), tokyo.clock); err != nil {
				t.Fatal(err)
			}
			osaka.setNow(day0.Add(time.Hour))
			tokyo.setNow(day0.Add(2 * time.Hour))
			edit(t, osaka, "佐藤由紀", func(p *profile.Profile) {
				p.Email = "yuki@osaka.example"
				p.Consent.DoNotContact = true
			})
			edit(t, tokyo, "佐藤由紀", func(p *profile.Profile) { p.Email = "yuki@tokyo.example" })
			first, second := tokyo, osaka
			if !laterFirst {
				first, second = osaka, tokyo
			}
			first.sync(t)
			second.sync(t)
			first.sync(t)
			for _, b := range []*testBook{osaka, tokyo} {
				p := clientNamed(t, b.st, "佐藤由紀")
				if p.Email != "yuki@tokyo.example" {
					t.Errorf("%s: e-mail %q, want Tokyo's later edit", b.role, p.Email)
				}
				if !p.Consent.DoNotContact {
					t.Errorf("%s: do-not-contact set in Osaka did not reach it", b.role)
				}
			}
			if p := clientNamed(t, osaka.st, "佐藤由紀"); !historyHas(p, "email", "yuki@osaka.example") {
				t.Errorf("Osaka's overruled e-mail is not in its history: %+v", p.History)
			}
			if p := clientNamed(t, tokyo.st, "佐藤由紀"); laterFirst == false && !historyHas(p, "email", "yuki@osaka.example") {
				t.Errorf("Tokyo replaced Osaka's e-mail on the chain but kept no history of it: %+v", p.History)
			}

			// Unset later in Tokyo: the later unset wins.
			tokyo.setNow(day0.Add(3 * time.Hour))
			edit(t, tokyo, "佐藤由紀", func(p *profile.Profile) { p.Consent.DoNotContact = false })
			tokyo.sync(t)
			osaka.sync(t)
			if p := clientNamed(t, osaka.st, "佐藤由紀"); p.Consent.DoNotContact {
				t.Error("a later unset of do-not-contact did not win")
			}

			// Do-not-contact set later in Osaka wins over an older unset in
			// Tokyo (set and unset there before it synced), whichever book
			// syncs first.
			tokyo.setNow(day0.Add(4 * time.Hour))
			edit(t, tokyo, "佐藤由紀", func(p *profile.Profile) { p.Consent.DoNotContact = true })
			tokyo.setNow(day0.Add(5 * time.Hour))
			edit(t, tokyo, "佐藤由紀", func(p *profile.Profile) { p.Consent.DoNotContact = false })
			osaka.setNow(day0.Add(6 * time.Hour))
			edit(t, osaka, "佐藤由紀", func(p *profile.Profile) { p.Consent.DoNotContact = true })
			first, second = osaka, tokyo
			if !laterFirst {
				first, second = tokyo, osaka
			}
			first.sync(t)
			second.sync(t)
			first.sync(t)
			for _, b := range []*testBook{osaka, tokyo} {
				if p := clientNamed(t, b.st, "佐藤由紀"); !p.Consent.DoNotContact {
					t.Errorf("%s: an older unset of do-not-contact won over a later set", b.role)
				}
			}
		})
	}
}

// An erasure reaches every book and leaves only a tombstone on the chain.
func TestErasureReachesEveryBook(t *testing.T) {
	c := newChain(t)
	osaka := c.joinedBook(t, "mori", "Osaka", osakaClient)
	tokyo := c.joinedBook(t, "ito", "Tokyo", nil)
	osaka.sync(t)
	id := c.find(t, tokyo, "sato")
	if _, err := Adopt(ctxT(t), tokyo.st, tokyo.pw, id, tokyo.clock); err != nil {
		t.Fatal(err)
	}
	// Tokyo edits the client, Osaka erases it before Tokyo syncs: the
	// erasure wins over the later edit.
	edit(t, tokyo, "佐藤由紀", func(p *profile.Profile) { p.Email = "late@tokyo.example" })
	p := clientNamed(t, osaka.st, "佐藤由紀")
	if _, err := osaka.st.EraseClients(p.ID); err != nil {
		t.Fatal(err)
	}
	osaka.sync(t)
	tokyo.sync(t)
	if clientNamed(t, tokyo.st, "佐藤由紀") != nil {
		t.Fatal("the erased client is still in Tokyo's book")
	}
	if n := c.scalar(t, `SELECT count(*) FROM clients WHERE id = $1 AND erased_at IS NOT NULL AND name = '' AND fields = '{}'`, id); n != 1 {
		t.Fatal("the chain keeps more than a tombstone of the erased client")
	}
	if n := c.scalar(t, `SELECT count(*) FROM events WHERE client_id = $1`, id); n != 0 {
		t.Fatalf("%d records of the erased client are left on the chain", n)
	}
	for _, b := range []*testBook{osaka, tokyo} {
		raw, err := os.ReadFile(b.path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(raw), "loafers") || strings.Contains(string(raw), "late@tokyo") {
			t.Errorf("%s: the erased client's words are still in the book file", b.role)
		}
	}
}

// A client reassigned away leaves the old associate's book as a released
// handover does, and enters the new associate's book whole.
func TestReassignReleases(t *testing.T) {
	c := newChain(t)
	osaka := c.joinedBook(t, "mori", "Osaka", func(tx *store.Tx) error {
		if err := osakaClient(tx); err != nil {
			return err
		}
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		return tx.AddTask(&tasks.Task{ClientID: sums[0].ID, Kind: tasks.CallBack, Title: "call about the autumn coat",
			Due: civil.New(2026, 12, 20), Status: tasks.Open})
	})
	other := c.joinedBook(t, "abe", "Osaka", nil)
	osaka.sync(t)
	id := c.scalar(t, `SELECT count(*) FROM clients`)
	if id != 1 {
		t.Fatalf("%d clients on the chain", id)
	}
	c.pg.Exec(t, c.db, `SELECT chain_reassign((SELECT id FROM clients), $1)`, other.role)
	osaka.sync(t)
	other.sync(t)
	p := clientNamed(t, osaka.st, "佐藤由紀")
	if p.HandedOver == nil || !p.HandedOver.Released || p.HandedOver.To != other.role {
		t.Fatalf("the old book did not let the client go: %+v", p.HandedOver)
	}
	q := clientNamed(t, other.st, "佐藤由紀")
	if q == nil || len(purchasesOf(t, other.st, q.ID)) != 1 {
		t.Fatalf("the new associate's book did not receive the client whole: %+v", q)
	}
	var open []string
	other.st.View(func(tx *store.Tx) error {
		for _, k := range tx.ClientTasks(q.ID) {
			if k.IsOpen() {
				open = append(open, k.Title)
			}
		}
		return nil
	})
	if len(open) != 1 || open[0] != "call about the autumn coat" || len(notesOf(t, other.st, q.ID)) != 1 {
		t.Fatalf("the new associate's book has open tasks %q and %d notes, want the call and the shared note", open, len(notesOf(t, other.st, q.ID)))
	}
}

// The server stopped mid-sync: a plain error, the book as the last
// finished step left it, and the next sync carries on with nothing lost or
// doubled.
func TestServerStoppedMidSync(t *testing.T) {
	c := newChain(t)
	const n = batchSize + 500
	osaka := c.joinedBook(t, "mori", "Osaka", func(tx *store.Tx) error {
		ps := make([]*profile.Profile, n)
		for i := range ps {
			ps[i] = &profile.Profile{Name: fmt.Sprintf("客户%05d", i)}
		}
		return tx.AddClients(ps)
	})
	stopped := false
	afterBatch = func() {
		if !stopped {
			stopped = true
			t.Logf("before stop: %d clients", c.scalar(t, `SELECT count(*) FROM clients`))
			c.pg.Stop(t)
		}
	}
	t.Cleanup(func() { afterBatch = nil })
	_, err := Sync(ctxT(t), osaka.st, osaka.pw, osaka.clock, nil)
	if !errors.Is(err, chain.ErrUnreachable) {
		t.Fatalf("sync with the server stopped: %v, want ErrUnreachable", err)
	}
	var pending int
	var state store.ChainState
	osaka.st.View(func(tx *store.Tx) error { pending, state = tx.Pending(), tx.ChainState(); return nil })
	if pending != n-batchSize || state.Pulled != 0 {
		t.Fatalf("after the stop: %d pending, pulled %d; want %d pending, nothing pulled", pending, state.Pulled, n-batchSize)
	}
	c.pg.Start(t)
	t.Logf("after start: %d clients", c.scalar(t, `SELECT count(*) FROM clients`))
	osaka.sync(t)
	if got := c.scalar(t, `SELECT count(*) FROM clients`); got != n {
		t.Fatalf("%d clients on the chain, want %d", got, n)
	}
}

// kill -9 of a real process at several moments of its sync, then a rerun:
// nothing lost, nothing doubled.
func TestKillDuringSync(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills processes")
	}
	c := newChain(t)
	const n = 3 * batchSize
	tokyo := c.joinedBook(t, "ito", "Tokyo", func(tx *store.Tx) error {
		ps := make([]*profile.Profile, n)
		for i := range ps {
			ps[i] = &profile.Profile{Name: fmt.Sprintf("客户%05d", i)}
		}
		if err := tx.AddClients(ps); err != nil {
			return err
		}
		for i := 0; i < n; i += 3 {
			if err := tx.AddPurchase(&profile.Purchase{ClientID: ps[i].ID, Date: civil.New(2026, 12, 1), Amount: 100}); err != nil {
				return err
			}
		}
		return nil
	})
	tokyo.st.Close()
	// Killed right after the server committed a batch, before the book
	// recorded it: after the first batch, then (the first sent again)
	// after the second.
	for _, after := range []string{"1", "2"} {
		cmd := execChild(t, tokyo.path, c.pg.DSN(c.db, tokyo.role, ""), tokyo.pw.Text)
		cmd.Env = append(cmd.Env, "CHAINSYNC_KILL_AFTER_PUSH="+after)
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
			t.Fatalf("the sync to be killed after batch %s: %v", after, err)
		}
	}
	// The server holds two batches, the book has recorded one.
	if got := c.scalar(t, `SELECT count(*) FROM clients`); got == 0 || got >= n {
		t.Fatalf("%d clients on the chain after the kills, want some of %d", got, n)
	}
	if st, err := store.Open(tokyo.path, store.Options{}); err != nil {
		t.Fatal(err)
	} else {
		var pending int
		st.View(func(tx *store.Tx) error { pending = tx.Pending(); return nil })
		st.Close()
		if want := n + n/3 - batchSize; pending != want {
			t.Fatalf("%d changes pending after the kills, want %d", pending, want)
		}
	}
	kills := 0
	for _, delay := range []time.Duration{300 * time.Millisecond, 900 * time.Millisecond, 1500 * time.Millisecond} {
		cmd := execChild(t, tokyo.path, c.pg.DSN(c.db, tokyo.role, ""), tokyo.pw.Text)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		if cmd.Process.Kill() == nil {
			kills++
		}
		cmd.Wait()
	}
	st, err := store.Open(tokyo.path, store.Options{Now: tokyo.clock})
	if err != nil {
		t.Fatal(err)
	}
	tokyo.st = st
	defer st.Close()
	tokyo.sync(t)
	tokyo.sync(t)
	if got := c.scalar(t, `SELECT count(*) FROM clients`); got != n {
		t.Errorf("%d clients on the chain, want %d (after %d kills)", got, n, kills)
	}
	if got := c.scalar(t, `SELECT count(*) FROM events WHERE kind = 'purchase'`); got != n/3 {
		t.Errorf("%d purchases on the chain, want %d", got, n/3)
	}
	var sums []profile.Summary
	st.View(func(tx *store.Tx) error { sums, err = tx.Summaries(); return err })
	if len(sums) != n {
		t.Errorf("%d clients in the book, want %d", len(sums), n)
	}
	total := 0
	for _, s := range sums {
		total += len(s.Spends)
	}
	if total != n/3 {
		t.Errorf("%d purchases in the book, want %d", total, n/3)
	}
}

func execChild(t *testing.T, book, dsn, pw string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "CHAINSYNC_CHILD=1", "CHAINSYNC_BOOK="+book, "CHAINSYNC_PW="+pw)
	_ = dsn // the book keeps its DSN
	return cmd
}

// An appointment (a visit the client is expected for) reaches the chain
// and the books of the client's other associate, and so does its change
// (the client arrived); the chain's records of a client are written only
// by its associates, even through the set-based function a push calls.
func TestAppointmentsSync(t *testing.T) {
	c := newChain(t)
	osaka := c.joinedBook(t, "kato", "Osaka", osakaClient)
	tokyo := c.joinedBook(t, "abe", "Tokyo", nil)
	home := clientNamed(t, osaka.st, "佐藤由紀")
	start := time.Date(2026, 12, 12, 14, 0, 0, 0, time.UTC)
	var apptID string
	if err := osaka.st.Update(func(tx *store.Tx) error {
		a := &visits.Appointment{ClientID: home.ID, Start: start, Purpose: "fitting"}
		err := tx.AddAppointment(a)
		apptID = a.ID
		return err
	}); err != nil {
		t.Fatal(err)
	}
	osaka.sync(t)
	if n := c.scalar(t, `SELECT count(*) FROM events WHERE kind = 'appointment' AND open AND due = '2026-12-12'`); n != 1 {
		t.Fatalf("%d open appointments on the chain, want 1", n)
	}
	id := c.find(t, tokyo, "sato")
	if _, err := Adopt(ctxT(t), tokyo.st, tokyo.pw, id, tokyo.clock); err != nil {
		t.Fatal(err)
	}
	adopted := clientNamed(t, tokyo.st, "佐藤由紀")
	appts := func(b *testBook, client string) []visits.Appointment {
		var as []visits.Appointment
		b.st.View(func(tx *store.Tx) error { as = tx.ClientAppointments(client); return nil })
		return as
	}
	if as := appts(tokyo, adopted.ID); len(as) != 1 || !as[0].Start.Equal(start) || as[0].Purpose != "fitting" ||
		as[0].Status != visits.Booked {
		t.Fatalf("Tokyo's appointments of the adopted client: %+v", as)
	}
	// The client arrives in Osaka: Tokyo learns it.
	if err := osaka.st.Update(func(tx *store.Tx) error {
		a, err := tx.Appointment(apptID)
		if err != nil {
			return err
		}
		a.Status = visits.Arrived
		return tx.UpdateAppointment(&a)
	}); err != nil {
		t.Fatal(err)
	}
	osaka.sync(t)
	tokyo.sync(t)
	if as := appts(tokyo, adopted.ID); len(as) != 1 || as[0].Status != visits.Arrived {
		t.Fatalf("Tokyo's appointments after the arrival in Osaka: %+v", as)
	}
	tokyo.sync(t)
	if as := appts(tokyo, adopted.ID); len(as) != 1 {
		t.Fatalf("a second sync doubled the appointment: %+v", as)
	}

	// A third associate may not write records of a client not theirs.
	other := c.associate(t, "ueda", "Tokyo", false)
	conn, err := pgx.Connect(ctxT(t), c.pg.DSN(c.db, other, "pw-ueda"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	tx, err := conn.Begin(ctxT(t))
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(context.Background())
	_, err = tx.Exec(ctxT(t), `SELECT chain_stage()`)
	if err == nil {
		_, err = tx.CopyFrom(ctxT(t), pgx.Identifier{"pg_temp", "chain_stage_events"},
			[]string{"id", "client_id", "kind", "at", "open", "is_contact", "body", "hlc", "deleted"},
			pgx.CopyFromRows([][]any{{"x/1", id, "note", time.Now(), false, false, []byte(`{"text":"forged"}`), "zzzz", false}}))
	}
	if err == nil {
		_, err = tx.Exec(ctxT(t), `SELECT chain_put_staged('x', 0)`)
	}
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "42501" {
		t.Fatalf("another associate's put of a record: %v, want 42501", err)
	}
	if n := c.scalar(t, `SELECT count(*) FROM events WHERE body::text LIKE '%forged%'`); n != 0 {
		t.Fatal("a forged record reached the chain")
	}
}

// The password may come from a password file (PGPASSFILE, else
// ~/.pgpass) or a connection service file (PGSERVICEFILE with
// PGSERVICE or service= in the DSN), as libpq's: the book keeps none, and
// the app, which passes no password of its own, syncs with these.
func TestPasswordFromPassFileOrService(t *testing.T) {
	c := newChain(t)
	b := c.joinedBook(t, "sakai", "Osaka", osakaClient)
	dir := t.TempDir()
	t.Setenv("PGPASSWORD", "")

	// No password anywhere: refused, plainly.
	t.Setenv("PGPASSFILE", filepath.Join(dir, "none"))
	if _, err := Sync(ctxT(t), b.st, Password{}, b.clock, nil); !errors.Is(err, chain.ErrAuth) {
		t.Fatalf("sync without a password: %v, want ErrAuth", err)
	}
	// A password file: host:port:database:user:password (a Unix socket's
	// host is "localhost" there, as for libpq).
	pass := filepath.Join(dir, "pgpass")
	line := fmt.Sprintf("localhost:5432:%s:%s:%s\n", c.db, b.role, b.pw.Text)
	if err := os.WriteFile(pass, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PGPASSFILE", pass)
	if r, err := Sync(ctxT(t), b.st, Password{}, b.clock, nil); err != nil || r.Pushed == 0 {
		t.Fatalf("sync with the password in PGPASSFILE: %+v %v", r, err)
	}
	// A service file naming the password, the book's DSN naming the service.
	t.Setenv("PGPASSFILE", filepath.Join(dir, "none"))
	svc := filepath.Join(dir, "pg_service.conf")
	if err := os.WriteFile(svc, []byte("[vipbook]\npassword="+b.pw.Text+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PGSERVICEFILE", svc)
	t.Setenv("PGSERVICE", "vipbook")
	if _, err := Sync(ctxT(t), b.st, Password{}, b.clock, nil); err != nil {
		t.Fatalf("sync with the password in the service file: %v", err)
	}
}

// A note and a purchase logged by mistake in Osaka and removed there leave
// the chain's figures and the Tokyo book (the secondary associate's) at
// their next syncs; a removal made in Tokyo reaches Osaka the same way.
func TestRemovalsSync(t *testing.T) {
	c := newChain(t)
	osaka := c.joinedBook(t, "mori", "Osaka", osakaClient)
	tokyo := c.joinedBook(t, "ito", "Tokyo", nil)
	osaka.sync(t)
	id := c.find(t, tokyo, "sato")
	if _, err := Adopt(ctxT(t), tokyo.st, tokyo.pw, id, tokyo.clock); err != nil {
		t.Fatal(err)
	}
	home := clientNamed(t, osaka.st, "佐藤由紀")
	var wrongNote notes.Note
	var wrongBuy profile.Purchase
	if err := osaka.st.Update(func(tx *store.Tx) error {
		wrongNote = notes.Note{ClientID: home.ID, Kind: notes.Call, Text: "meant for another client"}
		if err := tx.AddNote(&wrongNote); err != nil {
			return err
		}
		wrongBuy = profile.Purchase{ClientID: home.ID, Date: civil.New(2026, 12, 5), Amount: 99900000, Items: "a mistake"}
		return tx.AddPurchase(&wrongBuy)
	}); err != nil {
		t.Fatal(err)
	}
	osaka.sync(t)
	tokyo.sync(t)
	away := clientNamed(t, tokyo.st, "佐藤由紀")
	if len(purchasesOf(t, tokyo.st, away.ID)) != 2 || len(notesOf(t, tokyo.st, away.ID)) != 2 {
		t.Fatal("Tokyo did not get the records before their removal")
	}
	if n := c.scalar(t, `SELECT spend::int FROM clients WHERE id = $1`, id); n != 128000+999000 {
		t.Fatalf("the chain's spend before the removal is %d", n)
	}

	if err := osaka.st.Update(func(tx *store.Tx) error {
		if _, err := tx.DeleteNote(wrongNote.ID); err != nil {
			return err
		}
		_, err := tx.DeletePurchase(wrongBuy.ID)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if r := osaka.sync(t); r.Pushed != 2 {
		t.Fatalf("osaka pushed %d changes for two removals", r.Pushed)
	}
	if n := c.scalar(t, `SELECT count(*) FROM events WHERE client_id = $1 AND deleted`, id); n != 2 {
		t.Fatalf("%d rows marked removed on the chain, want 2", n)
	}
	if n := c.scalar(t, `SELECT spend::int FROM clients WHERE id = $1`, id); n != 128000 {
		t.Fatalf("the chain's spend after the removal is %d, want 128000", n)
	}
	tokyo.sync(t)
	ps, ns := purchasesOf(t, tokyo.st, away.ID), notesOf(t, tokyo.st, away.ID)
	if len(ps) != 1 || ps[0].Items != "handbag" || len(ns) != 1 || strings.Contains(ns[0].Text, "another client") {
		t.Fatalf("Tokyo after the removals: purchases %+v, notes %+v", ps, ns)
	}
	var spends int
	_ = tokyo.st.View(func(tx *store.Tx) error {
		s, err := tx.Summary(away.ID)
		spends = len(s.Spends)
		return err
	})
	if spends != 1 {
		t.Fatalf("Tokyo's summary counts %d purchases", spends)
	}
	// The pull that removed them compacted Tokyo's book: their text left the file.
	raw, err := os.ReadFile(tokyo.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"meant for another client", "a mistake"} {
		if strings.Contains(string(raw), m) {
			t.Errorf("%q is still in Tokyo's book file after the pull removed it", m)
		}
	}

	// Tokyo removes the shared visit note; Osaka lets it go.
	if err := tokyo.st.Update(func(tx *store.Tx) error { _, err := tx.DeleteNote(ns[0].ID); return err }); err != nil {
		t.Fatal(err)
	}
	tokyo.sync(t)
	osaka.sync(t)
	var left []string
	for _, n := range notesOf(t, osaka.st, home.ID) {
		left = append(left, n.Text)
	}
	if len(left) != 1 || !strings.Contains(left[0], "divorce") {
		t.Fatalf("Osaka's notes after Tokyo's removal: %q, want the private note alone", left)
	}
	// Syncing again brings nothing back.
	osaka.sync(t)
	tokyo.sync(t)
	if n := len(notesOf(t, tokyo.st, away.ID)) + len(purchasesOf(t, osaka.st, home.ID)); n != 1 {
		t.Fatalf("after syncing again: %d records, want Osaka's one purchase", n)
	}
	// Another book's older copy of the removed note and purchase sent
	// again with a later clock (say a book put back from an older backup):
	// both books keep them out by their tombstones.
	var osakaID string
	_ = osaka.st.View(func(tx *store.Tx) error { j, _ := tx.Book().Chain(); osakaID = j.BookID; return nil })
	for _, rec := range []struct{ id, text string }{{wrongNote.ID, `"meant for another client"`}, {wrongBuy.ID, `"a mistake"`}} {
		field := "text"
		if rec.id == wrongBuy.ID {
			field = "items"
		}
		c.pg.Exec(t, c.db, `UPDATE events SET deleted = false, hlc = hlc || '~', seq = chain_next_seq(),
			body = jsonb_set(body::jsonb, ARRAY[$2], $3::jsonb) WHERE id = $1`, osakaID+"/"+rec.id, field, rec.text)
	}
	osaka.sync(t)
	tokyo.sync(t)
	if n := len(notesOf(t, tokyo.st, away.ID)) + len(purchasesOf(t, tokyo.st, away.ID)) + len(purchasesOf(t, osaka.st, home.ID)); n != 2 {
		t.Fatalf("after an older copy came again: %d records, want Tokyo's and Osaka's one purchase each", n)
	}
	for _, n := range notesOf(t, osaka.st, home.ID) {
		if strings.Contains(n.Text, "another client") {
			t.Fatalf("the removed note came back to Osaka: %+v", n)
		}
	}
	for _, b := range []*testBook{osaka, tokyo} {
		path := b.st.Path()
		b.st.Close()
		if rep, err := store.Check(path); err != nil || !rep.Sound() {
			t.Errorf("%s: check: %v %q", b.role, err, rep.Problems)
		}
	}
}

// A client reassigned to another associate has the tier that associate's
// book computes on the chain from the sync that brings it, even when the
// book held it before as the secondary associate (its tier then offered
// and refused, not recorded as sent) and the tier has not changed since.
func TestReassignedTierSentOnArrival(t *testing.T) {
	c := newChain(t)
	osaka := c.joinedBook(t, "mori", "Osaka", osakaClient)
	tokyo := c.joinedBook(t, "ito", "Osaka", nil)
	abe := c.joinedBook(t, "abe", "Osaka", nil)
	syncTiers := func(b *testBook, label string) {
		t.Helper()
		st := b.st
		tf := func() (map[string]string, error) {
			out := map[string]string{}
			err := st.View(func(tx *store.Tx) error {
				sums, err := tx.Summaries()
				for _, s := range sums {
					out[s.ID] = label
				}
				return err
			})
			return out, err
		}
		if _, err := Sync(ctxT(t), st, b.pw, b.clock, tf); err != nil {
			t.Fatalf("%s: sync: %v", b.role, err)
		}
	}
	syncTiers(osaka, "Gold")
	id := c.find(t, tokyo, "sato")
	chainTier := func() string {
		t.Helper()
		conn, err := pgx.Connect(ctxT(t), c.pg.AdminDSN(c.db))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(context.Background())
		var s string
		if err := conn.QueryRow(ctxT(t), `SELECT coalesce(tier, '') FROM clients WHERE id = $1`, id).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	if got := chainTier(); got != "Gold" {
		t.Fatalf("the chain's tier after Osaka's sync: %q", got)
	}
	// Tokyo adopts it (secondary) and computes another tier: refused, the
	// client is not Tokyo's.
	if _, err := Adopt(ctxT(t), tokyo.st, tokyo.pw, id, tokyo.clock); err != nil {
		t.Fatal(err)
	}
	syncTiers(tokyo, "Silver")
	if got := chainTier(); got != "Gold" {
		t.Fatalf("a secondary associate's book set the tier: %q", got)
	}
	// Reassigned to Tokyo: its sync brings the client and sends its tier,
	// unchanged in Tokyo's book.
	c.pg.Exec(t, c.db, `SELECT chain_reassign($1, $2)`, id, tokyo.role)
	syncTiers(tokyo, "Silver")
	if got := chainTier(); got != "Silver" {
		t.Fatalf("the tier after the reassignment to Tokyo and its sync: %q, want Silver", got)
	}
	// Reassigned to abe, whose book never held it: the sync that brings it
	// sends abe's tier.
	c.pg.Exec(t, c.db, `SELECT chain_reassign($1, $2)`, id, abe.role)
	syncTiers(abe, "Platinum")
	if got := chainTier(); got != "Platinum" {
		t.Fatalf("the tier after the reassignment to abe and its first sync: %q, want Platinum", got)
	}
}
