package store

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/search"
	bolt "go.etcd.io/bbolt"
	"pgregory.net/rapid"
)

// tb is what the helpers need of a test (rapid's T too).
type tb interface {
	Helper()
	Fatal(...any)
}

// keptSearch returns the kept search lists as they are: "token 0x00
// source" -> the ids, joined; and the kept field tokens of each client.
func keptSearch(t tb, b *Book) (lists, rev map[string]string) {
	t.Helper()
	lists, rev = map[string]string{}, map[string]string{}
	err := b.db.View(func(tx *bolt.Tx) error {
		_ = tx.Bucket(bSearch).ForEach(func(k, v []byte) error {
			i := bytes.IndexByte(k, 0)
			l := string(k[:i+2])
			if lists[l] != "" {
				lists[l] += "\x00"
			}
			lists[l] += string(v)
			return nil
		})
		return tx.Bucket(bSearchRev).ForEach(func(k, v []byte) error { rev[string(k)] = string(v); return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	return lists, rev
}

// rebuiltSearch returns what a rebuild from the records writes, in the
// form of keptSearch.
func rebuiltSearch(t tb, b *Book) (lists, rev map[string]string) {
	t.Helper()
	lists, rev = map[string]string{}, map[string]string{}
	err := b.db.View(func(tx *bolt.Tx) error {
		sums, err := decodeSummaries(tx.Bucket(bSummaries))
		if err != nil {
			return err
		}
		kp, err := wantPostings(tx, sums)
		if err != nil {
			return err
		}
		for l, ds := range kp.lists {
			ids := make([]string, len(ds))
			for i, d := range ds {
				ids[i] = kp.ids[d]
			}
			lists[l] = strings.Join(ids, "\x00")
		}
		for i := range sums {
			rev[sums[i].ID] = strings.Join(search.ClientTokens(&sums[i]), "\x00")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return lists, rev
}

// checkKept fails when the kept search index is not what a rebuild
// writes, or check's own comparison finds a difference.
func checkKept(t interface {
	tb
	Fatalf(string, ...any)
}, b *Book, what string) {
	t.Helper()
	lists, rev := keptSearch(t, b)
	wl, wr := rebuiltSearch(t, b)
	if !maps.Equal(lists, wl) {
		for k, v := range wl {
			if lists[k] != v {
				t.Fatalf("%s: list %q kept as %q, a rebuild writes %q", what, k, lists[k], v)
			}
		}
		t.Fatalf("%s: %d lists kept, a rebuild writes %d", what, len(lists), len(wl))
	}
	if !maps.Equal(rev, wr) {
		t.Fatalf("%s: the kept field tokens differ from a rebuild's", what)
	}
	var rep Report
	_ = b.db.View(func(tx *bolt.Tx) error {
		sums, _ := decodeSummaries(tx.Bucket(bSummaries))
		checkSummaries(sums, searchCheck(tx, []string{os.TempDir()}, &rep), perClientCheck(tx, &rep, bValue, "value", encodeValue))
		return nil
	})
	if len(rep.Problems) > 0 {
		t.Fatalf("%s: check: %v", what, rep.Problems)
	}
}

// TestKeptSearchEqualsRebuild: after any sequence of writes, on a real
// bbolt file, the kept search index is exactly what a rebuild from the
// records writes, its reverse entries mirror it, and check finds it sound.
func TestKeptSearchEqualsRebuild(t *testing.T) {
	rapid.Check(t, func(rt *rapid.T) {
		w := newRandomWrites(t, rt)
		w.run(12, func(step string) { checkKept(rt, w.b, step) })
		w.b.Close()
		rep, err := Check(w.path)
		if err != nil || !rep.Sound() {
			rt.Fatalf("check: %v %v", err, rep.Problems)
		}
	})
}

// TestKeptSearchFinds: the kept index finds a client by name, pinyin in
// full, initials and given name, phone digits anywhere, a field and the
// words of a note (藏青 in 喜欢藏青色).
func TestKeptSearchFinds(t *testing.T) {
	b, _ := newBook(t)
	var wang, other string
	err := b.Update(func(tx *Tx) error {
		p := &profile.Profile{Name: "王小明", LatinName: "Ming Wang", Phones: []profile.Phone{{Number: "13800138000"}},
			Occupation: "律师", Tags: []string{"vip"}}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		wang = p.ID
		q := &profile.Profile{Name: "李娜", Phones: []profile.Phone{{Number: "13911112222"}}}
		if err := tx.AddClient(q); err != nil {
			return err
		}
		other = q.ID
		return tx.AddNote(&notes.Note{ClientID: other, Kind: notes.Preference, Text: "喜欢藏青色, loves loafers"})
	})
	if err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string][]string{
		"王": {wang}, "小明": {wang}, "wang": {wang}, "wangxiaoming": {wang}, "wxm": {wang},
		"xiaoming": {wang}, "xm": {wang}, "ming": {wang}, "0013": {wang}, "138": {wang}, "1111": {other},
		"+86 138 0013 8000": {wang}, "occupation:律": {wang}, "职业:律师": {wang}, "tag:vi": {wang},
		"藏青": {other}, "青色": {other}, "loaf": {other}, "李 藏青": {other}, "王 藏青": nil, "zzz": nil,
	} {
		var got []string
		err := b.View(func(tx *Tx) error {
			ids, ok := tx.SearchKept(q)
			if !ok {
				return fmt.Errorf("%q: not looked up", q)
			}
			got = ids
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("SearchKept(%q) = %v, want %v", q, got, want)
		}
	}
	_ = b.View(func(tx *Tx) error {
		if _, ok := tx.SearchKept("tier:a"); ok {
			t.Error("tier:a alone was looked up; a tier is computed, not kept")
		}
		return nil
	})
}

// TestKeptSearchBuiltOnOpen: a book from before the kept index gets it on
// its first writable open; a read-only open says it has none.
func TestKeptSearchBuiltOnOpen(t *testing.T) {
	b, path := newBook(t)
	err := b.Update(func(tx *Tx) error {
		p := &profile.Profile{Name: "王小明"}
		if err := tx.AddClient(p); err != nil {
			return err
		}
		return tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.General, Text: "喜欢藏青色"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.db.Update(func(tx *bolt.Tx) error {
		_ = tx.DeleteBucket(bSearch)
		return tx.DeleteBucket(bSearchRev)
	}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	ro, err := Open(path, Options{ReadOnly: true, Now: clock, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	_ = ro.View(func(tx *Tx) error {
		if _, ok := tx.SearchKept("wang"); ok {
			t.Error("a read-only open of a book without the index looked it up")
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
		if ids, ok := tx.SearchKept("藏青"); !ok || len(ids) != 1 {
			t.Errorf("after a writable open, 藏青 finds %v (%v), want the client", ids, ok)
		}
		return nil
	})
	checkKept(t, rw, "built on open")
}

// TestCheckFindsKeptSearchDamage: check reports a kept search index that
// differs from the book, and RepairIndexes makes it sound again.
func TestCheckFindsKeptSearchDamage(t *testing.T) {
	b, path := newBook(t)
	if err := b.Update(func(tx *Tx) error { return tx.AddClient(&profile.Profile{Name: "王小明"}) }); err != nil {
		t.Fatal(err)
	}
	if err := b.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bSearch).Put([]byte("wzzz\x00f\x00nobody"), []byte("nobody"))
	}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	rep, err := Check(path)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Sound() {
		t.Fatal("check found a stray search key sound")
	}
	if err := RepairIndexes(path); err != nil {
		t.Fatal(err)
	}
	if rep, err := Check(path); err != nil || !rep.Sound() {
		t.Fatalf("after RepairIndexes: %v %v", err, rep.Problems)
	}
}

// TestKeptSearchLongLists: a token many clients hold is kept in chunks;
// adding clients one by one and in bulk, changing and erasing some keeps
// every list whole and in order.
func TestKeptSearchLongLists(t *testing.T) {
	b, _ := newBook(t)
	var ids []string
	err := b.Update(func(tx *Tx) error {
		for range 3 * postingChunk {
			p := &profile.Profile{Name: "王小明"}
			if err := tx.AddClient(p); err != nil {
				return err
			}
			ids = append(ids, p.ID)
		}
		var ps []*profile.Profile
		for range postingChunk {
			ps = append(ps, &profile.Profile{Name: "王晓明"})
		}
		return tx.AddClients(ps)
	})
	if err != nil {
		t.Fatal(err)
	}
	checkKept(t, b, "added")
	err = b.Update(func(tx *Tx) error {
		for i, id := range ids {
			switch i % 3 {
			case 0:
				if _, err := tx.EraseClient(id); err != nil {
					return err
				}
			case 1:
				p, err := tx.Client(id)
				if err != nil {
					return err
				}
				p.Name = "李娜"
				if err := tx.UpdateClient(p); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	checkKept(t, b, "changed and erased")
	_ = b.View(func(tx *Tx) error {
		got, _ := tx.SearchKept("wxm")
		if want := postingChunk + 3*postingChunk/3; len(got) != want {
			t.Errorf("wxm finds %d clients, want %d", len(got), want)
		}
		return nil
	})
}

// TestCheckStreamedFindsMissingAndExtra: check compares the kept search
// lists with what the book makes through the build's external sort (runs
// of a few postings here, so the merge of many runs is what is compared):
// a client taken out of a list's chunk is reported missing, a client put
// into another list extra, each naming the client and the token; check
// --repair's rebuild (the same stream) makes the book sound again.
func TestCheckStreamedFindsMissingAndExtra(t *testing.T) {
	defer func(r int) { searchRun = r }(searchRun)
	searchRun = 300
	b, path := newBook(t)
	var ids []string
	err := b.Update(func(tx *Tx) error {
		for i := range 40 {
			p := &profile.Profile{Name: []string{"王小明", "李娜", "Anna Smith"}[i%3]}
			if err := tx.AddClient(p); err != nil {
				return err
			}
			ids = append(ids, p.ID)
			if err := tx.AddNote(&notes.Note{ClientID: p.ID, Kind: notes.Preference, Text: fmt.Sprintf("likes jade bracelets %d", i)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	if rep, err := Check(path); err != nil || !rep.Sound() {
		t.Fatalf("a sound book: %v %v", err, rep.Problems)
	}
	// Damage: ids[3] leaves the list of "wjade" (note words); ids[4] joins the
	// list of "zzz" (fields), which no client holds.
	b, err = Open(path, Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	missing, extra := ids[3], ids[4]
	err = b.db.Update(func(tx *bolt.Tx) error {
		fw := tx.Bucket(bSearch)
		base := postingBase("wjade", srcNotes)
		key, list := chunkOf(fw.Cursor(), base, missing)
		i, found := slices.BinarySearch(list, missing)
		if !found {
			return fmt.Errorf("%s is not in the list of wjade", missing)
		}
		if err := putChunk(fw, base, key, slices.Delete(list, i, i+1)); err != nil {
			return err
		}
		return fw.Put(append(postingBase("zzz", srcFields), extra...), []byte(extra))
	})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	rep, err := Check(path)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(rep.Problems, "\n")
	for _, want := range []string{
		fmt.Sprintf("client %s holds \"wjade\" (notes), the index does not keep it", missing),
		fmt.Sprintf("the index keeps client %s under \"zzz\" (fields), the book does not", extra),
	} {
		if !strings.Contains(all, want) {
			t.Errorf("check does not say %q; it says:\n%s", want, all)
		}
	}
	if len(rep.Problems) != 2 {
		t.Errorf("check lists %d problems, want the 2 made:\n%s", len(rep.Problems), all)
	}
	if err := RepairIndexes(path); err != nil {
		t.Fatal(err)
	}
	if rep, err := Check(path); err != nil || !rep.Sound() {
		t.Fatalf("after RepairIndexes: %v %v", err, rep.Problems)
	}
	if b, err = Open(path, Options{Now: clock}); err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	checkKept(t, b, "repaired")
}
