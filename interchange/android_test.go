package interchange

import (
	"slices"
	"testing"
)

// TestAndroidCustomShapes reads the forms of Android's X-ANDROID-CUSTOM
// rows that phones and the tools beside them write (each seen in public
// code that reads or writes Android's exports): a year-less date (--MM-DD),
// Samsung's trailing ";0", the whole value quoted-printable with the
// label in UTF-8 (as Samsung writes a label that is not ASCII), a
// custom-labelled event, "other" (type 2), and relations, which become
// the household with the relation Android's type number names.
func TestAndroidCustomShapes(t *testing.T) {
	card := "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Chen;Mei;;;\r\nFN:Mei Chen\r\nTEL;CELL:13800138000\r\n" +
		"X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;--03-23;1;;;;;;;;;;;;;\r\n" +
		"X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;2021-04-23;2;;;;;;;;;;;;;0\r\n" +
		"X-ANDROID-CUSTOM:vnd.android.cursor.item/contact_event;2017-09-23;0;Custom;;;;;;;;;;;;\r\n" +
		// 2010-06-15, type 0, label 开店日 ("shop opening day"), Samsung's QP form.
		"X-ANDROID-CUSTOM;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:vnd.android.cursor.item/contact_event;" +
		"=32=30=31=30=2D=30=36=2D=31=35;=30;=E5=BC=80=E5=BA=97=E6=97=A5;;;;;;;;;;;;=30\r\n" +
		"X-ANDROID-CUSTOM:vnd.android.cursor.item/relation;Wang Lei;14;;;;;;;;;;;;;\r\n" +
		"X-ANDROID-CUSTOM:vnd.android.cursor.item/relation;Mum\\, dearest;8;;;;;;;;;;;;;\r\n" +
		"X-ANDROID-CUSTOM;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:vnd.android.cursor.item/relation;=E5=B0=8F=E5=AE=9D;=30;=E5=A5=B3=E5=84=BF;;;;;;;;;;;;\r\n" +
		"X-ANDROID-CUSTOM:vnd.android.cursor.item/nickname;Meimei;1;;;;;;;;;;;;;\r\n" +
		"END:VCARD\r\n"
	src, err := Parse("contacts.vcf", []byte(card), ParseOptions{CC: "86"})
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Records) != 1 {
		t.Fatalf("%d records", len(src.Records))
	}
	p := src.Records[0].Profile
	var dates []string
	for _, d := range p.Dates {
		dates = append(dates, string(d.Kind)+" "+d.Label+" "+d.When.String())
	}
	want := []string{"anniversary  03-23", "custom Other 2021-04-23", "custom Custom 2017-09-23", "custom 开店日 2010-06-15"}
	if !slices.Equal(dates, want) {
		t.Errorf("dates\n%q\nwant\n%q", dates, want)
	}
	var members []string
	for _, m := range p.Household {
		members = append(members, m.Name+" ("+m.Relation+")")
	}
	if wantM := []string{"Wang Lei (spouse)", "Mum, dearest (mother)", "小宝 (女儿)"}; !slices.Equal(members, wantM) {
		t.Errorf("household %q, want %q", members, wantM)
	}
	if w := src.Records[0].Warns; len(w) != 0 {
		t.Errorf("warnings %+v", w)
	}
}
