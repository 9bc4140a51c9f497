package book

import (
	"io"
	"strings"

	"github.com/vipbook/vipbook/handover"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/interchange"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tiers"
)

// Choice says which clients to choose for a handover or an export: all of
// the active book, those a search finds (as the client list searches:
// names, pinyin, phones, tier:A city:上海 tag:vip), or those of a tier.
type Choice struct {
	All   bool
	Query string // a search
	Tier  string // a tier (A, B, C, D or a card), as the tiers rank them today
}

// ChooseClients returns the active clients c chooses, in id order (a
// search: in its order). A search that finds nobody is ErrNoneFound, a
// tier nobody is in ErrNoneInTier; All of an empty book is no error.
func (b *Book) ChooseClients(c Choice) ([]profile.Summary, error) {
	var out []profile.Summary
	today := b.today()
	err := b.View(func(tx *store.Tx) error {
		all, err := tx.Summaries()
		if err != nil {
			return err
		}
		sums := make([]profile.Summary, 0, len(all))
		for _, s := range all {
			if s.Status != profile.Archived {
				sums = append(sums, s)
			}
		}
		if c.All {
			out = sums
			return nil
		}
		tc := b.cfg.Tiers
		if tc.Currency == "" {
			tc.Currency = b.Meta().Currency
		}
		byID := tiers.Index(tiers.Assign(sums, today, tc))
		tierOf := func(s *profile.Summary) string {
			if a := byID[s.ID]; a != nil {
				return a.Tier
			}
			return s.Tier
		}
		if c.Query == "" {
			for i := range sums {
				if strings.EqualFold(tierOf(&sums[i]), c.Tier) {
					out = append(out, sums[i])
				}
			}
			if len(out) == 0 {
				return &Error{Key: i18n.ErrNoneInTier, Args: []any{c.Tier}}
			}
			return nil
		}
		cc := b.Meta().CountryCode
		ix := search.New(sums, search.Options{Today: today, Tier: tierOf, CountryCode: cc})
		for _, d := range ix.Search(c.Query).All() {
			out = append(out, sums[d])
		}
		if len(out) == 0 {
			out = search.Resolve(c.Query, sums, cc)
		}
		if len(out) == 0 {
			return &Error{Key: i18n.ErrNoneFound, Args: []any{c.Query}}
		}
		return nil
	})
	return out, said(err)
}

// hookless is the store without the rules: a handover or an import brings
// history as it was (an old purchase does not start a new rhythm), and
// marking clients handed over calls for no follow-up.
func (b *Book) hookless() *store.Book { return b.st.WithoutHooks() }

// HandOver writes the clients ids to an encrypted bundle at path and marks
// them handed over, in one transaction; with opt.Release they leave the
// book instead, and the file is compacted so their bytes leave it too
// (store.ErrNotCompacted when only that failed). The
// work factor of the bundle's key is the book's (Options.WorkFactor) when
// opt does not set one.
func (b *Book) HandOver(ids []string, path string, opt handover.ExportOptions) (handover.ExportResult, error) {
	if opt.WorkFactor == 0 {
		opt.WorkFactor = b.opt.WorkFactor
	}
	if b.opt.ReadOnly {
		return handover.ExportResult{}, said(store.ErrReadOnly)
	}
	res, err := handover.Export(b.hookless(), ids, path, opt)
	if err == nil && opt.Release {
		// The released clients' bytes leave the file: the bundle is
		// written and the book committed; a failure here leaves the mark,
		// and the next writable open compacts.
		err = b.st.FinishErase()
	}
	return res, said(err)
}

// Preview returns what receiving bundle would do to the book, writing
// nothing.
func (b *Book) Preview(bundle *handover.Bundle, opt handover.ImportOptions) (*handover.Report, error) {
	if opt.NoteLimit == 0 {
		opt.NoteLimit = b.cfg.Limits.NoteLimit()
	}
	rep, err := handover.Preview(b.hookless(), bundle, opt)
	return rep, said(err)
}

// Receive imports bundle in one transaction (all of it or nothing).
func (b *Book) Receive(bundle *handover.Bundle, opt handover.ImportOptions) (*handover.Report, error) {
	if opt.NoteLimit == 0 {
		opt.NoteLimit = b.cfg.Limits.NoteLimit()
	}
	rep, err := handover.Apply(b.hookless(), bundle, opt)
	return rep, said(err)
}

// ReceiveFile reads a bundle from r under passphrase and imports it (with
// dryRun: only reports what it would do), as Receive does.
func (b *Book) ReceiveFile(r io.Reader, passphrase string, opt handover.ImportOptions, dryRun bool) (*handover.Report, error) {
	if opt.NoteLimit == 0 {
		opt.NoteLimit = b.cfg.Limits.NoteLimit()
	}
	rep, err := handover.ApplyFile(b.hookless(), r, passphrase, opt, dryRun)
	return rep, said(err)
}

// Erase erases everything the book holds about the clients ids and
// compacts the file so the erased bytes leave it; it returns how many
// records went.
func (b *Book) Erase(ids ...string) (int, error) {
	if b.opt.ReadOnly {
		return 0, said(store.ErrReadOnly)
	}
	n, err := b.st.EraseClients(ids...)
	return n, said(err)
}

// Import plans the import of src and, unless dryRun, applies it in one
// transaction (all of it or nothing), reporting progress. It returns the
// plan. The rules run on what the import writes as on any write. Unless
// dryRun, src's records are let go of once planned, whether the import
// succeeds or not: to try again, parse the file again.
func (b *Book) Import(src *interchange.Source, popt interchange.PlanOptions, progress func(done, total int), dryRun bool) (*interchange.Plan, error) {
	var plan *interchange.Plan
	if dryRun {
		err := b.View(func(tx *store.Tx) error {
			var err error
			plan, err = interchange.MakePlan(tx, src, popt)
			return err
		})
		return plan, err
	}
	if b.opt.ReadOnly {
		return nil, said(store.ErrReadOnly)
	}
	err := b.st.Update(func(tx *store.Tx) error {
		var err error
		if plan, err = interchange.MakePlan(tx, src, popt); err != nil {
			return err
		}
		// The file's records are planned: Apply needs only the plan's
		// items, and the records let go of now lower the collector's
		// goal while it writes (c10k.vcf: the peak 320-340 MB -> 285-300).
		src.Records = nil
		if err := interchange.Apply(tx, plan, progress); err != nil {
			return err
		}
		plan.DropRecords() // before the commit, where the import's memory peaks
		return nil
	})
	return plan, said(err)
}

// DraftWriter saves and deletes drafts inside WriteDrafts' transaction.
type DraftWriter struct{ tx *store.Tx }

// Save stores or replaces d under its key.
func (w DraftWriter) Save(d *store.Draft) error { return w.tx.SaveDraft(d) }

// Drafts returns the drafts the book holds.
func (w DraftWriter) Drafts() ([]store.Draft, error) { return w.tx.Drafts() }

// Delete removes the draft under key (a missing one is no error).
func (w DraftWriter) Delete(key string) error { return w.tx.DeleteDraft(key) }

// WriteDrafts runs fn in one write transaction to save and delete drafts.
func (b *Book) WriteDrafts(fn func(w DraftWriter) error) error {
	return b.update(func(tx *store.Tx) error { return fn(DraftWriter{tx}) })
}
