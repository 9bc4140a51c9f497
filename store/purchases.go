package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"

	"github.com/vipbook/vipbook/profile"
)

func purchaseKey(p *profile.Purchase) []byte {
	var d [4]byte
	binary.BigEndian.PutUint32(d[:], p.Date.Pack())
	return join([]byte(p.ClientID), append(d[:], p.ID...))
}

// AddPurchase records a sale. It gives the purchase an id when it has none,
// the book's currency when it has none, and adds it to the client's spend.
// A purchase whose id is already in the book is reported with ErrDuplicate,
// one the book removed with ErrRemoved.
func (tx *Tx) AddPurchase(p *profile.Purchase) error {
	if p.Date.IsZero() {
		return errors.New("a purchase needs a date")
	}
	if p.Amount < 0 {
		return fmt.Errorf("%w: a purchase cannot be negative (log a return as a note)", profile.ErrBadAmount)
	}
	if !tx.HasClient(p.ClientID) {
		return fmt.Errorf("client %q: %w", p.ClientID, ErrNotFound)
	}
	if p.ID == "" {
		p.ID = tx.newID(bPurchaseIDs, longIDLen)
	} else if tx.bucket(bPurchaseIDs).Get([]byte(p.ID)) != nil {
		return fmt.Errorf("purchase %s: %w", p.ID, ErrDuplicate)
	} else if _, gone := tx.Removed(p.ID); gone {
		return fmt.Errorf("purchase %s: %w", p.ID, ErrRemoved)
	}
	tx.purchaseDefaults(p)
	key := purchaseKey(p)
	if err := putSealed(tx.bucket(bPurchases), key, p); err != nil {
		return err
	}
	if err := tx.bucket(bPurchaseIDs).Put([]byte(p.ID), key); err != nil {
		return err
	}
	err := tx.touchSummary(p.ClientID, func(s *profile.Summary) {
		s.Spends = append(s.Spends, profile.Spend{Date: p.Date, Amount: p.Amount})
		sort.SliceStable(s.Spends, func(i, j int) bool { return s.Spends[i].Date.Before(s.Spends[j].Date) })
		if p.Date.After(s.LastContact) {
			s.LastContact = p.Date
		}
	})
	if err != nil {
		return err
	}
	if err := tx.logChange(ChangePurchase, p.ClientID, p.ID, p); err != nil {
		return err
	}
	if h := tx.book.hooks.PurchaseAdded; h != nil {
		return h(tx, p.ID)
	}
	return nil
}

// Purchase returns one purchase by id.
func (tx *Tx) Purchase(id string) (profile.Purchase, error) {
	var p profile.Purchase
	key := tx.bucket(bPurchaseIDs).Get([]byte(id))
	if key == nil {
		return p, fmt.Errorf("purchase %q: %w", id, ErrNotFound)
	}
	return p, getJSON(tx.bucket(bPurchases), key, &p)
}

// Purchases returns a client's purchases, newest first.
func (tx *Tx) Purchases(clientID string) ([]profile.Purchase, error) {
	var out []profile.Purchase
	err := scanPrefix(tx.bucket(bPurchases), prefix(clientID), func(k, v []byte) error {
		var p profile.Purchase
		if err := unmarshalRecord(v, &p); err != nil {
			return recordDamage("purchase", k, v, err)
		}
		out = append(out, p)
		return nil
	})
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, err
}

// purchaseDefaults fills what a purchase leaves out from the book: its
// currency, store and associate.
func (tx *Tx) purchaseDefaults(p *profile.Purchase) {
	if p.Currency == "" {
		p.Currency = tx.book.meta.Currency
	}
	if p.Store == "" {
		p.Store = tx.book.meta.Store
	}
	if p.Author == "" {
		p.Author = tx.book.meta.Associate
	}
}
