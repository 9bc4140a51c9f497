package chain

import (
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"golang.org/x/text/unicode/norm"
)

// Grantee is an associate (or a store manager) to give a login role.
type Grantee struct {
	Name    string `json:"name"`    // the login role's name, also the associate's name in the chain
	Store   string `json:"store"`   // their store, created when new
	Manager bool   `json:"manager"` // a manager's role: reads and reassigns the whole store
}

// Granted says what Grant did; it never holds the password.
type Granted struct {
	Grantee
	Created bool `json:"created"` // a new role; false: an associate's role changed
}

// Grant gives g a login role with password in the chain's database of
// adminDSN (the administrator's): a member of vipbook_associate, or of
// vipbook_manager with Manager; the store is created when new. For an
// associate who has one already, it sets the password, store and role
// anew. The password reaches the server only as a SCRAM-SHA-256 verifier
// computed here, so it is in no statement the server could log.
// Errors: ErrBadName, ErrNoPassword, ErrRoleTaken (a role of that name that
// is not an associate of this chain), and those of Connect.
func Grant(ctx context.Context, adminDSN string, g Grantee, password string) (Granted, error) {
	out := Granted{Grantee: g}
	if err := checkName(g.Name); err != nil {
		return out, err
	}
	if strings.TrimSpace(g.Store) == "" {
		return out, ErrBadName
	}
	if password == "" {
		return out, ErrNoPassword
	}
	conn, err := connect(ctx, adminDSN)
	if err != nil {
		return out, err
	}
	defer conn.Close(context.Background())
	v, err := currentVersion(ctx, conn)
	if err != nil {
		return out, err
	}
	if v < SchemaVersion() {
		return out, ErrSchemaTooOld
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return out, classify(err)
	}
	defer tx.Rollback(context.Background())
	var roleExists, isAssociate bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1),
		EXISTS (SELECT 1 FROM associates WHERE name = $1)`, g.Name).Scan(&roleExists, &isAssociate); err != nil {
		return out, classify(err)
	}
	if roleExists && !isAssociate {
		return out, ErrRoleTaken
	}
	role := pgx.Identifier{g.Name}.Sanitize()
	verifier := literal(scramVerifier(password))
	stmts := []string{}
	if roleExists {
		stmts = append(stmts, "ALTER ROLE "+role+" LOGIN PASSWORD "+verifier)
	} else {
		stmts = append(stmts, "CREATE ROLE "+role+" LOGIN PASSWORD "+verifier)
	}
	stmts = append(stmts, "GRANT vipbook_associate TO "+role)
	if g.Manager {
		stmts = append(stmts, "GRANT vipbook_manager TO "+role)
	} else {
		stmts = append(stmts, "REVOKE vipbook_manager FROM "+role)
	}
	for _, s := range stmts {
		if _, err := tx.Exec(ctx, s); err != nil {
			return out, classify(err)
		}
	}
	if _, err := tx.Exec(ctx, "INSERT INTO stores (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", g.Store); err != nil {
		return out, classify(err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO associates (name, store, manager) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET store = EXCLUDED.store, manager = EXCLUDED.manager`, g.Name, g.Store, g.Manager); err != nil {
		return out, classify(err)
	}
	if err := tx.Commit(ctx); err != nil {
		return out, classify(err)
	}
	out.Created = !roleExists
	return out, nil
}

// checkName refuses a name that cannot be an associate's login role.
func checkName(name string) error {
	switch {
	case strings.TrimSpace(name) != name, name == "", len(name) > 63, strings.HasPrefix(name, "pg_"),
		strings.HasPrefix(name, "vipbook_"), strings.ContainsAny(name, "\x00\n\r\t"),
		name == "public", name == "postgres", name == "current_user", name == "session_user":
		return ErrBadName
	}
	return nil
}

// literal quotes s as an SQL string literal (standard_conforming_strings).
func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// scramVerifier computes PostgreSQL's SCRAM-SHA-256 verifier of password
// (RFC 5802, 7677; the form of pg_authid.rolpassword), with a random salt
// and PostgreSQL's default 4096 iterations. The password is normalised as
// PostgreSQL's SASLprep does for the common case (NFKC).
func scramVerifier(password string) string {
	const iterations = 4096
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	salted, err := pbkdf2.Key(sha256.New, norm.NFKC.String(password), salt, iterations, sha256.Size)
	if err != nil {
		panic(err) // only for bad parameters, which are constant here
	}
	mac := func(key []byte, msg string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(msg))
		return h.Sum(nil)
	}
	clientKey := mac(salted, "Client Key")
	stored := sha256.Sum256(clientKey)
	serverKey := mac(salted, "Server Key")
	b64 := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", iterations, b64(salt), b64(stored[:]), b64(serverKey))
}

// CheckName returns ErrBadName when name cannot be an associate's login
// role, so a front end refuses it before asking for a password.
func CheckName(name string) error { return checkName(name) }
