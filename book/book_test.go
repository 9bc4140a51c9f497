package book

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/messages"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

var zone = time.FixedZone("CST", 8*3600)

// at returns 10:00 on day s in the shop's zone.
func at(s string) time.Time {
	d := civil.MustParse(s)
	return time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, zone)
}

// clock is a movable clock for a test.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// newBook makes an empty book in t.TempDir() with book.Init alone (a real
// bbolt file, no config file anywhere: XDG_CONFIG_HOME points at an empty
// directory) and opens it with opt, the clock at day.
func newBook(t *testing.T, day string, opt Options) (*Book, *clock) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	c := &clock{at(day)}
	opt.Now = c.now
	b, err := Init(filepath.Join(t.TempDir(), "book.db"), store.Meta{Associate: "Li Na", Currency: "CNY", CountryCode: "86"}, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b, c
}

func client(t *testing.T, b *Book, name, phone string) *profile.Profile {
	t.Helper()
	p := &profile.Profile{Name: name, Phones: []profile.Phone{{Number: phone, Label: "mobile"}}}
	if err := b.AddClient(p); err != nil {
		t.Fatalf("add %s: %v", name, err)
	}
	return p
}

// taskLines lists every task of the book as "client kind due status".
func taskLines(t *testing.T, b *Book) []string {
	t.Helper()
	var out []string
	err := b.View(func(tx *store.Tx) error {
		ts, err := tx.AllTasks()
		for _, tk := range ts {
			s, _ := tx.Summary(tk.ClientID)
			out = append(out, fmt.Sprintf("%s %s %s %s", s.DisplayName(), tk.Kind, tk.DueOn(), tk.Status))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func taskOf(t *testing.T, b *Book, kind tasks.Kind) tasks.Task {
	t.Helper()
	var found tasks.Task
	err := b.View(func(tx *store.Tx) error {
		ts, err := tx.AllTasks()
		for _, tk := range ts {
			if tk.Kind == kind {
				found = tk
			}
		}
		return err
	})
	if err != nil || found.ID == "" {
		t.Fatalf("no %s task (%v)", kind, err)
	}
	return found
}

// TestPurchaseRhythm: a book opened with Open alone runs the 0-3-3-3 rule
// on a purchase.
func TestPurchaseRhythm(t *testing.T) {
	b, _ := newBook(t, "2026-11-02", Options{})
	path := b.Path()
	b.Close()
	b, err := Open(path, Options{Now: func() time.Time { return at("2026-11-02") }})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	p := client(t, b, "王小明", "13800000001")
	if err := b.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.MustParse("2026-11-02"), Amount: 320000, Items: "scarf"}); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"王小明 call_back 2026-11-05 open",
		"王小明 care_message 2026-11-23 open",
		"王小明 service_invite 2027-02-02 open",
		"王小明 thank_you 2026-11-02 open",
	}
	got := taskLines(t, b)
	// The top spender's visit may come with the first purchase of a book;
	// the rhythm is what this test is about.
	got = slices.DeleteFunc(got, func(s string) bool { return strings.Contains(s, "personal_visit") })
	if !slices.Equal(got, want) {
		t.Errorf("tasks after a purchase:\n got %q\nwant %q", got, want)
	}
}

// TestRhythmFromOptions: the rhythm comes from Options.Config, with no
// config file on disk.
func TestRhythmFromOptions(t *testing.T) {
	cfg := config.Default()
	cfg.Rhythm.CallDay = 7
	cfg.Rhythm.CareEveryDays = 10
	b, _ := newBook(t, "2026-11-02", Options{Config: &cfg})
	p := client(t, b, "王小明", "13800000001")
	if err := b.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.MustParse("2026-11-02"), Amount: 100}); err != nil {
		t.Fatal(err)
	}
	if got := taskOf(t, b, tasks.CallBack).Due; got != civil.MustParse("2026-11-09") {
		t.Errorf("call due %s, want 2026-11-09 (call_day 7 from the options)", got)
	}
	if got := taskOf(t, b, tasks.CareMessage).Due; got != civil.MustParse("2026-11-12") {
		t.Errorf("care due %s, want 2026-11-12 (care_every_days 10)", got)
	}
}

// TestTitlesInTheBooksLanguage: the rules title their tasks in Options.Lang.
func TestTitlesInTheBooksLanguage(t *testing.T) {
	b, _ := newBook(t, "2026-11-02", Options{Lang: "zh"})
	p := client(t, b, "王小明", "13800000001")
	if err := b.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.MustParse("2026-11-02"), Amount: 100}); err != nil {
		t.Fatal(err)
	}
	if got := taskOf(t, b, tasks.ThankYou).Title; !strings.Contains(got, "感谢") {
		t.Errorf("thank-you title %q, want Chinese", got)
	}
}

func TestReferral(t *testing.T) {
	b, _ := newBook(t, "2026-11-10", Options{})
	ref := client(t, b, "王小明", "13800000001")
	p := &profile.Profile{Name: "Anne Dubois", Phones: []profile.Phone{{Number: "13800000002"}}, ReferredBy: ref.ID}
	if err := b.AddClient(p); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Anne Dubois introduce 2026-11-17 open",
		"Anne Dubois thank_you 2026-11-10 open",
		"王小明 referral_thanks 2026-11-10 open",
	}
	if got := taskLines(t, b); !slices.Equal(got, want) {
		t.Errorf("tasks after a referral:\n got %q\nwant %q", got, want)
	}
	// Setting the referrer again later thanks nobody twice.
	other := client(t, b, "Chen Jie", "13800000003")
	if _, err := b.UpdateClient(p.ID, func(p *profile.Profile) error { p.ReferredBy = other.ID; return nil }); err != nil {
		t.Fatal(err)
	}
	if got := taskLines(t, b); !slices.Equal(got, want) {
		t.Errorf("tasks after the referrer changed:\n got %q\nwant %q", got, want)
	}
}

func TestDoNotContactCancels(t *testing.T) {
	b, c := newBook(t, "2026-11-02", Options{})
	p := client(t, b, "王小明", "13800000001")
	if err := b.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.MustParse("2026-11-02"), Amount: 100}); err != nil {
		t.Fatal(err)
	}
	c.t = at("2026-11-03")
	if _, err := b.UpdateClient(p.ID, func(p *profile.Profile) error {
		return profile.Set(p, "do_not_contact", "true", c.now())
	}); err != nil {
		t.Fatal(err)
	}
	for _, l := range taskLines(t, b) {
		if strings.HasSuffix(l, " open") {
			t.Errorf("still open after do-not-contact: %s", l)
		}
	}
	// And no contact task can be planned for them.
	err := b.AddTask(&tasks.Task{ClientID: p.ID, Title: "call", Kind: tasks.CallBack, Due: civil.MustParse("2026-11-04")})
	if !errors.Is(err, ErrDoNotContact) || !errors.Is(err, store.ErrDoNotContact) {
		t.Errorf("a call for a do-not-contact client: %v, want ErrDoNotContact", err)
	}
	if _, err := b.LogMessage(p.ID, messages.Care, "hello", "Li Na"); !errors.Is(err, ErrMessageRefused) {
		t.Errorf("a message logged for a do-not-contact client: %v, want ErrMessageRefused", err)
	}
}

func TestTickAndReopen(t *testing.T) {
	b, _ := newBook(t, "2026-11-02", Options{})
	p := client(t, b, "王小明", "13800000001")
	tk := &tasks.Task{ClientID: p.ID, Title: "call about the bracelet", Kind: tasks.CallBack, Due: civil.MustParse("2026-11-02")}
	if err := b.AddTask(tk); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ReopenTask(tk.ID); !errors.Is(err, ErrNotDone) {
		t.Errorf("reopening an open task: %v, want ErrNotDone", err)
	}
	done, err := b.TickTask(tk.ID)
	if err != nil || done.Status != tasks.Done {
		t.Fatalf("tick: %v, %s", err, done.Status)
	}
	if _, err := b.TickTask(tk.ID); !errors.Is(err, ErrTaskClosed) {
		t.Errorf("ticking twice: %v, want ErrTaskClosed", err)
	}
	back, err := b.ReopenTask(tk.ID)
	if err != nil {
		t.Fatal(err)
	}
	if back.Status != tasks.Open || !back.DoneAt.IsZero() {
		t.Errorf("reopened: %s done at %v, want open", back.Status, back.DoneAt)
	}
	// Open again means due again: the due index has it.
	var due []string
	_ = b.View(func(tx *store.Tx) error {
		for _, r := range tx.OpenTaskRefsDueBy(civil.MustParse("2026-11-02")) {
			due = append(due, r.ID)
		}
		return nil
	})
	if !slices.Contains(due, tk.ID) {
		t.Errorf("the reopened task is not among those due: %q", due)
	}
	if _, err := b.TickTask("nosuch"); !errors.Is(err, ErrNoTask) {
		t.Errorf("ticking a missing task: %v, want ErrNoTask", err)
	}
}

// TestCareChain: ticking a care message brings the next; reopening and
// ticking it again brings no second one.
func TestCareChain(t *testing.T) {
	b, _ := newBook(t, "2026-11-02", Options{})
	p := client(t, b, "王小明", "13800000001")
	if err := b.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.MustParse("2026-11-02"), Amount: 100}); err != nil {
		t.Fatal(err)
	}
	care := taskOf(t, b, tasks.CareMessage)
	count := func() int {
		n := 0
		for _, l := range taskLines(t, b) {
			if strings.Contains(l, "care_message") {
				n++
			}
		}
		return n
	}
	if _, err := b.TickTask(care.ID); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Fatalf("%d care messages after a tick, want 2", n)
	}
	if _, err := b.ReopenTask(care.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := b.TickTask(care.ID); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Errorf("%d care messages after reopen and tick, want still 2", n)
	}
}

func TestComplaintNote(t *testing.T) {
	b, _ := newBook(t, "2026-11-02", Options{})
	p := client(t, b, "王小明", "13800000001")
	if err := b.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Complaint, Text: "the heel came loose"}); err != nil {
		t.Fatal(err)
	}
	if tk := taskOf(t, b, tasks.ComplaintFollowUp); len(tk.Checklist) == 0 {
		t.Errorf("the complaint case has no checklist: %+v", tk)
	}
	if err := b.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.General, Text: "  "}); !errors.Is(err, ErrNoteEmpty) {
		t.Errorf("an empty note: %v, want ErrNoteEmpty", err)
	}
}

func TestPhoneTaken(t *testing.T) {
	b, _ := newBook(t, "2026-11-02", Options{})
	first := client(t, b, "王小明", "13800000001")
	second := client(t, b, "Anne Dubois", "13800000002")
	err := b.AddClient(&profile.Profile{Name: "Chen Jie", Phones: []profile.Phone{{Number: "+86 138 0000 0001"}}})
	var e *Error
	if !errors.Is(err, ErrPhoneTaken) || !errors.As(err, &e) || e.ID != first.ID {
		t.Fatalf("a taken phone: %v, want ErrPhoneTaken naming %s", err, first.ID)
	}
	if got := i18n.New("zh").Error(err); !strings.Contains(got, "王小明") || !strings.Contains(got, "已属于") {
		t.Errorf("in Chinese: %q", got)
	}
	_, err = b.UpdateClient(second.ID, func(p *profile.Profile) error {
		p.Phones = append(p.Phones, profile.Phone{Number: "13800000001"})
		return nil
	})
	if !errors.Is(err, ErrPhoneTaken) {
		t.Errorf("an edit taking another's phone: %v, want ErrPhoneTaken", err)
	}
	// Its own number is no conflict.
	if _, err := b.UpdateClient(first.ID, func(p *profile.Profile) error { p.City = "上海"; return nil }); err != nil {
		t.Errorf("an edit keeping the client's own phone: %v", err)
	}
}

// TestThankYouMessageTicks: logging a thank-you message ticks the
// thank-you follow-up due.
func TestThankYouMessageTicks(t *testing.T) {
	b, _ := newBook(t, "2026-11-02", Options{})
	p := client(t, b, "王小明", "13800000001")
	if err := b.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.MustParse("2026-11-02"), Amount: 100}); err != nil {
		t.Fatal(err)
	}
	name, err := b.LogMessage(p.ID, messages.ThankYou, "Thank you\nfor coming", "Li Na")
	if err != nil || name != "王小明" {
		t.Fatalf("log: %q, %v", name, err)
	}
	if tk := taskOf(t, b, tasks.ThankYou); tk.Status != tasks.Done {
		t.Errorf("thank-you follow-up %s after the message, want done", tk.Status)
	}
	if tk := taskOf(t, b, tasks.CallBack); tk.Status != tasks.Open {
		t.Errorf("the call %s, want still open", tk.Status)
	}
	var ns []notes.Note
	_ = b.View(func(tx *store.Tx) error { ns, err = tx.Notes(p.ID); return err })
	if len(ns) != 1 || ns[0].Kind != notes.Message || ns[0].Text != "[thank_you] Thank you for coming" {
		t.Errorf("notes %+v, want the message on one line", ns)
	}
}

func TestChooseClients(t *testing.T) {
	b, _ := newBook(t, "2026-11-02", Options{})
	client(t, b, "王小明", "13800000001")
	client(t, b, "Anne Dubois", "13800000002")
	all, err := b.ChooseClients(Choice{All: true})
	if err != nil || len(all) != 2 {
		t.Fatalf("all: %d, %v", len(all), err)
	}
	found, err := b.ChooseClients(Choice{Query: "anne"})
	if err != nil || len(found) != 1 || found[0].Name != "Anne Dubois" {
		t.Errorf("search: %v, %v", found, err)
	}
	if _, err := b.ChooseClients(Choice{Query: "nobody"}); !errors.Is(err, ErrNoneFound) {
		t.Errorf("a search finding nobody: %v, want ErrNoneFound", err)
	}
	if _, err := b.ChooseClients(Choice{Tier: "Z"}); !errors.Is(err, ErrNoneInTier) {
		t.Errorf("an empty tier: %v, want ErrNoneInTier", err)
	}
}

func TestReadOnlyRefusesWrites(t *testing.T) {
	b, c := newBook(t, "2026-11-02", Options{})
	path := b.Path()
	b.Close()
	ro, err := Open(path, Options{ReadOnly: true, Now: c.now})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	err = ro.AddClient(&profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "13800000001"}}})
	if !errors.Is(err, ErrReadOnly) || !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("a write to a read-only book: %v, want ErrReadOnly", err)
	}
}
