package chainsync

import (
	"context"
	"time"

	"github.com/vipbook/vipbook/store"
)

// Status is where the book stands with its chain. It carries no secret:
// no connection string, no password.
type Status struct {
	Joined    bool        `json:"joined"`
	Store     string      `json:"store,omitempty"`
	Associate string      `json:"associate,omitempty"`
	BookID    string      `json:"book_id,omitempty"`
	Since     time.Time   `json:"joined_at,omitzero"`
	LastSync  time.Time   `json:"last_sync,omitzero"`
	Pending   int         `json:"pending"`           // changes not yet sent
	Server    *ServerView `json:"server,omitempty"`  // nil when not asked or not reached
	Offline   string      `json:"offline,omitempty"` // why the server was not reached
}

// ServerView is what the chain's database holds of this book's associate.
type ServerView struct {
	Clients  int       `json:"clients"` // clients whose primary or secondary associate they are
	Waiting  int       `json:"waiting"` // clients changed there since this book's last pull
	LastPush time.Time `json:"last_push,omitzero"`
}

// LocalStatus reads the status from the book alone.
func LocalStatus(st *store.Book) (Status, error) {
	var s Status
	j, ok := st.Chain()
	if !ok {
		return s, nil
	}
	s.Joined, s.Store, s.Associate, s.BookID, s.Since = true, j.Store, j.Associate, j.BookID, j.Joined
	err := st.View(func(tx *store.Tx) error {
		cs := tx.ChainState()
		s.LastSync, s.Pending = cs.LastSync, tx.Pending()
		return nil
	})
	return s, err
}

// ServerStatus asks the chain's database what it holds of this book's
// associate.
func ServerStatus(ctx context.Context, st *store.Book, pw Password) (ServerView, error) {
	var v ServerView
	j, ok := st.Chain()
	if !ok {
		return v, store.ErrNotJoined
	}
	var since int64
	if err := st.View(func(tx *store.Tx) error { since = tx.ChainState().Pulled; return nil }); err != nil {
		return v, err
	}
	db, err := Connect(ctx, j.DSN, pw)
	if err != nil {
		return v, err
	}
	defer db.Close()
	var last *time.Time
	err = db.Pool().QueryRow(ctx, `SELECT
		(SELECT count(*) FROM clients WHERE (associate = current_user OR secondary = current_user) AND erased_at IS NULL),
		(SELECT count(*) FROM clients WHERE (associate = current_user OR secondary = current_user) AND seq > $2 AND origin <> $1),
		(SELECT last_push_at FROM books WHERE id = $1)`, j.BookID, since).Scan(&v.Clients, &v.Waiting, &last)
	if last != nil {
		v.LastPush = *last
	}
	return v, classify(err)
}
