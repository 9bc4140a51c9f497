package briefing

import (
	"sort"
	"sync"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/tiers"
	"github.com/vipbook/vipbook/visits"
)

// Load reads what the briefing of today (appointments in loc) needs with
// cfg and opt: what ranking reads of every client (the brief and value
// records the store keeps on write, clientsOf), the tiers ranked from
// them, today's visits with their prep cards, the open
// requests, and of the open tasks due and the situation notes of the last
// days the Options.Limit most urgent of each, ranked from the store's
// indexes (never every task or note). Build the briefing from the result.
//
// The reads that do not depend on each other run side by side, each in a
// read transaction of its own, so that they overlap on the cores: the
// day's visits and requests beside the summaries, then the tasks beside
// the situation notes (each ranked and read from its own refs, so a task
// gone between two snapshots needs no special case). No transaction waits
// inside for another to begin: a writer growing the map, which blocks new
// readers until the open ones end, cannot deadlock them.
func Load(b *store.Book, today civil.Date, loc *time.Location, cfg config.Config, opt Options) (Input, error) {
	meta := b.Meta()
	if opt.FestivalLeadDays == 0 {
		opt.FestivalLeadDays = cfg.Rhythm.FestivalLeadDays
	}
	in := Input{Today: today, Associate: meta.Associate, Currency: meta.Currency, Config: cfg, Options: opt.withDefaults()}
	day := Input{Today: today}
	var wg sync.WaitGroup
	var dayErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		dayErr = b.View(func(tx *store.Tx) error { return readDay(tx, &day, loc) })
	}()
	err := b.View(func(tx *store.Tx) error { return readClients(tx, &in) })
	wg.Wait()
	if err == nil {
		err = dayErr
	}
	if err != nil {
		return in, err
	}
	in.Cards, in.Requests, in.Tomorrow = day.Cards, day.Requests, day.Tomorrow
	sc := newScorer(&in)
	in.scorer = sc
	var taskErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		taskErr = b.View(func(tx *store.Tx) error { return readTasks(tx, sc, &in) })
	}()
	err = b.View(func(tx *store.Tx) error {
		var err error
		in.Situations, in.Counted.Situations, in.Counted.SituationsMore, err = pickSituations(tx, sc, situationRefs(tx, situationsSince(&in, loc)), in.Options.of(SecSituations))
		return err
	})
	wg.Wait()
	if err == nil {
		err = taskErr
	}
	return in, err
}

// readClients reads what the briefing ranks every client by into in:
// the clients, made one at a time from the brief records the store keeps
// on write (tx.EachBriefSummary), or in a book without them yet from
// every whole summary; and their tiers. Under a card scheme, whose cards
// need every purchase, the summaries are kept too.
func readClients(tx *store.Tx, in *Input) error {
	today := in.Today
	if _, card := in.Config.Tiers.Card(); !card {
		var cs []clientRow
		day := today.DayNumber()
		var buf []int
		ok, err := tx.EachBriefSummary(today, func(i, n int, s *profile.Summary) error {
			if cs == nil {
				cs = make([]clientRow, n)
			}
			cs[i], buf = clientOf(s, today, day, buf)
			return nil
		})
		if err != nil {
			return err
		}
		if ok {
			in.Summaries, in.clients = nil, cs
			in.rank()
			return nil
		}
	}
	sums, ok, err := tx.BriefSummaries(today)
	if err == nil && !ok {
		sums, err = tx.Summaries()
	}
	if err != nil {
		return err
	}
	in.Summaries, in.clients, in.valuation = sums, nil, nil
	in.clients = in.clientsOf()
	in.Tiers = tiers.Assign(sums, today, in.tierConfig())
	return nil
}

// readRest reads, once in has its summaries and tiers, the rest of what
// Build needs: today's visits, the open requests, and the most urgent
// tasks due and situation notes, ranked by the scorer Build then reuses.
func readRest(tx *store.Tx, in *Input, loc *time.Location) error {
	if err := readDay(tx, in, loc); err != nil {
		return err
	}
	sc := newScorer(in)
	in.scorer = sc
	if err := readTasks(tx, sc, in); err != nil {
		return err
	}
	var err error
	in.Situations, in.Counted.Situations, in.Counted.SituationsMore, err = pickSituations(tx, sc, situationRefs(tx, situationsSince(in, loc)), in.Options.of(SecSituations))
	return err
}

// situationRefs returns refs to the situation notes logged since since,
// from their index (every note of those days in a book without it yet:
// pickSituations reads only the situations among them).
func situationRefs(tx *store.Tx, since time.Time) []store.NoteRef {
	if refs, ok := tx.SituationRefsSince(since); ok {
		return refs
	}
	return tx.NoteRefsSince(since)
}

// situationsSince is when the notes the briefing looks at for situations
// begin: the start of the first of the last Options.SituationDays days.
func situationsSince(in *Input, loc *time.Location) time.Time {
	return in.Today.AddDays(-(in.Options.SituationDays - 1)).In(loc)
}

// readTasks reads the open tasks due by today (the most urgent, pickTasks)
// and those due in the days ahead (the soonest, pickAhead), from one scan
// of the due index.
func readTasks(tx *store.Tx, sc *scorer, in *Input) error {
	refs := tx.OpenTaskRefsDueBy(in.Today.AddDays(AheadDays))
	n := sort.Search(len(refs), func(i int) bool { return refs[i].Due.After(in.Today) })
	var err error
	if in.Tasks, in.Counted.Overdue, in.Counted.Due, err = pickTasks(tx, sc, refs[:n], in.Options.limit(SecOverdue), in.Options.limit(SecDue)); err != nil {
		return err
	}
	in.Ahead, in.Counted.Ahead, err = pickAhead(tx, sc, refs[n:], min(in.Options.Limit, AheadLimit))
	return err
}

// pickAhead decodes the limit soonest of the open tasks due in the days
// ahead (refs, earliest first), leaving out those of archived clients, and
// counts them all.
func pickAhead(tx *store.Tx, sc *scorer, refs []store.TaskRef, limit int) ([]tasks.Task, int, error) {
	var ts []tasks.Task
	n := 0
	for _, r := range refs {
		if r.ClientID != "" {
			if c := sc.find(r.ClientID); c >= 0 && sc.sums[c].Status == profile.Archived {
				continue
			}
		}
		n++
		if limit > 0 && len(ts) >= limit {
			continue
		}
		t, err := tx.Task(r.ID)
		if err != nil {
			return nil, 0, err
		}
		ts = append(ts, t)
	}
	return ts, n, nil
}

// readDay reads what does not need the summaries: the open requests,
// today's visits with their prep cards and tomorrow's appointments.
func readDay(tx *store.Tx, in *Input, loc *time.Location) error {
	var err error
	if in.Requests, err = tx.OpenRequests(); err != nil {
		return err
	}
	appts, err := tx.AppointmentsOn(in.Today, loc)
	if err != nil {
		return err
	}
	for _, a := range appts {
		if a.Status == visits.Cancelled {
			continue
		}
		card, err := Prepare(tx, a, in.Today)
		if err != nil {
			return err
		}
		in.Cards = append(in.Cards, card)
	}
	tomorrow, err := tx.AppointmentsOn(in.Today.AddDays(1), loc)
	if err != nil {
		return err
	}
	for _, a := range tomorrow {
		if a.Status != visits.Cancelled {
			in.Tomorrow = append(in.Tomorrow, a)
		}
	}
	return nil
}

// pickTasks ranks the open tasks due by today from their refs and decodes
// the limitOver most urgent overdue ones and the limitDue most urgent due
// today.
func pickTasks(tx *store.Tx, sc *scorer, refs []store.TaskRef, limitOver, limitDue int) (ts []tasks.Task, nOverdue, nDue int, err error) {
	var over, due []int
	ci := make([]int, len(refs))
	for k, r := range refs {
		ci[k] = -1
		if r.ClientID != "" {
			if ci[k] = sc.find(r.ClientID); ci[k] >= 0 && sc.sums[ci[k]].Status == profile.Archived {
				continue
			}
		}
		if r.Due.Before(sc.today) {
			over = append(over, k)
		} else {
			due = append(due, k)
		}
	}
	for g, group := range [][]int{over, due} {
		limit := limitOver
		if g == 1 {
			limit = limitDue
		}
		pick := topK(len(group), limit, func(i int) float64 {
			r := refs[group[i]]
			return sc.taskUrgency(ci[group[i]], r.Due, true).Score
		}, func(i int) string { return refs[group[i]].ID })
		for _, i := range pick {
			t, err := tx.Task(refs[group[i]].ID)
			if err != nil {
				return nil, 0, 0, err
			}
			ts = append(ts, t)
		}
	}
	return ts, len(over), len(due), nil
}

// pickSituations ranks the notes of the last days from the time index as
// if each were a situation note (the score does not depend on the text),
// and reads them most urgent first until opt.Limit situation notes are
// found; found counts them and more says whether notes were left unread.
func pickSituations(tx *store.Tx, sc *scorer, refs []store.NoteRef, opt Options) (ns []notes.Note, found int, more bool, err error) {
	type cand struct {
		k, ci, ago int
	}
	var cs []cand
	for k, r := range refs {
		ago := sc.day - civil.Of(r.At).DayNumber()
		if ago < 0 || ago >= opt.SituationDays {
			continue
		}
		if i := sc.find(r.ClientID); i >= 0 && sc.open[i] {
			cs = append(cs, cand{k, i, ago})
		}
	}
	score := func(i int) float64 {
		return sc.situationUrgency(cs[i].ci, cs[i].ago, opt.SituationDays, "", true).Score
	}
	key := func(i int) string { return refs[cs[i].k].ID }
	// Most of the notes of a week are read when few are situations: rank
	// a few times the limit first, and all of them only if that was not
	// enough.
	k := -1
	if opt.Limit >= 0 {
		k = 4*opt.Limit + 16
	}
	order := topK(len(cs), k, score, key)
	for n := 0; n < len(order); n++ {
		if opt.Limit >= 0 && found == opt.Limit {
			return ns, found, n < len(cs), nil
		}
		note, ok, err := tx.NoteByRef(refs[cs[order[n]].k], notes.Situation)
		if err != nil {
			return nil, 0, false, err
		}
		if ok {
			ns = append(ns, note)
			found++
		}
		if n == len(order)-1 && len(order) < len(cs) {
			order = topK(len(cs), -1, score, key) // the same order, to the end
		}
	}
	return ns, found, false, nil
}

// Prepare builds the prep card of one appointment.
func Prepare(tx *store.Tx, a visits.Appointment, today civil.Date) (PrepCard, error) {
	card := PrepCard{Appointment: a}
	p, err := tx.Client(a.ClientID)
	if err != nil {
		return card, err
	}
	sum, err := tx.Summary(a.ClientID)
	if err != nil {
		return card, err
	}
	card.Client = sum
	card.Name = p.DisplayName()
	card.Honorific = p.Honorific
	if len(p.Phones) > 0 {
		card.Phone = profile.FormatPhone(p.Phones[0].Number, tx.Book().Meta().CountryCode)
	}
	card.Sizes = p.Sizes
	card.Preferences = TopPreferences(p.Likes(), 5) // a dislike entered with its category is no like
	card.Dislikes = p.AllDislikes()
	if ps, err := tx.Purchases(a.ClientID); err == nil && len(ps) > 0 {
		card.LastPurchase = &ps[0]
	}
	for _, r := range tx.ClientRequests(a.ClientID) {
		if r.IsOpen() {
			card.OpenRequests = append(card.OpenRequests, r)
		}
	}
	ns, err := tx.Notes(a.ClientID)
	if err != nil {
		return card, err
	}
	if len(ns) > PrepNotes {
		ns = ns[:PrepNotes]
	}
	card.RecentNotes = ns
	// Special-person flags are sensitive: on a prep card they help the
	// service (a seat, a quiet room, no heavy lifting), so they are shown.
	card.Special = p.Special.Flags()
	card.SpecialNote = p.Special.Note
	card.Stats = sum.Stats(today)
	return card, nil
}

// TopPreferences returns up to n preferences, the most recently added first.
func TopPreferences(ps []profile.Preference, n int) []profile.Preference {
	out := append([]profile.Preference(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Added.After(out[j].Added) })
	if len(out) > n {
		out = out[:n]
	}
	return out
}
