package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/vipbook/vipbook/briefing"
)

// TestGoldenBrief is the morning briefing of the pinned demo book on
// 2026-11-24 at 09:00, in both languages and the three formats.
func TestGoldenBrief(t *testing.T) {
	book := demoBook(t)
	for _, c := range []struct{ name, lang, format string }{
		{"text", "en", ""}, {"markdown", "en", "--markdown"}, {"json", "en", "--json"},
		{"text_zh", "zh", ""}, {"markdown_zh", "zh", "--markdown"},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := []string{"--lang", c.lang, "brief"}
			if c.format != "" {
				args = append(args, c.format)
			}
			golden.RequireEqual(t, run(t, book, args...))
		})
	}
}

// The briefing read as the associate would: today's visits first, then the
// most urgent items, every item with its reasons, sections in order of
// urgency.
func TestBriefReadsInOrder(t *testing.T) {
	book := demoBook(t)
	var br briefing.Briefing
	if err := json.Unmarshal([]byte(run(t, book, "brief", "--json")), &br); err != nil {
		t.Fatal(err)
	}
	if len(br.Urgent) == 0 || len(br.Visits) == 0 {
		t.Fatalf("%d urgent, %d visits", len(br.Urgent), len(br.Visits))
	}
	for i, r := range br.Urgent {
		_, u := br.Item(r)
		if u == nil || len(u.Terms) == 0 || u.Score != r.Score {
			t.Errorf("urgent %d (%+v) has no reasons or a different score: %+v", i, r, u)
		}
		if i > 0 && br.Urgent[i-1].Score < r.Score {
			t.Errorf("urgent %d (%v) after a lower score %v", i, r.Score, br.Urgent[i-1].Score)
		}
	}
	text := run(t, book, "brief")
	visits, urgent := strings.Index(text, "Today's visits"), strings.Index(text, "Most urgent first")
	if visits < 0 || urgent < visits {
		t.Errorf("visits at %d, most urgent at %d: want the day's visits first, then the most urgent", visits, urgent)
	}
	if n, m := strings.Count(text, "\n      why "), len(br.Urgent)+len(br.Visits)+len(br.Overdue)+len(br.Due)+len(br.Dates)+
		len(br.Requests)+len(br.Festivals)+len(br.Situations)+len(br.Lapsed); n != m {
		t.Errorf("%d reasons printed for %d items", n, m)
	}
}

func TestBriefRefusesTwoFormats(t *testing.T) {
	book := demoBook(t)
	_, _, err := runErr(book, "brief", "--json", "--markdown")
	if err == nil || !strings.Contains(err.Error(), "--json") {
		t.Fatalf("err = %v, want a refusal naming the flags", err)
	}
}

// TestBriefPrepCardSizesNow: a visit's prep card on the command line shows
// each size as it is now with its fit note (the older one taken for the
// same category is history, not shown), and a dislike entered with its
// category among the dislikes, not the likes.
func TestBriefPrepCardSizesNow(t *testing.T) {
	book := demoBook(t)
	var br briefing.Briefing
	if err := json.Unmarshal([]byte(run(t, book, "brief", "--json")), &br); err != nil {
		t.Fatal(err)
	}
	if len(br.Visits) == 0 {
		t.Fatal("no visit today in the demo book")
	}
	id, name := br.Visits[0].Appointment.ClientID, br.Visits[0].Name
	run(t, book, "size", id, "shoes", "46", "--system", "EU", "--fit", "narrow foot", "--date", "2099-01-01")
	run(t, book, "size", id, "shoes", "47", "--system", "EU", "--date", "2000-01-01") // older: history
	run(t, book, "dislike", id, "polyester", "--category", "fabric")
	out := run(t, book, "brief")
	var sizes, likes, dislikes string
	in := false
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, name) {
			in = true
		}
		f := strings.TrimSpace(l)
		switch {
		case !in:
		case strings.HasPrefix(f, "sizes ") && sizes == "":
			sizes = f
		case strings.HasPrefix(f, "likes ") && likes == "":
			likes = f
		case strings.HasPrefix(f, "dislikes ") && dislikes == "":
			dislikes = f
		}
	}
	if !strings.Contains(sizes, "shoes 46 EU (narrow foot)") || strings.Contains(sizes, "47") || strings.Count(sizes, "shoes") != 1 {
		t.Errorf("sizes line %q, want shoes 46 EU (narrow foot) alone for shoes", sizes)
	}
	if strings.Contains(likes, "polyester") || !strings.Contains(dislikes, "polyester") {
		t.Errorf("likes %q, dislikes %q: polyester is a dislike", likes, dislikes)
	}
}
