// Package tasks owns the associate's follow-ups: a thank-you to send, a call
// to make, a greeting to prepare. A task may come from a rule (the 0-3-3-3
// rhythm, a referral, a complaint); its Origin names the rule and the event,
// so a rule never creates the same task twice.
package tasks

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
)

// Kind is what a task asks the associate to do.
type Kind string

// The kinds of task.
const (
	ThankYou          Kind = "thank_you"
	CallBack          Kind = "call_back"
	CareMessage       Kind = "care_message"
	ServiceInvite     Kind = "service_invite"
	BirthdayGreeting  Kind = "birthday_greeting"
	ReferralThanks    Kind = "referral_thanks"
	ComplaintFollowUp Kind = "complaint_follow_up"
	PersonalVisit     Kind = "personal_visit"
	Introduce         Kind = "introduce"
	// CardRenewal invites a client back before their card of a dated
	// scheme lapses while what keeps it is not yet spent.
	CardRenewal Kind = "card_renewal"
	Custom      Kind = "custom"
)

// Kinds lists every kind in display order.
var Kinds = []Kind{Custom, CallBack, ThankYou, CareMessage, ServiceInvite, BirthdayGreeting, ReferralThanks, ComplaintFollowUp, PersonalVisit, Introduce, CardRenewal}

// IsContact reports whether doing the task means contacting the client (a
// personal visit with flowers is contact too); a do-not-contact client gets
// none of these. A complaint follow-up is not: the client opened it.
func (k Kind) IsContact() bool {
	switch k {
	case ThankYou, CallBack, CareMessage, ServiceInvite, BirthdayGreeting, ReferralThanks, Introduce, PersonalVisit, CardRenewal:
		return true
	}
	return false
}

// Status is where a task stands.
type Status string

// The statuses of a task.
const (
	Open      Status = "open"
	Done      Status = "done"
	Snoozed   Status = "snoozed"
	Cancelled Status = "cancelled"
)

var (
	// ErrBadKind is returned when a kind name is unknown.
	ErrBadKind = errors.New("unknown task kind")
	// ErrNoTitle is returned when a task has no title.
	ErrNoTitle = errors.New("a task needs a title")
	// ErrNoDue is returned when a task has no due date.
	ErrNoDue = errors.New("a task needs a due date")
	// ErrClosed is returned when a done or cancelled task is ticked or snoozed.
	ErrClosed = errors.New("the task is already closed")
	// ErrSnoozeBack is returned when a snooze date is not after today.
	ErrSnoozeBack = errors.New("snooze to a day after today")
)

// ParseKind reads a kind name ("call-back", "thank_you", ...).
func ParseKind(s string) (Kind, error) {
	k := Kind(strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "_"))
	if k == "" {
		return Custom, nil
	}
	for _, known := range Kinds {
		if k == known {
			return k, nil
		}
	}
	return "", fmt.Errorf("%w %q", ErrBadKind, s)
}

// CheckItem is one step of a checklist (the eight steps of a complaint).
// A step a rule wrote carries its number in the rule's list (Step, from 1)
// and is worded when shown; Text keeps the words it was written with.
type CheckItem struct {
	Text string `json:"text"`
	Done bool   `json:"done,omitempty"`
	Step int    `json:"step,omitempty"`
}

// Phrase is a title kept as what it says rather than in words: the code
// of a rule's title and the facts it takes (names, items, an amount), in
// the order the code's text takes them. The i18n catalog words it in the
// language in use, so a follow-up made under one language reads in
// another. Tasks written before phrases existed, and tasks the associate
// typed, have none and show their Title.
type Phrase struct {
	Code string   `json:"code"`
	Args []string `json:"args,omitempty"`
}

// ErasedName stands for the name of a client since erased in the title,
// the phrase and the note of another client's follow-up (the one they
// introduced: "Welcome 王芳 (introduced by ***)"); the catalog words a
// phrase argument that is only this as a client since erased.
const ErasedName = "***"

// HandedOnName stands, as ErasedName does, for the name of a client a
// handover released to a colleague (their data left the book with them);
// the catalog words it as a client since handed over.
const HandedOnName = "*>*"

// Task is one follow-up.
type Task struct {
	ID        string      `json:"id"`
	ClientID  string      `json:"client_id,omitempty"`
	Title     string      `json:"title"`
	Kind      Kind        `json:"kind"`
	Due       civil.Date  `json:"due"`
	Status    Status      `json:"status"`
	Until     civil.Date  `json:"snoozed_until,omitzero"`
	DoneAt    time.Time   `json:"done_at,omitzero"`
	Created   time.Time   `json:"created"`
	Origin    string      `json:"origin,omitempty"` // "" or "manual" for manual; else rule:event, unique
	Assignee  string      `json:"assignee,omitempty"`
	Checklist []CheckItem `json:"checklist,omitempty"`
	Note      string      `json:"note,omitempty"`
	// Phrase is how a rule worded Title, to be worded again when shown;
	// nil for a typed title.
	Phrase *Phrase `json:"phrase,omitempty"`
}

// IsOpen reports whether the task still waits to be done (open or snoozed).
func (t *Task) IsOpen() bool { return t.Status == Open || t.Status == Snoozed }

// DueOn returns the day the task is due: its snooze date while snoozed.
func (t *Task) DueOn() civil.Date {
	if t.Status == Snoozed && !t.Until.IsZero() {
		return t.Until
	}
	return t.Due
}

// Overdue returns how many days the task is past due on today (0 when due
// today or later, or closed).
func (t *Task) Overdue(today civil.Date) int {
	if !t.IsOpen() {
		return 0
	}
	if n := t.DueOn().DaysUntil(today); n > 0 {
		return n
	}
	return 0
}

// Validate checks that the task can be stored.
func (t *Task) Validate() error {
	if strings.TrimSpace(t.Title) == "" {
		return ErrNoTitle
	}
	if t.Due.IsZero() {
		return ErrNoDue
	}
	return nil
}

// Complete marks the task done at now.
func (t *Task) Complete(now time.Time) error {
	if !t.IsOpen() {
		return ErrClosed
	}
	t.Status = Done
	t.DoneAt = now
	return nil
}

// Snooze moves the task to until, which must be after today.
func (t *Task) Snooze(until, today civil.Date) error {
	if !t.IsOpen() {
		return ErrClosed
	}
	if !until.After(today) {
		return ErrSnoozeBack
	}
	t.Status = Snoozed
	t.Until = until
	return nil
}

// Cancel closes the task without doing it.
func (t *Task) Cancel(now time.Time) {
	t.Status = Cancelled
	t.DoneAt = now
}
