package briefing

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// Refresh reads the book again after a write that changed only the
// clients named in changed (a task ticked, a note or a purchase logged, a
// profile edited or added), reusing what prev (a Load or earlier
// Refresh of the same book and day) read of every other client: only the
// changed clients' summaries are read, and the tiers are ranked again only
// when a change can move them (a purchase, a tier set by hand, a status, a
// client added or erased). The day's tasks, notes, requests and visits are
// read again as Load reads them, in the same one read transaction. Build
// the briefing from the result.
//
// prev is left as it was (its summaries may still be shown elsewhere); the
// result shares with it the summaries that did not change. A write that
// may have changed many clients (an import, a handover) calls Load.
func Refresh(b *store.Book, prev Input, loc *time.Location, changed ...string) (Input, error) {
	in := prev
	in.Tasks, in.Cards, in.Requests, in.Situations, in.Tomorrow, in.Ahead, in.Counted, in.scorer = nil, nil, nil, nil, nil, nil, Totals{}, nil
	err := b.View(func(tx *store.Tx) error {
		cs, retier, err := refreshClients(tx, prev.clientsOf(), prev.Today, changed)
		if err != nil {
			return err
		}
		in.clients = cs
		if prev.Summaries != nil { // a card scheme's: every purchase
			sums, again, err := refreshSummaries(tx, prev.Summaries, prev.Today, changed)
			if err != nil {
				return err
			}
			in.Summaries, retier = sums, retier || again
		}
		if retier || !in.ranked() {
			in.rank()
		}
		return readRest(tx, &in, loc)
	})
	return in, err
}

// refreshSummaries returns sums with the summaries of the clients changed
// read again (as Load reads them, tx.BriefSummary) (added in id order when new, left out when erased), and
// whether the tiers may have changed. sums itself is not changed.
func refreshSummaries(tx *store.Tx, sums []profile.Summary, today civil.Date, changed []string) ([]profile.Summary, bool, error) {
	return refreshRows(tx, sums, today, changed,
		func(s *profile.Summary) string { return s.ID },
		func(s profile.Summary) profile.Summary { return s },
		func(old, s *profile.Summary) bool {
			return old.Status != s.Status || old.Tier != s.Tier || !slices.Equal(old.Spends, s.Spends)
		})
}

// refreshClients returns cs with the clients changed read again (as Load
// reads them), added in id order when new, left out when erased, and
// whether the tiers may have changed. cs itself is not changed.
func refreshClients(tx *store.Tx, cs []clientRow, today civil.Date, changed []string) ([]clientRow, bool, error) {
	day := today.DayNumber()
	return refreshRows(tx, cs, today, changed,
		func(c *clientRow) string { return c.ID },
		func(s profile.Summary) clientRow { c, _ := clientOf(&s, today, day, nil); return c },
		func(old, c *clientRow) bool {
			return old.Status != c.Status || old.Tier != c.Tier || old.Spend12 != c.Spend12
		})
}

// refreshRows is refreshSummaries and refreshClients: rows, in id order,
// with the clients changed read again (tx.BriefSummary, made a row by
// row), added in id order when new, left out when erased; and whether
// the tiers may have changed (an erase, an add, or retierOn saying so of
// a row's old and new forms). rows itself is not changed.
func refreshRows[T any](tx *store.Tx, rows []T, today civil.Date, changed []string,
	idOf func(*T) string, row func(profile.Summary) T, retierOn func(old, new *T) bool) ([]T, bool, error) {
	out := rows
	cloned, retier := false, false
	cmp := func(r T, id string) int { return strings.Compare(idOf(&r), id) }
	for _, id := range changed {
		s, err := tx.BriefSummary(id, today)
		var r T
		if err == nil {
			r = row(s)
		}
		i, found := slices.BinarySearchFunc(out, id, cmp)
		if err == nil && found && reflect.DeepEqual(out[i], r) {
			continue // a write that left the client as it was (a task ticked)
		}
		if !cloned { // copy on the first change: rows may still be shown
			out, cloned = slices.Clone(out), true
		}
		switch {
		case errors.Is(err, store.ErrNotFound):
			if found { // erased
				out = slices.Delete(out, i, i+1)
				retier = true
			}
		case err != nil:
			return nil, false, err
		case found:
			retier = retier || retierOn(&out[i], &r)
			out[i] = r
		default: // added
			out = slices.Insert(out, i, r)
			retier = true
		}
	}
	return out, retier, nil
}
