package briefing

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/festivals"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
)

func itoa(n int) string { return strconv.Itoa(n) }

// ClientRef names a client in a list.
type ClientRef struct {
	ClientID   string `json:"client_id"`
	ClientName string `json:"client_name"`
	Tier       string `json:"tier,omitempty"`
}

// RequestItem is an open special request (the first special): something
// the client asked for beyond normal service, with how long it has waited.
type RequestItem struct {
	Request    requests.Request `json:"request"`
	ClientName string           `json:"client_name"`
	Tier       string           `json:"tier,omitempty"`
	AgeDays    int              `json:"age_days"`
	Urgency    Urgency          `json:"urgency"`
}

// requestItems scores the open requests of clients still in the book: the
// due weight (a request is work to do), the overdue weight per full week
// open (up to MaxOverdueDays weeks), tier and days since the last contact.
// It keeps the limit most urgent and says how many there are.
func requestItems(sc *scorer, rs []requests.Request, limit int) ([]RequestItem, int) {
	var keep []int
	ci := make([]int, len(rs))
	for k := range rs {
		r := &rs[k]
		if !r.IsOpen() || r.Opened.After(sc.today) {
			continue
		}
		// A request of a client handed over went with them (issue 12
		// point 9): it is the colleague's now, released or not.
		if ci[k] = sc.find(r.ClientID); ci[k] >= 0 && sc.sums[ci[k]].Status == profile.Active {
			keep = append(keep, k)
		}
	}
	pick := topK(len(keep), limit, func(i int) float64 { return sc.requestUrgency(&rs[keep[i]], ci[keep[i]], true).Score },
		func(i int) string { return rs[keep[i]].ID })
	out := make([]RequestItem, len(pick))
	for n, i := range pick {
		r, c := rs[keep[i]], ci[keep[i]]
		out[n] = RequestItem{Request: r, ClientName: sc.sums[c].DisplayName(), Tier: sc.tierOf(c),
			AgeDays: sc.day - r.Opened.DayNumber(), Urgency: sc.requestUrgency(&r, c, false)}
	}
	return out, len(keep)
}

func (sc *scorer) requestUrgency(r *requests.Request, ci int, quiet bool) Urgency {
	u := Urgency{quiet: quiet}
	age := sc.day - r.Opened.DayNumber()
	u.add(TermDue, sc.w.Due, because(ReasonRequestOpen, itoa(age), r.Opened.String()))
	if weeks := age / 7; weeks > 0 {
		u.add(TermOverdue, sc.w.Overdue*float64(min(weeks, MaxOverdueDays)), because(ReasonWaitingWeeks, itoa(weeks)))
	}
	sc.tier(&u, ci)
	sc.sinceTouch(&u, ci)
	return u
}

// Audience says whom a festival matters to.
type Audience string

// The audiences of festivals.
const (
	Everyone Audience = "everyone" // every client: New Year's Day, Christmas
	Chinese  Audience = "chinese"  // Chinese clients: the lunar festivals, China's National Day
	Couples  Audience = "couples"  // clients with a wedding anniversary recorded: Valentine's Day, Qixi, 520
	Parents  Audience = "parents"  // clients with children: Mother's Day, Father's Day
	Elderly  Audience = "elderly"  // elderly Chinese clients: Double Ninth
	Women    Audience = "women"    // women: Women's Day (the summary does not record gender: no client is named)
	Nation   Audience = "nation"   // clients of the festival's country: a national day
)

// FestivalItem is a festival coming within Options.FestivalLeadDays that
// matters to some clients (a special situation): the Chinese festivals to
// Chinese clients, a national day to the clients of that country, the
// fixed and nth-weekday days to those the festival's theme concerns.
// Shopping days (11.11) are occasions, never greetings, and are left out.
type FestivalItem struct {
	Festival festivals.Festival `json:"festival"`
	DaysAway int                `json:"days_away"`
	Audience Audience           `json:"audience"`
	// Clients are the clients it matters to, most valued first (up to
	// Options.FestivalClients); Count is how many there are in all.
	Clients []ClientRef `json:"clients,omitempty"`
	Count   int         `json:"count"`
	Urgency Urgency     `json:"urgency"`
}

// audienceOf says whom festival f matters to; ok is false for festivals
// that are no greeting (shopping days).
func audienceOf(f festivals.Festival) (Audience, bool) {
	switch {
	case f.Theme == festivals.Shopping:
		return "", false
	case f.Kind == festivals.National || (f.Country != "" && f.Country != "CN"):
		return Nation, true
	case f.Key == "520" || (f.Kind == festivals.Chinese && f.Theme == festivals.Romance):
		return Couples, true // 520 and Qixi are Chinese days for couples
	case f.Kind == festivals.Chinese && f.Theme == festivals.Elders:
		return Elderly, true
	case f.Kind == festivals.Chinese || f.Country == "CN":
		return Chinese, true
	case f.Theme == festivals.Romance:
		return Couples, true
	case f.Theme == festivals.Parents:
		return Parents, true
	case f.Theme == festivals.Women:
		return Women, true
	}
	return Everyone, true
}

// chineseCountries are the countries and regions whose clients keep the
// Chinese festivals.
var chineseCountries = map[string]bool{"CN": true, "HK": true, "MO": true, "TW": true}

// isChinese reports whether the Chinese festivals matter to a client: their
// country is China (or Hong Kong, Macau, Taiwan), or their name is written
// in Chinese characters and no other country that writes names so (Japan,
// Korea) is recorded.
func isChinese(s *clientRow) bool {
	if c := s.Country; c != "" {
		if len(c) != 2 || c[0] > 'Z' || c[1] > 'Z' {
			c = strings.ToUpper(strings.TrimSpace(c))
		}
		if chineseCountries[c] {
			return true
		}
		if c == "JP" || c == "KR" {
			return false
		}
	}
	for i := 0; i < len(s.Name); {
		if s.Name[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s.Name[i:])
		if unicode.Is(unicode.Han, r) {
			return true
		}
		i += n
	}
	return false
}

// isCouple reports whether a wedding anniversary is recorded.
func isCouple(s *profile.Summary) bool {
	for _, d := range s.Dates {
		if d.Kind == profile.DateAnniversary {
			return true
		}
	}
	return false
}

// isParent reports whether the client has children recorded.
func isParent(s *profile.Summary) bool {
	if s.Special.Child {
		return true
	}
	for _, d := range s.Dates {
		if d.Kind == profile.DateChildBirthday {
			return true
		}
	}
	return false
}

// matters reports whether a festival for audience a (of country) matters
// to client s.
func matters(a Audience, country string, s *clientRow) bool {
	switch a {
	case Everyone:
		return true
	case Chinese:
		if country == "CN" { // China's National Day: clients of China, or Chinese clients with no country
			c := strings.ToUpper(s.Country)
			return c == "CN" || (c == "" && isChinese(s))
		}
		return isChinese(s)
	case Couples:
		return s.couple
	case Parents:
		return s.parent
	case Elderly:
		return s.Special().Elderly && isChinese(s)
	case Nation:
		return strings.EqualFold(s.Country, country)
	}
	return false
}

// festivalItems returns the festivals of the coming days with the active
// clients they matter to, the limit most urgent first, and how many there
// are.
func festivalItems(sc *scorer, opt Options) ([]FestivalItem, int) {
	to := sc.today.AddDays(opt.FestivalLeadDays)
	fs := festivals.Between(sc.today, to)
	seen := map[string]bool{"": true, "CN": true} // China's National Day is in every list already
	for i := range sc.sums {
		raw := sc.sums[i].Country
		if raw == "" || raw == "CN" || seen[raw] { // most clients: no hashing
			continue
		}
		seen[raw] = true
		c := strings.ToUpper(strings.TrimSpace(raw))
		if seen[c] && c != raw {
			continue
		}
		seen[c] = true
		for y := sc.today.Year; y <= to.Year; y++ {
			if f, ok := festivals.NationalDay(c, y); ok && !f.Date.Before(sc.today) && !f.Date.After(to) {
				fs = append(fs, f)
			}
		}
	}
	var out []FestivalItem
	for _, f := range fs {
		a, ok := audienceOf(f)
		if !ok {
			continue
		}
		item := FestivalItem{Festival: f, DaysAway: sc.today.DaysUntil(f.Date), Audience: a}
		best := make([]int, 0, opt.FestivalClients+1)
		top := -1
		if a != Women {
			for i := range sc.sums {
				if !sc.open[i] || !matters(a, f.Country, &sc.sums[i]) {
					continue
				}
				item.Count++
				best = keepBest(sc, best, i, opt.FestivalClients)
				if top < 0 || sc.level(i) > sc.level(top) {
					top = i
				}
			}
			if item.Count == 0 {
				continue
			}
		}
		for _, i := range best {
			item.Clients = append(item.Clients, ClientRef{ClientID: sc.sums[i].ID, ClientName: sc.sums[i].DisplayName(), Tier: sc.tierOf(i)})
		}
		u := &item.Urgency
		u.add(TermDateProximity, sc.proximity(item.DaysAway, opt.FestivalLeadDays),
			because(ReasonFestival, f.Name, f.NameZH, itoa(item.DaysAway), f.Date.String()))
		if item.DaysAway == 0 {
			u.add(TermDue, sc.w.Due, because(ReasonWishesToday))
		}
		if top >= 0 && sc.level(top) > 0 {
			u.add(TermTier, sc.w.Tier*float64(sc.level(top)), because(ReasonFestivalTier, itoa(item.Count), sc.tierOf(top)))
		}
		out = append(out, item)
	}
	pick := topK(len(out), opt.Limit, func(i int) float64 { return out[i].Urgency.Score },
		func(i int) string { return out[i].Festival.Date.String() + out[i].Festival.Key })
	kept := make([]FestivalItem, len(pick))
	for n, i := range pick {
		kept[n] = out[i]
	}
	return kept, len(out)
}

// level returns the tier level of client i.
func (s *scorer) level(i int) int {
	if s.val != nil && i >= 0 && i < len(s.levels) {
		return int(s.levels[i])
	}
	if i < 0 || i >= len(s.tiers) {
		return 0
	}
	return s.tiers[i].Level
}

// valued reports whether client i ranks before client j: higher tier, then
// more spent in 12 months, then id.
func (s *scorer) valued(i, j int) bool {
	if li, lj := s.level(i), s.level(j); li != lj {
		return li > lj
	}
	if s.val != nil && s.sums[i].Spend12 != s.sums[j].Spend12 { // the valuation's spends are the clients'
		return s.sums[i].Spend12 > s.sums[j].Spend12
	}
	if i < len(s.tiers) && j < len(s.tiers) && s.tiers[i].Spend12 != s.tiers[j].Spend12 {
		return s.tiers[i].Spend12 > s.tiers[j].Spend12
	}
	return s.sums[i].ID < s.sums[j].ID
}

// keepBest inserts client i into best, kept sorted by value and no longer than n.
func keepBest(sc *scorer, best []int, i, n int) []int {
	if len(best) == n && !sc.valued(i, best[n-1]) {
		return best
	}
	k := len(best)
	for k > 0 && sc.valued(i, best[k-1]) {
		k--
	}
	best = append(best, 0)
	copy(best[k+1:], best[k:])
	best[k] = i
	if len(best) > n {
		best = best[:n]
	}
	return best
}

// SituationItem is a situation noted on a client in the last days (a
// cold, a new baby, a promotion): a special situation to act on.
type SituationItem struct {
	ClientID   string     `json:"client_id"`
	ClientName string     `json:"client_name"`
	Tier       string     `json:"tier,omitempty"`
	Note       notes.Note `json:"note"`
	DaysAgo    int        `json:"days_ago"`
	Urgency    Urgency    `json:"urgency"`
}

// situationUrgency scores a situation noted ago days ago on client ci:
// the more recent, the more urgent (date proximity over the window of
// days), the tier and days since the last contact.
func (sc *scorer) situationUrgency(ci, ago, days int, text string, quiet bool) Urgency {
	u := Urgency{quiet: quiet}
	u.add(TermDateProximity, sc.proximity(ago, days-1), because(ReasonNoted, itoa(ago), text))
	sc.tier(&u, ci)
	sc.sinceTouch(&u, ci)
	return u
}

// situationItems scores the situation notes of the last days of active
// clients, keeps the limit most urgent and says how many there are.
func situationItems(sc *scorer, ns []notes.Note, opt Options) ([]SituationItem, int) {
	var keep, ci, ago []int
	for k, n := range ns {
		if n.Kind != notes.Situation {
			continue
		}
		a := sc.day - civil.Of(n.At).DayNumber()
		if a < 0 || a >= opt.SituationDays {
			continue
		}
		if i := sc.find(n.ClientID); i >= 0 && sc.open[i] {
			keep, ci, ago = append(keep, k), append(ci, i), append(ago, a)
		}
	}
	pick := topK(len(keep), opt.Limit, func(i int) float64 {
		return sc.situationUrgency(ci[i], ago[i], opt.SituationDays, "", true).Score
	}, func(i int) string { return ns[keep[i]].ID })
	out := make([]SituationItem, len(pick))
	for n, i := range pick {
		note := ns[keep[i]]
		out[n] = SituationItem{ClientID: note.ClientID, ClientName: sc.sums[ci[i]].DisplayName(), Tier: sc.tierOf(ci[i]),
			Note: note, DaysAgo: ago[i], Urgency: sc.situationUrgency(ci[i], ago[i], opt.SituationDays, note.Text, false)}
	}
	return out, len(keep)
}

// PersonItem is a special person (the third special) expected today: the
// flags and what they mean for the service, shown because they help it.
type PersonItem struct {
	ClientID   string    `json:"client_id"`
	ClientName string    `json:"client_name"`
	Tier       string    `json:"tier,omitempty"`
	Flags      []string  `json:"flags"`
	Note       string    `json:"note,omitempty"`
	At         time.Time `json:"at"` // the visit's start
	Urgency    Urgency   `json:"urgency"`
}

// peopleItems returns today's visitors with a special-person flag, in the
// order of the day (their urgency is their visit's).
func peopleItems(cards []PrepCard) []PersonItem {
	var out []PersonItem
	for _, c := range cards {
		if len(c.Special) == 0 {
			continue
		}
		out = append(out, PersonItem{ClientID: c.Appointment.ClientID, ClientName: c.Name, Tier: c.Tier,
			Flags: c.Special, Note: c.SpecialNote, At: c.Appointment.Start, Urgency: c.Urgency})
	}
	return out
}
