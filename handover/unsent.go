package handover

import (
	"errors"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
)

// ErrUnsentChanges is what every UnsentError is (errors.Is).
var ErrUnsentChanges = errors.New("changes to these clients have not reached the chain yet: nothing was released")

// UnsentError is Export's refusal to release clients whose changes the
// book's chain has not acknowledged yet: a release drops them, so the
// chain would never get them. Nothing was written or released. Sync
// first, or release with ExportOptions.Force.
type UnsentError struct {
	Changes int // changes not yet sent, of the clients to release
	Clients int // how many of the clients have some
}

func (e *UnsentError) Error() string {
	k, args := e.Words()
	return i18n.New("en").T(k, args...)
}

// Is makes an UnsentError ErrUnsentChanges.
func (e *UnsentError) Is(target error) bool { return target == ErrUnsentChanges }

// Words returns the catalog key and its facts (i18n.Said): the changes
// and the clients they are about.
func (e *UnsentError) Words() (i18n.Key, []any) {
	return i18n.HoErrUnsent, []any{e.Changes, e.Clients}
}

// unsent returns the refusal to release ids when the chain has not
// acknowledged changes to some of them, nil when it has them all (or
// the book is in no chain: it logs no changes then).
func unsent(tx *store.Tx, ids []string) (*UnsentError, error) {
	if tx.Pending() == 0 {
		return nil, nil
	}
	leaving := make(map[string]bool, len(ids))
	for _, id := range ids {
		leaving[id] = true
	}
	changes, err := tx.Changes(0)
	if err != nil {
		return nil, err
	}
	e := &UnsentError{}
	seen := map[string]bool{}
	for _, ch := range changes {
		if leaving[ch.ClientID] {
			e.Changes++
			if !seen[ch.ClientID] {
				seen[ch.ClientID] = true
				e.Clients++
			}
		}
	}
	if e.Changes == 0 {
		return nil, nil
	}
	return e, nil
}
