package interchange

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/civil"
	"github.com/vipbook/vipbook/profile"
)

// TestCSVGiftsAndLabelsByHand reads a sheet an associate kept by hand: a
// phone cell with labels before the numbers (工作: …) and one without, a
// gift log without the book's ids, one gift with no day (kept in the
// details, not lost), and a gifts column named by --map. The gifts are
// numbered g1, g2 in order; a number in parentheses stays the number's,
// labelled by its column (手机: mobile).
func TestCSVGiftsAndLabelsByHand(t *testing.T) {
	data := []byte("姓名,手机,生日,Presents\n" +
		"王芳,\"mobile: 138 0013 8000; 工作: 021-6288 1234; (021) 6288 9999\",1985-08-15,\"2025-08-01: silk scarf; 2026-01-01: tea, two tins; someday: flowers\"\n")
	src, err := Parse("by-hand.csv", data, ParseOptions{CC: "86", Map: []string{"gifts=Presents"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Records) != 1 {
		t.Fatalf("%d records", len(src.Records))
	}
	p := src.Records[0].Profile
	wantPhones := []profile.Phone{{Number: "+8613800138000", Label: "mobile"}, {Number: "+862162881234", Label: "工作"}, {Number: "+862162889999", Label: "mobile"}}
	if !equalJSON(p.Phones, wantPhones) {
		t.Errorf("phones %+v, want %+v", p.Phones, wantPhones)
	}
	wantGifts := []profile.Gift{{ID: "g1", What: "silk scarf", Date: civil.MustParse("2025-08-01")},
		{ID: "g2", What: "tea, two tins", Date: civil.MustParse("2026-01-01")}}
	if !equalJSON(p.Gifts, wantGifts) {
		t.Errorf("gifts %+v, want %+v", p.Gifts, wantGifts)
	}
	var details string
	for _, n := range src.Records[0].Notes {
		details += n.Text
	}
	if !strings.Contains(details, "Presents: someday: flowers") {
		t.Errorf("the gift without a day is lost: notes %q", details)
	}
}
