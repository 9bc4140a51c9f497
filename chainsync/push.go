package chainsync

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/vipbook/vipbook/chain"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// batchSize is how many changes one push transaction carries: each batch
// lands whole on the server and is then acknowledged in the book, so a
// sync stopped at any moment resends at most one batch, which the server
// takes again without doubling anything.
const batchSize = 5000

// outgoing is one batch of the book's changes, read in one transaction of
// the book and ready for the server.
type outgoing struct {
	last    uint64
	n       int
	clients map[string]*clientPush // by chain id, in first-seen order below
	order   []string
	events  []eventRow
	erases  []string          // chain ids
	local   map[string]string // chain id -> local id
}

type clientPush struct {
	fields map[string]json.RawMessage
	hlc    map[string]string
}

type eventRow struct {
	id, client, kind string
	at               time.Time
	due              *time.Time
	open, contact    bool
	// deleted marks a record removed in the book (a note or a purchase
	// logged by mistake: store.ChangeNoteRemoved, ChangePurchaseRemoved),
	// kept on the chain as a removed row so the removal reaches the other
	// books; the chain's summaries leave it out.
	deleted  bool
	amount   *string
	currency *string
	body     json.RawMessage
	hlc      string
}

// readBatch reads up to batchSize changes numbered after seq.
func readBatch(st *store.Book, seq uint64) (*outgoing, error) {
	o := &outgoing{clients: map[string]*clientPush{}, local: map[string]string{}}
	err := st.View(func(tx *store.Tx) error {
		chs, err := tx.ChangesAfter(seq, batchSize)
		if err != nil {
			return err
		}
		j, _ := tx.Book().Chain()
		o.n = len(chs)
		o.events = make([]eventRow, 0, len(chs))
		for i := range chs {
			c := &chs[i]
			o.last = c.Seq
			cid := tx.ChainClientID(c.ClientID)
			o.local[cid] = c.ClientID
			switch c.Kind {
			case store.ChangeClient:
				f, err := clientFields(c.Data)
				if err != nil {
					return fmt.Errorf("change %d: %w", c.Seq, err)
				}
				cp := o.clients[cid]
				if cp == nil {
					cp = &clientPush{fields: map[string]json.RawMessage{}, hlc: map[string]string{}}
					o.clients[cid] = cp
					o.order = append(o.order, cid)
				}
				for k, v := range f {
					cp.fields[k], cp.hlc[k] = v, c.HLC
				}
			case store.ChangeErase:
				o.erases = append(o.erases, cid)
			default:
				e, ok, err := eventOf(c, j.BookID, cid)
				if err != nil {
					return fmt.Errorf("change %d: %w", c.Seq, err)
				}
				if ok {
					o.events = append(o.events, e)
				}
			}
		}
		return nil
	})
	return o, err
}

// eventOf turns a change of a record into the chain's event row; false for
// a record that stays in the book (a private note).
func eventOf(c *store.Change, bookID, client string) (eventRow, bool, error) {
	id := c.EntityID
	if !strings.Contains(id, "/") {
		id = bookID + "/" + id
	}
	kind := c.Kind
	e := eventRow{id: id, client: client, kind: kind, body: c.Data, hlc: c.HLC}
	switch kind {
	case store.ChangeNoteRemoved:
		kind, e.kind, e.deleted = store.ChangeNote, store.ChangeNote, true
	case store.ChangePurchaseRemoved:
		kind, e.kind, e.deleted = store.ChangePurchase, store.ChangePurchase, true
	}
	// Each record is decoded only for the columns the chain keeps beside
	// its body (the body goes as the book stored it): a first sync sends
	// the whole book's records, and their texts, items and titles need
	// not be decoded again.
	switch kind {
	case store.ChangeNote:
		var n struct {
			At      time.Time  `json:"at"`
			Kind    notes.Kind `json:"kind"`
			Private bool       `json:"private"`
		}
		if err := pick(c.Data, &n, member{"at", &n.At}, member{"kind", &n.Kind}, member{"private", &n.Private}); err != nil {
			return e, false, err
		}
		if n.Private {
			return e, false, nil
		}
		if n.Kind == notes.Visit {
			e.kind = "visit"
		}
		e.at, e.contact = n.At, n.Kind.IsContact()
	case store.ChangePurchase:
		var p struct {
			Date     civil.Date    `json:"date"`
			Amount   profile.Money `json:"amount"`
			Currency string        `json:"currency"`
		}
		if err := pick(c.Data, &p, member{"date", &p.Date}, member{"amount", &p.Amount}, member{"currency", &p.Currency}); err != nil {
			return e, false, err
		}
		amount := fmt.Sprintf("%d.%02d", p.Amount/100, p.Amount%100)
		cur := p.Currency
		e.at, e.contact, e.amount, e.currency = day(p.Date), true, &amount, &cur
	case store.ChangeTask:
		var part struct {
			Due     civil.Date   `json:"due"`
			Status  tasks.Status `json:"status"`
			Created time.Time    `json:"created"`
		}
		if err := pick(c.Data, &part, member{"due", &part.Due}, member{"status", &part.Status}, member{"created", &part.Created}); err != nil {
			return e, false, err
		}
		t := tasks.Task{Due: part.Due, Status: part.Status, Created: part.Created}
		e.at, e.open = t.Created, t.IsOpen()
		if !t.Due.IsZero() {
			d := day(t.Due)
			e.due = &d
		}
	case store.ChangeRequest:
		var part struct {
			Opened civil.Date      `json:"opened"`
			Status requests.Status `json:"status"`
		}
		if err := pick(c.Data, &part, member{"opened", &part.Opened}, member{"status", &part.Status}); err != nil {
			return e, false, err
		}
		r := requests.Request{Opened: part.Opened, Status: part.Status}
		e.at, e.open = day(r.Opened), r.IsOpen()
	case store.ChangeVisit:
		var part struct {
			Start  time.Time     `json:"start"`
			Status visits.Status `json:"status"`
		}
		if err := pick(c.Data, &part, member{"start", &part.Start}, member{"status", &part.Status}); err != nil {
			return e, false, err
		}
		a := visits.Appointment{Start: part.Start, Status: part.Status}
		d := day(a.Day())
		e.kind, e.at, e.due = "appointment", a.Start, &d
		e.open, e.contact = a.Status == visits.Booked, a.Status == visits.Arrived
	default:
		return e, false, nil
	}
	if e.at.IsZero() {
		e.at = time.Unix(0, 0).UTC()
	}
	return e, true, nil
}

// serverClient is a client row as read for update.
type serverClient struct {
	fields map[string]json.RawMessage
	hlc    map[string]string
	erased bool
	seq    int64 // the change number of its last write
}

// overwritten is a value on the server that this book's later edit
// replaced: the book keeps it in the client's history.
type overwritten struct {
	local string
	ch    profile.FieldChange
}

// pushBatch sends one batch in one transaction of the server.
//
// A client row this push leaves exactly as the book holds it (new, or
// changed by the book when the book had pulled its last version and none
// of the chain's values won) keeps the book's id as its origin, and the
// book's pull passes over it; a row merged with others' changes gets an
// empty origin, so the book pulls what it does not have. pulled is the
// book's pull cursor.
func pushBatch(ctx context.Context, db *chain.DB, j store.Join, cc string, o *outgoing, now time.Time, pulled int64) ([]overwritten, error) {
	var over []overwritten
	err := db.Push(ctx, func(tx pgx.Tx, seq int64) error {
		over = over[:0]
		if _, err := tx.Exec(ctx, `INSERT INTO books (id, associate, store) VALUES ($1, current_user, $2)
			ON CONFLICT (id) DO UPDATE SET last_push_at = now()`, j.BookID, j.Store); err != nil {
			return err
		}
		// (id IN (SELECT unnest(...)), not id = ANY(...): the planner joins
		// the ids, where ANY compared each row with each of thousands.)
		// The fields and clocks only of the clients this batch changes;
		// of the others (whose notes or purchases it sends) only whether
		// the chain still has them (a batch of notes need not read, nor
		// decode, whole profiles).
		others := make([]string, 0, len(o.local))
		for cid := range o.local {
			if o.clients[cid] == nil {
				others = append(others, cid)
			}
		}
		server := map[string]*serverClient{}
		read := func(q string, ids []string, whole bool) error {
			if len(ids) == 0 {
				return nil
			}
			rows, err := tx.Query(ctx, q, ids)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var id string
				s := &serverClient{}
				dest := []any{&id, &s.erased}
				if whole {
					dest = append(dest, &s.fields, &s.hlc, &s.seq)
				}
				if err := rows.Scan(dest...); err != nil {
					return err
				}
				server[id] = s
			}
			return rows.Err()
		}
		if err := read(`SELECT id, erased_at IS NOT NULL, fields, hlc, seq FROM clients WHERE id IN (SELECT unnest($1::text[])) FOR UPDATE`, o.order, true); err != nil {
			return err
		}
		if err := read(`SELECT id, erased_at IS NOT NULL FROM clients WHERE id IN (SELECT unnest($1::text[])) FOR UPDATE`, others, false); err != nil {
			return err
		}
		b := &pgx.Batch{}
		var add newClients
		for _, cid := range o.order {
			cp := o.clients[cid]
			s, ok := server[cid]
			if !ok {
				merged := map[string]json.RawMessage{}
				for k, v := range cp.fields {
					if !isEmpty(v) {
						merged[k] = v
					}
				}
				r, err := projection(merged, cc)
				if err != nil {
					return err
				}
				if err := add.add(cid, r, merged, cp.hlc); err != nil {
					return err
				}
				server[cid] = &serverClient{fields: merged, hlc: cp.hlc}
				continue
			}
			if s.erased {
				continue // an erasure wins over everything
			}
			if s.fields == nil {
				s.fields = map[string]json.RawMessage{}
			}
			if s.hlc == nil {
				s.hlc = map[string]string{}
			}
			changed, clean := false, s.seq <= pulled
			for k, v := range cp.fields {
				if cp.hlc[k] <= s.hlc[k] {
					clean = clean && cp.hlc[k] == s.hlc[k]
					continue // the server's value is the later
				}
				if old, had := s.fields[k]; had && string(old) != string(v) {
					over = append(over, overwritten{local: o.local[cid], ch: profile.FieldChange{
						Field: k, Old: shown(old), New: shown(v), At: now, Source: conflictSource}})
				}
				if isEmpty(v) {
					delete(s.fields, k)
				} else {
					s.fields[k] = v
				}
				s.hlc[k] = cp.hlc[k]
				changed = true
			}
			if !changed {
				continue
			}
			r, err := projection(s.fields, cc)
			if err != nil {
				return err
			}
			origin := ""
			if clean {
				origin = j.BookID
			}
			b.Queue(`UPDATE clients SET name = $2, latin_name = $3, phones = $4, cards = $5,
				tier = CASE WHEN $6 <> '' THEN $6 ELSE tier END, do_not_contact = $7,
				fields = $8, hlc = $9, origin = $10, seq = $11, updated_at = now() WHERE id = $1`,
				cid, r.name, r.latin, r.phones, r.cards, r.tier, r.dnc, s.fields, s.hlc, origin, seq)
		}
		if b.Len() > 0 {
			if err := tx.SendBatch(ctx, b).Close(); err != nil {
				return err
			}
		}
		ev := newEvents{rows: make([]eventRow, 0, len(o.events))}
		last := map[string]int{} // an event changed twice in the batch is sent once, as it is last
		for i, e := range o.events {
			last[e.id] = i
		}
		for i, e := range o.events {
			if s, ok := server[e.client]; !ok || s.erased || last[e.id] != i {
				continue // a client the chain no longer shows this book, or erased
			}
			ev.add(e)
		}
		var err error
		if ev.rows, err = rekey(ctx, tx, j.BookID, ev.rows); err != nil {
			return err
		}
		if err := putRows(ctx, tx, j.BookID, seq, &add, &ev); err != nil {
			return err
		}
		for _, cid := range o.erases {
			if s, ok := server[cid]; !ok || s.erased {
				continue
			}
			if _, err := tx.Exec(ctx, `SELECT chain_erase($1)`, cid); err != nil {
				return err
			}
		}
		return nil
	})
	return over, err
}

// rekey names under this book's id the records carrying another book's
// id that the chain does not hold on the same client: records that came
// into the book in a handover bundle (or an import) from a book that had
// pulled them, or from a book of another chain. The chain takes another
// book's record id only as a later version of a record it holds
// (migration 0007: else an associate could take an id that book will
// push), and one it holds on another client is not moved to this one; so
// such a record, sent under its id, was left off the chain, and a client
// handed over lost its history there. Under BOOKID/LOCALID (its local id,
// which holds a slash) it is this book's record like the others: the
// chain takes it, and a store that finds and adopts the client gets it.
// The name, once chosen, stays: a record the chain holds under
// BOOKID/LOCALID keeps going there even if the chain later comes to hold
// its foreign id on the same client too (else the later changes went to
// the foreign id, and the re-keyed copy kept the old version and never
// saw a removal); a new name is chosen only when the chain holds neither.
// A purchase the chain holds on another client (chain_records_held,
// migrations 0009 and 0010, purchases only: row-level security hides another associate's records)
// is not copied: the chain counts it there, and a copy counted the same
// purchase twice in the person's chain-wide spend (find, overview). It is
// left off the batch, and the receiver's later changes of it stay in the
// book. Notes, visits and the rest are copied, as the client's history.
// This book pulls the record back under its local id (localEventID strips
// BOOKID/). Row-level security shows the query only the records of
// clients this book's associate may see, which is all it needs: a record
// kept under either name is one of a client the push writes to.
func rekey(ctx context.Context, tx pgx.Tx, bookID string, rows []eventRow) ([]eventRow, error) {
	mine := bookID + "/"
	var names, purchases []string
	for i := range rows {
		if !strings.HasPrefix(rows[i].id, mine) {
			names = append(names, rows[i].id, mine+rows[i].id)
			if rows[i].kind == store.ChangePurchase {
				purchases = append(purchases, rows[i].id)
			}
		}
	}
	if len(names) == 0 {
		return rows, nil
	}
	held := make(map[string]string, len(names))
	q, err := tx.Query(ctx, `SELECT id, client_id FROM events WHERE id IN (SELECT unnest($1::text[]))`, names)
	if err != nil {
		return nil, err
	}
	for q.Next() {
		var id, client string
		if err := q.Scan(&id, &client); err != nil {
			q.Close()
			return nil, err
		}
		held[id] = client
	}
	q.Close()
	if err := q.Err(); err != nil {
		return nil, err
	}
	elsewhere := map[string]bool{} // purchases the chain holds on a client the pusher may not see
	if len(purchases) > 0 {
		q, err := tx.Query(ctx, `SELECT chain_records_held($1)`, purchases)
		if err != nil {
			return nil, err
		}
		for q.Next() {
			var id string
			if err := q.Scan(&id); err != nil {
				q.Close()
				return nil, err
			}
			elsewhere[id] = true
		}
		q.Close()
		if err := q.Err(); err != nil {
			return nil, err
		}
	}
	out := rows[:0]
	for _, e := range rows {
		if !strings.HasPrefix(e.id, mine) {
			client, isHeld := held[e.id]
			_, rekeyed := held[mine+e.id]
			switch {
			case rekeyed:
				e.id = mine + e.id
			case isHeld && client == e.client:
			case elsewhere[e.id] && e.kind == store.ChangePurchase:
				continue // counted on the client the chain holds it on
			default:
				e.id = mine + e.id
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// row is what the chain's columns show of a client's merged fields.
type row struct {
	name, latin, tier string
	phones, cards     []string
	dnc               bool
}

func projection(fields map[string]json.RawMessage, cc string) (row, error) {
	// Only the fields the columns show are decoded (a profile's other
	// fields, its history and notes on sizes, are many).
	var p profile.Profile
	for _, f := range []struct {
		name string
		v    any
	}{{"name", &p.Name}, {"latin_name", &p.LatinName}, {"tier", &p.Tier}, {"phones", &p.Phones}, {"cards", &p.Cards},
		{"consent", &p.Consent}} {
		if raw, ok := fields[f.name]; ok {
			if err := json.Unmarshal(raw, f.v); err != nil {
				return row{}, fmt.Errorf("%s: %w", f.name, err)
			}
		}
	}
	r := row{name: p.Name, latin: p.LatinName, tier: p.Tier, phones: p.NormalizedPhones(cc), cards: p.CardNumbers(),
		dnc: p.Consent.DoNotContact}
	if r.phones == nil {
		r.phones = []string{}
	}
	if r.cards == nil {
		r.cards = []string{}
	}
	return r, nil
}

// acknowledge records in the book that the server holds the batch, and
// keeps in the clients' history the values this book's later edits
// replaced on the server.
func acknowledge(st *store.Book, o *outgoing, over []overwritten) error {
	return st.Update(func(tx *store.Tx) error {
		tx.Pulling()
		for _, w := range over {
			if !tx.HasClient(w.local) {
				continue
			}
			if err := tx.UpdateClientWith(w.local, func(p *profile.Profile) error {
				if !hasChange(p.History, w.ch) {
					p.History = append(p.History, w.ch)
				}
				return nil
			}); err != nil {
				return err
			}
		}
		return tx.Acknowledge(o.last)
	})
}

// stageFrom is the size of a batch from which its rows travel by COPY
// through the staging tables (migration 0005): making the two temporary
// tables and planning chain_put_staged cost a small push more than they
// save (an incremental sync of 100 notes: 0.15 s of the server's processor
// time against 0.10 s with arrays, BENCHMARKS.md).
const stageFrom = 500

// putRows writes a batch's new clients and records. A batch with new
// clients or of stageFrom records or more: COPY into the staging tables
// chain_stage makes in the session, then one call of chain_put_staged,
// which writes them as row-level security allows (an associate may not
// COPY into the chain's tables) and recomputes the summaries of the
// clients they touch. A smaller batch of records only: their columns as
// arrays in one call of chain_put_events, then the summaries.
func putRows(ctx context.Context, tx pgx.Tx, origin string, seq int64, add *newClients, ev *newEvents) error {
	if len(add.rows) == 0 && len(ev.rows) == 0 {
		return nil
	}
	if len(add.rows) == 0 && len(ev.rows) < stageFrom {
		return putArrays(ctx, tx, origin, seq, ev.rows)
	}
	if _, err := tx.Exec(ctx, `SELECT chain_stage()`); err != nil {
		return err
	}
	if len(add.rows) > 0 {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"pg_temp", "chain_stage_clients"},
			[]string{"id", "name", "latin_name", "phones", "cards", "tier", "do_not_contact", "fields", "hlc"},
			pgx.CopyFromRows(add.rows)); err != nil {
			return err
		}
	}
	if len(ev.rows) > 0 {
		rows := make([][]any, len(ev.rows))
		for i, e := range ev.rows {
			rows[i] = []any{e.id, e.client, e.kind, e.at, e.due, e.open, e.contact, e.amount, e.currency, []byte(e.body), e.hlc, e.deleted}
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"pg_temp", "chain_stage_events"},
			[]string{"id", "client_id", "kind", "at", "due", "open", "is_contact", "amount", "currency", "body", "hlc", "deleted"},
			pgx.CopyFromRows(rows)); err != nil {
			return err
		}
	}
	_, err := tx.Exec(ctx, `SELECT chain_put_staged($1, $2)`, origin, seq)
	return err
}

// putArrays writes records of clients the chain holds in one call of
// chain_put_events (migration 0003; its check mended by 0005), their
// columns as arrays, then recomputes their clients' summaries.
func putArrays(ctx context.Context, tx pgx.Tx, origin string, seq int64, evs []eventRow) error {
	var a struct {
		ids, clients, kinds, body, hlc []string
		at                             []time.Time
		due                            []*time.Time
		open, contact, deleted         []bool
		amount, currency               []*string
	}
	touched := map[string]bool{}
	for _, e := range evs {
		a.ids, a.clients, a.kinds = append(a.ids, e.id), append(a.clients, e.client), append(a.kinds, e.kind)
		a.body, a.hlc, a.at, a.due = append(a.body, string(e.body)), append(a.hlc, e.hlc), append(a.at, e.at), append(a.due, e.due)
		a.open, a.contact, a.deleted = append(a.open, e.open), append(a.contact, e.contact), append(a.deleted, e.deleted)
		a.amount, a.currency = append(a.amount, e.amount), append(a.currency, e.currency)
		touched[e.client] = true
	}
	if _, err := tx.Exec(ctx, `SELECT chain_put_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
		origin, seq, a.ids, a.clients, a.kinds, a.at, a.due, a.open, a.contact, a.amount, a.currency,
		a.body, a.hlc, a.deleted); err != nil {
		return err
	}
	ids := make([]string, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	return chain.RefreshSummaries(ctx, tx, ids)
}

// newClients are the rows of the clients a batch adds, for the staging
// table chain_stage_clients.
type newClients struct {
	rows [][]any
}

func (n *newClients) add(id string, r row, fields map[string]json.RawMessage, hlc map[string]string) error {
	fi, err := objectJSON(fields)
	if err != nil {
		return err
	}
	hl, err := stringsJSON(hlc)
	if err != nil {
		return err
	}
	n.rows = append(n.rows, []any{id, r.name, r.latin, r.phones, r.cards, r.tier, r.dnc, fi, hl})
	return nil
}

// newEvents are the records a batch sends.
type newEvents struct {
	rows []eventRow
}

func (n *newEvents) add(e eventRow) { n.rows = append(n.rows, e) }
