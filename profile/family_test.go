package profile

import (
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
)

// TestMigrateFamily: the app's old lunar birthday (a family birthday
// labelled with the member's name) becomes the member's, in a date For
// them; an old Gregorian one on the member alone gets its date; a child
// whose birthday already has a date (as the demo writes it) and a member
// already in the book's shape are left alone; a second run changes
// nothing, and the original profile of a shallow copy is untouched.
func TestMigrateFamily(t *testing.T) {
	aug15 := civil.MonthDay{Month: time.August, Day: 15}
	may2 := civil.MonthDay{Year: 2015, Month: time.May, Day: 2}
	p := Profile{
		Household: []Member{
			{Name: "Chen Wei", Relation: "spouse"},
			{Name: "Lily", Relation: "child", Birthday: may2},
			{Name: "Max", Relation: "child", Birthday: civil.MonthDay{Month: time.March, Day: 1}},
			{Name: "张伟", Relation: "parent", Birthday: aug15, Lunar: true},
			{Name: "Anna", Relation: "partner"},
		},
		Dates: []ImportantDate{
			{Kind: DateFamilyBirthday, Label: "Chen Wei", When: aug15, Lunar: true, LeapMonth: true, LeadDays: 20},
			{Kind: DateChildBirthday, Label: "Lily's birthday", When: may2, LeadDays: 14},
			{Kind: DateFamilyBirthday, For: "张伟", When: aug15, Lunar: true},
			{Kind: DateFamilyBirthday, For: "anna", When: may2},
		},
	}
	orig := p
	q := p
	if !q.MigrateFamily() {
		t.Fatal("nothing migrated")
	}
	if orig.Household[0].Lunar || orig.Dates[0].For != "" || len(orig.Dates) != 4 || !orig.Household[4].Birthday.IsZero() {
		t.Fatalf("the original changed: %+v %+v", orig.Household, orig.Dates)
	}
	if m := q.Household[0]; !m.Lunar || !m.LeapMonth || m.Birthday != aug15 {
		t.Errorf("Chen Wei is %+v", m)
	}
	if d := q.Dates[0]; d.For != "Chen Wei" || d.Label != "" || d.Kind != DateFamilyBirthday || !d.Lunar || d.LeadDays != 20 {
		t.Errorf("Chen Wei's date is %+v", d)
	}
	if m := q.Household[4]; m.Birthday != may2 || m.Lunar {
		t.Errorf("Anna did not take her date's day: %+v", m)
	}
	if len(q.Dates) != 5 {
		t.Fatalf("dates %+v, want Max's added and Lily's left alone", q.Dates)
	}
	if d := q.Dates[4]; d.For != "Max" || d.Kind != DateChildBirthday || d.When.Month != time.March || d.ID == "" {
		t.Errorf("Max's date is %+v", d)
	}
	if q.Dates[1].For != "" || q.Household[1] != orig.Household[1] || q.Household[3] != orig.Household[3] {
		t.Errorf("Lily or 张伟 changed: %+v %+v", q.Dates[1], q.Household)
	}
	again := q
	if again.MigrateFamily() {
		t.Errorf("a second run changed %+v", again)
	}
}
