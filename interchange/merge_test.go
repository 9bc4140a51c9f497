package interchange

import (
	"slices"
	"testing"
	"time"

	"github.com/vipbook/vipbook/notes"
	"github.com/vipbook/vipbook/profile"
	"github.com/vipbook/vipbook/store"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// gbkSheet is a sheet as Chinese Excel saves it: GBK, semicolons, Chinese
// headers, a quoted note over two lines, a day-first date.
func gbkSheet(t *testing.T, text string) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestMergeIntoBook imports a sheet whose row is a client of the book:
// the newer value of a field wins and the older goes to the history, lists
// are united, notes are added once, do-not-contact is never lifted, and a
// second import changes nothing.
func TestMergeIntoBook(t *testing.T) {
	sheet := gbkSheet(t, "姓名;手机号码;城市;生日;标签;备注;勿扰\r\n"+
		"王小明;138-0013-8000;上海;15/08/1985;VIP、鞋;\"喜欢藏青色\r\n尺码 M\";否\r\n"+
		"李娜;+86 139 1234 5678;北京;1990年3月2日;;;是\r\n")
	tests := []struct {
		name      string
		fileTime  time.Time // the file's modification time
		wantCity  string
		wantOlder string // the city kept in the history
	}{
		{"file newer than the client", testNow.Add(time.Hour), "上海", "北京"},
		{"client newer than the file", testNow.Add(-time.Hour), "北京", "上海"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBook(t)
			var id string
			b.Update(func(tx *store.Tx) error {
				p := profile.Profile{Name: "王小明", Phones: []profile.Phone{{Number: "13800138000", Label: "mobile"}}, City: "北京",
					Tags: []string{"vip"}, Consent: profile.Consent{DoNotContact: true, How: "asked in store"}}
				if err := tx.AddClient(&p); err != nil {
					t.Fatal(err)
				}
				id = p.ID
				return tx.AddNote(&notes.Note{ClientID: id, Kind: notes.General, Text: "喜欢藏青色\n尺码 M"})
			})
			run := func() *Plan {
				src, err := Parse("客户.csv", sheet, ParseOptions{CC: "86"})
				if err != nil {
					t.Fatal(err)
				}
				if src.Encoding != "GB18030" || src.Delimiter != "semicolon" || src.Mapping.DateOrder != "dmy" {
					t.Errorf("read as %s %s %s", src.Encoding, src.Delimiter, src.Mapping.DateOrder)
				}
				var pl *Plan
				if err := b.Update(func(tx *store.Tx) error {
					pl, err = MakePlan(tx, src, PlanOptions{SourceTime: tt.fileTime})
					if err != nil {
						return err
					}
					return Apply(tx, pl, nil)
				}); err != nil {
					t.Fatal(err)
				}
				return pl
			}
			pl := run()
			if len(pl.New) != 1 || len(pl.Merged) != 1 || pl.Merged[0].ClientID != id || pl.Merged[0].MatchedBy != "phone +8613800138000" {
				t.Fatalf("plan new %+v merged %+v", pl.New, pl.Merged)
			}
			b.View(func(tx *store.Tx) error {
				p, _ := tx.Client(id)
				if p.City != tt.wantCity || !p.Consent.DoNotContact {
					t.Errorf("city %q dnc %v, want %q and do-not-contact kept", p.City, p.Consent.DoNotContact, tt.wantCity)
				}
				if !slices.ContainsFunc(p.History, func(h profile.FieldChange) bool { return h.Field == "city" && h.Old == tt.wantOlder }) {
					t.Errorf("history %+v lacks the older city %q", p.History, tt.wantOlder)
				}
				if !slices.Equal(p.Tags, []string{"vip", "鞋"}) {
					t.Errorf("tags %q", p.Tags)
				}
				if bd, ok := p.Birthday(); !ok || bd.When.String() != "1985-08-15" {
					t.Errorf("birthday %+v", bd)
				}
				ns, _ := tx.Notes(id)
				if len(ns) != 1 {
					t.Errorf("notes %+v: the same note twice", ns)
				}
				other := tx.FindByPhone("13912345678")
				if len(other) != 1 {
					t.Fatalf("李娜 not added")
				}
				li, _ := tx.Client(other[0])
				if bd, _ := li.Birthday(); !li.Consent.DoNotContact || bd.When.String() != "1990-03-02" {
					t.Errorf("李娜 %+v", li)
				}
				return nil
			})
			again := run()
			if len(again.New)+len(again.Merged) != 0 || len(again.Unchanged) != 2 {
				t.Errorf("second import: new %d merged %+v", len(again.New), again.Merged)
			}
		})
	}
}

// TestMapOverride checks --map: a column the header does not name is read
// as the field asked, a field can be switched off, and a bad map is refused.
func TestMapOverride(t *testing.T) {
	data := []byte("Kunde,Handy,Notiz\nMax Müller,0171 2345678,VIP since 2019\n")
	if _, err := Parse("k.csv", data, ParseOptions{}); err == nil {
		t.Errorf("a sheet without a name column is imported")
	}
	src, err := Parse("k.csv", data, ParseOptions{Map: []string{"name=Kunde", "phone=2", "note=Notiz"}})
	if err != nil {
		t.Fatal(err)
	}
	p := src.Records[0]
	if p.Profile.Name != "Max Müller" || len(p.Profile.Phones) != 1 || len(p.Notes) != 1 {
		t.Errorf("record %+v", p)
	}
	src, _ = Parse("k.csv", data, ParseOptions{Map: []string{"name=Kunde", "note="}})
	if len(src.Records[0].Notes) != 0 || !slices.Contains(src.Mapping.Unmapped, "Notiz") {
		t.Errorf("note= still reads: %+v", src.Records[0])
	}
	for _, bad := range []string{"nmae=Kunde", "name=Kundin", "name"} {
		if _, err := Parse("k.csv", data, ParseOptions{Map: []string{bad}}); err == nil {
			t.Errorf("--map %s accepted", bad)
		}
	}
}
