package book

import (
	"encoding/json"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/rules"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// caughtUpKey is where the last day CatchUp ran is kept in the book.
const caughtUpKey = "caught_up_day"

// cardsCaughtUpKey is where the card scheme whose follow-ups were made
// for every client is kept: the first CatchUp under a dated scheme makes
// each card holder's follow-up, once.
const cardsCaughtUpKey = "card_follow_ups_scheme"

// cardsPassKey is where the pass making every card holder's follow-up
// stands while it runs: the last client done (cardsPass as JSON); empty
// when no pass runs. Each step of cardsStep clients commits with it, so a
// pass cut short (a crash, the open's time used up) goes on from there.
const cardsPassKey = "card_follow_ups_pass"

// cardsStep is how many clients one transaction of the pass covers: a
// few milliseconds each, so no write waits long behind it, and the
// pages it touches stay few.
var cardsStep = 2000

// cardsBudget is how long one CatchUp spends on the pass; the rest is
// done at the next writable open (a 100k-client book takes a few of
// them; a book of a few thousand clients is done in one).
var cardsBudget = 2 * time.Second

// cardsPass is the state of the pass kept under cardsPassKey.
type cardsPass struct {
	Scheme string `json:"scheme"`
	After  string `json:"after,omitempty"` // the last client id done
}

// CatchUp makes the work of the days that passed since it last ran: a
// service invitation whose day passed without a tick brings the next of
// its series (every ServiceInviteMonths while the client is active), as a
// tick does; the passed one stays open, overdue. A card's follow-up whose
// card has lapsed is closed, saying so, and the card the client is left
// with gets its own. Under a dated card scheme met for the first time,
// every card holder gets the follow-up before their card lapses: a pass
// over every client in steps, each its own transaction, for at most
// cardsBudget per call; a pass cut short goes on at the next call. The
// day's work runs once a day (the day is kept in the book). It returns
// how many tasks it made. Open runs it on a book opened for writing.
func (b *Book) CatchUp() (int, error) {
	today := b.today()
	done, passing, err := caughtUp(b.st, today)
	if err != nil {
		return 0, err
	}
	made := 0
	if !done {
		if made, err = b.catchUpDay(today); err != nil {
			return made, err
		}
		// The day's work may have started the pass.
		if _, passing, err = caughtUp(b.st, today); err != nil {
			return made, err
		}
	}
	if !passing {
		return made, nil
	}
	n, err := b.cardsPass(today, cardsBudget)
	return made + n, err
}

// catchUpDay makes the day's work of CatchUp, in one transaction, and
// starts the card holders' pass when the book meets a dated scheme.
func (b *Book) catchUpDay(today civil.Date) (int, error) {
	made := 0
	err := b.update(func(tx *store.Tx) error {
		r := b.rule.rules()
		for _, ref := range tx.OpenTaskRefsDueBy(today.AddDays(-1)) {
			t, err := tx.Task(ref.ID)
			if err != nil || t.ClientID == "" {
				continue
			}
			var next tasks.Task
			var ok bool
			switch t.Kind {
			case tasks.ServiceInvite:
				sum, err := tx.Summary(t.ClientID)
				if err != nil {
					continue
				}
				next, ok = r.NextService(&sum, &t, today)
			case tasks.CardRenewal:
				next, ok, err = b.rule.cardLapsed(tx, r, t, today)
				if err != nil {
					return err
				}
			}
			if !ok || tx.HasOrigin(next.Origin) {
				continue
			}
			if err := addTasks(tx, next); err != nil {
				return err
			}
			made++
		}
		if err := b.rule.startCardsPass(tx); err != nil {
			return err
		}
		return tx.SetRuleState(caughtUpKey, []byte(today.String()))
	})
	return made, err
}

// cardLapsed closes t, a card's follow-up, when its card's last day has
// passed, and returns the follow-up of the card the client is left with.
func (h *ruleHooks) cardLapsed(tx *store.Tx, r rules.Rules, t tasks.Task, today civil.Date) (tasks.Task, bool, error) {
	last, ok := rules.CardLapsesAfter(t.Origin)
	if !ok || !last.Before(today) {
		return tasks.Task{}, false, nil
	}
	if t, closed := r.CardClosed(t, i18n.TaskCancelledCardLapsed, tx.Now()); closed {
		if err := tx.UpdateTask(&t); err != nil {
			return tasks.Task{}, false, err
		}
	}
	sum, err := tx.Summary(t.ClientID)
	if err != nil {
		return tasks.Task{}, false, nil
	}
	next, ok := r.CardFollowUp(&sum, today, h.tiers)
	return next, ok, nil
}

// startCardsPass starts the pass making every card holder's follow-up
// the first time the book meets a dated card scheme (a book from before
// the rule, or a scheme just chosen), unless one runs for that scheme.
func (h *ruleHooks) startCardsPass(tx *store.Tx) error {
	cs, ok := h.tiers.Card()
	if !ok || !cs.Dated() || string(tx.RuleState(cardsCaughtUpKey)) == h.tiers.Scheme {
		return nil
	}
	var p cardsPass
	if raw := tx.RuleState(cardsPassKey); len(raw) > 0 && json.Unmarshal(raw, &p) == nil && p.Scheme == h.tiers.Scheme {
		return nil
	}
	raw, err := json.Marshal(cardsPass{Scheme: h.tiers.Scheme})
	if err != nil {
		return err
	}
	return tx.SetRuleState(cardsPassKey, raw)
}

// cardsPass goes on with the card holders' pass, a step of cardsStep
// clients per transaction, until it is done or budget has passed; it
// returns how many follow-ups it made. A pass for a scheme no longer in
// use is dropped.
func (b *Book) cardsPass(today civil.Date, budget time.Duration) (int, error) {
	start := time.Now()
	made := 0
	for more := true; more; {
		err := b.update(func(tx *store.Tx) error {
			raw := tx.RuleState(cardsPassKey)
			var p cardsPass
			if len(raw) == 0 || json.Unmarshal(raw, &p) != nil {
				more = false
				return nil
			}
			if p.Scheme != b.rule.tiers.Scheme {
				more = false
				return tx.SetRuleState(cardsPassKey, []byte{})
			}
			sums, err := tx.SummariesAfter(p.After, cardsStep)
			if err != nil {
				return err
			}
			r := b.rule.rules()
			for i := range sums {
				t, ok := r.CardFollowUp(&sums[i], today, b.rule.tiers)
				if !ok || tx.HasOrigin(t.Origin) {
					continue
				}
				if err := addTasks(tx, t); err != nil {
					return err
				}
				made++
			}
			if len(sums) < cardsStep {
				more = false
				if err := tx.SetRuleState(cardsCaughtUpKey, []byte(p.Scheme)); err != nil {
					return err
				}
				return tx.SetRuleState(cardsPassKey, []byte{})
			}
			p.After = sums[len(sums)-1].ID
			raw, err = json.Marshal(p)
			if err != nil {
				return err
			}
			return tx.SetRuleState(cardsPassKey, raw)
		})
		if err != nil {
			return made, err
		}
		if time.Since(start) > budget {
			break
		}
	}
	return made, nil
}

// CaughtUp reports whether CatchUp has run on day today in the book (read
// in a read transaction, so a book opened read-only answers): a command
// that only reads, such as the briefing, then need not open the book for
// writing to catch up.
func CaughtUp(st *store.Book, today civil.Date) bool {
	done, passing, err := caughtUp(st, today)
	return err == nil && done && !passing
}

// caughtUp reports whether the day's work of CatchUp was done on today,
// and whether the card holders' pass is still to finish.
func caughtUp(st *store.Book, today civil.Date) (done, passing bool, err error) {
	err = st.View(func(tx *store.Tx) error {
		var day civil.Date
		done = day.UnmarshalText(tx.RuleState(caughtUpKey)) == nil && day == today
		passing = len(tx.RuleState(cardsPassKey)) > 0
		return nil
	})
	return done, passing, err
}
