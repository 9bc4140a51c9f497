package report

import (
	"fmt"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// Load reads what the report of day today needs: every client's figures
// (Derive), read one summary at a time and not kept, then the summaries of
// the clients the report names, and the profile, purchases and last note
// only of those it shows in full.
func Load(tx *store.Tx, today civil.Date) (Input, error) {
	in := Input{Today: today, Currency: tx.Book().Meta().Currency, Summaries: map[string]*profile.Summary{},
		Profiles: map[string]*profile.Profile{}, Purchases: map[string][]profile.Purchase{}, LastNotes: map[string]notes.Note{}}
	w := WindowOf(today)
	err := tx.EachSummary(func(s *profile.Summary) error {
		if v, ok := Derive(s, w); ok {
			in.Clients = append(in.Clients, v)
		}
		return nil
	})
	if err != nil {
		return Input{}, fmt.Errorf("read the clients: %w", err)
	}
	sel := Select(in.Clients, today)
	for _, id := range sel.Named {
		s, err := tx.Summary(id)
		if err != nil {
			return Input{}, fmt.Errorf("read client %s: %w", id, err)
		}
		in.Summaries[id] = &s
	}
	for _, id := range sel.Top {
		p, err := tx.Client(id)
		if err != nil {
			return Input{}, fmt.Errorf("read client %s: %w", id, err)
		}
		in.Profiles[id] = p
		ps, err := tx.Purchases(id)
		if err != nil {
			return Input{}, fmt.Errorf("read the purchases of %s: %w", id, err)
		}
		in.Purchases[id] = ps
	}
	for _, id := range sel.Away {
		ns, err := tx.Notes(id)
		if err != nil {
			return Input{}, fmt.Errorf("read the notes of %s: %w", id, err)
		}
		for _, n := range ns { // newest first
			if !civil.Of(n.At).After(today) {
				in.LastNotes[id] = n
				break
			}
		}
	}
	return in, nil
}
