package briefing

import "sort"

// Section names a section of the briefing.
type Section string

// The sections of the briefing, in the order they are printed.
const (
	SecVisits     Section = "visits"
	SecOverdue    Section = "overdue"
	SecDue        Section = "due"
	SecDates      Section = "dates"
	SecRequests   Section = "requests"
	SecFestivals  Section = "festivals"
	SecSituations Section = "situations"
	SecPeople     Section = "people"
	SecLapsed     Section = "lapsed"
	// SecCards is the cards lapsing (Briefing.Cards), which Urgent does
	// not list: a name for Options.Whole.
	SecCards Section = "cards"
)

// Ref points at an item of a section: Urgent lists the most urgent items of
// the whole briefing this way (Briefing.Item finds the item). Today's
// visits (and the special people among them) are not listed: they are the
// day's fixed agenda, gone through first and in the order of the day.
type Ref struct {
	Section    Section `json:"section"`
	Index      int     `json:"index"` // in the section's list
	ClientID   string  `json:"client_id,omitempty"`
	ClientName string  `json:"client_name,omitempty"`
	Score      float64 `json:"score"`
}

// Item returns the item r points at (a *PrepCard, *TaskItem, *DateItem,
// *RequestItem, *FestivalItem, *SituationItem, *PersonItem or
// *LapsedItem) and its urgency; nil when r points at nothing.
func (b *Briefing) Item(r Ref) (any, *Urgency) {
	i := r.Index
	in := func(n int) bool { return i >= 0 && i < n }
	switch r.Section {
	case SecVisits:
		if in(len(b.Visits)) {
			return &b.Visits[i], &b.Visits[i].Urgency
		}
	case SecOverdue:
		if in(len(b.Overdue)) {
			return &b.Overdue[i], &b.Overdue[i].Urgency
		}
	case SecDue:
		if in(len(b.Due)) {
			return &b.Due[i], &b.Due[i].Urgency
		}
	case SecDates:
		if in(len(b.Dates)) {
			return &b.Dates[i], &b.Dates[i].Urgency
		}
	case SecRequests:
		if in(len(b.Requests)) {
			return &b.Requests[i], &b.Requests[i].Urgency
		}
	case SecFestivals:
		if in(len(b.Festivals)) {
			return &b.Festivals[i], &b.Festivals[i].Urgency
		}
	case SecSituations:
		if in(len(b.Situations)) {
			return &b.Situations[i], &b.Situations[i].Urgency
		}
	case SecPeople:
		if in(len(b.People)) {
			return &b.People[i], &b.People[i].Urgency
		}
	case SecLapsed:
		if in(len(b.Lapsed)) {
			return &b.Lapsed[i], &b.Lapsed[i].Urgency
		}
	}
	return nil, nil
}

// urgent returns the n most urgent items of the briefing's sections
// other than today's visits.
func urgent(b *Briefing, n int) []Ref {
	var refs []Ref
	add := func(sec Section, i int, id, name string, u Urgency) {
		refs = append(refs, Ref{Section: sec, Index: i, ClientID: id, ClientName: name, Score: u.Score})
	}
	for i, t := range b.Overdue {
		add(SecOverdue, i, t.Task.ClientID, t.ClientName, t.Urgency)
	}
	for i, t := range b.Due {
		add(SecDue, i, t.Task.ClientID, t.ClientName, t.Urgency)
	}
	for i, d := range b.Dates {
		add(SecDates, i, d.ClientID, d.ClientName, d.Urgency)
	}
	for i, r := range b.Requests {
		add(SecRequests, i, r.Request.ClientID, r.ClientName, r.Urgency)
	}
	for i, f := range b.Festivals {
		add(SecFestivals, i, "", "", f.Urgency)
	}
	for i, s := range b.Situations {
		add(SecSituations, i, s.ClientID, s.ClientName, s.Urgency)
	}
	for i, l := range b.Lapsed {
		add(SecLapsed, i, l.ClientID, l.ClientName, l.Urgency)
	}
	// Sections are listed in briefing order and each is sorted already, so
	// a stable sort by score keeps ties in a sensible order.
	sort.SliceStable(refs, func(i, j int) bool { return refs[i].Score > refs[j].Score })
	if len(refs) > n {
		refs = refs[:n:n]
	}
	return refs
}
