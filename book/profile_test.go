package book

import (
	"errors"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// stored reads client id back from the book file.
func stored(t *testing.T, b *Book, id string) *profile.Profile {
	t.Helper()
	var p *profile.Profile
	if err := b.View(func(tx *store.Tx) error {
		var err error
		p, err = tx.Client(id)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestProfileEntries(t *testing.T) {
	cfg := config.Default()
	cfg.Rhythm.DateLeadDays = 21
	b, _ := newBook(t, "2026-11-24", Options{Config: &cfg})
	wang := client(t, b, "王小明", "13800138000")
	anne := client(t, b, "Anne Dubois", "+33612345678")
	day := civil.MustParse("2026-11-24")

	type step struct {
		name  string
		do    func() error
		check func(p *profile.Profile) string // "" when fine
		err   error
	}
	ret := func(_ *profile.Profile, err error) error { return err }
	steps := []step{
		{"size", func() error {
			return ret(b.AddSize(wang.ID, profile.Size{Category: "shoes", Value: "38", System: "EU", Taken: civil.MustParse("2024-01-01")}))
		},
			func(p *profile.Profile) string {
				if len(p.CurrentSizes()) != 1 || p.CurrentSizes()[0].Value != "38" {
					return "shoes 38 is the current size"
				}
				return ""
			}, nil},
		{"newer size keeps the old", func() error {
			return ret(b.AddSize(wang.ID, profile.Size{Category: "Shoes", Value: "39", Note: "narrow foot"}))
		},
			func(p *profile.Profile) string {
				cur := p.CurrentSizes()
				if len(p.Sizes) != 2 || len(cur) != 1 || cur[0].Value != "39" || cur[0].Taken != day {
					return "two sizes kept, 39 of today current"
				}
				return ""
			}, nil},
		{"size without value", func() error { return ret(b.AddSize(wang.ID, profile.Size{Category: "ring"})) }, nil, ErrEntryEmpty},
		{"size of nobody", func() error { return ret(b.AddSize("nobody", profile.Size{Category: "ring", Value: "11"})) }, nil, ErrGone},
		{"like", func() error {
			return ret(b.AddPreference(wang.ID, profile.Preference{Kind: profile.PrefColour, Value: "navy"}))
		},
			func(p *profile.Profile) string {
				if l := p.Likes(); len(l) != 1 || l[0].Value != "navy" || l[0].Kind != profile.PrefColour {
					return "navy liked as a colour"
				}
				return ""
			}, nil},
		{"dislike replaces the like", func() error {
			return ret(b.AddPreference(wang.ID, profile.Preference{Kind: profile.PrefColour, Value: "NAVY", Dislike: true}))
		}, func(p *profile.Profile) string {
			if len(p.Likes()) != 0 || len(p.AllDislikes()) != 1 {
				return "navy is a dislike only"
			}
			return ""
		}, nil},
		{"remove a like that is not there", func() error { return ret(b.RemovePreference(wang.ID, "navy", false)) }, nil, ErrNoEntry},
		{"remove the dislike", func() error { return ret(b.RemovePreference(wang.ID, "navy", true)) },
			func(p *profile.Profile) string {
				if len(p.AllDislikes()) != 0 {
					return "no dislike left"
				}
				return ""
			}, nil},
		{"measurement", func() error {
			return ret(b.AddMeasurement(wang.ID, profile.Measurement{Name: "chest", Value: "98", Unit: "cm"}))
		},
			func(p *profile.Profile) string {
				if m := p.CurrentMeasurements(); len(m) != 1 || m[0].Value != "98" {
					return "chest 98"
				}
				return ""
			}, nil},
		{"remove the measurement", func() error { return ret(b.RemoveMeasurement(wang.ID, "Chest")) },
			func(p *profile.Profile) string {
				if len(p.Measurements) != 0 {
					return "no measurement left"
				}
				return ""
			}, nil},
		{"remove a size category", func() error { p, _, err := b.RemoveSize(wang.ID, "shoes"); return ret(p, err) },
			func(p *profile.Profile) string {
				if len(p.Sizes) != 0 {
					return "the shoes' history goes too"
				}
				return ""
			}, nil},
		{"family with a lunar birthday", func() error {
			return ret(b.AddFamily(wang.ID, profile.Member{Name: "张伟", Relation: "spouse", Birthday: civil.MonthDay{Month: 12, Day: 5}, Lunar: true, ClientID: anne.ID}))
		}, func(p *profile.Profile) string {
			if len(p.Household) != 1 || p.Household[0].ClientID != anne.ID {
				return "the spouse, linked to Anne"
			}
			if len(p.Dates) != 1 || p.Dates[0].For != "张伟" || !p.Dates[0].Lunar || p.Dates[0].LeadDays != 21 || p.Dates[0].ID != "d1" {
				return "his lunar birthday as date d1 with the config's 21 days"
			}
			return ""
		}, nil},
		{"family linked to nobody", func() error { return ret(b.AddFamily(wang.ID, profile.Member{Name: "X", ClientID: "nobody"})) }, nil, ErrGone},
		{"family changed in place: renamed, the birthday moved with them", func() error {
			return ret(b.ChangeFamily(wang.ID, "张伟", profile.Member{Name: "张伟伟", Relation: "spouse", Birthday: civil.MonthDay{Month: 1, Day: 8}}))
		}, func(p *profile.Profile) string {
			if len(p.Household) != 1 || p.Household[0].Name != "张伟伟" || p.Household[0].Lunar {
				return "one member, renamed, Gregorian now"
			}
			if len(p.Dates) != 1 || p.Dates[0].For != "张伟伟" || p.Dates[0].Lunar || p.Dates[0].When.Month != 1 {
				return "his one birthday, for the new name, 01-08"
			}
			return ""
		}, nil},
		{"family changed back", func() error {
			return ret(b.ChangeFamily(wang.ID, "张伟伟", profile.Member{Name: "张伟", Relation: "spouse", Birthday: civil.MonthDay{Month: 12, Day: 5}, Lunar: true, ClientID: anne.ID}))
		}, nil, nil},
		{"change a member who is not there", func() error { return ret(b.ChangeFamily(wang.ID, "nobody", profile.Member{Name: "X"})) }, nil, ErrNoEntry},
		{"card", func() error {
			return ret(b.AddCard(wang.ID, profile.Card{Program: "Maison", Number: "vip 8800-123", Level: "gold"}))
		},
			func(p *profile.Profile) string {
				if len(p.Cards) != 1 {
					return "one card"
				}
				return ""
			}, nil},
		{"the same card for another client", func() error { return ret(b.AddCard(anne.ID, profile.Card{Program: "Maison", Number: "VIP8800123"})) }, nil, ErrCardTaken},
		{"remove family", func() error { return ret(b.RemoveFamily(wang.ID, "张伟")) },
			func(p *profile.Profile) string {
				if len(p.Household) != 0 || len(p.Dates) != 0 {
					return "the member and their birthday go"
				}
				return ""
			}, nil},
		{"remove a card", func() error { return ret(b.RemoveCard(wang.ID, "VIP-8800-123")) },
			func(p *profile.Profile) string {
				if len(p.Cards) != 0 {
					return "no card left"
				}
				return ""
			}, nil},
		{"remove a date that is not there", func() error { return ret(b.RemoveDate(wang.ID, "d9")) }, nil, ErrNoDate},
		{"gift for a date that is not there", func() error {
			_, _, err := b.LogGift(wang.ID, profile.Gift{What: "scarf", ForDate: "d9"})
			return err
		}, nil, ErrNoDate},
	}
	for _, s := range steps {
		err := s.do()
		if s.err != nil {
			if !errors.Is(err, s.err) {
				t.Fatalf("%s: err %v, want %v", s.name, err, s.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if s.check != nil {
			if msg := s.check(stored(t, b, wang.ID)); msg != "" {
				t.Fatalf("%s: want %s; stored %+v", s.name, msg, stored(t, b, wang.ID))
			}
		}
	}
	// The card number now finds nobody; Anne can take it.
	if _, err := b.AddCard(anne.ID, profile.Card{Program: "Maison", Number: "VIP8800123"}); err != nil {
		t.Fatalf("the freed card: %v", err)
	}
	b.View(func(tx *store.Tx) error {
		if ids := tx.FindByCard("vip-8800-123"); len(ids) != 1 || ids[0] != anne.ID {
			t.Errorf("FindByCard = %v, want Anne", ids)
		}
		return nil
	})
	b.Close()
	rep, err := store.Check(b.Path())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Sound() {
		t.Errorf("check after the entries: %v", rep.Problems)
	}
}

// TestGiftTicksTheGreeting: a gift for a date marks it prepared and ticks
// the open birthday greeting due within its lead time; a greeting due
// after the day, and other follow-ups, stay open.
func TestGiftTicksTheGreeting(t *testing.T) {
	b, c := newBook(t, "2026-11-24", Options{})
	wang := client(t, b, "王小明", "13800138000")
	d, err := b.AddDate(wang.ID, profile.ImportantDate{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 12, Day: 3}, LeadDays: 10})
	if err != nil || d.ID != "d1" || d.LeadDays != 10 {
		t.Fatalf("AddDate = %+v, %v", d, err)
	}
	greet := &tasks.Task{ClientID: wang.ID, Kind: tasks.BirthdayGreeting, Title: "birthday wishes", Due: civil.MustParse("2026-12-02")}
	later := &tasks.Task{ClientID: wang.ID, Kind: tasks.BirthdayGreeting, Title: "next year", Due: civil.MustParse("2027-12-02")}
	call := &tasks.Task{ClientID: wang.ID, Kind: tasks.CallBack, Title: "call", Due: civil.MustParse("2026-12-01")}
	for _, tk := range []*tasks.Task{greet, later, call} {
		if err := b.AddTask(tk); err != nil {
			t.Fatal(err)
		}
	}
	c.t = c.t.Add(24 * time.Hour)
	g, ticked, err := b.LogGift(wang.ID, profile.Gift{What: "silk scarf", ForDate: "D1"})
	if err != nil {
		t.Fatal(err)
	}
	if g.ID != "g1" || g.ForDate != "d1" || g.Date != civil.MustParse("2026-11-25") {
		t.Errorf("gift = %+v", g)
	}
	if len(ticked) != 1 || ticked[0].ID != greet.ID {
		t.Fatalf("ticked %v, want only the greeting %s", ticked, greet.ID)
	}
	p := stored(t, b, wang.ID)
	on := p.Dates[0].Next(civil.MustParse("2026-11-25"))
	if !p.Dates[0].GiftPrepared(on) {
		t.Errorf("the date's gift is not prepared: %+v", p.Dates[0])
	}
	b.View(func(tx *store.Tx) error {
		for _, tk := range tx.ClientTasks(wang.ID) {
			if want := tk.ID == greet.ID; (tk.Status == tasks.Done) != want {
				t.Errorf("task %s %s: status %s", tk.ID, tk.Title, tk.Status)
			}
		}
		s, _ := tx.Summary(wang.ID)
		if len(s.Dates) != 1 || s.Dates[0].LastGift != g.Date || s.Dates[0].ID != "d1" {
			t.Errorf("the summary's date lacks the gift: %+v", s.Dates)
		}
		return nil
	})
	// Removing the gift clears the date's gift.
	if _, err := b.RemoveGift(wang.ID, "g1"); err != nil {
		t.Fatal(err)
	}
	if p := stored(t, b, wang.ID); !p.Dates[0].LastGift.IsZero() || len(p.Gifts) != 0 {
		t.Errorf("after removing the gift: %+v", p)
	}
	if _, err := b.RemoveDate(wang.ID, "d1"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AddDate(wang.ID, profile.ImportantDate{When: civil.MonthDay{Month: 2, Day: 30}}); !errors.Is(err, ErrBadDay) {
		t.Errorf("30 February: %v", err)
	}
}

// TestChangeEntriesInPlace: a date, a card and a gift are changed in
// their place, keeping their IDs; a changed date keeps its last gift, a
// gift moved to another date moves the "prepared" with it, and a card
// changed to a number another client holds is refused.
func TestChangeEntriesInPlace(t *testing.T) {
	cfg := config.Default()
	cfg.Rhythm.DateLeadDays = 21
	b, _ := newBook(t, "2026-11-24", Options{Config: &cfg})
	wang := client(t, b, "王小明", "13800138000")
	anne := client(t, b, "Anne Dubois", "+33612345678")
	d1, _ := b.AddDate(wang.ID, profile.ImportantDate{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 12, Day: 3}})
	b.AddDate(wang.ID, profile.ImportantDate{Kind: profile.DateAnniversary, When: civil.MonthDay{Month: 12, Day: 20}})
	g, _, err := b.LogGift(wang.ID, profile.Gift{What: "scarf", ForDate: d1.ID})
	if err != nil {
		t.Fatal(err)
	}
	ch, err := b.ChangeDate(wang.ID, "D1", profile.ImportantDate{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 12, Day: 4}, LeadDays: 30})
	if err != nil || ch.ID != "d1" || ch.LeadDays != 30 || ch.LastGift != g.Date {
		t.Fatalf("ChangeDate = %+v, %v", ch, err)
	}
	if ch, _ := b.ChangeDate(wang.ID, "d2", profile.ImportantDate{Kind: profile.DateAnniversary, When: civil.MonthDay{Month: 12, Day: 21}}); ch.LeadDays != 21 {
		t.Errorf("a changed date without lead days has %d, want the settings' 21", ch.LeadDays)
	}
	if _, err := b.ChangeDate(wang.ID, "d9", d1); !errors.Is(err, ErrNoDate) {
		t.Errorf("changing a date not there: %v", err)
	}
	if _, err := b.ChangeDate(wang.ID, "d1", profile.ImportantDate{When: civil.MonthDay{Month: 2, Day: 30}}); !errors.Is(err, ErrBadDay) {
		t.Errorf("30 February: %v", err)
	}
	p := stored(t, b, wang.ID)
	if len(p.Dates) != 2 || p.Dates[0].ID != "d1" || p.Dates[0].When.Day != 4 || p.Dates[1].ID != "d2" {
		t.Fatalf("dates after the change: %+v", p.Dates)
	}

	// The gift moves to the anniversary: the birthday's gift goes with it.
	if _, err := b.ChangeGift(wang.ID, g.ID, profile.Gift{What: "silk scarf", Date: g.Date, ForDate: "d2"}); err != nil {
		t.Fatal(err)
	}
	p = stored(t, b, wang.ID)
	if len(p.Gifts) != 1 || p.Gifts[0].ID != "g1" || p.Gifts[0].What != "silk scarf" || p.Gifts[0].ForDate != "d2" {
		t.Fatalf("gifts: %+v", p.Gifts)
	}
	if !p.Dates[0].LastGift.IsZero() || p.Dates[1].LastGift != g.Date {
		t.Errorf("last gifts: birthday %s, anniversary %s", p.Dates[0].LastGift, p.Dates[1].LastGift)
	}
	if _, err := b.ChangeGift(wang.ID, "g1", profile.Gift{What: "x", ForDate: "d7"}); !errors.Is(err, ErrNoDate) {
		t.Errorf("a gift for a date not there: %v", err)
	}

	if _, err := b.AddCard(wang.ID, profile.Card{Program: "Maison", Number: "VIP1"}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AddCard(anne.ID, profile.Card{Program: "Maison", Number: "VIP2"}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ChangeCard(wang.ID, "vip-1", profile.Card{Program: "Maison", Number: "VIP 2"}); !errors.Is(err, ErrCardTaken) {
		t.Errorf("a card changed to Anne's number: %v", err)
	}
	if _, err := b.ChangeCard(wang.ID, "VIP1", profile.Card{Program: "Maison", Number: "VIP3", Level: "gold", Points: 120}); err != nil {
		t.Fatal(err)
	}
	if p := stored(t, b, wang.ID); len(p.Cards) != 1 || p.Cards[0].Number != "VIP3" || p.Cards[0].Level != "gold" {
		t.Errorf("cards: %+v", p.Cards)
	}
	b.View(func(tx *store.Tx) error {
		if ids := tx.FindByCard("vip3"); len(ids) != 1 || ids[0] != wang.ID {
			t.Errorf("the changed card does not find the client: %v", ids)
		}
		if ids := tx.FindByCard("VIP1"); len(ids) != 0 {
			t.Errorf("the old number still finds %v", ids)
		}
		return nil
	})
}

// TestFamilyKeptTheAppsOldWay: a profile holding a household birthday as
// the app used to write it (a lunar one as a family birthday labelled with
// the name, a Gregorian one on the member alone) is stored in the book's
// shape by the next write to it through the book, whatever that write
// is; removing the member then takes their birthday with them.
func TestFamilyKeptTheAppsOldWay(t *testing.T) {
	b, _ := newBook(t, "2026-11-24", Options{})
	wang := client(t, b, "王小明", "13800138000")
	aug15 := civil.MonthDay{Month: 8, Day: 15}
	if err := b.update(func(tx *store.Tx) error {
		p, err := tx.Client(wang.ID)
		if err != nil {
			return err
		}
		p.Household = []profile.Member{{Name: "Chen Wei", Relation: "spouse"}, {Name: "Lily", Relation: "child", Birthday: civil.MonthDay{Month: 5, Day: 2}}}
		p.Dates = []profile.ImportantDate{{Kind: profile.DateFamilyBirthday, Label: "Chen Wei", When: aug15, Lunar: true}}
		return tx.UpdateClient(p)
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AddSize(wang.ID, profile.Size{Category: "shoes", Value: "38"}); err != nil {
		t.Fatal(err)
	}
	p := stored(t, b, wang.ID)
	if m := p.Household[0]; !m.Lunar || m.Birthday != aug15 {
		t.Errorf("Chen Wei is %+v", m)
	}
	if len(p.Dates) != 2 || !p.Dates[0].IsMemberBirthday("Chen Wei") || p.Dates[0].Label != "" || !p.Dates[1].IsMemberBirthday("Lily") ||
		p.Dates[1].Kind != profile.DateChildBirthday {
		t.Errorf("dates %+v", p.Dates)
	}
	if _, err := b.RemoveFamily(wang.ID, "chen wei"); err != nil {
		t.Fatal(err)
	}
	if p := stored(t, b, wang.ID); len(p.Dates) != 1 || p.Dates[0].For != "Lily" {
		t.Errorf("after removing Chen Wei: %+v", p.Dates)
	}
}
