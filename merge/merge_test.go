package merge

import (
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
)

func bday(m time.Month, d int) []profile.ImportantDate {
	return []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: m, Day: d}}}
}

func TestMatch(t *testing.T) {
	book := []profile.Summary{
		{ID: "aaaaaa", Name: "王小明", Phones: []string{"8613800138000"}},
		{ID: "bbbbbb", Name: "Anne Dubois", Email: "anne@example.fr"},
		{ID: "cccccc", Name: "李娜", Dates: bday(3, 14)},
		{ID: "dddddd", Name: "张伟"},
	}
	x := IndexSummaries(book)
	cases := []struct {
		name   string
		id     string
		p      profile.Profile
		cc     string
		want   string
		by     Reason
		others int
	}{
		{"phone in another format", "", profile.Profile{Name: "Xiaoming", Phones: []profile.Phone{{Number: "138-0013-8000"}}}, "86", "aaaaaa", ByPhone, 0},
		{"phone with country code from a US book", "", profile.Profile{Name: "X", Phones: []profile.Phone{{Number: "+86 138 0013 8000"}}}, "1", "aaaaaa", ByPhone, 0},
		{"national number in a US book is another number", "", profile.Profile{Name: "X", Phones: []profile.Phone{{Number: "13800138000"}}}, "1", "", "", 0},
		{"email in capitals", "", profile.Profile{Name: "A. Dubois", Email: " Anne@Example.FR "}, "86", "bbbbbb", ByEmail, 0},
		{"name with a space and birthday", "", profile.Profile{Name: "李 娜", Dates: bday(3, 14)}, "86", "cccccc", ByNameBirthday, 0},
		{"same name, other birthday", "", profile.Profile{Name: "李娜", Dates: bday(3, 15)}, "86", "", "", 0},
		{"same name, no birthday", "", profile.Profile{Name: "李娜"}, "86", "", "", 0},
		{"id with the same name", "dddddd", profile.Profile{Name: "张伟"}, "86", "dddddd", ByID, 0},
		{"id with another name", "dddddd", profile.Profile{Name: "张三"}, "86", "", "", 0},
		{"phone and email of two clients", "", profile.Profile{Name: "X", Email: "anne@example.fr", Phones: []profile.Phone{{Number: "13800138000"}}}, "86", "aaaaaa", ByPhone, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, ok := x.Match(c.id, KeysOfProfile(&c.p, c.cc))
			if ok != (c.want != "") || m.ID != c.want || m.By != c.by || len(m.Others) != c.others {
				t.Fatalf("Match = %+v, %v; want %s by %s with %d others", m, ok, c.want, c.by, c.others)
			}
		})
	}
}

func TestProfiles(t *testing.T) {
	old := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	newer := old.Add(24 * time.Hour)
	now := newer.Add(time.Hour)
	base := func() *profile.Profile {
		return &profile.Profile{ID: "aaaaaa", Name: "王小明", City: "上海", Occupation: "doctor",
			Phones: []profile.Phone{{Number: "13800138000"}}, Hobbies: []string{"golf"}, Updated: old,
			Dates:   bday(3, 14),
			Special: profile.Special{Elderly: true},
			Owners:  []profile.Ownership{{Associate: "Wang", From: old}}}
	}
	in := func() *profile.Profile {
		return &profile.Profile{ID: "zzzzzz", Name: "王小明", City: "北京", Email: "wxm@example.com",
			Phones: []profile.Phone{{Number: "+86 138 0013 8000"}, {Number: "13900139000"}}, Hobbies: []string{"Golf", "tea"},
			Dates: bday(3, 15), Special: profile.Special{Health: true}, Updated: newer,
			Owners: []profile.Ownership{{Associate: "Li", From: old.Add(-time.Hour), To: newer}}}
	}
	t.Run("newer wins, older kept in history", func(t *testing.T) {
		b := base()
		cs := Profiles(b, in(), Options{Now: now, Source: "handover from Li"})
		if len(cs) != 2 || cs[0].Field != "city" || cs[0].Kept != "incoming" || cs[1].Field != "date:birthday" {
			t.Fatalf("conflicts = %+v", cs)
		}
		if b.City != "北京" || b.Dates[0].When.Day != 15 || b.Email != "wxm@example.com" || b.Occupation != "doctor" {
			t.Fatalf("merged = %+v", b)
		}
		if len(b.Phones) != 2 || len(b.Hobbies) != 2 || !b.Special.Elderly || !b.Special.Health || b.ID != "aaaaaa" {
			t.Fatalf("lists = %+v %+v %+v", b.Phones, b.Hobbies, b.Special)
		}
		if len(b.History) != 2 || b.History[0].Old != "上海" || b.History[0].New != "北京" || b.History[0].Source != "handover from Li" {
			t.Fatalf("history = %+v", b.History)
		}
		if len(b.Owners) != 2 || b.Owners[0].Associate != "Li" {
			t.Fatalf("owners = %+v", b.Owners)
		}
		// Merging the same again changes nothing more.
		again := Profiles(b, in(), Options{Now: now.Add(time.Hour), Source: "handover from Li"})
		if len(again) != 0 || len(b.History) != 2 {
			t.Fatalf("second merge: %+v, history %+v", again, b.History)
		}
	})
	t.Run("book newer keeps its value and remembers the other", func(t *testing.T) {
		b := base()
		b.Updated = newer.Add(time.Hour)
		cs := Profiles(b, in(), Options{Now: now})
		if len(cs) != 2 || cs[0].Kept != "book" || b.City != "上海" {
			t.Fatalf("conflicts = %+v, city %s", cs, b.City)
		}
		if b.History[0].Old != "北京" || b.History[0].New != "上海" {
			t.Fatalf("history = %+v", b.History)
		}
		again := Profiles(b, in(), Options{Now: now})
		if len(b.History) != 2 || len(again) != 2 || !again[0].Known || !again[1].Known {
			t.Fatalf("history grew on a second merge: %+v", b.History)
		}
	})
	t.Run("do-not-contact", func(t *testing.T) {
		cases := []struct {
			name     string
			book, in profile.Consent
			want     bool
		}{
			{"unknown order: DNC wins from the bundle", profile.Consent{}, profile.Consent{DoNotContact: true}, true},
			{"unknown order: DNC wins from the book", profile.Consent{DoNotContact: true}, profile.Consent{}, true},
			{"later answer wins", profile.Consent{DoNotContact: true, RecordedAt: old}, profile.Consent{RecordedAt: newer}, false},
			{"later DNC wins", profile.Consent{RecordedAt: newer}, profile.Consent{DoNotContact: true, RecordedAt: old}, false},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				b := base()
				i := in()
				b.Consent, i.Consent = c.book, c.in
				Profiles(b, i, Options{Now: now})
				if b.Consent.DoNotContact != c.want {
					t.Fatalf("DNC = %v, want %v", b.Consent.DoNotContact, c.want)
				}
			})
		}
	})
	t.Run("phones typed for another country", func(t *testing.T) {
		b := base()
		Profiles(b, &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "(415) 555-0100"}}}, Options{BookCC: "86", IncomingCC: "1"})
		if got := b.Phones[len(b.Phones)-1].Number; got != "+14155550100" {
			t.Fatalf("phone = %q", got)
		}
	})
}
