package chainsync

import (
	"context"
	"encoding/json"

	"github.com/jackc/pgx/v5"
	"github.com/vipbook/vipbook/chain"
)

// fetch reads, in one snapshot of the server, what changed since the
// chain's change number since among the clients this book's associate may
// see, plus the clients given to them (whole, whatever their number) and
// those moved away from them. Rows this book wrote come back too; applying
// them changes nothing.
func fetch(ctx context.Context, db *chain.DB, bookID string, since int64) (Pulled, error) {
	var p Pulled
	p.Seq = since
	tx, err := db.Pool().BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return p, err
	}
	defer tx.Rollback(context.Background())
	// The chain's number as this snapshot sees it, read first: every
	// change up to it is in the snapshot, so the cursor moves to it even
	// when all that changed since was this book's own (not read again).
	var clock int64
	if err := tx.QueryRow(ctx, `SELECT chain_seq()`).Scan(&clock); err != nil {
		return p, err
	}
	note := func(seq int64) {
		if seq > p.Seq {
			p.Seq = seq
		}
	}
	// The feed first: a client assigned to this associate is read whole.
	rows, err := tx.Query(ctx, `SELECT seq, client_id, kind, detail FROM chain_feed
		WHERE associate = current_user AND seq > $1 ORDER BY seq`, since)
	if err != nil {
		return p, err
	}
	assigned := []string{} // never nil: ANY(NULL) would match nothing
	for rows.Next() {
		var seq int64
		var id, kind string
		var detail map[string]string
		if err := rows.Scan(&seq, &id, &kind, &detail); err != nil {
			rows.Close()
			return p, err
		}
		note(seq)
		switch kind {
		case "released":
			p.Releases = append(p.Releases, Release{ClientID: id, To: detail["to"]})
		case "assigned":
			assigned = append(assigned, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return p, err
	}
	const clientCols = `SELECT id, fields, hlc, erased_at IS NOT NULL, associate, store, seq FROM clients `
	readClients := func(q string, args ...any) error {
		rows, err := tx.Query(ctx, clientCols+q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c Client
			var seq int64
			if err := rows.Scan(&c.ID, &c.Fields, &c.HLC, &c.Erased, &c.Associate, &c.Store, &seq); err != nil {
				return err
			}
			note(seq)
			p.Clients = append(p.Clients, c)
		}
		return rows.Err()
	}
	const eventCols = `SELECT id, client_id, kind, body, hlc, deleted, seq FROM events `
	readEvents := func(q string, args ...any) error {
		rows, err := tx.Query(ctx, eventCols+q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e Event
			var seq int64
			var body json.RawMessage
			if err := rows.Scan(&e.ID, &e.ClientID, &e.Kind, &body, &e.HLC, &e.Deleted, &seq); err != nil {
				return err
			}
			e.Body = body
			note(seq)
			p.Events = append(p.Events, e)
		}
		return rows.Err()
	}
	if len(assigned) > 0 {
		if err := readClients(`WHERE id = ANY($1)`, assigned); err != nil {
			return p, err
		}
		if err := readEvents(`WHERE client_id = ANY($1) ORDER BY seq`, assigned); err != nil {
			return p, err
		}
	}
	// A row this book left as it holds it carries its id as origin (see
	// pushBatch): passed over, unless erased since.
	if err := readClients(`WHERE seq > $1 AND (origin <> $2 OR erased_at IS NOT NULL) AND NOT (id = ANY($3))`,
		since, bookID, assigned); err != nil {
		return p, err
	}
	if err := readEvents(`WHERE seq > $1 AND origin <> $2 AND NOT (client_id = ANY($3)) ORDER BY seq`, since, bookID, assigned); err != nil {
		return p, err
	}
	note(clock)
	return p, tx.Commit(ctx)
}
