package book

import (
	"strconv"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// AddTask adds the follow-up t (its id is filled in). A call, message or
// visit for a client who asked not to be contacted is refused
// (ErrDoNotContact), whoever asks (the command line, the app, a rule);
// so is reopening or snoozing one (changeTask). A title or checklist step
// holding a control character, or a note holding one other than a line
// break or a tab, is refused (ErrControlChar).
func (b *Book) AddTask(t *tasks.Task, opts ...Also) error {
	lines := []string{t.Title}
	for _, c := range t.Checklist {
		lines = append(lines, c.Text)
	}
	if err := refuseTyped(lines, t.Note); err != nil {
		return err
	}
	return b.update(func(tx *store.Tx) error {
		if err := checkDay(t.Due); err != nil {
			return err
		}
		if err := tx.AddTask(t); err != nil {
			return err
		}
		return finish(tx, opts)
	})
}

// contactAllowed refuses t, open after a change (reopened, snoozed), when
// it asks to call, message or visit a client who asked not to be
// contacted (ErrDoNotContact), as adding such a task is refused.
func contactAllowed(tx *store.Tx, t *tasks.Task) error {
	if !t.IsOpen() || !t.Kind.IsContact() || t.ClientID == "" {
		return nil
	}
	s, err := tx.Summary(t.ClientID)
	if err != nil || !s.DoNotContact {
		return nil
	}
	return &Error{Key: i18n.ErrDoNotContact, Err: store.ErrDoNotContact}
}

// changeTask applies change to follow-up id and stores it, in one
// transaction; it returns the task as stored.
func (b *Book) changeTask(id string, change func(t *tasks.Task) error) (tasks.Task, error) {
	var t tasks.Task
	err := b.update(func(tx *store.Tx) error {
		var err error
		if t, err = tx.Task(id); err != nil {
			return &Error{Key: i18n.ErrNoTask, Args: []any{id}, Err: err}
		}
		if err := change(&t); err != nil {
			return err
		}
		if err := contactAllowed(tx, &t); err != nil {
			return err
		}
		return tx.UpdateTask(&t)
	})
	return t, err
}

// TickTask marks follow-up id done. A care message or service invitation
// ticked brings the next. A complaint case whose checklist still has open
// steps is refused (a *StepsOpenError naming them, matching ErrStepsOpen):
// the associate says so with ForceTick.
func (b *Book) TickTask(id string) (tasks.Task, error) { return b.tick(id, false) }

// ForceTick marks follow-up id done as TickTask does, closing a complaint
// case even with steps open.
func (b *Book) ForceTick(id string) (tasks.Task, error) { return b.tick(id, true) }

func (b *Book) tick(id string, force bool) (tasks.Task, error) {
	now := b.now()
	return b.changeTask(id, func(t *tasks.Task) error {
		if !force && t.IsOpen() && t.Kind == tasks.ComplaintFollowUp {
			var open i18n.Steps
			for i, it := range t.Checklist {
				if !it.Done {
					open = append(open, i18n.OpenStep{N: i + 1, Item: it})
				}
			}
			if len(open) > 0 {
				return &StepsOpenError{TaskID: t.ID, Open: open}
			}
		}
		return t.Complete(now)
	})
}

// SnoozeTask puts follow-up id off until a later day (ErrSnoozePast for a
// day not after today).
func (b *Book) SnoozeTask(id string, until civil.Date) (tasks.Task, error) {
	today := b.today()
	if err := checkDay(until); err != nil {
		return tasks.Task{}, err
	}
	return b.changeTask(id, func(t *tasks.Task) error { return t.Snooze(until, today) })
}

// CancelTask closes follow-up id without doing it (ErrTaskClosed when it
// is already closed).
func (b *Book) CancelTask(id string) (tasks.Task, error) {
	now := b.now()
	return b.changeTask(id, func(t *tasks.Task) error {
		if !t.IsOpen() {
			return tasks.ErrClosed
		}
		t.Cancel(now)
		return nil
	})
}

// ReopenTask undoes the tick of follow-up id: it is open again, due when
// it was (ErrNotDone when it was not ticked). What the tick brought (the
// next care message) stays.
func (b *Book) ReopenTask(id string) (tasks.Task, error) {
	return b.changeTask(id, func(t *tasks.Task) error {
		if t.Status != tasks.Done {
			return &Error{Key: i18n.ErrTaskNotDone}
		}
		t.Status, t.DoneAt, t.Until = tasks.Open, time.Time{}, civil.Date{}
		return nil
	})
}

// CheckSteps ticks (or, with done false, unticks) the steps of follow-up
// id's checklist, numbered from 1 as given (ErrNoChecklist, ErrNoStep).
func (b *Book) CheckSteps(id string, steps []string, done bool) (tasks.Task, error) {
	return b.changeTask(id, func(t *tasks.Task) error {
		for _, s := range steps {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 || n > len(t.Checklist) {
				if len(t.Checklist) == 0 {
					return &Error{Key: i18n.ErrNoChecklist, Args: []any{t.ID}}
				}
				return &Error{Key: i18n.ErrNoStep, Args: []any{s, len(t.Checklist), t.ID}}
			}
			t.Checklist[n-1].Done = done
		}
		return nil
	})
}
