package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/store"
)

// writeDetail prints a client's card: identity and contact, value, sizes
// and preferences, dates, then history (notes and purchases on one
// timeline), tasks, appointments and requests.
func writeDetail(w io.Writer, cat *i18n.Catalog, d *ClientDetail, meta store.Meta, today civil.Date) {
	currency := meta.Currency
	p := d.Profile
	title := p.DisplayName()
	if p.LatinName != "" && p.Name != "" {
		title = cat.Aside(title, p.LatinName)
	}
	fmt.Fprintf(w, "%s  [%s]\n", title, p.ID)
	line := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			fmt.Fprintf(w, "  %s %s\n", fill(label, 14), value)
		}
	}
	var phones []string
	for _, ph := range p.Phones {
		phones = append(phones, cat.Phone(ph, meta.CountryCode))
	}
	line(cat.T(i18n.CliShowPhone), strings.Join(phones, ", "))
	line(cat.T(i18n.CliShowEmail), p.Email)
	line(cat.T(i18n.CliShowWeChat), p.WeChat)
	contact := ""
	if p.Channel != "" {
		contact = cat.Channel(p.Channel)
	}
	if p.BestTime != "" {
		contact = strings.TrimSpace(contact + ", " + p.BestTime)
	}
	line(cat.T(i18n.CliShowReachby), strings.Trim(contact, ", "))
	if p.Consent.DoNotContact {
		line(cat.T(i18n.CliShowConsent), cat.T(i18n.CliShowDNC, civil.Of(p.Consent.RecordedAt), p.Consent.How))
	}
	line(cat.T(i18n.CliShowTier), p.Tier)
	if d.Card != nil {
		line(cat.T(i18n.CliShowCard), cat.TierReason(*d.Card))
		line("", cat.CardOutlook(*d.Card))
	}
	line(cat.T(i18n.CliShowCity), strings.TrimSpace(p.City+" "+p.District))
	line(cat.T(i18n.CliShowOccupation), p.Occupation)
	line(cat.T(i18n.CliShowHobbies), cat.List(p.Hobbies))
	line(cat.T(i18n.CliProfileStore), strings.TrimSpace(p.HomeStore+" "+p.Counter))
	line(cat.T(i18n.CliShowWhyus), p.WhyBrand)
	line(cat.T(i18n.CliShowGifts), cat.List(p.GiftPrefs))
	line(cat.T(i18n.CliShowWouldmove), p.Motivator)
	if flags := p.Special.Flags(); len(flags) > 0 {
		for i, f := range flags {
			flags[i] = cat.SpecialFlag(f)
		}
		line(cat.T(i18n.CliShowSpecial), cat.List(flags)+" "+p.Special.Note)
	}
	line(cat.T(i18n.CliShowTags), cat.List(p.Tags))
	line(cat.T(i18n.CliShowHolder), p.CurrentOwner())
	if p.HandedOver != nil {
		line(cat.T(i18n.CliShowHandedover), cat.T(i18n.CliShowHandedOverTo, p.HandedOver.To, civil.Of(p.HandedOver.At)))
	}
	st := d.Stats
	fmt.Fprintf(w, "\n%s\n  %s\n", cat.T(i18n.CliShowValue), cat.T(i18n.CliShowValueLine,
		st.Last12, currency, st.YearToDate, st.Total, cat.N(i18n.CliCountVisits, st.Visits, st.Visits), st.AvgTicket, orDash(st.LastVisit.String())))
	writeEntries(w, cat, p, d.Linked, today)
	type event struct {
		when string
		text string
	}
	var events []event
	for _, n := range d.Notes {
		events = append(events, event{n.At.Format("2006-01-02 15:04"), fmt.Sprintf("%s %s  [%s]", fill(cat.NoteKind(n.Kind), 9), n.Text, n.ID)})
	}
	for _, pu := range d.Purchases {
		events = append(events, event{pu.Date.String(), fmt.Sprintf("%s %s %s %s  [%s]", fill(cat.T(i18n.CliShowPurchase), 9), pu.Amount, pu.Currency, pu.Items, pu.ID)})
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].when > events[j].when })
	if len(events) > 0 {
		fmt.Fprintf(w, "\n%s\n", cat.T(i18n.CliShowHistory))
		for _, e := range events {
			fmt.Fprintf(w, "  %-16s %s\n", e.when, strings.TrimSpace(e.text))
		}
	}
	if len(d.Tasks) > 0 {
		fmt.Fprintf(w, "\n%s\n", cat.T(i18n.CliShowTasks))
		for _, t := range d.Tasks {
			fmt.Fprintf(w, "  %s  %s %s  %s%s\n", t.ID, fill(cat.TaskStatus(t.Status), 9), t.DueOn(), cat.TaskTitle(&t), checklistCount(cat, &t))
			if t.IsOpen() {
				writeChecklist(w, cat, "      ", &t)
			}
		}
	}
	if len(d.Appointments) > 0 {
		fmt.Fprintf(w, "\n%s\n", cat.T(i18n.CliShowAppointments))
		for _, ap := range d.Appointments {
			fmt.Fprintf(w, "  %s  %s  %s  %s\n", ap.ID, ap.Start.Format("2006-01-02 15:04"), cat.ApptStatus(ap.Status), ap.Purpose)
		}
	}
	if len(d.Requests) > 0 {
		fmt.Fprintf(w, "\n%s\n", cat.T(i18n.CliShowRequests))
		for _, r := range d.Requests {
			fmt.Fprintf(w, "  %s  %s %s  %s\n", r.ID, fill(cat.RequestStatus(r.Status), 9), cat.T(i18n.CliShowOpened, r.Opened), r.What)
		}
	}
}
