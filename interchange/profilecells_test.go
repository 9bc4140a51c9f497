package interchange

import (
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
)

// TestMapProfileColumns: a shop's sheet with its own headers feeds sizes,
// likes, a dislike, measurements, a spouse, a card number, a wedding
// anniversary with its lead days and a child's birthday through --map,
// and vipbook's own headers are recognised without it.
func TestMapProfileColumns(t *testing.T) {
	csv := "Kunde,Tel,Schuhe,Mag,Mag nicht,Masse,Ehepartner,Karte,Hochzeit,Kind\r\n" +
		"王小明,13800138000,shoes: 39 EU (narrow foot); jacket: 50 IT,colour: navy; style: loafers,gold,chest: 98 cm,张伟,VIP 8800-123,2010-05-20 lead 30,Lily: 2015-06-01\r\n"
	src, err := Parse("shop.csv", []byte(csv), ParseOptions{CC: "86", Map: []string{"name=Kunde", "phone=Tel", "sizes=Schuhe",
		"likes=Mag", "dislikes=Mag nicht", "measurements=Masse", "spouse=Ehepartner", "cards=Karte", "anniversary=Hochzeit",
		"child_birthday=Kind"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Records) != 1 {
		t.Fatalf("%d records", len(src.Records))
	}
	p := src.Records[0].Profile
	want := entries{
		Sizes:        []string{"shoes|39|EU|narrow foot", "jacket|50|IT|"},
		Likes:        []string{"colour|navy", "style|loafers"},
		Dislikes:     []string{"other|gold"},
		Measurements: []string{"chest|98|cm"},
		Household:    []string{"张伟|spouse"},
		Cards:        []string{"|VIP 8800-123||0|"},
	}
	if got := entriesOf(&p); !equalJSON(got, want) {
		t.Errorf("entries %+v, want %+v", got, want)
	}
	var wedding, lily bool
	for _, d := range p.Dates {
		switch {
		case d.Kind == profile.DateAnniversary && d.When == (civil.MonthDay{Year: 2010, Month: 5, Day: 20}) && d.LeadDays == 30:
			wedding = true
		case d.Kind == profile.DateChildBirthday && d.Label == "Lily" && d.When.Day == 1:
			lily = true
		}
	}
	if !wedding || !lily {
		t.Errorf("dates %+v: want the wedding with 30 lead days and Lily's birthday", p.Dates)
	}

	// The same columns under vipbook's own (and Chinese) headers need no --map.
	csv = "姓名,手机,尺码,喜好,不喜欢,定制尺寸,家人,会员卡\r\n" +
		"李娜,13900139000,ring: 11 HK,brand: Hermès,fabric: polyester,sleeve: 62 cm,Lily: child,\"Maison: VIP9, gold, 1200 points, expires 2027-12-31\"\r\n"
	src, err = Parse("own.csv", []byte(csv), ParseOptions{CC: "86"})
	if err != nil {
		t.Fatal(err)
	}
	p = src.Records[0].Profile
	want = entries{Sizes: []string{"ring|11|HK|"}, Likes: []string{"brand|Hermès"}, Dislikes: []string{"material|polyester"},
		Measurements: []string{"sleeve|62|cm"}, Household: []string{"Lily|child"}, Cards: []string{"Maison|VIP9|gold|1200|2027-12-31"}}
	if got := entriesOf(&p); !equalJSON(got, want) {
		t.Errorf("entries %+v, want %+v", got, want)
	}
}
