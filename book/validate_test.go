package book

import (
	"errors"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

// TestPoint12Validation: the book itself (so the app as well as the CLI)
// refuses a tier outside the scheme, a malformed e-mail and a year outside
// 1900 to 2100, and an old bad record can still be edited elsewhere.
func TestPoint12Validation(t *testing.T) {
	b, _ := newBook(t, "2026-12-05", Options{})
	defer b.Close()
	bad := []struct {
		name string
		p    profile.Profile
		want *Error
	}{
		{"tier", profile.Profile{Name: "A", Tier: "Z9"}, ErrBadTier},
		{"email", profile.Profile{Name: "A", Email: "a@b"}, ErrBadEmail},
		{"email name", profile.Profile{Name: "A", Email: "Ann <a@b.com>"}, ErrBadEmail},
		{"year", profile.Profile{Name: "A", Dates: []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Year: 9999, Month: 12, Day: 31}}}}, ErrDateRange},
	}
	for _, c := range bad {
		p := c.p
		if err := b.AddClient(&p); !errors.Is(err, c.want) {
			t.Errorf("%s: AddClient = %v, want %v", c.name, err, c.want)
		}
	}
	p := &profile.Profile{Name: "Ann", Tier: "a", Email: "ann@example.com"}
	if err := b.AddClient(p); err != nil {
		t.Fatal(err)
	}
	if p.Tier != "A" {
		t.Errorf("tier stored as %q, want the scheme's A", p.Tier)
	}
	if _, err := b.UpdateClient(p.ID, func(p *profile.Profile) error { p.Tier = "E"; return nil }); !errors.Is(err, ErrBadTier) {
		t.Errorf("UpdateClient tier E = %v", err)
	}
	if err := b.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.Date{Year: 9999, Month: 1, Day: 1}, Amount: 100, Currency: "CNY"}); !errors.Is(err, ErrDateRange) {
		t.Errorf("purchase in 9999 = %v", err)
	}
	if err := b.AddTask(&tasks.Task{ClientID: p.ID, Kind: tasks.Custom, Title: "x", Due: civil.Date{Year: 1800, Month: 1, Day: 1}}); !errors.Is(err, ErrDateRange) {
		t.Errorf("task in 1800 = %v", err)
	}
	for _, ok := range []string{"ann@example.com", "li.na+vip@mail.example.cn"} {
		if !EmailValid(ok) {
			t.Errorf("EmailValid(%q) = false", ok)
		}
	}
	for _, no := range []string{"bad", "a@b", "@x.com", "a@.com", "a@x..com", "a b@x.com", "<a@x.com>"} {
		if EmailValid(no) {
			t.Errorf("EmailValid(%q) = true", no)
		}
	}
}
