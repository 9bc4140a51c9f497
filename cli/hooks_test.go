package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// day returns 10:00 on the day s in the golden zone: the pinned clock of a
// step of a rules test.
func day(s string) time.Time {
	d := civil.MustParse(s)
	return time.Date(d.Year, d.Month, d.Day, 10, 0, 0, 0, goldenZone)
}

// step is one command of a rules test, run with the clock at At.
type step struct {
	At   string
	Args []string
}

func runAt(book string, now time.Time, args ...string) (string, string, error) {
	var out, errOut bytes.Buffer
	a := &App{Now: func() time.Time { return now }, Stdout: &out, Stderr: &errOut, WorkFactor: testWorkFactor}
	root := NewRoot(a)
	root.SetArgs(append([]string{"--book", book, "--lang", "en"}, args...))
	root.SetOut(&out)
	root.SetErr(&errOut)
	err := root.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

// rulesBook makes an empty book in a temporary directory, with a config
// directory of its own (so the machine's config does not leak in), and
// runs the steps on it.
func rulesBook(t *testing.T, steps ...step) string {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	book := filepath.Join(t.TempDir(), "book.db")
	steps = append([]step{{"2026-01-05", []string{"init", "--associate", "Li Na", "--store", "Shanghai IFC"}}}, steps...)
	for _, s := range steps {
		if _, errOut, err := runAt(book, day(s.At), s.Args...); err != nil {
			t.Fatalf("%s vipbook %s: %v\n%s", s.At, strings.Join(s.Args, " "), err, errOut)
		}
	}
	return book
}

// taskLines lists every task of the book as "client kind due status",
// sorted, with the client by name.
func taskLines(t *testing.T, book string) []string {
	t.Helper()
	b, err := store.Open(book, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var out []string
	err = b.View(func(tx *store.Tx) error {
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

func add(name, phone string, more ...string) []string {
	return append([]string{"add", name, "--phone", phone}, more...)
}

func TestRules(t *testing.T) {
	wang := add("王小明", "13800000001")
	rhythm := []string{
		"王小明 call_back 2026-11-05 open",
		"王小明 care_message 2026-11-23 open",
		"王小明 service_invite 2027-02-02 open",
		"王小明 thank_you 2026-11-02 open",
	}
	tests := []struct {
		name  string
		steps []step
		want  []string
	}{
		{"a purchase starts the 0-3-3-3 rhythm",
			[]step{{"2026-11-01", wang}, {"2026-11-02", []string{"buy", "王小明", "3200", "--items", "silk scarf"}}},
			rhythm},
		{"a second purchase the same day adds nothing",
			[]step{{"2026-11-01", wang}, {"2026-11-02", []string{"buy", "王小明", "3200"}}, {"2026-11-02", []string{"buy", "王小明", "800"}}},
			rhythm},
		{"the same purchase typed in again later adds nothing",
			[]step{{"2026-11-01", wang}, {"2026-11-02", []string{"buy", "王小明", "3200"}}, {"2026-11-04", []string{"buy", "王小明", "3200", "--date", "2026-11-02"}}},
			rhythm},
		{"a purchase typed in late leaves out the steps whose moment has passed",
			[]step{{"2026-11-01", wang}, {"2026-11-20", []string{"buy", "王小明", "3200", "--date", "2026-11-02"}}},
			[]string{"王小明 care_message 2026-11-23 open", "王小明 service_invite 2027-02-02 open"}},
		{"an old purchase imported gives only what is still ahead: the next care message of its year",
			[]step{{"2026-01-05", wang}, {"2026-11-20", []string{"buy", "王小明", "3200", "--date", "2026-01-10"}}},
			[]string{"王小明 care_message 2026-11-21 open"}},
		{"a ticked care message brings the next three weeks on",
			[]step{{"2026-11-01", wang}, {"2026-11-02", []string{"buy", "王小明", "3200"}}, {"2026-11-23", []string{"task", "done", "@care_message"}}},
			[]string{
				"王小明 call_back 2026-11-05 open",
				"王小明 care_message 2026-11-23 done",
				"王小明 care_message 2026-12-14 open",
				"王小明 service_invite 2027-02-02 open",
				"王小明 thank_you 2026-11-02 open",
			}},
		{"a care message ticked late does not pile up: the next is three weeks after the tick",
			[]step{{"2026-11-01", wang}, {"2026-11-02", []string{"buy", "王小明", "3200"}}, {"2026-12-20", []string{"task", "done", "@care_message"}}},
			[]string{
				"王小明 call_back 2026-11-05 open",
				"王小明 care_message 2026-11-23 done",
				"王小明 care_message 2027-01-10 open",
				"王小明 service_invite 2027-02-02 open",
				"王小明 thank_you 2026-11-02 open",
			}},
		{"a cancelled care message ends the chain",
			[]step{{"2026-11-01", wang}, {"2026-11-02", []string{"buy", "王小明", "3200"}}, {"2026-11-23", []string{"task", "cancel", "@care_message"}}},
			[]string{
				"王小明 call_back 2026-11-05 open",
				"王小明 care_message 2026-11-23 cancelled",
				"王小明 service_invite 2027-02-02 open",
				"王小明 thank_you 2026-11-02 open",
			}},
		{"after a newer purchase the old chain stops: the new rhythm takes over",
			[]step{{"2026-11-01", wang}, {"2026-11-02", []string{"buy", "王小明", "3200"}}, {"2026-11-20", []string{"buy", "王小明", "900"}},
				{"2026-11-23", []string{"task", "done", "@care_message"}}},
			[]string{
				"王小明 call_back 2026-11-05 open",
				"王小明 call_back 2026-11-23 open",
				"王小明 care_message 2026-11-23 done",
				"王小明 care_message 2026-12-11 open",
				"王小明 service_invite 2027-02-02 open",
				"王小明 service_invite 2027-02-20 open",
				"王小明 thank_you 2026-11-02 open",
				"王小明 thank_you 2026-11-20 open",
			}},
		{"a referral thanks both the same day and follows up within a week",
			[]step{{"2026-11-01", wang}, {"2026-11-10", add("Anne Dubois", "13800000002", "--referred-by", "王小明")}},
			[]string{
				"Anne Dubois introduce 2026-11-17 open",
				"Anne Dubois thank_you 2026-11-10 open",
				"王小明 referral_thanks 2026-11-10 open",
			}},
		{"a referrer who may not be contacted is not thanked",
			[]step{{"2026-11-01", wang}, {"2026-11-01", []string{"edit", "王小明", "--set", "do_not_contact=true"}},
				{"2026-11-10", add("Anne Dubois", "13800000002", "--referred-by", "王小明")}},
			[]string{
				"Anne Dubois introduce 2026-11-17 open",
				"Anne Dubois thank_you 2026-11-10 open",
			}},
		{"a complaint note opens a case due that day",
			[]step{{"2026-11-01", wang}, {"2026-11-12", []string{"note", "王小明", "--kind", "complaint", "the heel came loose"}}},
			[]string{"王小明 complaint_follow_up 2026-11-12 open"}},
		{"other notes open nothing",
			[]step{{"2026-11-01", wang}, {"2026-11-12", []string{"note", "王小明", "--kind", "preference", "likes jade"}}},
			nil},
		{"do-not-contact cancels the pending contact tasks and keeps the complaint case",
			[]step{{"2026-11-01", wang}, {"2026-11-02", []string{"buy", "王小明", "3200"}}, {"2026-11-03", []string{"task", "done", "@thank_you"}},
				{"2026-11-03", []string{"note", "王小明", "--kind", "complaint", "too many messages"}},
				{"2026-11-04", []string{"edit", "王小明", "--set", "do_not_contact=true"}}},
			[]string{
				"王小明 call_back 2026-11-05 cancelled",
				"王小明 care_message 2026-11-23 cancelled",
				"王小明 complaint_follow_up 2026-11-03 open",
				"王小明 service_invite 2027-02-02 cancelled",
				"王小明 thank_you 2026-11-02 done",
			}},
		{"a client who may not be contacted gets no rhythm",
			[]step{{"2026-11-01", wang}, {"2026-11-01", []string{"edit", "王小明", "--set", "do_not_contact=true"}},
				{"2026-11-02", []string{"buy", "王小明", "3200"}}},
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			book := rulesBook(t)
			for _, s := range tt.steps {
				args := slices.Clone(s.Args)
				// "@kind" stands for the id of the client's open task of that kind.
				for i, a := range args {
					if k, ok := strings.CutPrefix(a, "@"); ok {
						args[i] = openTaskID(t, book, tasks.Kind(k))
					}
				}
				if _, errOut, err := runAt(book, day(s.At), args...); err != nil {
					t.Fatalf("%s vipbook %s: %v\n%s", s.At, strings.Join(args, " "), err, errOut)
				}
			}
			if got := taskLines(t, book); !slices.Equal(got, tt.want) {
				t.Errorf("tasks:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// openTaskID returns the id of the first open task of kind.
func openTaskID(t *testing.T, book string, kind tasks.Kind) string {
	t.Helper()
	b, err := store.Open(book, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var id string
	_ = b.View(func(tx *store.Tx) error {
		ts, err := tx.OpenTasksDueBy(civil.Date{})
		for _, tk := range ts {
			if tk.Kind == kind && id == "" {
				id = tk.ID
			}
		}
		return err
	})
	if id == "" {
		t.Fatalf("no open %s task", kind)
	}
	return id
}

func TestRulesComplaintChecklist(t *testing.T) {
	book := rulesBook(t, step{"2026-11-01", add("王小明", "13800000001")},
		step{"2026-11-12", []string{"note", "王小明", "--kind", "complaint", "the heel came loose"}})
	id := openTaskID(t, book, tasks.ComplaintFollowUp)
	b, err := store.Open(book, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	_ = b.View(func(tx *store.Tx) error {
		tk, err := tx.Task(id)
		if err != nil {
			t.Fatal(err)
		}
		var steps []string
		for _, c := range tk.Checklist {
			steps = append(steps, c.Text)
		}
		want := []string{"Listen and empathise", "Talk it through", "Apologise sincerely", "Analyse and restate the problem",
			"Explain", "Resolve fairly", "Compensate (a small gift)", "Confirm satisfaction and thank"}
		if !slices.Equal(steps, want) {
			t.Errorf("checklist %q, want the eight steps %q", steps, want)
		}
		if tk.Note != "the heel came loose" {
			t.Errorf("note %q, want the complaint's text", tk.Note)
		}
		return nil
	})
}

// TestRulesReferralSetLater sets who referred a client on an existing
// client (as a handover or an edit does): the referrer is thanked once.
func TestRulesReferralSetLater(t *testing.T) {
	book := rulesBook(t, step{"2026-11-01", add("王小明", "13800000001")}, step{"2026-11-01", add("Anne Dubois", "13800000002")},
		step{"2026-11-01", add("Chen Jie", "13800000003")})
	now := day("2026-11-10")
	b, err := vb.Open(book, vb.Options{Lang: "en", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	idOf := func(phone string) (id string) {
		_ = b.View(func(tx *store.Tx) error { id = tx.FindByPhone(phone)[0]; return nil })
		return id
	}
	refer := func(who, by string) {
		_, err := b.UpdateClient(idOf(who), func(p *profile.Profile) error { p.ReferredBy = idOf(by); return nil })
		if err != nil {
			t.Fatal(err)
		}
	}
	refer("13800000002", "13800000001")
	refer("13800000002", "13800000003") // corrected: nobody is thanked twice
	b.Close()
	want := []string{
		"Anne Dubois introduce 2026-11-17 open",
		"Anne Dubois thank_you 2026-11-10 open",
		"王小明 referral_thanks 2026-11-10 open",
	}
	if got := taskLines(t, book); !slices.Equal(got, want) {
		t.Errorf("tasks:\n got %q\nwant %q", got, want)
	}
}

// TestRulesSamePurchaseTwice adds a purchase, then the same purchase (same
// id, as a re-import brings it) again: refused, and no task is added.
func TestRulesSamePurchaseTwice(t *testing.T) {
	book := rulesBook(t, step{"2026-11-01", add("王小明", "13800000001")})
	now := day("2026-11-02")
	b, err := vb.Open(book, vb.Options{Lang: "en", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	var id string
	_ = b.View(func(tx *store.Tx) error { id = tx.FindByPhone("13800000001")[0]; return nil })
	buy := func() error {
		return b.AddPurchase(&profile.Purchase{ID: "p0000000001", ClientID: id, Date: civil.MustParse("2026-11-02"), Amount: 320000})
	}
	if err := buy(); err != nil {
		t.Fatal(err)
	}
	if err := buy(); err == nil {
		t.Error("the same purchase was added twice")
	}
	b.Close()
	if got := taskLines(t, book); len(got) != 4 {
		t.Errorf("got %d tasks, want the 4 of one rhythm: %q", len(got), got)
	}
}

func TestRulesTopSpender(t *testing.T) {
	var steps []step
	for i := range 10 {
		phone := fmt.Sprintf("1380000%04d", i)
		steps = append(steps, step{"2026-01-05", add(fmt.Sprintf("Client %d", i), phone)},
			step{"2026-01-05", []string{"edit", phone, "--set", "do_not_contact=true"}}, // keep the rhythm out of the way
			step{"2026-06-01", []string{"buy", phone, fmt.Sprint(1000 * (i + 1))}})
	}
	// Client 9 (10,000) is the top spender; Client 3 (4,000) overtakes with 7,000 more.
	steps = append(steps, step{"2026-11-01", []string{"edit", "13800000003", "--set", "do_not_contact=false"}})
	book := rulesBook(t, steps...)
	buy := func(at, amount string) {
		if _, errOut, err := runAt(book, day(at), "buy", "13800000003", amount); err != nil {
			t.Fatalf("buy: %v %s", err, errOut)
		}
	}
	visits := func() []string {
		var out []string
		for _, l := range taskLines(t, book) {
			if strings.Contains(l, "personal_visit") {
				out = append(out, l)
			}
		}
		return out
	}
	buy("2026-11-02", "5000") // 9,000: not yet the top
	if v := visits(); len(v) != 0 {
		t.Fatalf("a visit before the client is the top spender: %q", v)
	}
	buy("2026-11-02", "2000") // 11,000: the top, on the cached standing of the day
	want := []string{"Client 3 personal_visit 2026-11-09 open"}
	if v := visits(); !slices.Equal(v, want) {
		t.Fatalf("visits %q, want %q", v, want)
	}
	buy("2026-11-20", "500") // still the top, the ranking redone on a new day: no second visit this year
	if v := visits(); !slices.Equal(v, want) {
		t.Errorf("after another purchase: visits %q, want %q", v, want)
	}
}

// TestRulesTopSpenderNeedsTheMinimum: the year's leader gets no visit
// until their spend reaches rhythm.top_spender_min (10,000 by default).
func TestRulesTopSpenderNeedsTheMinimum(t *testing.T) {
	book := rulesBook(t, step{"2026-11-01", add("王小明", "13800000001")},
		step{"2026-11-02", []string{"buy", "王小明", "5000"}})
	for _, l := range taskLines(t, book) {
		if strings.Contains(l, "personal_visit") {
			t.Errorf("a leader of 5,000, under the minimum, was made top spender: %s", l)
		}
	}
}

func TestRulesConfig(t *testing.T) {
	t.Run("intervals from the config file", func(t *testing.T) {
		book := rulesBook(t, step{"2026-11-01", add("王小明", "13800000001")})
		cfg := "[rhythm]\ncall_day = 2\ncare_every_days = 14\nservice_invite_months = 6\n"
		writeConfig(t, cfg)
		if _, errOut, err := runAt(book, day("2026-11-02"), "buy", "王小明", "3200"); err != nil {
			t.Fatal(err, errOut)
		}
		want := []string{
			"王小明 call_back 2026-11-04 open",
			"王小明 care_message 2026-11-16 open",
			"王小明 service_invite 2027-05-02 open",
			"王小明 thank_you 2026-11-02 open",
		}
		if got := taskLines(t, book); !slices.Equal(got, want) {
			t.Errorf("tasks:\n got %q\nwant %q", got, want)
		}
	})
	t.Run("--config names the file, the default one is not read", func(t *testing.T) {
		book := rulesBook(t, step{"2026-11-01", add("王小明", "13800000001")})
		writeConfig(t, "[rhythm]\ncall_day = three\n") // broken: must not be read
		other := filepath.Join(t.TempDir(), "shop.toml")
		if err := os.WriteFile(other, []byte("[rhythm]\ncall_day = 5\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, errOut, err := runAt(book, day("2026-11-02"), "--config", other, "buy", "王小明", "3200"); err != nil {
			t.Fatal(err, errOut)
		}
		if got := taskLines(t, book); !slices.Contains(got, "王小明 call_back 2026-11-07 open") {
			t.Errorf("call_day 5 from --config not applied: %q", got)
		}
	})
	t.Run("care_max ends the chain", func(t *testing.T) {
		book := rulesBook(t, step{"2026-11-01", add("王小明", "13800000001")}, step{"2026-11-02", []string{"buy", "王小明", "3200"}})
		writeConfig(t, "[rhythm]\ncare_max = 1\n")
		if _, errOut, err := runAt(book, day("2026-11-23"), "task", "done", openTaskID(t, book, tasks.CareMessage)); err != nil {
			t.Fatal(err, errOut)
		}
		for _, l := range taskLines(t, book) {
			if strings.Contains(l, "care_message") && strings.HasSuffix(l, "open") {
				t.Errorf("a care message after care_max: %s", l)
			}
		}
	})
	t.Run("a broken config file refuses the purchase and changes nothing", func(t *testing.T) {
		book := rulesBook(t, step{"2026-11-01", add("王小明", "13800000001")})
		writeConfig(t, "[rhythm]\ncall_day = three\n")
		_, _, err := runAt(book, day("2026-11-02"), "buy", "王小明", "3200")
		if err == nil || !strings.Contains(err.Error(), "config") {
			t.Fatalf("err = %v, want the config file's error", err)
		}
		out, _, _ := runAt(book, day("2026-11-02"), "show", "王小明")
		if strings.Contains(out, "3,200") || len(taskLines(t, book)) != 0 {
			t.Errorf("the refused purchase left something in the book:\n%s", out)
		}
	})
}

// writeConfig writes the config file in the test's config directory.
func writeConfig(t *testing.T, content string) {
	t.Helper()
	dir := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "vipbook")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestTaskChecklist(t *testing.T) {
	t.Setenv("COLUMNS", "200") // task list's titles whole
	book := rulesBook(t, step{"2026-11-01", add("王小明", "13800000001")},
		step{"2026-11-12", []string{"note", "王小明", "--kind", "complaint", "the heel came loose"}})
	id := openTaskID(t, book, tasks.ComplaintFollowUp)
	now := day("2026-11-12")
	if _, errOut, err := runAt(book, now, "task", "check", id, "1", "3"); err != nil {
		t.Fatal(err, errOut)
	}
	out, _, err := runAt(book, now, "task", "show", id)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[x] 1. Listen and empathise", "[ ] 2. Talk it through", "[x] 3. Apologise sincerely",
		"[ ] 8. Confirm satisfaction and thank", "Note     the heel came loose", "[2/8 steps]"} {
		if !strings.Contains(out, want) {
			t.Errorf("task show lacks %q:\n%s", want, out)
		}
	}
	if out, _, _ := runAt(book, now, "task", "list"); !strings.Contains(out, "Complaint: work through the eight steps [2/8 steps]") {
		t.Errorf("task list:\n%s", out)
	}
	if out, _, _ := runAt(book, now, "show", "王小明"); !strings.Contains(out, "[x] 3. Apologise sincerely") {
		t.Errorf("show lacks the checklist:\n%s", out)
	}
	_, _, err = runAt(book, now, "task", "check", id, "9")
	if err == nil || !strings.Contains(err.Error(), "from 1 to 8") {
		t.Errorf("step 9: err = %v", err)
	}
}
