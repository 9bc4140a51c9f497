package store

import (
	"testing"

	"github.com/vipbook/vipbook/profile"
)

func TestPreparedClientUpdate(t *testing.T) {
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
		src, err := tx.ClientSource(p.ID)
		if err != nil {
			return err
		}
		done := make(chan *ClientUpdate)
		go func() { // prepared away from the transaction's goroutine
			u, err := src.Prepare(func(q *profile.Profile) error {
				q.City = "北京"
				q.Phones = []profile.Phone{{Number: "13900139000"}}
				return nil
			})
			if err != nil {
				t.Error(err)
			}
			done <- u
		}()
		u := <-done
		if u == nil {
			return nil
		}
		if err := tx.ApplyClientUpdate(u); err != nil {
			return err
		}
		if got := tx.FindByPhone("13800138000"); len(got) != 0 {
			t.Errorf("old phone still finds %v", got)
		}
		if got := tx.FindByPhone("13900139000"); len(got) != 1 {
			t.Errorf("new phone finds %v", got)
		}
		s, _ := tx.Summary(p.ID)
		q, _ := tx.Client(p.ID)
		if s.City != "北京" || q.City != "北京" || seen != [2]string{"上海", "北京"} {
			t.Errorf("summary city %q, profile city %q, hook saw %v", s.City, q.City, seen)
		}
		if _, err := src.Prepare(func(q *profile.Profile) error { q.ID = "other"; return nil }); err == nil {
			t.Error("changed an id")
		}
		if _, err := tx.ClientSource("nobody"); err == nil {
			t.Error("a source of no client")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
