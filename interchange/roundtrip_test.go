package interchange

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestVCardNotesIntoEmptyBook exports the sample book to vCard and imports
// the file into an empty book: every note arrives with its kind and time,
// and the two notes with the same words on different days stay two.
func TestVCardNotesIntoEmptyBook(t *testing.T) {
	b, ids := sampleBook(t)
	ex := collect(t, b, ids)
	var buf bytes.Buffer
	if err := WriteVCard(&buf, ex); err != nil {
		t.Fatal(err)
	}
	empty := newBook(t)
	pl, err := importFile(t, empty, "book.vcf", buf.Bytes(), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pl.New) != len(ex.Clients) {
		t.Fatalf("%d new clients of %d", len(pl.New), len(ex.Clients))
	}
	type note struct {
		Kind notes.Kind
		Text string
		At   string
	}
	empty.View(func(tx *store.Tx) error {
		for i, it := range pl.New {
			var want, got []note
			for _, n := range ex.Clients[i].Notes {
				want = append(want, note{n.Kind, n.Text, n.At.UTC().Format(basicTime)})
			}
			ns, err := tx.Notes(it.ClientID)
			if err != nil {
				t.Fatal(err)
			}
			slices.Reverse(ns) // oldest first, as exported
			for _, n := range ns {
				got = append(got, note{n.Kind, n.Text, n.At.UTC().Format(basicTime)})
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: notes %+v, want %+v", it.Name, got, want)
			}
		}
		return nil
	})
}

// TestCSVCells: formulas stay neutralised (= @, and + - before anything
// but a digit) while phones carry no apostrophe: as they are in a plain
// CSV, as Excel's ="..." text in one for Excel; every kind of date has its
// column; the book's own columns (id, tier, figures) are listed as not
// read on a re-import.
func TestCSVCells(t *testing.T) {
	for v, want := range map[string]string{
		"=cmd|' /C calc'!A0":          "'=cmd|' /C calc'!A0",
		"@SUM(1+1)*cmd|' /C calc'!A0": "'@SUM(1+1)*cmd|' /C calc'!A0",
		"+cmd|' /C calc'!A0":          "'+cmd|' /C calc'!A0",
		"-2+3+cmd|' /C calc'!A0":      "'-2+3+cmd|' /C calc'!A0",
		"- see notes":                 "'- see notes",
		"+86 138 0013 8000":           "+86 138 0013 8000",
		"-5":                          "-5",
		"Müller":                      "Müller",
	} {
		if got := defuse(v); got != want {
			t.Errorf("defuse(%q) = %q, want %q", v, got, want)
		}
		if back := undefuse(defuse(v)); back != v {
			t.Errorf("undefuse(defuse(%q)) = %q", v, back)
		}
	}
	b, ids := demoBook(t, 80)
	ex := collect(t, b, ids)
	ex.Clients[0].Profile.Tier = "VIC" // the book's own figure: never read back
	for _, excel := range []bool{false, true} {
		var buf bytes.Buffer
		if err := WriteCSV(&buf, ex, excel); err != nil {
			t.Fatal(err)
		}
		text := buf.String()
		if strings.Contains(text, ",'+") || strings.Contains(text, ",'0") || strings.Contains(text, ",'1") {
			t.Errorf("excel %v: a cell starts with an apostrophe before a phone", excel)
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(text, "\uFEFF"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := func(name string) int { return slices.Index(rows[0], name) }
		var anniversaries, children, wantAnniv, wantChildren int
		for i, c := range ex.Clients {
			for _, d := range c.Profile.Dates {
				switch d.Kind {
				case profile.DateAnniversary:
					wantAnniv++
				case profile.DateChildBirthday:
					wantChildren++
				}
			}
			row := rows[i+1]
			if row[col("anniversary")] != "" {
				anniversaries += strings.Count(row[col("anniversary")], "; ") + 1
			}
			if row[col("child_birthdays")] != "" {
				children += strings.Count(row[col("child_birthdays")], "; ") + 1
			}
			phones := row[col("phones")]
			if excel && phones != "" && !strings.HasPrefix(phones, `="`) || !excel && strings.HasPrefix(phones, "=") {
				t.Errorf("excel %v: phones cell %q", excel, phones)
			}
		}
		if wantAnniv == 0 || wantChildren == 0 || anniversaries != wantAnniv || children != wantChildren {
			t.Errorf("excel %v: %d of %d anniversaries, %d of %d children's birthdays in their columns", excel, anniversaries, wantAnniv, children, wantChildren)
		}
		src, err := Parse("book.csv", buf.Bytes(), ParseOptions{CC: "86"})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range []string{"id", "tier", "spend_12_months"} {
			if !slices.Contains(src.Mapping.Unmapped, h) {
				t.Errorf("%s is not listed as not read: %q", h, src.Mapping.Unmapped)
			}
		}
		for i, r := range src.Records {
			want := ex.Clients[i].Profile
			if len(r.Profile.Dates) != len(want.Dates) || len(r.Profile.Phones) != len(want.Phones) {
				t.Errorf("excel %v: %s read back with dates %+v phones %v, want %+v %v", excel, want.Name, r.Profile.Dates, r.Profile.Phones, want.Dates, want.Phones)
			}
		}
	}
}

// TestRoundTripIntoEmptyBook exports the demo book to vCard and to CSV
// and imports each file into an empty book: what README's table says the
// format keeps comes back for every client, field by field.
func TestRoundTripIntoEmptyBook(t *testing.T) {
	b, ids := demoBook(t, 60)
	ex := collect(t, b, ids)
	for _, format := range []string{"vcf", "csv"} {
		t.Run(format, func(t *testing.T) {
			_, got := exportImport(t, ex, format, true)
			for i, c := range ex.Clients {
				w, g := c.Profile, got.Clients[i].Profile
				if format == "csv" {
					if a, b := entriesOf(&w), entriesOf(&g); !equalJSON(a, b) {
						t.Errorf("%s: profile entries\n exported %+v\n imported %+v", w.Name, a, b)
					}
				}
				type kept struct {
					Name, Latin, Honorific, Email, WeChat, City, District, Country, Occupation string
					Phones                                                                     []profile.Phone
					Dates                                                                      []profile.ImportantDate
					Tags                                                                       []string
					DNC                                                                        bool
				}
				of := func(p profile.Profile) kept {
					// Phones compared as numbers: a valid one comes back in E.164.
					p.Phones = slices.Clone(p.Phones)
					for j := range p.Phones {
						p.Phones[j].Number = profile.NormalizePhone(p.Phones[j].Number, "86")
					}
					dates := slices.Clone(p.Dates)
					slices.SortFunc(dates, func(a, b profile.ImportantDate) int {
						return strings.Compare(string(a.Kind)+a.Label+a.When.String(), string(b.Kind)+b.Label+b.When.String())
					})
					return kept{p.Name, p.LatinName, p.Honorific, p.Email, p.WeChat, p.City, p.District, p.Country, p.Occupation,
						p.Phones, dates, p.Tags, p.Consent.DoNotContact}
				}
				if a, b := of(w), of(g); !equalJSON(a, b) {
					t.Errorf("%s:\n exported %+v\n imported %+v", w.Name, a, b)
				}
				var wantNotes, gotNotes []string
				for _, n := range c.Notes {
					wantNotes = append(wantNotes, n.Text)
				}
				for _, n := range got.Clients[i].Notes {
					gotNotes = append(gotNotes, n.Text)
				}
				if !slices.Equal(wantNotes, gotNotes) {
					t.Errorf("%s: notes %q, want %q", w.Name, gotNotes, wantNotes)
				}
			}
		})
	}
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// entries are the profile's entries as a CSV row carries them: the
// current sizes with system and fit, likes and dislikes with their
// category, the current measurements, the household with relations,
// the cards.
type entries struct {
	Sizes, Likes, Dislikes, Measurements, Household, Cards []string
}

func entriesOf(p *profile.Profile) entries {
	var e entries
	for _, z := range p.CurrentSizes() {
		e.Sizes = append(e.Sizes, z.Category+"|"+z.Value+"|"+z.System+"|"+z.Note)
	}
	for _, pr := range p.Preferences {
		if pr.Dislike {
			e.Dislikes = append(e.Dislikes, string(pr.Kind)+"|"+pr.Value)
		} else {
			e.Likes = append(e.Likes, string(pr.Kind)+"|"+pr.Value)
		}
	}
	for _, d := range p.Dislikes {
		e.Dislikes = append(e.Dislikes, "other|"+d)
	}
	for _, m := range p.CurrentMeasurements() {
		e.Measurements = append(e.Measurements, m.Name+"|"+m.Value+"|"+m.Unit)
	}
	for _, m := range p.Household {
		e.Household = append(e.Household, m.Name+"|"+m.Relation)
	}
	for _, c := range p.Cards {
		e.Cards = append(e.Cards, fmt.Sprintf("%s|%s|%s|%d|%s", c.Program, c.Number, c.Level, c.Points, c.Expires))
	}
	return e
}
