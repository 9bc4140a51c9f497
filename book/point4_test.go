package book

import (
	"errors"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

// TestPoint4Complaints: issue 12 point 4. A complaint case is not closed
// with steps open unless the associate says so (ForceTick); the refusal
// names the open steps in the language shown. A do-not-contact client's
// case leaves out the gift and the call to confirm satisfaction.
func TestPoint4Complaints(t *testing.T) {
	b, _ := newBook(t, "2026-11-02", Options{})
	p := client(t, b, "王小明", "13800000001")
	if err := b.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Complaint, Text: "the heel came loose"}); err != nil {
		t.Fatal(err)
	}
	c := taskOf(t, b, tasks.ComplaintFollowUp)
	if len(c.Checklist) != 8 {
		t.Fatalf("%d steps, want 8", len(c.Checklist))
	}
	if _, err := b.CheckSteps(c.ID, []string{"1", "2", "3", "4", "5", "6"}, true); err != nil {
		t.Fatal(err)
	}
	_, err := b.TickTask(c.ID)
	var open *StepsOpenError
	if !errors.Is(err, ErrStepsOpen) || !errors.As(err, &open) || len(open.Open) != 2 || open.Open[0].N != 7 || open.TaskID != c.ID {
		t.Fatalf("closing with steps 7 and 8 open: %v", err)
	}
	en := i18n.New("en").Error(err)
	if !strings.Contains(en, "2 of its steps") || !strings.Contains(en, "7. Compensate (a small gift)") || !strings.Contains(en, "8. Confirm satisfaction") {
		t.Errorf("English: %q", en)
	}
	if zh := i18n.New("zh").Error(err); !strings.Contains(zh, "7. 补偿（一份小礼物）") {
		t.Errorf("Chinese: %q", zh)
	}
	if got := taskOf(t, b, tasks.ComplaintFollowUp); got.Status != tasks.Open {
		t.Errorf("the refused case is %s", got.Status)
	}
	if got, err := b.ForceTick(c.ID); err != nil || got.Status != tasks.Done {
		t.Errorf("forced: %v %s", err, got.Status)
	}
	// A case with every step ticked closes without force.
	if err := b.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Complaint, Text: "again"}); err != nil {
		t.Fatal(err)
	}
	var second tasks.Task
	for _, tk := range openOf(t, b, tasks.ComplaintFollowUp) {
		second = tk
	}
	if _, err := b.CheckSteps(second.ID, []string{"1", "2", "3", "4", "5", "6", "7", "8"}, true); err != nil {
		t.Fatal(err)
	}
	if _, err := b.TickTask(second.ID); err != nil {
		t.Errorf("every step done: %v", err)
	}

	// Do not contact: no gift, no call to confirm.
	d := client(t, b, "李娜", "13800000002")
	if _, err := b.UpdateClient(d.ID, func(p *profile.Profile) error { p.Consent.DoNotContact = true; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := b.AddNote(&notes.Note{ClientID: d.ID, Kind: notes.Complaint, Text: "rude staff"}); err != nil {
		t.Fatal(err)
	}
	for _, tk := range openOf(t, b, tasks.ComplaintFollowUp) {
		if tk.ClientID != d.ID {
			continue
		}
		if len(tk.Checklist) != 6 {
			t.Errorf("do-not-contact case has %d steps, want 6", len(tk.Checklist))
		}
		for _, it := range tk.Checklist {
			if it.Step == 7 || it.Step == 8 {
				t.Errorf("do-not-contact case keeps step %d", it.Step)
			}
		}
	}
}
