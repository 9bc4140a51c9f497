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
		if retier || len(in.Tiers) != len(cs) {
			in.Tiers = in.assignTiers()
		}
		return readRest(tx, &in, loc)
	})
	return in, err
}

// refreshSummaries returns sums with the summaries of the clients changed
// read again (as Load reads them, tx.BriefSummary) (added in id order when new, left out when erased), and
// whether the tiers may have changed. sums itself is not changed.
func refreshSummaries(tx *store.Tx, sums []profile.Summary, today civil.Date, changed []string) ([]profile.Summary, bool, error) {
	out := sums
	cloned, retier := false, false
	cmp := func(s profile.Summary, id string) int { return strings.Compare(s.ID, id) }
	for _, id := range changed {
		s, err := tx.BriefSummary(id, today)
		i, found := slices.BinarySearchFunc(out, id, cmp)
		if err == nil && found && reflect.DeepEqual(out[i], s) {
			continue // a write that left the summary as it was (a task ticked)
		}
		if !cloned { // copy on the first change: sums may still be shown
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
			old := &out[i]
			retier = retier || old.Status != s.Status || old.Tier != s.Tier || !slices.Equal(old.Spends, s.Spends)
			out[i] = s
		default: // added
			out = slices.Insert(out, i, s)
			retier = true
		}
	}
	return out, retier, nil
}

// refreshClients returns cs with the clients changed read again (as Load
// reads them), added in id order when new, left out when erased, and
// whether the tiers may have changed. cs itself is not changed.
func refreshClients(tx *store.Tx, cs []clientRow, today civil.Date, changed []string) ([]clientRow, bool, error) {
	out := cs
	cloned, retier := false, false
	cmp := func(c clientRow, id string) int { return strings.Compare(c.ID, id) }
	day := today.DayNumber()
	for _, id := range changed {
		s, err := tx.BriefSummary(id, today)
		var c clientRow
		if err == nil {
			c, _ = clientOf(&s, today, day, nil)
		}
		i, found := slices.BinarySearchFunc(out, id, cmp)
		if err == nil && found && reflect.DeepEqual(out[i], c) {
			continue // a write that left the client as it was (a task ticked)
		}
		if !cloned { // copy on the first change: cs may still be shown
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
			old := &out[i]
			retier = retier || old.Status != c.Status || old.Tier != c.Tier || old.Spend12 != c.Spend12
			out[i] = c
		default: // added
			out = slices.Insert(out, i, c)
			retier = true
		}
	}
	return out, retier, nil
}
