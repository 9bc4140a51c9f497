package book

import (
	"slices"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/i18n"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// cardConfig is the default configuration with the department store's
// card scheme in use.
func cardConfig() *config.Config {
	cfg := config.Default()
	cfg.Tiers.Scheme = "department_store"
	return &cfg
}

// cardTasks lists every card follow-up of the book as "due status
// origin-tail", oldest first.
func cardTasks(t *testing.T, b *Book) []string {
	t.Helper()
	var out []string
	for _, tk := range allTasks(t, b) {
		if tk.Kind == tasks.CardRenewal {
			parts := strings.Split(tk.Origin, ":")
			out = append(out, tk.DueOn().String()+" "+string(tk.Status)+" "+parts[2]+":"+parts[3])
		}
	}
	slices.Sort(out)
	return out
}

func allTasks(t *testing.T, b *Book) []tasks.Task {
	t.Helper()
	var ts []tasks.Task
	if err := b.View(func(tx *store.Tx) (err error) { ts, err = tx.AllTasks(); return err }); err != nil {
		t.Fatal(err)
	}
	return ts
}

// reopen closes b and opens it again on the same file (CatchUp runs).
func reopen(t *testing.T, b *Book, clk *clock, opt Options) *Book {
	t.Helper()
	path := b.Path()
	b.Close()
	opt.Now = clk.now
	nb, err := Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nb.Close() })
	return nb
}

// TestPoint3CardFollowUp: issue 12 point 3, the card that lapses makes a
// follow-up. A gold (middle) card earned with one 7,000 day on 2025-09-15
// lapses on 2026-09-15 unless 10,000 is spent in its year: a follow-up
// invites the client back from 2026-08-15, made once however often the
// book is opened; a renewal closes it (the renewed card gets the next);
// a lapse closes it and the entry card left gets its own.
func TestPoint3CardFollowUp(t *testing.T) {
	opt := Options{Config: cardConfig()}
	buy := func(t *testing.T, b *Book, id, day string, yuan int64) {
		t.Helper()
		if err := b.AddPurchase(&profile.Purchase{ClientID: id, Date: civil.MustParse(day), Amount: profile.Money(yuan * 100)}); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("made once, titled, due 30 days before", func(t *testing.T) {
		b, clk := newBook(t, "2025-09-15", opt)
		p := client(t, b, "王小明", "13800000001")
		buy(t, b, p.ID, "2025-09-15", 7000)
		want := []string{"2026-08-15 open middle:2026-09-14"}
		if got := cardTasks(t, b); !slices.Equal(got, want) {
			t.Fatalf("card follow-ups\n got %q\nwant %q", got, want)
		}
		for _, day := range []string{"2026-01-01", "2026-08-15", "2026-08-20"} {
			clk.t = at(day)
			b = reopen(t, b, clk, opt)
			if got := cardTasks(t, b); !slices.Equal(got, want) {
				t.Fatalf("%s: card follow-ups\n got %q\nwant %q", day, got, want)
			}
		}
		var tk tasks.Task
		for _, x := range allTasks(t, b) {
			if x.Kind == tasks.CardRenewal {
				tk = x
			}
		}
		if tk.Phrase == nil || tk.Phrase.Code != string(i18n.TitleCardLapsing) {
			t.Fatalf("the follow-up keeps no phrase: %+v", tk)
		}
		if got := i18n.New("en").TaskTitle(&tk); got != "Invite back before the Gold card lapses: it needs 10,000 CNY by 2026-09-14 to be kept" {
			t.Errorf("en title %q", got)
		}
		if got := i18n.New("zh").TaskTitle(&tk); got != "邀请回店：金卡须在 2026-09-14 前累计满 10,000 CNY 才能保留" {
			t.Errorf("zh title %q", got)
		}
	})
	t.Run("a renewal closes it; the renewed card gets the next", func(t *testing.T) {
		b, clk := newBook(t, "2025-09-15", opt)
		p := client(t, b, "王小明", "13800000001")
		buy(t, b, p.ID, "2025-09-15", 7000)
		clk.t = at("2026-08-20")
		buy(t, b, p.ID, "2026-08-20", 2000) // 9,000: not yet
		if got, want := cardTasks(t, b), []string{"2026-08-15 open middle:2026-09-14"}; !slices.Equal(got, want) {
			t.Fatalf("after 9,000: %q, want %q", got, want)
		}
		buy(t, b, p.ID, "2026-08-20", 1000) // 10,000 in its year: renewed to 2027-09-14
		want := []string{"2026-08-15 cancelled middle:2026-09-14", "2027-08-15 open middle:2027-09-14"}
		if got := cardTasks(t, b); !slices.Equal(got, want) {
			t.Fatalf("after the renewal\n got %q\nwant %q", got, want)
		}
		for _, x := range allTasks(t, b) {
			if x.Kind == tasks.CardRenewal && x.Status == tasks.Cancelled && !strings.Contains(i18n.New("zh").TaskNote(x.Note), "已保留") {
				t.Errorf("the closed follow-up does not say the card was kept: %q", x.Note)
			}
		}
	})
	t.Run("a lapse closes it; the entry card left gets its own", func(t *testing.T) {
		b, clk := newBook(t, "2025-09-15", opt)
		p := client(t, b, "王小明", "13800000001")
		buy(t, b, p.ID, "2025-09-15", 7000)
		clk.t = at("2026-09-15")
		b = reopen(t, b, clk, opt)
		want := []string{"2026-08-15 cancelled middle:2026-09-14", "2027-07-01 open entry:2027-07-31"}
		if got := cardTasks(t, b); !slices.Equal(got, want) {
			t.Fatalf("after the lapse\n got %q\nwant %q", got, want)
		}
	})
	t.Run("a book that met the scheme late: every card holder once", func(t *testing.T) {
		b, clk := newBook(t, "2025-09-15", Options{})
		p := client(t, b, "王小明", "13800000001")
		q := client(t, b, "李华", "13800000002")
		buy(t, b, p.ID, "2025-09-15", 7000)
		buy(t, b, q.ID, "2025-09-15", 300) // no card
		if got := cardTasks(t, b); len(got) != 0 {
			t.Fatalf("follow-ups under the pyramid: %q", got)
		}
		clk.t = at("2025-10-01")
		b = reopen(t, b, clk, opt)
		want := []string{"2026-08-15 open middle:2026-09-14"}
		if got := cardTasks(t, b); !slices.Equal(got, want) {
			t.Fatalf("after the scheme was chosen\n got %q\nwant %q", got, want)
		}
	})
	t.Run("a do-not-contact client gets none", func(t *testing.T) {
		b, _ := newBook(t, "2025-09-15", opt)
		p := &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "13800000001"}}, Consent: profile.Consent{DoNotContact: true}}
		if err := b.AddClient(p); err != nil {
			t.Fatal(err)
		}
		buy(t, b, p.ID, "2025-09-15", 7000)
		if got := cardTasks(t, b); len(got) != 0 {
			t.Errorf("a do-not-contact client's card follow-up: %q", got)
		}
	})
}

// TestPoint3CardsPassInSteps: the pass that makes every card holder's
// follow-up when a book meets a dated scheme is bounded and crash-safe.
// It goes a step of clients per transaction, for a bounded time per open;
// what a step made is committed with where the pass stands, so a pass cut
// short (here: no time left after one step, the book closed) goes on at
// the next open from there, and the end result is each card holder's
// follow-up once, as a pass in one go makes it. Until the pass is done,
// CaughtUp says the book still has catching up to do (so `brief` opens it
// for writing).
func TestPoint3CardsPassInSteps(t *testing.T) {
	step, budget := cardsStep, cardsBudget
	t.Cleanup(func() { cardsStep, cardsBudget = step, budget })
	cardsStep, cardsBudget = 2, 0
	opt := Options{Config: cardConfig()}
	b, clk := newBook(t, "2025-09-15", Options{})
	for i, yuan := range []int64{7000, 300, 7000, 600, 35000} {
		c := client(t, b, "客户"+string(rune('A'+i)), "1380000000"+string(rune('1'+i)))
		if err := b.AddPurchase(&profile.Purchase{ClientID: c.ID, Date: civil.MustParse("2025-09-15"), Amount: profile.Money(yuan * 100)}); err != nil {
			t.Fatal(err)
		}
	}
	clk.t = at("2025-10-01")
	var counts []int
	for range 5 {
		b = reopen(t, b, clk, opt)
		counts = append(counts, len(cardTasks(t, b)))
		if CaughtUp(b.st, b.today()) {
			break
		}
	}
	// Five clients, two a step: three steps, one per open.
	if len(counts) != 3 || counts[2] != 4 || counts[0] >= counts[2] {
		t.Fatalf("follow-ups after each open: %v, want the pass in three steps ending with 4 (one per card holder)", counts)
	}
	b = reopen(t, b, clk, opt)
	if got := cardTasks(t, b); len(got) != 4 {
		t.Errorf("after the pass, another open: %q", got)
	}
	var state string
	b.View(func(tx *store.Tx) error {
		state = string(tx.RuleState(cardsCaughtUpKey)) + "|" + string(tx.RuleState(cardsPassKey))
		return nil
	})
	if state != "department_store|" {
		t.Errorf("rule state after the pass: %q", state)
	}

	// The same book in one go makes the same follow-ups.
	cardsStep, cardsBudget = step, budget
	one, oclk := newBook(t, "2025-09-15", Options{})
	for i, yuan := range []int64{7000, 300, 7000, 600, 35000} {
		c := client(t, one, "客户"+string(rune('A'+i)), "1380000000"+string(rune('1'+i)))
		if err := one.AddPurchase(&profile.Purchase{ClientID: c.ID, Date: civil.MustParse("2025-09-15"), Amount: profile.Money(yuan * 100)}); err != nil {
			t.Fatal(err)
		}
	}
	oclk.t = at("2025-10-01")
	one = reopen(t, one, oclk, opt)
	if got, want := cardTasks(t, b), cardTasks(t, one); !slices.Equal(got, want) {
		t.Errorf("in steps %q\nin one go %q", got, want)
	}
}
