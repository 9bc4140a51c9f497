package demo

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/rules"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

var testToday = civil.New(2026, time.November, 24)

func testNow() time.Time { return testToday.In(time.UTC).Add(9 * time.Hour) }

func allTasks(t *testing.T, path string) ([]tasks.Task, map[string]bool) {
	t.Helper()
	b, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var ts []tasks.Task
	dnc := map[string]bool{}
	err = b.View(func(tx *store.Tx) error {
		var err error
		if ts, err = tx.AllTasks(); err != nil {
			return err
		}
		sums, err := tx.Summaries()
		for _, s := range sums {
			dnc[s.ID] = s.DoNotContact
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ts, dnc
}

// TestRuleTasks checks that the demo book holds the tasks the follow-up
// rules make, and the same ones on every run.
func TestRuleTasks(t *testing.T) {
	var runs [][]tasks.Task
	for range 2 {
		path := filepath.Join(t.TempDir(), "book.db")
		if _, err := WriteFile(path, Options{Clients: 120, Seed: 1, Today: testToday, Loc: time.UTC}, testNow); err != nil {
			t.Fatal(err)
		}
		ts, dnc := allTasks(t, path)
		runs = append(runs, ts)
		rh := config.Default().Rhythm
		var rhythm, referral int
		for _, tk := range ts {
			if dnc[tk.ClientID] && tk.Kind.IsContact() {
				t.Errorf("a contact task for a do-not-contact client: %+v", tk)
			}
			switch {
			case tk.Origin == "manual":
			case strings.HasPrefix(tk.Origin, "referral:"):
				referral++
			default:
				id, day, step, ok := rules.ParseRhythmOrigin(tk.Origin)
				if !ok || id != tk.ClientID {
					t.Errorf("origin %q is no rule's", tk.Origin)
					continue
				}
				rhythm++
				want := map[string]civil.Date{rules.StepThankYou: day.AddDays(rh.ThankYouDay), rules.StepCall: day.AddDays(rh.CallDay),
					rules.StepCare + "1": day.AddDays(rh.CareEveryDays), rules.StepService: day.AddMonths(rh.ServiceInviteMonths)}
				if w, ok := want[step]; ok && tk.Due != w {
					t.Errorf("%s due %s, the rules say %s", tk.Origin, tk.Due, w)
				}
			}
		}
		if rhythm == 0 || referral != 3 {
			t.Errorf("%d rhythm tasks and %d referral tasks, want some and 3", rhythm, referral)
		}
	}
	if !slices.EqualFunc(runs[0], runs[1], func(a, b tasks.Task) bool { return a.ID == b.ID && a.Origin == b.Origin && a.Status == b.Status }) {
		t.Error("two runs with the same seed wrote different tasks")
	}
}
