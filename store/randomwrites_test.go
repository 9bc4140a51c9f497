package store

import (
	"slices"

	"github.com/vipbook/vipbook/profile"
)

// The steps the kept-index property tests (search, brief records, spend
// ranking) share: each takes the book's client ids and returns them as the
// step leaves them.

// eraseStep erases the client id.
func eraseStep(tx *Tx, ids []string, id string) ([]string, error) {
	if _, err := tx.EraseClient(id); err != nil {
		return ids, err
	}
	return slices.DeleteFunc(ids, func(x string) bool { return x == id }), nil
}

// mergeStep merges other into keep, first changing keep's profile with
// change when it is not nil; the same client twice is no step.
func mergeStep(tx *Tx, ids []string, keep, other string, change func(*profile.Profile)) ([]string, error) {
	if keep == other {
		return ids, nil
	}
	p, err := tx.Client(keep)
	if err != nil {
		return ids, err
	}
	if change != nil {
		change(p)
	}
	if _, err := tx.MergeClients(p, other); err != nil {
		return ids, err
	}
	return slices.DeleteFunc(ids, func(x string) bool { return x == other }), nil
}
