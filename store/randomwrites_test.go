package store

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"pgregory.net/rapid"
)

// randomWrites is the random-write driver the kept-index property tests
// (search, brief records, spend ranking) share: a real book file whose
// clock the driver moves, the ids of its clients, and one draw of a write
// per step. A test runs the steps and checks its own index after each.
type randomWrites struct {
	rt   *rapid.T
	b    *Book
	path string
	now  time.Time
	ids  []string
}

// newRandomWrites starts a driver on a new book whose clock starts at
// testNow.
func newRandomWrites(t *testing.T, rt *rapid.T) *randomWrites {
	w := &randomWrites{rt: rt, now: testNow}
	w.path = filepath.Join(t.TempDir(), "book.db")
	b, err := Init(w.path, Meta{Associate: "李娜", Store: "Shanghai IFC"}, Options{Now: func() time.Time { return w.now }})
	if err != nil {
		rt.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	w.b = b
	return w
}

var (
	keptNames  = []string{"王小明", "王晓明", "曾小凡", "Amy Wang", "李娜", "重庆", "张伟", "Zoë Müller", ""}
	keptTexts  = []string{"喜欢藏青色的外套", "likes navy loafers", "想要39码的鞋", "call back Friday 周五回电", "藏青 navy", "ok"}
	keptTags   = []string{"vip", "老客", "new-2026", "gold"}
	keptPhones = []string{"13800138000", "+44 20 7946 0958", "021-6288 1234", ""}
	// keptCards are membership card numbers: one beside a phone's digits,
	// one holding another, one too long to keep by part.
	keptCards = []string{"", "VIP-8800-123", "GOLD 5512 8800", "8800", "c-1380013", strings.Repeat("7", 70) + "ab"}

	// writeOps are the writes a step draws from; a purchase twice as
	// often as the others, as the spend ranking wants.
	writeOps = []string{"add", "add two", "update", "prepared update", "note", "import",
		"purchase", "purchase", "erase", "merge", "days pass", "remove note", "remove purchase"}
)

// run draws 1..most steps, does each in its own write transaction and
// calls after with the step's name once it is committed.
func (w *randomWrites) run(most int, after func(step string)) {
	for range rapid.IntRange(1, most).Draw(w.rt, "steps") {
		op := rapid.SampledFrom(writeOps).Draw(w.rt, "op")
		if len(w.ids) == 0 {
			op = "add"
		}
		if op == "days pass" { // the next write moves the ranking
			w.now = w.now.AddDate(0, 0, rapid.SampledFrom([]int{1, 2, 30, 200, 364, 365, 366, 400}).Draw(w.rt, "days"))
			op = "note"
		}
		if err := w.b.Update(func(tx *Tx) error { return w.step(tx, op) }); err != nil {
			w.rt.Fatalf("%s: %v", op, err)
		}
		after(op)
	}
}

// step does the write op in tx.
func (w *randomWrites) step(tx *Tx, op string) error {
	rt := w.rt
	today := civil.Of(tx.Now())
	switch op {
	case "add":
		p := w.fresh()
		if err := tx.AddClient(p); err != nil {
			return err
		}
		w.ids = append(w.ids, p.ID)
	case "add two":
		ps := []*profile.Profile{w.fresh(), w.fresh()}
		if err := tx.AddClients(ps); err != nil {
			return err
		}
		w.ids = append(w.ids, ps[0].ID, ps[1].ID)
	case "update":
		p, err := tx.Client(w.client())
		if err != nil {
			return err
		}
		w.change(p)
		return tx.UpdateClient(p)
	case "prepared update":
		src, err := tx.ClientSource(w.client())
		if err != nil {
			return err
		}
		u, err := src.Prepare(func(p *profile.Profile) error {
			w.change(p)
			return nil
		})
		if err != nil {
			return err
		}
		return tx.ApplyClientUpdate(u)
	case "note":
		return tx.AddNote(w.note("note"))
	case "import":
		ns := []notes.Note{*w.note("n1"), *w.note("n2")}
		if _, err := tx.ImportNotes(ns); err != nil {
			return err
		}
		if rapid.Bool().Draw(rt, "with a purchase") {
			_, err := tx.ImportPurchases([]profile.Purchase{*w.purchase(today)})
			return err
		}
	case "purchase":
		return tx.AddPurchase(w.purchase(today))
	case "remove note": // logged on the wrong client (DeleteNote)
		ns, err := tx.Notes(w.client())
		if err != nil || len(ns) == 0 {
			return err
		}
		_, err = tx.DeleteNote(rapid.SampledFrom(ns).Draw(rt, "note").ID)
		return err
	case "remove purchase": // logged by mistake (DeletePurchase)
		ps, err := tx.Purchases(w.client())
		if err != nil || len(ps) == 0 {
			return err
		}
		_, err = tx.DeletePurchase(rapid.SampledFrom(ps).Draw(rt, "purchase").ID)
		return err
	case "erase":
		var err error
		w.ids, err = eraseStep(tx, w.ids, w.client())
		return err
	case "merge":
		var change func(*profile.Profile)
		if rapid.Bool().Draw(rt, "changed") {
			change = func(p *profile.Profile) { p.Tags = append(p.Tags, "merged") }
		}
		var err error
		w.ids, err = mergeStep(tx, w.ids, w.client(), w.client(), change)
		return err
	default:
		return fmt.Errorf("no write %q", op)
	}
	return nil
}

// client draws one of the book's clients.
func (w *randomWrites) client() string { return rapid.SampledFrom(w.ids).Draw(w.rt, "client") }

// day draws a day from 400 days before testNow to 10 after.
func (w *randomWrites) day(label string) civil.Date {
	return civil.Of(testNow).AddDays(rapid.IntRange(-400, 10).Draw(w.rt, label))
}

// fresh draws a new client's profile.
func (w *randomWrites) fresh() *profile.Profile {
	p := &profile.Profile{}
	w.change(p)
	return p
}

// change draws what every kept index reads of a profile: names, city,
// phone, tags, occupation, membership cards, country, tier, special
// flags, consent, important dates and a handover.
func (w *randomWrites) change(p *profile.Profile) {
	rt := w.rt
	p.Name = rapid.SampledFrom(keptNames).Draw(rt, "name")
	p.LatinName = rapid.SampledFrom([]string{"", "Anna Li"}).Draw(rt, "latin")
	if p.Name == "" && p.LatinName == "" {
		p.Name = "Guest"
	}
	p.City = rapid.SampledFrom([]string{"上海", "London", ""}).Draw(rt, "city")
	p.Phones = nil
	if ph := rapid.SampledFrom(keptPhones).Draw(rt, "phone"); ph != "" {
		p.Phones = []profile.Phone{{Number: ph}}
	}
	p.Tags = rapid.SliceOfNDistinct(rapid.SampledFrom(keptTags), 0, 2, rapid.ID).Draw(rt, "tags")
	p.Occupation = rapid.SampledFrom([]string{"", "律师", "architect"}).Draw(rt, "occupation")
	p.Cards = nil
	for _, n := range rapid.SliceOfNDistinct(rapid.SampledFrom(keptCards), 0, 2, rapid.ID).Draw(rt, "cards") {
		if n != "" {
			p.Cards = append(p.Cards, profile.Card{Program: "Club", Number: n})
		}
	}
	p.Country = rapid.SampledFrom([]string{"", "CN", "fr", "JP"}).Draw(rt, "country")
	p.Tier = rapid.SampledFrom([]string{"", "VIP"}).Draw(rt, "tier")
	p.Special.Elderly = rapid.Bool().Draw(rt, "elderly")
	p.Special.Child = rapid.Bool().Draw(rt, "child")
	p.Consent.DoNotContact = rapid.Bool().Draw(rt, "dnc")
	p.Dates = nil
	for k := range rapid.IntRange(0, 2).Draw(rt, "dates") {
		d := profile.ImportantDate{Kind: rapid.SampledFrom([]profile.DateKind{profile.DateBirthday, profile.DateAnniversary, profile.DateChildBirthday}).Draw(rt, "kind"),
			When:     civil.MonthDay{Year: rapid.SampledFrom([]int{0, 1980}).Draw(rt, "year"), Month: time.Month(rapid.IntRange(1, 12).Draw(rt, "month")), Day: rapid.IntRange(1, 29).Draw(rt, "day")},
			Lunar:    rapid.Bool().Draw(rt, "lunar"),
			LeadDays: rapid.IntRange(0, 40).Draw(rt, "lead"), ID: fmt.Sprintf("d%d", k+1),
			For: rapid.SampledFrom([]string{"", "张伟"}).Draw(rt, "for"), LastGift: w.day("gift")}
		p.Dates = append(p.Dates, d)
	}
	if rapid.IntRange(0, 5).Draw(rt, "handed") == 0 {
		p.HandedOver = &profile.Handover{Released: rapid.Bool().Draw(rt, "released")}
	} else {
		p.HandedOver = nil
	}
}

// note draws a note of one of the book's clients: a visit, call, message,
// situation or general note, dated now or on a drawn day.
func (w *randomWrites) note(label string) *notes.Note {
	rt := w.rt
	n := &notes.Note{ClientID: w.client(),
		Kind: rapid.SampledFrom([]notes.Kind{notes.Visit, notes.Call, notes.Message, notes.Situation, notes.General}).Draw(rt, label+" kind"),
		Text: rapid.SampledFrom(keptTexts).Draw(rt, label+" text")}
	if rapid.Bool().Draw(rt, label+" dated") {
		n.At = w.day(label + " day").In(time.UTC).Add(10 * time.Hour)
	}
	return n
}

// purchase draws a purchase of one of the book's clients, from 400 days
// before today to 10 after, with amounts that tie.
func (w *randomWrites) purchase(today civil.Date) *profile.Purchase {
	rt := w.rt
	return &profile.Purchase{ClientID: w.client(),
		Date:     today.AddDays(rapid.IntRange(-400, 10).Draw(rt, "ago")),
		Amount:   profile.Money(rapid.SampledFrom([]int{0, 100, 500, 500, 2000, 90000, 654321}).Draw(rt, "amount")),
		Currency: rapid.SampledFrom([]string{"", "CNY"}).Draw(rt, "currency")}
}

// eraseStep erases the client id.
func eraseStep(tx *Tx, ids []string, id string) ([]string, error) {
	if _, err := tx.EraseClient(id); err != nil {
		return ids, err
	}
	return slices.DeleteFunc(ids, func(x string) bool { return x == id }), nil
}

// mergeStep merges other into keep, first changing keep's profile with
// change when it is not nil; the same client twice is no step.
func mergeStep(tx *Tx, ids []string, keep, other string, change func(*profile.Profile)) ([]string, error) {
	if keep == other {
		return ids, nil
	}
	p, err := tx.Client(keep)
	if err != nil {
		return ids, err
	}
	if change != nil {
		change(p)
	}
	if _, err := tx.MergeClients(p, other); err != nil {
		return ids, err
	}
	return slices.DeleteFunc(ids, func(x string) bool { return x == other }), nil
}
