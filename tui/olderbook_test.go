package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	bolt "go.etcd.io/bbolt"
)

// TestSlashFieldsOnOlderBookReadOnly (issue 11, point 4): a book an older
// vipbook wrote (version 2 summaries, which carry no sizes, likes,
// occupation, family or store; no search rows), whose file is read-only
// (0400), so that the app cannot bring it up to date: / finds clients by
// every field filter all the same, in English and in Chinese, as vipbook
// search does (the store gives the summaries their fields from the
// records); free text still finds a note's words.
func TestSlashFieldsOnOlderBookReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "older.db")
	book, err := vb.Init(path, store.Meta{Associate: "Li Na", Currency: "CNY", CountryCode: "86"}, vb.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	err = book.Store().WithoutHooks().Update(func(tx *store.Tx) error {
		for _, p := range []*profile.Profile{
			{Name: "王小明", Phones: []profile.Phone{{Number: "13800138000"}}, Occupation: "律师", HomeStore: "上海国金中心",
				Sizes:       []profile.Size{{Category: "shoes", System: "EU", Value: "39", Taken: civil.Date{Year: 2026, Month: 3, Day: 1}}},
				Preferences: []profile.Preference{{Kind: profile.PrefColour, Value: "藏青色"}},
				Household:   []profile.Member{{Name: "张丽", Relation: "spouse"}}},
			{Name: "Anne Dubois", Phones: []profile.Phone{{Number: "13900139000"}}, Occupation: "designer",
				Sizes: []profile.Size{{Category: "shoes", System: "EU", Value: "40", Taken: civil.Date{Year: 2026, Month: 3, Day: 1}}}},
		} {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	book.Close()
	// As an older vipbook left it: version 2 summaries (their search
	// fields unread), no summary version in the meta, no search rows.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		sb := tx.Bucket([]byte("summaries"))
		var keys [][]byte
		if err := sb.ForEach(func(k, _ []byte) error { keys = append(keys, append([]byte(nil), k...)); return nil }); err != nil {
			return err
		}
		for _, k := range keys {
			v := append([]byte(nil), sb.Get(k)...)
			v[0] = 2
			if err := sb.Put(k, v); err != nil {
				return err
			}
		}
		if err := tx.Bucket([]byte("meta")).Delete([]byte("summaryversion")); err != nil {
			return err
		}
		return tx.DeleteBucket([]byte("searchrow"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	book, err = vb.Open(path, vb.Options{ReadOnly: true, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	_ = book.Store().View(func(tx *store.Tx) error {
		if !tx.OlderSummaries() {
			t.Fatal("the aged book's summaries are not older: the test does not test")
		}
		return nil
	})
	for _, lang := range []string{"en", "zh"} {
		h := newHarness(t, book, lang, 100, 30)
		for q, want := range map[string]string{
			"likes:藏青": "王小明", "喜欢:藏青": "王小明", "size:shoes=39": "王小明", "size:shoes=40": "Anne Dubois",
			"occupation:律师": "王小明", "职业:designer": "Anne Dubois", "family:张丽": "王小明", "store:国金": "王小明",
			"王 likes:藏青": "王小明",
		} {
			h.keys("2", "/")
			h.typeText(q)
			v := h.view()
			if !strings.Contains(v, want) {
				t.Errorf("%s: /%s does not find %s on the older read-only book:\n%s", lang, q, want, v)
			}
			for _, other := range []string{"王小明", "Anne Dubois"} {
				if other != want && strings.Contains(v, other) {
					t.Errorf("%s: /%s finds %s too:\n%s", lang, q, other, v)
				}
			}
			h.keys("esc", "esc")
		}
	}
}
