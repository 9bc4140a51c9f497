package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/internal/pgtest"
)

// chainCLI runs the command line on book (which need not exist) in lang
// with extra environment, and returns stdout, stderr and the error.
func chainCLI(t *testing.T, book, lang string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	a := &App{Now: goldenNow, Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader(""), WorkFactor: testWorkFactor}
	root := NewRoot(a)
	root.SetArgs(append([]string{"--book", book, "--lang", lang}, args...))
	root.SetOut(&out)
	root.SetErr(&errOut)
	err := root.ExecuteContext(context.Background())
	if err != nil {
		errOut.WriteString(err.Error())
	}
	return out.String(), errOut.String(), err
}

// testChain is a migrated chain database with an Osaka manager, two
// associates, and a client of each put as their own role.
type testChain struct {
	pg                *pgtest.PG
	db                string
	mgr, anna, lin    string
	admin             string // the administrator's DSN
	mgrDSN, annaDSN   string
	linDSN, passwords string // passwords: the three passwords joined, to look for in output
}

func newTestChain(t *testing.T, names ...string) *testChain {
	t.Helper()
	pg := pgtest.Server(t)
	db := pg.NewDatabase(t)
	c := &testChain{pg: pg, db: db, admin: pg.AdminDSN(db)}
	if len(names) == 3 {
		c.mgr, c.anna, c.lin = names[0], names[1], names[2]
	} else {
		c.mgr, c.anna, c.lin = "mika_"+db, "anna_"+db, "lina_"+db
	}
	ctx := context.Background()
	if _, err := chain.Migrate(ctx, c.admin); err != nil {
		t.Fatal(err)
	}
	pw := func(n string) string { return "s3cret-" + n + "-pw" }
	for _, g := range []chain.Grantee{{Name: c.mgr, Store: "大阪", Manager: true}, {Name: c.anna, Store: "大阪"}, {Name: c.lin, Store: "东京"}} {
		if _, err := chain.Grant(ctx, c.admin, g, pw(g.Name)); err != nil {
			t.Fatal(err)
		}
		name := g.Name
		t.Cleanup(func() { pg.Exec(t, "postgres", "DROP ROLE IF EXISTS "+pgx.Identifier{name}.Sanitize()) })
	}
	c.mgrDSN, c.annaDSN, c.linDSN = pg.DSN(db, c.mgr, pw(c.mgr)), pg.DSN(db, c.anna, pw(c.anna)), pg.DSN(db, c.lin, pw(c.lin))
	c.passwords = pw(c.mgr) + " " + pw(c.anna) + " " + pw(c.lin)
	put := func(dsn, who, store, id, name, phone string, spend int) {
		cdb, err := chain.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer cdb.Close()
		err = cdb.Push(ctx, func(tx pgx.Tx, seq int64) error {
			// (a new client's id begins with the id of a book of its
			// associate's: policy clients_add, migration 0006)
			if _, err := tx.Exec(ctx, `INSERT INTO books (id, associate, store) VALUES (split_part($1, '/', 1), current_user, $2)
				ON CONFLICT (id) DO NOTHING`, id, store); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO clients (id, store, associate, name, phones, tier, currency, seq)
				VALUES ($1, $2, $3, $4, ARRAY[$5], 'A', 'CNY', $6)`, id, store, who, name, phone, seq); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO events (id, client_id, kind, at, amount, is_contact, seq)
				VALUES ($1, $2, 'purchase', '2026-11-20', $3, true, $4)`, id+"/p", id, spend, seq); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO events (id, client_id, kind, at, due, open, seq)
				VALUES ($1, $2, 'task', '2026-11-20', '2026-11-22', true, $3)`, id+"/t", id, seq); err != nil {
				return err
			}
			return chain.RefreshSummaries(ctx, tx, []string{id})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	put(c.annaDSN, c.anna, "大阪", "b1/k3x9ab", "王小明", "8613800138000", 12800)
	put(c.linDSN, c.lin, "东京", "b2/m4p2qq", "佐藤花子", "8613900139000", 3000)
	return c
}

// The administrator migrates (twice: the second does nothing) and grants;
// an associate in Tokyo finds an Osaka client by phone; the manager sees
// the team and moves a client; no password ever reaches the output.
func TestChainCommands(t *testing.T) {
	c := newTestChain(t)
	book := filepath.Join(t.TempDir(), "none.db")
	dir := t.TempDir()
	var printed strings.Builder
	run := func(args ...string) string {
		t.Helper()
		out, errOut, err := chainCLI(t, book, "en", args...)
		printed.WriteString(out + errOut)
		if err != nil {
			t.Fatalf("vipbook %v: %v\n%s", args, err, errOut)
		}
		return out
	}
	if out := run("chain", "migrate", c.admin); !strings.Contains(out, "nothing to do") {
		t.Errorf("a second migrate: %s", out)
	}
	var m chain.Migrated
	if err := json.Unmarshal([]byte(run("chain", "migrate", c.admin, "--json")), &m); err != nil || m.To != chain.SchemaVersion() {
		t.Errorf("migrate --json: %+v %v", m, err)
	}

	// grant: the password from PGPASSWORD, then from a file.
	newRole := "ben_" + c.db
	t.Cleanup(func() { c.pg.Exec(t, "postgres", "DROP ROLE IF EXISTS "+newRole) })
	t.Setenv("PGPASSWORD", "from-the-env-9")
	out := run("chain", "grant", newRole, "--store", "大阪", "--dsn", c.admin)
	if !strings.Contains(out, newRole) || !strings.Contains(out, "大阪") {
		t.Errorf("grant: %s", out)
	}
	t.Setenv("PGPASSWORD", "")
	pwFile := filepath.Join(dir, "pw")
	if err := os.WriteFile(pwFile, []byte("from-the-file-7\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	var g chain.Granted
	if err := json.Unmarshal([]byte(run("chain", "grant", newRole, "--store", "大阪", "--manager", "--password-file", pwFile, "--dsn", c.admin, "--json")), &g); err != nil || g.Created || !g.Manager {
		t.Errorf("grant again --json: %+v %v", g, err)
	}
	if _, err := chain.Connect(context.Background(), c.pg.DSN(c.db, newRole, "from-the-file-7")); err != nil {
		t.Errorf("the granted password does not log in: %v", err)
	}
	if _, _, err := chainCLI(t, book, "en", "chain", "grant", "x_"+c.db, "--store", "大阪", "--dsn", c.admin); err == nil || !strings.Contains(err.Error(), "PGPASSWORD") {
		t.Errorf("grant without a password: %v", err)
	}

	// find from Tokyo, by phone as typed and by name.
	out = run("chain", "find", "138 0013 8000", "--dsn", c.linDSN)
	for _, want := range []string{"b1/k3x9ab", "王小明", "大阪", c.anna, "12,800", "2026-11-20"} {
		if !strings.Contains(out, want) {
			t.Errorf("find by phone: no %q in\n%s", want, out)
		}
	}
	var found []chain.Found
	if err := json.Unmarshal([]byte(run("chain", "find", "王小", "--json", "--dsn", c.linDSN)), &found); err != nil || len(found) != 1 || found[0].Store != "大阪" {
		t.Errorf("find --json: %+v %v", found, err)
	}
	if out := run("chain", "find", "nobody", "--dsn", c.linDSN); !strings.Contains(out, "No client of the chain") {
		t.Errorf("find nothing: %s", out)
	}

	// overview: the manager sees the Osaka team.
	t.Setenv("VIPBOOK_CHAIN_DSN", c.mgrDSN)
	out = run("chain", "overview", "--days", "3")
	for _, want := range []string{c.anna, "clients: 1 (A 1)", "overdue follow-ups: 1", "contacts this month: 1", "王小明"} {
		if !strings.Contains(out, want) {
			t.Errorf("overview: no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, c.lin) {
		t.Errorf("the Osaka manager sees Tokyo:\n%s", out)
	}
	var ov []chain.AssociateOverview
	if err := json.Unmarshal([]byte(run("chain", "overview", "--json", "--days", "60")), &ov); err != nil || len(ov) != 3 {
		t.Errorf("overview --json: %+v %v", ov, err)
	}

	// reassign: one client, then all back.
	if out := run("chain", "reassign", "b1/k3x9ab", "--to", newRole); !strings.Contains(out, newRole) {
		t.Errorf("reassign: %s", out)
	}
	if out := run("chain", "reassign", "--from", newRole, "--to", c.anna); !strings.Contains(out, "Moved 1 client from") {
		t.Errorf("reassign --from: %s", out)
	}
	_, _, err := chainCLI(t, book, "en", "chain", "reassign", "b2/m4p2qq", "--to", c.anna)
	if err == nil || !strings.Contains(err.Error(), "Not allowed") {
		t.Errorf("the Osaka manager moved a Tokyo client: %v", err)
	}
	_, _, err = chainCLI(t, book, "en", "chain", "reassign", "--to", c.anna)
	if err == nil || !strings.Contains(err.Error(), "CLIENT-ID") {
		t.Errorf("reassign with no client: %v", err)
	}

	for _, pw := range append(strings.Fields(c.passwords), "from-the-env-9", "from-the-file-7") {
		if strings.Contains(printed.String(), pw) {
			t.Errorf("a password was printed: %s", pw)
		}
	}
}

// Plain errors: the server unreachable, a wrong password, a schema too
// old, no DSN at all; none shows the DSN or its password.
func TestChainPlainErrors(t *testing.T) {
	c := newTestChain(t)
	book := filepath.Join(t.TempDir(), "none.db")
	fresh := c.pg.NewDatabase(t)
	t.Setenv("VIPBOOK_CHAIN_DSN", "")
	for _, k := range []string{"PGHOST", "PGSERVICE", "PGDATABASE"} {
		t.Setenv(k, "")
	}
	cases := []struct {
		name, dsn, en, zh string
	}{
		{"unreachable", "host=" + t.TempDir() + " dbname=chain user=anna password=hunter2-secret sslmode=disable", "cannot be reached", "连不上"},
		{"wrong password", c.pg.DSN(c.db, c.anna, "hunter2-secret"), "refused the user name or password", "拒绝了用户名或密码"},
		{"schema too old", c.pg.DSN(fresh, pgtest.Superuser, "hunter2-secret"), "vipbook chain migrate DSN", "vipbook chain migrate DSN"},
		{"bad dsn", "host=x password=hunter2-secret port=notaport", "cannot be read", "无法读取"},
		{"no dsn", "", "--dsn", "--dsn"},
	}
	for _, tc := range cases {
		for _, lang := range []string{"en", "zh"} {
			args := []string{"chain", "overview"}
			if tc.dsn != "" {
				args = append(args, "--dsn", tc.dsn)
			}
			out, errOut, err := chainCLI(t, book, lang, args...)
			want := tc.en
			if lang == "zh" {
				want = tc.zh
			}
			if err == nil || !strings.Contains(errOut, want) {
				t.Errorf("%s (%s): %v\n%s", tc.name, lang, err, errOut)
			}
			if strings.Contains(out+errOut, "hunter2-secret") || (tc.dsn != "" && strings.Contains(out+errOut, tc.dsn)) {
				t.Errorf("%s (%s): the DSN or its password printed:\n%s", tc.name, lang, out+errOut)
			}
		}
	}
}

// chainInstalled says whether the chain's commands can run in this test
// binary: PostgreSQL is installed, or CI requires it.
func chainInstalled() bool { return pgtest.Installed() || os.Getenv("CI") == "true" }

// chainZhSteps are the runs of the chain's commands for
// TestEveryCommandSpeaksChinese, on a chain of its own (none when
// PostgreSQL is not installed outside CI: their help is still checked).
func chainZhSteps(t *testing.T, passwordFile string) []zhStep {
	if !chainInstalled() {
		return nil
	}
	c := newTestChain(t, "美佳", "小安", "李娜")
	t.Cleanup(func() { c.pg.Exec(t, "postgres", `DROP ROLE IF EXISTS "王芳"`) })
	return []zhStep{
		{"vipbook chain migrate", []string{"chain", "migrate", c.admin}},
		{"vipbook chain grant", []string{"chain", "grant", "王芳", "--store", "大阪", "--password-file", passwordFile, "--dsn", c.admin}},
		{"vipbook chain find", []string{"chain", "find", "王小明", "--dsn", c.linDSN}},
		{"vipbook chain overview", []string{"chain", "overview", "--dsn", c.mgrDSN, "--days", "3"}},
		{"vipbook chain reassign", []string{"chain", "reassign", "b1/k3x9ab", "--to", "王芳", "--dsn", c.mgrDSN}},
	}
}

// zhStep is one run of TestEveryCommandSpeaksChinese: the command's path
// and its arguments.
type zhStep struct {
	path string
	args []string
}
