package store

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/profile"
	bolt "go.etcd.io/bbolt"
	"pgregory.net/rapid"
)

// holdersOf returns the ids of the clients of the book holding a card
// whose number (NormalizeCard, lower case) holds part, sorted: what a
// look at every client's cards finds.
func holdersOf(t tb, b *Book, part string) []string {
	t.Helper()
	var ids []string
	err := b.View(func(tx *Tx) error {
		sums, err := tx.Summaries()
		for _, s := range sums {
			if slices.ContainsFunc(s.Cards, func(c string) bool { return strings.Contains(strings.ToLower(c), part) }) {
				ids = append(ids, s.ID)
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	return ids
}

// TestCardPartsEqualRebuild (issue 11, point 4): after any sequence of
// writes (adds, changes, imports, merges, erasures), the kept index keeps
// each card's number from every character on exactly as a rebuild does,
// and a card: filter of any part of a number reads every client holding
// it, from the kept index alone: the card index (bucket cards) is not
// walked, so emptying it changes nothing.
func TestCardPartsEqualRebuild(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		w := newRandomWrites(t, rt)
		w.run(10, func(step string) { checkKept(rt, w.b, step) })
		number := strings.ToLower(profile.NormalizeCard(rapid.SampledFrom(keptCards[1:]).Draw(rt, "number")))
		from := rapid.IntRange(0, len(number)-1).Draw(rt, "from")
		part := number[from:rapid.IntRange(from+1, len(number)).Draw(rt, "to")]
		want := holdersOf(rt, w.b, part)
		if err := w.b.db.Update(func(tx *bolt.Tx) error {
			if err := tx.DeleteBucket(bCards); err != nil {
				return err
			}
			_, err := tx.CreateBucket(bCards)
			return err
		}); err != nil {
			rt.Fatal(err)
		}
		_ = w.b.View(func(tx *Tx) error {
			ids, ok := tx.SearchKept("card:" + part)
			if !ok {
				rt.Fatalf("card:%s: the kept index cannot look it up", part)
			}
			// The clients of a card too long to keep by part come as
			// candidates, matched on their rows.
			sums, err := tx.SummariesOf(ids)
			if err != nil {
				rt.Fatal(err)
			}
			var got []string
			for _, s := range sums {
				if slices.ContainsFunc(s.Cards, func(c string) bool { return strings.Contains(strings.ToLower(c), part) }) {
					got = append(got, s.ID)
				}
			}
			if !slices.Equal(got, want) {
				rt.Fatalf("card:%s: the kept index finds %v, the clients holding it are %v", part, got, want)
			}
			return nil
		})
	})
}

// TestCardPartsUpgradedOnOpen: a book whose kept index keeps each card's
// number whole (search keys of version 2) is read as it is, read-only,
// any part of a number still finding its client (the card index walked),
// and check finds it sound; its next writable open keeps the numbers by
// part, found without the card index, and check finds it sound again.
func TestCardPartsUpgradedOnOpen(t *testing.T) {
	b, path := newBook(t)
	long := strings.Repeat("7", 70) + "AB"
	a := &profile.Profile{Name: "王小明", Cards: []profile.Card{{Program: "Maison", Number: "VIP-8800-123"}}}
	c := &profile.Profile{Name: "李娜", Cards: []profile.Card{{Program: "Gold", Number: "GOLD 5512 8800"}, {Program: "Long", Number: long}}}
	if err := b.Update(func(tx *Tx) error { return tx.AddClients([]*profile.Profile{a, c}) }); err != nil {
		t.Fatal(err)
	}
	finds := func(b *Book, q string) (ids []string) {
		t.Helper()
		_ = b.View(func(tx *Tx) error {
			var ok bool
			if ids, ok = tx.SearchKept(q); !ok {
				t.Errorf("%q: the kept index cannot look it up", q)
			}
			return nil
		})
		return ids
	}
	both := []string{a.ID, c.ID}
	slices.Sort(both)
	cases := []struct {
		q    string
		want []string
		// long: 李娜 may come too, her long number (not kept by part)
		// matched on her row.
		long bool
	}{
		{"card:8800", both, false},
		{"card:p880", []string{a.ID}, true},
		{"card:5512", []string{c.ID}, false},
		{"vip 8800123", []string{a.ID}, true},
		{"card:777ab", []string{c.ID}, false},
		{"card:4444", nil, true},
	}
	look := func(b *Book, what string) {
		t.Helper()
		for _, tt := range cases {
			got := finds(b, tt.q)
			if !slices.Equal(got, tt.want) && !(tt.long && slices.Equal(slices.DeleteFunc(got, func(id string) bool { return id == c.ID }), tt.want)) {
				t.Errorf("%s: %q reads %v, want %v", what, tt.q, got, tt.want)
			}
		}
	}
	look(b, "a new book")
	var parts int
	_ = b.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bSearch).ForEach(func(k, _ []byte) error {
			if strings.HasPrefix(string(k), "fcard:") {
				parts++
			}
			return nil
		})
	})
	if want := len("vip8800123") + len("gold55128800"); parts != want {
		t.Errorf("%d card parts kept, want %d (each number from each character on)", parts, want)
	}
	// The index as the vipbook of before wrote it: each number whole.
	if err := b.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bMeta).Put(kSearchTokens, []byte("2")); err != nil {
			return err
		}
		fw, rv := tx.Bucket(bSearch), tx.Bucket(bSearchRev)
		for _, p := range []*profile.Profile{a, c} {
			ts := splitIDs(rv.Get([]byte(p.ID)))
			for _, tok := range ts {
				if strings.HasPrefix(tok, "fcard") {
					if err := postingRemove(fw, tok, srcFields, p.ID); err != nil {
						return err
					}
				}
			}
			ts = slices.DeleteFunc(ts, func(tok string) bool { return strings.HasPrefix(tok, "fcard") })
			for _, n := range p.CardNumbers() {
				ts = append(ts, "fcard:"+strings.ToLower(n))
				if err := postingAdd(fw, "fcard:"+strings.ToLower(n), srcFields, p.ID); err != nil {
					return err
				}
			}
			slices.Sort(ts)
			if err := rv.Put([]byte(p.ID), joinIDs(ts)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	sound := func(what string) {
		t.Helper()
		rep, err := Check(path)
		if err != nil || !rep.Sound() {
			t.Fatalf("%s: check says %v, %v", what, rep.Problems, err)
		}
	}
	sound("the index of before")
	ro, err := Open(path, Options{ReadOnly: true, Now: clock, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	look(ro, "the index of before, read-only")
	ro.Close()
	rw, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	_ = rw.db.View(func(tx *bolt.Tx) error {
		if v := string(tx.Bucket(bMeta).Get(kSearchTokens)); v != strconv.Itoa(searchTokens) {
			t.Errorf("after the upgrade the meta says search keys %q, want %d", v, searchTokens)
		}
		return nil
	})
	checkKept(t, rw, "after the search keys' upgrade")
	// Found without the card index: by the parts kept.
	if err := rw.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bCards) }); err != nil {
		t.Fatal(err)
	}
	look(rw, "after the upgrade, without the card index")
	rw.Close()
}
