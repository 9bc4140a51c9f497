package book

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/merge"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/visits"
)

// mergePair fills a book with two records of one person (王小明 twice,
// another phone, each with notes, purchases, tasks, a visit, a request,
// sizes, dates, cards, a gift) and a third client introduced by the
// second and linked to them as family.
func mergePair(t *testing.T, b *Book) (keep, other, third *profile.Profile) {
	t.Helper()
	keep = client(t, b, "王小明", "13800000001")
	other = &profile.Profile{Name: "王 小明", LatinName: "Michael Wang", Email: "m.wang@example.com",
		Phones: []profile.Phone{{Number: "13900000002"}}, City: "北京", Tags: []string{"vip"}}
	if err := b.AddClient(other); !errors.Is(err, ErrLikelyDuplicate) {
		t.Fatalf("a second 王小明: %v, want ErrLikelyDuplicate", err)
	}
	if err := b.AddClient(other, Despite()); err != nil {
		t.Fatal(err)
	}
	if _, err := b.UpdateClient(keep.ID, func(p *profile.Profile) error { p.City = "上海"; return nil }); err != nil {
		t.Fatal(err)
	}
	third = &profile.Profile{Name: "李雷", Phones: []profile.Phone{{Number: "13700000003"}}, ReferredBy: other.ID,
		Household: []profile.Member{{Name: "王小明", Relation: "other", ClientID: other.ID}}}
	if err := b.AddClient(third); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{keep.ID, other.ID} {
		if err := b.AddNote(&notes.Note{ClientID: id, Kind: notes.Visit, Text: "came in " + id}); err != nil {
			t.Fatal(err)
		}
	}
	buy(t, b, keep.ID, "2026-10-01", 5000)
	buy(t, b, other.ID, "2026-10-20", 40000)
	if err := b.AddVisit(&visits.Appointment{ClientID: other.ID, Start: at("2026-11-20"), Purpose: "fitting"}); err != nil {
		t.Fatal(err)
	}
	if err := b.AddRequest(&requests.Request{ClientID: other.ID, What: "navy loafers 39"}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AddSize(other.ID, profile.Size{Category: "shoes", System: "EU", Value: "39", Taken: civil.MustParse("2026-01-02")}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AddSize(keep.ID, profile.Size{Category: "shoes", System: "EU", Value: "40", Taken: civil.MustParse("2026-06-02")}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AddCard(other.ID, profile.Card{Program: "SVIP", Number: "VIP-8800"}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AddCard(keep.ID, profile.Card{Program: "SVIP", Number: "VIP-1100"}); err != nil {
		t.Fatal(err)
	}
	d, err := b.AddDate(other.ID, profile.ImportantDate{Kind: profile.DateAnniversary, When: civil.MonthDay{Month: 12, Day: 20}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.AddDate(keep.ID, profile.ImportantDate{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 3, Day: 1}}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.LogGift(other.ID, profile.Gift{What: "silk scarf", ForDate: d.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.AddPreference(other.ID, profile.Preference{Kind: profile.PrefColour, Value: "navy"}); err != nil {
		t.Fatal(err)
	}
	return keep, other, third
}

func TestMergeClients(t *testing.T) {
	b, _ := newBook(t, "2026-11-02", Options{})
	keep, other, third := mergePair(t, b)
	var beforeTasks []string
	_ = b.View(func(tx *store.Tx) error {
		for _, x := range tx.ClientTasks(other.ID) {
			beforeTasks = append(beforeTasks, x.ID)
		}
		return nil
	})
	if len(beforeTasks) == 0 {
		t.Fatal("the other client has no tasks to move")
	}
	size := func() []byte {
		raw, err := os.ReadFile(b.Path())
		if err != nil {
			t.Fatal(err)
		}
		return raw
	}
	was := size()

	// The dry run says what would happen and writes nothing.
	dry, err := b.MergeClients(keep.ID, other.ID, true)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(was, size()) {
		t.Error("the dry run changed the book file")
	}
	_ = b.View(func(tx *store.Tx) error {
		if !tx.HasClient(other.ID) {
			t.Error("the dry run merged the other client away")
		}
		return nil
	})

	rep, err := b.MergeClients(keep.ID, other.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	rep.DryRun = true
	if dry.Moved != rep.Moved || len(dry.Kept) != len(rep.Kept) || dry.Tier != rep.Tier || dry.Stats != rep.Stats {
		t.Errorf("the dry run said %+v, the merge did %+v", dry, rep)
	}
	m := rep.Moved
	if m.Notes != 1 || m.Purchases != 1 || m.Appointments != 1 || m.Requests != 1 || m.OpenTasks+m.ClosedTasks != len(beforeTasks) ||
		m.Referred != 1 || m.Links != 1 {
		t.Errorf("moved %+v", m)
	}
	if rep.Stats.Total != profile.Money(45000*100) || rep.Keep.Stats.Total != profile.Money(5000*100) {
		t.Errorf("spend: keep %v, after %v", rep.Keep.Stats.Total, rep.Stats.Total)
	}
	city := slices.IndexFunc(rep.Kept, func(c merge.Conflict) bool { return c.Field == "city" })
	if city < 0 || rep.Kept[city].Book != "上海" || rep.Kept[city].Incoming != "北京" {
		t.Errorf("kept %+v, want the city 上海 kept over 北京", rep.Kept)
	}

	err = b.View(func(tx *store.Tx) error {
		if tx.HasClient(other.ID) {
			t.Error("the other client is still in the book")
		}
		if to, ok := tx.Alias(other.ID); !ok || to != keep.ID {
			t.Errorf("alias of %s: %q %v", other.ID, to, ok)
		}
		p, err := tx.Client(keep.ID)
		if err != nil {
			return err
		}
		if p.Name != "王小明" || p.City != "上海" || p.Email != "m.wang@example.com" || p.LatinName != "Michael Wang" {
			t.Errorf("merged profile: %q %q %q %q", p.Name, p.City, p.Email, p.LatinName)
		}
		if !slices.ContainsFunc(p.History, func(h profile.FieldChange) bool { return h.Field == "city" && h.Old == "北京" }) {
			t.Errorf("history %+v lacks the other's city", p.History)
		}
		if len(p.Phones) != 2 || len(p.Cards) != 2 || len(p.Sizes) != 2 || len(p.Gifts) != 1 || len(p.Dates) != 2 {
			t.Errorf("phones %v cards %v sizes %v gifts %v dates %v", p.Phones, p.Cards, p.Sizes, p.Gifts, p.Dates)
		}
		if cur := p.CurrentSizes(); len(cur) != 1 || cur[0].Value != "40" {
			t.Errorf("current sizes %v: the newer size (40) shows, 39 stays as history", cur)
		}
		if g := p.Gifts[0]; p.DateByID(g.ForDate) < 0 || p.Dates[p.DateByID(g.ForDate)].Kind != profile.DateAnniversary {
			t.Errorf("the gift's date %q is not the anniversary in %+v", g.ForDate, p.Dates)
		}
		for _, n := range []string{"13900000002", "VIP8800"} {
			if ids := append(tx.FindByPhone(n), tx.FindByCard(n)...); len(ids) != 1 || ids[0] != keep.ID {
				t.Errorf("%s finds %v", n, ids)
			}
		}
		ns, _ := tx.Notes(keep.ID)
		if len(ns) != 3 || !slices.ContainsFunc(ns, func(n notes.Note) bool {
			return strings.Contains(n.Text, "Merged") && strings.Contains(n.Text, other.ID) && strings.Contains(n.Text, "北京")
		}) {
			t.Errorf("notes %+v: want both visits and the merge note naming the other and its city", ns)
		}
		if ps, _ := tx.Purchases(keep.ID); len(ps) != 2 {
			t.Errorf("purchases %v", ps)
		}
		var now []string
		for _, x := range tx.ClientTasks(keep.ID) {
			now = append(now, x.ID)
		}
		for _, id := range beforeTasks {
			if !slices.Contains(now, id) {
				t.Errorf("task %s did not move", id)
			}
		}
		if len(tx.ClientAppointments(keep.ID)) != 1 || len(tx.ClientRequests(keep.ID)) != 1 {
			t.Error("the visit or the request did not move")
		}
		th, _ := tx.Client(third.ID)
		if th.ReferredBy != keep.ID || th.Household[0].ClientID != keep.ID {
			t.Errorf("the third client still names %s: %q %+v", other.ID, th.ReferredBy, th.Household)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// The other's id finds the kept client; merging it again is merging
	// a client with itself.
	if _, err := b.MergeClients(keep.ID, other.ID, true); !errors.Is(err, ErrMergeSelf) {
		t.Errorf("merge again: %v, want ErrMergeSelf", err)
	}
	path := b.Path()
	b.Close()
	r, err := store.Check(path)
	if err != nil || !r.Sound() {
		t.Fatalf("check after the merge: %v %v", err, r.Problems)
	}
}

func TestMergeDoNotContactWins(t *testing.T) {
	b, _ := newBook(t, "2026-11-02", Options{})
	keep := client(t, b, "Anne Dubois", "13800000001")
	other := twin(t, b, "anne dubois", "13900000002")
	buy(t, b, keep.ID, "2026-11-01", 3000) // a thank-you rhythm opens for keep
	if _, err := b.UpdateClient(other.ID, func(p *profile.Profile) error {
		p.Consent = profile.Consent{DoNotContact: true, How: "asked in store"}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	rep, err := b.MergeClients(keep.ID, other.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if !rep.DoNotContact || rep.Cancelled == 0 {
		t.Errorf("do not contact %v, cancelled %d", rep.DoNotContact, rep.Cancelled)
	}
	_ = b.View(func(tx *store.Tx) error {
		s, _ := tx.Summary(keep.ID)
		if !s.DoNotContact {
			t.Error("the merged client may be contacted")
		}
		for _, x := range tx.ClientTasks(keep.ID) {
			if x.IsOpen() && x.Kind.IsContact() {
				t.Errorf("open contact task %s %s", x.Kind, x.Title)
			}
		}
		return nil
	})
}

func TestMergeRefusals(t *testing.T) {
	b, _ := newBook(t, "2026-11-02", Options{})
	a := client(t, b, "王小明", "13800000001")
	c := twin(t, b, "王小明", "13900000002")
	if _, err := b.MergeClients(a.ID, a.ID, false); !errors.Is(err, ErrMergeSelf) {
		t.Errorf("self: %v", err)
	}
	if _, err := b.MergeClients(a.ID, "nobody", false); !errors.Is(err, ErrGone) {
		t.Errorf("missing: %v", err)
	}
	if _, err := b.Erase(c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := b.MergeClients(a.ID, c.ID, false); !errors.Is(err, ErrGone) {
		t.Errorf("erased: %v", err)
	}
	d := twin(t, b, "王小明", "13700000003")
	if _, err := b.UpdateClient(d.ID, func(p *profile.Profile) error {
		p.HandedOver = &profile.Handover{To: "Zhang", At: at("2026-11-01")}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.MergeClients(a.ID, d.ID, false); !errors.Is(err, ErrMergeHandedOver) {
		t.Errorf("handed over: %v", err)
	}
}

// twin adds a client of a name already in the book, despite the warning.
func twin(t *testing.T, b *Book, name, phone string) *profile.Profile {
	t.Helper()
	p := &profile.Profile{Name: name, Phones: []profile.Phone{{Number: phone}}}
	if err := b.AddClient(p, Despite()); err != nil {
		t.Fatalf("add %s: %v", name, err)
	}
	return p
}

// TestMergeIntoDoNotContact: the open contact follow-ups of a client merged
// into one who asked not to be contacted are cancelled.
func TestMergeIntoDoNotContact(t *testing.T) {
	b, _ := newBook(t, "2026-11-02", Options{})
	keep := client(t, b, "Anne Dubois", "13800000001")
	other := twin(t, b, "anne dubois", "13900000002")
	buy(t, b, other.ID, "2026-11-01", 3000) // a thank-you rhythm opens for other
	if _, err := b.UpdateClient(keep.ID, func(p *profile.Profile) error {
		p.Consent = profile.Consent{DoNotContact: true}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	rep, err := b.MergeClients(keep.ID, other.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.DoNotContact || rep.Cancelled == 0 {
		t.Errorf("do not contact from the other %v, cancelled %d", rep.DoNotContact, rep.Cancelled)
	}
	_ = b.View(func(tx *store.Tx) error {
		for _, x := range tx.ClientTasks(keep.ID) {
			if x.IsOpen() && x.Kind.IsContact() {
				t.Errorf("open contact task %s %s", x.Kind, x.Title)
			}
		}
		return nil
	})
}
