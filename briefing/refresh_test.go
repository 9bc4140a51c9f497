package briefing

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tasks"
)

// After each kind of write, Refresh with the clients written gives the
// briefing that a new Load gives, and leaves the input it started from as
// it was.
func TestRefreshMatchesLoad(t *testing.T) {
	today := day("2026-11-24")
	now := func() time.Time { return at(today) }
	b, err := store.Init(filepath.Join(t.TempDir(), "book.db"), store.Meta{Associate: "Li Na", Currency: "CNY", CountryCode: "86"}, store.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var ids []string
	err = b.Update(func(tx *store.Tx) error {
		for i, name := range []string{"王小明", "李华", "Anna Weber", "陈静", "Tom Reed"} {
			p := &profile.Profile{Name: name, Created: at(today.AddDays(-400))}
			if i == 1 {
				p.Dates = []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 11, Day: 27}}}
			}
			if err := tx.AddClient(p); err != nil {
				return err
			}
			ids = append(ids, p.ID)
			for k := 0; k <= i; k++ {
				if err := tx.AddPurchase(&profile.Purchase{ClientID: p.ID, Date: today.AddDays(-200 - 30*k), Amount: profile.Money(100000 * (i + 1))}); err != nil {
					return err
				}
			}
			if err := tx.AddTask(&tasks.Task{ClientID: p.ID, Title: "Call back", Due: today.AddDays(-i), Kind: tasks.ThankYou}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	load := func() Input {
		t.Helper()
		in, err := Load(b, today, zone, cfg, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return in
	}
	asJSON := func(in Input) string {
		t.Helper()
		out, err := json.Marshal(Build(in))
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	in := load()
	writes := []struct {
		name  string
		write func(tx *store.Tx) (changed string, err error)
	}{
		{"note", func(tx *store.Tx) (string, error) {
			return ids[2], tx.AddNote(&notes.Note{ClientID: ids[2], Kind: notes.Situation, Text: "New baby", At: at(today)})
		}},
		{"tick", func(tx *store.Tx) (string, error) {
			ts := tx.ClientTasks(ids[3])
			if err := ts[0].Complete(at(today)); err != nil {
				return "", err
			}
			return ids[3], tx.UpdateTask(&ts[0])
		}},
		{"purchase", func(tx *store.Tx) (string, error) {
			return ids[0], tx.AddPurchase(&profile.Purchase{ClientID: ids[0], Date: today, Amount: 9_000_000})
		}},
		{"edit", func(tx *store.Tx) (string, error) {
			p, err := tx.Client(ids[4])
			if err != nil {
				return "", err
			}
			p.Tier = "A"
			return ids[4], tx.UpdateClient(p)
		}},
		{"add", func(tx *store.Tx) (string, error) {
			p := &profile.Profile{Name: "周杰", Created: at(today.AddDays(-10))}
			if err := tx.AddClient(p); err != nil {
				return "", err
			}
			return p.ID, tx.AddTask(&tasks.Task{ClientID: p.ID, Title: "Welcome", Due: today, Kind: tasks.ThankYou})
		}},
		{"erase", func(tx *store.Tx) (string, error) {
			_, err := tx.EraseClient(ids[1])
			return ids[1], err
		}},
	}
	for _, w := range writes {
		before := asJSON(in)
		var changed string
		if err := b.Update(func(tx *store.Tx) (err error) { changed, err = w.write(tx); return err }); err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		got, err := Refresh(b, in, zone, changed)
		if err != nil {
			t.Fatalf("%s: %v", w.name, err)
		}
		if want := asJSON(load()); asJSON(got) != want {
			t.Errorf("%s: refreshed briefing\n%s\nwant\n%s", w.name, asJSON(got), want)
		}
		if asJSON(in) != before {
			t.Errorf("%s: Refresh changed the input it started from", w.name)
		}
		in = got
	}
	if n := len(in.clientsOf()); n != 5 {
		t.Errorf("%d clients after adding one and erasing one of 5", n)
	}
}
