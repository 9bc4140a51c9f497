package interchange

import (
	"slices"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// TestMatchRules imports a sheet against a book as merge.Index matches
// strictly: a shared phone under another name is a new client with a
// warning, the same phone under the same name merges, a name with its
// birthday merges, a bare name finding two clients is skipped; inside the
// file, rows of one person (same name and birthday) become one client with
// both numbers and their note once.
func TestMatchRules(t *testing.T) {
	b := newBook(t)
	ids := map[string]string{}
	b.Update(func(tx *store.Tx) error {
		for _, p := range []profile.Profile{
			{Name: "王小明", Phones: []profile.Phone{{Number: "13800138000"}}},
			{Name: "李娜", Dates: []profile.ImportantDate{{Kind: profile.DateBirthday, When: civil.MonthDay{Month: 3, Day: 2}}}},
			{Name: "陈静"}, {Name: "陈 静"},
		} {
			if err := tx.AddClient(&p); err != nil {
				t.Fatal(err)
			}
			ids[p.Name] = p.ID
		}
		return nil
	})
	sheet := "姓名,手机,生日,备注\n" +
		"王晓红,138 0013 8000,,\n" + // his wife, on his phone
		"王小明,138 0013 8000,,喜欢藏青色\n" +
		"李娜,,1990-03-02,\n" +
		"陈静,,,\n" +
		"赵敏,139 0000 0001,1988-07-07,尺码 M\n" +
		"赵敏,139 0000 0002,1988-07-07,尺码 M\n"
	pl, err := importFile(t, b, "客户.csv", []byte(sheet), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var news []string
	for _, it := range pl.New {
		news = append(news, it.Name)
	}
	if !slices.Equal(news, []string{"王晓红", "赵敏"}) {
		t.Errorf("new %q", news)
	}
	if len(pl.New) == 2 && !slices.Equal(pl.New[1].Lines, []int{7}) {
		t.Errorf("赵敏 merged lines %v, want [7]", pl.New[1].Lines)
	}
	by := map[string]string{}
	for _, it := range pl.Merged {
		by[it.ClientID] = it.MatchedBy
	}
	if by[ids["王小明"]] != "phone +8613800138000" || by[ids["李娜"]] != "name and birthday" || len(pl.Merged) != 2 {
		t.Errorf("merged %+v", pl.Merged)
	}
	if len(pl.Skipped) != 1 || pl.Skipped[0].Line != 5 || !strings.Contains(pl.Skipped[0].Reason, "matches several clients") {
		t.Errorf("skipped %+v", pl.Skipped)
	}
	warns := map[int]string{}
	for _, w := range pl.Warnings {
		warns[w.Line] += w.Text
	}
	if len(warns) != 2 || !strings.Contains(warns[2], "shares a phone or e-mail with 王小明") ||
		!strings.Contains(warns[3], "shares phone +8613800138000 with line 2 (王晓红) but not the name; kept apart") {
		t.Errorf("warnings %+v", pl.Warnings)
	}
	b.View(func(tx *store.Tx) error {
		zm := tx.FindByPhone("13900000002")
		if len(zm) != 1 {
			t.Fatalf("赵敏's second number finds %v", zm)
		}
		p, _ := tx.Client(zm[0])
		ns, _ := tx.Notes(zm[0])
		if len(p.Phones) != 2 || len(ns) != 1 {
			t.Errorf("赵敏: phones %+v, notes %d", p.Phones, len(ns))
		}
		return nil
	})
}
