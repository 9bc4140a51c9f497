package store

import (
	"encoding/binary"
	"fmt"
	"sort"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/tasks"
)

func dueKey(t *tasks.Task) []byte {
	var d [4]byte
	binary.BigEndian.PutUint32(d[:], t.DueOn().Pack())
	return append(d[:], t.ID...)
}

// AddTask stores a new task. A task with an Origin other than "" or
// "manual" is stored only once: when a task with the same origin exists, it
// returns that task's id with ErrDuplicate and changes nothing.
func (tx *Tx) AddTask(t *tasks.Task) error {
	if err := t.Validate(); err != nil {
		return err
	}
	if t.ClientID != "" && !tx.HasClient(t.ClientID) {
		return fmt.Errorf("client %q: %w", t.ClientID, ErrNotFound)
	}
	if t.ClientID != "" && t.Kind.IsContact() && (t.Status == "" || t.IsOpen()) {
		// Whoever asks (a rule, the CLI, a screen), a client who asked not
		// to be contacted gets no call, message or visit to make.
		s, err := tx.Summary(t.ClientID)
		if err != nil {
			return err
		}
		if s.DoNotContact {
			return fmt.Errorf("client %s: %w", t.ClientID, ErrDoNotContact)
		}
	}
	ob := tx.bucket(bTaskOrigin)
	ruled := t.Origin != "" && t.Origin != "manual"
	if ruled {
		if id := ob.Get([]byte(t.Origin)); id != nil {
			t.ID = string(id)
			return fmt.Errorf("task for %s: %w", t.Origin, ErrDuplicate)
		}
	}
	if t.ID == "" {
		t.ID = tx.newID(bTasks, shortIDLen)
	} else if tx.bucket(bTasks).Get([]byte(t.ID)) != nil {
		return fmt.Errorf("task %s: %w", t.ID, ErrDuplicate)
	}
	tx.taskDefaults(t)
	if ruled {
		if err := ob.Put([]byte(t.Origin), []byte(t.ID)); err != nil {
			return err
		}
	}
	if t.ClientID != "" {
		if err := tx.bucket(bTaskClient).Put(join([]byte(t.ClientID), []byte(t.ID)), nil); err != nil {
			return err
		}
	}
	if err := tx.putTask(t); err != nil {
		return err
	}
	return tx.logTask(t)
}

// dueValue is the due index's value for t: its client id, so the
// briefing can rank the tasks due without reading them. Books written
// before it have empty values (readers then read the task).
func dueValue(t *tasks.Task) []byte { return []byte(t.ClientID) }

func (tx *Tx) putTask(t *tasks.Task) error {
	if t.IsOpen() {
		if err := tx.bucket(bTaskDue).Put(dueKey(t), dueValue(t)); err != nil {
			return err
		}
	}
	if err := tx.putDone(t); err != nil {
		return err
	}
	return putSealed(tx.bucket(bTasks), []byte(t.ID), t)
}

// UpdateTask writes a changed task (ticked, snoozed, cancelled, edited,
// reopened), keeping the due and done indexes right.
func (tx *Tx) UpdateTask(t *tasks.Task) error {
	old, err := tx.Task(t.ID)
	if err != nil {
		return err
	}
	if err := t.Validate(); err != nil {
		return err
	}
	_ = tx.bucket(bTaskDue).Delete(dueKey(&old))
	tx.deleteDone(&old)
	if err := tx.putTask(t); err != nil {
		return err
	}
	if err := tx.logTask(t); err != nil {
		return err
	}
	if h := tx.book.hooks.TaskUpdated; h != nil {
		return h(tx, &old, t)
	}
	return nil
}

// RuleState returns what a follow-up rule stored under key (nil when
// nothing), copied out of the transaction.
func (tx *Tx) RuleState(key string) []byte {
	bk := tx.bucket(bRuleState)
	if bk == nil { // a read-only book from before the bucket existed
		return nil
	}
	if v := bk.Get([]byte(key)); v != nil {
		return append([]byte(nil), v...)
	}
	return nil
}

// SetRuleState stores a rule's small state under key (a cache a rule can
// rebuild from the book, such as the current top spender).
func (tx *Tx) SetRuleState(key string, v []byte) error {
	return tx.bucket(bRuleState).Put([]byte(key), v)
}

func (tx *Tx) deleteTask(t *tasks.Task) {
	_ = tx.bucket(bTaskDue).Delete(dueKey(t))
	tx.deleteDone(t)
	_ = tx.bucket(bTasks).Delete([]byte(t.ID))
	if t.ClientID != "" {
		_ = tx.bucket(bTaskClient).Delete(join([]byte(t.ClientID), []byte(t.ID)))
	}
	if t.Origin != "" && t.Origin != "manual" {
		_ = tx.bucket(bTaskOrigin).Delete([]byte(t.Origin))
	}
}

// Task returns one task by id.
func (tx *Tx) Task(id string) (tasks.Task, error) {
	var t tasks.Task
	if err := getJSON(tx.bucket(bTasks), []byte(id), &t); err != nil {
		return t, fmt.Errorf("task %q: %w", id, err)
	}
	return t, nil
}

// HasOrigin reports whether a rule's task with this origin was ever created
// (even if since done or cancelled).
func (tx *Tx) HasOrigin(origin string) bool {
	return tx.bucket(bTaskOrigin).Get([]byte(origin)) != nil
}

// EachOpenTask calls fn with each open or snoozed task due on or before
// day (the zero date: every open task), earliest first, reading the due
// index in order and decoding one task at a time, so a long list is
// printed as it is read. An error from fn stops the walk and is returned.
func (tx *Tx) EachOpenTask(day civil.Date, fn func(t *tasks.Task) error) error {
	c := tx.bucket(bTaskDue).Cursor()
	limit := day.Pack()
	tb := tx.bucket(bTasks)
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		if !day.IsZero() && binary.BigEndian.Uint32(k[:4]) > limit {
			break
		}
		var t tasks.Task
		v := tb.Get(k[4:])
		if v == nil {
			continue // an entry left behind: check reports it, --repair drops it
		}
		if err := unmarshalRecord(v, &t); err != nil {
			return recordDamage("task", k[4:], v, err)
		}
		if err := fn(&t); err != nil {
			return err
		}
	}
	return nil
}

// OpenTasksDueBy returns the open and snoozed tasks due on or before day
// (pass the zero date for every open task), earliest first, reading only
// the due index and those tasks.
func (tx *Tx) OpenTasksDueBy(day civil.Date) ([]tasks.Task, error) {
	var out []tasks.Task
	err := tx.EachOpenTask(day, func(t *tasks.Task) error {
		out = append(out, *t)
		return nil
	})
	return out, err
}

// TaskCounts counts the open tasks by when they are due, as of a day.
type TaskCounts struct {
	Overdue int        // due before the day
	Today   int        // due on the day
	Ahead   int        // due after the day, up to the last day asked for
	Later   int        // due after that
	Last    civil.Date // the last day an open task is due; zero when none
}

// Open is how many open tasks there are in all.
func (c TaskCounts) Open() int { return c.Overdue + c.Today + c.Ahead + c.Later }

// CountOpenTasks counts the open and snoozed tasks due before today, on
// today, after today up to until, and after until, reading only the due
// index's keys.
func (tx *Tx) CountOpenTasks(today, until civil.Date) TaskCounts {
	var n TaskCounts
	c := tx.bucket(bTaskDue).Cursor()
	day, end := today.Pack(), until.Pack()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		switch due := binary.BigEndian.Uint32(k[:4]); {
		case due < day:
			n.Overdue++
		case due == day:
			n.Today++
		case due <= end:
			n.Ahead++
		default:
			n.Later++
		}
	}
	if k, _ := c.Last(); k != nil {
		n.Last = civil.Unpack(binary.BigEndian.Uint32(k[:4]))
	}
	return n
}

// ClientTasks returns every task of a client, open ones first by due date,
// then the closed ones newest first.
func (tx *Tx) ClientTasks(clientID string) []tasks.Task {
	var out []tasks.Task
	tb := tx.bucket(bTasks)
	p := prefix(clientID)
	_ = scanPrefix(tx.bucket(bTaskClient), p, func(k, _ []byte) error {
		var t tasks.Task
		if unmarshalRecord(tb.Get(k[len(p):]), &t) == nil {
			out = append(out, t)
		}
		return nil
	})
	sortTasks(out)
	return out
}

// AllTasks returns every task in the book, open ones first by due date.
func (tx *Tx) AllTasks() ([]tasks.Task, error) {
	var out []tasks.Task
	err := tx.bucket(bTasks).ForEach(func(k, v []byte) error {
		var t tasks.Task
		if err := unmarshalRecord(v, &t); err != nil {
			return recordDamage("task", k, v, err)
		}
		out = append(out, t)
		return nil
	})
	sortTasks(out)
	return out, err
}

func sortTasks(ts []tasks.Task) {
	sort.SliceStable(ts, func(i, j int) bool {
		a, b := &ts[i], &ts[j]
		if a.IsOpen() != b.IsOpen() {
			return a.IsOpen()
		}
		if a.IsOpen() {
			if c := a.DueOn().Compare(b.DueOn()); c != 0 {
				return c < 0
			}
			return a.ID < b.ID
		}
		return a.DoneAt.After(b.DoneAt)
	})
}

// taskDefaults fills what a new task leaves out: open, created now, for
// the book's associate.
func (tx *Tx) taskDefaults(t *tasks.Task) {
	if t.Status == "" {
		t.Status = tasks.Open
	}
	if t.Created.IsZero() {
		t.Created = tx.Now()
	}
	if t.Assignee == "" {
		t.Assignee = tx.book.meta.Associate
	}
}
