package briefing

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
)

// TestDoNotContactProposesNoContact: two clients alike in everything that
// makes the briefing propose contact (a birthday in three days, a top
// client away for months, a situation noted yesterday, Christmas coming),
// one of whom asked not to be contacted. The briefing proposes every
// contact for the other and none for her, in no section and not among the
// urgent items; she is still served when she comes (today's visit, her open
// request).
func TestDoNotContactProposesNoContact(t *testing.T) {
	today := day("2026-11-24")
	twin := func(name string, dnc bool) client {
		return client{
			p: profile.Profile{Name: name, Tier: "A", Consent: profile.Consent{DoNotContact: dnc},
				Dates: []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 11, Day: 27}, LeadDays: 14}}},
			buys:     []int{70, 200},
			notes:    []notes.Note{{Kind: notes.Situation, Text: "has a cold " + name}},
			ago:      []int{1},
			requests: []requests.Request{{What: "silk scarf for " + name, Status: requests.Open}}, requestAt: []int{3},
			visitAt: "15:00",
		}
	}
	const ok, dnc = "王小明", "曾小凡"
	br := book(t, today, config.Default(), Options{}, twin(ok, false), twin(dnc, true))

	sections := map[string]string{
		"dates":      names(br.Dates, func(d *DateItem) string { return d.ClientName }),
		"lapsed":     names(br.Lapsed, func(l *LapsedItem) string { return l.ClientName }),
		"situations": names(br.Situations, func(s *SituationItem) string { return s.ClientName }),
		"urgent":     names(br.Urgent, func(r *Ref) string { return string(r.Section) + ":" + r.ClientName }),
	}
	for _, sec := range []string{"dates", "lapsed", "situations"} {
		if got := sections[sec]; got != ok {
			t.Errorf("%s lists %q, want only %q (contact proposed to a do-not-contact client, or not to the other)", sec, got, ok)
		}
	}
	if !strings.Contains(sections["urgent"], ok) {
		t.Errorf("urgent %q lacks the contactable client", sections["urgent"])
	}
	for _, r := range br.Urgent {
		if r.ClientName == dnc && r.Section != SecRequests && r.Section != SecPeople {
			t.Errorf("urgent item proposes contact with the do-not-contact client: %+v", r)
		}
	}
	for _, f := range br.Festivals {
		if f.Count != 1 {
			t.Errorf("festival %s counts %d clients, want 1 (the do-not-contact client is not greeted)", f.Festival.Key, f.Count)
		}
		for _, c := range f.Clients {
			if c.ClientName == dnc {
				t.Errorf("festival %s lists the do-not-contact client", f.Festival.Key)
			}
		}
	}
	if len(br.Festivals) == 0 {
		t.Error("no festival in the window: the test does not check festivals")
	}
	// Served, not contacted: her visit and her request stay on the briefing.
	if got := names(br.Visits, func(v *PrepCard) string { return v.Name }); !strings.Contains(got, dnc) {
		t.Errorf("visits %q: a do-not-contact client coming today must still be prepared for", got)
	}
	if got := names(br.Requests, func(r *RequestItem) string { return r.ClientName }); !strings.Contains(got, dnc) {
		t.Errorf("requests %q: a do-not-contact client's request must still be worked", got)
	}
}
