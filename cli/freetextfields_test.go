package cli

import (
	"strings"
	"testing"
)

// TestSearchFreeTextFindsFields (issue 11, point 4): free text finds a
// client by the words of a profile field too, not only a filter does:
// 藏青 finds 王小明, whose only trace of it is a like 藏青色, beside Anne
// Dubois, whose note says it; likes, dislikes, occupation, a family
// member's name and the store each find their client, in English and in
// Chinese; a client matched by name comes before one matched by a field,
// as before one matched by a note.
func TestSearchFreeTextFindsFields(t *testing.T) {
	book := fieldsBook(t)
	run(t, book, "add", "张丽", "--phone", "13700137000") // named as 王小明's wife is
	for _, lang := range []string{"en", "zh"} {
		for _, tt := range []struct {
			q         string
			want, not []string // want in this order
		}{
			{"藏青", []string{"王小明"}, []string{"李娜", "张丽"}},
			{"藏青", []string{"Anne Dubois"}, nil},
			{"藏青色", []string{"王小明"}, []string{"李娜", "张丽"}},
			{"藏青色", []string{"Anne Dubois"}, nil},
			{"loafers", []string{"Anne Dubois"}, []string{"王小明", "李娜"}},
			{"logo", []string{"王小明"}, []string{"Anne", "李娜"}},
			{"律师", []string{"王小明"}, []string{"Anne", "李娜"}},
			{"designer", []string{"Anne Dubois"}, []string{"王小明"}},
			{"国金", []string{"王小明"}, []string{"Anne", "李娜"}},
			{"ifc", []string{"Anne Dubois"}, []string{"王小明"}},
			{"张丽", []string{"张丽", "王小明"}, []string{"Anne", "李娜"}}, // the name first, then the family
			{"wxm 藏青", []string{"王小明"}, []string{"Anne", "李娜"}},
		} {
			out, errOut, err := searchFinds(t, book, lang, tt.q)
			if err != nil {
				t.Errorf("%s: search %q: %v\n%s", lang, tt.q, err, errOut)
				continue
			}
			at := -1
			for _, w := range tt.want {
				i := strings.Index(out, w)
				if i < 0 || i < at {
					t.Errorf("%s: search %q does not find %v in that order:\n%s", lang, tt.q, tt.want, out)
					break
				}
				at = i
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("%s: search %q finds %s too:\n%s", lang, tt.q, n, out)
				}
			}
		}
	}
}
