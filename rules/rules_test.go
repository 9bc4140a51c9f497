package rules

import (
	"slices"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

var d = civil.MustParse

func client(id string, spends ...profile.Spend) *profile.Summary {
	return &profile.Summary{ID: id, Name: id, Spends: spends}
}

func brief(ts []tasks.Task) []string {
	var out []string
	for _, t := range ts {
		out = append(out, string(t.Kind)+" "+t.Due.String()+" "+t.Origin)
	}
	return out
}

func TestPurchase(t *testing.T) {
	r := New(config.Default().Rhythm, "en")
	buy := profile.Purchase{Date: d("2026-11-02"), Amount: 320000, Items: "silk scarf"}
	dnc := client("c1")
	dnc.DoNotContact = true
	archived := client("c1")
	archived.Status = profile.Archived
	tests := []struct {
		name  string
		c     *profile.Summary
		today string
		want  []string
	}{
		{"logged on the day", client("c1"), "2026-11-02", []string{
			"thank_you 2026-11-02 rhythm:c1:2026-11-02:thank_you",
			"call_back 2026-11-05 rhythm:c1:2026-11-02:call",
			"care_message 2026-11-23 rhythm:c1:2026-11-02:care1",
			"service_invite 2027-02-02 rhythm:c1:2026-11-02:service",
		}},
		{"logged 3 days late: the call of the day and what is ahead", client("c1"), "2026-11-05", []string{
			"call_back 2026-11-05 rhythm:c1:2026-11-02:call",
			"care_message 2026-11-23 rhythm:c1:2026-11-02:care1",
			"service_invite 2027-02-02 rhythm:c1:2026-11-02:service",
		}},
		{"logged a week late: no thank-you or call in the past", client("c1"), "2026-11-09", []string{
			"care_message 2026-11-23 rhythm:c1:2026-11-02:care1",
			"service_invite 2027-02-02 rhythm:c1:2026-11-02:service",
		}},
		{"logged after the first invitation: the chain goes on at the next step ahead", client("c1"), "2027-02-03", []string{
			"care_message 2027-02-15 rhythm:c1:2026-11-02:care5",
			"service_invite 2027-05-02 rhythm:c1:2026-11-02:service2",
		}},
		{"logged a year late: nothing", client("c1"), "2027-11-02", nil},
		{"bought since: the newer purchase's rhythm takes over", client("c1", profile.Spend{Date: d("2026-11-20")}), "2026-11-09", nil},
		{"do not contact", dnc, "2026-11-02", nil},
		{"released by a handover", archived, "2026-11-02", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := brief(r.Purchase(tt.c, buy, d(tt.today))); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestPurchaseTitles(t *testing.T) {
	buy := profile.Purchase{Date: d("2026-11-02"), Items: "丝巾"}
	zh := New(config.Default().Rhythm, "zh").Purchase(client("c1"), buy, d("2026-11-02"))
	if zh[0].Title != "发送购物感谢信息（丝巾）" {
		t.Errorf("zh title %q", zh[0].Title)
	}
	en := New(config.Default().Rhythm, "en").Purchase(client("c1"), profile.Purchase{Date: d("2026-11-02")}, d("2026-11-02"))
	if en[1].Title != "Call: how does it wear?" {
		t.Errorf("en title %q", en[1].Title)
	}
}

// TestTitlesShowInTheLanguageInUse: a rule's task keeps its title's code
// and facts, so the title made under one language reads in the other,
// and a task kept from before phrases shows its stored title.
func TestTitlesShowInTheLanguageInUse(t *testing.T) {
	en, zh := i18n.New("en"), i18n.New("zh")
	buy := profile.Purchase{Date: d("2026-11-02"), Items: "silk scarf"}
	madeEN := New(config.Default().Rhythm, "C").Purchase(client("c1"), buy, d("2026-11-02"))
	madeZH := New(config.Default().Rhythm, "zh").Purchase(client("c1"), buy, d("2026-11-02"))
	if got := zh.TaskTitle(&madeEN[0]); got != "发送购物感谢信息（silk scarf）" {
		t.Errorf("made under LANG=C, shown in Chinese: %q", got)
	}
	if got := en.TaskTitle(&madeZH[1]); got != "Call: how does it wear? (silk scarf)" {
		t.Errorf("made in Chinese, shown in English: %q", got)
	}
	ref := New(config.Default().Rhythm, "en").Referral(client("Ann"), client("Bea"), d("2026-11-10"))
	if got := zh.TaskTitle(&ref[2]); got != "跟进Bea介绍的新客户Ann" {
		t.Errorf("referral follow-up in Chinese: %q", got)
	}
	cs, _ := New(config.Rhythm{}, "en").Complaint(client("c1"), &notes.Note{ID: "n1", Kind: notes.Complaint, At: time.Now()})
	if got := zh.TaskTitle(&cs); got != "客诉处理：按八个步骤跟进" {
		t.Errorf("complaint in Chinese: %q", got)
	}
	if got := zh.CheckItem(cs.Checklist[2]); got != "真诚道歉" {
		t.Errorf("step 3 in Chinese: %q", got)
	}
	old := tasks.Task{Title: "Thank-you message for the purchase"}
	if got := zh.TaskTitle(&old); got != old.Title {
		t.Errorf("a task from before phrases: %q", got)
	}
	typed := tasks.CheckItem{Text: "bring the receipt"}
	if got := zh.CheckItem(typed); got != typed.Text {
		t.Errorf("a typed step: %q", got)
	}
	next, ok := New(config.Default().Rhythm, "en").NextCare(client("c1"), &tasks.Task{Kind: tasks.CareMessage, Status: tasks.Done,
		Due: d("2026-11-09"), Origin: RhythmOrigin("c1", d("2026-11-02"), StepCare+"1"), Title: madeEN[2].Title, Phrase: madeEN[2].Phrase})
	if !ok || zh.TaskTitle(&next) != "关怀信息：新品保养与搭配建议（silk scarf）" {
		t.Errorf("the next care message keeps the phrase: %v %q", ok, zh.TaskTitle(&next))
	}
}

func TestNextCare(t *testing.T) {
	rh := config.Default().Rhythm
	care := func(n string, due, doneOn string) *tasks.Task {
		t := &tasks.Task{Kind: tasks.CareMessage, Due: d(due), Status: tasks.Done, Origin: "rhythm:c1:2026-11-02:care" + n}
		if doneOn != "" {
			t.DoneAt = d(doneOn).In(time.UTC).Add(15 * time.Hour)
		}
		return t
	}
	bought := profile.Spend{Date: d("2026-11-02"), Amount: 100}
	dnc := client("c1", bought)
	dnc.DoNotContact = true
	open := care("1", "2026-11-23", "")
	open.Status = tasks.Open
	tests := []struct {
		name   string
		rh     func(*config.Rhythm)
		c      *profile.Summary
		done   *tasks.Task
		want   string // "" when the chain ends
		origin string
	}{
		{"on time", nil, client("c1", bought), care("1", "2026-11-23", "2026-11-23"), "2026-12-14", "rhythm:c1:2026-11-02:care2"},
		{"early", nil, client("c1", bought), care("1", "2026-11-23", "2026-11-20"), "2026-12-14", "rhythm:c1:2026-11-02:care2"},
		{"late", nil, client("c1", bought), care("2", "2026-12-14", "2027-01-04"), "2027-01-25", "rhythm:c1:2026-11-02:care3"},
		{"not done", nil, client("c1", bought), open, "", ""},
		{"newer purchase", nil, client("c1", bought, profile.Spend{Date: d("2026-11-20")}), care("1", "2026-11-23", "2026-11-23"), "", ""},
		{"do not contact", nil, dnc, care("1", "2026-11-23", "2026-11-23"), "", ""},
		{"care_max reached", func(r *config.Rhythm) { r.CareMax = 2 }, client("c1", bought), care("2", "2026-12-14", "2026-12-14"), "", ""},
		{"under care_max", func(r *config.Rhythm) { r.CareMax = 3 }, client("c1", bought), care("2", "2026-12-14", "2026-12-14"), "2027-01-04", "rhythm:c1:2026-11-02:care3"},
		{"a year after the purchase the client is no longer active", nil, client("c1", bought), care("17", "2027-10-25", "2027-10-25"), "", ""},
		{"another client's task", nil, client("c2", bought), care("1", "2026-11-23", "2026-11-23"), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rhythm := rh
			if tt.rh != nil {
				tt.rh(&rhythm)
			}
			next, ok := New(rhythm, "en").NextCare(tt.c, tt.done)
			switch {
			case tt.want == "" && ok:
				t.Errorf("the chain goes on: %+v", next)
			case tt.want != "" && !ok:
				t.Errorf("the chain ended, want a care message on %s", tt.want)
			case ok && (next.Due.String() != tt.want || next.Origin != tt.origin):
				t.Errorf("next %s %s, want %s %s", next.Due, next.Origin, tt.want, tt.origin)
			}
		})
	}
}

func TestReferral(t *testing.T) {
	r := New(config.Default().Rhythm, "zh")
	got := r.Referral(client("新客"), client("老客"), d("2026-11-10"))
	want := []string{
		"referral_thanks 2026-11-10 referral:新客:thank_referrer",
		"thank_you 2026-11-10 referral:新客:thank_new",
		"introduce 2026-11-17 referral:新客:follow_up",
	}
	if !slices.Equal(brief(got), want) {
		t.Errorf("got %q\nwant %q", brief(got), want)
	}
	if got[0].ClientID != "老客" || got[0].Title != "感谢老客介绍新客" {
		t.Errorf("referrer's thanks: %+v", got[0])
	}
}

func TestTopSpender(t *testing.T) {
	today := d("2026-11-24")
	from := YearFrom(today, civil.MonthDay{Month: 8, Day: 1})
	if from != d("2026-08-01") || YearFrom(d("2026-07-31"), civil.MonthDay{Month: 8, Day: 1}) != d("2025-08-01") ||
		YearFrom(today, civil.MonthDay{}) != d("2026-01-01") {
		t.Fatalf("YearFrom = %v", from)
	}
	var sums []profile.Summary
	for i, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"} {
		sums = append(sums, *client(id, profile.Spend{Date: d("2026-09-01"), Amount: profile.Money(100000 * (i + 1))}))
	}
	sums = append(sums, *client("old", profile.Spend{Date: d("2026-07-31"), Amount: 9999999})) // the year before
	top := TopOf(sums, from, today)
	if top.ClientID != "j" || top.Amount != 1000000 || top.Buyers != 10 {
		t.Fatalf("TopOf = %+v", top)
	}
	r := New(config.Default().Rhythm, "en") // 10,000 minimum
	if _, ok := r.TopSpender(&sums[9], top, ""); !ok {
		t.Error("no visit for a leader at exactly the 10,000 minimum")
	}
	if _, ok := r.TopSpender(&sums[0], top, ""); ok {
		t.Error("a visit for a client who is not the top spender")
	}
	// c buys 8,000 more: 11,000 takes the top.
	c := sums[2]
	p := profile.Purchase{Date: today, Amount: 800000}
	c.Spends = append(c.Spends, profile.Spend{Date: p.Date, Amount: p.Amount})
	top = top.With(&c, p)
	if top.ClientID != "c" || top.Amount != 1100000 || top.Buyers != 10 {
		t.Fatalf("With = %+v", top)
	}
	v, ok := r.TopSpender(&c, top, "")
	if !ok || v.Due != d("2026-12-01") || v.Origin != "top_spender:c:2026" || v.Kind != tasks.PersonalVisit {
		t.Errorf("visit %+v %v", v, ok)
	}
	// Below the minimum: no visit.
	low := TopOf(sums[:3], from, today)
	if _, ok := r.TopSpender(&sums[2], low, ""); ok {
		t.Error("a visit for a leader of 3,000, under the 10,000 minimum")
	}
	// Overtaken: the visit is cancelled, saying by whom.
	ov, ok := r.Overtaken(v, "Wang", 5000000, time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	if !ok || ov.Status != tasks.Cancelled || ov.Note != "cancelled: Wang is now the year's top spender (50,000)" {
		t.Errorf("overtaken %+v", ov)
	}
	if _, ok := r.Overtaken(ov, "Wang", 1, time.Now()); ok {
		t.Error("a cancelled visit cancelled again")
	}
}

func TestComplaint(t *testing.T) {
	n := &notes.Note{ID: "n1", ClientID: "c1", Kind: notes.Complaint, Text: "鞋跟松了", At: time.Date(2026, 11, 12, 15, 0, 0, 0, time.Local)}
	tk, ok := New(config.Rhythm{}, "zh").Complaint(client("c1"), n)
	if !ok || tk.Kind != tasks.ComplaintFollowUp || tk.Due != d("2026-11-12") || len(tk.Checklist) != 8 || tk.Origin != "complaint:n1" {
		t.Fatalf("case %+v", tk)
	}
	if tk.Checklist[0].Text != "倾听并共情" || tk.Checklist[7].Text != "确认满意并致谢" || tk.Checklist[0].Done {
		t.Errorf("steps %+v", tk.Checklist)
	}
	n.Kind = notes.Preference
	if _, ok := New(config.Rhythm{}, "en").Complaint(client("c1"), n); ok {
		t.Error("a preference opened a case")
	}
}

func TestContactCancels(t *testing.T) {
	now := time.Date(2026, 11, 4, 10, 0, 0, 0, time.UTC)
	ts := []tasks.Task{
		{ID: "1", Kind: tasks.CallBack, Status: tasks.Open},
		{ID: "2", Kind: tasks.CareMessage, Status: tasks.Snoozed},
		{ID: "3", Kind: tasks.ThankYou, Status: tasks.Done},
		{ID: "4", Kind: tasks.ComplaintFollowUp, Status: tasks.Open},
		{ID: "5", Kind: tasks.Custom, Status: tasks.Open},
		{ID: "6", Kind: tasks.PersonalVisit, Status: tasks.Open},
	}
	r := New(config.Rhythm{}, "en")
	got := r.ContactCancels(false, true, ts, now)
	var ids []string
	for _, t := range got {
		ids = append(ids, t.ID+":"+string(t.Status))
	}
	if want := []string{"1:cancelled", "2:cancelled", "6:cancelled"}; !slices.Equal(ids, want) {
		t.Errorf("cancelled %q, want %q", ids, want)
	}
	if r.ContactCancels(true, true, ts, now) != nil || r.ContactCancels(false, false, ts, now) != nil {
		t.Error("cancelled without the flag being newly set")
	}
}
