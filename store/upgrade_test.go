package store

import (
	"slices"
	"testing"
	"time"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	bolt "go.etcd.io/bbolt"
)

// TestSummariesUpgradedOnOpen: a book whose summaries were written before
// they carried the fields search filters on (version 2, as the books of
// the morning of 2026-12-05 hold them) finds nobody by size:, likes: or
// card:; its next writable open writes them afresh from the profiles
// (the notes' and purchases' figures kept), the kept search index with
// them, and card numbers indexed; a read-only open before it changes
// nothing; a second writable open has nothing to do.
func TestSummariesUpgradedOnOpen(t *testing.T) {
	b, path := newBook(t)
	p := &profile.Profile{Name: "王小明", Sizes: []profile.Size{{Category: "shoes", System: "EU", Value: "39", Taken: civil.Date{Year: 2026, Month: 3, Day: 1}}},
		Preferences: []profile.Preference{{Kind: profile.PrefStyle, Value: "loafers"}}, Cards: []profile.Card{{Program: "Maison", Number: "VIP 8800-123"}}}
	if err := b.Update(func(tx *Tx) error { return tx.AddClient(p) }); err != nil {
		t.Fatal(err)
	}
	var before profile.Summary
	// Write the summary as version 2 did: no date ids, no search fields.
	if err := b.db.Update(func(tx *bolt.Tx) error {
		if err := decodeSummary(tx.Bucket(bSummaries).Get([]byte(p.ID)), &before, nil); err != nil {
			return err
		}
		s := before
		s.Dates, s.Sizes, s.Likes, s.Dislikes, s.Cards, s.Family, s.Store = nil, nil, nil, nil, nil, nil, ""
		v2 := encodeSummary(&s)
		v2 = v2[:len(v2)-6] // five empty lists and an empty string
		v2[0] = summaryV2
		if err := tx.Bucket(bSummaries).Put([]byte(p.ID), v2); err != nil {
			return err
		}
		if err := tx.Bucket(bCards).Delete(join([]byte("VIP8800123"), []byte(p.ID))); err != nil {
			return err
		}
		if err := tx.Bucket(bMeta).Delete(kSummaryVersion); err != nil {
			return err
		}
		return buildSearchIndex(tx)
	}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	finds := func(b *Book, q string) int {
		n := 0
		_ = b.View(func(tx *Tx) error {
			ids, _ := tx.SearchKept(q)
			n = len(ids)
			return nil
		})
		return n
	}
	ro, err := Open(path, Options{ReadOnly: true, Now: clock, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if n := finds(ro, "size:shoes=39"); n != 0 {
		t.Fatalf("the version 2 summary found by its size (%d): the test does not test", n)
	}
	ro.Close()
	rw, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"size:shoes=39", "likes:loafers", "card:VIP8800123", "王小明"} {
		if n := finds(rw, q); n != 1 {
			t.Errorf("after the upgrade %s finds %d clients, want 1", q, n)
		}
	}
	_ = rw.View(func(tx *Tx) error {
		s, err := tx.Summary(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if s.Created != before.Created || s.NoteCount != before.NoteCount || s.SearchKeys != before.SearchKeys || len(s.Sizes) != 1 || len(s.Cards) != 1 {
			t.Errorf("upgraded summary %+v, was %+v", s, before)
		}
		if ids := tx.FindByCard("VIP 8800 123"); len(ids) != 1 {
			t.Errorf("the card finds %v", ids)
		}
		return nil
	})
	checkKept(t, rw, "after the summaries' upgrade")
	var tx0 int
	_ = rw.db.View(func(tx *bolt.Tx) error { tx0 = tx.ID(); return nil })
	rw.Close()
	again, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	_ = again.db.View(func(tx *bolt.Tx) error {
		if tx.ID() != tx0 {
			t.Errorf("a second writable open wrote (txid %d, was %d)", tx.ID(), tx0)
		}
		return nil
	})
}

// TestSearchTokensUpgradedOnOpen: a book whose kept search index was
// written before it kept sizes whole (no searchtokens in the meta, no
// search.TokExact keys) is read as it is, size:shoes=39 by its words and
// the rows, and check finds it sound; its next writable open builds the
// index afresh with the sizes whole, which then answer size:shoes=39 with
// its client alone, and check finds it sound again.
func TestSearchTokensUpgradedOnOpen(t *testing.T) {
	b, path := newBook(t)
	size := func(cat, v string) profile.Size {
		return profile.Size{Category: cat, System: "EU", Value: v, Taken: civil.Date{Year: 2026, Month: 3, Day: 1}}
	}
	a := &profile.Profile{Name: "王小明", Sizes: []profile.Size{size("shoes", "39")}}
	c := &profile.Profile{Name: "李娜", Sizes: []profile.Size{size("shoes", "40"), size("ring", "39")}}
	if err := b.Update(func(tx *Tx) error {
		if err := tx.AddClient(a); err != nil {
			return err
		}
		return tx.AddClient(c)
	}); err != nil {
		t.Fatal(err)
	}
	finds := func(b *Book, q string) (ids []string) {
		_ = b.View(func(tx *Tx) error {
			ids, _ = tx.SearchKept(q)
			return nil
		})
		return ids
	}
	if ids := finds(b, "size:shoes=39"); len(ids) != 1 || ids[0] != a.ID {
		t.Fatalf("a new book: size:shoes=39 reads %v, want %s alone", ids, a.ID)
	}
	// The index as a vipbook of before wrote it.
	if err := b.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bMeta).Delete(kSearchTokens); err != nil {
			return err
		}
		fw, rv := tx.Bucket(bSearch), tx.Bucket(bSearchRev)
		var xs [][]byte
		_ = fw.ForEach(func(k, _ []byte) error {
			if k[0] == search.TokExact {
				xs = append(xs, append([]byte(nil), k...))
			}
			return nil
		})
		if len(xs) != 3 {
			t.Errorf("%d sizes kept whole, want 3", len(xs))
		}
		for _, k := range xs {
			if err := fw.Delete(k); err != nil {
				return err
			}
		}
		for _, p := range []*profile.Profile{a, c} {
			old := slices.DeleteFunc(splitIDs(rv.Get([]byte(p.ID))), func(t string) bool { return t[0] == search.TokExact })
			if err := rv.Put([]byte(p.ID), joinIDs(old)); err != nil {
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
	if ids := finds(ro, "size:shoes=39"); len(ids) != 2 {
		t.Errorf("the index of before: size:shoes=39 reads %v, want both clients (by the words shoes and 39)", ids)
	}
	ro.Close()
	rw, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	if ids := finds(rw, "size:shoes=39"); len(ids) != 1 || ids[0] != a.ID {
		t.Errorf("after the upgrade: size:shoes=39 reads %v, want %s alone", ids, a.ID)
	}
	if ids := finds(rw, "size:ring=39"); len(ids) != 1 || ids[0] != c.ID {
		t.Errorf("after the upgrade: size:ring=39 reads %v, want %s alone", ids, c.ID)
	}
	checkKept(t, rw, "after the search keys' upgrade")
	rw.Close()
	sound("after the upgrade")
}

// TestOlderBookSearchedReadOnly (issue 11, point 4): a book whose
// summaries an older vipbook wrote (version 2: no sizes, likes, family,
// store in them, none in its kept index, no search rows), opened
// read-only, is still searched right: its kept index looks up no field
// filter (a query of them alone is left to the whole book), finds the
// other terms' clients (a note's words among them), and every reader of
// summaries brings their fields from the records, so the filters can be
// checked; after the next writable open the book is up to date.
func TestOlderBookSearchedReadOnly(t *testing.T) {
	b, path := newBook(t)
	wang := &profile.Profile{Name: "王小明", Occupation: "律师", HomeStore: "上海国金中心",
		Sizes:       []profile.Size{{Category: "shoes", System: "EU", Value: "39", Taken: civil.Date{Year: 2026, Month: 3, Day: 1}}},
		Preferences: []profile.Preference{{Kind: profile.PrefColour, Value: "藏青色"}}, Household: []profile.Member{{Name: "张丽", Relation: "spouse"}}}
	anne := &profile.Profile{Name: "Anne Dubois", Occupation: "designer", HomeStore: "Shanghai IFC"}
	if err := b.Update(func(tx *Tx) error {
		for _, p := range []*profile.Profile{wang, anne} {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		return tx.AddNote(&notes.Note{ID: "n1", ClientID: anne.ID, At: clock(), Kind: notes.General, Text: "她说喜欢藏青色"})
	}); err != nil {
		t.Fatal(err)
	}
	// Written as an older vipbook left it: version 2 summaries (their
	// fields not read), no summary version in the meta, no search rows,
	// and a kept index built from those summaries.
	if err := b.db.Update(func(tx *bolt.Tx) error {
		sb := tx.Bucket(bSummaries)
		for _, id := range []string{wang.ID, anne.ID} {
			v2 := append([]byte(nil), sb.Get([]byte(id))...)
			v2[0] = summaryV2
			if err := sb.Put([]byte(id), v2); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bMeta).Delete(kSummaryVersion); err != nil {
			return err
		}
		for _, name := range [][]byte{bSearchRow, bSearch, bSearchRev} {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		return buildSearchIndex(tx)
	}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	ro, err := Open(path, Options{ReadOnly: true, Now: clock, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	_ = ro.View(func(tx *Tx) error {
		if !tx.OlderSummaries() {
			t.Fatal("the aged book's summaries are not older: the test does not test")
		}
		for _, q := range []string{"family:张丽", "likes:藏青", "store:国金 occupation:律师", "size:shoes=39"} {
			if ids, ok := tx.SearchKept(q); ok {
				t.Errorf("%q: the older book's kept index answers %v, it holds no fields", q, ids)
			}
		}
		for q, want := range map[string][]string{"王 likes:藏青": {wang.ID}, "藏青": {anne.ID}, "anne store:ifc": {anne.ID}} {
			ids, ok := tx.SearchKept(q)
			if !ok || !slices.Equal(ids, want) {
				t.Errorf("%q: the older book's kept index finds %v (ok %v), want %v", q, ids, ok, want)
			}
		}
		raw := tx.bucket(bSummaries).Get([]byte(wang.ID))
		var v2 profile.Summary
		if err := decodeSummary(raw, &v2, nil); err != nil || len(v2.Likes) != 0 {
			t.Fatalf("the version 2 summary holds likes %v (%v): the test does not test", v2.Likes, err)
		}
		// Every reader of summaries gives them up to date.
		sums, err := tx.Summaries()
		if err != nil {
			t.Fatal(err)
		}
		of, err := tx.SummariesOf([]string{wang.ID})
		if err != nil {
			t.Fatal(err)
		}
		after, err := tx.SummariesAfter("", 10)
		if err != nil {
			t.Fatal(err)
		}
		one, err := tx.Summary(wang.ID)
		if err != nil {
			t.Fatal(err)
		}
		var each profile.Summary
		if err := tx.EachSummary(func(s *profile.Summary) error {
			if s.ID == wang.ID {
				each = *s
				each.Likes, each.Family, each.Sizes = slices.Clone(s.Likes), slices.Clone(s.Family), slices.Clone(s.Sizes)
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		wangOf := func(sums []profile.Summary) profile.Summary {
			return sums[slices.IndexFunc(sums, func(s profile.Summary) bool { return s.ID == wang.ID })]
		}
		for what, w := range map[string]profile.Summary{"Summaries": wangOf(sums), "SummariesOf": of[0], "SummariesAfter": wangOf(after), "Summary": one, "EachSummary": each} {
			if !slices.Equal(w.Likes, []string{"藏青色"}) || !slices.Equal(w.Family, []string{"张丽"}) || w.Store != "上海国金中心" ||
				!slices.Equal(w.Sizes, []string{"shoes=39"}) || w.SearchKeys == "" {
				t.Errorf("%s: summary not brought up to date: %+v", what, w)
			}
		}
		return nil
	})
	ro.Close()
	rw, err := Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	_ = rw.View(func(tx *Tx) error {
		if tx.OlderSummaries() {
			t.Error("after a writable open the summaries are still older")
		}
		for _, q := range []string{"family:张丽", "likes:藏青", "store:国金 occupation:律师", "size:shoes=39"} {
			if ids, ok := tx.SearchKept(q); !ok || !slices.Equal(ids, []string{wang.ID}) {
				t.Errorf("%q after the upgrade: %v (ok %v)", q, ids, ok)
			}
		}
		return nil
	})
}

// TestOlderBookReadOnlyWithDamagedRecord: on a book an older vipbook
// wrote, opened read-only, every reader of summaries brings them up to
// date from the clients' records (freshen); one client's record missing
// and another's damaged leave those clients with their stored summaries,
// and the others up to date: a list of the clients, the briefing and the
// report do not fail on one damaged record (check is what names it).
func TestOlderBookReadOnlyWithDamagedRecord(t *testing.T) {
	b, path := newBook(t)
	var ps []*profile.Profile
	for _, name := range []string{"王小明", "Anne Dubois", "李娜"} {
		ps = append(ps, &profile.Profile{Name: name, Occupation: "律师",
			Preferences: []profile.Preference{{Kind: profile.PrefColour, Value: "藏青色"}}})
	}
	if err := b.Update(func(tx *Tx) error {
		for _, p := range ps {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	damaged, missing, sound := ps[0].ID, ps[1].ID, ps[2].ID
	if err := b.db.Update(func(tx *bolt.Tx) error {
		sb := tx.Bucket(bSummaries)
		for _, p := range ps {
			v2 := append([]byte(nil), sb.Get([]byte(p.ID))...)
			v2[0] = summaryV2
			if err := sb.Put([]byte(p.ID), v2); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bMeta).Delete(kSummaryVersion); err != nil {
			return err
		}
		cb := tx.Bucket(bClients)
		if err := cb.Put([]byte(damaged), []byte{0xff, 0x00, 0x13, 0x37}); err != nil {
			return err
		}
		return cb.Delete([]byte(missing))
	}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	ro, err := Open(path, Options{ReadOnly: true, Now: clock, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_ = ro.View(func(tx *Tx) error {
		if !tx.OlderSummaries() {
			t.Fatal("the aged book's summaries are not older: the test does not test")
		}
		check := func(what string, sums []profile.Summary, err error) {
			t.Helper()
			if err != nil {
				t.Errorf("%s on an older book with a damaged record: %v", what, err)
				return
			}
			got := map[string]profile.Summary{}
			for _, s := range sums {
				got[s.ID] = s
			}
			for _, id := range []string{damaged, missing, sound} {
				if _, ok := got[id]; !ok {
					t.Errorf("%s: client %s left out", what, id)
				}
			}
			if s := got[sound]; !slices.Equal(s.Likes, []string{"藏青色"}) {
				t.Errorf("%s: the sound client's summary not brought up to date: %+v", what, s)
			}
			if got[damaged].Name != "王小明" || got[missing].Name != "Anne Dubois" {
				t.Errorf("%s: the damaged or missing clients lost their stored summaries: %+v, %+v", what, got[damaged], got[missing])
			}
		}
		sums, err := tx.Summaries()
		check("Summaries", sums, err)
		of, err := tx.SummariesOf([]string{damaged, missing, sound})
		check("SummariesOf", of, err)
		after, err := tx.SummariesAfter("", 10)
		check("SummariesAfter", after, err)
		var each []profile.Summary
		err = tx.EachSummary(func(s *profile.Summary) error {
			c := *s
			c.Likes = slices.Clone(s.Likes)
			each = append(each, c)
			return nil
		})
		check("EachSummary", each, err)
		return nil
	})
}
