package book

import (
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

// CatchUp makes the work of the days that passed since it last ran: a
// service invitation whose day passed without a tick brings the next of
// its series (every ServiceInviteMonths while the client is active), as a
// tick does; the passed one stays open, overdue. A card's follow-up whose
// card has lapsed is closed, saying so, and the card the client is left
// with gets its own. Under a dated card scheme met for the first time,
// every card holder gets the follow-up before their card lapses. It runs
// once a day (the day is kept in the book) and returns how many tasks it
// made. Open runs it on a book opened for writing.
func (b *Book) CatchUp() (int, error) {
	today := b.today()
	if done, err := caughtUp(b.st, today); err != nil || done {
		return 0, err
	}
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
		n, err := b.rule.cardsCaughtUp(tx, r, today)
		if err != nil {
			return err
		}
		made += n
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

// cardsCaughtUp makes every card holder's follow-up the first time the
// book meets a dated card scheme (a book from before the rule, or a
// scheme just chosen), and returns how many it made.
func (h *ruleHooks) cardsCaughtUp(tx *store.Tx, r rules.Rules, today civil.Date) (int, error) {
	cs, ok := h.tiers.Card()
	if !ok || !cs.Dated() || string(tx.RuleState(cardsCaughtUpKey)) == h.tiers.Scheme {
		return 0, nil
	}
	sums, err := tx.Summaries()
	if err != nil {
		return 0, err
	}
	made := 0
	for i := range sums {
		t, ok := r.CardFollowUp(&sums[i], today, h.tiers)
		if !ok || tx.HasOrigin(t.Origin) {
			continue
		}
		if err := addTasks(tx, t); err != nil {
			return made, err
		}
		made++
	}
	return made, tx.SetRuleState(cardsCaughtUpKey, []byte(h.tiers.Scheme))
}

// CaughtUp reports whether CatchUp has run on day today in the book (read
// in a read transaction, so a book opened read-only answers): a command
// that only reads, such as the briefing, then need not open the book for
// writing to catch up.
func CaughtUp(st *store.Book, today civil.Date) bool {
	done, err := caughtUp(st, today)
	return err == nil && done
}

func caughtUp(st *store.Book, today civil.Date) (bool, error) {
	var done bool
	err := st.View(func(tx *store.Tx) error {
		var day civil.Date
		done = day.UnmarshalText(tx.RuleState(caughtUpKey)) == nil && day == today
		return nil
	})
	return done, err
}
