package interchange

import (
	"strings"
	"testing"

	"github.com/vipbook/vipbook/i18n"
)

// TestPoint1ImportShowsControls (issue 14 point 1): names and notes of a
// hostile CSV and vCard (a title set, OSC 52, a screen clear, a bidi
// override, the C1 CSI) come in with each control shown as a visible
// symbol, a note keeping its line break and tab, and each record says how
// many of its fields were changed.
func TestPoint1ImportShowsControls(t *testing.T) {
	files := map[string]string{
		"h.csv": "name,phone,notes\n\"Title\x1b]0;PWNED\x07\",13800138000,\"clip \x1b]52;c;cHduZWQ=\x07\nsecond\tline\"\n" +
			"\"Bidi\u202etxt\u202c\",13900139000,\"C1 \u009b31m\"\n",
		"h.vcf": "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Title\x1b]0;PWNED\x07\r\nTEL:13800138000\r\nNOTE:clip \x1b]52;c;cHduZWQ=\x07\\nsecond\tline\r\nEND:VCARD\r\n" +
			"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bidi\u202etxt\u202c\r\nTEL:13900139000\r\nNOTE:C1 \u009b31m\r\nEND:VCARD\r\n",
	}
	for name, data := range files {
		src, err := Parse(name, []byte(data), ParseOptions{CC: "86"})
		if err != nil {
			t.Fatal(err)
		}
		if len(src.Records) != 2 {
			t.Fatalf("%s: %d records", name, len(src.Records))
		}
		r0, r1 := src.Records[0], src.Records[1]
		if r0.Profile.Name != "Title␛]0;PWNED␇" || r1.Profile.Name != `Bidi\u202etxt\u202c` {
			t.Errorf("%s: names %q %q", name, r0.Profile.Name, r1.Profile.Name)
		}
		if len(r0.Notes) == 0 || r0.Notes[0].Text != "clip ␛]52;c;cHduZWQ=␇\nsecond\tline" {
			t.Errorf("%s: note %+v", name, r0.Notes)
		}
		for i, r := range src.Records {
			said := ""
			for _, w := range r.Warns {
				if w.Code == i18n.ImportControlChars {
					said = w.In("en")
				}
			}
			if !strings.HasPrefix(said, "2 field(s) held control characters") {
				t.Errorf("%s record %d: warnings %+v", name, i, r.Warns)
			}
		}
	}
}
