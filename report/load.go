package report

import (
	"fmt"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// Load reads what the report of day today needs: every summary, and the
// profile, purchases and last note of the selected clients only.
func Load(tx *store.Tx, today civil.Date) (Input, error) {
	sums, err := tx.Summaries()
	if err != nil {
		return Input{}, fmt.Errorf("read the clients: %w", err)
	}
	in := Input{Today: today, Currency: tx.Book().Meta().Currency, Summaries: sums,
		Profiles: map[string]*profile.Profile{}, Purchases: map[string][]profile.Purchase{}, LastNotes: map[string]notes.Note{}}
	sel := Select(sums, today)
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
