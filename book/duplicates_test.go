package book

import (
	"errors"
	"testing"

	"github.com/vipbook/vipbook/profile"
)

// TestDuplicates: adding or changing a client who looks like one of the
// book (the same name with another phone, the same e-mail, WeChat or card
// under another name) is refused with the likely duplicates, unless
// Despite; the same phone stays a refusal of its own; an edit is checked
// only on what it changes.
func TestDuplicates(t *testing.T) {
	b, _ := newBook(t, "2026-11-02", Options{})
	first := &profile.Profile{Name: "王小明", LatinName: "Michael Wang", Email: "M.Wang@example.com", WeChat: "wxm88",
		Phones: []profile.Phone{{Number: "13800000001"}}, Cards: []profile.Card{{Program: "SVIP", Number: "VIP 8800"}}}
	if err := b.AddClient(first); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		p    profile.Profile
		by   string
	}{
		{"same name, another phone", profile.Profile{Name: "王 小明", Phones: []profile.Phone{{Number: "13900000002"}}}, DupName},
		{"latin name", profile.Profile{Name: "michael  wang"}, DupName},
		{"same e-mail, another name", profile.Profile{Name: "Li Lei", Email: " m.wang@EXAMPLE.com"}, DupEmail},
		{"same WeChat, another name", profile.Profile{Name: "Han Meimei", WeChat: "WXM88"}, DupWeChat},
		{"same card", profile.Profile{Name: "Lucy", Cards: []profile.Card{{Program: "SVIP", Number: "vip-8800"}}}, DupCard},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := c.p
			err := b.AddClient(&p)
			var de *DuplicateError
			if !errors.Is(err, ErrLikelyDuplicate) || !errors.As(err, &de) || len(de.Dups) != 1 ||
				de.Dups[0].ID != first.ID || de.Dups[0].By != c.by || de.Dups[0].Phone != "+8613800000001" {
				t.Fatalf("add: %v %+v, want a likely duplicate of %s by %s", err, de, first.ID, c.by)
			}
			if dups, err := b.Duplicates(&c.p); err != nil || len(dups) != 1 {
				t.Errorf("Duplicates: %v %v", dups, err)
			}
		})
	}
	if err := b.AddClient(&profile.Profile{Name: "Someone", Phones: []profile.Phone{{Number: "138 0000 0001"}}}); !errors.Is(err, ErrPhoneTaken) {
		t.Errorf("the same phone: %v, want ErrPhoneTaken", err)
	}
	twin := &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "13900000002"}}}
	if err := b.AddClient(twin, Despite()); err != nil {
		t.Fatalf("despite: %v", err)
	}
	// An edit that leaves the name alone is not held up by the twin.
	if _, err := b.UpdateClient(twin.ID, func(p *profile.Profile) error { p.City = "上海"; return nil }); err != nil {
		t.Errorf("an edit of the city: %v", err)
	}
	// An edit that takes another's e-mail is.
	other := client(t, b, "Anne Dubois", "13700000003")
	_, err := b.UpdateClient(other.ID, func(p *profile.Profile) error { p.Email = "m.wang@example.com"; return nil })
	if !errors.Is(err, ErrLikelyDuplicate) {
		t.Errorf("an edit taking the e-mail: %v", err)
	}
	if _, err := b.UpdateClient(other.ID, func(p *profile.Profile) error { p.Email = "m.wang@example.com"; return nil }, Despite()); err != nil {
		t.Errorf("despite: %v", err)
	}
}
