package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vipbook/vipbook/briefing"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/store"
)

type briefOptions struct {
	date string
	json bool
}

func briefCommands(a *App) []*cobra.Command {
	var o briefOptions
	cmd := &cobra.Command{
		Use:   "brief",
		Short: "Print the morning briefing: today's visits, follow-ups due, dates coming",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return runBrief(a, o) },
	}
	cmd.Flags().StringVar(&o.date, "date", "", "the day to brief, YYYY-MM-DD (default today)")
	cmd.Flags().BoolVar(&o.json, "json", false, "print as JSON")
	return []*cobra.Command{cmd}
}

// loadBriefing reads the book and builds the briefing of day.
func loadBriefing(a *App, b *store.Book, day civil.Date) (briefing.Briefing, error) {
	var out briefing.Briefing
	err := b.View(func(tx *store.Tx) error {
		in, err := briefing.Gather(tx, day, a.Now().Location())
		if err != nil {
			return err
		}
		out = briefing.Build(in)
		return nil
	})
	return out, err
}

func runBrief(a *App, o briefOptions) error {
	day, err := a.parseDay(o.date, "--date")
	if err != nil {
		return err
	}
	return a.withBook(true, func(b *store.Book) error {
		br, err := loadBriefing(a, b, day)
		if err != nil {
			return err
		}
		if o.json {
			return a.printJSON(br)
		}
		writeBriefing(a.Stdout, br, b.Meta().Currency)
		return nil
	})
}

// writeBriefing prints the briefing as text for the morning meeting.
func writeBriefing(w io.Writer, br briefing.Briefing, currency string) {
	fmt.Fprintf(w, "Briefing for %s, %s (%s)\n", br.Date, br.Date.Weekday(), br.Associate)
	fmt.Fprintf(w, "\nToday's visits (%d)\n", len(br.Visits))
	if len(br.Visits) == 0 {
		fmt.Fprintln(w, "  none booked")
	}
	for _, c := range br.Visits {
		fmt.Fprintf(w, "  %s  %s", c.Appointment.Start.Format("15:04"), c.Name)
		if c.Appointment.Purpose != "" {
			fmt.Fprintf(w, " - %s", c.Appointment.Purpose)
		}
		fmt.Fprintln(w)
		if c.Phone != "" {
			fmt.Fprintf(w, "         phone %s\n", c.Phone)
		}
		if len(c.Sizes) > 0 {
			var ss []string
			for _, s := range c.Sizes {
				ss = append(ss, strings.TrimSpace(s.Category+" "+s.Value+" "+s.System))
			}
			fmt.Fprintf(w, "         sizes %s\n", strings.Join(ss, "; "))
		}
		if len(c.Preferences) > 0 {
			var ps []string
			for _, p := range c.Preferences {
				ps = append(ps, p.Value)
			}
			fmt.Fprintf(w, "         likes %s\n", strings.Join(ps, ", "))
		}
		if len(c.Dislikes) > 0 {
			fmt.Fprintf(w, "         dislikes %s\n", strings.Join(c.Dislikes, ", "))
		}
		if c.LastPurchase != nil {
			fmt.Fprintf(w, "         last purchase %s %s %s %s\n", c.LastPurchase.Date, c.LastPurchase.Amount, c.LastPurchase.Currency, c.LastPurchase.Items)
		}
		for _, r := range c.OpenRequests {
			fmt.Fprintf(w, "         open request %s (since %s)\n", r.What, r.Opened)
		}
		for _, n := range c.RecentNotes {
			fmt.Fprintf(w, "         note %s %s: %s\n", n.At.Format("2006-01-02"), n.Kind, n.Text)
		}
		if len(c.Special) > 0 {
			fmt.Fprintf(w, "         special %s %s\n", strings.Join(c.Special, ", "), c.SpecialNote)
		}
	}
	fmt.Fprintf(w, "\nFollow-ups overdue (%d)\n", len(br.Overdue))
	for _, t := range br.Overdue {
		fmt.Fprintf(w, "  %s  %s  %s (%d days late, due %s)\n", t.Task.ID, pad(t.ClientName, 16), t.Task.Title, t.Overdue, t.Task.DueOn())
	}
	fmt.Fprintf(w, "\nFollow-ups due today (%d)\n", len(br.Due))
	for _, t := range br.Due {
		fmt.Fprintf(w, "  %s  %s  %s\n", t.Task.ID, pad(t.ClientName, 16), t.Task.Title)
	}
	fmt.Fprintf(w, "\nDates coming (%d)\n", len(br.Dates))
	for _, d := range br.Dates {
		when := "today"
		if d.DaysAway > 0 {
			when = fmt.Sprintf("in %d days", d.DaysAway)
		}
		label := string(d.Date.Kind)
		if d.Date.Label != "" {
			label = d.Date.Label
		}
		if d.Date.Lunar {
			label += " (lunar)"
		}
		fmt.Fprintf(w, "  %s  %s  %s on %s, %s\n", d.ClientID, pad(d.ClientName, 16), label, d.On, when)
	}
}
