package store

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
)

// ClientSource is a stored client copied out of a transaction, so that an
// update of it can be prepared on another goroutine (a bbolt transaction
// belongs to one goroutine; decoding and encoding 10,000 profiles for a
// handover is the work worth moving to the second core). Get it with
// Tx.ClientSource, turn it into a ClientUpdate with Prepare anywhere, and
// write that with Tx.ApplyClientUpdate in the transaction it came from,
// before anything else writes the client.
type ClientSource struct {
	ID         string
	profile    []byte
	summary    []byte
	country    string
	now        time.Time
	wantBefore bool
}

// ClientSource copies the stored profile and summary of client id.
func (tx *Tx) ClientSource(id string) (ClientSource, error) {
	s := ClientSource{ID: id, country: tx.book.meta.CountryCode, now: tx.Now(),
		wantBefore: tx.book.hooks.ClientUpdated != nil || tx.logging()}
	raw := tx.bucket(bClients).Get([]byte(id))
	if raw == nil {
		return s, fmt.Errorf("client %q: %w", id, ErrNotFound)
	}
	sum := tx.bucket(bSummaries).Get([]byte(id))
	if sum == nil {
		return s, fmt.Errorf("client %q: %w", id, ErrNotFound)
	}
	s.profile = append([]byte(nil), raw...)
	s.summary = append([]byte(nil), sum...)
	return s, nil
}

// ClientUpdate is an update of a client prepared by ClientSource.Prepare:
// the encoded profile, summary and brief record, ready to be put.
type ClientUpdate struct {
	ID             string
	before, after  *profile.Profile
	profile        []byte
	summary, brief []byte
	oldPhones      []string
	newPhones      []string
	oldCards       []string
	newCards       []string
	sum            profile.Summary
}

// Prepare decodes the profile, lets change alter it (as
// Tx.UpdateClientWith does: not the id; slices replaced, not edited, if a
// shallow copy is kept) and encodes it and its refreshed summary. It
// touches no transaction: call it on any goroutine.
func (s ClientSource) Prepare(change func(p *profile.Profile) error) (*ClientUpdate, error) {
	u := &ClientUpdate{ID: s.ID}
	p := new(profile.Profile)
	if err := unmarshalRecord(s.profile, p); err != nil {
		return nil, fmt.Errorf("client %q: %w", s.ID, err)
	}
	if s.wantBefore {
		u.before = new(profile.Profile)
		if err := unmarshalRecord(s.profile, u.before); err != nil {
			return nil, fmt.Errorf("client %q: %w", s.ID, err)
		}
	}
	u.oldPhones = p.NormalizedPhones(s.country)
	u.oldCards = p.CardNumbers()
	if err := change(p); err != nil {
		return nil, err
	}
	if p.ID != s.ID {
		return nil, fmt.Errorf("client %s: an update cannot change the id", s.ID)
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	var sum profile.Summary
	if err := decodeSummary(s.summary, &sum, nil); err != nil {
		return nil, fmt.Errorf("client %q: %w", s.ID, err)
	}
	p.Updated = s.now
	raw, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	sum.Refresh(p, s.country)
	sum.SearchKeys = search.Keys(p.Name + " " + p.LatinName)
	u.summary, u.brief = encodeRecords(&sum)
	u.after, u.profile, u.newPhones, u.newCards, u.sum = p, seal(raw), sum.Phones, sum.Cards, sum
	return u, nil
}

// ApplyClientUpdate writes an update prepared from this transaction's
// ClientSource, as UpdateClientWith would have written it, and runs the
// ClientUpdated hook.
func (tx *Tx) ApplyClientUpdate(u *ClientUpdate) error {
	id := []byte(u.ID)
	pb := tx.bucket(bPhones)
	for _, n := range u.oldPhones {
		_ = pb.Delete(join([]byte(n), id))
	}
	unindexCards(tx.bucket(bCards), u.ID, u.oldCards)
	if err := tx.bucket(bClients).Put(id, u.profile); err != nil {
		return err
	}
	if err := tx.bucket(bSummaries).Put(id, u.summary); err != nil {
		return err
	}
	if err := tx.putValue(&u.sum); err != nil {
		return err
	}
	if err := tx.putBrief(u.ID, u.brief); err != nil {
		return err
	}
	if err := tx.putSearchRow(&u.sum); err != nil {
		return err
	}
	if err := tx.putStanding(&u.sum); err != nil {
		return err
	}
	if err := tx.indexFields(&u.sum); err != nil {
		return err
	}
	for _, n := range u.newPhones {
		if err := pb.Put(join([]byte(n), id), nil); err != nil {
			return err
		}
	}
	if err := indexCards(tx.bucket(bCards), u.ID, u.newCards); err != nil {
		return err
	}
	if u.before != nil {
		if err := tx.logClient(u.before, u.after); err != nil {
			return err
		}
	}
	if h := tx.book.hooks.ClientUpdated; h != nil {
		return h(tx, u.before, u.after)
	}
	return nil
}
