package book

import (
	"errors"
	"strings"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/merge"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tiers"
)

// MergeSide is one of the two clients of a merge as it was before.
type MergeSide struct {
	ID    string        `json:"id"`
	Name  string        `json:"name"`
	Tier  string        `json:"tier"`
	Stats profile.Stats `json:"stats"`
}

// MergeReport is what MergeClients did, or with dry run would do: the two
// clients, what moved, what the kept client took from the other, the
// values it kept where the two differed (the other's went into its
// history), and the figures after.
type MergeReport struct {
	DryRun bool        `json:"dry_run"`
	Keep   MergeSide   `json:"keep"`
	Other  MergeSide   `json:"merged_away"`
	Moved  store.Moved `json:"moved"`
	// Takes are the fields and entries the kept client took from the
	// other (a phone, a size, a card, an e-mail it lacked).
	Takes []merge.Change `json:"takes,omitempty"`
	// Kept are the fields both filled differently: the kept client's value
	// stays (Book), the other's (Incoming) goes into the history. A
	// do-not-contact the other asked for wins instead (Kept "incoming").
	Kept []merge.Conflict `json:"kept,omitempty"`
	// DoNotContact is true when the merged client may not be contacted
	// because the other asked so.
	DoNotContact bool `json:"do_not_contact,omitempty"`
	// Cancelled counts the contact follow-ups cancelled because the merged
	// client may not be contacted (moved from either side).
	Cancelled int `json:"cancelled,omitempty"`
	// Tier and Stats are the merged client's.
	Tier  string        `json:"tier"`
	Stats profile.Stats `json:"stats"`
}

// errDryRun rolls a dry run's transaction back.
var errDryRun = errors.New("dry run")

// MergeClients merges the client otherID into the client keepID, who stays
// (see store.Tx.MergeClients for what moves), in one transaction: the
// profiles are combined by merge.Clients (keep's values win, other's go
// into the history; do-not-contact wins from either side), a note on the
// kept client records the merge, and a do-not-contact learnt from the
// other cancels the open contact follow-ups. otherID then finds keepID
// (store.Tx.Alias). With dryRun the whole merge is worked out in the
// transaction and rolled back: the report says exactly what would happen
// and nothing is written. It refuses a client merged with itself
// (ErrMergeSelf), a client handed over (ErrMergeHandedOver), and a client
// not in the book (ErrGone).
func (b *Book) MergeClients(keepID, otherID string, dryRun bool) (*MergeReport, error) {
	if a, ok := b.alias(otherID); ok {
		otherID = a
	}
	if a, ok := b.alias(keepID); ok {
		keepID = a
	}
	rep := &MergeReport{DryRun: dryRun}
	err := b.update(func(tx *store.Tx) error {
		keep, err := tx.Client(keepID)
		if err != nil {
			return goneErr(err)
		}
		if keepID == otherID {
			return &Error{Key: i18n.ErrMergeSelf, Args: []any{keep.DisplayName(), keep.ID}, ID: keep.ID}
		}
		other, err := tx.Client(otherID)
		if err != nil {
			return goneErr(err)
		}
		for _, p := range []*profile.Profile{keep, other} {
			if p.HandedOver != nil {
				return &Error{Key: i18n.ErrMergeHandedOver, Args: []any{p.DisplayName(), p.ID}, ID: p.ID}
			}
		}
		today := b.today()
		before, err := tx.Summaries()
		if err != nil {
			return err
		}
		tierOf := func(sums []profile.Summary) map[string]string {
			out := map[string]string{}
			for _, a := range tiers.Assign(sums, today, b.cfg.Tiers) {
				if a.ClientID == keepID || a.ClientID == otherID {
					out[a.ClientID] = a.Tier
				}
			}
			return out
		}
		was := tierOf(before)
		for _, s := range before {
			switch s.ID {
			case keepID:
				rep.Keep = MergeSide{ID: s.ID, Name: s.DisplayName(), Tier: was[s.ID], Stats: s.Stats(today)}
			case otherID:
				rep.Other = MergeSide{ID: s.ID, Name: s.DisplayName(), Tier: was[s.ID], Stats: s.Stats(today)}
			}
		}
		cat := i18n.New(b.opt.Lang)
		source := cat.T(i18n.MergeSource, other.DisplayName(), other.ID)
		merged, kept := merge.Clients(keep, other, b.now(), source)
		rep.Kept = kept
		rep.DoNotContact = merged.Consent.DoNotContact && !keep.Consent.DoNotContact
		if rep.Moved, err = tx.MergeClients(merged, otherID); err != nil {
			return err
		}
		rep.Takes = takes(keep, merged)
		if merged.Consent.DoNotContact {
			// Either client's wish: no contact follow-up stays open,
			// those moved from the other included.
			for _, t := range b.rule.rules().ContactCancels(false, true, tx.ClientTasks(keepID), tx.Now()) {
				if err := tx.UpdateTask(&t); err != nil {
					return err
				}
				rep.Cancelled++
			}
		}
		text := cat.T(i18n.MergeNote, other.DisplayName(), other.ID, movedText(cat, rep.Moved))
		if len(kept) > 0 {
			text += " " + cat.T(i18n.MergeNoteKept, keptText(cat, kept))
		}
		if err := tx.AddNote(&notes.Note{ClientID: keepID, Kind: notes.General, Text: text}); err != nil {
			return err
		}
		after, err := tx.Summaries()
		if err != nil {
			return err
		}
		rep.Tier = tierOf(after)[keepID]
		if s, err := tx.Summary(keepID); err == nil {
			rep.Stats = s.Stats(today)
		}
		if dryRun {
			return errDryRun
		}
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	return rep, nil
}

// takes returns what the merged profile has that keep lacked, leaving out
// the history (it holds the values that lost, reported as Kept).
func takes(keep, merged *profile.Profile) []merge.Change {
	var out []merge.Change
	for _, c := range merge.Diff(keep, merged) {
		if c.Field == "do_not_contact" || c.Field == "consent" || c.Field == "owners" {
			continue
		}
		out = append(out, c)
	}
	return out
}

// alias returns the client an id merged away now is.
func (b *Book) alias(id string) (to string, ok bool) {
	_ = b.st.View(func(tx *store.Tx) error {
		to, ok = tx.Alias(id)
		return nil
	})
	return to, ok
}

// MovedText words, in one line, what a merge moved (nothing but the
// profile when nothing else).
func MovedText(cat *i18n.Catalog, m store.Moved) string { return movedText(cat, m) }

func movedText(cat *i18n.Catalog, m store.Moved) string {
	var parts []string
	add := func(n int, k i18n.Key) {
		if n > 0 {
			parts = append(parts, cat.N(k, n, n))
		}
	}
	add(m.Notes, i18n.CliCountNotes)
	add(m.Purchases, i18n.CliCountPurchases)
	add(m.OpenTasks, i18n.CliMergeOpenTasks)
	add(m.ClosedTasks, i18n.CliMergeClosedTasks)
	add(m.Appointments, i18n.CliCountAppointments)
	add(m.Requests, i18n.CliCountRequestsPlain)
	add(m.Drafts, i18n.CliCountDrafts)
	add(m.Referred, i18n.CliMergeReferred)
	add(m.Links, i18n.CliMergeLinks)
	if len(parts) == 0 {
		return cat.T(i18n.MergeNoteNothing)
	}
	sep := ", "
	if cat.IsChinese() {
		sep = "，"
	}
	return strings.Join(parts, sep)
}

// KeptText words the values a merge kept over the other's, in one line.
func KeptText(cat *i18n.Catalog, kept []merge.Conflict) string { return keptText(cat, kept) }

func keptText(cat *i18n.Catalog, kept []merge.Conflict) string {
	var parts []string
	for _, c := range kept {
		if c.Kept == "incoming" {
			continue // do-not-contact from the other: said on its own
		}
		parts = append(parts, cat.T(i18n.MergeKeptItem, cat.MergeField(c.Field), c.Book, c.Incoming))
	}
	sep := "; "
	if cat.IsChinese() {
		sep = "；"
	}
	return strings.Join(parts, sep)
}
