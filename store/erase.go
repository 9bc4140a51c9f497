package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
	bolt "go.etcd.io/bbolt"
)

// ErrNotCompacted is returned by EraseClients when the clients were erased
// but the book could not be compacted afterwards, so their bytes may still
// be in the file's free pages.
var ErrNotCompacted = errors.New("the clients were erased but the book file could not be compacted")

// ClientRecords is everything the book holds about one client, gathered
// in one place: what `vipbook export-client` hands over on a subject
// access request and what EraseClient deletes. The two read the same
// definition, so what is shown is what is erased.
type ClientRecords struct {
	Profile      *profile.Profile
	Summary      profile.Summary
	Notes        []notes.Note       // newest first
	Purchases    []profile.Purchase // newest first
	Tasks        []tasks.Task       // open ones first, then done and cancelled
	Appointments []visits.Appointment
	Requests     []requests.Request
	Drafts       []Draft
	// RuleState is the follow-up rules' state that names the client (the
	// standing top spender), by key.
	RuleState map[string]json.RawMessage
	// Referred are the ids of the clients whose profile says this client
	// introduced them (their referred_by is cleared by an erasure).
	Referred []string
	// Mentions are the tasks of other clients made about this client by a
	// rule (the referrer's thank-you names the new client); an erasure
	// deletes them.
	Mentions []tasks.Task
	// Damaged says the client's own record did not decode (EraseRecords):
	// Profile holds only what the summary says (none of it when the
	// summary is damaged too), and an erasure finds the phone and card
	// index entries and the search postings by the id instead.
	Damaged bool
}

// Count returns how many records the client has in the book, the profile
// counting as one.
func (c *ClientRecords) Count() int {
	return 1 + len(c.Notes) + len(c.Purchases) + len(c.Tasks) + len(c.Appointments) + len(c.Requests) +
		len(c.Drafts) + len(c.RuleState) + len(c.Mentions)
}

// ClientRecords gathers everything the book holds about the client id.
// A damaged note or purchase is an error (ErrDamaged) naming it.
func (tx *Tx) ClientRecords(id string) (*ClientRecords, error) { return tx.gather(id, false) }

// EraseRecords is ClientRecords as an erasure sees them (EraseClient):
// damaged records are skipped, not an error, and a client whose own
// record (or summary) is damaged is still found by its id, with Damaged
// set and the profile taken from the summary, so the erasure can go on.
func (tx *Tx) EraseRecords(id string) (*ClientRecords, error) { return tx.gather(id, true) }

// gather is ClientRecords; loose skips the client's notes and purchases
// that are damaged instead of failing, for an erasure, which deletes
// them by their keys whatever their state (removeClient).
func (tx *Tx) gather(id string, loose bool) (*ClientRecords, error) {
	p, err := tx.Client(id)
	damaged := loose && errors.Is(err, ErrDamaged)
	if err != nil && !damaged {
		return nil, err
	}
	c := &ClientRecords{Profile: p, Damaged: damaged}
	if c.Summary, err = tx.Summary(id); err != nil {
		if !loose || !(damaged || errors.Is(err, ErrDamaged)) {
			return nil, err
		}
		// A summary that does not decode, or, beside a damaged record,
		// none: the erasure goes by the id.
		c.Summary, c.Damaged = profile.Summary{ID: id}, true
	}
	if damaged {
		c.Profile = &profile.Profile{ID: id, Name: c.Summary.Name, LatinName: c.Summary.LatinName, Email: c.Summary.Email}
	}
	if c.Notes, err = tx.Notes(id); err != nil && !(loose && errors.Is(err, ErrDamaged)) {
		return nil, err
	}
	if c.Purchases, err = tx.Purchases(id); err != nil && !(loose && errors.Is(err, ErrDamaged)) {
		return nil, err
	}
	if loose {
		c.Notes, c.Purchases = soundRecords[notes.Note](tx.bucket(bNotes), id), soundRecords[profile.Purchase](tx.bucket(bPurchases), id)
	}
	c.Tasks = tx.ClientTasks(id)
	c.Appointments = tx.ClientAppointments(id)
	c.Requests = tx.ClientRequests(id)
	if c.Drafts, err = tx.clientDrafts(id); err != nil {
		return nil, err
	}
	c.RuleState = tx.clientRuleState(id)
	if err := tx.bucket(bSummaries).ForEach(func(k, v []byte) error {
		var s profile.Summary
		if err := decodeSummary(v, &s, nil); err != nil {
			if loose {
				// The client's own, damaged: it goes. Another client's,
				// damaged too: its referral cannot be read here (check
				// names it); the erasure is owed all the same.
				return nil
			}
			return err
		}
		if s.ReferredBy == id && s.ID != id {
			c.Referred = append(c.Referred, s.ID)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if c.Mentions, err = tx.mentionTasks(id, loose); err != nil {
		return nil, err
	}
	return c, nil
}

// clientDrafts returns the drafts typed for the client: a note
// ("note:<id>") or a form ("form:<kind>:<id>").
func (tx *Tx) clientDrafts(id string) ([]Draft, error) {
	all, err := tx.Drafts()
	if err != nil {
		return nil, err
	}
	var out []Draft
	for _, d := range all {
		if d.ClientID == id || strings.HasSuffix(d.Key, ":"+id) {
			out = append(out, d)
		}
	}
	return out, nil
}

// clientRuleState returns the rule state that names the client. Rule state
// is a cache a rule rebuilds from the book, so any entry whose key or value
// holds the id counts (a chance match only costs a rebuild).
func (tx *Tx) clientRuleState(id string) map[string]json.RawMessage {
	bk := tx.bucket(bRuleState)
	if bk == nil {
		return nil
	}
	var out map[string]json.RawMessage
	_ = bk.ForEach(func(k, v []byte) error {
		if bytes.Contains(k, []byte(id)) || bytes.Contains(v, []byte(id)) {
			if out == nil {
				out = map[string]json.RawMessage{}
			}
			raw := append(json.RawMessage(nil), v...)
			if !json.Valid(raw) {
				raw, _ = json.Marshal(string(v))
			}
			out[string(k)] = raw
		}
		return nil
	})
	return out
}

// mentionTasks returns the tasks of other clients whose rule origin names
// the client id ("referral:<id>:thank_referrer"), found through the index
// of rule origins, which holds every such task, without decoding the rest.
func (tx *Tx) mentionTasks(id string, loose bool) ([]tasks.Task, error) {
	var out []tasks.Task
	err := tx.bucket(bTaskOrigin).ForEach(func(origin, taskID []byte) error {
		if !originNames(string(origin), id) {
			return nil
		}
		t, err := tx.Task(string(taskID))
		if errors.Is(err, ErrNotFound) || (loose && errors.Is(err, ErrDamaged)) {
			return nil
		}
		if err != nil {
			return err
		}
		if t.ClientID != id {
			out = append(out, t)
		}
		return nil
	})
	return out, err
}

// originNames reports whether one of the colon-separated parts of a rule
// origin is the client id.
func originNames(origin, id string) bool {
	if origin == "" || origin == "manual" {
		return false
	}
	for _, part := range strings.Split(origin, ":") {
		if part == id {
			return true
		}
	}
	return false
}

// EraseClient deletes everything the book holds about a client (the
// client's right to be forgotten): profile, summary, phone index, notes,
// purchases, tasks, appointments, requests, drafts, the rule state that
// names them, the salted hashes of their removed notes' texts, and the
// tasks of other clients a rule made about them; it clears referred_by (and its history) in the clients they introduced. It
// leaves a tombstone without personal data (salted hashes of the phones,
// card numbers and e-mail, the day, the reason) so that imports do not
// bring the client back (see Tx.Erased); for a client whose record and
// summary no longer decode, the phones and cards come from the book's
// indexes and search row (the e-mail is then lost with the records). It
// returns how many records went. The bytes stay in the file's free pages
// until the file is compacted: Book.EraseClients does both.
func (tx *Tx) EraseClient(id string) (int, error) { return tx.removeClient(id, true) }

// removeClient deletes everything the book holds about the client id, as
// EraseClient says. erase says why: the client asked (a tombstone is kept
// and the erasure goes to the chain), or else a handover released them to
// a colleague (no tombstone: they may come back in a bundle; their unsent
// changes are dropped and the chain is told nothing, it reassigns on its
// own).
func (tx *Tx) removeClient(id string, erase bool) (int, error) {
	c, err := tx.gather(id, true)
	if err != nil {
		return 0, err
	}
	if erase {
		phones, cards := c.Summary.Phones, []string(nil)
		if c.Damaged {
			// What the record (and the summary) no longer say, the
			// indexes still do: the phones and cards naming the client,
			// so that an import of them stays out.
			phones = append(append([]string(nil), phones...), namedBy(tx.bucket(bPhones), id)...)
			cards = namedBy(tx.bucket(bCards), id)
			if row, ok := tx.searchRowOf(id); ok {
				phones, cards = append(phones, row.Phones...), append(cards, row.Cards...)
			}
		}
		if err := tx.bury(c.Profile, phones, cards); err != nil {
			return 0, err
		}
		if err := tx.forgetRemovedTexts(id); err != nil {
			return 0, err
		}
	}
	tx.unindexPhones(c.Profile)
	unindexCards(tx.bucket(bCards), id, c.Profile.CardNumbers())
	if c.Damaged {
		// The record's phones and cards are unknown: every entry that
		// names the client goes.
		for _, name := range [][]byte{bPhones, bCards} {
			if err := dropNaming(tx.bucket(name), id); err != nil {
				return 0, err
			}
		}
	}
	if err := tx.bucket(bClients).Delete([]byte(id)); err != nil {
		return 0, err
	}
	if err := tx.bucket(bSummaries).Delete([]byte(id)); err != nil {
		return 0, err
	}
	// The search index: by the client's notes as they read, and, when
	// one of them is damaged (its words unknown), by a sweep of the whole
	// index for the client.
	damaged := c.Damaged || len(c.Notes) != countPrefix(tx.bucket(bNotes), id)
	if err := tx.unindexClient(id); err != nil && !damaged {
		return 0, err
	}
	if damaged {
		if err := tx.sweepPostings(id); err != nil {
			return 0, err
		}
	}
	if err := tx.dropValue(id); err != nil {
		return 0, err
	}
	if err := tx.deleteBrief(id); err != nil {
		return 0, err
	}
	if err := tx.deleteSearchRow(id); err != nil {
		return 0, err
	}
	if err := tx.deleteStanding(id); err != nil {
		return 0, err
	}
	// Phones stored before normalisation changed: drop every index entry
	// that points at the client.
	for _, n := range c.Summary.Phones {
		_ = tx.bucket(bPhones).Delete(join([]byte(n), []byte(id)))
	}
	// Notes and purchases go by their keys, whatever their state: a key
	// holds the client, the time (the day) and the record's id, which key
	// the indexes, so a record that no longer decodes leaves nothing.
	pre := prefix(id)
	for _, k := range keysWithPrefix(tx.bucket(bNotes), pre) {
		rest := k[len(pre):] // time (8 bytes), note id
		if len(rest) > 8 {
			_ = tx.bucket(bNoteTime).Delete(rest)
			if sb := tx.bucket(bSitTime); sb != nil {
				_ = sb.Delete(rest)
			}
			_ = tx.bucket(bNoteIDs).Delete(rest[8:])
		}
		if err := tx.bucket(bNotes).Delete(k); err != nil {
			return 0, err
		}
	}
	for _, k := range keysWithPrefix(tx.bucket(bPurchases), pre) {
		if rest := k[len(pre):]; len(rest) > 4 { // day (4 bytes), purchase id
			_ = tx.bucket(bPurchaseIDs).Delete(rest[4:])
		}
		if err := tx.bucket(bPurchases).Delete(k); err != nil {
			return 0, err
		}
	}
	for _, t := range c.Tasks {
		tx.deleteTask(&t)
	}
	for _, t := range c.Mentions {
		tx.deleteTask(&t)
	}
	marker := tasks.ErasedName
	if !erase {
		marker = tasks.HandedOnName
	}
	if err := tx.unnameInTasks(c.Profile, marker); err != nil {
		return 0, err
	}
	for _, a := range c.Appointments {
		_ = tx.bucket(bAppts).Delete([]byte(a.ID))
		_ = tx.bucket(bApptStart).Delete(apptStartKey(a.Start, a.ID))
		_ = tx.bucket(bApptClient).Delete(join([]byte(id), []byte(a.ID)))
	}
	for _, r := range c.Requests {
		_ = tx.bucket(bRequests).Delete([]byte(r.ID))
		_ = tx.bucket(bReqClient).Delete(join([]byte(id), []byte(r.ID)))
		_ = tx.bucket(bReqOpen).Delete([]byte(r.ID))
	}
	if err := tx.dropDamagedOf(id); err != nil {
		return 0, err
	}
	for _, d := range c.Drafts {
		if err := tx.DeleteDraft(d.Key); err != nil {
			return 0, err
		}
	}
	for k := range c.RuleState {
		if err := tx.bucket(bRuleState).Delete([]byte(k)); err != nil {
			return 0, err
		}
	}
	if err := tx.dropAliases(id); err != nil {
		return 0, err
	}
	for _, other := range c.Referred {
		if err := tx.forgetReferrer(other, id); err != nil {
			return 0, err
		}
	}
	if erase {
		err = tx.logErase(id)
	} else {
		err = tx.dropUnsent(id)
	}
	if err != nil {
		return 0, err
	}
	return c.Count(), nil
}

// forgetReferrer clears the erased client id from the profile of the
// client other: referred_by, and any history entry that kept the id.
func (tx *Tx) forgetReferrer(other, id string) error {
	p, err := tx.Client(other)
	if err != nil {
		return err
	}
	sum, err := tx.Summary(other)
	if err != nil {
		return err
	}
	if p.ReferredBy == id {
		p.ReferredBy = ""
	}
	kept := p.History[:0]
	for _, h := range p.History {
		if h.Old != id && h.New != id {
			kept = append(kept, h)
		}
	}
	p.History = kept
	if len(p.History) == 0 {
		p.History = nil
	}
	p.Updated = tx.Now()
	return tx.writeClient(p, &sum)
}

// EraseClients erases the clients ids (see Tx.EraseClient) in one
// transaction, then compacts the book in place so that their bytes leave
// the file, not only its index. It returns how many records went. When the
// erasure landed but the compaction failed, the error says so: the
// clients are gone from the book but their bytes may remain in its free
// pages until a later erasure compacts it.
//
// An erasure goes in a book marked damaged (KnownDamaged) too: it is owed
// to the client whatever the book's state, and it only deletes; the mark
// stays until `vipbook check` finds the book sound.
func (b *Book) EraseClients(ids ...string) (int, error) {
	n := 0
	err := b.update(func(tx *Tx) error {
		for _, id := range ids {
			k, err := tx.EraseClient(id)
			if err != nil {
				return err
			}
			n += k
		}
		// Owed until the compaction is done: a vipbook killed before then
		// leaves the mark, and the next writable open finishes the work.
		return tx.OweCompaction()
	}, true)
	if err != nil {
		return 0, err
	}
	if err := b.finishErase(true); err != nil {
		return n, fmt.Errorf("%w: %w", ErrNotCompacted, err)
	}
	return n, nil
}

// kCompactOwed, in the meta bucket, says an erasure landed whose
// compaction has not been done yet (an erase killed half way): the erased
// records' bytes may still be in the file's free pages. A writable open
// that brings a book up to date (buckets created, kept indexes built,
// summaries upgraded, records sealed) sets it too, for the pages that
// one-time work leaves free or half filled.
var kCompactOwed = []byte("compact_owed")

// finishErase compacts the book in place, so that the bytes of the
// records an erasure deleted leave the file, and then takes the mark that
// said the compaction was owed. Killed between the two, it is done again
// at the next open: compacting twice costs time, never data.
//
// pastMark does it in a book marked damaged too (EraseClients).
func (b *Book) finishErase(pastMark bool) error {
	if err := b.compactInPlace(pastMark); err != nil {
		return err
	}
	return b.update(func(tx *Tx) error { return tx.bucket(bMeta).Delete(kCompactOwed) }, pastMark)
}

// unnameInTasks takes the erased client p's names out of the other
// clients' follow-ups: a title a rule worded with them ("Welcome 王芳
// (introduced by NAME)", kept as a phrase and as words), or one typed, and
// the task's note, each name becoming marker (tasks.ErasedName, which the
// catalog words as a client since erased, or tasks.HandedOnName). A name of one character is left alone:
// it would take the character out of every other word.
func (tx *Tx) unnameInTasks(p *profile.Profile, marker string) error {
	var names []string
	for _, n := range []string{p.Name, p.LatinName, p.Honorific} {
		if n = strings.TrimSpace(n); utf8.RuneCountInString(n) > 1 && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return nil
	}
	// The longest first: "王小明" before "王".
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	unname := func(s string) string {
		for _, n := range names {
			s = strings.ReplaceAll(s, n, marker)
		}
		return s
	}
	// Every task that reads: a damaged one (another client's) is left for
	// check to name and repair, not a reason to keep the client.
	var all []tasks.Task
	_ = tx.bucket(bTasks).ForEach(func(_, v []byte) error {
		var t tasks.Task
		if unmarshalRecord(v, &t) == nil {
			all = append(all, t)
		}
		return nil
	})
	for _, t := range all {
		before, _ := json.Marshal(t)
		t.Title, t.Note = unname(t.Title), unname(t.Note)
		if t.Phrase != nil {
			args := make([]string, len(t.Phrase.Args))
			for i, a := range t.Phrase.Args {
				args[i] = unname(a)
			}
			t.Phrase = &tasks.Phrase{Code: t.Phrase.Code, Args: args}
		}
		if after, _ := json.Marshal(t); bytes.Equal(before, after) {
			continue
		}
		if err := tx.putTask(&t); err != nil {
			return err
		}
		if err := tx.logTask(&t); err != nil {
			return err
		}
	}
	return nil
}

// dropNaming deletes the entries of the index bk keyed "value 0x00 id"
// (the phones', the cards') that name the client id.
func dropNaming(bk *bolt.Bucket, id string) error {
	return dropKeys(bk, keysNaming(bk, id))
}

// namedBy returns what the index entries of bk naming client id index
// (NUMBER 0x00 id: the numbers).
func namedBy(bk *bolt.Bucket, id string) []string {
	var out []string
	for _, k := range keysNaming(bk, id) {
		out = append(out, string(k[:len(k)-len(id)-1]))
	}
	return out
}

// keysNaming returns the keys of bk ending in 0x00 id.
func keysNaming(bk *bolt.Bucket, id string) [][]byte {
	if bk == nil {
		return nil
	}
	suffix := append([]byte{0}, id...)
	var keys [][]byte
	_ = bk.ForEach(func(k, _ []byte) error {
		if bytes.HasSuffix(k, suffix) {
			keys = append(keys, bytes.Clone(k))
		}
		return nil
	})
	return keys
}

// dropKeys deletes keys from bk.
func dropKeys(bk *bolt.Bucket, keys [][]byte) error {
	for _, k := range keys {
		if err := bk.Delete(k); err != nil {
			return err
		}
	}
	return nil
}
