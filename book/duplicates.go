package book

import (
	"slices"
	"strings"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/interchange"
	"github.com/vipbook/vipbook/merge"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// The ways a client being added or changed is like one of the book
// (Duplicate.By). The same phone is no likeness but a refusal
// (ErrPhoneTaken): a phone finds one client.
const (
	DupName   = "name"   // the same name (any script, spacing or case), another phone
	DupEmail  = "email"  // the same e-mail address under any name
	DupWeChat = "wechat" // the same WeChat id under any name
	DupCard   = "card"   // the same membership card number
)

// Duplicate is a client of the book that a client being added or changed
// may already be.
type Duplicate struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Phone string `json:"phone,omitempty"` // the first phone, normalised, to tell them apart
	By    string `json:"by"`              // DupName, DupEmail, DupWeChat or DupCard
	Key   string `json:"key"`             // the name, address, id or number they share
}

// DuplicateError is AddClient's and UpdateClient's refusal of a client who
// looks like one already in the book. It matches ErrLikelyDuplicate. The
// front end shows the clients and lets the associate open one, merge
// later, or save anyway (the write's Despite option).
type DuplicateError struct {
	Name string // the client being added or changed
	Dups []Duplicate
}

// Error says the refusal in English.
func (e *DuplicateError) Error() string {
	k, args := e.Words()
	return english().T(k, args...)
}

// Words returns the catalog key and its facts (i18n.Said).
func (e *DuplicateError) Words() (i18n.Key, []any) {
	var names []string
	for _, d := range e.Dups {
		names = append(names, d.Name+" ("+d.ID+")")
	}
	return i18n.ErrLikelyDuplicate, []any{e.Name, strings.Join(names, ", ")}
}

// Is reports whether target is ErrLikelyDuplicate.
func (e *DuplicateError) Is(target error) bool { return target == ErrLikelyDuplicate }

// Despite lets AddClient or UpdateClient save a client who looks like one
// already in the book (the associate saw the likely duplicates and chose to
// go on: two people of one name).
func Despite() Also { return func(a *also) { a.despite = true } }

// DupText words how a duplicate is like the client: "the same e-mail x".
func DupText(cat *i18n.Catalog, d Duplicate) string {
	k := map[string]i18n.Key{DupName: i18n.DupByName, DupEmail: i18n.DupByEmail, DupWeChat: i18n.DupByWeChat,
		DupCard: i18n.DupByCard}[d.By]
	return cat.T(k, d.Key)
}

// Duplicates returns the clients of the book that p may already be (p's
// own id aside), as AddClient would find them.
func (b *Book) Duplicates(p *profile.Profile) ([]Duplicate, error) {
	var out []Duplicate
	err := b.View(func(tx *store.Tx) error {
		var err error
		out, err = duplicates(tx, p, nil)
		return err
	})
	return out, err
}

// duplicates returns the clients of the book that p may be: the same
// normalised name (Name or LatinName) with another phone, or the same
// e-mail, WeChat or card number under any name. With before (an edit),
// only what the edit changed is looked at, so a pair the associate chose
// to keep apart does not come back at every edit. Clients released by a
// handover are left out.
func duplicates(tx *store.Tx, p, before *profile.Profile) ([]Duplicate, error) {
	return (&dupFinder{tx: tx}).find(p, before)
}

// dupFinder finds likely duplicates, reading the book's summaries once
// for any number of clients (an import's records).
type dupFinder struct {
	tx      *store.Tx
	byName  map[string][]int
	byEmail map[string][]int
	sums    []profile.Summary
}

func (f *dupFinder) load() error {
	if f.sums != nil {
		return nil
	}
	sums, err := f.tx.Summaries()
	if err != nil {
		return err
	}
	f.sums = sums
	f.byName, f.byEmail = map[string][]int{}, map[string][]int{}
	for i, s := range sums {
		for _, n := range []string{s.Name, s.LatinName} {
			if k := merge.NormalizeName(n); k != "" {
				f.byName[k] = append(f.byName[k], i)
			}
		}
		if e := merge.NormalizeEmail(s.Email); e != "" {
			f.byEmail[e] = append(f.byEmail[e], i)
		}
	}
	return nil
}

func (f *dupFinder) find(p, before *profile.Profile) ([]Duplicate, error) {
	var names []string
	for _, n := range []string{p.Name, p.LatinName} {
		k := merge.NormalizeName(n)
		if k == "" || slices.Contains(names, k) {
			continue
		}
		if before != nil && (k == merge.NormalizeName(before.Name) || k == merge.NormalizeName(before.LatinName)) {
			continue
		}
		names = append(names, k)
	}
	email := merge.NormalizeEmail(p.Email)
	if before != nil && email == merge.NormalizeEmail(before.Email) {
		email = ""
	}
	wechat := strings.TrimSpace(p.WeChat)
	if before != nil && strings.EqualFold(wechat, strings.TrimSpace(before.WeChat)) {
		wechat = ""
	}
	var cards []string
	for _, c := range p.CardNumbers() {
		if before == nil || !slices.Contains(before.CardNumbers(), c) {
			cards = append(cards, c)
		}
	}
	var out []Duplicate
	seen := map[string]bool{p.ID: p.ID != ""}
	add := func(s profile.Summary, by, key string) {
		if seen[s.ID] || s.Status == profile.Archived {
			return
		}
		seen[s.ID] = true
		d := Duplicate{ID: s.ID, Name: s.DisplayName(), By: by, Key: key}
		if len(s.Phones) > 0 {
			d.Phone = "+" + s.Phones[0]
		}
		out = append(out, d)
	}
	byID := func(ids []string, by, key string) {
		for _, id := range ids {
			if s, err := f.tx.Summary(id); err == nil {
				add(s, by, key)
			}
		}
	}
	for _, c := range cards {
		byID(f.tx.FindByCard(c), DupCard, c)
	}
	if wechat != "" {
		byID(f.tx.FindByWeChat(wechat), DupWeChat, wechat)
	}
	if len(names) == 0 && email == "" {
		return out, nil
	}
	if err := f.load(); err != nil {
		return nil, err
	}
	for _, i := range f.byEmail[email] {
		add(f.sums[i], DupEmail, email)
	}
	for _, k := range names {
		for _, i := range f.byName[k] {
			s := f.sums[i]
			shown := s.Name
			if merge.NormalizeName(shown) != k {
				shown = s.LatinName
			}
			add(s, DupName, strings.TrimSpace(shown))
		}
	}
	return out, nil
}

// ImportDuplicate is a record of an import that would add a client who
// looks like clients already in the book.
type ImportDuplicate struct {
	Line int         `json:"line"`
	Name string      `json:"name"`
	Dups []Duplicate `json:"likely_duplicates"`
}

// ImportDuplicates returns the records of plan that would add a client
// looking like clients already in the book (the same name with another
// phone, the same e-mail, WeChat or card), for the import's dry run.
func (b *Book) ImportDuplicates(plan *interchange.Plan) ([]ImportDuplicate, error) {
	var out []ImportDuplicate
	err := b.View(func(tx *store.Tx) error {
		f := &dupFinder{tx: tx}
		for i := range plan.New {
			it := &plan.New[i]
			dups, err := f.find(it.Record(), nil)
			if err != nil {
				return err
			}
			if len(dups) > 0 {
				out = append(out, ImportDuplicate{Line: it.Line, Name: it.Name, Dups: dups})
			}
		}
		return nil
	})
	return out, err
}

// refuseDuplicates returns a *DuplicateError when p looks like clients of
// the book (duplicates), unless the write goes on despite them.
func refuseDuplicates(tx *store.Tx, p, before *profile.Profile, opts []Also) error {
	var a also
	for _, o := range opts {
		o(&a)
	}
	if a.despite {
		return nil
	}
	dups, err := duplicates(tx, p, before)
	if err != nil || len(dups) == 0 {
		return err
	}
	return &DuplicateError{Name: p.DisplayName(), Dups: dups}
}
