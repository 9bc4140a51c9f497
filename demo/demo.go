// Package demo writes a realistic, deterministic book: the one `make run`
// opens on first start, the one the screenshots and golden tests use, and,
// at 100k clients with about a million notes, the one the benchmarks
// measure. The same seed and day give the same book.
//
// About 60% of clients have Chinese names and 40% Latin ones; they have
// purchases over two years (a few heavy spenders, many light ones), notes of
// every kind, tasks due and overdue, appointments today and this week,
// birthdays in the coming days, a few lunar birthdays and special requests.
package demo

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/rules"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// DefaultClients is the size of the demo book `vipbook demo` writes.
const DefaultClients = 300

// batch is how many clients go into one transaction.
const batch = 500

// Options say what book to write.
type Options struct {
	Clients int        // how many clients; DefaultClients when 0
	Seed    uint64     // the same seed gives the same book
	Today   civil.Date // the day the book is "as of": visits today, dates coming
	Loc     *time.Location
	// NotesPerClient is the average number of notes; 10 when 0 (100k
	// clients then have about a million notes).
	NotesPerClient int
}

// Result counts what was written.
type Result struct {
	Clients, Notes, Purchases, Tasks, Appointments, Requests int
	// Backup is where the demo book it replaced was kept; empty when there
	// was none.
	Backup string
}

// ErrNotDemo is returned when asked to overwrite a book that is not a demo.
var ErrNotDemo = errors.New("the book here is a real book, not a demo: choose another --book path")

type gen struct {
	rng   *rand.Rand
	opt   Options
	today civil.Date
	res   Result
	ids   map[string]bool
	// side draws for what the follow-up rules add beyond the v2 book (the
	// service invitation, the care chain, the referral's tasks), so the
	// clients, notes and purchases stay as v2 wrote them.
	side  *rand.Rand
	rules rules.Rules
}

// Generate writes the demo clients into b, which should be empty.
func Generate(b *store.Book, opt Options) (Result, error) {
	if opt.Clients <= 0 {
		opt.Clients = DefaultClients
	}
	if opt.NotesPerClient <= 0 {
		opt.NotesPerClient = 10
	}
	if opt.Loc == nil {
		opt.Loc = time.Local
	}
	if opt.Today.IsZero() {
		opt.Today = civil.Of(time.Now().In(opt.Loc))
	}
	g := &gen{rng: rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15)), opt: opt, today: opt.Today, ids: map[string]bool{},
		side: rand.New(rand.NewPCG(opt.Seed^0x5bd1e995, opt.Seed)), rules: rules.New(config.Default().Rhythm, "en")}
	made := 0
	for made < opt.Clients {
		n := min(batch, opt.Clients-made)
		err := b.Update(func(tx *store.Tx) error {
			for i := 0; i < n; i++ {
				if err := g.client(tx, made+i); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return g.res, err
		}
		made += n
	}
	err := b.Update(func(tx *store.Tx) error { return g.agenda(tx) })
	return g.res, err
}

func (g *gen) id(n int) string { return g.idFrom(g.rng, n) }

func (g *gen) idFrom(rng *rand.Rand, n int) string {
	const alphabet = "0123456789abcdefghjkmnpqrstvwxyz"
	for {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		if s := string(b); !g.ids[s] {
			g.ids[s] = true
			return s
		}
	}
}

func (g *gen) pick(pool []string) string { return pool[g.rng.IntN(len(pool))] }

func (g *gen) chance(p float64) bool { return g.rng.Float64() < p }

// fixed are the clients every demo book has, so walkthroughs and tests can
// name them.
var fixed = []struct {
	name, latin, phone, birthday, city string
	lunar                              bool
}{
	{"王小明", "Michael Wang", "+86 138 0013 8000", "1985-11-30", "上海", false},
	{"曾小凡", "Vivian Zeng", "+86 139 1688 2046", "08-15", "上海", true},
	{"单丽娜", "", "186-2100-3344", "1990-12-02", "杭州", false},
	{"Anne Dubois", "", "+33 6 12 34 56 78", "1978-03-08", "Paris", false},
	{"欧阳晓燕", "Iris Ouyang", "13917001700", "1972-02-29", "北京", false},
}

func (g *gen) phone() string {
	switch g.rng.IntN(10) {
	case 0:
		return fmt.Sprintf("+33 6 %02d %02d %02d %02d", g.rng.IntN(100), g.rng.IntN(100), g.rng.IntN(100), g.rng.IntN(100))
	case 1:
		return fmt.Sprintf("+852 %04d %04d", 5000+g.rng.IntN(5000), g.rng.IntN(10000))
	}
	prefix := []string{"138", "139", "137", "186", "135", "158", "159", "188", "150", "177"}[g.rng.IntN(10)]
	a, b := g.rng.IntN(10000), g.rng.IntN(10000)
	switch g.rng.IntN(3) {
	case 0:
		return fmt.Sprintf("+86 %s %04d %04d", prefix, a, b)
	case 1:
		return fmt.Sprintf("%s-%04d-%04d", prefix, a, b)
	}
	return fmt.Sprintf("%s%04d%04d", prefix, a, b)
}

func (g *gen) at(day civil.Date) time.Time { return g.atFrom(g.rng, day) }

func (g *gen) atFrom(rng *rand.Rand, day civil.Date) time.Time {
	return day.In(g.opt.Loc).Add(time.Duration(10*60+rng.IntN(10*60)) * time.Minute)
}

// rhythm writes the tasks the follow-up rules made for the client's last
// purchase (see package rules), as if it had been logged on its day, while
// its service invitation is still ahead: those due before the day before
// yesterday are mostly done, and a done care message brings the next.
func (g *gen) rhythm(tx *store.Tx, p *profile.Profile, last civil.Date, items string) error {
	if last.IsZero() || last.AddMonths(g.rules.Rhythm.ServiceInviteMonths).Before(g.today) {
		return nil
	}
	c := &profile.Summary{ID: p.ID, Spends: []profile.Spend{{Date: last}}}
	steps := g.rules.Purchase(c, profile.Purchase{Date: last, Items: items}, last)
	// v2 wrote the thank-you, the call and the first care message of a
	// purchase in the last 25 days from the main stream: keep those draws.
	legacy := last.DaysUntil(g.today) <= 25
	for i := 0; i < len(steps); i++ {
		t := steps[i]
		rng := g.side
		if legacy && i < 3 {
			rng = g.rng
		}
		t.ID = g.idFrom(rng, 6)
		t.Created = g.atFrom(rng, last)
		if t.Due.Before(g.today.AddDays(-2)) && rng.Float64() < 0.93 {
			_ = t.Complete(g.atFrom(rng, t.Due))
		}
		if err := tx.AddTask(&t); err != nil {
			return err
		}
		g.res.Tasks++
		if next, ok := g.rules.NextCare(c, &t); ok {
			steps = append(steps, next)
		}
	}
	return nil
}

func (g *gen) client(tx *store.Tx, i int) error {
	p := &profile.Profile{ID: g.id(6)}
	place := cities[g.rng.IntN(len(cities))]
	chinese := g.chance(0.6)
	if i < len(fixed) {
		f := fixed[i]
		p.Name, p.LatinName = f.name, f.latin
		p.Phones = []profile.Phone{{Number: f.phone, Label: "mobile"}}
		place.city = f.city
		place.district, place.country = districtOf(f.city)
		field := "birthday"
		if f.lunar {
			field = "lunar_birthday"
		}
		_ = profile.Set(p, field, f.birthday, time.Time{})
		chinese = f.latin != "" || strings.ContainsFunc(f.name, func(r rune) bool { return r > 0x2e80 })
	} else {
		if chinese {
			p.Name = g.pick(surnames) + g.pick(givenChars)
			if g.chance(0.7) {
				p.Name += g.pick(givenChars)
			}
			if g.chance(0.35) {
				sur := strings.Fields(search.Keys(string([]rune(p.Name)[:1])))
				if len(sur) > 0 {
					p.LatinName = g.pick(latinGiven) + " " + strings.ToUpper(sur[0][:1]) + sur[0][1:]
				}
			}
		} else {
			p.Name = g.pick(firstNames) + " " + g.pick(lastNames)
			if p.Name == "Anne Dubois" {
				p.Name = "Anne Martin"
			}
			place = cities[10+g.rng.IntN(len(cities)-10)]
		}
		p.Phones = []profile.Phone{{Number: g.phone(), Label: "mobile"}}
		if g.chance(0.1) {
			p.Phones = append(p.Phones, profile.Phone{Number: g.phone(), Label: "work"})
		}
	}
	p.City, p.District, p.Country = place.city, place.district, place.country
	if chinese {
		p.Channel = profile.ChannelWeChat
		p.WeChat = "wx_" + g.id(8)
	} else {
		p.Channel = []profile.Channel{profile.ChannelSMS, profile.ChannelEmail, profile.ChannelPhone}[g.rng.IntN(3)]
	}
	if g.chance(0.6) {
		p.Email = fmt.Sprintf("client.%s@example.com", p.ID)
	}
	p.BestTime = []string{"weekday evenings", "weekend mornings", "lunch time", "工作日晚上", "周末下午"}[g.rng.IntN(5)]
	p.Occupation = g.pick(occupations)
	p.Hobbies = []string{g.pick(hobbies)}
	if g.chance(0.5) {
		p.Hobbies = append(p.Hobbies, g.pick(hobbies))
	}
	p.WhyBrand = g.pick(whyBrand)
	p.Dislikes = []string{g.pick(dislikes)}
	p.GiftPrefs = []string{g.pick(gifts)}
	p.Motivator = g.pick(motivators)
	if g.chance(0.3) {
		p.ShareOfWallet = []string{"about half", "most of it", "a small part", "大部分", "一半左右"}[g.rng.IntN(5)]
	}
	created := g.today.AddDays(-(30 + g.rng.IntN(1500)))
	p.Created = g.at(created)
	female := g.chance(0.65)
	if female {
		p.Gender = "f"
		p.Sizes = []profile.Size{{Category: "shoes", System: "EU", Value: fmt.Sprint(35 + g.rng.IntN(6)), Taken: created},
			{Category: "dress", System: "FR", Value: fmt.Sprint(34 + 2*g.rng.IntN(5)), Taken: created}}
		if g.chance(0.4) {
			p.Sizes = append(p.Sizes, profile.Size{Category: "ring", System: "HK", Value: fmt.Sprint(9 + g.rng.IntN(8)), Taken: created})
		}
	} else {
		p.Gender = "m"
		p.Sizes = []profile.Size{{Category: "shoes", System: "EU", Value: fmt.Sprint(40 + g.rng.IntN(6)), Note: "left foot half a size larger", Taken: created},
			{Category: "suit", System: "IT", Value: fmt.Sprint(46 + 2*g.rng.IntN(5)), Taken: created},
			{Category: "shirt", System: "collar cm", Value: fmt.Sprint(38 + g.rng.IntN(6)), Taken: created}}
	}
	prefKinds := []struct {
		kind profile.PrefKind
		pool []string
	}{{profile.PrefCategory, categories}, {profile.PrefStyle, styles}, {profile.PrefColour, colours},
		{profile.PrefMaterial, materials}, {profile.PrefBrand, brands}, {profile.PrefFit, fits}}
	for _, k := range prefKinds {
		if g.chance(0.55) {
			p.Preferences = append(p.Preferences, profile.Preference{Kind: k.kind, Value: g.pick(k.pool), Added: created.AddDays(g.rng.IntN(400))})
		}
	}
	if g.chance(0.08) {
		p.MadeToOrder = []profile.MadeToOrder{{Item: "bespoke suit", Spec: "jacket 50 drop 7, sleeve 63.5, trousers 48 long rise, half-lined", Date: created}}
	}
	if i >= len(fixed) && g.chance(0.85) {
		year := 1950 + g.rng.IntN(55)
		m := time.Month(1 + g.rng.IntN(12))
		d := 1 + g.rng.IntN(civil.DaysIn(year, m))
		// A share of birthdays falls in the coming two weeks, so the
		// briefing always has dates to prepare.
		if g.chance(0.05) {
			next := g.today.AddDays(g.rng.IntN(15))
			m, d = next.Month, next.Day
		}
		lunar := chinese && g.chance(0.08)
		if lunar && d > 29 {
			d = 29
		}
		md := civil.MonthDay{Month: m, Day: d}
		if g.chance(0.6) {
			md.Year = year
		}
		p.Dates = append(p.Dates, profile.ImportantDate{Kind: profile.DateBirthday, When: md, Lunar: lunar, LeadDays: 14})
	}
	if g.chance(0.3) {
		y := 1985 + g.rng.IntN(35)
		m := time.Month(1 + g.rng.IntN(12))
		p.Dates = append(p.Dates, profile.ImportantDate{Kind: profile.DateAnniversary,
			When: civil.MonthDay{Year: y, Month: m, Day: 1 + g.rng.IntN(28)}, LeadDays: 21})
		p.Household = append(p.Household, profile.Member{Name: "spouse", Relation: "spouse"})
	}
	if g.chance(0.2) {
		y := 2005 + g.rng.IntN(18)
		md := civil.MonthDay{Year: y, Month: time.Month(1 + g.rng.IntN(12)), Day: 1 + g.rng.IntN(28)}
		child := []string{"Lily", "Max", "小宝", "乐乐", "Tom", "朵朵"}[g.rng.IntN(6)]
		p.Household = append(p.Household, profile.Member{Name: child, Relation: "child", Birthday: md})
		p.Dates = append(p.Dates, profile.ImportantDate{Kind: profile.DateChildBirthday, For: child, When: md, LeadDays: 14})
	}
	if g.chance(0.06) {
		switch g.rng.IntN(5) {
		case 0:
			p.Special = profile.Special{Elderly: true, Note: "offer a seat; prefers the ground-floor fitting room"}
		case 1:
			p.Special = profile.Special{Pregnant: true, Note: "due in spring; comfortable fits"}
		case 2:
			p.Special = profile.Special{Disability: true, Note: "wheelchair user: use the lift entrance"}
		case 3:
			p.Special = profile.Special{Child: true, Note: "often comes with a toddler: keep the play corner ready"}
		default:
			p.Special = profile.Special{Health: true, Note: "allergic to wool against the skin"}
		}
	}
	if g.chance(0.03) {
		p.Consent = profile.Consent{DoNotContact: true, RecordedAt: g.at(created), How: "asked in store"}
	}
	p.Tags = nil
	if g.chance(0.2) {
		p.Tags = append(p.Tags, []string{"bridal", "corporate", "collector", "tourist", "new-2026"}[g.rng.IntN(5)])
	}
	if i > 20 && g.chance(0.05) {
		p.ReferredBy = "" // referrals are set below among existing ids
	}
	// Dates carry their ids, as every entry path of the book gives them
	// (`date rm d1`, `gift --for d2`): a demo book exported and imported
	// again gives the same dates back.
	p.NumberDates()
	if err := tx.AddClient(p); err != nil {
		return err
	}
	g.res.Clients++
	return g.history(tx, p, created, i)
}

// history writes the client's purchases, notes, tasks and requests.
func (g *gen) history(tx *store.Tx, p *profile.Profile, created civil.Date, i int) error {
	// Spend is skewed: a few heavy clients, many light ones.
	weight := math.Pow(g.rng.Float64(), 3)
	nPurchases := int(weight*24) + g.rng.IntN(2)
	if i < len(fixed) {
		nPurchases = 4 + i
	}
	span := min(730, created.DaysUntil(g.today))
	var last civil.Date
	var lastItems string
	for k := 0; k < nPurchases; k++ {
		day := g.today.AddDays(-g.rng.IntN(span + 1))
		amount := profile.Money((800 + math.Exp(g.rng.Float64()*4.5)*120 + weight*20000) * 100)
		amount = amount / 100 * 100
		pu := &profile.Purchase{ID: g.id(12), ClientID: p.ID, Date: day, Amount: amount, Items: g.pick(items)}
		if err := tx.AddPurchase(pu); err != nil {
			return err
		}
		if day.After(last) {
			last, lastItems = day, pu.Items
		}
		g.res.Purchases++
	}
	nNotes := g.rng.IntN(2*g.opt.NotesPerClient + 1)
	kinds := []notes.Kind{notes.Visit, notes.Visit, notes.Call, notes.Message, notes.Message, notes.Preference,
		notes.Size, notes.General, notes.General, notes.Situation, notes.SpecialRequest, notes.Complaint}
	for k := 0; k < nNotes; k++ {
		kind := kinds[g.rng.IntN(len(kinds))]
		if kind == notes.Complaint && !g.chance(0.3) {
			kind = notes.General
		}
		day := g.today.AddDays(-g.rng.IntN(span + 1))
		if kind == notes.Situation && g.chance(0.3) {
			day = g.today.AddDays(-g.rng.IntN(5))
		}
		n := &notes.Note{ID: g.id(12), ClientID: p.ID, At: g.at(day), Kind: kind, Text: g.pick(notePool[string(kind)])}
		if err := tx.AddNote(n); err != nil {
			return err
		}
		g.res.Notes++
	}
	if g.chance(0.04) || i == 1 {
		r := &requests.Request{ID: g.id(6), ClientID: p.ID, What: g.pick(requestPool), Opened: g.today.AddDays(-g.rng.IntN(40))}
		if g.chance(0.3) && i != 1 {
			r.Status = requests.Fulfilled
			r.Closed = g.at(g.today.AddDays(-1))
		}
		if err := tx.AddRequest(r); err != nil {
			return err
		}
		g.res.Requests++
	}
	if p.Consent.DoNotContact {
		return nil
	}
	// Follow-ups: the tasks the rules made for the last purchase, and a
	// few custom call-backs, some overdue, some done.
	if err := g.rhythm(tx, p, last, lastItems); err != nil {
		return err
	}
	if g.chance(0.08) || i == 1 {
		due := g.today.AddDays(g.rng.IntN(12) - 5)
		if i == 1 {
			due = g.today
		}
		t := &tasks.Task{ID: g.id(6), ClientID: p.ID, Title: []string{"Call back about the alteration", "Send photos of the new arrivals she asked about",
			"Confirm the fitting time", "回电确认改衣时间", "发新款照片给客人"}[g.rng.IntN(5)], Kind: tasks.CallBack, Due: due, Origin: "manual", Created: g.at(due.AddDays(-3))}
		if err := tx.AddTask(t); err != nil {
			return err
		}
		g.res.Tasks++
	}
	return nil
}

// agenda books the appointments of today and the coming week, and sets a
// few referrals among existing clients.
func (g *gen) agenda(tx *store.Tx) error {
	sums, err := tx.Summaries()
	if err != nil {
		return err
	}
	if len(sums) == 0 {
		return nil
	}
	purposes := []string{"fitting of the altered suit", "looking for a gift for her husband", "collect the repaired watch",
		"new season preview", "试穿改好的西装", "挑选生日礼物", "取修好的表"}
	slots := []string{"10:30", "11:15", "14:00", "15:30", "17:00", "18:30"}
	byName := map[string]string{}
	for _, s := range sums {
		if _, seen := byName[s.Name]; !seen {
			byName[s.Name] = s.ID
		}
	}
	book := func(id string, day civil.Date, hm string) error {
		start, _ := time.ParseInLocation("2006-01-02 15:04", day.String()+" "+hm, g.opt.Loc)
		a := &visits.Appointment{ID: g.id(6), ClientID: id, Start: start, Duration: 45 * time.Minute, Purpose: g.pick(purposes)}
		g.res.Appointments++
		return tx.AddAppointment(a)
	}
	// Today: 曾小凡 and Anne Dubois, and a few others.
	today := []string{byName["曾小凡"], byName["Anne Dubois"]}
	for len(today) < 5 && len(today) < len(sums) {
		today = append(today, sums[g.rng.IntN(len(sums))].ID)
	}
	for k, id := range today {
		if id == "" {
			continue
		}
		if err := book(id, g.today, slots[k]); err != nil {
			return err
		}
	}
	for k := 1; k <= 6; k++ {
		for j := 0; j < 2; j++ {
			if err := book(sums[g.rng.IntN(len(sums))].ID, g.today.AddDays(k), slots[g.rng.IntN(len(slots))]); err != nil {
				return err
			}
		}
	}
	// A referral: the third client brought in by the first.
	if len(sums) > 3 {
		p, err := tx.Client(byName["单丽娜"])
		if err == nil && byName["王小明"] != "" {
			p.ReferredBy = byName["王小明"]
			if err := tx.UpdateClient(p); err != nil {
				return err
			}
			newc, err1 := tx.Summary(p.ID)
			ref, err2 := tx.Summary(p.ReferredBy)
			if err := errors.Join(err1, err2); err != nil {
				return err
			}
			for _, t := range g.rules.Referral(&newc, &ref, g.today) {
				t.ID, t.Created = g.idFrom(g.side, 6), g.atFrom(g.side, g.today)
				if err := tx.AddTask(&t); err != nil {
					return err
				}
				g.res.Tasks++
			}
		}
	}
	return nil
}

// districtOf returns the first district listed for city, so a fixed client
// does not live in another city's district.
func districtOf(city string) (district, country string) {
	for _, c := range cities {
		if c.city == city {
			return c.district, c.country
		}
	}
	return "", ""
}
