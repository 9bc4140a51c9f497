package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/internal/pgtest"
)

// ranWithServer are the commands TestSyncCommands runs against a real
// database, in Chinese: TestEveryCommandSpeaksChinese, which has no
// server, counts them as run.
var ranWithServer = map[string]bool{"vipbook sync": true, "vipbook chain": true, "vipbook chain join": true,
	"vipbook chain status": true, "vipbook chain adopt": true}

// syncRole makes a login role of the chain in database db, dropped at the
// end of the test, and returns its name and a file holding its password.
func syncRole(t *testing.T, pg *pgtest.PG, db, name, storeName string) (role, pwFile string) {
	t.Helper()
	role = name + "_" + db
	pg.Exec(t, db, fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD 'secret-%s' IN ROLE vipbook_associate", role, name))
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if conn, err := pgx.Connect(ctx, pg.AdminDSN("postgres")); err == nil {
			conn.Exec(ctx, "DROP DATABASE IF EXISTS "+db+" WITH (FORCE)")
			conn.Exec(ctx, "DROP ROLE IF EXISTS "+role)
			conn.Close(ctx)
		}
	})
	pg.Exec(t, db, "INSERT INTO stores (name) VALUES ($1) ON CONFLICT DO NOTHING", storeName)
	pg.Exec(t, db, "INSERT INTO associates (name, store) VALUES ($1, $2)", role, storeName)
	pwFile = filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pwFile, []byte("secret-"+name+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return role, pwFile
}

// The book's chain commands against a real PostgreSQL: join, sync, status
// and adopt work, speak Chinese, and print no secret.
func TestSyncCommands(t *testing.T) {
	pg := pgtest.Server(t)
	db := pg.NewDatabase(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if _, err := chain.Migrate(ctx, pg.AdminDSN(db)); err != nil {
		t.Fatal(err)
	}
	osakaRole, osakaPW := syncRole(t, pg, db, "mori", "大阪")
	tokyoRole, tokyoPW := syncRole(t, pg, db, "ito", "东京")
	osaka := demoBook(t)
	tokyo := filepath.Join(t.TempDir(), "tokyo.db")
	if _, _, err := speak(tokyo, "en", "init", "--associate", "伊藤"); err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"MARKPRIV": true}
	for _, w := range latinWord.FindAllString(osakaRole+" "+tokyoRole+" "+osaka+" "+tokyo+" "+db, -1) {
		allowed[w] = true
	}
	syntax, data := syntaxWords(), dataWords(t, osaka)
	// A book's id on the chain is random letters ("zephvkedqbbadwhv"),
	// data and not English: every id the chain holds is allowed.
	allowBooks := func() {
		t.Helper()
		conn, err := pgx.Connect(ctx, pg.AdminDSN(db))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		rows, err := conn.Query(ctx, `SELECT id FROM books`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			for _, w := range latinWord.FindAllString(id, -1) {
				allowed[w] = true
			}
		}
	}
	zh := func(book string, args ...string) string {
		t.Helper()
		out, errOut, err := speak(book, "zh", args...)
		if err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errOut)
		}
		allowBooks()
		for _, w := range english(out+errOut, allowed, syntax, data) {
			t.Errorf("vipbook %s: English %s", strings.Join(args, " "), w)
		}
		return out
	}
	noSecret := func(what, out string) {
		t.Helper()
		for _, s := range []string{"secret-", "password", "host=", pg.DSN(db, osakaRole, "")} {
			if strings.Contains(out, s) {
				t.Errorf("%s prints %q:\n%s", what, s, out)
			}
		}
	}

	// Not joined yet: status says so, sync says what to do.
	if out := zh(osaka, "chain", "status"); !strings.Contains(out, "尚未加入连锁") {
		t.Errorf("status before joining: %s", out)
	}
	if _, errOut, err := speak(osaka, "zh", "sync"); err == nil || !strings.Contains(err.Error()+errOut, "vipbook chain join") {
		t.Errorf("sync before joining: %v %s", err, errOut)
	}

	var clients []struct{ ID string }
	if err := json.Unmarshal([]byte(run(t, osaka, "list", "--json")), &clients); err != nil || len(clients) == 0 {
		t.Fatalf("clients: %v", err)
	}
	zh(osaka, "note", clients[0].ID, "私密 MARKPRIV 离婚中", "--private")
	out := zh(osaka, "chain", "join", pg.DSN(db, osakaRole, "secret-mori"), "--store", "大阪")
	if !strings.Contains(out, "已以门店") {
		t.Errorf("join: %s", out)
	}
	raw, err := os.ReadFile(osaka)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(raw), "secret-mori") {
		t.Fatal("the password given in the DSN is in the book file")
	}
	out = zh(osaka, "sync", "--password-file", osakaPW)
	if !strings.Contains(out, "已同步") {
		t.Errorf("sync: %s", out)
	}
	outJSON, _, err := speak(osaka, "en", "sync", "--json", "--password-file", osakaPW)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Pushed  int `json:"pushed"`
		Pending int `json:"pending"`
	}
	if err := json.Unmarshal([]byte(outJSON), &rep); err != nil || rep.Pending != 0 {
		t.Fatalf("sync --json: %v %s", err, outJSON)
	}
	noSecret("sync --json", outJSON)
	admin, err := pgx.Connect(ctx, pg.AdminDSN(db))
	if err != nil {
		t.Fatal(err)
	}
	var leaked int
	if err := admin.QueryRow(ctx, `SELECT count(*) FROM events WHERE body::text LIKE '%MARKPRIV%'`).Scan(&leaked); err != nil || leaked != 0 {
		t.Errorf("a private note reached the chain (%d, %v)", leaked, err)
	}
	// The chain holds each client's computed tier, as vipbook list shows it.
	var rows []struct{ ID, Tier string }
	if err := json.Unmarshal([]byte(run(t, osaka, "list", "--json")), &rows); err != nil || len(rows) == 0 {
		t.Fatalf("list --json: %v", err)
	}
	chainTier := map[string]string{}
	trows, err := admin.Query(ctx, `SELECT split_part(id, '/', 2), tier FROM clients`)
	if err != nil {
		t.Fatal(err)
	}
	for trows.Next() {
		var id, tier string
		if err := trows.Scan(&id, &tier); err != nil {
			t.Fatal(err)
		}
		chainTier[id] = tier
	}
	trows.Close()
	for _, r := range rows {
		if r.Tier == "" || chainTier[r.ID] != r.Tier {
			t.Errorf("client %s: tier %q in the book, %q on the chain", r.ID, r.Tier, chainTier[r.ID])
		}
	}
	admin.Close(ctx)
	out = zh(osaka, "chain", "status", "--password-file", osakaPW)
	if !strings.Contains(out, "连锁中有你的 60 位客户") {
		t.Errorf("status after the first sync: %s", out)
	}
	stJSON, _, err := speak(osaka, "en", "chain", "status", "--json", "--password-file", osakaPW)
	if err != nil {
		t.Fatal(err)
	}
	noSecret("chain status --json", stJSON)

	// Tokyo joins (the password from a file), finds an Osaka client and adopts it.
	zh(tokyo, "chain", "join", pg.DSN(db, tokyoRole, ""), "--store", "东京", "--password-file", tokyoPW)
	conn, err := pgx.Connect(ctx, pg.AdminDSN(db))
	if err != nil {
		t.Fatal(err)
	}
	var id, name string
	if err := conn.QueryRow(ctx, `SELECT id, name FROM clients ORDER BY id LIMIT 1`).Scan(&id, &name); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	allowed[strings.SplitN(id, "/", 2)[0]] = true
	if out := zh(tokyo, "chain", "adopt", id, "--password-file", tokyoPW); !strings.Contains(out, "第二顾问") {
		t.Errorf("adopt: %s", out)
	}
	if out := run(t, tokyo, "list"); !strings.Contains(out, name) {
		t.Errorf("Tokyo's list after adopting %s:\n%s", name, out)
	}
	// A wrong password: a plain message in Chinese.
	bad := filepath.Join(t.TempDir(), "bad")
	os.WriteFile(bad, []byte("wrong\n"), 0o600)
	_, errOut, err := speak(tokyo, "zh", "sync", "--password-file", bad)
	if err == nil || !strings.Contains(err.Error()+errOut, "拒绝了用户名或密码") {
		t.Errorf("sync with a wrong password: %v %s", err, errOut)
	}
	// No password anywhere: the message names every way to give one
	// (PGPASSWORD, --password-file, the password file, the service file).
	t.Setenv("PGPASSWORD", "")
	t.Setenv("PGPASSFILE", filepath.Join(t.TempDir(), "none"))
	t.Setenv("PGSERVICEFILE", filepath.Join(t.TempDir(), "none"))
	for _, lang := range []string{"en", "zh"} {
		_, errOut, err := speak(tokyo, lang, "sync")
		said := errOut
		if err != nil {
			said += err.Error()
		}
		if strings.Contains(said, "%!") {
			t.Errorf("%s: sync without a password prints a formatting slip: %s", lang, said)
		}
		for _, way := range []string{"PGPASSWORD", "--password-file", "PGPASSFILE", "~/.pgpass", "PGSERVICEFILE", "~/.pg_service.conf", "PGSERVICE"} {
			if err == nil || !strings.Contains(said, way) {
				t.Errorf("%s: sync without a password does not name %s: %v %s", lang, way, err, errOut)
			}
		}
		if lang == "zh" {
			for _, w := range english(said, allowed, syntax, data, formatWords()) {
				t.Errorf("sync without a password: English %s", w)
			}
		}
	}
}
