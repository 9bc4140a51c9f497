package interchange

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"

	"github.com/vipbook/vipbook/i18n"
)

// TestCSVHeadersInChinese: the CSV export written in Chinese has a
// Chinese header (编号, 姓名, 英文名 …), every column its own word that
// import maps to the field its English name feeds; the file, with the
// byte-order mark for Excel and without, imports into an empty book with
// every field back, and into its own book changing nothing; the book's
// own columns (编号, 等级, the figures) are listed as not read, as in
// English.
func TestCSVHeadersInChinese(t *testing.T) {
	cat := i18n.New(i18n.Chinese)
	seen := map[string]bool{}
	for _, en := range CSVHeader {
		zh := cat.CSVColumn(en)
		if zh == en || seen[zh] || i18n.CSVColumnOf(zh) != en || i18n.CSVColumnOf(en) != en {
			t.Errorf("column %s: Chinese %q (seen %v, read back as %q)", en, zh, seen[zh], i18n.CSVColumnOf(zh))
		}
		seen[zh] = true
		fe, okE := headerField(en)
		fz, okZ := headerField(zh)
		if fe != fz || okE != okZ {
			t.Errorf("column %s feeds %q (%v), %s feeds %q (%v)", en, fe, okE, zh, fz, okZ)
		}
	}
	b, ids := fullBook(t)
	ex := collect(t, b, ids)
	for _, excel := range []bool{false, true} {
		var buf bytes.Buffer
		if err := WriteCSVIn(&buf, ex, excel, i18n.Chinese); err != nil {
			t.Fatal(err)
		}
		file := buf.Bytes()
		if excel != bytes.HasPrefix(file, []byte("\uFEFF")) {
			t.Errorf("excel %v: the file starts %q", excel, file[:8])
		}
		header, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(file, []byte("\uFEFF")))).Read()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(header[:6], []string{"编号", "姓名", "英文名", "称呼", "性别", "电话"}) {
			t.Errorf("excel %v: the header %q", excel, header)
		}
		src, err := Parse("book.csv", file, ParseOptions{CC: "86"})
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"编号", "等级", "近12个月消费", "购买次数", "记录数", "建档日期"}; !sameSet(src.Mapping.Unmapped, want) {
			t.Errorf("excel %v: not read %q, want %q", excel, src.Mapping.Unmapped, want)
		}
		empty := newBook(t)
		pl, err := importFile(t, empty, "book.csv", file, ParseOptions{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, it := range pl.New {
			got = append(got, it.ClientID)
		}
		back := collect(t, empty, got)
		for i := range ex.Clients {
			w, g := ex.Clients[i].Profile, back.Clients[i].Profile
			w.Household = slices.Clone(w.Household)
			for j, m := range w.Household {
				if m.ClientID == ids[1] {
					w.Household[j].ClientID = back.Clients[1].Profile.ID
				}
			}
			if w.ReferredBy == ids[1] {
				w.ReferredBy = back.Clients[1].Profile.ID
			}
			if a, b := entered(w, nil), entered(g, nil); a != b {
				t.Errorf("excel %v: %s differs:\n%s", excel, w.Name, fieldDiff(a, b))
			}
		}
		again, err := importFile(t, b, "again.csv", file, ParseOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(again.New) != 0 || len(again.Merged) != 0 {
			t.Errorf("excel %v: into its own book adds %+v, changes %+v", excel, again.New, again.Merged)
		}
	}
}

// sameSet reports whether a and b hold the same strings, in any order
// (the last visit is empty in the books of these tests, so not listed).
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}
