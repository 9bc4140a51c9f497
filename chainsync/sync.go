// Package chainsync is the book's side of a chain (issue 16): a book
// joins the chain's PostgreSQL database, sends the changes its change log
// holds (see store.Change) and applies what others changed on its clients.
//
// The book stays the source of truth on the associate's machine and works
// offline; a sync is idempotent and resumable: the book's changes are sent
// in batches, each one transaction on the server, and dropped from the log
// only once the server holds them (a batch sent twice is taken once: a
// client's field carries the clock of its change and a record its id); what
// is pulled lands in one transaction of the book with the pull position.
// Killed at any moment, the next sync carries on: nothing is lost or
// doubled. When the server goes away mid-sync, the book is left as the last
// finished step left it.
//
// Conflicts: per field of a client, the later change by the hybrid logical
// clock (internal/hlc) wins and the other value goes into the client's
// history; do-not-contact is such a field, so a later set wins over an
// earlier unset; an erasure wins over everything (the chain's row becomes a
// tombstone, and every book erases the client at its next sync). Private
// notes never leave the book.
package chainsync

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/store"
)

// Report is what a sync did. It carries no secret: no DSN, no password.
type Report struct {
	Pushed  int       `json:"pushed"`  // changes of this book the server now holds
	Pulled  Applied   `json:"pulled"`  // what others' changes did to the book
	Pending int       `json:"pending"` // changes still to send (0 after a whole sync)
	At      time.Time `json:"at"`
}

// Password is how the password reaches the server: from the password file
// when one is given, else from PGPASSWORD (read by the driver), never from
// the book.
type Password struct {
	Text string // read from --password-file; empty: PGPASSWORD or ~/.pgpass
}

// Connect opens the chain's database the book joined.
func Connect(ctx context.Context, dsn string, pw Password) (*chain.DB, error) {
	return chain.Connect(ctx, WithPassword(dsn, pw.Text))
}

var kvPassword = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)(^|\s)password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)`) })

// StripPassword returns dsn without any password it holds (URL or
// key=value form), as the book keeps it.
func StripPassword(dsn string) string {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return ""
		}
		if u.User != nil {
			u.User = url.User(u.User.Username())
		}
		q := u.Query()
		if q.Has("password") {
			q.Del("password")
			u.RawQuery = q.Encode()
		}
		return u.String()
	}
	return strings.TrimSpace(kvPassword().ReplaceAllString(dsn, "$1"))
}

// WithPassword returns dsn with password pw (dsn as it is when pw is empty).
func WithPassword(dsn, pw string) string {
	if pw == "" {
		return dsn
	}
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return dsn
		}
		name := ""
		if u.User != nil {
			name = u.User.Username()
		}
		u.User = url.UserPassword(name, pw)
		return u.String()
	}
	esc := strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(pw)
	return dsn + " password='" + esc + "'"
}

// classify words a failure of the server as the chain package does: the
// server gone is ErrUnreachable.
func classify(err error) error {
	if err == nil {
		return nil
	}
	for _, k := range []error{chain.ErrBadDSN, chain.ErrUnreachable, chain.ErrAuth, chain.ErrNoDatabase,
		chain.ErrSchemaTooOld, chain.ErrSchemaTooNew, chain.ErrNotGranted, chain.ErrDenied, chain.ErrNoClient,
		chain.ErrAlready, store.ErrNotJoined} {
		if errors.Is(err, k) {
			return err
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case strings.HasPrefix(pe.Code, "08"), strings.HasPrefix(pe.Code, "57P"):
			return chain.ErrUnreachable
		case pe.Code == "42501":
			return chain.ErrDenied
		}
		return err
	}
	var ne net.Error
	if errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, context.DeadlineExceeded) || pgconn.Timeout(err) || pgconn.SafeToRetry(err) ||
		strings.Contains(err.Error(), "conn closed") || strings.Contains(err.Error(), "connection reset") {
		return chain.ErrUnreachable
	}
	var local interface{ Unwrap() error }
	if !errors.As(err, &local) {
		return chain.ErrUnreachable
	}
	return err
}

// Join registers the book with the chain at dsn: it checks that the server
// answers, that the login role is an associate of the chain (of store,
// when given) and records the join in the book (the DSN without its
// password) with every client it holds in the change log, for the first
// sync to send. associate defaults to the login role, store to its store.
func Join(ctx context.Context, st *store.Book, dsn string, pw Password, storeName, associate string) (store.Join, error) {
	if j, ok := st.Chain(); ok {
		return j, store.ErrJoined
	}
	db, err := Connect(ctx, dsn, pw)
	if err != nil {
		return store.Join{}, err
	}
	defer db.Close()
	me, err := db.Me(ctx)
	if err != nil {
		return store.Join{}, err
	}
	if associate == "" {
		associate = me.Role
	}
	if storeName == "" {
		storeName = me.Store
	}
	if associate != me.Role || storeName != me.Store {
		return store.Join{}, &MismatchError{Role: me.Role, Store: me.Store, Associate: associate, AskedStore: storeName}
	}
	j := store.Join{DSN: StripPassword(dsn), Store: storeName, Associate: associate}
	if err := st.JoinChain(j); err != nil {
		return store.Join{}, err
	}
	j, _ = st.Chain()
	// Registered now when the server lets us; the first sync does it
	// otherwise.
	_, _ = db.Pool().Exec(ctx, `INSERT INTO books (id, associate, store) VALUES ($1, current_user, $2)
		ON CONFLICT (id) DO NOTHING`, j.BookID, j.Store)
	return j, nil
}

// MismatchError is returned by Join when the login role is not the
// associate or the store asked.
type MismatchError struct {
	Role, Store           string // what the server says the login is
	Associate, AskedStore string // what was asked
}

func (e *MismatchError) Error() string {
	return "chain: the login " + e.Role + " of store " + e.Store + " is not " + e.Associate + " of store " + e.AskedStore
}

// Tiers returns the tier each client of the book is in today, as the
// book's tier scheme computes it (by local client id).
type Tiers func() (map[string]string, error)

// Sync sends the book's changes and applies others' changes to its
// clients. The clock now stamps the sync and the history kept of values
// set aside. tiers, when not nil, gives the clients' computed tiers: those
// that changed since the last sync go to the chain (its clients' "chain
// tier"), for the clients whose primary associate this book's is.
func Sync(ctx context.Context, st *store.Book, pw Password, now func() time.Time, tiers Tiers) (Report, error) {
	j, ok := st.Chain()
	if !ok {
		return Report{}, store.ErrNotJoined
	}
	db, err := Connect(ctx, j.DSN, pw)
	if err != nil {
		return Report{}, err
	}
	defer db.Close()
	return syncWith(ctx, st, db, j, now, tiers)
}

// afterBatch, when set (by tests), runs after each batch is acknowledged;
// afterPush after the server has committed a batch, before the book
// acknowledges it (where a kill -9 leaves the server holding a batch the
// book will send again).
var afterBatch, afterPush func()

func syncWith(ctx context.Context, st *store.Book, db *chain.DB, j store.Join, now func() time.Time, tiers Tiers) (Report, error) {
	var r Report
	m := st.Meta()
	var pulled int64
	if err := st.View(func(tx *store.Tx) error { pulled = tx.ChainState().Pulled; return nil }); err != nil {
		return r, err
	}
	if err := pushAll(ctx, st, db, j, m.CountryCode, now, pulled, &r); err != nil {
		return r, err
	}
	var since int64
	if err := st.View(func(tx *store.Tx) error { since = tx.ChainState().Pulled; return nil }); err != nil {
		return r, err
	}
	p, err := fetch(ctx, db, j.BookID, since)
	if err != nil {
		return r, classify(err)
	}
	r.At = now()
	if r.Pulled, err = apply(st, p, r.At); err != nil {
		return r, err
	}
	if r.Pulled.Erased > 0 || r.Pulled.Removed > 0 {
		// The erased clients' and removed records' bytes leave the file,
		// not only its index, as they do when the book removes them
		// itself (a failure leaves the mark: the next writable open does it).
		if err := st.FinishErase(); err != nil {
			return r, err
		}
	}
	// The tiers go after the pull: a client reassigned to this book's
	// associate (or a purchase made elsewhere) has its tier sent by the
	// sync that brings it.
	if tiers != nil {
		if err := pushTiers(ctx, db, st, tiers); err != nil {
			return r, classify(err)
		}
	}
	_, _ = db.Pool().Exec(ctx, `UPDATE books SET last_pull_at = now(), pulled_seq = $2 WHERE id = $1`, j.BookID, p.Seq)
	err = st.View(func(tx *store.Tx) error { r.Pending = tx.Pending(); return nil })
	return r, err
}

// read is a batch read ahead, or the error reading it.
type read struct {
	o   *outgoing
	err error
}

// pushAll sends every change the server has not acknowledged, batch by
// batch, each acknowledged in the book once the server holds it. The next
// batch is read (and decoded) while the server writes the last one: a
// first sync's two halves, the book's and the server's, overlap instead of
// taking turns.
func pushAll(ctx context.Context, st *store.Book, db *chain.DB, j store.Join, cc string, now func() time.Time, pulled int64, r *Report) error {
	var acked uint64
	if err := st.View(func(tx *store.Tx) error { acked = tx.ChainState().Acked; return nil }); err != nil {
		return err
	}
	ahead := make(chan read, 1)
	stop := make(chan struct{})
	var reader sync.WaitGroup
	reader.Add(1)
	defer reader.Wait() // (after close(stop): the reader never outlives the sync)
	defer close(stop)
	go func() {
		defer reader.Done()
		defer close(ahead)
		after := acked
		for {
			o, err := readBatch(st, after)
			select {
			case ahead <- read{o, err}:
			case <-stop:
				return
			}
			if err != nil || o.last == 0 {
				return
			}
			after = o.last
		}
	}()
	for b := range ahead {
		if b.err != nil {
			return b.err
		}
		o := b.o
		if o.last == 0 {
			break
		}
		over, err := pushBatch(ctx, db, j, cc, o, now(), pulled)
		if err != nil {
			return classify(err)
		}
		if afterPush != nil {
			afterPush()
		}
		if err := acknowledge(st, o, over); err != nil {
			return err
		}
		r.Pushed += o.n
		if afterBatch != nil {
			afterBatch()
		}
	}
	return nil
}

// Adopt makes this book's associate the secondary associate of the
// chain's client chainID and brings the client into the book with the
// history the chain shares (by a sync).
func Adopt(ctx context.Context, st *store.Book, pw Password, chainID string, now func() time.Time) (Report, error) {
	j, ok := st.Chain()
	if !ok {
		return Report{}, store.ErrNotJoined
	}
	db, err := Connect(ctx, j.DSN, pw)
	if err != nil {
		return Report{}, err
	}
	defer db.Close()
	if _, err := db.Pool().Exec(ctx, `SELECT chain_adopt($1)`, chainID); err != nil {
		return Report{}, adoptErr(err)
	}
	return syncWith(ctx, st, db, j, now, nil)
}

// pushTiers sends the computed tiers that changed since the last sync, in
// one statement; the chain takes them only for clients whose primary
// associate the login is, and a tier is not a change books pull (each
// computes its own), so no change number is taken. Only the tiers the
// chain holds are recorded as sent: one of a client this book holds as
// the secondary associate (or let go) is offered again at the next sync,
// so that the day the client is reassigned to this book's associate its
// tier is sent, changed or not.
func pushTiers(ctx context.Context, db *chain.DB, st *store.Book, tiers Tiers) error {
	cur, err := tiers()
	if err != nil {
		return err
	}
	var ids, vals []string
	local := map[string]string{} // chain id -> local id
	if err := st.View(func(tx *store.Tx) error {
		sent := tx.ChainTiers()
		for id, t := range cur {
			if sent[id] != t {
				cid := tx.ChainClientID(id)
				ids, vals = append(ids, cid), append(vals, t)
				local[cid] = id
			}
		}
		return nil
	}); err != nil || len(ids) == 0 {
		return err
	}
	rows, err := db.Pool().Query(ctx, `WITH u AS (SELECT * FROM unnest($1::text[], $2::text[]) AS u(id, tier)),
		mine AS (SELECT c.id FROM clients c JOIN u ON u.id = c.id WHERE c.associate = current_user AND c.erased_at IS NULL),
		upd AS (UPDATE clients c SET tier = u.tier FROM u
			WHERE c.id = u.id AND c.id IN (SELECT id FROM mine) AND c.tier IS DISTINCT FROM u.tier)
		SELECT id FROM mine`, ids, vals)
	if err != nil {
		return err
	}
	held, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	return st.Update(func(tx *store.Tx) error {
		sent := tx.ChainTiers()
		for id, t := range cur {
			if sent[id] == t {
				continue
			}
			delete(sent, id)
		}
		for _, cid := range held {
			if id, ok := local[cid]; ok {
				sent[id] = cur[id]
			}
		}
		for id := range sent {
			if _, ok := cur[id]; !ok {
				delete(sent, id) // a client no longer in the book
			}
		}
		return tx.SetChainTiers(sent)
	})
}

func adoptErr(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "VB404":
			return chain.ErrNoClient
		case "VB409":
			return chain.ErrAlready
		case "VB403", "42501":
			return chain.ErrDenied
		}
	}
	return classify(err)
}
