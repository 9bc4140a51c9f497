package book

import (
	"slices"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// TestPoint2Rhythm: issue 12 point 2, 0-3-3-3 to the letter. The service
// invitation recurs every 3 months while the client is active (ticking
// one makes the next); a purchase logged late starts the chain at its next
// step still ahead.
func TestPoint2Rhythm(t *testing.T) {
	t.Run("a purchase back-dated to 2026-10-10 logged on 2026-12-05", func(t *testing.T) {
		b, _ := newBook(t, "2026-12-05", Options{})
		p := client(t, b, "王小明", "13800000001")
		if err := b.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.MustParse("2026-10-10"), Amount: 320000}); err != nil {
			t.Fatal(err)
		}
		// No thank-you or call in the past; the care message due 12-12 (the
		// third, every 21 days) and the invitation of 2027-01-10.
		want := []string{"王小明 care_message 2026-12-12 open", "王小明 service_invite 2027-01-10 open"}
		if got := taskLines(t, b); !slices.Equal(got, want) {
			t.Errorf("tasks\n got %q\nwant %q", got, want)
		}
	})
	t.Run("the invitation recurs every 3 months while the client is active", func(t *testing.T) {
		b, clk := newBook(t, "2026-11-02", Options{})
		p := client(t, b, "王小明", "13800000001")
		if err := b.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.MustParse("2026-11-02"), Amount: 320000}); err != nil {
			t.Fatal(err)
		}
		var dues []string
		for _, day := range []string{"2027-02-02", "2027-05-03", "2027-08-02"} {
			clk.t = at(day)
			inv := openOf(t, b, tasks.ServiceInvite)
			if len(inv) != 1 {
				t.Fatalf("%s: %d open invitations, want 1", day, len(inv))
			}
			dues = append(dues, inv[0].Due.String())
			if _, err := b.TickTask(inv[0].ID); err != nil {
				t.Fatal(err)
			}
		}
		if want := []string{"2027-02-02", "2027-05-02", "2027-08-02"}; !slices.Equal(dues, want) {
			t.Errorf("invitations due %q, want %q", dues, want)
		}
		// The fourth would fall 12 months on: the client is no longer active.
		if inv := openOf(t, b, tasks.ServiceInvite); len(inv) != 0 {
			t.Errorf("an invitation after the client's year: %+v", inv)
		}
	})
	t.Run("a newer purchase ends the older chain", func(t *testing.T) {
		b, clk := newBook(t, "2026-11-02", Options{})
		p := client(t, b, "王小明", "13800000001")
		for _, day := range []string{"2026-11-02", "2026-12-01"} {
			clk.t = at(day)
			if err := b.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.MustParse(day), Amount: 100}); err != nil {
				t.Fatal(err)
			}
		}
		clk.t = at("2027-02-02")
		for _, inv := range openOf(t, b, tasks.ServiceInvite) {
			if inv.Due.String() == "2027-02-02" {
				if _, err := b.TickTask(inv.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
		var got []string
		for _, l := range taskLines(t, b) {
			if strings.Contains(l, "service_invite") {
				got = append(got, l)
			}
		}
		want := []string{"王小明 service_invite 2027-02-02 done", "王小明 service_invite 2027-03-01 open"}
		if !slices.Equal(got, want) {
			t.Errorf("invitations %q, want %q", got, want)
		}
	})
}

// openOf returns the book's open tasks of kind k.
func openOf(t *testing.T, b *Book, k tasks.Kind) []tasks.Task {
	t.Helper()
	var out []tasks.Task
	b.View(func(tx *store.Tx) error {
		ts, err := tx.AllTasks()
		for _, tk := range ts {
			if tk.Kind == k && tk.IsOpen() {
				out = append(out, tk)
			}
		}
		return err
	})
	return out
}

// TestPoint2InvitationWithoutTick: issue 12 point 2, the rest. The service
// invitation is made when the day of the one before passes without a
// tick, not only on its tick: the book opened for writing catches up once
// a day (CatchUp), a book opened to read does not write.
func TestPoint2InvitationWithoutTick(t *testing.T) {
	b, clk := newBook(t, "2026-11-02", Options{})
	p := client(t, b, "王小明", "13800000001")
	if err := b.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: civil.MustParse("2026-11-02"), Amount: 320000}); err != nil {
		t.Fatal(err)
	}
	path := b.Path()
	b.Close()
	dues := func(day string, readOnly bool) []string {
		t.Helper()
		clk.t = at(day)
		bk, err := Open(path, Options{Now: clk.now, ReadOnly: readOnly})
		if err != nil {
			t.Fatal(err)
		}
		defer bk.Close()
		var out []string
		for _, inv := range openOf(t, bk, tasks.ServiceInvite) {
			out = append(out, inv.Due.String())
		}
		slices.Sort(out)
		return out
	}
	for _, tt := range []struct {
		day      string
		readOnly bool
		want     []string
	}{
		{"2027-02-02", false, []string{"2027-02-02"}},               // its day: not passed yet
		{"2027-02-03", true, []string{"2027-02-02"}},                // read only: nothing written
		{"2027-02-03", false, []string{"2027-02-02", "2027-05-02"}}, // the day after: the next is made
		{"2027-02-04", false, []string{"2027-02-02", "2027-05-02"}}, // once
		{"2027-08-02", false, []string{"2027-02-02", "2027-05-02", "2027-08-02"}},
		{"2027-11-05", false, []string{"2027-02-02", "2027-05-02", "2027-08-02"}}, // the client's year is over
	} {
		if got := dues(tt.day, tt.readOnly); !slices.Equal(got, tt.want) {
			t.Errorf("on %s (read only %v): invitations due %q, want %q", tt.day, tt.readOnly, got, tt.want)
		}
	}
}
