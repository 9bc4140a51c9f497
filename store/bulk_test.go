package store

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/tasks"
)

// TestImportNotesAndPurchases: a bulk load leaves the same notes,
// purchases and summaries as adding them one by one, and a second load
// adds nothing.
func TestImportNotesAndPurchases(t *testing.T) {
	one, _ := newBook(t)
	bulk, _ := newBook(t)
	var ns []notes.Note
	var ps []profile.Purchase
	kinds := []notes.Kind{notes.General, notes.Visit, notes.Call, notes.Preference}
	for _, b := range []*Book{one, bulk} {
		if err := b.Update(func(tx *Tx) error {
			for c := 0; c < 3; c++ {
				if err := tx.AddClient(&profile.Profile{ID: fmt.Sprintf("c%05d", c), Name: fmt.Sprint("client ", c)}); err != nil {
					return err
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 300; i++ {
		c := fmt.Sprintf("c%05d", (i*7)%3)
		at := testNow.Add(-time.Duration((i*37)%300) * time.Hour)
		ns = append(ns, notes.Note{ID: fmt.Sprintf("n%011d", (i*7919)%1000), ClientID: c, At: at, Kind: kinds[i%4], Text: fmt.Sprint("note ", i)})
		if i%10 == 0 {
			ps = append(ps, profile.Purchase{ID: fmt.Sprintf("p%011d", i), ClientID: c, Date: civil.Of(at), Amount: profile.Money(100 * i)})
		}
	}
	if err := one.Update(func(tx *Tx) error {
		for i := range ns {
			n := ns[i]
			if err := tx.AddNote(&n); err != nil {
				return err
			}
		}
		for i := range ps {
			p := ps[i]
			if err := tx.AddPurchase(&p); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 2; round++ {
		if err := bulk.Update(func(tx *Tx) error {
			added, err := tx.ImportNotes(append([]notes.Note(nil), ns...))
			if err != nil {
				return err
			}
			bought, err := tx.ImportPurchases(append([]profile.Purchase(nil), ps...))
			if err != nil {
				return err
			}
			total := 0
			for _, n := range added {
				total += n
			}
			for _, n := range bought {
				total += n
			}
			if want := map[int]int{0: len(ns) + len(ps), 1: 0}[round]; total != want {
				t.Errorf("round %d added %d records, want %d", round, total, want)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
	view := func(b *Book) (out []any) {
		_ = b.View(func(tx *Tx) error {
			sums, _ := tx.Summaries()
			for _, s := range sums {
				n, _ := tx.Notes(s.ID)
				p, _ := tx.Purchases(s.ID)
				out = append(out, s, n, p)
			}
			out = append(out, tx.NoteCount())
			return nil
		})
		return out
	}
	if a, b := view(one), view(bulk); !reflect.DeepEqual(a, b) {
		t.Fatalf("bulk load differs from one by one:\n%v\n%v", a, b)
	}
	if err := bulk.Update(func(tx *Tx) error {
		_, err := tx.ImportNotes([]notes.Note{{ClientID: "nobody", Text: "x"}})
		return err
	}); err == nil {
		t.Fatal("a note of an unknown client was imported")
	}
}

func TestImportTasks(t *testing.T) {
	b, _ := newBook(t)
	due := civil.New(2026, 11, 30)
	err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(&profile.Profile{ID: "c00001", Name: "王小明"}); err != nil {
			return err
		}
		if err := tx.AddTask(&tasks.Task{ID: "t00001", ClientID: "c00001", Title: "call", Due: due, Origin: "rhythm:c00001:2026-11-20:call"}); err != nil {
			return err
		}
		n, err := tx.ImportTasks([]tasks.Task{
			{ID: "t00001", ClientID: "c00001", Title: "same id", Due: due},
			{ID: "t00002", ClientID: "c00001", Title: "same origin as the book's", Due: due, Origin: "rhythm:c00001:2026-11-20:call"},
			{ID: "t00003", ClientID: "c00001", Title: "new", Due: due, Origin: "rhythm:c00001:2026-11-20:care1"},
			{ID: "t00004", ClientID: "c00001", Title: "same origin as the one before", Due: due, Origin: "rhythm:c00001:2026-11-20:care1"},
			{ClientID: "c00001", Title: "no id", Due: due.AddDays(-1), Status: tasks.Snoozed, Until: due.AddDays(2)},
			{ID: "t00005", ClientID: "c00001", Title: "done", Due: due, Status: tasks.Done},
		})
		if err != nil {
			return err
		}
		if n != 3 {
			t.Errorf("added %d tasks, want 3", n)
		}
		open, err := tx.OpenTasksDueBy(civil.Date{})
		if err != nil {
			return err
		}
		if len(open) != 3 || open[0].ID != "t00001" || open[2].Title != "no id" || len(tx.ClientTasks("c00001")) != 4 {
			t.Errorf("open tasks %+v", open)
		}
		if !tx.HasOrigin("rhythm:c00001:2026-11-20:care1") {
			t.Error("origin not indexed")
		}
		_, err = tx.ImportTasks([]tasks.Task{{ClientID: "nobody", Title: "x", Due: due}})
		if err == nil {
			t.Error("a task of an unknown client was imported")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestUpdateClientWith(t *testing.T) {
	b, _ := newBook(t)
	var seen [2]string
	b.SetHooks(Hooks{ClientUpdated: func(tx *Tx, before, after *profile.Profile) error {
		seen = [2]string{before.City, after.City}
		return nil
	}})
	err := b.Update(func(tx *Tx) error {
		p := &profile.Profile{Name: "王小明", City: "上海", Phones: []profile.Phone{{Number: "13800138000"}}}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		if err := tx.UpdateClientWith(p.ID, func(q *profile.Profile) error {
			q.City = "北京"
			q.Phones = []profile.Phone{{Number: "13900139000"}}
			return nil
		}); err != nil {
			return err
		}
		if got := tx.FindByPhone("13800138000"); len(got) != 0 {
			t.Errorf("old phone still finds %v", got)
		}
		if got := tx.FindByPhone("13900139000"); len(got) != 1 {
			t.Errorf("new phone finds %v", got)
		}
		s, _ := tx.Summary(p.ID)
		if s.City != "北京" || seen != [2]string{"上海", "北京"} {
			t.Errorf("summary city %q, hook saw %v", s.City, seen)
		}
		if err := tx.UpdateClientWith(p.ID, func(q *profile.Profile) error { q.ID = "other"; return nil }); err == nil {
			t.Error("changed an id")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestImportJSONKeepsRaw: the encoded form given with a note or purchase
// is what the book stores when the record is stored as it is, and is
// ignored when the load fills something in (here the author).
func TestImportJSONKeepsRaw(t *testing.T) {
	b, _ := newBook(t)
	at := testNow.Add(-time.Hour).Truncate(time.Second)
	whole := notes.Note{ID: "n1", ClientID: "c1", At: at, Kind: notes.Visit, Text: "a <b> visit", Author: "Li"}
	noAuthor := notes.Note{ID: "n2", ClientID: "c1", At: at, Kind: notes.Call, Text: "call"}
	p := profile.Purchase{ID: "p1", ClientID: "c1", Date: civil.Of(at), Amount: 1200, Currency: "CNY", Store: "S", Author: "Li"}
	// Literal '<' and '>' (json.Marshal escapes them): the raw form is kept.
	rawNote := []byte(`{"id":"n1","client_id":"c1","at":"` + at.Format(time.RFC3339Nano) + `","kind":"visit","text":"a <b> visit","author":"Li"}`)
	rawPurchase := []byte(`{"id":"p1","client_id":"c1","date":"` + civil.Of(at).String() + `","amount":1200,"currency":"CNY","store":"S","author":"Li"}`)
	err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(&profile.Profile{ID: "c1", Name: "client"}); err != nil {
			return err
		}
		if _, err := tx.ImportNotesJSON([]notes.Note{whole, noAuthor}, [][]byte{rawNote, []byte(`{"bad"}`)}); err != nil {
			return err
		}
		_, err := tx.ImportPurchasesJSON([]profile.Purchase{p}, [][]byte{rawPurchase})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	_ = b.View(func(tx *Tx) error {
		var got [][]byte
		_ = tx.EachNoteJSON("c1", func(raw []byte) error { got = append(got, append([]byte(nil), raw...)); return nil })
		if len(got) != 2 || (string(got[0]) != string(rawNote) && string(got[1]) != string(rawNote)) {
			t.Errorf("stored notes %q, want one of them %q", got, rawNote)
		}
		ns, err := tx.Notes("c1")
		if err != nil || len(ns) != 2 {
			t.Fatalf("notes %v, %v", ns, err)
		}
		for _, n := range ns {
			if n.ID == "n2" && n.Author == "" {
				t.Errorf("note n2 stored without the book's author: %+v", n)
			}
			if n.ID == "n1" && !reflect.DeepEqual(n.Text, whole.Text) {
				t.Errorf("note n1 reads %+v", n)
			}
		}
		_ = tx.EachPurchaseJSON("c1", func(raw []byte) error {
			if string(raw) != string(rawPurchase) {
				t.Errorf("stored purchase %s, want %s", raw, rawPurchase)
			}
			return nil
		})
		return nil
	})
}
