package interchange

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
)

// Issue 12, point 8: a 生日 cell written as a lunar date (农历八月十五,
// 腊月廿三, 闰四月初一, 农历1978年七月三十) is a lunar birthday, not a
// note; a lunar day that does not exist is kept in a note with a warning.
func TestPoint8CSVLunarBirthdayCells(t *testing.T) {
	b := newBook(t)
	sheet := "姓名,手机,生日\n" +
		"张三,139 0000 0003,农历八月十五\n" +
		"李四,139 0000 0004,腊月廿三\n" +
		"王五,139 0000 0005,闰四月初一\n" +
		"赵六,139 0000 0006,农历1978年七月三十\n" +
		"钱七,139 0000 0007,3月5日\n" +
		"孙八,139 0000 0008,八月三十一\n"
	pl, err := importFile(t, b, "客户.csv", []byte(sheet), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]profile.ImportantDate{
		"13900000003": {Lunar: true, When: civil.MonthDay{Month: 8, Day: 15}},
		"13900000004": {Lunar: true, When: civil.MonthDay{Month: 12, Day: 23}},
		"13900000005": {Lunar: true, LeapMonth: true, When: civil.MonthDay{Month: 4, Day: 1}},
		"13900000006": {Lunar: true, When: civil.MonthDay{Year: 1978, Month: 7, Day: 30}},
		"13900000007": {When: civil.MonthDay{Month: 3, Day: 5}},
	}
	b.View(func(tx *store.Tx) error {
		for phone, w := range want {
			ids := tx.FindByPhone(phone)
			if len(ids) != 1 {
				t.Fatalf("%s finds %v", phone, ids)
			}
			p, _ := tx.Client(ids[0])
			bd, ok := p.Birthday()
			if !ok || bd.Lunar != w.Lunar || bd.LeapMonth != w.LeapMonth || bd.When != w.When {
				t.Errorf("%s: birthday %+v, want %+v", p.Name, bd, w)
			}
			if ns, _ := tx.Notes(ids[0]); len(ns) != 0 {
				t.Errorf("%s: the birthday went to a note too: %+v", p.Name, ns)
			}
		}
		ids := tx.FindByPhone("13900000008")
		p, _ := tx.Client(ids[0])
		if _, ok := p.Birthday(); ok {
			t.Errorf("八月三十一 became a birthday")
		}
		return nil
	})
	warned := false
	for _, w := range pl.Warnings {
		warned = warned || strings.Contains(w.Text, "八月三十一")
	}
	if !warned {
		t.Errorf("no warning for 八月三十一: %+v", pl.Warnings)
	}
}
