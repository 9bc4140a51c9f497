package book

import (
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// caughtUpKey is where the last day CatchUp ran is kept in the book.
const caughtUpKey = "caught_up_day"

// CatchUp makes the work of the days that passed since it last ran: a
// service invitation whose day passed without a tick brings the next of
// its series (every ServiceInviteMonths while the client is active), as a
// tick does; the passed one stays open, overdue. It runs once a day (the
// day is kept in the book) and returns how many tasks it made. Open runs
// it on a book opened for writing.
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
			if err != nil || t.Kind != tasks.ServiceInvite || t.ClientID == "" {
				continue
			}
			sum, err := tx.Summary(t.ClientID)
			if err != nil {
				continue
			}
			next, ok := r.NextService(&sum, &t, today)
			if !ok || tx.HasOrigin(next.Origin) {
				continue
			}
			if err := addTasks(tx, next); err != nil {
				return err
			}
			made++
		}
		return tx.SetRuleState(caughtUpKey, []byte(today.String()))
	})
	return made, err
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
