package search_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	vbook "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/config"
	"github.com/vipbook/vipbook/demo"
	"github.com/vipbook/vipbook/demo/demobench"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	"github.com/vipbook/vipbook/store"
	"github.com/vipbook/vipbook/tiers"
	"pgregory.net/rapid"
)

// TestKeptEqualsWholeBook: on a demo book, a search from the kept index
// (store's SearchKept, then Found over the clients it read) answers as
// the search of the whole book does: every client the whole-book search
// matches by a word or a prefix of the name, pinyin, tag, phone or field
// is found, in the same order, and the only others are clients whose
// notes hold the words, after them. (A match only as a fuzzy subsequence,
// wxmg for 王小明, is left to the whole-book search, which vipbook search
// falls back to when the kept index finds nothing.)
func TestKeptEqualsWholeBook(t *testing.T) {
	today := demobench.Today
	now := func() time.Time { return today.In(time.UTC).Add(9 * time.Hour) }
	b, err := store.Open(demobench.Small(t, 300, 3), store.Options{ReadOnly: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		opt := search.Options{Today: today, CountryCode: b.Meta().CountryCode}
		ix := search.New(sums, opt)
		queries := []string{"王", "wang", "li", "zh", "tag:vip", "city:上海", "city:sh", "occupation:lawyer", "size:shoes=40",
			"likes:silk", "size:shoes=40 likes:silk", "wang tag:vip", "13", "0013"}
		for i := 0; i < len(sums); i += 23 {
			s := &sums[i]
			r := []rune(s.Name)
			if len(r) >= 2 {
				queries = append(queries, string(r[:2]), string(r[1:]))
			}
			if k := strings.Fields(s.SearchKeys); len(k) >= 2 {
				queries = append(queries, k[0][:min(4, len(k[0]))], k[1], k[0])
			}
			if len(s.Phones) > 0 {
				p := s.Phones[0]
				queries = append(queries, p[len(p)-4:], "+"+p)
			}
			for _, c := range s.Cards {
				queries = append(queries, "card:"+c[:min(6, len(c))], "card:"+c[len(c)/2:], c[len(c)/2:], spacedCard(c))
			}
		}
		strong, extra := 0, 0
		defer func() {
			t.Logf("%d queries: %d word or prefix matches found, %d clients found by notes alone", len(queries), strong, extra)
			if strong < 200 {
				t.Errorf("only %d word or prefix matches over %d queries: the test checks too little", strong, len(queries))
			}
		}()
		for _, q := range queries {
			whole := ix.Search(q)
			wholeIDs := idsOf(sums, whole.All())
			ids, ok := tx.SearchKept(q)
			if !ok {
				t.Errorf("%q: the kept index could not look it up", q)
				continue
			}
			found, err := tx.SummariesOf(ids)
			if err != nil {
				return err
			}
			kept := idsOf(found, search.Found(found, q, opt))
			for _, id := range idsOf(sums, search.Strong(whole)) {
				strong++
				if !slices.Contains(kept, id) {
					t.Errorf("%q: the whole book matches %s by a word or prefix, the kept index does not find it", q, id)
				}
			}
			// The kept answer is the whole book's, in its order, then
			// clients found by their notes.
			n := 0
			for n < len(kept) && slices.Contains(wholeIDs, kept[n]) {
				n++
			}
			var inWhole []string
			for _, id := range wholeIDs {
				if slices.Contains(kept[:n], id) {
					inWhole = append(inWhole, id)
				}
			}
			if !slices.Equal(kept[:n], inWhole) {
				t.Errorf("%q: kept order %v, the whole book's %v", q, kept[:n], inWhole)
			}
			extra += len(kept) - n
			for _, id := range kept[n:] {
				if slices.Contains(wholeIDs, id) {
					t.Errorf("%q: %s comes after a client found by notes alone", q, id)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// spacedCard is card number c as an associate may type it off the card:
// its letters, a space, its digits (VIP 8800123).
func spacedCard(c string) string {
	if i := strings.IndexAny(c, "0123456789"); i > 0 {
		return c[:i] + " " + c[i:]
	}
	return c
}

func idsOf(sums []profile.Summary, ds []int) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = sums[d].ID
	}
	return out
}

// fakePostings is a kept index in memory: per token, one sorted list of
// ids per source.
type fakePostings map[string][2][]string

func (f fakePostings) tokens(token string, prefix bool) []string {
	var out []string
	for t := range f {
		if t == token || prefix && strings.HasPrefix(t, token) {
			out = append(out, t)
		}
	}
	slices.Sort(out)
	return out
}

func (f fakePostings) Read(token string, prefix bool, fn func(id []byte)) {
	for _, t := range f.tokens(token, prefix) {
		for _, list := range f[t] {
			for _, id := range list {
				fn([]byte(id))
			}
		}
	}
}

func (f fakePostings) Size(token string, prefix bool, atMost int) int {
	n := 0
	for _, t := range f.tokens(token, prefix) {
		n += len(f[t][0]) + len(f[t][1])
	}
	return min(n, atMost)
}

// TestCandidatesIntersectSortedRuns: Candidates, which intersects the
// lists as sorted runs (shortest first, a prefix read's tokens and the
// two sources each a run of their own), finds for every query the
// clients a plain set intersection of the same lists finds.
func TestCandidatesIntersectSortedRuns(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"wa", "wang", "wangx", "wen", "we", "li", "lin", "ling", "zhang"}
	for round := range 200 {
		f := fakePostings{}
		for _, w := range words {
			var lists [2][]string
			for src := range lists {
				for id := range 60 {
					if rng.IntN(4+round%7) == 0 {
						lists[src] = append(lists[src], fmt.Sprintf("c%03d", id))
					}
				}
			}
			f[string(rune(search.TokWord))+w] = lists
		}
		q := []string{words[rng.IntN(len(words))]}
		for range rng.IntN(3) {
			q = append(q, words[rng.IntN(len(words))][:1+rng.IntN(2)])
		}
		var want map[string]bool
		for _, term := range q {
			got := map[string]bool{}
			f.Read(string(rune(search.TokWord))+term, true, func(id []byte) {
				if want == nil || want[string(id)] {
					got[string(id)] = true
				}
			})
			want = got
		}
		wantIDs := []string{}
		for id := range want {
			wantIDs = append(wantIDs, id)
		}
		slices.Sort(wantIDs)
		got, ok := search.Candidates(strings.Join(q, " "), "", f)
		if !ok || !slices.Equal(append([]string{}, got...), wantIDs) {
			t.Fatalf("round %d, %q: got %v (ok %v), want %v", round, q, got, ok, wantIDs)
		}
		// With a limit, read whole or stopped midway: the same clients
		// when they are no more than the limit, else over and none.
		limit := 1 + rng.IntN(2*len(wantIDs)+2)
		for _, kept := range []search.Postings{f, readsUntil{f}} {
			got, ok, _, over := search.CandidatesUpTo(strings.Join(q, " "), "", kept, limit)
			if !ok || over != (len(wantIDs) > limit) || !over && !slices.Equal(append([]string{}, got...), wantIDs) || over && got != nil {
				t.Fatalf("round %d, %q, limit %d (%T): got %v (ok %v, over %v), want %v", round, q, limit, kept, got, ok, over, wantIDs)
			}
		}
	}
}

// readsUntil is fakePostings whose reads stop midway (search.ReadsUntil).
type readsUntil struct{ fakePostings }

func (f readsUntil) ReadUntil(token string, prefix bool, fn func(id []byte) bool) {
	for _, t := range f.tokens(token, prefix) {
		for _, list := range f.fakePostings[t] {
			for _, id := range list {
				if !fn([]byte(id)) {
					return
				}
			}
		}
	}
}

// TestFieldsOnly: the queries whose kept answer is final are field
// filters on the profile's fields alone; and on a demo book, such a query
// the kept index finds nobody for finds nobody in the whole book either
// (vipbook search then answers without reading the book).
func TestFieldsOnly(t *testing.T) {
	for q, want := range map[string]bool{
		"likes:silk": true, "size:shoes=39 likes:silk": true, "occupation:律师": true, "职业:律师 喜欢:藏青": true,
		"card:8800": true, "store:maison family:张伟": true, "dislikes:logos": true,
		"wang likes:silk": false, "tier:A": false, "likes:silk tier:A": false, "city:上海": false, "tag:vip": false,
		"likes:": false, "0013": false, "": false, "王小": false,
	} {
		if got := search.FieldsOnly(q); got != want {
			t.Errorf("FieldsOnly(%q) = %v, want %v", q, got, want)
		}
	}
	today := demobench.Today
	now := func() time.Time { return today.In(time.UTC).Add(9 * time.Hour) }
	b, err := store.Open(demobench.Small(t, 300, 3), store.Options{ReadOnly: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		ix := search.New(sums, search.Options{Today: today, CountryCode: b.Meta().CountryCode})
		misses := 0
		for _, q := range []string{"likes:藏青", "occupation:astronaut", "size:shoes=52", "size:shoes=39 size:ring", "store:nowhere",
			"card:999999", "family:nobody", "likes:silk dislikes:silk", "occupation:律师 size:shoes=36", "likes:navy likes:tweed"} {
			ids, ok := tx.SearchKept(q)
			if !ok || len(ids) > 0 {
				continue
			}
			misses++
			if got := ix.Search(q).All(); len(got) > 0 {
				t.Errorf("%q: the kept index finds nobody, the whole book %v", q, idsOf(sums, got))
			}
		}
		if misses < 5 {
			t.Errorf("only %d of the queries found nobody: the test checks too little", misses)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestFindKeptEqualsWholeBook: on random demo books, on the day of their
// last write and on later and earlier days, what book.FindKept answers
// from the kept index, the kept spend ranking and the search rows is what
// a search of the whole book answers (every summary, the whole book's
// tiers): every client the whole book matches by a word or a prefix is
// found, in the whole book's order, each with the tier the whole book
// gives it, and the line printed of each (from its search row) is the one
// its whole summary gives.
func TestFindKeptEqualsWholeBook(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		base := civil.Date{Year: 2026, Month: time.November, Day: 24}
		now := func() time.Time { return base.In(time.UTC).Add(9 * time.Hour) }
		path := filepath.Join(t.TempDir(), fmt.Sprintf("demo%d.db", rand.Uint64()))
		defer os.Remove(path)
		opt := demo.Options{Clients: rapid.IntRange(15, 60).Draw(rt, "clients"), Seed: rapid.Uint64().Draw(rt, "seed"),
			Today: base, Loc: time.UTC, NotesPerClient: 1}
		if _, err := demo.WriteFile(path, opt, now); err != nil {
			rt.Fatal(err)
		}
		b, err := store.Open(path, store.Options{ReadOnly: true, Now: now})
		if err != nil {
			rt.Fatal(err)
		}
		defer b.Close()
		cfg := config.Default().Tiers
		today := base.AddDays(rapid.SampledFrom([]int{0, 0, 1, 40, 200, -30}).Draw(rt, "days"))
		err = b.View(func(tx *store.Tx) error {
			all, err := tx.Summaries()
			if err != nil {
				return err
			}
			all = slices.DeleteFunc(all, func(s profile.Summary) bool { return s.Status == profile.Archived })
			byID := tiers.Index(tiers.Assign(all, today, cfg))
			tierOf := func(s *profile.Summary) string {
				if a := byID[s.ID]; a != nil {
					return a.Tier
				}
				return s.Tier
			}
			ix := search.New(all, search.Options{Today: today, Tier: tierOf, Levels: tiers.Levels(cfg), CountryCode: b.Meta().CountryCode})
			whole := map[string]*profile.Summary{}
			for i := range all {
				whole[all[i].ID] = &all[i]
			}
			queries := []string{"occupation:律师", "size:shoes=39", "likes:silk", "tag:vip", "city:上海", "wang", "王", "13"}
			for range 6 {
				s := &all[rapid.IntRange(0, len(all)-1).Draw(rt, "client")]
				if r := []rune(s.Name); len(r) >= 2 {
					queries = append(queries, string(r[:2]))
				}
				if k := strings.Fields(s.SearchKeys); len(k) >= 2 {
					queries = append(queries, k[1], k[0][:min(3, len(k[0]))])
				}
				if len(s.Phones) > 0 {
					queries = append(queries, s.Phones[0][len(s.Phones[0])-4:])
				}
				if s.Occupation != "" {
					queries = append(queries, "occupation:"+s.Occupation)
				}
				for _, z := range s.Sizes {
					queries = append(queries, "size:"+z)
				}
				if len(s.Likes) > 0 && len(s.Sizes) > 0 {
					queries = append(queries, "size:"+s.Sizes[0]+" likes:"+s.Likes[0])
				}
				for _, l := range s.Likes {
					queries = append(queries, "likes:"+l)
				}
				for _, l := range s.Dislikes {
					queries = append(queries, "dislikes:"+l, "喜欢:"+l+" dislikes:"+l)
				}
				for _, c := range s.Cards {
					queries = append(queries, "card:"+c[:min(4, len(c))], "card:"+c[len(c)-3:], spacedCard(c))
				}
				for _, m := range s.Family {
					queries = append(queries, "family:"+m)
				}
				if s.Store != "" {
					queries = append(queries, "store:"+s.Store, "store:"+s.Store+" occupation:"+s.Occupation)
				}
			}
			for _, q := range queries {
				f, err := vbook.FindKept(tx, q, today, cfg, 0)
				if err != nil {
					return err
				}
				if f.Found != len(f.Clients) {
					rt.Fatalf("%q: FindKept says %d found and gives %d", q, f.Found, len(f.Clients))
				}
				// The best n of them, as vipbook search prints them: the
				// first n FindKept gives, in its order, with their tiers,
				// and how many were found.
				shown := rapid.IntRange(1, 8).Draw(rt, "shown")
				top, err := vbook.FindKeptTop(tx, q, today, cfg, shown)
				if err != nil {
					return err
				}
				if top.Found != len(f.Clients) {
					rt.Fatalf("on %s, %q: FindKeptTop found %d, FindKept %d", today, q, top.Found, len(f.Clients))
				}
				n := len(top.Clients)
				if search.FieldsOnly(q) {
					n = min(shown, len(f.Clients))
				}
				if len(top.Clients) != n || len(top.Tiers) != n {
					rt.Fatalf("on %s, %q: FindKeptTop(%d) gives %d clients of %d", today, q, shown, len(top.Clients), len(f.Clients))
				}
				for i := range top.Clients {
					if top.Clients[i].ID != f.Clients[i].ID || top.Tiers[i] != f.Tiers[i] {
						rt.Fatalf("on %s, %q: FindKeptTop(%d) gives %s (%s) at %d, FindKept %s (%s)", today, q, shown,
							top.Clients[i].ID, top.Tiers[i], i, f.Clients[i].ID, f.Tiers[i])
					}
				}
				r := ix.Search(q)
				var kept []string
				for i := range f.Clients {
					kept = append(kept, f.Clients[i].ID)
				}
				for _, id := range idsOf(all, search.Strong(r)) {
					if !slices.Contains(kept[:f.Strong], id) {
						rt.Fatalf("on %s, %q: the whole book matches %s by a word or prefix, FindKept does not (%v)", today, q, id, kept)
					}
				}
				var inWhole []string
				for _, id := range idsOf(all, r.All()) {
					if slices.Contains(kept[:f.Strong], id) {
						inWhole = append(inWhole, id)
					}
				}
				if !slices.Equal(kept[:f.Strong], inWhole) {
					rt.Fatalf("on %s, %q: FindKept's order %v, the whole book's %v", today, q, kept[:f.Strong], inWhole)
				}
				for i := range f.Clients {
					k := &f.Clients[i]
					w := whole[k.ID]
					if w == nil {
						rt.Fatalf("%q: FindKept found %s, no active client", q, k.ID)
					}
					if g, w := f.Tiers[i], tierOf(w); g != w {
						rt.Fatalf("on %s, %q: client %s has tier %q from the kept ranking, %q from the whole book", today, q, k.ID, g, w)
					}
					if g, w := lineOf(k, today), lineOf(w, today); g != w {
						rt.Fatalf("on %s, %q: client %s's line from its search row\n%s\nfrom its summary\n%s", today, q, k.ID, g, w)
					}
				}
			}
			return nil
		})
		if err != nil {
			rt.Fatal(err)
		}
	})
}

// lineOf is what a client's line in vipbook search and the app's / shows
// and ranks by, from s.
func lineOf(s *profile.Summary, today civil.Date) string {
	var next []civil.Date
	for _, d := range s.Dates {
		next = append(next, d.Next(today))
	}
	return fmt.Sprintf("%s %s %s %q %+v %v %v %s %q %q %s %q %v %v %v", s.ID, s.DisplayName(), s.LatinName, s.Phones, s.Stats(today),
		s.DoNotContact, s.Status, s.City, s.Tags, s.SearchKeys, search.Facets(s), next, search.LastSeen(s, today), s.Tier, s.Spends)
}

// fakeValues is a fakePostings that keeps sizes whole (search.Values).
type fakeValues struct{ fakePostings }

func (f fakeValues) Values(prefix string, fn func(token []byte)) {
	for _, t := range f.tokens(prefix, true) {
		fn([]byte(t))
	}
}

// TestSizeKeptWhole: a size filter of a category and a value
// (size:shoes=39) read from the sizes the index keeps whole finds exactly
// the clients a search of the whole book matches, whatever the sizes hold
// (a category with the filter's word inside another word, a value's
// further words, case, NUL and 0x01 bytes, a size too long for a key);
// when a client's size cannot be kept whole, the words are read as before.
func TestSizeKeptWhole(t *testing.T) {
	cats := []string{"shoes", "Dress Shoes", "overshoes", "ring", "鞋", "运动鞋", "shoes\x01x", "", "sh=oes"}
	vals := []string{"39", "39 1/2", "390", "3", "", " 39", "39 EU", "9=39", "３９"}
	exact, found := 0, 0
	defer func() {
		if exact < 200 || found < 100 {
			t.Errorf("%d queries answered from the sizes kept whole, %d clients found: the test checks too little", exact, found)
		} else {
			t.Logf("%d queries answered from the sizes kept whole, %d clients found", exact, found)
		}
	}()
	rapid.Check(t, func(rt *rapid.T) {
		n := rapid.IntRange(1, 30).Draw(rt, "clients")
		sums := make([]profile.Summary, n)
		for i := range sums {
			sums[i] = profile.Summary{ID: fmt.Sprintf("c%03d", i), Name: "x"}
			for range rapid.IntRange(0, 3).Draw(rt, "sizes") {
				z := rapid.SampledFrom(cats).Draw(rt, "cat") + "=" + rapid.SampledFrom(vals).Draw(rt, "val")
				if rapid.IntRange(0, 299).Draw(rt, "unkept") == 137 {
					z = rapid.SampledFrom([]string{"shoes=39\x01", strings.Repeat("s", 300) + "=39"}).Draw(rt, "unkept size")
				}
				if rapid.IntRange(0, 9).Draw(rt, "nul") == 0 {
					z += "\x00size:ring=39"
				}
				sums[i].Sizes = append(sums[i].Sizes, z)
			}
		}
		kept := fakePostings{}
		for i := range sums {
			for _, tok := range search.ClientTokens(&sums[i]) {
				l := kept[tok]
				l[0] = append(l[0], sums[i].ID)
				kept[tok] = l
			}
		}
		_, unkept := kept["xsize\x01"]
		ix := search.New(sums, search.Options{})
		for range 8 {
			c := rapid.SampledFrom([]string{"shoes", "shoe", "oes", "ring", "鞋", "dress", "", "sh"}).Draw(rt, "qcat")
			v := rapid.SampledFrom([]string{"39", "3", "390", "", "eu", "1/2"}).Draw(rt, "qval")
			q := "size:" + c + "=" + v
			got, ok := search.Candidates(q, "", fakeValues{kept})
			if unkept {
				old, oldOK := search.Candidates(q, "", kept)
				if !slices.Equal(got, old) || ok != oldOK {
					rt.Fatalf("%q with a size not kept whole: %v, the words read give %v", q, got, old)
				}
				continue
			}
			if !ok {
				rt.Fatalf("%q: not looked up", q)
			}
			want := idsOf(sums, ix.Search(q).Matches())
			slices.Sort(want)
			exact++
			found += len(want)
			if !slices.Equal(got, want) {
				var sizes [][]string
				for i := range sums {
					sizes = append(sizes, sums[i].Sizes)
				}
				rt.Fatalf("%q: the sizes kept whole find %v, the whole book %v (sizes %q)", q, got, want, sizes)
			}
		}
	})
}
