package cli

import (
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// fieldsBook makes a book for the issue 11 point 4 searches: 王小明 a
// lawyer of the 上海国金中心 store, married to 张丽, who likes 藏青色,
// wears shoes 39 and holds card VIP-8800-123; Anne Dubois, a designer of
// Shanghai IFC whose note says 她说喜欢藏青色, who likes loafers, wears
// shoes 39 and asked not to be contacted; 李娜 with a phone holding 8800.
func fieldsBook(t *testing.T) string {
	t.Helper()
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "王小明", "--phone", "13800138000")
	run(t, book, "add", "Anne Dubois", "--phone", "13900139000")
	run(t, book, "add", "李娜", "--phone", "13788001111")
	run(t, book, "edit", "王小明", "--set", "occupation=律师", "--set", "store=上海国金中心")
	run(t, book, "edit", "Anne Dubois", "--set", "occupation=designer", "--set", "store=Shanghai IFC", "--set", "do_not_contact=yes")
	run(t, book, "family", "add", "王小明", "张丽", "--relation", "spouse")
	run(t, book, "like", "王小明", "藏青色", "--category", "colour")
	run(t, book, "like", "Anne Dubois", "loafers", "--category", "style")
	run(t, book, "dislike", "王小明", "大Logo")
	run(t, book, "size", "王小明", "shoes", "39", "--system", "EU")
	run(t, book, "size", "Anne Dubois", "shoes", "39", "--system", "EU")
	run(t, book, "note", "Anne Dubois", "她说喜欢藏青色")
	run(t, book, "card", "add", "王小明", "VIP-8800-123", "--program", "Maison")
	return book
}

// searchFinds runs vipbook search with args as typed, in lang, and returns
// what it printed and its error.
func searchFinds(t *testing.T, book, lang string, args ...string) (out, errOut string, err error) {
	t.Helper()
	return runLang(book, lang, "", append([]string{"search"}, args...)...)
}

// TestSearchFieldsAndCards (issue 11, point 4): vipbook search finds
// clients by every field filter, alone and combined with free text and
// pinyin, in English and in Chinese (filter names in either language);
// card: by any part of the number; a card number typed off the card,
// letters and digits apart, by search and by show; the do-not-contact
// client marked; a note's words (藏青 in 喜欢藏青色).
func TestSearchFieldsAndCards(t *testing.T) {
	book := fieldsBook(t)
	for _, lang := range []string{"en", "zh"} {
		dnc := map[string]string{"en": " [DNC]", "zh": "［勿联系］"}[lang]
		for _, tt := range []struct {
			args      []string
			want, not []string
		}{
			{[]string{"family:张丽"}, []string{"王小明"}, []string{"Anne", "李娜"}},
			{[]string{"家人:张"}, []string{"王小明"}, []string{"Anne"}},
			{[]string{"occupation:律师"}, []string{"王小明"}, []string{"Anne"}},
			{[]string{"职业:律师", "wxm"}, []string{"王小明"}, []string{"Anne"}},
			{[]string{"store:上海"}, []string{"王小明"}, []string{"Anne"}},
			{[]string{"门店:国金"}, []string{"王小明"}, []string{"Anne"}},
			{[]string{"store:ifc"}, []string{"Anne Dubois" + dnc}, []string{"王小明"}},
			{[]string{"likes:藏青"}, []string{"王小明"}, []string{"Anne"}},
			{[]string{"喜欢:藏青", "wangxiaoming"}, []string{"王小明"}, []string{"Anne"}},
			{[]string{"dislikes:logo"}, []string{"王小明"}, []string{"Anne"}},
			{[]string{"size:shoes=39"}, []string{"王小明", "Anne Dubois" + dnc}, []string{"李娜"}},
			{[]string{"size:shoes=39 likes:loafers"}, []string{"Anne Dubois" + dnc}, []string{"王小明"}},
			{[]string{"size:shoes=39", "王"}, []string{"王小明"}, []string{"Anne"}},
			{[]string{"tier:D", "likes:藏青"}, []string{"王小明"}, []string{"Anne"}},
			{[]string{"藏青"}, []string{"Anne Dubois" + dnc}, []string{"李娜"}},
			{[]string{"card:8800"}, []string{"王小明"}, []string{"李娜", "Anne"}},
			{[]string{"card:800-12"}, []string{"王小明"}, []string{"李娜"}},
			{[]string{"会员卡:123"}, []string{"王小明"}, []string{"李娜"}},
			{[]string{"card:8800", "wxm"}, []string{"王小明"}, []string{"李娜"}},
			{[]string{"VIP", "8800123"}, []string{"王小明"}, []string{"李娜"}},
			{[]string{"VIP 8800 123"}, []string{"王小明"}, []string{"李娜"}},
			{[]string{"vip8800123"}, []string{"王小明"}, []string{"李娜"}},
			{[]string{"VIP-8800-123"}, []string{"王小明"}, []string{"李娜"}},
			{[]string{"8800-123"}, []string{"王小明"}, []string{"李娜"}},
			{[]string{"8800"}, []string{"王小明", "李娜"}, []string{"Anne"}},
		} {
			out, errOut, err := searchFinds(t, book, lang, tt.args...)
			if err != nil {
				t.Errorf("%s: search %q: %v\n%s", lang, tt.args, err, errOut)
				continue
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("%s: search %q does not find %q:\n%s", lang, tt.args, w, out)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("%s: search %q finds %q:\n%s", lang, tt.args, n, out)
				}
			}
		}
		for _, q := range [][]string{{"card:9999"}, {"family:nobody"}, {"VIP", "9999"}, {"anne", "8800123"}} {
			_, errOut, err := searchFinds(t, book, lang, q...)
			want := map[string]string{"en": "no client matches", "zh": "没有客户匹配"}[lang]
			if err == nil || !strings.Contains(errOut+err.Error(), want) {
				t.Errorf("%s: search %q: %v, want %q\n%s", lang, q, err, want, errOut)
			}
		}
		for _, q := range [][]string{{"VIP", "8800123"}, {"8800-123"}, {"vip8800123"}, {"VIP 8800 123"}} {
			out, errOut, err := runLang(book, lang, "", append([]string{"show"}, q...)...)
			if err != nil || !strings.HasPrefix(out, "王小明") {
				t.Errorf("%s: show %q: %v\n%s%s", lang, q, err, out, errOut)
			}
		}
	}
}

// TestSearchOlderBookReadOnly (issue 11, point 4): a book whose summaries
// an older vipbook wrote (before they carried sizes, likes, family,
// store), searched read-only before any writable open, finds its clients
// by every field filter all the same, reading each client's record, and
// says on stderr, in the associate's language, that this is slower and
// how to make it quick; a field filter with a name finds through the kept
// index; once the book was opened for writing, nothing is said.
func TestSearchOlderBookReadOnly(t *testing.T) {
	book := fieldsBook(t)
	// As an older vipbook left it: version 2 summaries (their search
	// fields unread), no summary version in the meta, no search rows.
	db, err := bolt.Open(book, 0o600, nil)
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
	said := map[string]string{"en": "written by an older vipbook", "zh": "由旧版 vipbook 写成"}
	how := map[string]string{"en": "vipbook check --repair", "zh": "vipbook check --repair"}
	for _, lang := range []string{"en", "zh"} {
		for _, tt := range []struct {
			args   []string
			want   string
			slower bool // the whole book's records are read
		}{
			{[]string{"family:张丽"}, "王小明", true},
			{[]string{"occupation:律师"}, "王小明", true},
			{[]string{"store:国金"}, "王小明", true},
			{[]string{"likes:藏青"}, "王小明", true},
			{[]string{"size:shoes=39", "likes:loafers"}, "Anne Dubois", true},
			{[]string{"王", "likes:藏青"}, "王小明", false},
			{[]string{"藏青"}, "Anne Dubois", false},
		} {
			out, errOut, err := searchFinds(t, book, lang, tt.args...)
			if err != nil || !strings.Contains(out, tt.want) {
				t.Errorf("%s: search %q of the older book: %v, want %s\n%s%s", lang, tt.args, err, tt.want, out, errOut)
			}
			if got := strings.Contains(errOut, said[lang]) && strings.Contains(errOut, how[lang]); got != tt.slower {
				t.Errorf("%s: search %q of the older book says it is slower: %v, want %v\n%s", lang, tt.args, got, tt.slower, errOut)
			}
		}
	}
	run(t, book, "check", "--repair")
	out, errOut, err := searchFinds(t, book, "en", "family:张丽")
	if err != nil || !strings.Contains(out, "王小明") || strings.Contains(errOut, said["en"]) {
		t.Errorf("search after a writable open: %v\n%s%s", err, out, errOut)
	}
}
