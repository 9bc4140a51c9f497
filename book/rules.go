package book

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/rules"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// ruleHooks wire the clienteling rules into the store's writes: a purchase
// starts the 0-3-3-3 rhythm and may crown the top spender, a referral
// thanks both clients, a complaint note opens a case, a ticked care
// message brings the next, and do-not-contact cancels contact tasks. The
// hooks run inside the write's transaction, so a write and its tasks land
// together or not at all. The rhythm comes from the configuration the
// book was opened with; nothing is read from a file here.
type ruleHooks struct {
	lang string
	cfg  config.Rhythm
	year civil.MonthDay // the first day of the book's year (config.Tiers.YearStart)
	// tiers is the tier configuration: a dated card scheme makes a
	// follow-up before a card lapses.
	tiers config.Tiers
}

// install sets the hooks on st.
func (h *ruleHooks) install(st *store.Book) {
	st.SetHooks(store.Hooks{
		ClientAdded:     h.clientAdded,
		ClientUpdated:   h.clientUpdated,
		NoteAdded:       h.noteAdded,
		PurchaseAdded:   h.purchaseAdded,
		TaskUpdated:     h.taskUpdated,
		NoteRemoved:     h.noteRemoved,
		PurchaseRemoved: h.purchaseRemoved,
	})
}

// topSpenderKey is where the standing top spender is cached in the book.
const topSpenderKey = "top_spender_year"

// topVisitKey is where the one open top-spender visit is remembered.
const topVisitKey = "top_spender_visit"

// topVisit is the top spender's visit the rule made last: its task, its
// client and the first day of its year.
type topVisit struct {
	TaskID   string     `json:"task_id"`
	ClientID string     `json:"client_id"`
	From     civil.Date `json:"from"`
}

func (h *ruleHooks) rules() rules.Rules { return rules.New(h.cfg, h.lang) }

// addTasks stores the tasks a rule made, skipping any whose origin the book
// already has (made before, even if since done or cancelled) and any contact
// the client asked not to receive.
func addTasks(tx *store.Tx, ts ...tasks.Task) error {
	for i := range ts {
		if tx.HasOrigin(ts[i].Origin) {
			continue
		}
		err := tx.AddTask(&ts[i])
		if err != nil && !errors.Is(err, store.ErrDuplicate) && !errors.Is(err, store.ErrDoNotContact) {
			return err
		}
	}
	return nil
}

func (h *ruleHooks) clientAdded(tx *store.Tx, p *profile.Profile) error {
	if p.ReferredBy == "" {
		return nil // no referral to thank for: the summary is not read
	}
	sum, err := tx.Summary(p.ID)
	if err != nil {
		return err
	}
	return h.referral(tx, &sum)
}

func (h *ruleHooks) referral(tx *store.Tx, newClient *profile.Summary) error {
	ref, err := tx.Summary(newClient.ReferredBy)
	if err != nil {
		return nil // the referrer is not (or no longer) in this book: nobody to thank
	}
	return addTasks(tx, h.rules().Referral(newClient, &ref, civil.Of(tx.Now()))...)
}

func (h *ruleHooks) clientUpdated(tx *store.Tx, before, after *profile.Profile) error {
	if !before.Consent.DoNotContact && after.Consent.DoNotContact {
		for _, t := range h.rules().ContactCancels(false, true, tx.ClientTasks(after.ID), tx.Now()) {
			if err := tx.UpdateTask(&t); err != nil {
				return err
			}
		}
	}
	if after.ReferredBy != "" && after.ReferredBy != before.ReferredBy {
		sum, err := tx.Summary(after.ID)
		if err != nil {
			return err
		}
		return h.referral(tx, &sum)
	}
	return nil
}

func (h *ruleHooks) noteAdded(tx *store.Tx, noteID string) error {
	n, err := tx.Note(noteID)
	if err != nil {
		return err
	}
	sum, err := tx.Summary(n.ClientID)
	if err != nil {
		return err
	}
	if t, ok := h.rules().Complaint(&sum, &n); ok {
		return addTasks(tx, t)
	}
	return nil
}

func (h *ruleHooks) purchaseAdded(tx *store.Tx, purchaseID string) error {
	p, err := tx.Purchase(purchaseID)
	if err != nil {
		return err
	}
	sum, err := tx.Summary(p.ClientID)
	if err != nil {
		return err
	}
	r := h.rules()
	today := civil.Of(tx.Now())
	if err := addTasks(tx, r.Purchase(&sum, p, today)...); err != nil {
		return err
	}
	if err := h.cardFollowUp(tx, r, &sum, today); err != nil {
		return err
	}
	from := rules.YearFrom(today, h.year)
	if p.Date.After(today) || p.Date.Before(from) {
		return nil // outside the year the top spender is ranked on
	}
	top, err := standingTop(tx, &sum, p, from, today)
	if err != nil {
		return err
	}
	return h.topSpender(tx, r, &sum, top)
}

// cardFollowUp keeps c's one open follow-up before their card lapses (a
// dated card scheme): the follow-up of the card that lapses next unless c
// spends. An open one for another card (or another last day) is closed,
// saying a purchase kept the card: a renewal or an upgrade moved it on.
func (h *ruleHooks) cardFollowUp(tx *store.Tx, r rules.Rules, c *profile.Summary, today civil.Date) error {
	next, ok := r.CardFollowUp(c, today, h.tiers)
	for _, t := range tx.ClientTasks(c.ID) {
		if t.Kind != tasks.CardRenewal || !rules.IsCardOrigin(t.Origin, c.ID) || (ok && t.Origin == next.Origin) {
			continue
		}
		if t, closed := r.CardClosed(t, i18n.TaskCancelledCardKept, tx.Now()); closed {
			if err := tx.UpdateTask(&t); err != nil {
				return err
			}
		}
	}
	if !ok {
		return nil
	}
	return addTasks(tx, next)
}

// topSpender keeps one open visit for the year's leader: when top has a
// meaningful leader who is not the holder of the visit made last, that
// visit (still open) is cancelled, saying who overtook, and the leader
// gets theirs.
func (h *ruleHooks) topSpender(tx *store.Tx, r rules.Rules, c *profile.Summary, top rules.TopSpend) error {
	if top.ClientID != c.ID || !r.Leads(top) {
		return nil
	}
	var last topVisit
	if raw := tx.RuleState(topVisitKey); raw != nil {
		if json.Unmarshal(raw, &last) != nil || last.From != top.From {
			last = topVisit{}
		}
	}
	if last.ClientID == c.ID {
		return nil // the leader holds the visit already
	}
	if last.TaskID != "" {
		if v, err := tx.Task(last.TaskID); err == nil {
			if v, ok := r.Overtaken(v, c.DisplayName(), top.Amount, tx.Now()); ok {
				if err := tx.UpdateTask(&v); err != nil {
					return err
				}
			}
		}
	}
	origin := rules.TopSpenderOrigin(c.ID, top.From.Year)
	for n := 2; tx.HasOrigin(origin); n++ {
		// overtaken before and leading again: a visit of its own
		origin = rules.TopSpenderOrigin(c.ID, top.From.Year) + ":" + strconv.Itoa(n)
	}
	t, ok := r.TopSpender(c, top, origin)
	if !ok {
		return nil
	}
	if err := tx.AddTask(&t); err != nil {
		if errors.Is(err, store.ErrDoNotContact) {
			return nil
		}
		return err
	}
	raw, err := json.Marshal(topVisit{TaskID: t.ID, ClientID: c.ID, From: top.From})
	if err != nil {
		return err
	}
	return tx.SetRuleState(topVisitKey, raw)
}

// standingTop returns the top spender after the purchase p of c: the cached
// standing of today with p folded in, or, on the first purchase of a day
// (or when the cached holder has left the book), the standing read from
// what the book keeps on write (keptTop), or else a ranking of the whole
// book. The standing is cached in the book for the rest of the day.
func standingTop(tx *store.Tx, c *profile.Summary, p profile.Purchase, from, today civil.Date) (rules.TopSpend, error) {
	var top rules.TopSpend
	raw := tx.RuleState(topSpenderKey)
	fresh := raw != nil && json.Unmarshal(raw, &top) == nil && top.Day == today && top.From == from &&
		(top.ClientID == "" || tx.HasClient(top.ClientID))
	if fresh {
		top = top.With(c, p)
	} else if kept, ok, err := keptTop(tx, from, today); err != nil {
		return top, err
	} else if ok {
		top = kept
	} else {
		sums, err := tx.Summaries()
		if err != nil {
			return top, err
		}
		top = rules.TopOf(sums, from, today)
	}
	raw, err := json.Marshal(top)
	if err != nil {
		return top, err
	}
	return top, tx.SetRuleState(topSpenderKey, raw)
}

func (h *ruleHooks) taskUpdated(tx *store.Tx, before, after *tasks.Task) error {
	if before.Status == tasks.Done || after.Status != tasks.Done || after.ClientID == "" {
		return nil
	}
	if after.Kind != tasks.CareMessage && after.Kind != tasks.ServiceInvite {
		return nil
	}
	sum, err := tx.Summary(after.ClientID)
	if err != nil {
		return nil
	}
	r := h.rules()
	next, ok := r.NextCare(&sum, after)
	if after.Kind == tasks.ServiceInvite {
		next, ok = r.NextService(&sum, after, civil.Of(tx.Now()))
	}
	if ok {
		return addTasks(tx, next)
	}
	return nil
}

// keptTop is rules.TopOf from what the book keeps on write, reading the
// clients who bought in the year: all of them when they are few (early
// in the year), else those the 12-month spend ranking (which holds every
// year's spend, the year being at most its 365 days) lists from the top,
// down to the first whose 12 months are below the year's best; Buyers is
// then not counted (0: it would read every purchase of the year). ok is
// false when the book keeps neither, or the year reaches past the 12
// months (the last day of a leap year).
func keptTop(tx *store.Tx, from, today civil.Date) (rules.TopSpend, bool, error) {
	top := rules.TopSpend{Day: today, From: from}
	buyers, few, ok := tx.BoughtBetween(from, today, keptTopFew)
	r, ranked := tx.SpendRanking(today)
	if !ok || !ranked || from.Before(today.AddDays(-364)) {
		return top, false, nil
	}
	consider := func(id string) error {
		s, err := tx.ValueSummary(id) // status and spends are all it reads
		if err != nil {
			return err
		}
		if s.Status == profile.Archived {
			return nil
		}
		m := rules.SpendIn(&s, from, today)
		if m > top.Amount || m > 0 && m == top.Amount && id < top.ClientID {
			top.ClientID, top.Amount = id, m
		}
		if m > 0 {
			top.Buyers++
		}
		return nil
	}
	if few {
		for _, id := range buyers {
			if err := consider(id); err != nil {
				return top, false, err
			}
		}
		return top, true, nil
	}
	var err error
	_ = r.Top(func(id string, m12 profile.Money) bool {
		if top.ClientID != "" && m12 < top.Amount {
			return false
		}
		err = consider(id)
		return err == nil
	})
	top.Buyers = 0
	return top, err == nil, err
}

// keptTopFew is how many buyers in the year keptTop reads one by one (a
// variable for tests).
var keptTopFew = 500

// cancelRemoved cancels t, made by a record since removed, saying so.
func (h *ruleHooks) cancelRemoved(tx *store.Tx, t tasks.Task, k i18n.Key) error {
	if !t.IsOpen() {
		return nil
	}
	t.Cancel(tx.Now())
	reason := i18n.New(h.lang).T(k)
	if t.Note != "" {
		reason = t.Note + "\n" + reason
	}
	t.Note = reason
	return tx.UpdateTask(&t)
}

// titleWithoutItems maps the title of a 0-3-3-3 follow-up that names the
// items bought to the one that does not.
var titleWithoutItems = map[i18n.Key]i18n.Key{
	i18n.TitleThankYouFor: i18n.TitleThankYou,
	i18n.TitleCallFor:     i18n.TitleCall,
	i18n.TitleCareFor:     i18n.TitleCare,
	i18n.TitleServiceFor:  i18n.TitleService,
}

// forgetItems takes the items of a purchase removed by mistake out of the
// title of a follow-up it made (cancelled with it): what was bought on a
// purchase that did not happen does not stay in the book.
func (h *ruleHooks) forgetItems(t *tasks.Task, items string) {
	items = strings.TrimSpace(items)
	if t.Phrase == nil || items == "" || len(t.Phrase.Args) != 1 || t.Phrase.Args[0] != items {
		return
	}
	plain, ok := titleWithoutItems[i18n.Key(t.Phrase.Code)]
	if !ok {
		return
	}
	ph := tasks.Phrase{Code: string(plain)}
	if s, ok := i18n.New(h.lang).Phrase(ph); ok {
		t.Phrase, t.Title = &ph, s
	}
}

// noteRemoved cancels the case a removed complaint note opened, while
// it is still open.
func (h *ruleHooks) noteRemoved(tx *store.Tx, n *notes.Note) error {
	origin := rules.ComplaintOrigin(n.ID)
	for _, t := range tx.ClientTasks(n.ClientID) {
		if t.Origin == origin {
			if err := h.cancelRemoved(tx, t, i18n.TaskCancelledNoteRemoved); err != nil {
				return err
			}
		}
	}
	return nil
}

// purchaseRemoved undoes what a purchase logged by mistake started: its
// 0-3-3-3 follow-ups still open are cancelled (unless another purchase of
// the client's on that day keeps them), and the year's top spender is
// ranked again without it: a client who led only by it loses the open
// visit, and the new leader gets theirs.
func (h *ruleHooks) purchaseRemoved(tx *store.Tx, p *profile.Purchase) error {
	sum, err := tx.Summary(p.ClientID)
	if err != nil {
		return err
	}
	if !slices.ContainsFunc(sum.Spends, func(s profile.Spend) bool { return s.Date == p.Date }) {
		prefix := rules.RhythmOrigin(p.ClientID, p.Date, "")
		for _, t := range tx.ClientTasks(p.ClientID) {
			if strings.HasPrefix(t.Origin, prefix) {
				if t.IsOpen() {
					h.forgetItems(&t, p.Items)
				}
				if err := h.cancelRemoved(tx, t, i18n.TaskCancelledPurchaseRemoved); err != nil {
					return err
				}
			}
		}
	}
	today := civil.Of(tx.Now())
	from := rules.YearFrom(today, h.year)
	if p.Date.After(today) || p.Date.Before(from) {
		return nil
	}
	// The standing kept for the day counted the purchase: rank afresh.
	if err := tx.SetRuleState(topSpenderKey, nil); err != nil {
		return err
	}
	top, err := standingTop(tx, &sum, profile.Purchase{}, from, today)
	if err != nil {
		return err
	}
	r := h.rules()
	var last topVisit
	if raw := tx.RuleState(topVisitKey); raw != nil {
		if json.Unmarshal(raw, &last) != nil || last.From != top.From {
			last = topVisit{}
		}
	}
	if last.ClientID == p.ClientID && (top.ClientID != p.ClientID || !r.Leads(top)) {
		if v, err := tx.Task(last.TaskID); err == nil {
			if err := h.cancelRemoved(tx, v, i18n.TaskCancelledPurchaseRemoved); err != nil {
				return err
			}
		}
		if err := tx.SetRuleState(topVisitKey, nil); err != nil {
			return err
		}
	}
	if top.ClientID == "" || top.ClientID == last.ClientID && last.ClientID != p.ClientID {
		return nil
	}
	leader, err := tx.Summary(top.ClientID)
	if err != nil {
		return nil // the leader is not (or no longer) in the book
	}
	return h.topSpender(tx, r, &leader, top)
}
