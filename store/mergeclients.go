package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
)

// The aliases: "merged client id" keys in bucket aliases whose value is the
// id of the client it was merged into, so an id written down before a
// merge (on a receipt, in a script, in a colleague's bundle) still finds
// the client.

// Moved is what MergeClients moved from the client merged away into the
// client kept, counted by kind.
type Moved struct {
	Notes        int `json:"notes"`
	Purchases    int `json:"purchases"`
	OpenTasks    int `json:"open_tasks"`
	ClosedTasks  int `json:"closed_tasks"`
	Appointments int `json:"appointments"`
	Requests     int `json:"requests"`
	Drafts       int `json:"drafts"`
	// Referred are the clients whose referred_by named the client merged
	// away and now names the kept one.
	Referred int `json:"referred"`
	// Links are the household members of other clients linked to the
	// client merged away, now linked to the kept one.
	Links int `json:"links"`
}

// MergeClients moves everything the book holds about the client otherID
// into the client keep.ID, in tx: notes, purchases, tasks open and done,
// appointments, requests and drafts change hands (their ids stay), the
// kept client's figures (spend, visits, notes, last contact) add up, other
// clients' referred_by and household links follow, and the rule state
// naming either client goes (the rules rebuild it). keep is the kept
// client's profile as it is to be after the merge (the caller combines the
// two profiles); it is written with its phone and card indexes. otherID is
// then deleted, without a tombstone (nobody asked to be forgotten), and
// becomes an alias of keep.ID (Alias), as do the aliases that named it.
// No hook runs: the caller applies what the merge means to the rules.
func (tx *Tx) MergeClients(keep *profile.Profile, otherID string) (Moved, error) {
	var mv Moved
	keepID := keep.ID
	if keepID == otherID {
		return mv, fmt.Errorf("client %s: cannot merge a client with itself: %w", keepID, ErrDuplicate)
	}
	if err := keep.Validate(); err != nil {
		return mv, err
	}
	before, err := tx.Client(keepID)
	if err != nil {
		return mv, err
	}
	sum, err := tx.Summary(keepID)
	if err != nil {
		return mv, err
	}
	c, err := tx.ClientRecords(otherID)
	if err != nil {
		return mv, err
	}
	// A joined book tells the chain: the client merged away goes (its
	// unsent changes with it), and each record moved is logged again under
	// the kept client.
	if err := tx.logErase(otherID); err != nil {
		return mv, err
	}
	if err := tx.moveNotes(otherID, keepID); err != nil {
		return mv, err
	}
	if err := tx.moveRemovedTexts(otherID, keepID); err != nil {
		return mv, err
	}
	mv.Notes = len(c.Notes)
	if err := tx.movePurchases(otherID, keepID); err != nil {
		return mv, err
	}
	mv.Purchases = len(c.Purchases)
	for _, t := range c.Tasks {
		tx.deleteTask(&t)
		t.ClientID = keepID
		if t.Origin != "" && t.Origin != "manual" {
			if err := tx.bucket(bTaskOrigin).Put([]byte(t.Origin), []byte(t.ID)); err != nil {
				return mv, err
			}
		}
		if err := tx.bucket(bTaskClient).Put(join([]byte(keepID), []byte(t.ID)), nil); err != nil {
			return mv, err
		}
		if err := tx.putTask(&t); err != nil {
			return mv, err
		}
		if err := tx.logTask(&t); err != nil {
			return mv, err
		}
		if t.IsOpen() {
			mv.OpenTasks++
		} else {
			mv.ClosedTasks++
		}
	}
	for _, a := range c.Appointments {
		_ = tx.bucket(bApptClient).Delete(join([]byte(otherID), []byte(a.ID)))
		a.ClientID = keepID
		if err := tx.bucket(bApptClient).Put(join([]byte(keepID), []byte(a.ID)), nil); err != nil {
			return mv, err
		}
		if err := putSealed(tx.bucket(bAppts), []byte(a.ID), &a); err != nil {
			return mv, err
		}
		if err := tx.logChange(ChangeVisit, a.ClientID, a.ID, &a); err != nil {
			return mv, err
		}
		mv.Appointments++
	}
	for _, r := range c.Requests {
		_ = tx.bucket(bReqClient).Delete(join([]byte(otherID), []byte(r.ID)))
		r.ClientID = keepID
		if err := tx.bucket(bReqClient).Put(join([]byte(keepID), []byte(r.ID)), nil); err != nil {
			return mv, err
		}
		if err := putSealed(tx.bucket(bRequests), []byte(r.ID), &r); err != nil {
			return mv, err
		}
		if err := tx.logChange(ChangeRequest, r.ClientID, r.ID, &r); err != nil {
			return mv, err
		}
		mv.Requests++
	}
	if mv.Drafts, err = tx.moveDrafts(c.Drafts, otherID, keepID); err != nil {
		return mv, err
	}
	for k := range c.RuleState {
		if err := tx.bucket(bRuleState).Delete([]byte(k)); err != nil {
			return mv, err
		}
	}
	for k := range tx.clientRuleState(keepID) {
		if err := tx.bucket(bRuleState).Delete([]byte(k)); err != nil {
			return mv, err
		}
	}

	// The kept client's figures: what came from the notes and purchases
	// of both.
	o := c.Summary
	sum.Spends = append(sum.Spends, o.Spends...)
	sort.SliceStable(sum.Spends, func(i, j int) bool { return sum.Spends[i].Date.Before(sum.Spends[j].Date) })
	for _, d := range o.VisitDays {
		if !containsDate(sum.VisitDays, d) {
			sum.VisitDays = append(sum.VisitDays, d)
		}
	}
	sortDates(sum.VisitDays)
	sum.NoteCount += o.NoteCount
	if o.LastNote.After(sum.LastNote) {
		sum.LastNote = o.LastNote
	}
	if o.LastContact.After(sum.LastContact) {
		sum.LastContact = o.LastContact
	}

	// The client merged away goes, its indexes with it; then the kept one
	// is written with the phones and cards of both.
	tx.unindexPhones(c.Profile)
	for _, n := range o.Phones {
		_ = tx.bucket(bPhones).Delete(join([]byte(n), []byte(otherID)))
	}
	unindexCards(tx.bucket(bCards), otherID, c.Profile.CardNumbers())
	unindexCards(tx.bucket(bCards), otherID, o.Cards)
	if err := tx.bucket(bClients).Delete([]byte(otherID)); err != nil {
		return mv, err
	}
	if err := tx.bucket(bSummaries).Delete([]byte(otherID)); err != nil {
		return mv, err
	}
	if err := tx.dropValue(otherID); err != nil {
		return mv, err
	}
	if err := tx.deleteBrief(otherID); err != nil {
		return mv, err
	}
	if err := tx.deleteSearchRow(otherID); err != nil {
		return mv, err
	}
	if err := tx.deleteStanding(otherID); err != nil {
		return mv, err
	}
	tx.unindexPhones(before)
	unindexCards(tx.bucket(bCards), keepID, before.CardNumbers())
	keep.Updated = tx.Now()
	if err := tx.writeClient(keep, &sum); err != nil {
		return mv, err
	}
	if err := tx.logClient(before, keep); err != nil {
		return mv, err
	}

	for _, id := range c.Referred {
		if id == keepID {
			continue
		}
		if err := tx.rewriteClient(id, func(p *profile.Profile) { p.ReferredBy = keepID }); err != nil {
			return mv, err
		}
		mv.Referred++
	}
	linked, err := tx.linkedTo(otherID)
	if err != nil {
		return mv, err
	}
	for _, id := range linked {
		err := tx.rewriteClient(id, func(p *profile.Profile) {
			for i := range p.Household {
				if p.Household[i].ClientID == otherID {
					p.Household[i].ClientID = keepID
					mv.Links++
				}
			}
		})
		if err != nil {
			return mv, err
		}
	}
	return mv, tx.alias(otherID, keepID)
}

// moveNotes gives the notes of client from to client to, their keys and
// indexes with them (the time and id part of a note's key stays).
func (tx *Tx) moveNotes(from, to string) error {
	// The search keys of the client merged away go while its notes are
	// still its own; each moved note's come back under the kept client.
	if err := tx.unindexClient(from); err != nil {
		return err
	}
	nb := tx.bucket(bNotes)
	var keys [][]byte
	_ = scanPrefix(nb, prefix(from), func(k, _ []byte) error { keys = append(keys, bytes.Clone(k)); return nil })
	for _, k := range keys {
		var n notes.Note
		if err := unmarshalRecord(nb.Get(k), &n); err != nil {
			return fmt.Errorf("note of client %s: %w", from, err)
		}
		if err := nb.Delete(k); err != nil {
			return err
		}
		n.ClientID = to
		nk := noteKey(to, n.At, n.ID)
		if err := putSealed(nb, nk, &n); err != nil {
			return err
		}
		if err := tx.bucket(bNoteIDs).Put([]byte(n.ID), nk); err != nil {
			return err
		}
		if err := tx.bucket(bNoteTime).Put(noteTimeKey(n.At, n.ID), []byte(to)); err != nil {
			return err
		}
		if err := tx.putSituation(&n, to); err != nil {
			return err
		}
		if err := tx.logNote(&n); err != nil {
			return err
		}
		if err := tx.indexNote(&n); err != nil {
			return err
		}
	}
	return nil
}

// movePurchases gives the purchases of client from to client to.
func (tx *Tx) movePurchases(from, to string) error {
	pb := tx.bucket(bPurchases)
	var keys [][]byte
	_ = scanPrefix(pb, prefix(from), func(k, _ []byte) error { keys = append(keys, bytes.Clone(k)); return nil })
	for _, k := range keys {
		var p profile.Purchase
		if err := unmarshalRecord(pb.Get(k), &p); err != nil {
			return fmt.Errorf("purchase of client %s: %w", from, err)
		}
		if err := pb.Delete(k); err != nil {
			return err
		}
		p.ClientID = to
		nk := purchaseKey(&p)
		if err := putSealed(pb, nk, &p); err != nil {
			return err
		}
		if err := tx.bucket(bPurchaseIDs).Put([]byte(p.ID), nk); err != nil {
			return err
		}
		if err := tx.logChange(ChangePurchase, p.ClientID, p.ID, &p); err != nil {
			return err
		}
	}
	return nil
}

// moveDrafts gives the drafts typed for client from to client to: a note
// being typed joins the kept client's (both texts kept); a form of the
// client merged away is dropped, its profile being gone.
func (tx *Tx) moveDrafts(ds []Draft, from, to string) (int, error) {
	n := 0
	for _, d := range ds {
		if err := tx.DeleteDraft(d.Key); err != nil {
			return n, err
		}
		if !strings.HasPrefix(d.Key, "note:") {
			continue
		}
		d.Key = strings.TrimSuffix(d.Key, from) + to
		d.ClientID = to
		var have Draft
		if getJSON(tx.bucket(bDrafts), []byte(d.Key), &have) == nil && strings.TrimSpace(have.Text) != "" {
			d.Text = have.Text + "\n\n" + d.Text
		}
		if err := tx.SaveDraft(&d); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// rewriteClient applies fn to the stored profile of client id and writes
// it back, indexes, summary and change log with it, without running hooks.
func (tx *Tx) rewriteClient(id string, fn func(p *profile.Profile)) error {
	p, err := tx.Client(id)
	if err != nil {
		return err
	}
	sum, err := tx.Summary(id)
	if err != nil {
		return err
	}
	was := *p
	was.Household = slices.Clone(p.Household)
	tx.unindexPhones(p)
	unindexCards(tx.bucket(bCards), id, p.CardNumbers())
	fn(p)
	p.Updated = tx.Now()
	if err := tx.writeClient(p, &sum); err != nil {
		return err
	}
	return tx.logClient(&was, p)
}

// linkedTo returns the clients with a household member linked to client
// id, found in the stored profiles' bytes without decoding them.
func (tx *Tx) linkedTo(id string) ([]string, error) {
	needle := []byte(`"client_id":` + strconvQuote(id))
	var out []string
	err := tx.bucket(bClients).ForEach(func(k, v []byte) error {
		if bytes.Contains(v, needle) {
			out = append(out, string(k))
		}
		return nil
	})
	return out, err
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// alias makes from an alias of to, and every alias of from one of to.
func (tx *Tx) alias(from, to string) error {
	ab, err := tx.tx.CreateBucketIfNotExists(bAliases)
	if err != nil {
		return err
	}
	var again [][]byte
	_ = ab.ForEach(func(k, v []byte) error {
		if string(v) == from {
			again = append(again, bytes.Clone(k))
		}
		return nil
	})
	for _, k := range again {
		if err := ab.Put(k, []byte(to)); err != nil {
			return err
		}
	}
	return ab.Put([]byte(from), []byte(to))
}

// dropAliases removes the aliases naming client id (it was erased: an old
// id must not find anyone).
func (tx *Tx) dropAliases(id string) error {
	ab := tx.bucket(bAliases)
	if ab == nil {
		return nil
	}
	var gone [][]byte
	_ = ab.ForEach(func(k, v []byte) error {
		if string(v) == id {
			gone = append(gone, bytes.Clone(k))
		}
		return nil
	})
	for _, k := range gone {
		if err := ab.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// Alias returns the client an id merged away now is (MergeClients), and
// false when id is no alias.
func (tx *Tx) Alias(id string) (string, bool) {
	ab := tx.bucket(bAliases)
	if ab == nil || id == "" {
		return "", false
	}
	v := ab.Get([]byte(id))
	if v == nil {
		return "", false
	}
	return string(v), true
}

// checkAliases verifies the aliases: each names a client of the book and
// is no client itself.
func checkAliases(tx *bolt.Tx, rep *Report) {
	ab, cb := tx.Bucket(bAliases), tx.Bucket(bClients)
	if ab == nil || cb == nil {
		return
	}
	_ = ab.ForEach(func(k, v []byte) error {
		if cb.Get(v) == nil {
			rep.problem("aliases: %s was merged into client %s, who is not in the book", k, v)
		}
		if cb.Get(k) != nil {
			rep.problem("aliases: %s was merged away but is still a client", k)
		}
		return nil
	})
}

// isAlias reports whether id is taken by an alias (a new client must not
// get it).
func (tx *Tx) isAlias(id string) bool {
	_, ok := tx.Alias(id)
	return ok
}
