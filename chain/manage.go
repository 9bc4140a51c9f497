package chain

import (
	"context"
	"time"
)

// Reassign moves client id to associate to, with its open tasks and its
// history (they hang off the client): the old associate's books let it go
// at their next sync, the new one's pull it (chain_feed). Allowed to the
// manager of the client's store (to an associate of that store) and to the
// administrator. It returns false when to has the client already.
// Errors: ErrNoClient, ErrNoAssociate, ErrDenied.
func (db *DB) Reassign(ctx context.Context, id, to string) (bool, error) {
	var moved bool
	err := db.pool.QueryRow(ctx, "SELECT chain_reassign($1, $2)", id, to).Scan(&moved)
	return moved, classify(err)
}

// ReassignAll moves every client of associate from to associate to, as
// Reassign does, and returns how many moved.
func (db *DB) ReassignAll(ctx context.Context, from, to string) (int, error) {
	var n int
	err := db.pool.QueryRow(ctx, "SELECT chain_reassign_all($1, $2)", from, to).Scan(&n)
	return n, classify(err)
}

// TierCount is how many clients of an associate are in a tier.
type TierCount struct {
	Tier    string `json:"tier"`
	Clients int    `json:"clients"`
}

// Stale is a client not contacted for a while.
type Stale struct {
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	Tier        string     `json:"tier,omitempty"`
	Spend       float64    `json:"spend"`
	LastContact *time.Time `json:"last_contact,omitempty"`
}

// AssociateOverview is one associate's line of the manager's overview.
type AssociateOverview struct {
	Associate         string      `json:"associate"`
	Store             string      `json:"store"`
	Manager           bool        `json:"manager,omitempty"`
	Clients           int         `json:"clients"`
	ByTier            []TierCount `json:"by_tier"`
	Overdue           int         `json:"overdue_follow_ups"`
	ContactsThisMonth int         `json:"contacts_this_month"`
	NotContacted      []Stale     `json:"not_contacted"`
}

// OverviewOptions narrows and shapes the overview.
type OverviewOptions struct {
	Store     string    // only this store ("": every store the role sees)
	StaleDays int       // a client is not contacted after this many days (default 30)
	Top       int       // how many such clients per associate (default 5)
	Now       time.Time // today is Now's day
}

// Overview returns, per associate the role may see (the administrator:
// every one; a manager: their store; an associate: themselves), their
// clients by tier, overdue follow-ups, contacts this month and their top
// clients (by spend) not contacted in StaleDays days. Row-level security
// decides what is counted: the figures are those of the rows the role can
// read. Errors: ErrDenied for a manager asking for another store.
func (db *DB) Overview(ctx context.Context, opt OverviewOptions) ([]AssociateOverview, error) {
	if opt.StaleDays <= 0 {
		opt.StaleDays = 30
	}
	if opt.Top <= 0 {
		opt.Top = 5
	}
	me, err := db.Me(ctx)
	if err != nil {
		return nil, err
	}
	store := opt.Store
	if !me.Admin {
		if me.Manager && store != "" && store != me.Store {
			return nil, ErrDenied
		}
		store = me.Store
	}
	only := ""
	if !me.Admin && !me.Manager {
		only = me.Role
	}
	y, m, d := opt.Now.Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	monthStart := time.Date(y, m, 1, 0, 0, 0, 0, opt.Now.Location())
	nextMonth := monthStart.AddDate(0, 1, 0)
	staleBefore := today.AddDate(0, 0, -opt.StaleDays)

	var out []AssociateOverview
	index := map[string]int{}
	rows, err := db.pool.Query(ctx, `SELECT name, store, manager FROM associates
		WHERE ($1 = '' OR store = $1) AND ($2 = '' OR name = $2) ORDER BY store, name`, store, only)
	if err != nil {
		return nil, classify(err)
	}
	for rows.Next() {
		var a AssociateOverview
		if err := rows.Scan(&a.Associate, &a.Store, &a.Manager); err != nil {
			rows.Close()
			return nil, classify(err)
		}
		a.ByTier, a.NotContacted = []TierCount{}, []Stale{}
		index[a.Associate] = len(out)
		out = append(out, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, classify(err)
	}
	at := func(name string) *AssociateOverview {
		if i, ok := index[name]; ok {
			return &out[i]
		}
		return nil
	}

	rows, err = db.pool.Query(ctx, `SELECT associate, tier, count(*) FROM clients
		WHERE erased_at IS NULL AND ($1 = '' OR store = $1) GROUP BY associate, tier ORDER BY associate, tier`, store)
	if err != nil {
		return nil, classify(err)
	}
	for rows.Next() {
		var name string
		var tc TierCount
		if err := rows.Scan(&name, &tc.Tier, &tc.Clients); err != nil {
			rows.Close()
			return nil, classify(err)
		}
		if a := at(name); a != nil {
			a.ByTier = append(a.ByTier, tc)
			a.Clients += tc.Clients
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, classify(err)
	}

	counts := []struct {
		sql  string
		args []any
		set  func(*AssociateOverview, int)
	}{
		{`SELECT c.associate, count(*) FROM events e JOIN clients c ON c.id = e.client_id
			WHERE e.kind = 'task' AND e.open AND NOT e.deleted AND e.due < $2 AND c.erased_at IS NULL
			AND ($1 = '' OR c.store = $1) GROUP BY c.associate`, []any{store, today},
			func(a *AssociateOverview, n int) { a.Overdue = n }},
		{`SELECT e.author, count(*) FROM events e JOIN clients c ON c.id = e.client_id
			WHERE e.is_contact AND NOT e.deleted AND e.at >= $2 AND e.at < $3
			AND ($1 = '' OR c.store = $1) GROUP BY e.author`, []any{store, monthStart, nextMonth},
			func(a *AssociateOverview, n int) { a.ContactsThisMonth = n }},
	}
	for _, c := range counts {
		rows, err := db.pool.Query(ctx, c.sql, c.args...)
		if err != nil {
			return nil, classify(err)
		}
		for rows.Next() {
			var name string
			var n int
			if err := rows.Scan(&name, &n); err != nil {
				rows.Close()
				return nil, classify(err)
			}
			if a := at(name); a != nil {
				c.set(a, n)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, classify(err)
		}
	}

	rows, err = db.pool.Query(ctx, `SELECT associate, id, name, tier, spend::float8, last_contact FROM (
		SELECT c.*, row_number() OVER (PARTITION BY c.associate ORDER BY c.spend DESC, c.id) AS rank
		FROM clients c WHERE c.erased_at IS NULL AND ($1 = '' OR c.store = $1)
			AND (c.last_contact IS NULL OR c.last_contact < $2)) s
		WHERE rank <= $3 ORDER BY associate, rank`, store, staleBefore, opt.Top)
	if err != nil {
		return nil, classify(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		var s Stale
		if err := rows.Scan(&name, &s.ID, &s.Name, &s.Tier, &s.Spend, &s.LastContact); err != nil {
			return nil, classify(err)
		}
		if a := at(name); a != nil {
			a.NotContacted = append(a.NotContacted, s)
		}
	}
	return out, classify(rows.Err())
}
