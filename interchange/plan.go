package interchange

import (
	"fmt"
	"strings"
	"time"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// Item is one record of a plan: a client to add, or a client of the book
// it merges into.
type Item struct {
	Line      int      `json:"line"`
	Lines     []int    `json:"merged_lines,omitempty"` // duplicates in the file folded into this one
	Name      string   `json:"name"`
	ClientID  string   `json:"client_id,omitempty"` // the client merged into (or created, after Apply)
	Into      string   `json:"into,omitempty"`      // that client's name in the book
	MatchedBy string   `json:"matched_by,omitempty"`
	Changes   []string `json:"changes,omitempty"`
	NewNotes  int      `json:"new_notes,omitempty"`

	profile *profile.Profile
	notes   []string
	known   int // how many of notes the client already has
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

// PlanOptions tune MakePlan.
type PlanOptions struct {
	// SourceTime is when the file's data was last true (its modification
	// time): a record without its own REV is newer than a client updated
	// before it, older than one updated after.
	SourceTime time.Time
}

// bookIndex finds clients by phone, e-mail and name.
type bookIndex struct {
	phone, email, name map[string][]string
	bday               map[string][]string // name + birthday month-day
	names              map[string]string
}

func indexBook(tx *store.Tx) (*bookIndex, error) {
	sums, err := tx.Summaries()
	if err != nil {
		return nil, err
	}
	ix := &bookIndex{phone: map[string][]string{}, email: map[string][]string{}, name: map[string][]string{},
		bday: map[string][]string{}, names: map[string]string{}}
	for _, s := range sums {
		ix.add(s.ID, s.DisplayName(), s.Phones, s.Email, s.Dates)
	}
	return ix, nil
}

func (ix *bookIndex) add(id, name string, phones []string, email string, dates []profile.ImportantDate) {
	ix.names[id] = name
	for _, ph := range phones {
		ix.phone[ph] = appendOnce(ix.phone[ph], id)
	}
	if email != "" {
		k := strings.ToLower(email)
		ix.email[k] = appendOnce(ix.email[k], id)
	}
	n := normName(name)
	ix.name[n] = appendOnce(ix.name[n], id)
	for _, d := range dates {
		if d.Kind == profile.DateBirthday {
			k := bdayKey(n, d)
			ix.bday[k] = appendOnce(ix.bday[k], id)
		}
	}
}

func bdayKey(name string, d profile.ImportantDate) string {
	return fmt.Sprintf("%s|%t|%d-%d", name, d.Lunar, d.When.Month, d.When.Day)
}

func appendOnce(s []string, id string) []string {
	for _, e := range s {
		if e == id {
			return s
		}
	}
	return append(s, id)
}

// match finds the client a record is: by phone or e-mail when the names
// agree (see sameName), then by name with the same birthday, then (for a
// record with no phone, e-mail or birthday) the one client of that name.
// It returns "" when none, an error text when the record points at several
// clients, and a warning when a phone or e-mail is a client's of another
// name (a couple sharing a home phone are two clients).
func (ix *bookIndex) match(p *profile.Profile, cc string) (id, by, ambiguous, warn string) {
	found := map[string]string{}
	var order []string
	note := func(ids []string, how string) {
		for _, id := range ids {
			if _, ok := found[id]; !ok {
				found[id] = how
				order = append(order, id)
			}
		}
	}
	var others []string
	named := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			other := profile.Profile{Name: ix.names[id]}
			if sameName(p, &other) {
				out = append(out, id)
			} else if !containsFunc(others, func(s string) bool { return s == id }) {
				others = append(others, id)
			}
		}
		return out
	}
	for _, n := range p.NormalizedPhones(cc) {
		note(named(ix.phone[n]), "phone +"+n)
	}
	if p.Email != "" {
		note(named(ix.email[strings.ToLower(p.Email)]), "e-mail "+p.Email)
	}
	if len(found) == 0 && len(others) > 0 {
		var who []string
		for _, id := range others {
			who = append(who, fmt.Sprintf("%s (%s)", ix.names[id], id))
		}
		warn = "shares a phone or e-mail with " + strings.Join(who, ", ") + " but not the name; added as a new client"
	}
	if len(found) == 0 {
		if b, ok := p.Birthday(); ok {
			note(ix.bday[bdayKey(normName(p.DisplayName()), b)], "name and birthday")
		} else if len(p.Phones) == 0 && p.Email == "" {
			note(ix.name[normName(p.DisplayName())], "name")
		}
	}
	switch len(order) {
	case 0:
		return "", "", "", warn
	case 1:
		return order[0], found[order[0]], "", ""
	}
	var who []string
	for _, id := range order {
		who = append(who, fmt.Sprintf("%s (%s, by %s)", ix.names[id], id, found[id]))
	}
	return "", "", "matches several clients: " + strings.Join(who, "; ") + "; merge them in the book first, or fix the file", ""
}

// MakePlan decides, for each record of src, what an import into the book
// would do. It reads the book only; nothing is written.
func MakePlan(tx *store.Tx, src *Source, o PlanOptions) (*Plan, error) {
	cc := tx.Book().Meta().CountryCode
	ix, err := indexBook(tx)
	if err != nil {
		return nil, err
	}
	pl := &Plan{Source: src, Skipped: append([]Skip(nil), src.Skipped...), Warnings: append([]Warning(nil), src.Warnings...)}
	merged := map[string]int{} // client id -> index in pl.Merged, when records land on one client
	source := "import " + src.Name
	now := tx.Now()
	for i := range src.Records {
		r := &src.Records[i]
		id, by, amb, warn := ix.match(&r.Profile, cc)
		if warn != "" {
			pl.Warnings = append(pl.Warnings, Warning{Line: r.Line, Name: r.name(), Text: warn})
		}
		if amb != "" {
			pl.Skipped = append(pl.Skipped, Skip{Line: r.Line, Name: r.name(), Reason: amb})
			continue
		}
		if id == "" {
			p := r.Profile
			pl.New = append(pl.New, Item{Line: r.Line, Lines: r.Lines, Name: r.name(), profile: &p, notes: r.Notes})
			continue
		}
		k, ok := merged[id]
		if !ok {
			cur, err := tx.Client(id)
			if err != nil {
				return nil, err
			}
			existing, err := tx.Notes(id)
			if err != nil {
				return nil, err
			}
			it := Item{Line: r.Line, Lines: r.Lines, Name: r.name(), ClientID: id, Into: cur.DisplayName(), MatchedBy: by, profile: cur}
			for _, n := range existing {
				it.notes = append(it.notes, n.Text) // the texts the client has; new ones follow
			}
			it.known = len(it.notes)
			k = len(pl.Merged)
			merged[id] = k
			pl.Merged = append(pl.Merged, it)
		} else {
			pl.Merged[k].Lines = append(pl.Merged[k].Lines, r.Line)
		}
		it := &pl.Merged[k]
		when := firstTime(r.Rev, o.SourceTime)
		it.Changes = append(it.Changes, MergeProfile(it.profile, &r.Profile,
			MergeOptions{SrcNewer: when.After(it.profile.Updated), Source: source, At: now, CC: cc})...)
		for _, n := range r.Notes {
			if !containsFunc(it.notes, func(e string) bool { return e == n }) {
				it.notes = append(it.notes, n)
			}
		}
	}
	// Merges that change nothing are unchanged; keep only the new notes.
	kept := pl.Merged[:0]
	for _, it := range pl.Merged {
		it.notes = it.notes[it.known:]
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
// a failure leaves the book as it was.
func Apply(tx *store.Tx, pl *Plan, progress func(done, total int)) error {
	total := len(pl.New) + len(pl.Merged)
	done := 0
	step := func() {
		done++
		if progress != nil && (done%200 == 0 || done == total) {
			progress(done, total)
		}
	}
	for i := range pl.New {
		it := &pl.New[i]
		p := *it.profile
		if err := tx.AddClient(&p); err != nil {
			return fmt.Errorf("line %d (%s): %w", it.Line, it.Name, err)
		}
		it.ClientID = p.ID
		if err := addNotes(tx, p.ID, it.notes); err != nil {
			return fmt.Errorf("line %d (%s): %w", it.Line, it.Name, err)
		}
		step()
	}
	for i := range pl.Merged {
		it := &pl.Merged[i]
		if err := tx.UpdateClient(it.profile); err != nil {
			return fmt.Errorf("line %d (%s): %w", it.Line, it.Name, err)
		}
		if err := addNotes(tx, it.ClientID, it.notes); err != nil {
			return fmt.Errorf("line %d (%s): %w", it.Line, it.Name, err)
		}
		step()
	}
	return nil
}

func addNotes(tx *store.Tx, id string, texts []string) error {
	for _, t := range texts {
		n := notes.Note{ClientID: id, Kind: notes.General, Text: t}
		if err := tx.AddNote(&n); err != nil {
			return err
		}
	}
	return nil
}
