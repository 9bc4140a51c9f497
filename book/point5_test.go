package book

import (
	"errors"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

// TestPoint5DoNotContact: issue 12 point 5. A hand-made task to call,
// message or visit a do-not-contact client is refused by the book, on
// every path: AddTask (which the command line's `task add` and the app's
// new-task form both call, the app with a draft to drop), and reopening or
// snoozing such a task. A task that is no contact (a custom reminder) is
// kept.
func TestPoint5DoNotContact(t *testing.T) {
	b, clk := newBook(t, "2026-11-02", Options{})
	p := client(t, b, "王小明", "13800000001")
	call := &tasks.Task{ClientID: p.ID, Title: "call about the coat", Kind: tasks.CallBack, Due: civil.MustParse("2026-11-03"), Origin: "manual"}
	if err := b.AddTask(call); err != nil {
		t.Fatal(err)
	}
	if _, err := b.TickTask(call.ID); err != nil {
		t.Fatal(err)
	}
	snoozable := &tasks.Task{ClientID: p.ID, Title: "message", Kind: tasks.CareMessage, Due: civil.MustParse("2026-11-03"), Origin: "manual"}
	if err := b.AddTask(snoozable); err != nil {
		t.Fatal(err)
	}
	if _, err := b.UpdateClient(p.ID, func(p *profile.Profile) error { p.Consent.DoNotContact = true; return nil }); err != nil {
		t.Fatal(err)
	}
	for _, k := range []tasks.Kind{tasks.CallBack, tasks.ThankYou, tasks.CareMessage, tasks.ServiceInvite,
		tasks.BirthdayGreeting, tasks.PersonalVisit, tasks.Introduce, tasks.ReferralThanks} {
		tk := &tasks.Task{ClientID: p.ID, Title: "reach out", Kind: k, Due: civil.MustParse("2026-11-05"), Origin: "manual"}
		if err := b.AddTask(tk); !errors.Is(err, ErrDoNotContact) {
			t.Errorf("a hand-made %s for a do-not-contact client: %v, want ErrDoNotContact", k, err)
		}
		// the app's path: the same method with its draft to drop
		if err := b.AddTask(tk, DropDraft("task:new", nil)); !errors.Is(err, ErrDoNotContact) {
			t.Errorf("the app's %s: %v, want ErrDoNotContact", k, err)
		}
	}
	if _, err := b.ReopenTask(call.ID); !errors.Is(err, ErrDoNotContact) {
		t.Errorf("reopening a call to a do-not-contact client: %v", err)
	}
	got := taskOf(t, b, tasks.CallBack)
	if got.Status != tasks.Done {
		t.Errorf("the refused reopen changed the call: %s", got.Status)
	}
	// The message open before the flag was cancelled by the rule; a custom
	// reminder is no contact and is kept.
	if m := taskOf(t, b, tasks.CareMessage); m.Status != tasks.Cancelled {
		t.Errorf("the open message is %s, want cancelled", m.Status)
	}
	clk.t = at("2026-11-03")
	memo := &tasks.Task{ClientID: p.ID, Title: "order the size 38", Kind: tasks.Custom, Due: civil.MustParse("2026-11-05"), Origin: "manual"}
	if err := b.AddTask(memo); err != nil {
		t.Errorf("a custom reminder for a do-not-contact client: %v", err)
	}
	if _, err := b.SnoozeTask(memo.ID, civil.MustParse("2026-11-09")); err != nil {
		t.Errorf("snoozing the reminder: %v", err)
	}
}
