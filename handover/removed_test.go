package handover

import (
	"testing"

	"github.com/vipbook/vipbook/store"
)

// TestRemovedStaysRemovedOnImport: the receiver removes a note and a
// purchase that came in a bundle (logged by mistake); a later bundle of
// the same clients from the giver, who still has them, does not bring
// them back, whether the client is merged or its records come whole; the
// rest of the later bundle comes in as usual.
func TestRemovedStaysRemovedOnImport(t *testing.T) {
	a, ac, ids := giver(t)
	b, bc, bWXM := receiver(t)
	ac.t = at("2026-11-12 17:00")
	bundle, err := read(t, export(t, a, allIDs(t, a), ExportOptions{To: "Wang Fang"}), pass)
	must(t, err)
	bc.t = at("2026-11-13 09:30")
	_, err = Apply(b, bundle, ImportOptions{})
	must(t, err)
	var noteID, buyID, anneNote string
	must(t, b.Update(func(tx *store.Tx) error {
		ns, err := tx.Notes(bWXM)
		if err != nil {
			return err
		}
		for _, n := range ns {
			if n.Text == "likes navy" {
				noteID = n.ID
			}
		}
		ps, err := tx.Purchases(bWXM)
		if err != nil {
			return err
		}
		for _, p := range ps {
			if p.Items == "loafers" {
				buyID = p.ID
			}
		}
		an, err := tx.Notes(ids["anne"])
		if err != nil || len(an) != 1 {
			t.Fatalf("Anne's notes in the receiving book: %v, %v", an, err)
		}
		anneNote = an[0].ID
		for _, id := range []string{noteID, anneNote} {
			if _, err := tx.DeleteNote(id); err != nil {
				return err
			}
		}
		_, err = tx.DeletePurchase(buyID)
		return err
	}))
	// The giver, who still has them, hands the clients over again.
	ac.t = at("2026-11-20 17:00")
	bundle, err = read(t, export(t, a, allIDs(t, a), ExportOptions{To: "Wang Fang"}), pass)
	must(t, err)
	bc.t = at("2026-11-21 09:30")
	rep, err := Apply(b, bundle, ImportOptions{})
	must(t, err)
	if rep.Added.Notes != 0 || rep.Added.Purchases != 0 {
		t.Errorf("the later bundle added %+v, want no note nor purchase (removed here)", rep.Added)
	}
	must(t, b.View(func(tx *store.Tx) error {
		for _, id := range []string{noteID, anneNote} {
			if n, err := tx.Note(id); err == nil {
				t.Errorf("removed note %q came back with the later bundle", n.Text)
			}
		}
		if p, err := tx.Purchase(buyID); err == nil {
			t.Errorf("removed purchase %q came back with the later bundle", p.Items)
		}
		ns, _ := tx.Notes(bWXM)
		for _, n := range ns {
			if n.Text == "likes navy" {
				t.Errorf("the removed note's text is back: %+v", n)
			}
		}
		return nil
	}))
	b.Close()
	rep2, err := store.Check(b.Path())
	if err != nil || !rep2.Sound() || rep2.Removed != 3 {
		t.Fatalf("check: %+v, %v", rep2, err)
	}
}
