package rules

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/tiers"
)

// VisitPrepDays is how many days after the purchase that makes a client the
// top spender the personal visit is due.
const VisitPrepDays = 7

// activeDays is how long after a purchase a client counts as active for
// the care messages: the 12 months of the tier window.
const activeDays = 365

// Rules are the follow-up rules with their settings.
type Rules struct {
	Rhythm config.Rhythm
	// Lang is the language the tasks' stored titles are written in ("zh"
	// for Chinese, English otherwise). Each task also keeps its title's
	// code and facts (tasks.Phrase), so it is shown in the language in use
	// whatever Lang was.
	Lang string
}

// New returns the rules with the rhythm r and titles in lang.
func New(r config.Rhythm, lang string) Rules { return Rules{Rhythm: r, Lang: lang} }

// The steps of the 0-3-3-3 rhythm, as they appear in origins.
const (
	StepThankYou = "thank_you"
	StepCall     = "call"
	StepCare     = "care" // followed by the care message's number: care1, care2, ...
	StepService  = "service"
)

// RhythmOrigin names a step of the rhythm of a client's purchase day:
// "rhythm:CLIENT:2026-11-02:call".
func RhythmOrigin(clientID string, day civil.Date, step string) string {
	return "rhythm:" + clientID + ":" + day.String() + ":" + step
}

// ReferralOrigin names one of the tasks of a referral, keyed by the new
// client: "referral:CLIENT:thank_referrer", "thank_new" or "follow_up".
func ReferralOrigin(newClientID, what string) string { return "referral:" + newClientID + ":" + what }

// TopSpenderOrigin names the personal visit of a top spender in a year.
func TopSpenderOrigin(clientID string, year int) string {
	return "top_spender:" + clientID + ":" + strconv.Itoa(year)
}

// ComplaintOrigin names the case opened by a complaint note.
func ComplaintOrigin(noteID string) string { return "complaint:" + noteID }

// title is a task's title: its phrase, and its words in the rules' Lang
// as stored.
type title struct {
	phrase *tasks.Phrase
	words  string
}

// phrase is the title of key k with its facts.
func (r Rules) phrase(k i18n.Key, args ...string) title {
	p := &tasks.Phrase{Code: string(k), Args: args}
	s, _ := i18n.New(r.Lang).Phrase(*p)
	return title{p, s}
}

// canContact reports whether the rules may ask the associate to contact c.
func canContact(c *profile.Summary) bool {
	return c != nil && !c.DoNotContact && c.Status == profile.Active
}

func task(c *profile.Summary, kind tasks.Kind, due civil.Date, origin string, t title) tasks.Task {
	return tasks.Task{ClientID: c.ID, Kind: kind, Due: due, Status: tasks.Open, Origin: origin, Title: t.words, Phrase: t.phrase}
}

// Purchase returns the tasks of the 0-3-3-3 rhythm for c's purchase p,
// logged on today: the thank-you, the call, a care message and the service
// invitation. A purchase logged late starts the chain at its next step
// still ahead: a step due before today is not made, and the care message
// and the invitation are the first of their series due today or later
// while the client is active (within a year of the purchase; none when c
// has bought since, whose own rhythm takes over). A client who may not be
// contacted gets none.
func (r Rules) Purchase(c *profile.Summary, p profile.Purchase, today civil.Date) []tasks.Task {
	if !canContact(c) || p.Date.IsZero() {
		return nil
	}
	what := strings.TrimSpace(p.Items)
	forItems := func(plain, with i18n.Key) title {
		if what == "" {
			return r.phrase(plain)
		}
		return r.phrase(with, what)
	}
	rh := r.Rhythm
	steps := []tasks.Task{
		task(c, tasks.ThankYou, p.Date.AddDays(rh.ThankYouDay), RhythmOrigin(c.ID, p.Date, StepThankYou),
			forItems(i18n.TitleThankYou, i18n.TitleThankYouFor)),
		task(c, tasks.CallBack, p.Date.AddDays(rh.CallDay), RhythmOrigin(c.ID, p.Date, StepCall),
			forItems(i18n.TitleCall, i18n.TitleCallFor)),
	}
	if !boughtSince(c, p.Date) {
		if n, due, ok := r.careAhead(p.Date, 1, today); ok {
			steps = append(steps, task(c, tasks.CareMessage, due, RhythmOrigin(c.ID, p.Date, StepCare+strconv.Itoa(n)),
				forItems(i18n.TitleCare, i18n.TitleCareFor)))
		}
		if k, due, ok := r.serviceAhead(p.Date, 1, today); ok {
			steps = append(steps, task(c, tasks.ServiceInvite, due, RhythmOrigin(c.ID, p.Date, serviceStep(k)),
				forItems(i18n.TitleService, i18n.TitleServiceFor)))
		}
	}
	out := steps[:0]
	for _, t := range steps {
		if t.Due.Before(today) {
			continue // its moment has passed
		}
		out = append(out, t)
	}
	return out
}

// boughtSince reports whether c has a purchase after day.
func boughtSince(c *profile.Summary, day civil.Date) bool {
	for _, s := range c.Spends {
		if s.Date.After(day) {
			return true
		}
	}
	return false
}

// active reports whether a step due on due of the purchase of day falls
// while the client is still active: the purchase is still in the 12
// months (365 days) up to due.
func active(day, due civil.Date) bool { return day.DaysUntil(due) < activeDays }

// careAhead returns the first care message of the purchase of day, from
// the n-th on, due on or after from, while the client is active and within
// CareMax.
func (r Rules) careAhead(day civil.Date, n int, from civil.Date) (int, civil.Date, bool) {
	every := r.Rhythm.CareEveryDays
	if every < 1 {
		return 0, civil.Date{}, false
	}
	for ; ; n++ {
		if r.Rhythm.CareMax > 0 && n > r.Rhythm.CareMax {
			return 0, civil.Date{}, false
		}
		due := day.AddDays(n * every)
		if !active(day, due) {
			return 0, civil.Date{}, false
		}
		if !due.Before(from) {
			return n, due, true
		}
	}
}

// serviceAhead returns the first service invitation of the purchase of
// day, from the k-th on (every ServiceInviteMonths), due on or after from,
// while the client is active.
func (r Rules) serviceAhead(day civil.Date, k int, from civil.Date) (int, civil.Date, bool) {
	every := r.Rhythm.ServiceInviteMonths
	if every < 1 {
		return 0, civil.Date{}, false
	}
	for ; ; k++ {
		due := day.AddMonths(k * every)
		if !active(day, due) {
			return 0, civil.Date{}, false
		}
		if !due.Before(from) {
			return k, due, true
		}
	}
}

// serviceStep names the k-th service invitation of a purchase: "service"
// for the first (as books have always had it), "service2", ... after.
func serviceStep(k int) string {
	if k <= 1 {
		return StepService
	}
	return StepService + strconv.Itoa(k)
}

// serviceNumber returns k of a service step, 0 when step is not one.
func serviceNumber(step string) int {
	s, ok := strings.CutPrefix(step, StepService)
	if !ok {
		return 0
	}
	if s == "" {
		return 1
	}
	k, err := strconv.Atoi(s)
	if err != nil || k < 2 {
		return 0
	}
	return k
}

// NextService returns the service invitation that follows done, an
// invitation of the rhythm just ticked done (or whose day has passed
// without a tick, on today), and false when the chain ends: the next is
// due ServiceInviteMonths after done's, or the first of the series still
// ahead of the day it was done (due today or later, for one not done),
// while the client is active and has not bought
// since (a newer purchase's rhythm takes over).
func (r Rules) NextService(c *profile.Summary, done *tasks.Task, today civil.Date) (tasks.Task, bool) {
	if done.Kind != tasks.ServiceInvite || !canContact(c) {
		return tasks.Task{}, false
	}
	id, day, step, ok := ParseRhythmOrigin(done.Origin)
	k := serviceNumber(step)
	if !ok || k == 0 || id != c.ID || boughtSince(c, day) {
		return tasks.Task{}, false
	}
	from := today // one whose day passed: the next still ahead, today's included
	if doneDay := civil.Of(done.DoneAt); done.Status == tasks.Done && !done.DoneAt.IsZero() {
		from = doneDay.AddDays(1)
	} else if done.Status == tasks.Done {
		from = today.AddDays(1)
	}
	k, due, ok := r.serviceAhead(day, k+1, from)
	if !ok {
		return tasks.Task{}, false
	}
	return task(c, tasks.ServiceInvite, due, RhythmOrigin(c.ID, day, serviceStep(k)), title{done.Phrase, done.Title}), true
}

// ParseRhythmOrigin reads an origin made by RhythmOrigin; ok is false for
// any other origin.
func ParseRhythmOrigin(origin string) (clientID string, day civil.Date, step string, ok bool) {
	rest, found := strings.CutPrefix(origin, "rhythm:")
	if !found {
		return "", civil.Date{}, "", false
	}
	parts := strings.Split(rest, ":")
	if len(parts) != 3 {
		return "", civil.Date{}, "", false
	}
	d, err := civil.Parse(parts[1])
	if err != nil {
		return "", civil.Date{}, "", false
	}
	return parts[0], d, parts[2], true
}

// careNumber returns n of a "careN" step, 0 when step is not one.
func careNumber(step string) int {
	s, ok := strings.CutPrefix(step, StepCare)
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0
	}
	return n
}

// NextCare returns the care message that follows done, a care message of
// the rhythm that was just ticked done, and false when the chain ends (see
// the package doc: the client must still be active). The next one is due
// CareEveryDays after done's due day, or after the day it was done when
// that is later, so a late tick does not pile messages up.
func (r Rules) NextCare(c *profile.Summary, done *tasks.Task) (tasks.Task, bool) {
	if done.Kind != tasks.CareMessage || done.Status != tasks.Done || !canContact(c) {
		return tasks.Task{}, false
	}
	id, day, step, ok := ParseRhythmOrigin(done.Origin)
	n := careNumber(step)
	if !ok || n == 0 || id != c.ID {
		return tasks.Task{}, false
	}
	every := r.Rhythm.CareEveryDays
	if every < 1 || (r.Rhythm.CareMax > 0 && n >= r.Rhythm.CareMax) {
		return tasks.Task{}, false
	}
	if boughtSince(c, day) {
		return tasks.Task{}, false // a newer purchase has its own rhythm
	}
	due := done.Due.AddDays(every)
	if doneDay := civil.Of(done.DoneAt); !done.DoneAt.IsZero() && !due.After(doneDay) {
		due = doneDay.AddDays(every)
	}
	if day.DaysUntil(due) > activeDays {
		return tasks.Task{}, false
	}
	t := task(c, tasks.CareMessage, due, RhythmOrigin(c.ID, day, StepCare+strconv.Itoa(n+1)), title{done.Phrase, done.Title})
	return t, true
}

// Referral returns the tasks of a referral made today: same-day thanks to
// the referrer and a welcome to the new client, and a follow-up with the
// new client within ReferralFollowUpDays. Either client who may not be
// contacted gets none.
func (r Rules) Referral(newClient, referrer *profile.Summary, today civil.Date) []tasks.Task {
	var out []tasks.Task
	if newClient == nil || referrer == nil {
		return nil
	}
	nn, rn := newClient.DisplayName(), referrer.DisplayName()
	if canContact(referrer) {
		out = append(out, task(referrer, tasks.ReferralThanks, today, ReferralOrigin(newClient.ID, "thank_referrer"),
			r.phrase(i18n.TitleThankReferrer, rn, nn)))
	}
	if canContact(newClient) {
		out = append(out,
			task(newClient, tasks.ThankYou, today, ReferralOrigin(newClient.ID, "thank_new"), r.phrase(i18n.TitleWelcome, nn, rn)),
			task(newClient, tasks.Introduce, today.AddDays(r.Rhythm.ReferralFollowUpDays), ReferralOrigin(newClient.ID, "follow_up"),
				r.phrase(i18n.TitleReferralFollowUp, nn, rn)))
	}
	return out
}

// TopSpend is the standing top spender: the client with the highest spend
// in the book's year (from From, the first day of the yearly period, up to
// Day), among Buyers clients who bought in it.
type TopSpend struct {
	Day      civil.Date    `json:"day"`
	From     civil.Date    `json:"from"`
	ClientID string        `json:"client_id"`
	Amount   profile.Money `json:"amount"`
	Buyers   int           `json:"buyers"`
}

// YearFrom returns the first day of the yearly period starting on start
// (1 January when zero) that holds day.
func YearFrom(day civil.Date, start civil.MonthDay) civil.Date {
	if start.IsZero() {
		start = civil.MonthDay{Month: 1, Day: 1}
	}
	from := start.In(day.Year)
	if from.After(day) {
		from = start.In(day.Year - 1)
	}
	return from
}

// SpendIn returns c's spend from from to today, both included.
func SpendIn(c *profile.Summary, from, today civil.Date) profile.Money {
	var m profile.Money
	for _, s := range c.Spends {
		if !s.Date.Before(from) && !s.Date.After(today) {
			m += s.Amount
		}
	}
	return m
}

// TopOf ranks every client of the active book by their spend in the year
// that started on from, up to today. A tie goes to the client first in
// sums (the store lists them by id).
func TopOf(sums []profile.Summary, from, today civil.Date) TopSpend {
	top := TopSpend{Day: today, From: from}
	for i := range sums {
		c := &sums[i]
		if c.Status == profile.Archived {
			continue
		}
		m := SpendIn(c, from, today)
		if m <= 0 {
			continue
		}
		top.Buyers++
		if m > top.Amount {
			top.ClientID, top.Amount = c.ID, m
		}
	}
	return top
}

// With folds a purchase p of c, just added to c's summary, into the
// standing top of the same day, and returns the new standing: c takes the
// top when their year's spend now exceeds the holder's.
func (t TopSpend) With(c *profile.Summary, p profile.Purchase) TopSpend {
	m := SpendIn(c, t.From, t.Day)
	if !p.Date.Before(t.From) && !p.Date.After(t.Day) && m > 0 && m == p.Amount {
		t.Buyers++ // c's first purchase in the year
	}
	switch {
	case t.ClientID == c.ID:
		t.Amount = m
	case m > t.Amount:
		t.ClientID, t.Amount = c.ID, m
	}
	return t
}

// Leads reports whether top has a meaningful leader: one whose year's
// spend reached the configured minimum (Rhythm.TopSpenderMin).
func (r Rules) Leads(top TopSpend) bool {
	return top.ClientID != "" && top.Amount > 0 && top.Amount >= r.Rhythm.TopSpenderMin.Money()
}

// TopSpender returns the personal visit for c when c is the standing top
// spender top (after the purchase) and leads the year (Leads). origin is
// the task's origin; "" means TopSpenderOrigin of c and the year.
func (r Rules) TopSpender(c *profile.Summary, top TopSpend, origin string) (tasks.Task, bool) {
	if top.ClientID != c.ID || !r.Leads(top) || !canContact(c) {
		return tasks.Task{}, false
	}
	if origin == "" {
		origin = TopSpenderOrigin(c.ID, top.From.Year)
	}
	t := task(c, tasks.PersonalVisit, top.Day.AddDays(VisitPrepDays), origin,
		r.phrase(i18n.TitleTopSpenderYear, top.Amount.String(), top.From.String()))
	return t, true
}

// Overtaken returns the open visit v of an earlier top spender cancelled
// at now, its note saying that leader (the new top spender's name) has
// overtaken them with amount; ok is false when v is no longer open.
func (r Rules) Overtaken(v tasks.Task, leader string, amount profile.Money, now time.Time) (tasks.Task, bool) {
	if !v.IsOpen() {
		return v, false
	}
	v.Cancel(now)
	reason := i18n.New(r.Lang).T(i18n.TaskCancelledOvertaken, leader, amount.String())
	if v.Note != "" {
		reason = v.Note + "\n" + reason
	}
	v.Note = reason
	return v, true
}

// ContactSteps are the complaint steps that reach out to the client after
// the complaint (7: compensate with a small gift; 8: confirm satisfaction
// and thank), left out for a client who asked not to be contacted.
var ContactSteps = []int{7, 8}

// Complaint returns the case a complaint note opens: a follow-up due the
// day of the note whose checklist is the eight steps, with the complaint's
// text as its note. A client who asked not to be contacted gets the case
// without the gift and the later call to confirm satisfaction
// (ContactSteps). Any other note opens nothing.
func (r Rules) Complaint(c *profile.Summary, n *notes.Note) (tasks.Task, bool) {
	if n.Kind != notes.Complaint || c == nil {
		return tasks.Task{}, false
	}
	t := task(c, tasks.ComplaintFollowUp, civil.Of(n.At), ComplaintOrigin(n.ID), r.phrase(i18n.TitleComplaint))
	cat := i18n.New(r.Lang)
	for i := 1; i <= i18n.ComplaintSteps; i++ {
		if c.DoNotContact && slices.Contains(ContactSteps, i) {
			continue
		}
		t.Checklist = append(t.Checklist, tasks.CheckItem{Text: cat.ComplaintStep(i), Step: i})
	}
	t.Note = n.Text
	return t, true
}

// ContactCancels returns the client's open contact tasks cancelled at now,
// when the client has just asked not to be contacted (wasDNC false, isDNC
// true); nil otherwise. The caller writes them back.
func (r Rules) ContactCancels(wasDNC, isDNC bool, ts []tasks.Task, now time.Time) []tasks.Task {
	if wasDNC || !isDNC {
		return nil
	}
	var out []tasks.Task
	for _, t := range ts {
		if !t.IsOpen() || !t.Kind.IsContact() {
			continue
		}
		t.Cancel(now)
		reason := i18n.New(r.Lang).T(i18n.TaskCancelledDNC)
		if t.Note != "" {
			reason = t.Note + "\n" + reason
		}
		t.Note = reason
		out = append(out, t)
	}
	return out
}

// CardWarnDays is how many days before a card of a dated scheme lapses
// its follow-up is due (and the briefing lists it): time to invite the
// client back while what keeps the card is not yet spent.
const CardWarnDays = 30

// CardOrigin names the follow-up before c's card of level lapses after
// validTo: "card:CLIENT:gold:2026-09-14". A card kept past validTo has
// another last day, so the next follow-up has another origin.
func CardOrigin(clientID, level string, validTo civil.Date) string {
	return "card:" + clientID + ":" + level + ":" + validTo.String()
}

// IsCardOrigin reports whether origin was made by CardOrigin for clientID.
func IsCardOrigin(origin, clientID string) bool {
	return strings.HasPrefix(origin, "card:"+clientID+":")
}

// CardLapsesAfter returns the last valid day of the card a CardOrigin
// names; false for any other origin.
func CardLapsesAfter(origin string) (civil.Date, bool) {
	parts := strings.Split(origin, ":")
	if len(parts) != 4 || parts[0] != "card" {
		return civil.Date{}, false
	}
	d, err := civil.Parse(parts[3])
	return d, err == nil
}

// cardLookAhead bounds how many card years CardFollowUp looks through
// for the next card that lapses unless the client spends.
const cardLookAhead = 4

// CardFollowUp returns the follow-up that invites c back before the next
// card of theirs (under the dated card scheme of cfg) that lapses unless
// they spend: due CardWarnDays before its last valid day (today when that
// is nearer), titled with the card, that day and what keeps it. A card
// already kept past its last day (renewed, or spent enough to stay, or
// upgraded at the next period) is followed to the card it becomes, as it
// will be with no purchase, so the follow-up names the first card that
// would truly lapse. It is a pure function of c's purchases and today;
// false when there is none (no dated scheme, no card, or a client who
// may not be contacted).
func (r Rules) CardFollowUp(c *profile.Summary, today civil.Date, cfg config.Tiers) (tasks.Task, bool) {
	cs, ok := cfg.Card()
	if !ok || !cs.Dated() || !canContact(c) {
		return tasks.Task{}, false
	}
	day := today
	for range cardLookAhead {
		a, ok := tiers.CardOf(*c, day, cfg)
		card := a.Card
		if !ok || card == nil || card.Valid == "" || card.Keep == 0 || a.Computed == "" || card.ValidTo.Before(day) {
			return tasks.Task{}, false
		}
		next := card.ValidTo.AddDays(1)
		if card.UpgradeTo != "" && card.UpgradeOn.Before(next) {
			next = card.UpgradeOn
		}
		if card.Toward >= card.Keep || card.UpgradeTo != "" {
			day = next // kept (or upgraded): the card it becomes
			continue
		}
		due := card.ValidTo.AddDays(-CardWarnDays)
		if due.Before(today) {
			due = today
		}
		label := a.Label
		if label == "" {
			label = a.Computed
		}
		t := task(c, tasks.CardRenewal, due, CardOrigin(c.ID, a.Computed, card.ValidTo),
			r.phrase(i18n.TitleCardLapsing, label, card.ValidTo.String(), a.Money(card.Keep)))
		return t, true
	}
	return tasks.Task{}, false
}

// CardClosed returns the open card follow-up t closed at now with note k
// (TaskCancelledCardKept or TaskCancelledCardLapsed); ok is false when t
// is no longer open.
func (r Rules) CardClosed(t tasks.Task, k i18n.Key, now time.Time) (tasks.Task, bool) {
	if !t.IsOpen() {
		return t, false
	}
	t.Cancel(now)
	reason := i18n.New(r.Lang).T(k)
	if t.Note != "" {
		reason = t.Note + "\n" + reason
	}
	t.Note = reason
	return t, true
}
