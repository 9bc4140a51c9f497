package interchange

import (
	"strings"
	"time"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/merge"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// Item is one record of a plan: a client to add, or a client of the book
// it merges into.
type Item struct {
	Line     int    `json:"line"`
	Lines    []int  `json:"merged_lines,omitempty"` // duplicates in the file folded into this one
	Name     string `json:"name"`
	ClientID string `json:"client_id,omitempty"` // the client merged into (or created, after Apply)
	Into     string `json:"into,omitempty"`      // that client's name in the book
	// MatchedBy and Changes are By, Key, Diff and Kept worded in English
	// (i18n.Catalog.MatchedBy, Changes) for the JSON report; a report to
	// a person words those in its own language.
	MatchedBy string   `json:"matched_by,omitempty"`
	Changes   []string `json:"changes,omitempty"`
	NewNotes  int      `json:"new_notes,omitempty"`

	// By is how the record was matched to the client, Key the phone
	// number or e-mail address that matched (By is ByPhone or ByEmail).
	By  merge.Reason `json:"-"`
	Key string       `json:"-"`
	// Diff is what the merge changes in the client, Kept the values of the
	// file that lost to the book's.
	Diff []merge.Change   `json:"-"`
	Kept []merge.Conflict `json:"-"`

	profile *profile.Profile
	// uids are the file's keys of the records the item is made of
	// (Record.UID): links of other records name it by them.
	uids []string
	// unbury: the record is an erased client's, imported on purpose
	// (PlanOptions.AllowErased): Apply removes the tombstone.
	unbury bool
	notes  []NoteIn // the notes to add
	before *profile.Profile
	have   []NoteIn // the notes the client has
}

// Plan is what an import would do, record by record.
type Plan struct {
	Source    *Source   `json:"source"`
	New       []Item    `json:"new"`
	Merged    []Item    `json:"merged"`
	Unchanged []Item    `json:"unchanged"`
	Skipped   []Skip    `json:"skipped"`
	Warnings  []Warning `json:"warnings"`
}

// Record returns the client the record would add or merge, as read from
// the file (the book's likely duplicates are looked up with it).
func (it *Item) Record() *profile.Profile { return it.profile }

// PlanOptions tune MakePlan.
type PlanOptions struct {
	// SourceTime is when the file's data was last true (its modification
	// time): a record without its own REV is newer than a client updated
	// before it, older than one updated after.
	SourceTime time.Time
	// AllowErased imports records whose phone or e-mail is a client's
	// erased from the book (store.Tx.Erased); without it they are skipped
	// with the day of the erasure.
	AllowErased bool
}

// MakePlan decides, for each record of src, what an import into the book
// would do. It reads the book only; nothing is written.
//
// A record is the client merge.Index finds for it, matching strictly: by
// phone or e-mail when the names agree, then by name with the same
// birthday, then (for a record with no phone, e-mail or birthday) the
// client of that name. A record that finds several clients is skipped; one
// whose phone or e-mail is a client's of another name (a couple sharing a
// home phone are two clients) is added with a warning.
func MakePlan(tx *store.Tx, src *Source, o PlanOptions) (*Plan, error) {
	cc := tx.Book().Meta().CountryCode
	sums, err := tx.Summaries()
	if err != nil {
		return nil, err
	}
	en := i18n.New("en")
	names := make(map[string]string, len(sums))
	for i := range sums {
		names[sums[i].ID] = sums[i].DisplayName()
	}
	ix := merge.IndexSummaries(sums)
	ix.Strict = true
	pl := &Plan{Source: src, Skipped: append([]Skip(nil), src.Skipped...), Warnings: append([]Warning(nil), src.Warnings...)}
	merged := map[string]int{} // client id -> index in pl.Merged, when records land on one client
	source := "import " + src.Name
	now := tx.Now()
	linkRecords(src.Records, ix, cc, sums)
	var uids map[string]string // the book's clients by their card's UID, read when a card has one
	matches := make([]merge.Match, len(src.Records))
	newOnes := 0
	for i := range src.Records {
		r := &src.Records[i]
		m, ok := ix.Match("", r.keys(cc))
		if !ok && len(m.Others) == 0 && strings.HasPrefix(r.UID, "urn:uuid:") {
			// A card this book exported (in either form of its UID)
			// whose phone or e-mail has changed since: the same client,
			// when the name still agrees.
			if uids == nil {
				uids = bookUIDs(sums)
			}
			if id, found := uids[r.UID]; found && names[id] == r.name() {
				m = merge.Match{ID: id, By: merge.ByID}
			}
		}
		matches[i] = m
		if m.ID == "" {
			newOnes++
		}
	}
	if newOnes > 0 { // none: nil, as the JSON report has it
		pl.New = make([]Item, 0, newOnes) // at most (10k items grown one by one were copied some 14 times)
	}
	for i := range src.Records {
		r := &src.Records[i]
		m := matches[i]
		ok := m.ID != ""
		if !ok && len(m.Apart) > 0 {
			var who i18n.Clients
			for _, a := range m.Apart {
				who = append(who, i18n.ClientRef{Name: names[a.ID], ID: a.ID})
			}
			pl.Warnings = append(pl.Warnings, newWarning(r.Line, r.name(), msg(i18n.ImportSharesKeyInBook, who)))
		}
		if len(m.Others) > 0 {
			who := i18n.ClientMatches{{Name: names[m.ID], ID: m.ID, By: m.By, Key: m.Key}}
			for _, id := range m.Others {
				who = append(who, i18n.ClientRef{Name: names[id], ID: id})
			}
			pl.Skipped = append(pl.Skipped, newSkip(r.Line, r.name(), msg(i18n.ImportSeveralClients, who)))
			continue
		}
		if !ok {
			p := r.Profile
			e, gone := tx.Erased(&p, "")
			if gone && !o.AllowErased {
				s := newSkip(r.Line, r.name(), msg(i18n.ImportErased, e.Day))
				s.ErasedOn = e.Day
				pl.Skipped = append(pl.Skipped, s)
				continue
			}
			pl.New = append(pl.New, Item{Line: r.Line, Lines: r.Lines, Name: r.name(), profile: &p, notes: r.Notes, unbury: gone, uids: uidsOf(r)})
			continue
		}
		id := m.ID
		k, seen := merged[id]
		if !seen {
			cur, err := tx.Client(id)
			if err != nil {
				return nil, err
			}
			existing, err := tx.Notes(id)
			if err != nil {
				return nil, err
			}
			it := Item{Line: r.Line, Lines: r.Lines, Name: r.name(), ClientID: id, Into: cur.DisplayName(),
				MatchedBy: en.MatchedBy(m.By, m.Key), By: m.By, Key: m.Key, profile: cur, before: merge.Clone(cur)}
			for _, n := range existing {
				it.have = append(it.have, NoteIn{Text: n.Text, Kind: n.Kind, At: n.At})
			}
			k = len(pl.Merged)
			merged[id] = k
			pl.Merged = append(pl.Merged, it)
		} else {
			pl.Merged[k].Lines = append(pl.Merged[k].Lines, r.Line)
		}
		it := &pl.Merged[k]
		it.uids = append(it.uids, uidsOf(r)...)
		prefer := merge.PreferBook
		if firstTime(r.Rev, o.SourceTime).After(it.profile.Updated) {
			prefer = merge.PreferIncoming
		}
		for _, c := range merge.Profiles(it.profile, &r.Profile, merge.Options{Prefer: prefer, Now: now, Source: source, BookCC: cc, IncomingCC: cc}) {
			if c.Kept == "book" && !c.Known {
				it.Kept = append(it.Kept, c)
			}
		}
		for _, n := range newNotes(append(it.have, it.notes...), r.Notes) {
			if !tx.RemovedNoteText(id, n.Text, n.At) { // removed here: a file's copy does not bring it back
				it.notes = append(it.notes, n)
			}
		}
	}
	if len(pl.New) == 0 {
		pl.New = nil // every new one skipped (an erased client's): none, as the JSON report has it
	}
	// Merges that change nothing are unchanged.
	kept := pl.Merged[:0]
	for _, it := range pl.Merged {
		diff := merge.Diff(it.before, it.profile)
		it.Diff = diff
		it.Changes = en.Changes(diff, it.Kept)
		it.NewNotes = len(it.notes)
		if len(it.Changes) == 0 && it.NewNotes == 0 {
			pl.Unchanged = append(pl.Unchanged, it)
			continue
		}
		kept = append(kept, it)
	}
	pl.Merged = kept
	sortSkips(pl.Skipped)
	return pl, nil
}

// firstTime returns the first non-zero time.
func firstTime(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

// Apply carries out a plan in tx: new clients are added with their notes,
// merged clients are rewritten and get their new notes. progress, if not
// nil, is called as records are written. Run it in one store transaction:
// a failure leaves the book as it was. New clients and all notes are
// written in bulk (store.Tx.AddClients, ImportNotes), which keeps a large
// import into a new book fast; imported notes are history and start no
// follow-ups.
func Apply(tx *store.Tx, pl *Plan, progress func(done, total int)) error {
	tx.DeferIndexes()
	total := len(pl.New) + len(pl.Merged)
	report := func(done int) {
		if progress != nil {
			progress(done, total)
		}
	}
	// The plan's profiles are the clients written (given their ids and
	// stamps), not copied: 10k profiles held twice through the import.
	ps := make([]*profile.Profile, len(pl.New))
	for i := range pl.New {
		ps[i] = pl.New[i].profile
	}
	// The new clients' notes, in one allocation (82k notes for 10k
	// cards: grown one by one, the slice was copied some 30 times), added
	// with their clients, whose summaries are written once, counting them.
	n := 0
	for i := range pl.New {
		n += len(pl.New[i].notes)
	}
	all := make([]notes.Note, 0, n)
	of := make([][]notes.Note, len(pl.New))
	for i := range pl.New {
		start := len(all)
		all = appendNotes(all, pl.New[i].notes, "", tx.Now())
		// Not limited to its own length: AddClientsNotes writes notes
		// that follow each other in one slice where they lie, never
		// appending to a client's.
		of[i] = all[start:]
	}
	if err := tx.AddClientsNotes(ps, of); err != nil {
		return err
	}
	// The links to records the import adds, by their new ids.
	added := map[string]string{}
	for i := range pl.New {
		for _, k := range pl.New[i].uids {
			added[k] = ps[i].ID
		}
	}
	to := func(key string) (string, bool) { return added[key], false }
	for _, p := range ps {
		if hasFileKeys(p) {
			relink(p, to)
			if err := tx.UpdateClient(p); err != nil {
				return err
			}
		}
	}
	for i := range pl.Merged {
		relink(pl.Merged[i].profile, to)
	}
	for i := range pl.New {
		it := &pl.New[i]
		it.ClientID = ps[i].ID
		if it.unbury {
			if err := tx.Unbury(ps[i], ""); err != nil {
				return err
			}
		}
	}
	report(len(pl.New))
	var ns []notes.Note
	for i := range pl.Merged {
		it := &pl.Merged[i]
		if err := tx.UpdateClient(it.profile); err != nil {
			return &Error{Key: i18n.ImportErrRecord, Args: []any{it.Line, it.Name, err.Error()}, Err: err}
		}
		ns = appendNotes(ns, it.notes, it.ClientID, tx.Now())
		if done := len(pl.New) + i + 1; done%200 == 0 {
			report(done)
		}
	}
	if _, err := tx.ImportNotes(ns); err != nil {
		return err
	}
	report(total)
	return nil
}

// DropRecords lets go of what only Apply needs: the records read from the
// file and the profiles and notes of the plan's items (10k vCards' 82k
// notes and three copies of 10k profiles, which otherwise stay live until
// the command prints the plan, through the commit, where the import's
// memory peaks). The report stays: names, lines, counts and changes.
// Item.Record returns nil after.
func (pl *Plan) DropRecords() {
	if pl.Source != nil {
		pl.Source.Records = nil
	}
	for _, items := range [][]Item{pl.New, pl.Merged, pl.Unchanged} {
		for i := range items {
			it := &items[i]
			it.profile, it.before, it.notes, it.have = nil, nil, nil, nil
		}
	}
}

// MapAhead returns the memory map to open a book of bookSize bytes with
// (store.Options.MmapSize) for importing a file of fileSize bytes: room for
// what the import adds (a book grows about 12 bytes for each byte of
// vCards), so bbolt does not re-map and copy the transaction's pages at
// every doubling of a book that starts empty. It is at most 1 GiB, and 0
// (bbolt's default) for small files.
func MapAhead(bookSize, fileSize int64) int {
	if fileSize < 64<<10 {
		return 0
	}
	return int(min(bookSize+16*fileSize, 1<<30))
}

// appendNotes appends the book's notes for a client's imported ones. Those
// the file gave no time take the import's, a microsecond apart in the
// file's order, so they keep it (a CSV's notes cell is oldest first).
func appendNotes(ns []notes.Note, in []NoteIn, clientID string, now time.Time) []notes.Note {
	k := 0
	for _, n := range in {
		note := n.note(clientID)
		if note.At.IsZero() {
			note.At = now.Add(time.Duration(k) * time.Microsecond)
			k++
		}
		ns = append(ns, note)
	}
	return ns
}

// note is the book's note for an imported one: a general note now unless
// the file said its kind and time.
func (n NoteIn) note(clientID string) notes.Note {
	k := n.Kind
	if k == "" {
		k = notes.General
	}
	return notes.Note{ClientID: clientID, Kind: k, Text: n.Text, At: n.At}
}
