package profile

import (
	"strings"

	"github.com/vipbook/vipbook/civil"
)

// Status says where a client stands in the book.
type Status uint8

// The statuses of a client.
const (
	Active     Status = iota // in the associate's active book
	HandedOver               // handed to a colleague; still in this book, marked
	Archived                 // released by a handover: out of the active book until purged
)

// String names the status.
func (s Status) String() string {
	switch s {
	case HandedOver:
		return "handed_over"
	case Archived:
		return "archived"
	}
	return "active"
}

// Summary is the compact per-client record that the client list, the search
// and the briefing read. The store keeps it up to date on every write, so
// reading the whole book never decodes whole profiles.
type Summary struct {
	ID           string
	Name         string
	LatinName    string
	Phones       []string // normalised
	Email        string
	City         string
	Occupation   string
	Country      string
	Tags         []string
	Tier         string // the override; empty when the tier is computed
	Channel      Channel
	DoNotContact bool
	Special      Special // flags only; the note stays in the profile
	Dates        []ImportantDate
	Spends       []Spend      // every purchase, oldest first
	VisitDays    []civil.Date // logged visits, oldest first
	Rhythm       Rhythm       // of Spends and VisitDays, worked out by the store when it writes the summary
	LastContact  civil.Date   // last call, message or visit logged
	LastNote     civil.Date
	NoteCount    int
	Created      civil.Date
	Status       Status
	Owner        string
	ReferredBy   string
	SearchKeys   string // romanised forms of the name (pinyin in full and initials), space separated
	// The fields search filters on (size:, likes:, dislikes:, card:,
	// family:, store:), from the profile.
	Sizes    []string // the current size of each category as "category=value", lower case
	Likes    []string // lower case
	Dislikes []string // lower case
	Cards    []string // normalised card numbers (NormalizeCard)
	Family   []string // the names of the household
	Store    string   // the home store and the counter, space separated
	// Fits are the fit notes of the current sizes that have one (runs
	// narrow, half size up), lower case: free text finds the client by
	// their words, as it does by a like's.
	Fits []string
}

// DisplayName returns the name to show.
func (s *Summary) DisplayName() string {
	if s.Name != "" {
		return s.Name
	}
	return s.LatinName
}

// Stats derives the value figures on day today.
func (s *Summary) Stats(today civil.Date) Stats {
	return ComputeStats(s.Spends, s.VisitDays, today)
}

// Refresh copies into s everything that comes from the profile itself,
// keeping what comes from notes and purchases (Spends, VisitDays,
// LastContact, LastNote, NoteCount). cc is the book's calling code.
func (s *Summary) Refresh(p *Profile, cc string) {
	s.ID = p.ID
	s.Name = p.Name
	s.LatinName = p.LatinName
	s.Phones = p.NormalizedPhones(cc)
	s.Email = p.Email
	s.City = p.City
	s.Occupation = p.Occupation
	s.Country = p.Country
	s.Tags = append([]string(nil), p.Tags...)
	s.Tier = p.Tier
	s.Channel = p.Channel
	s.DoNotContact = p.Consent.DoNotContact
	s.Special = Special{Child: p.Special.Child, Elderly: p.Special.Elderly, Pregnant: p.Special.Pregnant,
		Disability: p.Special.Disability, Health: p.Special.Health}
	s.Dates = append([]ImportantDate(nil), p.Dates...)
	s.Sizes, s.Likes, s.Dislikes, s.Family, s.Fits = nil, nil, nil, nil, nil
	for _, z := range p.CurrentSizes() {
		s.Sizes = append(s.Sizes, strings.ToLower(strings.TrimSpace(z.Category)+"="+strings.TrimSpace(z.Value)))
		if fit := strings.TrimSpace(z.Note); fit != "" {
			s.Fits = append(s.Fits, strings.ToLower(fit))
		}
	}
	for _, l := range p.Likes() {
		s.Likes = append(s.Likes, strings.ToLower(l.Value))
	}
	for _, d := range p.AllDislikes() {
		s.Dislikes = append(s.Dislikes, strings.ToLower(d))
	}
	s.Cards = p.CardNumbers()
	for _, m := range p.Household {
		s.Family = append(s.Family, m.Name)
	}
	s.Store = strings.TrimSpace(p.HomeStore + " " + p.Counter)
	s.Created = civil.Of(p.Created)
	s.Owner = p.CurrentOwner()
	s.ReferredBy = p.ReferredBy
	switch {
	case p.HandedOver != nil && p.HandedOver.Released:
		s.Status = Archived
	case p.HandedOver != nil:
		s.Status = HandedOver
	default:
		s.Status = Active
	}
}
