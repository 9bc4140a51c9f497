package tui

import (
	"path/filepath"
	"strings"
	"testing"

	vb "github.com/vipbook/vipbook/book"
	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestSlashFreeTextFindsFields (issue 11, point 4): / in the app finds a
// client by the words of a profile field typed as free text, not only
// after a filter's name: 藏青 finds 王小明, whose only trace of it is a
// like 藏青色, beside 林小雨, whose note says it; a dislike, the
// occupation, a family member's name and the store find their client; a
// client named so comes first, before one found by a field (张丽 by her
// name, then 王小明 by his wife's); in English and in Chinese.
func TestSlashFreeTextFindsFields(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fields.db")
	book, err := vb.Init(path, store.Meta{Associate: "Li Na", Currency: "CNY", CountryCode: "86"}, vb.Options{Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { book.Close() })
	err = book.Store().WithoutHooks().Update(func(tx *store.Tx) error {
		wang := &profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "13900000001"}}, Occupation: "律师", HomeStore: "上海国金中心",
			Preferences: []profile.Preference{{Kind: profile.PrefColour, Value: "藏青色"}, {Kind: profile.PrefColour, Value: "大Logo", Dislike: true}},
			Household:   []profile.Member{{Name: "张丽", Relation: "spouse"}}}
		lin := &profile.Profile{Name: "林小雨", Phones: []profile.Phone{{Number: "13900000002"}}}
		zhang := &profile.Profile{Name: "张丽", Phones: []profile.Phone{{Number: "13900000003"}}}
		for _, p := range []*profile.Profile{wang, lin, zhang} {
			if err := tx.AddClient(p); err != nil {
				return err
			}
		}
		return tx.AddNote(&notes.Note{ClientID: lin.ID, Kind: notes.General, Text: "喜欢藏青色的外套"})
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "zh"} {
		h := newHarness(t, book, lang, 100, 30)
		for _, tt := range []struct {
			q    string
			want []string // in this order
			not  []string
		}{
			{"藏青", []string{"王小明"}, []string{"张丽"}},
			{"藏青", []string{"林小雨"}, nil},
			{"logo", []string{"王小明"}, []string{"林小雨", "张丽"}},
			{"律师", []string{"王小明"}, []string{"林小雨", "张丽"}},
			{"国金", []string{"王小明"}, []string{"林小雨", "张丽"}},
			{"张丽", []string{"张丽", "王小明"}, []string{"林小雨"}},
		} {
			h.keys("2", "/")
			h.typeText(tt.q)
			v := h.view()
			at := -1
			for _, w := range tt.want {
				i := strings.Index(v, w)
				if i < 0 || i < at {
					t.Errorf("%s: /%s does not find %v in that order:\n%s", lang, tt.q, tt.want, v)
					break
				}
				at = i
			}
			for _, n := range tt.not {
				if strings.Contains(v, n) {
					t.Errorf("%s: /%s finds %s too:\n%s", lang, tt.q, n, v)
				}
			}
			h.keys("esc", "esc")
		}
	}
}
