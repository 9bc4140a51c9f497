package handover

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/requests"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
	"github.com/vipbook/vipbook/visits"
)

// testWork is the scrypt work factor of the tests: fast, not safe.
const testWork = 10

const pass = "correct horse battery staple"

// clock is a settable clock for a book.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, time.Local)
	if err != nil {
		panic(err)
	}
	return t
}

func newBook(t *testing.T, associate, storeName string, c *clock) *store.Book {
	t.Helper()
	path := filepath.Join(t.TempDir(), "book.db")
	b, err := store.Init(path, store.Meta{Associate: associate, Store: storeName}, store.Options{Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func bday(m time.Month, d int) []profile.ImportantDate {
	return []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: m, Day: d}}}
}

// giver fills Li Na's book: 王小明 with a full history, Anne who asked not
// to be contacted, 张伟 with neither phone nor e-mail, and 陈静 whom 王小明
// referred.
func giver(t *testing.T) (*store.Book, *clock, map[string]string) {
	c := &clock{at("2026-11-02 10:00")}
	b := newBook(t, "Li Na", "Shanghai IFC", c)
	ids := map[string]string{}
	must(t, b.Update(func(tx *store.Tx) error {
		wxm := &profile.Profile{Name: "王小明", LatinName: "Michael Wang", Phones: []profile.Phone{{Number: "13800138000", Label: "mobile"}},
			City: "上海", Dates: bday(3, 14), Hobbies: []string{"golf"},
			Sizes: []profile.Size{{Category: "shoes", System: "EU", Value: "42", Taken: civil.New(2026, 5, 1)}}}
		must(t, tx.AddClient(wxm))
		anne := &profile.Profile{Name: "Anne Dubois", Email: "anne@example.fr",
			Consent: profile.Consent{DoNotContact: true, RecordedAt: at("2026-10-01 12:00"), How: "asked in store"}}
		must(t, tx.AddClient(anne))
		zw := &profile.Profile{Name: "张伟"}
		must(t, tx.AddClient(zw))
		cj := &profile.Profile{Name: "陈静", Phones: []profile.Phone{{Number: "13900139000"}}, ReferredBy: wxm.ID}
		must(t, tx.AddClient(cj))
		ids["wxm"], ids["anne"], ids["zw"], ids["cj"] = wxm.ID, anne.ID, zw.ID, cj.ID
		for i, text := range []string{"likes navy", "asked about the spring coats", "complained the hem was uneven"} {
			kind := notes.Preference
			if i == 2 {
				kind = notes.Complaint
			}
			must(t, tx.AddNote(&notes.Note{ClientID: wxm.ID, Kind: kind, Text: text, At: at("2026-10-0" + string(rune('1'+i)) + " 15:00")}))
		}
		must(t, tx.AddNote(&notes.Note{ClientID: anne.ID, Kind: notes.General, Text: "prefers to come unannounced"}))
		must(t, tx.AddPurchase(&profile.Purchase{ClientID: wxm.ID, Date: civil.New(2026, 10, 3), Amount: 1280000, Items: "navy coat"}))
		must(t, tx.AddPurchase(&profile.Purchase{ClientID: wxm.ID, Date: civil.New(2026, 6, 1), Amount: 320000, Items: "loafers"}))
		open := &tasks.Task{ClientID: wxm.ID, Title: "call about the hem", Kind: tasks.CallBack, Due: civil.New(2026, 11, 5), Origin: "manual"}
		must(t, tx.AddTask(open))
		ids["task"] = open.ID
		done := &tasks.Task{ClientID: wxm.ID, Title: "thank for the coat", Kind: tasks.ThankYou, Due: civil.New(2026, 10, 3),
			Origin: "rhythm:" + wxm.ID + ":2026-10-03:thank_you", Status: tasks.Done, DoneAt: at("2026-10-03 18:00")}
		must(t, tx.AddTask(done))
		rhythm := &tasks.Task{ClientID: wxm.ID, Title: "care message", Kind: tasks.CareMessage, Due: civil.New(2026, 11, 24),
			Origin: "rhythm:" + wxm.ID + ":2026-10-03:care1"}
		must(t, tx.AddTask(rhythm))
		must(t, tx.AddAppointment(&visits.Appointment{ClientID: wxm.ID, Start: at("2026-11-28 15:00"), Purpose: "hem fitting"}))
		must(t, tx.AddRequest(&requests.Request{ClientID: wxm.ID, What: "the coat in grey, size 50", Status: requests.Sourcing}))
		return nil
	}))
	return b, c, ids
}

// receiver is Wang Fang's book, which already knows 王小明 (another phone
// format, another city, an older profile) and has a note of its own.
func receiver(t *testing.T) (*store.Book, *clock, string) {
	c := &clock{at("2026-10-20 09:00")}
	b := newBook(t, "Wang Fang", "Beijing SKP", c)
	var id string
	must(t, b.Update(func(tx *store.Tx) error {
		p := &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "+86 138 0013 8000"}}, City: "北京", Occupation: "surgeon"}
		must(t, tx.AddClient(p))
		id = p.ID
		return tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Visit, Text: "came with his daughter"})
	}))
	c.t = at("2026-11-10 09:00")
	return b, c, id
}

// dump is everything a book holds, client by client, as JSON.
func dump(t *testing.T, b *store.Book) string {
	t.Helper()
	var out bytes.Buffer
	must(t, b.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		for _, s := range sums {
			p, _ := tx.Client(s.ID)
			ns, _ := tx.Notes(s.ID)
			ps, _ := tx.Purchases(s.ID)
			rec := map[string]any{"profile": p, "summary": s, "notes": ns, "purchases": ps, "tasks": tx.ClientTasks(s.ID),
				"appointments": tx.ClientAppointments(s.ID), "requests": tx.ClientRequests(s.ID)}
			raw, _ := json.Marshal(rec)
			out.Write(raw)
			out.WriteByte('\n')
		}
		all, err := tx.AllTasks()
		raw, _ := json.Marshal(all)
		out.Write(raw)
		return err
	}))
	return out.String()
}

func allIDs(t *testing.T, b *store.Book) []string {
	var ids []string
	must(t, b.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		for _, s := range sums {
			ids = append(ids, s.ID)
		}
		return err
	}))
	return ids
}

func export(t *testing.T, b *store.Book, ids []string, opt ExportOptions) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "handover.age")
	if opt.Passphrase == "" {
		opt.Passphrase = pass
	}
	opt.WorkFactor = testWork
	if _, err := Export(b, ids, path, opt); err != nil {
		t.Fatal(err)
	}
	return path
}

func read(t *testing.T, path, passphrase string) (*Bundle, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Read(f, passphrase)
}

func TestRoundTrip(t *testing.T) {
	a, ac, ids := giver(t)
	b, bc, bWXM := receiver(t)
	ac.t = at("2026-11-12 17:00")
	path := export(t, a, allIDs(t, a), ExportOptions{To: "Wang Fang"})

	if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("bundle file: %v, %v", st, err)
	}
	raw, _ := os.ReadFile(path)
	if bytes.Contains(raw, []byte("王小明")) || bytes.Contains(raw, []byte("13800138000")) {
		t.Fatal("the bundle is not encrypted")
	}

	// The giving book: marked, the open tasks passed on, the owner trail handed on.
	must(t, a.View(func(tx *store.Tx) error {
		s, _ := tx.Summary(ids["wxm"])
		p, _ := tx.Client(ids["wxm"])
		if s.Status != profile.HandedOver || p.HandedOver == nil || p.HandedOver.To != "Wang Fang" || !p.HandedOver.At.Equal(ac.t) {
			t.Errorf("giver's client: status %v, handed over %+v", s.Status, p.HandedOver)
		}
		if len(p.Owners) != 2 || p.Owners[0].To.IsZero() || p.CurrentOwner() != "Wang Fang" {
			t.Errorf("giver's owner trail: %+v", p.Owners)
		}
		for _, tk := range tx.ClientTasks(ids["wxm"]) {
			if tk.IsOpen() {
				t.Errorf("task %q still open in the giving book", tk.Title)
			}
			if tk.Status == tasks.Cancelled && !strings.Contains(tk.Note, "Wang Fang") {
				t.Errorf("cancelled task note = %q", tk.Note)
			}
		}
		return nil
	}))

	bundle, err := read(t, path, pass)
	must(t, err)
	if got := bundle.Counts(); got != (Counts{Clients: 4, Notes: 4, Purchases: 2, Tasks: 2, Appointments: 1, Requests: 1}) {
		t.Fatalf("counts = %+v", got)
	}

	// The preview changes nothing and says what will happen.
	before := dump(t, b)
	bc.t = at("2026-11-13 09:30")
	prev, err := Preview(b, bundle, ImportOptions{})
	must(t, err)
	if dump(t, b) != before {
		t.Fatal("the preview changed the book")
	}
	if prev.New != 3 || prev.Merged != 1 || !prev.DryRun {
		t.Fatalf("preview: %d new, %d merged", prev.New, prev.Merged)
	}
	var wxm Item
	for _, it := range prev.Items {
		if it.SourceID == ids["wxm"] {
			wxm = it
		}
	}
	// Both books fill the home store and the city: Li Na's profile is newer.
	if wxm.ID != bWXM || wxm.By != "phone" || len(wxm.Conflicts) != 2 || wxm.Conflicts[1].Field != "city" ||
		wxm.Conflicts[1].Winner() != "上海" || wxm.Conflicts[0].Field != "home_store" || wxm.Added.Notes != 4 || wxm.Added.Purchases != 2 {
		t.Fatalf("preview of 王小明: %+v", wxm)
	}

	rep, err := Apply(b, bundle, ImportOptions{})
	must(t, err)
	if rep.New != 3 || rep.Merged != 1 || rep.Introduce != 3 {
		t.Fatalf("import: %+v", rep)
	}
	must(t, b.View(func(tx *store.Tx) error {
		if n := tx.ClientCount(); n != 4 {
			t.Errorf("%d clients, want 4 (王小明 merged, not added)", n)
		}
		if got := tx.FindByPhone("13800138000"); len(got) != 1 || got[0] != bWXM {
			t.Errorf("phone finds %v", got)
		}
		p, _ := tx.Client(bWXM)
		if p.City != "上海" || p.Occupation != "surgeon" || p.LatinName != "Michael Wang" || len(p.Sizes) != 1 {
			t.Errorf("merged profile: %+v", p)
		}
		if len(p.History) != 2 || p.History[1].Old != "北京" || p.History[1].New != "上海" || !strings.Contains(p.History[1].Source, "Li Na") {
			t.Errorf("history: %+v", p.History)
		}
		if len(p.Owners) != 3 || p.CurrentOwner() != "Wang Fang" {
			t.Errorf("owner trail: %+v", p.Owners)
		}
		ns, _ := tx.Notes(bWXM)
		if len(ns) != 5 { // 3 from Li Na, his own, the merge note
			t.Errorf("%d notes: %+v", len(ns), ns)
		}
		if !strings.Contains(ns[0].Text, "北京") {
			t.Errorf("newest note should record the replaced city: %q", ns[0].Text)
		}
		ps, _ := tx.Purchases(bWXM)
		sum, _ := tx.Summary(bWXM)
		if len(ps) != 2 || sum.Stats(civil.New(2026, 11, 13)).Total != 1600000 || sum.NoteCount != 5 {
			t.Errorf("purchases %d, summary %+v", len(ps), sum)
		}
		var open, intro int
		for _, tk := range tx.ClientTasks(bWXM) {
			if !tk.IsOpen() {
				t.Errorf("a closed task travelled: %+v", tk)
			}
			if tk.Assignee != "Wang Fang" {
				t.Errorf("task %q assigned to %q", tk.Title, tk.Assignee)
			}
			if tk.Kind == tasks.Introduce {
				intro++
				if tk.Due != civil.New(2026, 11, 16) {
					t.Errorf("introduce due %s", tk.Due)
				}
			}
			if tk.Kind == tasks.CareMessage && tk.Origin != "rhythm:"+bWXM+":2026-10-03:care1" {
				t.Errorf("rhythm origin not rewritten: %q", tk.Origin)
			}
			open++
		}
		if open != 3 || intro != 1 {
			t.Errorf("王小明 has %d open tasks, %d introduce", open, intro)
		}
		if len(tx.ClientAppointments(bWXM)) != 1 || len(tx.ClientRequests(bWXM)) != 1 {
			t.Error("appointment or request missing")
		}
		cj, _ := tx.Client(ids["cj"])
		if cj.ReferredBy != bWXM {
			t.Errorf("referral not mapped: %q", cj.ReferredBy)
		}
		zw, err := tx.Client(ids["zw"])
		if err != nil || zw.CurrentOwner() != "Wang Fang" {
			t.Errorf("张伟 kept his id? %v %+v", err, zw)
		}
		return nil
	}))

	// Importing the same bundle again changes nothing.
	after := dump(t, b)
	bc.t = at("2026-11-14 09:30")
	again, err := Apply(b, bundle, ImportOptions{})
	must(t, err)
	if again.Changes() || again.Unchanged != 4 || again.Conflicts != 0 {
		t.Fatalf("second import: %+v", again)
	}
	if dump(t, b) != after {
		t.Fatal("the second import changed the book")
	}

	// And back: Wang Fang learns something, releases 王小明 to Li Na, who
	// had him archived... here handed over; he comes back active with both
	// histories.
	must(t, b.Update(func(tx *store.Tx) error {
		return tx.AddNote(&notes.Note{ClientID: bWXM, Kind: notes.Size, Text: "now EU 43"})
	}))
	bc.t = at("2026-11-20 18:00")
	back := export(t, b, []string{bWXM}, ExportOptions{To: "Li Na", Release: true})
	must(t, b.View(func(tx *store.Tx) error {
		if _, err := tx.Summary(bWXM); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("the released client is still in the giving book: %v", err)
		}
		if hs := tx.Handovers(); len(hs) == 0 || hs[len(hs)-1].To != "Li Na" || hs[len(hs)-1].Clients != 1 || !hs[len(hs)-1].Released {
			t.Errorf("the giving book's handover lines: %+v", hs)
		}
		return nil
	}))
	bb, err := read(t, back, pass)
	must(t, err)
	ac.t = at("2026-11-21 09:00")
	rep, err = Apply(a, bb, ImportOptions{})
	must(t, err)
	if rep.Merged != 1 || !rep.Items[0].Reactivated || rep.Items[0].ID != ids["wxm"] {
		t.Fatalf("back home: %+v", rep.Items)
	}
	must(t, a.View(func(tx *store.Tx) error {
		s, _ := tx.Summary(ids["wxm"])
		ns, _ := tx.Notes(ids["wxm"])
		// Her 3, his visit, his merge note, his size note.
		if s.Status != profile.Active || len(ns) != 6 {
			t.Errorf("status %v, %d notes", s.Status, len(ns))
		}
		var reopened bool
		for _, tk := range tx.ClientTasks(ids["wxm"]) {
			if tk.ID == ids["task"] && tk.IsOpen() && tk.Assignee == "Li Na" {
				reopened = true
			}
		}
		if !reopened {
			t.Error("the task that went with the client did not come back open")
		}
		return nil
	}))
}

func TestDoNotContactTravels(t *testing.T) {
	a, ac, ids := giver(t)
	b, bc, bWXM := receiver(t)
	// In the receiving book 王小明 has a pending call; in the giving book
	// he asked not to be contacted, later.
	must(t, b.Update(func(tx *store.Tx) error {
		return tx.AddTask(&tasks.Task{ClientID: bWXM, Title: "call about the new season", Kind: tasks.CallBack, Due: civil.New(2026, 11, 15)})
	}))
	must(t, a.Update(func(tx *store.Tx) error {
		p, _ := tx.Client(ids["wxm"])
		p.Consent = profile.Consent{DoNotContact: true, RecordedAt: ac.t, How: "by WeChat"}
		return tx.UpdateClient(p)
	}))
	ac.t = at("2026-11-12 17:00")
	bundle, err := read(t, export(t, a, []string{ids["wxm"], ids["anne"]}, ExportOptions{}), pass)
	must(t, err)
	bc.t = at("2026-11-13 09:00")
	rep, err := Apply(b, bundle, ImportOptions{Lang: "zh"})
	must(t, err)
	if rep.Introduce != 0 {
		t.Errorf("%d introduce tasks for clients who asked not to be contacted", rep.Introduce)
	}
	must(t, b.View(func(tx *store.Tx) error {
		for _, id := range []string{bWXM, ids["anne"]} {
			s, _ := tx.Summary(id)
			if !s.DoNotContact {
				t.Errorf("%s lost do-not-contact", s.Name)
			}
			for _, tk := range tx.ClientTasks(id) {
				if tk.IsOpen() && tk.Kind.IsContact() {
					t.Errorf("%s has an open contact task %q", s.Name, tk.Title)
				}
			}
		}
		return nil
	}))
	// Again: the cancelled tasks are there already; nothing changes.
	after := dump(t, b)
	again, err := Apply(b, bundle, ImportOptions{Lang: "zh"})
	must(t, err)
	if again.Changes() || dump(t, b) != after {
		t.Fatalf("second import: %+v", again.Items)
	}
}

func TestBadBundles(t *testing.T) {
	a, _, _ := giver(t)
	path := export(t, a, allIDs(t, a), ExportOptions{})
	good, _ := os.ReadFile(path)
	write := func(name string, data []byte) string {
		p := filepath.Join(t.TempDir(), name)
		must(t, os.WriteFile(p, data, 0o600))
		return p
	}
	flip := append([]byte(nil), good...)
	flip[len(flip)/2] ^= 0x40
	cases := []struct {
		name string
		path string
		pass string
		want error
	}{
		{"wrong passphrase", path, "wrong horse", ErrWrongPassphrase},
		{"truncated in the middle", write("half.age", good[:len(good)/2]), pass, ErrDamaged},
		{"last bytes missing", write("short.age", good[:len(good)-3]), pass, ErrDamaged},
		{"cut after the header", write("head.age", good[:200]), pass, ErrDamaged},
		{"a byte altered", write("flip.age", flip), pass, ErrDamaged},
		{"not a bundle", write("notes.txt", []byte("hello, this is not a bundle\n")), pass, ErrNotBundle},
		{"empty file", write("empty.age", nil), pass, ErrNotBundle},
	}
	b, _, _ := receiver(t)
	before := dump(t, b)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bundle, err := read(t, c.path, c.pass)
			if !errors.Is(err, c.want) || bundle != nil {
				t.Fatalf("Read = %v, %v; want %v", bundle != nil, err, c.want)
			}
		})
	}
	if dump(t, b) != before {
		t.Fatal("a refused bundle changed the book")
	}
}

func TestDecodeRefuses(t *testing.T) {
	a, _, _ := giver(t)
	var plain bytes.Buffer
	must(t, a.View(func(tx *store.Tx) error {
		bundle, err := Collect(tx, allIDs(t, a), "", tx.Now())
		if err != nil {
			return err
		}
		return Encode(&plain, bundle)
	}))
	lines := strings.SplitAfter(plain.String(), "\n")
	lines = lines[:len(lines)-1] // the empty string after the last newline
	join := func(ls ...[]string) string {
		var s strings.Builder
		for _, l := range ls {
			s.WriteString(strings.Join(l, ""))
		}
		return s.String()
	}
	n := len(lines)
	ni := 0 // the first note, and its client's record before it
	for ni < n && !strings.HasPrefix(lines[ni], `{"note":`) {
		ni++
	}
	ci := ni
	for ci > 0 && !strings.HasPrefix(lines[ci], `{"client":`) {
		ci--
	}
	if ni == n || ci == 0 {
		t.Fatal("the sample bundle has no note")
	}
	cases := []struct {
		name string
		text string
		want error
	}{
		{"no end record", join(lines[:n-1]), ErrDamaged},
		{"a record lost", join(lines[:2], lines[3:]), ErrDamaged},
		{"records after the end", join(lines, lines[1:2]), ErrDamaged},
		{"a note before its client", join(lines[:ci], lines[ni:ni+1], lines[ci:ni], lines[ni+1:]), ErrDamaged},
		{"two types in a record", join(lines[:1], []string{`{"note":{},"client":{}}` + "\n"}, lines[1:]), ErrDamaged},
		{"unknown record type", join(lines[:1], []string{`{"photo":{}}` + "\n"}, lines[1:]), ErrDamaged},
		{"newer version", strings.Replace(plain.String(), `"version":1`, `"version":2`, 1), ErrNewerBundle},
		{"other format", strings.Replace(plain.String(), Format, "something-else", 1), ErrNotBundle},
		{"not json", "PK\x03\x04", ErrNotBundle},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := Decode(strings.NewReader(c.text)); !errors.Is(err, c.want) {
				t.Fatalf("Decode: %v, want %v", err, c.want)
			}
		})
	}
	if _, err := Decode(bytes.NewReader(plain.Bytes())); err != nil {
		t.Fatalf("the untouched plaintext: %v", err)
	}
}

func TestExportRefusesToOverwrite(t *testing.T) {
	a, _, ids := giver(t)
	path := filepath.Join(t.TempDir(), "exists.age")
	must(t, os.WriteFile(path, []byte("keep me"), 0o600))
	before := dump(t, a)
	if _, err := Export(a, []string{ids["wxm"]}, path, ExportOptions{Passphrase: pass, WorkFactor: testWork}); err == nil {
		t.Fatal("overwrote a file")
	}
	if raw, _ := os.ReadFile(path); string(raw) != "keep me" || dump(t, a) != before {
		t.Fatal("a refused export changed the file or the book")
	}
	// Nor is the book marked when the bundle cannot be written.
	if _, err := Export(a, []string{ids["wxm"]}, filepath.Join(t.TempDir(), "no", "such", "dir.age"), ExportOptions{Passphrase: pass, WorkFactor: testWork}); err == nil {
		t.Fatal("exported into a missing directory")
	}
	if dump(t, a) != before {
		t.Fatal("a failed export marked the book")
	}
}

// FuzzRead feeds the bundle reader real bundles, cut and altered: it must
// refuse or read, never panic.
func FuzzRead(f *testing.F) {
	dir := f.TempDir()
	c := &clock{at("2026-11-02 10:00")}
	b, err := store.Init(filepath.Join(dir, "book.db"), store.Meta{Associate: "Li Na"}, store.Options{Now: c.now})
	if err != nil {
		f.Fatal(err)
	}
	defer b.Close()
	err = b.Update(func(tx *store.Tx) error {
		p := &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "13800138000"}}, Dates: bday(3, 14)}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		if err := tx.AddNote(&notes.Note{ClientID: p.ID, Text: "likes navy"}); err != nil {
			return err
		}
		return tx.AddTask(&tasks.Task{ClientID: p.ID, Title: "call", Due: civil.New(2026, 11, 5)})
	})
	if err != nil {
		f.Fatal(err)
	}
	var ids []string
	_ = b.View(func(tx *store.Tx) error {
		sums, _ := tx.Summaries()
		for _, s := range sums {
			ids = append(ids, s.ID)
		}
		return nil
	})
	path := filepath.Join(dir, "seed.age")
	if _, err := Export(b, ids, path, ExportOptions{Passphrase: "fuzz", WorkFactor: 1}); err != nil {
		f.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add(good[:len(good)-1])
	f.Fuzz(func(t *testing.T, data []byte) {
		bundle, err := Read(bytes.NewReader(data), "fuzz")
		if err == nil && bundle == nil {
			t.Fatal("no bundle and no error")
		}
		if err != nil && !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotBundle) && !errors.Is(err, ErrWrongPassphrase) && !errors.Is(err, ErrNewerBundle) {
			t.Fatalf("unexpected error kind: %v", err)
		}
	})
}

// FuzzDecode feeds the plaintext reader (what a passphrase opens) real
// bundle text, cut and altered.
func FuzzDecode(f *testing.F) {
	c := &clock{at("2026-11-02 10:00")}
	b, err := store.Init(filepath.Join(f.TempDir(), "book.db"), store.Meta{Associate: "Li Na"}, store.Options{Now: c.now})
	if err != nil {
		f.Fatal(err)
	}
	defer b.Close()
	var plain bytes.Buffer
	err = b.Update(func(tx *store.Tx) error {
		p := &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "13800138000"}}}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		if err := tx.AddNote(&notes.Note{ClientID: p.ID, Text: "likes navy"}); err != nil {
			return err
		}
		if err := tx.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.New(2026, 10, 3), Amount: 100}); err != nil {
			return err
		}
		bundle, err := Collect(tx, []string{p.ID}, "Wang Fang", tx.Now())
		if err != nil {
			return err
		}
		return Encode(&plain, bundle)
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(plain.Bytes())
	f.Add(plain.Bytes()[:plain.Len()/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		bundle, err := Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		// What decodes must encode and decode to the same counts.
		var again bytes.Buffer
		if err := Encode(&again, bundle); err != nil {
			t.Fatal(err)
		}
		b2, err := Decode(&again)
		if err != nil {
			t.Fatalf("re-encoded bundle refused: %v", err)
		}
		if b2.Counts() != bundle.Counts() {
			t.Fatalf("counts %+v then %+v", bundle.Counts(), b2.Counts())
		}
	})
}

// TestApplyFile imports while reading: the same result as Apply, the
// referrer mapped though it comes after the client it referred, and a
// damaged file or a wrong passphrase leaves the book as it was.
func TestApplyFile(t *testing.T) {
	a, ac, ids := giver(t)
	ac.t = at("2026-11-12 17:00")
	// 陈静 first, then 王小明 who referred her.
	path := export(t, a, []string{ids["cj"], ids["wxm"], ids["anne"]}, ExportOptions{To: "Wang Fang"})
	good, _ := os.ReadFile(path)
	b, bc, bWXM := receiver(t)
	bc.t = at("2026-11-13 09:30")
	before := dump(t, b)

	for _, c := range []struct {
		name string
		data []byte
		pass string
		want error
	}{
		{"cut", good[:len(good)-5], pass, ErrDamaged},
		{"cut in the middle", good[:len(good)/2], pass, ErrDamaged},
		{"wrong passphrase", good, "nope", ErrWrongPassphrase},
		{"not a bundle", []byte("name,phone\n"), pass, ErrNotBundle},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep, err := ApplyFile(b, bytes.NewReader(c.data), c.pass, ImportOptions{}, false)
			if !errors.Is(err, c.want) || rep != nil {
				t.Fatalf("ApplyFile = %v, %v; want %v", rep, err, c.want)
			}
			if dump(t, b) != before {
				t.Fatal("a refused bundle changed the book")
			}
		})
	}

	prev, err := ApplyFile(b, bytes.NewReader(good), pass, ImportOptions{}, true)
	must(t, err)
	if !prev.DryRun || prev.New != 2 || prev.Merged != 1 || dump(t, b) != before {
		t.Fatalf("dry run: %+v", prev)
	}
	rep, err := ApplyFile(b, bytes.NewReader(good), pass, ImportOptions{}, false)
	must(t, err)
	if rep.New != 2 || rep.Merged != 1 || rep.Introduce != 2 {
		t.Fatalf("import: %+v", rep)
	}
	must(t, b.View(func(tx *store.Tx) error {
		cj, err := tx.Client(ids["cj"])
		if err != nil || cj.ReferredBy != bWXM {
			t.Errorf("referral: %v %q, want %q", err, cj.ReferredBy, bWXM)
		}
		for _, tk := range tx.ClientTasks(bWXM) {
			if tk.Kind == tasks.CareMessage && tk.Origin != "rhythm:"+bWXM+":2026-10-03:care1" {
				t.Errorf("origin %q", tk.Origin)
			}
		}
		return nil
	}))
	after := dump(t, b)
	again, err := ApplyFile(b, bytes.NewReader(good), pass, ImportOptions{}, false)
	must(t, err)
	if again.Changes() || dump(t, b) != after {
		t.Fatalf("second import changed the book: %+v", again)
	}
}

// TestSharedPhoneStaysTwo: a couple sharing the home phone are two clients
// in the giving book and stay two in the receiving one, which knows the
// husband by that phone; importing again changes nothing.
func TestSharedPhoneStaysTwo(t *testing.T) {
	c := &clock{at("2026-11-02 10:00")}
	a := newBook(t, "Li Na", "", c)
	var ids []string
	must(t, a.Update(func(tx *store.Tx) error {
		for _, name := range []string{"王建国", "刘美玲"} {
			p := &profile.Profile{Name: name, Phones: []profile.Phone{{Number: "021 6234 5678", Label: "home"}}}
			if err := tx.AddClient(p); err != nil {
				return err
			}
			ids = append(ids, p.ID)
		}
		return nil
	}))
	b, bc, _ := receiver(t)
	var husband string
	must(t, b.Update(func(tx *store.Tx) error {
		p := &profile.Profile{Name: "王建国", Phones: []profile.Phone{{Number: "+86 21 6234 5678"}}}
		err := tx.AddClient(p)
		husband = p.ID
		return err
	}))
	bundle, err := read(t, export(t, a, ids, ExportOptions{}), pass)
	must(t, err)
	bc.t = at("2026-11-13 09:00")
	rep, err := Apply(b, bundle, ImportOptions{})
	must(t, err)
	if rep.Merged != 1 || rep.New != 1 || rep.Items[0].ID != husband || rep.Items[1].ID == husband {
		t.Fatalf("import: %d merged, %d new: %+v", rep.Merged, rep.New, rep.Items)
	}
	if len(rep.Items[1].Others) == 0 || rep.Items[1].Others[0] != husband {
		t.Errorf("the wife's item should name the client she resembles: %+v", rep.Items[1])
	}
	after := dump(t, b)
	again, err := Apply(b, bundle, ImportOptions{})
	must(t, err)
	if again.Changes() || dump(t, b) != after {
		t.Fatalf("second import: %+v", again.Items)
	}
}

// The notes, task titles and history source a handover writes are worded
// by the catalog in the book's language.
func TestStoredWordsInBookLanguage(t *testing.T) {
	a, ac, _ := giver(t)
	b, bc, bWXM := receiver(t)
	ac.t = at("2026-11-12 17:00")
	bundle, err := read(t, export(t, a, allIDs(t, a), ExportOptions{To: "Wang Fang"}), pass)
	must(t, err)
	bc.t = at("2026-11-13 09:30")
	_, err = Apply(b, bundle, ImportOptions{Lang: "zh"})
	must(t, err)
	must(t, b.View(func(tx *store.Tx) error {
		ns, _ := tx.Notes(bWXM)
		if len(ns) == 0 || !strings.Contains(ns[0].Text, "转交的资料合并。旧的值保存在历史中：") || !strings.Contains(ns[0].Text, "北京（现为上海）") {
			t.Errorf("merge note not in Chinese: %q", ns[0].Text)
		}
		p, _ := tx.Client(bWXM)
		if len(p.History) < 2 || !strings.HasPrefix(p.History[1].Source, "由") || !strings.HasSuffix(p.History[1].Source, "转交") {
			t.Errorf("history source not in Chinese: %+v", p.History)
		}
		intro := 0
		for _, tk := range tx.ClientTasks(bWXM) {
			if tk.Kind == tasks.Introduce {
				intro++
				if !strings.HasPrefix(tk.Title, "向王小明介绍自己（") {
					t.Errorf("introduce title not in Chinese: %q", tk.Title)
				}
			}
		}
		if intro != 1 {
			t.Errorf("%d introduce tasks", intro)
		}
		return nil
	}))
}
