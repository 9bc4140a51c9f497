package tui

import (
	"errors"
	"slices"
	"sort"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/briefing"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/internal/termsafe"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/tiers"
	"github.com/vipbook/vipbook/tui/typing"
	"github.com/vipbook/vipbook/visits"
)

// The commands below are the only code of the interface that reads or
// writes the book. Each runs off the UI goroutine and answers with a
// message.

// loadVisits reads only today's visits with their prep cards: a few
// records, read at once, so that the first frame shows the day's agenda
// while the whole briefing (which reads every client) is built.
func loadVisits(c *shared) tea.Cmd {
	book, today, loc, cat := c.book, c.today(), c.loc(), c.cat
	return func() tea.Msg {
		var cards []briefing.PrepCard
		err := book.View(func(tx *store.Tx) error {
			appts, err := tx.AppointmentsOn(today, loc)
			if err != nil {
				return err
			}
			for _, a := range appts {
				if a.Status == visits.Cancelled {
					continue
				}
				card, err := briefing.Prepare(tx, a, today)
				if err != nil {
					return err
				}
				cards = append(cards, card)
			}
			return nil
		})
		if err != nil {
			return errMsg{readFailed(cat, i18n.AppReadingVisits, err)}
		}
		return visitsMsg{cards}
	}
}

// buildRows turns summaries into the rows of the client list (archived
// clients are out of the active book), with their sorted orders and their
// search index, so that the first search is as quick as the next; cc is
// the book's calling code, for phones typed with a trunk prefix.
// The tiers are as the briefing ranked them (indexed like sums), or
// computed here when it did not. sums are only read: the briefing's Input
// kept by the root shares them with its next Refresh.
func buildRows(sums []profile.Summary, as []tiers.Assignment, today civil.Date, cfg config.Tiers, cc string) tea.Cmd {
	return func() tea.Msg {
		if len(as) != len(sums) {
			as = tiers.Assign(sums, today, cfg)
		}
		tier := make(map[string]string, len(as))
		for _, a := range as {
			tier[a.ClientID] = a.Tier
		}
		levels := tiers.Levels(cfg)
		rows := make([]clientRow, 0, len(sums))
		for i := range sums {
			if sums[i].Status == profile.Archived {
				continue
			}
			r := rowOf(&sums[i], today, tier[sums[i].ID])
			r.level = search.LevelOf(levels, r.tier)
			rows = append(rows, r)
		}
		// Sorted and indexed here, off the UI goroutine: the list opens
		// in name order.
		slices.SortStableFunc(rows, byName)
		l := newClientList(rows, cc)
		return rowsMsg{rows: l.rows, orders: l.orders, ix: l.ix}
	}
}

// loadRows reads every client's summary and builds the rows of the client
// list, with the tiers as (of the whole book, any order; ranked again
// when they are not of the same clients).
func loadRows(c *shared, as []tiers.Assignment) tea.Cmd {
	book, today, cfg, cc := c.book, c.today(), c.cfg.Tiers, c.country
	return func() tea.Msg {
		var sums []profile.Summary
		err := book.View(func(tx *store.Tx) error {
			var err error
			sums, err = tx.Summaries()
			return err
		})
		if err != nil {
			return errMsg{err}
		}
		return buildRows(sums, as, today, cfg, cc)()
	}
}

// keptLimit is the most clients the kept index's answer to a keystroke
// is read for: a letter or two names thousands, which the list's own
// search answers better, and a word of thousands of notes is said to be
// one (ClientsTooMany), for another word to narrow it. Reading, ranking
// and building rows for 1,000-2,000 clients took 10-20 ms a keystroke on
// the 100k book, the keystroke's whole p99 (BENCHMARKS.md, "The app's
// keystroke"); vipbook search ranks every one.
const keptLimit = 1000

// findKept looks the query up in the search index the book keeps
// (book.FindKept): it needs no list loaded, so the first keystroke does
// not wait for one; it finds clients by the words of their notes, which
// the list's own index does not hold, and the client a merged-away id
// names. stale reports whether a later keystroke has asked again: the
// look-up is then not made (or its rows not built), as the screen would
// drop its answer.
func findKept(c *shared, q string, stale func() bool) tea.Cmd {
	st, today, cfg := c.book, c.today(), c.cfg.Tiers
	levels := tiers.Levels(cfg)
	return func() tea.Msg {
		if stale() {
			return nil
		}
		msg, gone := keptMsg{q: q}, false
		err := st.View(func(tx *store.Tx) error {
			f, err := book.FindKept(tx, q, today, cfg, keptLimit)
			if err != nil {
				return err
			}
			if gone = stale(); gone {
				return nil
			}
			if len(f.Clients) > 0 {
				msg.rows = make([]clientRow, 0, len(f.Clients))
			}
			for i := range f.Clients {
				// Shown, never indexed: without the fields the list's
				// index alone reads (search.Facets, a tenth of the time
				// for a keystroke that finds 2,000 clients).
				r := shownRowOf(&f.Clients[i], today, f.Tiers[i])
				r.level = search.LevelOf(levels, r.tier)
				msg.rows = append(msg.rows, r)
			}
			msg.strong, msg.over = f.Strong, f.Over && len(f.Clients) == 0
			return nil
		})
		if err != nil {
			return errMsg{err}
		}
		if gone {
			// Asked again while it read: no answer, not an empty one (an
			// empty answer to a query typed back to would say no client
			// matches over the good one).
			return nil
		}
		return msg
	}
}

// loadRow reads one client's summary again after a write.
func loadRow(c *shared, id string) tea.Cmd {
	book, today, levels := c.book, c.today(), tiers.Levels(c.cfg.Tiers)
	return func() tea.Msg {
		var msg rowMsg
		err := book.View(func(tx *store.Tx) error {
			s, err := tx.Summary(id)
			if errors.Is(err, store.ErrNotFound) {
				msg.row, msg.removed = clientRow{id: id}, true
				return nil
			}
			if err != nil {
				return err
			}
			// The computed tier ranks the whole book: the list keeps the
			// one it has until the next full load; an override shows at once.
			msg.row = rowOf(&s, today, s.Tier)
			msg.row.level = search.LevelOf(levels, s.Tier)
			msg.removed = s.Status == profile.Archived
			return nil
		})
		if err != nil {
			return errMsg{err}
		}
		return msg
	}
}

// followUpsShown is how many follow-ups of each group (overdue, due
// today, coming) the follow-ups screen shows, the earliest due first; the
// headings say how many there are in all. A big book has tens of
// thousands open: they are counted from the due index and only those
// shown are read.
const followUpsShown = 200

// The groups of the follow-ups screen.
const (
	groupOverdue = iota
	groupDue
	groupComing
	groups
)

// followUpGroup says which group a follow-up due on day falls in.
func followUpGroup(day, today civil.Date) int {
	switch {
	case day.Before(today):
		return groupOverdue
	case day == today:
		return groupDue
	}
	return groupComing
}

// loadTasks reads the open follow-ups the follow-ups screen shows, with
// their clients' names, and counts them all.
func loadTasks(c *shared) tea.Cmd {
	book, today, cat := c.book, c.today(), c.cat
	return func() tea.Msg {
		var msg tasksMsg
		err := book.View(func(tx *store.Tx) error {
			refs := tx.OpenTaskRefsDueBy(today.AddDays(100 * 366))
			names := map[string]string{}
			for _, r := range refs {
				g := followUpGroup(r.Due, today)
				msg.totals[g]++
				if msg.totals[g] > followUpsShown {
					continue
				}
				name, ok := names[r.ClientID]
				if !ok && r.ClientID != "" {
					if s, err := tx.Summary(r.ClientID); err == nil {
						if s.Status == profile.Archived {
							name = "\x00"
						} else {
							name = s.DisplayName()
						}
					}
					names[r.ClientID] = name
				}
				if name == "\x00" {
					msg.totals[g]-- // a released client's follow-ups are not ours
					continue
				}
				t, err := tx.Task(r.ID)
				if err != nil {
					return err
				}
				msg.items = append(msg.items, taskItem{task: t, clientName: name})
			}
			return nil
		})
		if err != nil {
			return errMsg{readFailed(cat, i18n.AppReadingTasks, err)}
		}
		return msg
	}
}

// doneRecentDays is how far back the follow-ups screen's d lists the
// follow-ups ticked off, and doneRecentShown how many at the most.
const (
	doneRecentDays  = 14
	doneRecentShown = 50
)

// loadDoneTasks reads the follow-ups ticked off in the last
// doneRecentDays (a released client's left out), to reopen one.
func loadDoneTasks(c *shared) tea.Cmd {
	b, since, cat := c.book, c.now().AddDate(0, 0, -doneRecentDays), c.cat
	return func() tea.Msg {
		var msg doneTasksMsg
		err := b.View(func(tx *store.Tx) error {
			done, err := tx.TasksDoneSince(since, doneRecentShown)
			if err != nil {
				return err
			}
			for _, t := range done {
				name := ""
				if t.ClientID != "" {
					s, err := tx.Summary(t.ClientID)
					if err != nil || s.Status == profile.Archived {
						continue
					}
					name = s.DisplayName()
				}
				msg.items = append(msg.items, taskItem{task: t, clientName: name})
			}
			return nil
		})
		if err != nil {
			return errMsg{readFailed(cat, i18n.AppReadingDone, err)}
		}
		return msg
	}
}

// loadClient reads everything the profile shows.
func loadClient(c *shared, id string) tea.Cmd {
	b, today, tcfg, cat := c.book, c.today(), c.cfg.Tiers, c.cat
	return func() tea.Msg {
		d := &clientDetail{}
		err := b.View(func(tx *store.Tx) error {
			var err error
			if d.p, err = tx.Client(id); err != nil {
				return err
			}
			if d.sum, err = tx.Summary(id); err != nil {
				return err
			}
			d.stats = d.sum.Stats(today)
			// The tier the kept ranking gives, as of the last write: the
			// list's, read before a purchase, may be stale.
			if d.tier, err = book.TierOf(tx, d.sum, today, tcfg); err != nil {
				return err
			}
			if d.notes, err = tx.Notes(id); err != nil {
				return err
			}
			if d.purchases, err = tx.Purchases(id); err != nil {
				return err
			}
			d.tasks = tx.ClientTasks(id)
			d.appts = tx.ClientAppointments(id)
			d.requests = tx.ClientRequests(id)
			d.linked = book.LinkedNames(tx, d.p)
			return nil
		})
		if errors.Is(err, store.ErrNotFound) {
			gone := clientGoneMsg{id: id}
			_ = b.View(func(tx *store.Tx) error {
				if into, ok := tx.Alias(id); ok {
					if s, err := tx.Summary(into); err == nil {
						gone.into, gone.intoName = into, s.DisplayName()
					}
				}
				return nil
			})
			return gone
		}
		if err != nil {
			return errMsg{readFailed(cat, i18n.AppReadingClient, err)}
		}
		return clientMsg{d}
	}
}

// loadDrafts reads the drafts kept from an earlier session: those in the
// book, and those an exit had to write to a fallback file (imported into
// the book first, the file removed; offered from the file while the book
// cannot take them).
func loadDrafts(c *shared) tea.Cmd {
	use, dir, cat := c.use, c.stateDir, c.cat
	return func() tea.Msg {
		var items []typing.Offered
		fromFile, importErr := typing.ImportFallbacks(use, dir)
		err := use.View(func(tx *store.Tx) error {
			ds, err := tx.Drafts()
			if err != nil {
				return err
			}
			inBook := map[string]time.Time{}
			for _, d := range ds {
				inBook[d.Key] = d.Saved
			}
			for _, d := range fromFile {
				if t, ok := inBook[d.Key]; !ok || t.Before(d.Saved) {
					if ok {
						ds = slices.DeleteFunc(ds, func(o store.Draft) bool { return o.Key == d.Key })
					}
					ds = append(ds, d)
				}
			}
			for _, d := range ds {
				it := typing.Offered{Draft: d}
				if d.ClientID != "" {
					s, err := tx.Summary(d.ClientID)
					if err != nil {
						continue // the client is gone; so is the point of the draft
					}
					it.Name = s.DisplayName()
				}
				items = append(items, it)
			}
			return nil
		})
		if err != nil {
			return errMsg{readFailed(cat, i18n.AppReadingDrafts, err)}
		}
		sort.Slice(items, func(i, j int) bool { return items[i].Draft.Saved.Before(items[j].Draft.Saved) })
		if importErr != nil && len(fromFile) == 0 {
			// In the book, but a fallback file could not be removed: it
			// would be offered again; say so.
			return draftsMsg{items: items, err: importErr}
		}
		return draftsMsg{items: items}
	}
}

// flushDrafts writes the drafts being typed to the book. A read-only book
// is not asked: the drafts stay in memory and go to a fallback file on
// exit. When the book refuses them (full), the associate is told, and
// they stay in memory for the next flush, or the exit's fallback file.
func flushDrafts(c *shared) tea.Cmd {
	if c.readOnly {
		return nil
	}
	use, keeper, cat := c.use, c.drafts, c.cat
	return func() tea.Msg {
		if err := keeper.Flush(use); err != nil {
			if errors.Is(err, store.ErrFull) {
				return errMsg{friendly(cat, err)}
			}
			return errMsg{userErr(cat.T(i18n.ErrDraftNotKept, friendly(cat, err).Error()))}
		}
		return draftsFlushedMsg{}
	}
}

// write runs fn, a use case of the book, and answers with changed, or
// with the error said in the associate's words.
func write(c *shared, fn func(b *book.Book) error, changed changedMsg) tea.Cmd {
	b, cat := c.use, c.cat
	return func() tea.Msg {
		if err := fn(b); err != nil {
			return errMsg{friendly(cat, err)}
		}
		return changed
	}
}

// saveNote logs a note and drops its draft, in one transaction. When the
// book refuses it (full, read-only), the answer carries the text back, to
// reopen the input with it.
func saveNote(c *shared, ref itemRef, text, draftKey string, picked notes.Kind) tea.Cmd {
	// "complaint: ..." logs a complaint (which opens a case), "size: ..." a
	// size, as `vipbook note --kind` does; anything else is a general note.
	// A kind picked with one key (other than a plain note) is the kind.
	kind, body := i18n.ParseNoteKind(text)
	if picked != "" && picked != notes.General {
		kind, body = picked, strings.TrimSpace(text)
	}
	n := &notes.Note{ClientID: ref.clientID, Kind: kind, Text: body, Author: c.associate}
	// The keeper lets the draft go inside the note's transaction: a flush
	// of the drafts (a write transaction too) comes wholly before it, and
	// the draft is deleted there, or wholly after, and finds it cleared.
	// Until then a kill loses nothing.
	keeper := c.drafts
	cmd := write(c, func(b *book.Book) error {
		return b.AddNote(n, book.DropDraft(draftKey, func() { keeper.Clear(draftKey) }))
	}, changedMsg{clientID: ref.clientID, status: c.t(i18n.StatusNoteSaved, ref.clientName)})
	return func() tea.Msg {
		msg := cmd()
		if e, ok := msg.(errMsg); ok {
			// Not saved: the failure's handler gives the keeper the text back.
			return noteFailedMsg{ref: ref, text: text, kind: picked, err: e.err}
		}
		return msg
	}
}

// openRequest opens a special request of a client (book's AddRequest)
// with what was asked for; its draft goes once it is in the book.
func openRequest(c *shared, ref itemRef, text, draftKey string) tea.Cmd {
	r := &requests.Request{ClientID: ref.clientID, What: strings.TrimSpace(text), Opened: c.today()}
	keeper := c.drafts
	cmd := write(c, func(b *book.Book) error { return b.AddRequest(r) },
		changedMsg{clientID: ref.clientID, status: c.t(i18n.StatusRequestOpen, ref.clientName)})
	return func() tea.Msg {
		msg := cmd()
		if e, ok := msg.(errMsg); ok {
			return noteFailedMsg{ref: ref, text: text, kind: notes.SpecialRequest, err: e.err}
		}
		keeper.Clear(draftKey)
		return msg
	}
}

// setRequest moves the special request id (what was asked: what) of the
// client of ref to status: closed (fulfilled, declined), being sourced,
// or open again.
func setRequest(c *shared, ref itemRef, id, what string, status requests.Status) tea.Cmd {
	say := c.t(i18n.StatusRequestIs, termsafe.Line(what), c.cat.RequestStatus(status))
	if status == requests.Open {
		say = c.t(i18n.StatusRequestReopened, termsafe.Line(what))
	}
	return write(c, func(b *book.Book) error { _, err := b.UpdateRequest(id, status, ""); return err },
		changedMsg{clientID: ref.clientID, status: say})
}

// tickTask marks a follow-up done.
// The answer carries the task ticked, which u reopens.
// A complaint case with steps open is not closed: the answer is a
// stepsOpenMsg, and the app asks to close it anyway (forceTickTask).
func tickTask(c *shared, ref itemRef) tea.Cmd {
	id, name := ref.task.ID, ref.clientName
	status := tickedStatus(c, ref)
	cmd := changeTask(c, status, func(b *book.Book) (tasks.Task, error) { return b.TickTask(id) },
		func(ch *changedMsg, t tasks.Task) { ch.ticked = &taskItem{task: t, clientName: name} })
	return func() tea.Msg {
		msg := cmd()
		if e, ok := msg.(errMsg); ok && errors.Is(e.err, book.ErrStepsOpen) {
			return stepsOpenMsg{ref: ref, err: e.err}
		}
		return msg
	}
}

// tickedStatus says a follow-up of ref is ticked and how to undo it: its
// title as the list shows it (a rule's in the language in use), the two
// sentences joined as the language does.
func tickedStatus(c *shared, ref itemRef) string {
	done, undo := c.t(i18n.StatusTaskDone, c.cat.TaskTitle(ref.task)), c.t(i18n.StatusUndoHint, c.keys.Undo.Help().Key)
	if c.cat.IsChinese() {
		return done + undo // no space after 。
	}
	return done + " " + undo
}

// forceTickTask closes a complaint case with steps open, once the
// associate said to close it anyway (book's ForceTick).
func forceTickTask(c *shared, ref itemRef) tea.Cmd {
	id, name := ref.task.ID, ref.clientName
	status := tickedStatus(c, ref)
	return changeTask(c, status, func(b *book.Book) (tasks.Task, error) { return b.ForceTick(id) },
		func(ch *changedMsg, t tasks.Task) { ch.ticked = &taskItem{task: t, clientName: name} })
}

// reopenTask undoes the tick of a follow-up (book's ReopenTask): it is
// open again, due when it was.
func reopenTask(c *shared, id, title string) tea.Cmd {
	return changeTask(c, c.t(i18n.StatusTaskReopened, title), func(b *book.Book) (tasks.Task, error) { return b.ReopenTask(id) },
		func(ch *changedMsg, _ tasks.Task) { ch.reopened = id })
}

// snoozeTask moves a follow-up to a later day.
func snoozeTask(c *shared, id, title string, until civil.Date) tea.Cmd {
	return changeTask(c, c.t(i18n.StatusTaskSnoozed, title, until.String()),
		func(b *book.Book) (tasks.Task, error) { return b.SnoozeTask(id, until) }, nil)
}

// changeTask runs one of the book's task use cases; the message names the
// task's client, whose briefing items move; mark, when not nil, adds the
// task as stored to it.
func changeTask(c *shared, status string, change func(b *book.Book) (tasks.Task, error), mark func(ch *changedMsg, t tasks.Task)) tea.Cmd {
	return func() tea.Msg {
		var t tasks.Task
		msg := write(c, func(b *book.Book) error {
			var err error
			t, err = change(b)
			return err
		}, changedMsg{status: status})()
		if ch, ok := msg.(changedMsg); ok {
			ch.clientID = t.ClientID
			if mark != nil {
				mark(&ch, t)
			}
			return ch
		}
		return msg
	}
}

// addClient stores a new client and opens it.
// With despite, a client who looks like one of the book is saved anyway.
func addClient(c *shared, p *profile.Profile, draftKey string, despite bool) tea.Cmd {
	return func() tea.Msg {
		msg := write(c, func(b *book.Book) error {
			return b.AddClient(p, saveOpts(draftKey, despite)...)
		}, changedMsg{status: c.t(i18n.StatusClientAdded, p.DisplayName()), open: true})()
		if ch, ok := msg.(changedMsg); ok {
			ch.clientID = p.ID
			return ch
		}
		return msg
	}
}

// updateClient applies edit to the stored profile and writes it back.
// With despite, a change that makes the client look like another is saved
// anyway.
func updateClient(c *shared, id string, edit func(p *profile.Profile) error, draftKey string, despite bool) tea.Cmd {
	var name string
	return func() tea.Msg {
		msg := write(c, func(b *book.Book) error {
			p, err := b.UpdateClient(id, edit, saveOpts(draftKey, despite)...)
			if err == nil {
				name = p.DisplayName()
			}
			return err
		}, changedMsg{clientID: id})()
		if ch, ok := msg.(changedMsg); ok {
			ch.status = c.t(i18n.StatusClientSaved, name)
			return ch
		}
		return msg
	}
}

// addTask stores a new follow-up.
func addTask(c *shared, t *tasks.Task, name, draftKey string) tea.Cmd {
	return write(c, func(b *book.Book) error { return b.AddTask(t, book.DropDraft(draftKey, nil)) },
		changedMsg{clientID: t.ClientID, status: c.t(i18n.StatusTaskAdded, t.Title, t.Due.String())})
}

// addPurchase records a sale.
func addPurchase(c *shared, p *profile.Purchase, name, draftKey string) tea.Cmd {
	return write(c, func(b *book.Book) error { return b.AddPurchase(p, book.DropDraft(draftKey, nil)) },
		changedMsg{clientID: p.ClientID, status: c.t(i18n.StatusPurchaseAdded, p.Amount.String(), name)})
}

// addVisit books an expected visit.
func addVisit(c *shared, a *visits.Appointment, name, draftKey string) tea.Cmd {
	return write(c, func(b *book.Book) error { return b.AddVisit(a, book.DropDraft(draftKey, nil)) },
		changedMsg{clientID: a.ClientID, status: c.t(i18n.StatusVisitBooked, name, a.Start.Format("2006-01-02 15:04"))})
}

// dropDraft removes a draft the associate dismissed.
func dropDraft(c *shared, key string) tea.Cmd {
	c.drafts.Clear(key)
	return flushDrafts(c)
}

// userError is an error whose text is already what the associate reads.
type userError string

func (e userError) Error() string { return string(e) }

func userErr(s string) error { return userError(s) }

// saidError is a store error said in the associate's words; it still
// matches the store's error (errors.Is), so that a screen can say more.
type saidError struct {
	text  string
	cause error
}

func (e saidError) Error() string { return e.text }
func (e saidError) Unwrap() error { return e.cause }

// readFailed says that the app's read of what (an AppReading… key) in
// the book failed, and why, in the associate's words. The result
// still matches err (errors.Is): a damaged book still raises the banner.
func readFailed(c *i18n.Catalog, what i18n.Key, err error) error {
	return saidError{c.T(what, readWhy(c, err)), err}
}

// readWhy says why a read of the book failed.
func readWhy(c *i18n.Catalog, err error) string {
	if errors.Is(err, store.ErrLocked) {
		return c.T(i18n.AppReadingHeld)
	}
	return c.FileError(book.Classify(err))
}

// keptErr says why a note or a form was not saved, for the input that
// keeps its text: a read-only book says how to make it writable.
func keptErr(c *shared, err error) error {
	if errors.Is(err, store.ErrReadOnly) && c.book != nil {
		return saidError{c.t(i18n.ErrReadOnlyKept, c.book.Path()), err}
	}
	return err
}

// friendly says an error in the associate's words: the book's errors (and
// the store's and the domain's, through book.Classify) from the catalog.
// The result still matches the error it says (errors.Is), so that a screen
// can say more.
func friendly(c *i18n.Catalog, err error) error {
	var ue userError
	var se saidError
	if err == nil || errors.As(err, &ue) || errors.As(err, &se) {
		return err
	}
	err = book.Classify(err)
	var s i18n.Said
	if errors.As(err, &s) {
		return saidError{c.Error(err), err}
	}
	return err
}

// saveOpts are a client's write's options: its draft goes with it, and
// with despite it is saved even when it looks like another client.
func saveOpts(draftKey string, despite bool) []book.Also {
	opts := []book.Also{book.DropDraft(draftKey, nil)}
	if despite {
		opts = append(opts, book.Despite())
	}
	return opts
}
