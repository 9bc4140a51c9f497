package interchange

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// sampleBook holds clients with what exports must carry: a Chinese name
// with a lunar birthday, a 29 February anniversary, a tag with a comma,
// notes with line breaks and semicolons, a do-not-contact client, an
// appointment and open and closed tasks.
func sampleBook(t testing.TB) (*store.Book, []string) {
	b := newBook(t)
	var ids []string
	err := b.Update(func(tx *store.Tx) error {
		ps := []profile.Profile{
			{Name: "王小明", LatinName: "Michael Wang", Honorific: "王先生", Gender: "m",
				Phones: []profile.Phone{{Number: "138 0013 8000", Label: "mobile"}, {Number: "021-6288 1234", Label: "work"}},
				Email:  "xiaoming@example.cn", WeChat: "wxm_88", City: "上海", District: "静安区", Country: "CN", Occupation: "律师",
				Tags: []string{"VIP", "shoes, bags"},
				Dates: []profile.ImportantDate{
					{Kind: profile.DateBirthday, When: civil.MonthDay{Year: 1985, Month: 8, Day: 15}, Lunar: true},
					{Kind: profile.DateAnniversary, When: civil.MonthDay{Year: 2012, Month: 2, Day: 29}},
					{Kind: profile.DateChildBirthday, Label: "Lily's birthday", When: civil.MonthDay{Year: 2015, Month: 6, Day: 1}, LeadDays: 30},
				},
				Household: []profile.Member{{Name: "李娜", Relation: "spouse"}}},
			{Name: "Anne Dubois", Phones: []profile.Phone{{Number: "+33 6 12 34 56 78", Label: "mobile"}}, Email: "anne@example.fr",
				Country: "FR", Dates: []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 3, Day: 2}}},
				Consent: profile.Consent{DoNotContact: true, RecordedAt: testNow, How: "asked in store"}},
			{Name: "陈静", Phones: []profile.Phone{{Number: "13912345678"}},
				Dates: []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 12, Day: 30}, Lunar: true, LeapMonth: false}}},
			// The 20th of the 11th lunar month falls on 4 January 2029 and
			// again on 24 December 2029: two events in one Gregorian year.
			{Name: "周婷", Phones: []profile.Phone{{Number: "13700001111"}},
				Dates: []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 11, Day: 20}, Lunar: true}}},
			// Born on 29 February, the year not known: vCard 3.0 has no
			// year-less form, and readers drop --0229.
			{Name: "Kai Berger", Phones: []profile.Phone{{Number: "+49 151 2345 6789", Label: "mobile"}}, Email: "kai@example.de", Country: "DE",
				Dates: []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 2, Day: 29}}}},
		}
		for i := range ps {
			if err := tx.AddClient(&ps[i]); err != nil {
				return err
			}
			ids = append(ids, ps[i].ID)
		}
		for _, n := range []notes.Note{
			{ClientID: ids[0], Kind: notes.Preference, Text: "Likes navy cashmere; size M.\nWife prefers silk; never red.", At: testNow.Add(-48 * time.Hour)},
			{ClientID: ids[0], Kind: notes.Visit, Text: "Bought the loafers, 42 EU", At: testNow.Add(-24 * time.Hour)},
			// The same words on another day: another note.
			{ClientID: ids[0], Kind: notes.Call, Text: "Bought the loafers, 42 EU", At: testNow.Add(-3 * time.Hour)},
			{ClientID: ids[1], Kind: notes.General, Text: "Asked not to be called.", At: testNow.Add(-24 * time.Hour)},
		} {
			if err := tx.AddNote(&n); err != nil {
				return err
			}
		}
		start := time.Date(2026, 11, 26, 14, 30, 0, 0, time.FixedZone("CST", 8*3600))
		if err := tx.AddAppointment(&visits.Appointment{ClientID: ids[0], Start: start, Duration: time.Hour, Purpose: "fitting", Status: visits.Booked}); err != nil {
			return err
		}
		open := tasks.Task{ClientID: ids[0], Title: "Call about the suit", Kind: tasks.CallBack, Due: civil.New(2026, 11, 27), Status: tasks.Open}
		done := tasks.Task{ClientID: ids[2], Title: "Thank-you message", Kind: tasks.ThankYou, Due: civil.New(2026, 11, 20), Status: tasks.Done, DoneAt: testNow}
		if err := tx.AddTask(&open); err != nil {
			return err
		}
		return tx.AddTask(&done)
	})
	if err != nil {
		t.Fatal(err)
	}
	return b, ids
}

func collect(t testing.TB, b *store.Book, ids []string) *Export {
	var ex *Export
	if err := b.View(func(tx *store.Tx) error {
		var err error
		ex, err = Collect(tx, ids)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return ex
}

// TestVCardRoundTrip exports the book to vCard and reads it back: every
// field the card carries comes back, and importing it into the same book
// changes nothing.
func TestVCardRoundTrip(t *testing.T) {
	b, ids := sampleBook(t)
	ex := collect(t, b, ids)
	var buf bytes.Buffer
	if err := WriteVCard(&buf, ex); err != nil {
		t.Fatal(err)
	}
	checkRoundTrip(t, b, ex, "book.vcf", buf.Bytes(), true)
}

// TestCSVRoundTrip does the same with the CSV export, BOM included.
func TestCSVRoundTrip(t *testing.T) {
	b, ids := sampleBook(t)
	ex := collect(t, b, ids)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, ex, true); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\uFEFFid,name,")) {
		t.Errorf("CSV starts %q", buf.String()[:20])
	}
	if !strings.Contains(buf.String(), `,"=""mobile: +33 6 12 34 56 78""",`) {
		t.Errorf("a phone starting with + is not written as Excel's text:\n%s", buf.String())
	}
	if !strings.Contains(buf.String(), ",\"Likes navy cashmere; size M.\r\nWife prefers silk; never red.\r\n---\r\nBought the loafers, 42 EU\r\n---\r\nBought the loafers, 42 EU\",") {
		t.Errorf("the notes column lacks the notes, oldest first:\n%s", buf.String())
	}
	checkRoundTrip(t, b, ex, "book.csv", buf.Bytes(), false)
}

func checkRoundTrip(t *testing.T, b *store.Book, ex *Export, name string, data []byte, vcf bool) {
	t.Helper()
	src, err := Parse(name, data, ParseOptions{CC: "86"})
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Records) != len(ex.Clients) || len(src.Skipped) != 0 {
		t.Fatalf("%d records, skipped %+v", len(src.Records), src.Skipped)
	}
	for i, r := range src.Records {
		want, got := ex.Clients[i].Profile, r.Profile
		if got.Name != want.Name || got.Email != want.Email || got.WeChat != want.WeChat || got.City != want.City || got.District != want.District ||
			got.Country != want.Country || got.Occupation != want.Occupation || got.Consent.DoNotContact != want.Consent.DoNotContact {
			t.Errorf("client %d read back as %+v, want %+v", i, got, want)
		}
		if vcf && got.LatinName != want.LatinName {
			t.Errorf("latin name %q, want %q", got.LatinName, want.LatinName)
		}
		if !slices.Equal(got.Tags, want.Tags) {
			t.Errorf("tags %q, want %q", got.Tags, want.Tags)
		}
		if !slices.EqualFunc(got.Phones, want.Phones, func(a, b profile.Phone) bool {
			return profile.NormalizePhone(a.Number, "86") == profile.NormalizePhone(b.Number, "86")
		}) {
			t.Errorf("phones %v, want %v", got.Phones, want.Phones)
		}
		wantDates := want.Dates
		if !vcf { // CSV writes a date's lead time when it is not the usual one
			wantDates = slices.Clone(wantDates)
			for j := range wantDates {
				if wantDates[j].LeadDays == profile.DefaultLeadDays {
					wantDates[j].LeadDays = 0
				}
			}
		}
		sortDates := func(ds []profile.ImportantDate) []profile.ImportantDate {
			ds = slices.Clone(ds)
			slices.SortFunc(ds, func(a, b profile.ImportantDate) int { return strings.Compare(string(a.Kind), string(b.Kind)) })
			return ds
		}
		if !slices.Equal(sortDates(got.Dates), sortDates(wantDates)) {
			t.Errorf("dates %+v, want %+v", got.Dates, wantDates)
		}
		var texts, gotTexts []string
		for j, n := range ex.Clients[i].Notes {
			texts = append(texts, n.Text)
			if vcf && (j >= len(r.Notes) || r.Notes[j].Kind != n.Kind || !r.Notes[j].At.Equal(n.At.Truncate(time.Second))) {
				t.Errorf("note %d of client %d read back as %+v, want kind %s at %s", j, i, r.Notes[min(j, len(r.Notes)-1)], n.Kind, n.At)
			}
		}
		for _, n := range r.Notes {
			gotTexts = append(gotTexts, n.Text)
		}
		if !slices.Equal(gotTexts, texts) {
			t.Errorf("notes %q, want %q", gotTexts, texts)
		}
		if vcf {
			if !slices.Equal(got.Household, want.Household) {
				t.Errorf("household %+v, want %+v", got.Household, want.Household)
			}
		}
	}
	pl, err := importFile(t, b, name, data, ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pl.New) != 0 || len(pl.Merged) != 0 || len(pl.Unchanged) != len(ex.Clients) {
		t.Errorf("importing the export into its own book: new %d, merged %+v", len(pl.New), pl.Merged)
	}
}

// icaljs parses a file with Mozilla's ical.js (test/ical/parse.mjs). It
// skips the test only when node is not installed; the npm package is
// installed from the lock file when missing.
func icaljs(t *testing.T, path string) map[string]json.RawMessage {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the ical.js check needs it")
	}
	dir, _ := filepath.Abs("../test/ical")
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "ical.js")); err != nil {
		out, err := exec.Command("npm", "ci", "--prefix", dir, "--no-audit", "--no-fund").CombinedOutput()
		if err != nil {
			t.Fatalf("npm ci in test/ical: %v\n%s", err, out)
		}
	}
	out, err := exec.Command(node, filepath.Join(dir, "parse.mjs"), path).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("ical.js could not parse %s: %v\n%s", path, err, stderr)
	}
	var res map[string]json.RawMessage
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// TestVCardWithICALJS checks the vCard export with ical.js: names,
// phones, e-mails, birthdays, anniversaries, one category per tag, notes,
// lunar dates and the do-not-contact flag read back as written.
func TestVCardWithICALJS(t *testing.T) {
	b, ids := sampleBook(t)
	ex := collect(t, b, ids)
	path := filepath.Join(t.TempDir(), "book.vcf")
	var buf bytes.Buffer
	if err := WriteVCard(&buf, ex); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, buf.Bytes(), 0o600)
	var got []struct {
		Version     string   `json:"version"`
		FN          string   `json:"fn"`
		N           []string `json:"n"`
		Tel         []struct{ Value, Type any }
		Email       []string `json:"email"`
		BDay        *string  `json:"bday"`
		Anniversary *string  `json:"anniversary"`
		Categories  []string `json:"categories"`
		Notes       []string `json:"notes"`
		DNC         *string  `json:"dnc"`
		Lunar       []string `json:"lunar"`
	}
	if err := json.Unmarshal(icaljs(t, path)["cards"], &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ex.Clients) {
		t.Fatalf("ical.js read %d cards, want %d", len(got), len(ex.Clients))
	}
	for i, c := range ex.Clients {
		g, p := got[i], c.Profile
		if g.Version != "3.0" || g.FN != p.Name {
			t.Errorf("card %d: version %q fn %q", i, g.Version, g.FN)
		}
		var tels []string
		for _, tel := range g.Tel {
			tels = append(tels, fmt.Sprint(tel.Value))
		}
		var want []string
		for _, ph := range p.Phones {
			want = append(want, ph.Number)
		}
		if !slices.Equal(tels, want) {
			t.Errorf("card %d: tel %q, want %q", i, tels, want)
		}
		if p.Email != "" && (len(g.Email) != 1 || g.Email[0] != p.Email) {
			t.Errorf("card %d: email %q", i, g.Email)
		}
		if !slices.Equal(g.Categories, p.Tags) && len(p.Tags) > 0 {
			t.Errorf("card %d: categories %q, want %q (one per tag)", i, g.Categories, p.Tags)
		}
		var texts []string
		for _, n := range c.Notes {
			texts = append(texts, n.Text)
		}
		if !slices.Equal(g.Notes, texts) && len(texts) > 0 {
			t.Errorf("card %d: notes %q, want %q", i, g.Notes, texts)
		}
		if (g.DNC != nil && *g.DNC == "TRUE") != p.Consent.DoNotContact {
			t.Errorf("card %d: do-not-contact %v", i, g.DNC)
		}
		for _, d := range p.Dates {
			switch {
			case d.Lunar:
				if !slices.Contains(g.Lunar, d.When.String()) {
					t.Errorf("card %d: lunar dates %q lack %s", i, g.Lunar, d.When)
				}
			case d.Kind == profile.DateBirthday:
				if g.BDay == nil || !strings.HasSuffix(strings.ReplaceAll(*g.BDay, "-", ""), fmt.Sprintf("%02d%02d", d.When.Month, d.When.Day)) {
					t.Errorf("card %d: bday %v, want %s", i, g.BDay, d.When)
				}
			case d.Kind == profile.DateAnniversary:
				if g.Anniversary == nil || *g.Anniversary != d.When.String() {
					t.Errorf("card %d: anniversary %v, want %s", i, g.Anniversary, d.When)
				}
			}
		}
	}
}

// TestICSWithICALJS checks the iCalendar export with ical.js: yearly
// all-day events on the next occurrence with their alarm, 29 February on
// the 28th in common years, lunar dates on their concrete days, the
// appointment at its time, open tasks (only) as to-dos.
func TestICSWithICALJS(t *testing.T) {
	b, ids := sampleBook(t)
	ex := collect(t, b, ids)
	from := civil.Of(testNow)
	var buf bytes.Buffer
	if err := WriteICS(&buf, ex, ICSOptions{From: from, Years: 5}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "book.ics")
	os.WriteFile(path, buf.Bytes(), 0o600)
	var cals []struct {
		Events []struct {
			UID, Summary, Start, End string
			AllDay                   bool
			RRule                    *string
			Status                   *string
			Alarms                   []string
			Next                     []string
		}
		Todos []struct{ UID, Summary, Due, Status string }
	}
	if err := json.Unmarshal(icaljs(t, path)["calendars"], &cals); err != nil {
		t.Fatal(err)
	}
	if len(cals) != 1 {
		t.Fatalf("%d calendars", len(cals))
	}
	events := map[string][]string{} // summary -> starts
	byUID := map[string]int{}
	for i, e := range cals[0].Events {
		events[e.Summary] = append(events[e.Summary], e.Start)
		byUID[e.UID] = i
	}
	wang := ex.Clients[0].Profile
	// The lunar birthday: five events on the days it falls.
	day := from
	var want []string
	for range 5 {
		next := wang.Dates[0].Next(day)
		want = append(want, next.String())
		day = next.AddDays(1)
	}
	if got := events["Birthday (lunar): 王小明"]; !slices.Equal(got, want) {
		t.Errorf("lunar birthday events %q, want %q", got, want)
	}
	// The 29 February anniversary recurs on the last day of February.
	for _, e := range cals[0].Events {
		if e.Summary != "Anniversary: 王小明" {
			continue
		}
		if !e.AllDay || e.RRule == nil || !slices.Equal(e.Next, []string{"2027-02-28", "2028-02-29", "2029-02-28"}) {
			t.Errorf("29 February anniversary: %+v", e)
		}
		if len(e.Alarms) != 1 || e.Alarms[0] != "-P14D" {
			t.Errorf("alarm %q, want the 14-day lead", e.Alarms)
		}
	}
	if got := events["Lily's birthday: 王小明"]; !slices.Equal(got, []string{"2027-06-01"}) {
		t.Errorf("child's birthday %q", got)
	}
	if got := events["Birthday: Anne Dubois (do not contact)"]; !slices.Equal(got, []string{"2027-03-02"}) {
		t.Errorf("do-not-contact birthday %q (events %v)", got, events)
	}
	appt := ex.Clients[0].Appointments[0]
	i, ok := byUID["appt-"+appt.ID+"@vipbook"]
	if !ok {
		t.Fatalf("no appointment event")
	}
	if e := cals[0].Events[i]; e.Start != "2026-11-26T06:30:00Z" || e.End != "2026-11-26T07:30:00Z" || e.Summary != "Visit: 王小明 - fitting" {
		t.Errorf("appointment %+v", e)
	}
	if len(cals[0].Todos) != 1 || cals[0].Todos[0].Due != "2026-11-27" || cals[0].Todos[0].Status != "NEEDS-ACTION" ||
		cals[0].Todos[0].Summary != "Call about the suit - 王小明" {
		t.Errorf("todos %+v, want the one open task", cals[0].Todos)
	}
}

// TestJSONHasEverything checks the JSON export carries consent, notes,
// tasks and appointments.
func TestJSONHasEverything(t *testing.T) {
	b, ids := sampleBook(t)
	ex := collect(t, b, ids)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, ex); err != nil {
		t.Fatal(err)
	}
	var back Export
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Format != ExportFormat || len(back.Clients) != 5 || !back.Clients[1].Profile.Consent.DoNotContact ||
		len(back.Clients[0].Notes) != 3 || len(back.Clients[0].Appointments) != 1 || len(back.Clients[0].Tasks) != 1 ||
		back.Clients[0].Profile.Dates[0] != ex.Clients[0].Profile.Dates[0] {
		t.Errorf("JSON export lost something:\n%s", buf.String())
	}
}

// TestNotesCell: the CSV notes column keeps the most recent notes that fit
// in a spreadsheet cell, and import splits it back into notes.
func TestNotesCell(t *testing.T) {
	long := strings.Repeat("长", 6000) // 18,000 bytes
	ns := []notes.Note{{Text: "first"}, {Text: long}, {Text: long}, {Text: "last\nof all"}}
	cell := notesCell(ns)
	if len(cell) > maxCell || !strings.HasSuffix(cell, NoteSeparator+"last\nof all") || strings.Contains(cell, "first") {
		t.Errorf("cell of %d bytes: %.40q ... %q", len(cell), cell, cell[max(0, len(cell)-20):])
	}
	if got := splitNotes(strings.ReplaceAll(cell, "\n", "\r\n")); len(got) != 2 || got[0] != long || got[1] != "last\nof all" {
		t.Errorf("split into %d notes", len(got))
	}
	if got := notesCell([]notes.Note{{Text: strings.Repeat("长", 20000)}}); len(got) > maxCell || !utf8.ValidString(got) {
		t.Errorf("one long note: %d bytes, valid %v", len(got), utf8.ValidString(got))
	}
}
