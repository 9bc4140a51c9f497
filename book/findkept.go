package book

import (
	"fmt"
	"slices"
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tiers"
)

// KeptFind is what the search index the book keeps finds for a query:
// the active clients, best first, with the tier each holds.
type KeptFind struct {
	Query string
	// Clients found by the index hold what their search rows keep
	// (store.Tx.SearchRows: the names, phones, tags, city, spends, visit
	// days, dates and the fields filters match), enough for a client's
	// line; the client an id names comes whole.
	Clients []profile.Summary
	Tiers   []string // the tier in force of each client
	// Strong is how many clients come first matched by name, pinyin,
	// tag, phone or field, as a search of the summaries ranks them; the
	// rest are the client an id names (a merged-away one's: vipbook
	// merge) and the clients found by their notes alone.
	Strong int
	// Found is how many clients the query found: len(Clients), unless
	// FindKeptTop gave only the best of them.
	Found int
	// Over says the index found more clients than the limit asked: none
	// of them is in Clients (only the client of an id), and the answer is
	// a search of the whole list's.
	Over bool
	// RowsRead is how many clients' search rows (or whole summaries)
	// were read to rank and print them: only those printed, and a
	// client seen last on a visit after today, for a query the index
	// answers whole (search.CandidatesExact).
	RowsRead int
}

// FindKept looks query up in the search index the book keeps (reading
// the clients it finds and the kept spend ranking, not the book); a
// client's id finds the client, and a merged-away client's id the client
// it was merged into, as vipbook search and vipbook show do. When the
// index names more than limit clients (a letter or two typed), only the
// client of an id is returned: a search of the whole list answers such a
// query better; a limit of 0 or less returns every client found (vipbook
// search). cfg gives the tiers that rank equal matches.
func FindKept(tx *store.Tx, query string, today civil.Date, cfg config.Tiers, limit int) (KeptFind, error) {
	return findKept(tx, query, today, cfg, limit, 0)
}

// FindKeptTop is FindKept with no limit for vipbook search, which prints
// the best shown of the clients found and how many there are: for a query
// of field filters alone (search.FieldsOnly: occupation:律师 finds 5,005
// clients of a 100k book), Clients holds only the best shown, picked
// without ordering the rest, and Found says how many were found. The
// clients and their order are those FindKept gives first.
func FindKeptTop(tx *store.Tx, query string, today civil.Date, cfg config.Tiers, shown int) (KeptFind, error) {
	return findKept(tx, query, today, cfg, 0, shown)
}

func findKept(tx *store.Tx, query string, today civil.Date, cfg config.Tiers, limit, shown int) (KeptFind, error) {
	f := KeptFind{Query: query}
	q := strings.TrimSpace(query)
	var alias *profile.Summary
	id := q
	if to, ok := tx.Alias(q); ok {
		id = to
	}
	if id != "" {
		if s, err := tx.Summary(id); err == nil && s.Status != profile.Archived {
			alias = &s // the client an id names
		}
	}
	// The ranking is read once: on a day no write has moved it to yet,
	// reading it ranks again the clients whose spend moved since.
	var rank *store.SpendRanking
	ranked, rankRead := false, false
	ranking := func() (*store.SpendRanking, bool) {
		if !rankRead {
			rank, ranked = tx.SpendRanking(today)
			rankRead = true
		}
		return rank, ranked
	}
	ids, ok, exact, over := tx.SearchKeptUpTo(q, limit)
	f.Over = ok && limit > 0 && (over || len(ids) > limit)
	if ok && len(ids) > 0 && !f.Over && exact && shown > 0 && alias == nil {
		// Field filters the index answers whole: the clients found are
		// ranked from their standings, and only the best shown's rows
		// are read.
		done, err := f.best(tx, ids, today, cfg, shown, ranking)
		if err != nil || done {
			return f, err
		}
	}
	if ok && len(ids) > 0 && !f.Over && f.Clients == nil {
		// The clients found are ranked from their search rows, a few
		// dozen bytes each; a book without them yet (opened read-only
		// before its first writable open since they came) gives the
		// whole summaries.
		found, rows, err := tx.SearchRows(ids)
		if err == nil && !rows {
			found, err = tx.SummariesOf(ids)
		}
		if err != nil {
			return f, err
		}
		f.RowsRead = len(found)
		found = slices.DeleteFunc(found, func(s profile.Summary) bool { return s.Status == profile.Archived })
		opt, err := rankOptions(tx, found, today, cfg, ranking)
		if err != nil {
			return f, err
		}
		// A query of field filters alone ranks by standing alone: the best
		// shown are picked, not every client found ordered (the client of
		// an id, were the query one, needs the whole order).
		var order []int
		var strong, total int
		fieldsOnly := false
		if shown > 0 && alias == nil {
			order, total, fieldsOnly = search.FoundFields(found, q, opt, shown)
			strong = len(order)
		}
		if !fieldsOnly {
			order, strong = search.FoundSplit(found, q, opt)
			total = len(order)
		}
		f.Found = total
		if len(order) > 0 {
			f.Clients, f.Tiers = make([]profile.Summary, 0, len(order)+1), make([]string, 0, len(order)+1)
		}
		for _, d := range order {
			f.Clients = append(f.Clients, found[d])
			f.Tiers = append(f.Tiers, opt.Tier(&found[d]))
		}
		f.Strong = strong
	}
	if alias != nil && !slices.ContainsFunc(f.Clients, func(s profile.Summary) bool { return s.ID == alias.ID }) {
		tier := alias.Tier
		as, err := assignFound(tx, []profile.Summary{*alias}, today, cfg, ranking)
		if err != nil {
			return f, err
		}
		if a := tiers.Index(as)[alias.ID]; a != nil {
			tier = a.Tier
		}
		f.Clients = slices.Insert(f.Clients, f.Strong, *alias)
		f.Tiers = slices.Insert(f.Tiers, f.Strong, tier)
		f.Found++
	}
	return f, nil
}

// best fills f with the best shown of the clients ids (found exactly by
// a query of field filters alone: search.CandidatesExact), ranked by their
// standings (store.Tx.Standings), and the search rows of those alone;
// false in a book without standings yet (opened read-only before its
// first writable open since they came): rank their rows then.
func (f *KeptFind) best(tx *store.Tx, ids []string, today civil.Date, cfg config.Tiers, shown int, ranking func() (*store.SpendRanking, bool)) (bool, error) {
	sts, kept, err := tx.Standings(ids)
	if err != nil || !kept {
		return false, err
	}
	sts = slices.DeleteFunc(sts, func(s profile.Summary) bool { return s.Status == profile.Archived })
	// A standing keeps the last visit day alone: a client whose last
	// visit is after today was seen on an earlier one, which its row
	// holds. The rows read for it are kept for the clients printed.
	var later []string
	for i := range sts {
		if v := sts[i].VisitDays; len(v) == 1 && v[0].After(today) && !today.IsZero() {
			later = append(later, sts[i].ID)
		}
	}
	rowOf := map[string]profile.Summary{}
	if len(later) > 0 {
		rows, _, err := tx.SearchRows(later)
		if err != nil {
			return false, err
		}
		for _, r := range rows {
			rowOf[r.ID] = r
		}
		f.RowsRead += len(rows)
		for i := range sts {
			if r, ok := rowOf[sts[i].ID]; ok {
				sts[i].VisitDays = r.VisitDays
			}
		}
	}
	opt, err := rankOptions(tx, sts, today, cfg, ranking)
	if err != nil {
		return false, err
	}
	order := search.Best(sts, opt, shown)
	var unread []string // the clients printed whose rows are still to read
	for _, d := range order {
		if _, ok := rowOf[sts[d].ID]; !ok {
			unread = append(unread, sts[d].ID)
		}
	}
	rows, hasRows, err := tx.SearchRows(unread)
	if err == nil && !hasRows {
		rows, err = tx.SummariesOf(unread)
	}
	if err != nil {
		return false, err
	}
	if len(rows) != len(unread) {
		return false, fmt.Errorf("%w: %d of the %d clients ranked have no search row", store.ErrDamaged, len(unread)-len(rows), len(order))
	}
	f.RowsRead += len(rows)
	for _, d := range order {
		row, ok := rowOf[sts[d].ID]
		if !ok {
			row, rows = rows[0], rows[1:]
		}
		f.Clients = append(f.Clients, row)
		f.Tiers = append(f.Tiers, opt.Tier(&sts[d]))
	}
	f.Found, f.Strong = len(sts), len(order)
	return true, nil
}

// rankOptions returns the options search ranks the clients found by:
// their tiers as the whole book gives them (assignFound), the tier
// levels, the day and the book's country code.
func rankOptions(tx *store.Tx, found []profile.Summary, today civil.Date, cfg config.Tiers, ranking func() (*store.SpendRanking, bool)) (search.Options, error) {
	as, err := assignFound(tx, found, today, cfg, ranking)
	if err != nil {
		return search.Options{}, err
	}
	byID := tiers.Index(as)
	tierOf := func(s *profile.Summary) string {
		if a := byID[s.ID]; a != nil {
			return a.Tier
		}
		return s.Tier
	}
	return search.Options{Today: today, Tier: tierOf, Levels: tiers.Levels(cfg), CountryCode: tx.Book().Meta().CountryCode}, nil
}

// assignFound returns the tiers of the clients found as the whole book's
// give them: from the kept spend ranking, or in a book without one (opened
// read-only before its first writable open since it came) from every
// active client's value record (its summary in a book without those).
func assignFound(tx *store.Tx, found []profile.Summary, today civil.Date, cfg config.Tiers, ranking func() (*store.SpendRanking, bool)) ([]tiers.Assignment, error) {
	if r, ok := ranking(); ok {
		return tiers.AssignRanked(found, today, cfg, r), nil
	}
	all, ok, err := tx.ValueSummaries()
	if err == nil && !ok {
		all, err = tx.Summaries()
	}
	if err != nil {
		return nil, err
	}
	all = slices.DeleteFunc(all, func(s profile.Summary) bool { return s.Status == profile.Archived })
	return tiers.Assign(all, today, cfg), nil
}

// TierOf returns the tier of client s (its summary) as the whole book
// gives it on today: from the kept spend ranking, the tier set by hand if
// there is one, as vipbook show and the client list rank it; "" when the
// book has no tiers to give.
func TierOf(tx *store.Tx, s profile.Summary, today civil.Date, cfg config.Tiers) (string, error) {
	if s.Status == profile.Archived {
		return s.Tier, nil
	}
	as, err := assignFound(tx, []profile.Summary{s}, today, cfg, func() (*store.SpendRanking, bool) { return tx.SpendRanking(today) })
	if err != nil {
		return "", err
	}
	if a := tiers.Index(as)[s.ID]; a != nil {
		return a.Tier, nil
	}
	return s.Tier, nil
}
