package handover

import (
	"bytes"
	"encoding/json"
	"errors"
	"github.com/vipbook/vipbook/i18n"
	"io"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/merge"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/rules"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// IntroduceDays is how many days after the import the "introduce yourself"
// task of a received client is due.
const IntroduceDays = 3

// ImportOptions tune Import.
type ImportOptions struct {
	// Lang ("en" or "zh") is the language of the tasks and notes Import
	// writes.
	Lang string
	// Restore reads back a book's own export (vipbook import of a JSON
	// export, interchange.Export.Bundle): the clients are the associate's
	// own, so no task to introduce oneself is added.
	Restore bool
	// NoteLimit is the largest note the book takes, in bytes
	// (config.Limits.NoteLimit; 0: notes.TextLimit): a bundle with a longer
	// note, task, request or appointment text, or a name or profile past
	// the book's limits, is refused whole (TooLargeError).
	NoteLimit int
	// Despite adds a client of the bundle who has the name of a client of
	// the book but no phone, e-mail or id in common (two people of one
	// name, or one person with a new phone) as a new client. Without it,
	// Apply refuses the whole bundle with a LikelyError listing them (the
	// preview reports them, Item.Likely), so the associate is asked. A
	// Restore (the book's own export) never refuses.
	Despite bool
	// AllowErased imports clients whose phone or e-mail is an erased
	// client's (store.Tx.Erased); without it they are skipped and reported
	// (Action Erased).
	AllowErased bool
}

// Action is what an import does with one client of the bundle.
type Action string

// The actions of an import.
const (
	Added     Action = "new"       // not in the book: added
	Merged    Action = "merge"     // matched: merged, something changed
	Unchanged Action = "unchanged" // matched: the book already knew everything
	// Erased: not added, the client was erased from this book (ErasedOn).
	Erased Action = "erased"
)

// Item is what an import does with one client of the bundle.
type Item struct {
	SourceID string       `json:"source_id"` // the id in the giving book
	ID       string       `json:"id"`        // the id in this book
	Name     string       `json:"name"`
	Action   Action       `json:"action"`
	By       merge.Reason `json:"matched_by,omitempty"`
	// Others are further clients of this book that the client's keys also
	// find: worth a look, they may be duplicates.
	Others []string `json:"also_matches,omitempty"`
	// Conflicts are the fields both books fill differently that this
	// import settles (those settled by an earlier import are left out).
	Conflicts []merge.Conflict `json:"conflicts,omitempty"`
	// Added counts the records the import adds (Clients is unused).
	Added Counts `json:"added"`
	// Updated counts tasks reopened and requests moved on as the bundle has
	// them.
	Updated int `json:"updated,omitempty"`
	// Reactivated is true when the client was handed over or archived in
	// this book and is active again.
	Reactivated  bool `json:"reactivated,omitempty"`
	Introduce    bool `json:"introduce_task,omitempty"`
	DoNotContact bool `json:"do_not_contact,omitempty"`
	// Cancelled counts contact tasks cancelled because the client asked
	// not to be contacted.
	Cancelled int `json:"cancelled_tasks,omitempty"`
	// ErasedOn is the day (YYYY-MM-DD) the client was erased from this
	// book, at the client's request, for Action Erased.
	ErasedOn string `json:"erased_on,omitempty"`
	// Likely are the clients of this book with the same name (any script,
	// spacing or case) as a client added, who share no phone, e-mail or id
	// with them: the same person with a new phone, or two people.
	Likely []Likeness `json:"likely_duplicates,omitempty"`
}

// Likeness is a client of the book that a client of the bundle may be.
type Likeness struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Phone string `json:"phone,omitempty"` // the first phone, normalised
}

// Report is what an import did (or, as a preview, would do).
type Report struct {
	Header    Header   `json:"header"`
	Items     []Item   `json:"clients"`
	New       int      `json:"new"`
	Merged    int      `json:"merged"`
	Unchanged int      `json:"unchanged"`
	Erased    int      `json:"erased,omitempty"`            // skipped: erased from this book
	Likely    int      `json:"likely_duplicates,omitempty"` // added, with the name of a client here
	Conflicts int      `json:"conflicts"`
	Added     Counts   `json:"added"`
	Introduce int      `json:"introduce_tasks"`
	Warnings  []string `json:"warnings,omitempty"`
	DryRun    bool     `json:"dry_run,omitempty"`

	despite bool // ImportOptions.Despite
}

// ErrLikelyDuplicates is what every LikelyError is (errors.Is).
var ErrLikelyDuplicates = errors.New("clients of the bundle have the names of clients of this book, with other phones: nothing was imported")

// LikelyError is Apply's refusal of a bundle whose new clients have the
// names of clients of the book (Item.Likely): nothing was imported; the
// report says what the import would have done. Import again with
// ImportOptions.Despite to add them as new clients.
type LikelyError struct{ Report *Report }

func (e *LikelyError) Error() string {
	k, args := e.Words()
	return i18n.New("en").T(k, args...)
}

// Is makes a LikelyError ErrLikelyDuplicates.
func (e *LikelyError) Is(target error) bool { return target == ErrLikelyDuplicates }

// Words returns the catalog key and its facts (i18n.Said): how many, and
// each pair.
func (e *LikelyError) Words() (i18n.Key, []any) {
	var pairs []string
	for _, it := range e.Report.Items {
		for _, l := range it.Likely {
			pairs = append(pairs, it.Name+" ~ "+l.Name+" ("+l.ID+")")
		}
	}
	return i18n.HoErrLikely, []any{e.Report.Likely, strings.Join(pairs, "; ")}
}

// Changes reports whether the import changes the book.
func (r *Report) Changes() bool { return r.New+r.Merged > 0 }

var errDryRun = errors.New("dry run: rolled back")

// Preview runs the import of bundle on b and rolls it back: the report says
// exactly what Apply would do.
func Preview(b *store.Book, bundle *Bundle, opt ImportOptions) (*Report, error) {
	return run(b, true, func(tx *store.Tx) (*Report, error) { return Import(tx, bundle, opt) })
}

// Apply imports bundle into b in one transaction: all of it or nothing.
func Apply(b *store.Book, bundle *Bundle, opt ImportOptions) (*Report, error) {
	return run(b, false, func(tx *store.Tx) (*Report, error) { return Import(tx, bundle, opt) })
}

// ApplyFile imports the bundle read from r, encrypted under passphrase,
// while it is decrypted and checked: the reading runs beside the writing,
// and the one transaction commits only once the whole bundle has been read
// and found sound. A wrong passphrase is refused before the book is
// touched; a damaged bundle rolls everything back. With dryRun it always
// rolls back, as Preview does.
func ApplyFile(b *store.Book, r io.Reader, passphrase string, opt ImportOptions, dryRun bool) (*Report, error) {
	plain, err := open(r, passphrase)
	if err != nil {
		return nil, err
	}
	type msg struct {
		h   *Header
		c   *Client
		err error
	}
	ch := make(chan msg, 256)
	done := make(chan struct{})
	defer close(done)
	send := func(m msg) error {
		select {
		case ch <- m:
			return nil
		case <-done:
			return errDryRun // the import gave up: stop reading
		}
	}
	go func() {
		defer close(ch)
		err := Stream(plain, func(h Header) error { return send(msg{h: &h}) },
			func(c *Client) error { return send(msg{c: c}) })
		if err = plain.damage(err); err != nil {
			_ = send(msg{err: err})
		}
	}()
	return run(b, dryRun, func(tx *store.Tx) (*Report, error) {
		first, ok := <-ch
		switch {
		case !ok:
			return nil, ErrDamaged
		case first.err != nil:
			return nil, first.err
		}
		im, rep := begin(tx, *first.h, opt)
		if err := im.index(); err != nil {
			return nil, err
		}
		for m := range ch {
			if m.err != nil {
				return nil, m.err
			}
			if err := im.add(m.c, rep); err != nil {
				return nil, err
			}
		}
		return rep, im.finish(rep)
	})
}

// run runs an import in one write transaction of b, rolled back when
// dryRun.
func run(b *store.Book, dryRun bool, imp func(tx *store.Tx) (*Report, error)) (*Report, error) {
	var rep *Report
	var likely *LikelyError
	err := b.Update(func(tx *store.Tx) error {
		r, err := imp(tx)
		if err != nil {
			return err
		}
		rep = r
		if dryRun {
			return errDryRun
		}
		if r.Likely > 0 && !r.despite {
			likely = &LikelyError{Report: r}
			return likely
		}
		return nil
	})
	if likely != nil && errors.Is(err, likely) {
		return rep, likely
	}
	if dryRun && errors.Is(err, errDryRun) && rep != nil {
		rep.DryRun = true
		return rep, nil
	}
	if err != nil {
		return nil, err
	}
	return rep, nil
}

// importer carries one import.
type importer struct {
	tx     *store.Tx
	h      Header
	opt    ImportOptions
	meta   store.Meta
	now    time.Time
	today  civil.Date
	source string
	idx    *merge.Index
	idmap  map[string]string // id in the giving book -> id in this book
	// created holds the clients this import added, by id in this book,
	// until client has read them.
	created map[string]*profile.Profile
	// createdFrom is the id in the giving book of each client added.
	createdFrom map[string]string
	// taken are the clients of this book a client of the bundle went to.
	taken map[string]bool
	// byName are the book's clients (before the import) by normalised
	// name, for the likely duplicates of a client added.
	byName map[string][]profile.Summary
	// referrals are clients whose referrer comes later in the bundle.
	referrals []referral
	// Notes, purchases and tasks are loaded at the end, all at once, in key
	// order; batched remembers the task ids and origins already in the
	// batch, taskItem the item each batched task counts on.
	notes     []notes.Note
	purchases []profile.Purchase
	// noteJSON and purchaseJSON are the bundle's JSON of the notes and
	// purchases that the book stores as they are (they keep their client's
	// id), nil for the others: the load skips encoding them again.
	noteJSON, purchaseJSON [][]byte
	tasks                  []tasks.Task
	taskItem               []int
	// taskCancelled marks the batched tasks that arrive cancelled (contact
	// tasks of a do-not-contact client).
	taskCancelled []bool
	batched       map[string]bool
}

// referral is a client (item) whose referrer (a client of the giving book)
// is mapped when the whole bundle is in.
type referral struct {
	item int
	from string
}

// Import imports bundle inside tx (see the package doc) and reports what it
// did. The caller commits or rolls back; Apply and Preview do it for you.
func Import(tx *store.Tx, bundle *Bundle, opt ImportOptions) (*Report, error) {
	im, rep := begin(tx, bundle.Header, opt)
	if err := im.index(); err != nil {
		return nil, err
	}
	for i := range bundle.Clients {
		if err := im.add(&bundle.Clients[i], rep); err != nil {
			return nil, err
		}
	}
	return rep, im.finish(rep)
}

// begin starts the import of a bundle with header h.
func begin(tx *store.Tx, h Header, opt ImportOptions) (*importer, *Report) {
	// The clients are written one by one: their search keys and days of
	// purchases go in at the end, in key order.
	tx.DeferIndexes()
	im := &importer{tx: tx, h: h, opt: opt, meta: tx.Book().Meta(), now: tx.Now(),
		idmap: make(map[string]string, h.Clients), created: map[string]*profile.Profile{},
		createdFrom: map[string]string{}, batched: map[string]bool{}, taken: map[string]bool{}}
	im.today = civil.Of(im.now)
	cat := i18n.New(opt.Lang)
	im.source = cat.T(i18n.HoStoredSource, h.From.Associate)
	rep := &Report{Header: h, Items: make([]Item, 0, min(h.Clients, 1<<16)), despite: opt.Despite || opt.Restore}
	if h.To != "" && !strings.EqualFold(strings.TrimSpace(h.To), strings.TrimSpace(im.meta.Associate)) {
		rep.Warnings = append(rep.Warnings, cat.T(i18n.HoWarnBundleForOther, h.To, im.meta.Associate))
	}
	if h.Currency != "" && im.meta.Currency != "" && h.Currency != im.meta.Currency {
		rep.Warnings = append(rep.Warnings, cat.T(i18n.HoWarnCurrencyDiffers, h.Currency, im.meta.Currency))
	}
	return im, rep
}

// index reads the book's clients for matching.
func (im *importer) index() error {
	sums, err := im.tx.Summaries()
	if err != nil {
		return err
	}
	im.idx = merge.IndexSummaries(sums)
	im.byName = map[string][]profile.Summary{}
	for _, s := range sums {
		if s.Status == profile.Archived {
			continue
		}
		for _, n := range []string{s.Name, s.LatinName} {
			if k := merge.NormalizeName(n); k != "" {
				im.byName[k] = append(im.byName[k], s)
			}
		}
	}
	return nil
}

// add imports one client of the bundle: matched with the book (or with a
// client added earlier in this import) and merged, or added.
func (im *importer) add(c *Client, rep *Report) error {
	if err := checkSizes(c, im.opt.NoteLimit); err != nil {
		return err
	}
	rep.Items = append(rep.Items, Item{})
	i := len(rep.Items) - 1
	if err := im.place(c, &rep.Items[i]); err != nil {
		return err
	}
	if rep.Items[i].Action == Erased {
		return nil
	}
	return im.client(c, i, &rep.Items[i])
}

// finish maps the referrals, loads the history and totals the report.
func (im *importer) finish(rep *Report) error {
	for _, r := range im.referrals {
		it := &rep.Items[r.item]
		to := im.mapID(r.from)
		if to == "" {
			continue // the referrer did not come along
		}
		err := im.tx.UpdateClientWith(it.ID, func(p *profile.Profile) error {
			if p.ReferredBy == "" {
				p.ReferredBy = to
			}
			return nil
		})
		if err != nil {
			return err
		}
		if it.Action != Added {
			it.Action = Merged
		}
	}
	if err := im.history(rep); err != nil {
		return err
	}
	for i := range rep.Items {
		it := &rep.Items[i]
		switch it.Action {
		case Erased:
			rep.Erased++
			continue
		case Added:
			rep.New++
			if len(it.Likely) > 0 {
				rep.Likely++
			}
		case Merged:
			rep.Merged++
		default:
			rep.Unchanged++
		}
		rep.Conflicts += len(it.Conflicts)
		rep.Added.Notes += it.Added.Notes
		rep.Added.Purchases += it.Added.Purchases
		rep.Added.Tasks += it.Added.Tasks
		rep.Added.Appointments += it.Added.Appointments
		rep.Added.Requests += it.Added.Requests
		if it.Introduce {
			rep.Introduce++
		}
	}
	rep.Added.Clients = rep.New
	return nil
}

// place matches a client of the bundle with one of the book, or adds it.
// The giving book's id, when this book holds it under an agreeing name, is
// the strongest match (the client came from here, or came before); then
// merge's phone, e-mail, name with birthday. Two clients of one bundle are
// two people in the giving book: they never merge into one here, so a
// client whose match another client of the bundle took is added.
func (im *importer) place(c *Client, it *Item) error {
	cc := im.h.CountryCode
	it.SourceID, it.Name = c.Profile.ID, c.Profile.DisplayName()
	keys := merge.KeysOfProfile(&c.Profile, cc)
	m, ok := merge.Match{}, false
	sid := c.Profile.ID
	if to, alias := im.tx.Alias(sid); alias {
		sid = to // merged away here: the client it went into (issue 11)
	}
	if s, err := im.tx.Summary(sid); err == nil && !im.taken[s.ID] &&
		merge.NamesAgree(s.Name, s.LatinName, c.Profile.Name, c.Profile.LatinName) {
		m, ok = merge.Match{ID: s.ID, By: merge.ByID}, true
	} else if m, ok = im.idx.Match("", keys); ok {
		// A shared phone or e-mail is a match only under an agreeing name
		// (a couple's home phone is two clients), and only with a client
		// no other client of the bundle went to.
		cands := append([]string{m.ID}, m.Others...)
		ok = false
		for i, id := range cands {
			s, err := im.tx.Summary(id)
			if err != nil || im.taken[id] || !merge.NamesAgree(s.Name, s.LatinName, c.Profile.Name, c.Profile.LatinName) {
				continue
			}
			m.ID, ok = id, true
			m.Others = append(cands[:i:i], cands[i+1:]...)
			break
		}
		if !ok {
			it.Others = cands
		}
	}
	if ok {
		it.ID, it.By, it.Others = m.ID, m.By, m.Others
		im.idmap[c.Profile.ID] = m.ID
		im.taken[m.ID] = true
		im.idx.Add(m.ID, keys)
		return nil
	}
	p := c.Profile // the slices are shared with the bundle, which is not written to
	p.HandedOver = nil
	p.ReferredBy = "" // mapped in client, or in finish when the referrer comes later
	p.History = append([]profile.FieldChange(nil), p.History...)
	p.Phones = localPhones(p.Phones, cc, im.meta.CountryCode)
	if !im.opt.AllowErased {
		if e, gone := im.tx.Erased(&p, ""); gone {
			it.Action, it.ErasedOn = Erased, e.Day
			return nil
		}
	} else if err := im.tx.Unbury(&p, ""); err != nil {
		return err
	}
	p.Owners = receive(p.Owners, im.meta.Associate, im.meta.Store, im.now)
	if _, alias := im.tx.Alias(p.ID); alias || im.tx.HasClient(p.ID) {
		p.ID = "" // that id is another client's here, or was merged away: the book gives a new one
	}
	it.Likely = im.likely(&p)
	if err := im.tx.AddClient(&p); err != nil {
		return err
	}
	it.ID, it.Action = p.ID, Added
	im.idmap[c.Profile.ID] = p.ID
	im.created[p.ID] = &p
	im.createdFrom[p.ID] = c.Profile.ID
	im.taken[p.ID] = true
	if cc != im.meta.CountryCode {
		// Read with this book's country code, as the book reads them.
		keys = merge.KeysOfProfile(&p, im.meta.CountryCode)
	} // else p has the keys of the client of the bundle: its phones are not read again
	im.idx.Add(p.ID, keys)
	return nil
}

// likely returns the clients of the book (as it was before the import)
// whose name is p's, and whom no other client of the bundle went to.
func (im *importer) likely(p *profile.Profile) []Likeness {
	var out []Likeness
	seen := map[string]bool{}
	for _, n := range []string{p.Name, p.LatinName} {
		for _, s := range im.byName[merge.NormalizeName(n)] {
			if merge.NormalizeName(n) == "" || seen[s.ID] || im.taken[s.ID] {
				continue
			}
			seen[s.ID] = true
			l := Likeness{ID: s.ID, Name: s.DisplayName()}
			if len(s.Phones) > 0 {
				l.Phone = "+" + s.Phones[0]
			}
			out = append(out, l)
		}
	}
	return out
}

// localPhones writes numbers typed for another country's book with their
// country code, so this book reads them as the same numbers.
func localPhones(phones []profile.Phone, from, to string) []profile.Phone {
	if from == "" || to == "" || from == to {
		return phones
	}
	out := make([]profile.Phone, len(phones))
	for i, ph := range phones {
		if n := profile.NormalizePhone(ph.Number, from); n != "" && !strings.HasPrefix(strings.TrimSpace(ph.Number), "+") {
			ph.Number = "+" + n
		}
		out[i] = ph
	}
	return out
}

// receive returns the owner trail with the receiving associate holding the
// client: unchanged when their period is already open (the giver named
// them, or an earlier import opened it), else the open periods closed at
// now and theirs opened.
func receive(owners []profile.Ownership, associate, storeName string, now time.Time) []profile.Ownership {
	for i, o := range owners {
		if o.To.IsZero() && strings.EqualFold(strings.TrimSpace(o.Associate), strings.TrimSpace(associate)) {
			if o.Store == "" && storeName != "" {
				out := append([]profile.Ownership(nil), owners...)
				out[i].Store = storeName
				return out
			}
			return owners
		}
	}
	out := make([]profile.Ownership, 0, len(owners)+1)
	for _, o := range owners {
		if o.To.IsZero() {
			o.To = now
		}
		out = append(out, o)
	}
	return append(out, profile.Ownership{Associate: associate, Store: storeName, From: now})
}

// mapID returns the id in this book of a client of the giving book, "" when
// the client is not in the bundle.
func (im *importer) mapID(id string) string {
	if id == "" {
		return ""
	}
	return im.idmap[id]
}

func cloneProfile(p *profile.Profile) (*profile.Profile, error) {
	raw, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	var out profile.Profile
	return &out, json.Unmarshal(raw, &out)
}

func sameProfile(a, b *profile.Profile) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

// client merges one client of the bundle into the book and adds its records.
func (im *importer) client(c *Client, item int, it *Item) error {
	tx := im.tx
	id := it.ID
	changed := false
	var merged *profile.Profile
	if im.createdFrom[id] == c.Profile.ID {
		// Added by place: only the referral was left to map.
		merged = im.created[id]
		delete(im.created, id) // not needed again: the import holds less
		if ref := im.mapID(c.Profile.ReferredBy); ref != "" {
			merged.ReferredBy = ref
			if err := tx.UpdateClient(merged); err != nil {
				return err
			}
		} else if c.Profile.ReferredBy != "" {
			im.referrals = append(im.referrals, referral{item, c.Profile.ReferredBy})
		}
	} else {
		base, err := tx.Client(id)
		if err != nil {
			return err
		}
		if merged, err = cloneProfile(base); err != nil {
			return err
		}
		in := c.Profile
		in.ReferredBy = im.mapID(in.ReferredBy)
		in.HandedOver = nil
		it.Reactivated = base.HandedOver != nil
		conflicts := merge.Profiles(merged, &in, merge.Options{Prefer: merge.PreferNewer, Now: im.now, Source: im.source,
			BookCC: im.meta.CountryCode, IncomingCC: im.h.CountryCode})
		for _, cf := range conflicts {
			if !cf.Known {
				it.Conflicts = append(it.Conflicts, cf)
			}
		}
		merged.HandedOver = nil
		merged.Owners = receive(merged.Owners, im.meta.Associate, im.meta.Store, im.now)
		if merged.ReferredBy == "" && c.Profile.ReferredBy != "" && in.ReferredBy == "" {
			im.referrals = append(im.referrals, referral{item, c.Profile.ReferredBy})
		}
		merged.Updated = base.Updated
		if !sameProfile(base, merged) {
			if err := tx.UpdateClient(merged); err != nil {
				return err
			}
			changed = true
		}
	}
	it.DoNotContact = merged.Consent.DoNotContact

	sameID := id == c.Profile.ID
	for i, n := range c.Notes {
		if n.Private {
			continue // a private note is the giver's own (an older bundle may carry one)
		}
		n.ClientID = id
		im.notes = append(im.notes, n)
		im.noteJSON = append(im.noteJSON, kept(c.noteJSON, i, sameID))
	}
	if len(it.Conflicts) > 0 {
		im.notes = append(im.notes, notes.Note{ClientID: id, Kind: notes.General, At: im.now, Author: im.meta.Associate,
			Text: im.conflictNote(it.Conflicts)})
		im.noteJSON = append(im.noteJSON, nil)
	}
	for i, p := range c.Purchases {
		p.ClientID = id
		im.purchases = append(im.purchases, p)
		im.purchaseJSON = append(im.purchaseJSON, kept(c.purchaseJSON, i, sameID))
	}
	if err := im.addTasks(c, item, it, merged.Consent.DoNotContact); err != nil {
		return err
	}
	if err := im.appointments(c, it); err != nil {
		return err
	}
	if err := im.requests(c, it); err != nil {
		return err
	}
	if merged.Consent.DoNotContact {
		cancels := rules.Rules{Lang: im.opt.Lang}.ContactCancels(false, true, tx.ClientTasks(id), im.now)
		for i := range cancels {
			if err := tx.UpdateTask(&cancels[i]); err != nil {
				return err
			}
		}
		it.Cancelled += len(cancels)
	} else if !im.opt.Restore {
		origin := "handover:" + im.h.ID + ":" + id
		if !tx.HasOrigin(origin) && !im.batched["intro:"+origin] && !im.batched["introduced:"+id] && !introduced(tx.ClientTasks(id)) {
			im.batched["intro:"+origin] = true
			im.batched["introduced:"+id] = true
			im.tasks = append(im.tasks, tasks.Task{ClientID: id, Kind: tasks.Introduce, Due: im.today.AddDays(IntroduceDays),
				Status: tasks.Open, Origin: origin, Assignee: im.meta.Associate, Created: im.now, Title: im.introduceTitle(merged)})
			im.taskItem = append(im.taskItem, -1)
			im.taskCancelled = append(im.taskCancelled, false)
			it.Introduce = true
		}
	}
	if changed {
		it.Action = Merged // Import settles Added and Unchanged after the history is loaded
	}
	return nil
}

// introduced reports whether the client already has an "introduce
// yourself" task here that was not cancelled: open, it is still to do;
// done, the associate knows the client. A second bundle (from the same
// colleague or another) adds no second one.
func introduced(have []tasks.Task) bool {
	for i := range have {
		if have[i].Kind == tasks.Introduce && have[i].Status != tasks.Cancelled {
			return true
		}
	}
	return false
}

// kept returns the bundle's JSON of a client's i-th note or purchase when
// the record keeps its client id (the JSON names the client), else nil.
func kept(raw [][]byte, i int, sameID bool) []byte {
	if !sameID || i >= len(raw) {
		return nil
	}
	return raw[i]
}

// history loads the notes and purchases of every client at once and
// counts them on the items.
func (im *importer) history(rep *Report) error {
	addedNotes, err := im.tx.ImportNotesJSON(im.notes, im.noteJSON)
	if err != nil {
		return err
	}
	im.notes, im.noteJSON = nil, nil // stored: let them go before the rest is loaded
	addedPurchases, err := im.tx.ImportPurchasesJSON(im.purchases, im.purchaseJSON)
	if err != nil {
		return err
	}
	im.purchases, im.purchaseJSON = nil, nil
	if err := im.loadTasks(rep); err != nil {
		return err
	}
	for i := range rep.Items {
		it := &rep.Items[i]
		if it.Action == Erased {
			continue
		}
		// Two clients of the bundle merged into one count once.
		it.Added.Notes, it.Added.Purchases = addedNotes[it.ID], addedPurchases[it.ID]
		delete(addedNotes, it.ID)
		delete(addedPurchases, it.ID)
		changed := it.Action == Merged || it.Added != (Counts{}) || it.Updated > 0 || it.Cancelled > 0 || it.Introduce
		switch {
		case im.createdFrom[it.ID] == it.SourceID:
			it.Action = Added
		case changed:
			it.Action = Merged
		default:
			it.Action = Unchanged
		}
	}
	return nil
}

func (im *importer) introduceTitle(p *profile.Profile) string {
	from := im.h.From.Associate
	return i18n.New(im.opt.Lang).T(i18n.HoStoredIntroduce, p.DisplayName(), from)
}

// conflictNote is the note that puts the replaced values in the client's
// timeline.
func (im *importer) conflictNote(cs []merge.Conflict) string {
	var b strings.Builder
	cat := i18n.New(im.opt.Lang)
	b.WriteString(cat.T(i18n.HoStoredMergedWith, im.h.From.Associate))
	for _, c := range cs {
		b.WriteString("\n  " + cat.T(i18n.HoStoredOlderValue, c.Field, c.Loser(), c.Winner()))
	}
	return b.String()
}

// rewriteOrigin points a rule task's origin at the client's id in this
// book, so the rules here recognise it and never make it twice.
func (im *importer) rewriteOrigin(o string) string {
	parts := strings.SplitN(o, ":", 3)
	if len(parts) < 2 {
		return o
	}
	switch parts[0] {
	case "rhythm", "referral", "top_spender":
		if id := im.mapID(parts[1]); id != "" {
			parts[1] = id
			return strings.Join(parts, ":")
		}
	}
	return o
}

// addTasks batches the client's open tasks, assigned to the receiving
// associate, leaving out those the book has; a task the book closed
// before the bundle was made is reopened as the bundle has it. A
// do-not-contact client's contact tasks arrive cancelled. Rule origins are
// rewritten when the batch is loaded, once every client has its id here.
func (im *importer) addTasks(c *Client, item int, it *Item, dnc bool) error {
	tx := im.tx
	have := tx.ClientTasks(it.ID)
	dup := func(t *tasks.Task) bool {
		for i := range have {
			if have[i].Created.Equal(t.Created) && have[i].Title == t.Title {
				return true
			}
		}
		return false
	}
	for _, t := range c.Tasks {
		if t.Kind == tasks.Introduce && strings.HasPrefix(t.Origin, "handover:") && !im.opt.Restore {
			// The giver's own introduction after a handover is not the
			// receiver's: the receiver gets one (client), once. A
			// referral's follow-up (also an introduction) travels.
			continue
		}
		t.ClientID = it.ID
		t.Assignee = im.meta.Associate
		cancelled := false
		if dnc {
			if cs := (rules.Rules{Lang: im.opt.Lang}).ContactCancels(false, true, []tasks.Task{t}, im.now); len(cs) == 1 {
				t, cancelled = cs[0], true
			}
		}
		if ex, err := tx.Task(t.ID); err == nil {
			if ex.ClientID == it.ID {
				// The same task. Reopen it when this book closed it before
				// the bundle was made (it went away with the client and
				// comes back open).
				if !ex.IsOpen() && t.IsOpen() && ex.DoneAt.Before(im.h.Created) {
					t.Origin = ex.Origin
					if err := tx.UpdateTask(&t); err != nil {
						return err
					}
					it.Updated++
				}
				continue
			}
			if dup(&t) {
				continue
			}
			t.ID = "" // the id is another client's task here
		}
		if dup(&t) || (t.ID != "" && im.batched["id:"+t.ID]) {
			continue
		}
		if t.ID != "" {
			im.batched["id:"+t.ID] = true
		}
		im.tasks = append(im.tasks, t)
		im.taskItem = append(im.taskItem, item)
		im.taskCancelled = append(im.taskCancelled, cancelled)
		it.Added.Tasks++
		if cancelled {
			it.Cancelled++
		}
	}
	return nil
}

// loadTasks rewrites the batched tasks' rule origins to the clients' ids
// here, leaves out those whose origin the book (or the batch) has, and
// loads the rest.
func (im *importer) loadTasks(rep *Report) error {
	out := im.tasks[:0]
	for i, t := range im.tasks {
		item := im.taskItem[i]
		if item >= 0 { // the introduce tasks (-1) carry this book's origin already
			t.Origin = im.rewriteOrigin(t.Origin)
		}
		if t.Origin != "" && t.Origin != "manual" {
			if (item >= 0 && im.tx.HasOrigin(t.Origin)) || im.batched["origin:"+t.Origin] {
				if item >= 0 {
					rep.Items[item].Added.Tasks--
					if im.taskCancelled[i] {
						rep.Items[item].Cancelled--
					}
				}
				continue
			}
			im.batched["origin:"+t.Origin] = true
		}
		out = append(out, t)
	}
	_, err := im.tx.ImportTasks(out)
	return err
}

func (im *importer) appointments(c *Client, it *Item) error {
	tx := im.tx
	have := tx.ClientAppointments(it.ID)
	dup := func(a *visits.Appointment) bool {
		for i := range have {
			if have[i].Start.Equal(a.Start) && have[i].Created.Equal(a.Created) {
				return true
			}
		}
		return false
	}
	for _, a := range c.Appointments {
		a.ClientID = it.ID
		if ex, err := tx.Appointment(a.ID); err == nil {
			if ex.ClientID == it.ID || dup(&a) {
				continue
			}
			a.ID = ""
		} else if dup(&a) {
			continue
		}
		if err := tx.AddAppointment(&a); err != nil {
			return err
		}
		it.Added.Appointments++
	}
	return nil
}

// requestStage orders request statuses: a request only moves forward.
func requestStage(s requests.Status) int {
	switch s {
	case requests.Sourcing:
		return 1
	case requests.Fulfilled, requests.Declined:
		return 2
	}
	return 0
}

func (im *importer) requests(c *Client, it *Item) error {
	tx := im.tx
	have := tx.ClientRequests(it.ID)
	dup := func(r *requests.Request) bool {
		for i := range have {
			if have[i].What == r.What && have[i].Opened == r.Opened {
				return true
			}
		}
		return false
	}
	for _, r := range c.Requests {
		r.ClientID = it.ID
		if ex, err := tx.Request(r.ID); err == nil {
			if ex.ClientID == it.ID {
				if requestStage(r.Status) > requestStage(ex.Status) {
					if err := tx.UpdateRequest(&r); err != nil {
						return err
					}
					it.Updated++
				}
				continue
			}
			if dup(&r) {
				continue
			}
			r.ID = ""
		} else if dup(&r) {
			continue
		}
		if err := tx.AddRequest(&r); err != nil {
			return err
		}
		it.Added.Requests++
	}
	return nil
}
