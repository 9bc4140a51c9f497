package store

import (
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
)

// AddClients adds many new clients at once (an imported contact list), as
// AddClient adds one: each is validated, given an id when it has none,
// stamped, owned by the book's associate and indexed by phone, and the
// ClientAdded hook runs for each. The buckets are written in key order (see
// putSorted), so 10k clients land in a new book without the quadratic cost
// of random ids put one by one. A client whose id is already taken fails
// the whole call with ErrDuplicate.
func (tx *Tx) AddClients(ps []*profile.Profile) error {
	return tx.addClients(ps, nil)
}

// AddClientsNotes is AddClients then ImportNotes of the clients' notes,
// ns[i] being ps[i]'s (none may have an id: they are new, as their
// clients are; each is given its client's id, its own, and its time and
// author when it has none, as stored), with each client's summary written
// once, its notes counted in it, where ImportNotes would read it back and
// write it again (10k vCards' import: 10k summaries and the four records
// made from each, decoded, encoded and put twice).
func (tx *Tx) AddClientsNotes(ps []*profile.Profile, ns [][]notes.Note) error {
	if len(ns) != len(ps) {
		return fmt.Errorf("%d clients, notes of %d", len(ps), len(ns))
	}
	for _, cn := range ns {
		for i := range cn {
			if cn[i].ID != "" {
				return fmt.Errorf("note %s: a new client's note has no id yet", cn[i].ID)
			}
		}
	}
	if err := tx.addClients(ps, ns); err != nil {
		return err
	}
	counted := make(map[string]bool, len(ps))
	for i := range ps {
		counted[ps[i].ID] = true
	}
	all, copied := flatNotes(ns)
	if _, err := tx.importNotes(all, nil, counted); err != nil {
		return err
	}
	if copied {
		for _, cn := range ns {
			all = all[copy(cn, all):]
		}
	}
	return nil
}

// flatNotes returns the notes of ns one after the other: the slice they
// already lie in when they follow each other in one (interchange.Apply's
// 82k notes, which a copy held twice through the import), else a copy
// (copied).
func flatNotes(ns [][]notes.Note) (all []notes.Note, copied bool) {
	n := 0
	for _, cn := range ns { // all: the backing slice of the first non-empty one
		if all == nil && len(cn) > 0 {
			all = cn[:0]
		}
		n += len(cn)
	}
	if cap(all) >= n {
		at := 0
		for _, cn := range ns {
			if len(cn) > 0 && &cn[0] != &all[:n][at] {
				break
			}
			at += len(cn)
		}
		if at == n {
			return all[:n], false
		}
	}
	flat := make([]notes.Note, 0, n)
	for _, cn := range ns {
		flat = append(flat, cn...)
	}
	return flat, true
}

// addClients is AddClients; with ns (AddClientsNotes) each client's
// summary counts its notes ns[i], which get its id.
func (tx *Tx) addClients(ps []*profile.Profile, ns [][]notes.Note) error {
	cb := tx.bucket(bClients)
	seen := make(map[string]bool, len(ps))
	now := tx.Now()
	m := tx.book.meta
	for _, p := range ps {
		if err := p.Validate(); err != nil {
			return fmt.Errorf("%s: %w", p.DisplayName(), err)
		}
		if p.ID == "" {
			for p.ID == "" || seen[p.ID] {
				p.ID = tx.newID(bClients, shortIDLen)
			}
		} else if seen[p.ID] || cb.Get([]byte(p.ID)) != nil {
			return fmt.Errorf("client %s: %w", p.ID, ErrDuplicate)
		}
		seen[p.ID] = true
		if p.Created.IsZero() {
			p.Created = now
		}
		p.Updated = now
		if len(p.Owners) == 0 {
			p.Owners = []profile.Ownership{{Associate: m.Associate, Store: m.Store, From: now}}
		}
		if p.HomeStore == "" {
			p.HomeStore = m.Store
		}
	}
	// Each client's records, made apart from the transaction (on both
	// cores for many), then put in key order.
	made := make([]clientRecords, len(ps))
	err := eachApart(len(ps), func(i int) error {
		var cn []notes.Note
		if ns != nil {
			cn = ns[i]
		}
		return made[i].make(ps[i], cn, now, m.CountryCode)
	})
	if err != nil {
		return err
	}
	var clients, sums, phones, cards, keptRev, values, briefs, rows, standings []kv
	var kept []posting
	for i, p := range ps {
		r := &made[i]
		id := []byte(p.ID)
		clients = append(clients, kv{id, r.record})
		sums = append(sums, kv{id, r.summary})
		values = append(values, kv{id, r.value})
		briefs = append(briefs, kv{id, r.brief})
		rows = append(rows, kv{id, r.row})
		standings = append(standings, kv{id, r.standing})
		for _, n := range r.phones {
			phones = append(phones, kv{join([]byte(n), id), nil})
		}
		for _, n := range r.cards {
			cards = append(cards, kv{join([]byte(n), id), nil})
		}
		if d := tx.deferred; d != nil {
			d.fields[p.ID] = r.tokens // written with the rest at the flush
			continue
		}
		for _, t := range r.tokens {
			kept = append(kept, posting{token: t, src: srcFields, id: p.ID})
		}
		keptRev = append(keptRev, kv{id, joinIDs(r.tokens)})
	}
	made = nil
	if err := putSorted(cb, clients); err != nil {
		return err
	}
	if err := putSorted(tx.bucket(bSummaries), sums); err != nil {
		return err
	}
	if err := putSorted(tx.bucket(bPhones), phones); err != nil {
		return err
	}
	if err := putSorted(tx.bucket(bCards), cards); err != nil {
		return err
	}
	if bk := tx.bucket(bValue); bk != nil {
		if err := putSorted(bk, values); err != nil {
			return err
		}
	}
	if bk := tx.bucket(bBrief); bk != nil {
		if err := putSorted(bk, briefs); err != nil {
			return err
		}
	}
	if bk := tx.bucket(bSearchRow); bk != nil {
		if err := putSorted(bk, rows); err != nil {
			return err
		}
	}
	if bk := tx.bucket(bStanding); bk != nil {
		if err := putSorted(bk, standings); err != nil {
			return err
		}
	}
	// New clients: none of their search keys is in the book yet. (A
	// transaction that defers its kept indexes writes them at its end,
	// with its notes': one sort, one pass over the lists.)
	if fw, rv := tx.bucket(bSearch), tx.bucket(bSearchRev); fw != nil && rv != nil {
		if err := postingsAdd(fw, kept); err != nil {
			return err
		}
		if err := putSorted(rv, keptRev); err != nil {
			return err
		}
	}
	for _, p := range ps {
		if err := tx.logClient(nil, p); err != nil {
			return err
		}
	}
	if h := tx.book.hooks.ClientAdded; h != nil {
		for _, p := range ps {
			if err := h(tx, p); err != nil {
				return err
			}
		}
	}
	return nil
}

// clientRecords are what a new client writes: its record, its summary's
// records, the keys of its phones and cards, its search tokens.
type clientRecords struct {
	record, summary, value, brief, row, standing []byte
	phones, cards, tokens                        []string
}

// make makes the records of p, a new client, stamped and given its id,
// with its notes ns counted in its summary (each given p's id, and now
// as its time when it has none). It reads nothing of the book.
func (r *clientRecords) make(p *profile.Profile, ns []notes.Note, now time.Time, countryCode string) error {
	raw, err := json.Marshal(p)
	if err != nil {
		return err
	}
	r.record = seal(raw)
	var sum profile.Summary
	sum.Refresh(p, countryCode)
	sum.SearchKeys = search.Keys(p.Name + " " + p.LatinName)
	if ns != nil {
		var t noteTally
		for j := range ns {
			n := &ns[j]
			n.ClientID = p.ID
			if n.At.IsZero() {
				n.At = now // as importNotes would stamp it
			}
			t.add(n)
		}
		t.apply(&sum)
	}
	r.summary, r.brief = encodeRecords(&sum)
	r.value = encodeValue(&sum)
	r.row = encodeSearchRow(&sum)
	r.standing = encodeStanding(&sum)
	r.phones, r.cards = sum.Phones, sum.Cards
	r.tokens = search.ClientTokens(&sum)
	return nil
}

// eachApart calls fn for each of 0..n-1, on as many goroutines as there
// are processors (at most 4) when n is large, and returns the error of
// the first i that failed. fn must touch nothing but what is i's.
func eachApart(n int, fn func(i int) error) error {
	const chunk = 64
	workers := min(runtime.GOMAXPROCS(0), 4, (n+chunk-1)/chunk)
	if workers <= 1 {
		for i := range n {
			if err := fn(i); err != nil {
				return err
			}
		}
		return nil
	}
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	work := func() {
		for {
			from := int(next.Add(chunk)) - chunk
			if from >= n {
				return
			}
			for i := from; i < min(from+chunk, n); i++ {
				errs[i] = fn(i)
			}
		}
	}
	for range workers - 1 {
		wg.Go(work)
	}
	work()
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
