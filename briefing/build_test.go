package briefing

import (
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

// buildInput is an Input made by hand, no book: three clients (one
// archived), their purchases and dates, and open tasks due.
func buildInput(today civil.Date) Input {
	spends := func(days ...int) []profile.Spend {
		var out []profile.Spend
		for _, d := range days {
			out = append(out, profile.Spend{Date: today.AddDays(-d), Amount: 500000})
		}
		return out
	}
	created := today.AddDays(-900)
	sums := []profile.Summary{ // in id order, as the store gives them
		{ID: "c1", Name: "Anna", Status: profile.Active, Created: created, Spends: spends(400, 300, 200), LastContact: today.AddDays(-200),
			Dates: []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: today.AddDays(3).Month, Day: today.AddDays(3).Day}}}},
		{ID: "c2", Name: "Bea", Status: profile.Active, Created: created, Spends: spends(30, 10), LastContact: today.AddDays(-2)},
		{ID: "c3", Name: "Cleo", Status: profile.Archived, Created: created, Spends: spends(5)},
	}
	return Input{
		Today: today, Associate: "Li Na", Currency: "CNY", Summaries: sums, Config: config.Default(),
		Tasks: []tasks.Task{
			{ID: "t1", ClientID: "c1", Title: "call Anna", Due: today.AddDays(-2), Status: tasks.Open},
			{ID: "t2", ClientID: "c2", Title: "thank Bea", Due: today, Status: tasks.Open},
			{ID: "t3", ClientID: "c3", Title: "archived Cleo", Due: today.AddDays(-1), Status: tasks.Open},
			{ID: "t4", Title: "order bags", Due: today.AddDays(-1), Status: tasks.Open},
		},
	}
}

// TestBuildWithoutBook: Build makes the briefing of an Input made by hand:
// tasks split into overdue and due (an archived client's left out), the
// date within its lead time, the lapsed top client, each with its tier
// and its reasons, and the urgent list drawn from the sections.
func TestBuildWithoutBook(t *testing.T) {
	today := civil.MustParse("2026-11-24")
	br := Build(buildInput(today))

	if br.Date != today || br.Associate != "Li Na" {
		t.Errorf("briefing of %s by %q", br.Date, br.Associate)
	}
	if got := names(br.Overdue, func(i *TaskItem) string { return i.Task.ID }); got != "t1,t4" {
		t.Errorf("overdue %s, want t1 (a client's, 2 days late) then t4 (nobody's)", got)
	}
	if got := names(br.Due, func(i *TaskItem) string { return i.Task.ID }); got != "t2" {
		t.Errorf("due today %s, want t2", got)
	}
	if br.Totals.Overdue != 2 || br.Totals.Due != 1 {
		t.Errorf("totals %+v", br.Totals)
	}
	if o := br.Overdue[0]; o.ClientName != "Anna" || o.Overdue != 2 || o.Tier == "" || !hasTerm(o.Urgency, TermOverdue) || o.Urgency.Terms[0].Reason == "" {
		t.Errorf("overdue item %+v", o)
	}
	if len(br.Dates) != 1 || br.Dates[0].ClientID != "c1" || br.Dates[0].DaysAway != 3 {
		t.Errorf("dates %+v, want Anna's birthday in 3 days", br.Dates)
	}
	if len(br.Lapsed) != 1 || br.Lapsed[0].ClientID != "c1" || br.Lapsed[0].DaysAway != 200 {
		t.Errorf("lapsed %+v, want Anna, away 200 days", br.Lapsed)
	}
	if len(br.Urgent) == 0 {
		t.Fatal("nothing urgent")
	}
	for k := 1; k < len(br.Urgent); k++ {
		_, a := br.Item(br.Urgent[k-1])
		_, b := br.Item(br.Urgent[k])
		if a.Score < b.Score {
			t.Errorf("urgent item %d scores %v, above it %v", k, b.Score, a.Score)
		}
	}
}

// TestBuildCounted: sizes counted by Load (which reads only the most
// urgent) stand in the totals when larger than what Build is given.
func TestBuildCounted(t *testing.T) {
	today := civil.MustParse("2026-11-24")
	in := buildInput(today)
	in.Counted = Totals{Overdue: 40, Due: 7, Situations: 3, SituationsMore: true}
	br := Build(in)
	if br.Totals.Overdue != 40 || br.Totals.Due != 7 || br.Totals.Situations != 3 || !br.Totals.SituationsMore {
		t.Errorf("totals %+v, want the counted ones", br.Totals)
	}
	if len(br.Overdue) != 2 {
		t.Errorf("%d overdue items, want the 2 given", len(br.Overdue))
	}
}
