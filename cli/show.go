package cli

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/i18n"
)

// writeDetail prints a client's card: identity and contact, value, sizes
// and preferences, dates, then history (notes and purchases on one
// timeline), tasks, appointments and requests.
func writeDetail(w io.Writer, cat *i18n.Catalog, d *ClientDetail, currency string, today civil.Date) {
	p := d.Profile
	title := p.DisplayName()
	if p.LatinName != "" && p.Name != "" {
		title += " (" + p.LatinName + ")"
	}
	fmt.Fprintf(w, "%s  [%s]\n", title, p.ID)
	line := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			fmt.Fprintf(w, "  %-14s %s\n", label, value)
		}
	}
	var phones []string
	for _, ph := range p.Phones {
		phones = append(phones, ph.String())
	}
	line("Phone", strings.Join(phones, ", "))
	line("Email", p.Email)
	line("WeChat", p.WeChat)
	contact := string(p.Channel)
	if p.BestTime != "" {
		contact = strings.TrimSpace(contact + ", " + p.BestTime)
	}
	line("Reach by", strings.Trim(contact, ", "))
	if p.Consent.DoNotContact {
		line("Consent", "DO NOT CONTACT (recorded "+civil.Of(p.Consent.RecordedAt).String()+", "+p.Consent.How+")")
	}
	line("Tier", p.Tier)
	line("City", strings.TrimSpace(p.City+" "+p.District))
	line("Occupation", p.Occupation)
	line("Hobbies", strings.Join(p.Hobbies, ", "))
	var household []string
	for _, m := range p.Household {
		s := m.Name
		if m.Relation != "" {
			s += " (" + m.Relation + ")"
		}
		household = append(household, s)
	}
	line("Household", strings.Join(household, ", "))
	line("Why us", p.WhyBrand)
	line("Dislikes", strings.Join(p.Dislikes, ", "))
	line("Gifts", strings.Join(p.GiftPrefs, ", "))
	line("Would move", p.Motivator)
	if flags := p.Special.Flags(); len(flags) > 0 {
		line("Special", strings.Join(flags, ", ")+" "+p.Special.Note)
	}
	line("Tags", strings.Join(p.Tags, ", "))
	line("Holder", p.CurrentOwner())
	if p.HandedOver != nil {
		line("Handed over", p.HandedOver.To+" on "+civil.Of(p.HandedOver.At).String())
	}
	st := d.Stats
	fmt.Fprintf(w, "\nValue\n  12 months %s %s, this year %s, %s, average ticket %s, last visit %s\n",
		st.Last12, currency, st.YearToDate, plural(st.Visits, "visit"), st.AvgTicket, orDash(st.LastVisit.String()))
	if len(p.Sizes) > 0 {
		fmt.Fprintln(w, "\nSizes")
		for _, s := range p.Sizes {
			fmt.Fprintf(w, "  %-10s %s %s", s.Category, s.Value, s.System)
			if s.Note != "" {
				fmt.Fprintf(w, " (%s)", s.Note)
			}
			if !s.Taken.IsZero() {
				fmt.Fprintf(w, "  taken %s", s.Taken)
			}
			fmt.Fprintln(w)
		}
	}
	if len(p.Preferences) > 0 {
		fmt.Fprintln(w, "\nPreferences")
		for _, pr := range p.Preferences {
			fmt.Fprintf(w, "  %-10s %s", pr.Kind, pr.Value)
			if pr.Note != "" {
				fmt.Fprintf(w, " (%s)", pr.Note)
			}
			fmt.Fprintln(w)
		}
	}
	if len(p.Dates) > 0 {
		fmt.Fprintln(w, "\nDates")
		for _, dt := range p.Dates {
			cal := ""
			if dt.Lunar {
				cal = " lunar"
				if dt.LeapMonth {
					cal += " (leap month)"
				}
			}
			label := string(dt.Kind)
			if dt.Label != "" {
				label = dt.Label
			}
			fmt.Fprintf(w, "  %-16s %s%s  next %s\n", label, dt.When, cal, dt.Next(today))
		}
	}
	type event struct {
		when string
		text string
	}
	var events []event
	for _, n := range d.Notes {
		events = append(events, event{n.At.Format("2006-01-02 15:04"), fmt.Sprintf("%-9s %s", n.Kind, n.Text)})
	}
	for _, pu := range d.Purchases {
		events = append(events, event{pu.Date.String(), fmt.Sprintf("%-9s %s %s %s", "purchase", pu.Amount, pu.Currency, pu.Items)})
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].when > events[j].when })
	if len(events) > 0 {
		fmt.Fprintln(w, "\nHistory")
		for _, e := range events {
			fmt.Fprintf(w, "  %-16s %s\n", e.when, strings.TrimSpace(e.text))
		}
	}
	if len(d.Tasks) > 0 {
		fmt.Fprintln(w, "\nTasks")
		for _, t := range d.Tasks {
			fmt.Fprintf(w, "  %s  %-9s %s  %s%s\n", t.ID, t.Status, t.DueOn(), cat.TaskTitle(&t), checklistCount(&t))
			if t.IsOpen() {
				writeChecklist(w, cat, "      ", &t)
			}
		}
	}
	if len(d.Appointments) > 0 {
		fmt.Fprintln(w, "\nAppointments")
		for _, ap := range d.Appointments {
			fmt.Fprintf(w, "  %s  %s  %s  %s\n", ap.ID, ap.Start.Format("2006-01-02 15:04"), ap.Status, ap.Purpose)
		}
	}
	if len(d.Requests) > 0 {
		fmt.Fprintln(w, "\nRequests")
		for _, r := range d.Requests {
			fmt.Fprintf(w, "  %s  %-9s opened %s  %s\n", r.ID, r.Status, r.Opened, r.What)
		}
	}
}
