package vcard

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	govcard "github.com/emersion/go-vcard"
	"github.com/vipbook/vipbook/i18n"
)

const fixtures = "../../testdata/fixtures/vcf/"

func readFixture(t *testing.T, name string) ([]Card, []Problem) {
	t.Helper()
	b, err := os.ReadFile(fixtures + name)
	if err != nil {
		t.Fatal(err)
	}
	return Read(b)
}

func value(c *Card, name string) string {
	if p := c.Get(name); p != nil {
		return p.Value
	}
	return ""
}

func TestReadFixtures(t *testing.T) {
	tests := []struct {
		file     string
		cards    int
		problems []int // lines of the problems
		check    func(t *testing.T, cs []Card)
	}{
		{"eds_vcard_5.vcf", 1, nil, func(t *testing.T, cs []Card) {
			// QP soft breaks split a UTF-8 character: joined before decoding.
			if got := value(&cs[0], "FN"); got != "十城目管理大型知座" {
				t.Errorf("FN = %q", got)
			}
			if got := Fields(value(&cs[0], "N")); Field(got, 1) != "十城目管理大型知座" {
				t.Errorf("N = %q", got)
			}
		}},
		{"ezvcard_John_Doe_GMAIL.vcf", 1, nil, func(t *testing.T, cs []Card) {
			c := &cs[0]
			note := Text(value(c, "NOTE"))
			if !strings.HasPrefix(note, `THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY`) ||
				!strings.HasSuffix(note, "SUCH DAMAGE.\nFavotire Color: Blue") || !strings.Contains(note, "PROFITS; OR BUSINESS") {
				t.Errorf("NOTE = %q", note)
			}
			d := c.Get("X-ABDATE")
			if d == nil || d.Value != "1975-03-01" || c.Label(d) != "Anniversary" {
				t.Errorf("X-ABDATE = %+v", d)
			}
			if got := Text(value(c, "URL")); got != "http://www.ibm.com" {
				t.Errorf("URL = %q", got)
			}
		}},
		{"ezvcard_John_Doe_IPHONE.vcf", 1, nil, func(t *testing.T, cs []Card) {
			c := &cs[0]
			if got := value(c, "ORG"); got != "IBM;Accounting" {
				t.Errorf("ORG = %q (CR CR LF line ends)", got)
			}
			tels := c.All("TEL")
			if len(tels) != 7 || !tels[0].HasType("cell") || !tels[0].HasType("pref") {
				t.Errorf("TEL = %+v", tels)
			}
			if c.Label(tels[6]) != "AssistantPhone" {
				t.Errorf("label of item2.TEL = %q", c.Label(tels[6]))
			}
			if p := c.Get("BDAY"); p == nil || p.Value != "2012-06-06" || p.Line != 24 {
				t.Errorf("BDAY = %+v", p)
			}
		}},
		{"ezvcard_John_Doe_ANDROID.vcf", 6, nil, func(t *testing.T, cs []Card) {
			if got := value(&cs[2], "FN"); got != "Ñ Ñ Ñ Ñ Ñ " {
				t.Errorf("FN = %q", got)
			}
			// The base64 photo and its blank line end are skipped, the card goes on.
			if got := value(&cs[4], "URL"); got != "www.company.com" {
				t.Errorf("card 5 URL = %q", got)
			}
			if len(cs[4].All("ORG")) != 2 || cs[5].Line != 71 {
				t.Errorf("card 5 ORGs %d, card 6 line %d", len(cs[4].All("ORG")), cs[5].Line)
			}
		}},
		{"ezvcard_John_Doe_MS_OUTLOOK.vcf", 1, nil, func(t *testing.T, cs []Card) {
			if got := value(&cs[0], "X-MS-ANNIVERSARY"); got != "20110113" {
				t.Errorf("X-MS-ANNIVERSARY = %q", got)
			}
			if got := value(&cs[0], "LABEL"); got != "Cresent moon drive\r\nAlbaney, New York  12345" {
				t.Errorf("LABEL = %q", got)
			}
		}},
		{"aosp_v21_complicated.vcf", 1, nil, func(t *testing.T, cs []Card) {
			notes := cs[0].All("NOTE")
			if len(notes) != 2 || notes[1].Value != "Now's the time for all folk to come to the aid of their country." {
				t.Errorf("NOTE = %+v", notes)
			}
			if got := value(&cs[0], "BDAY"); got != "19800101" {
				t.Errorf("BDAY after the photo = %q", got)
			}
		}},
		{"roundcube_thebat.vcf", 1, nil, func(t *testing.T, cs []Card) {
			if got := value(&cs[0], "FN"); got != "Piotr Iksiñski" {
				t.Errorf("FN without charset = %q", got)
			}
		}},
		{"nodevcf_multiple.vcf", 3, nil, func(t *testing.T, cs []Card) {
			adr := cs[0].Get("ADR")
			if adr.Param("LABEL") != `Heidestraße 17\n51147 Köln\nDeutschland` || Field(Fields(adr.Value), 3) != "Köln" {
				t.Errorf("ADR = %+v", adr)
			}
			if cs[1].Version != "2.1" || cs[2].Version != "3.0" {
				t.Errorf("versions %q %q", cs[1].Version, cs[2].Version)
			}
		}},
		{"thunderbird_export.vcf", 2, nil, func(t *testing.T, cs []Card) {
			if got := value(&cs[1], "X-CUSTOM3"); got != "custom\r3" {
				t.Errorf("a lone CR is kept in its value: %q", got)
			}
			if got := Text(value(&cs[1], "X-CUSTOM1")); got != "custom, 1" {
				t.Errorf("X-CUSTOM1 = %q", got)
			}
		}},
		{"ezvcard_gmail-list.vcf", 3, nil, nil},
		{"metowolf_zhaoshang_bank_cmb.vcf", 1, nil, func(t *testing.T, cs []Card) {
			if got := value(&cs[0], "ORG"); got != "招商银行" || len(cs[0].All("TEL")) != 7 {
				t.Errorf("ORG = %q", got)
			}
		}},
		{"aosp_v21_nest.vcf", 2, []int{1, 12}, nil},
		{"eds_vcard_7.vcf", 0, []int{1}, nil},
		{"khard_unparsable.vcf", 0, []int{1}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			cs, probs := readFixture(t, tt.file)
			if len(cs) != tt.cards {
				t.Fatalf("%d cards, want %d (problems %v)", len(cs), tt.cards, probs)
			}
			var lines []int
			for _, p := range probs {
				lines = append(lines, p.Line)
			}
			if !equalInts(lines, tt.problems) {
				t.Errorf("problems %v, want on lines %v", probs, tt.problems)
			}
			if tt.check != nil {
				tt.check(t, cs)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestReadCharsets(t *testing.T) {
	gbk := []byte("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=GBK:\xcd\xf5;\xd0\xa1\xc3\xf7\r\nFN:\xcd\xf5\xd0\xa1\xc3\xf7\r\n" +
		"NOTE;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:=CF=B2=BB=B6=\r\n=C0=B6=C9=AB\r\nEND:VCARD\r\n")
	cs, probs := Read(gbk)
	if len(cs) != 1 || len(probs) != 0 {
		t.Fatalf("%d cards, %v", len(cs), probs)
	}
	if got := Fields(value(&cs[0], "N")); got[0] != "王" || got[1] != "小明" {
		t.Errorf("N;CHARSET=GBK = %q", got)
	}
	if got := value(&cs[0], "FN"); got != "王小明" {
		t.Errorf("GBK without charset = %q", got)
	}
	if got := value(&cs[0], "NOTE"); got != "喜欢蓝色" {
		t.Errorf("QP GB2312 split across a soft break = %q", got)
	}

	// UTF-16 with a mark, as Outlook on Windows may save it.
	src := "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:李娜\r\nEND:VCARD\r\n"
	u16 := []byte{0xFF, 0xFE}
	for _, r := range src {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	cs, _ = Read(u16)
	if len(cs) != 1 || value(&cs[0], "FN") != "李娜" {
		t.Errorf("UTF-16 = %+v", cs)
	}

	// Old Mac line ends (CR only) and a quoted parameter holding a colon.
	cs, _ = Read([]byte("BEGIN:VCARD\rVERSION:3.0\rFN;X-A=\"a:b;c\":Ann\rEND:VCARD\r"))
	if len(cs) != 1 || value(&cs[0], "FN") != "Ann" || cs[0].Get("FN").Param("X-A") != "a:b;c" {
		t.Errorf("CR-only file = %+v", cs)
	}
}

func TestTextFieldsList(t *testing.T) {
	if got := Text(`a\,b\;c\nd\\e\:f\x`); got != "a,b;c\nd\\e:f\\x" {
		t.Errorf("Text = %q", got)
	}
	if got := Fields(`Doe;John;Richter\, James;Mr.;Sr.`); len(got) != 5 || got[2] != "Richter, James" {
		t.Errorf("Fields = %q", got)
	}
	if got := List(`VIP,shoes\, bags, ,wedding`); len(got) != 3 || got[1] != "shoes, bags" {
		t.Errorf("List = %q", got)
	}
}

func TestWriteFoldsAndRoundTrips(t *testing.T) {
	c := govcard.Card{}
	c.SetValue(govcard.FieldVersion, "3.0")
	c.SetValue(govcard.FieldFormattedName, "王小明")
	long := strings.Repeat("喜欢蓝色的羊绒大衣, 尺码 M; ", 12) + "\n第二行"
	c.Add(govcard.FieldNote, &govcard.Field{Value: long})
	c.Add(govcard.FieldCategories, &govcard.Field{Value: "VIP, shoes"})
	c.Add(govcard.FieldCategories, &govcard.Field{Value: "wedding"})
	var buf bytes.Buffer
	w := NewWriter(&buf)
	if err := w.Write(c); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	for _, line := range strings.Split(buf.String(), "\r\n") {
		if len(line) > 75 || !utf8.ValidString(line) {
			t.Errorf("line of %d octets or split character: %q", len(line), line)
		}
	}
	cs, probs := Read(buf.Bytes())
	if len(cs) != 1 || len(probs) != 0 {
		t.Fatalf("read back: %d cards, %v", len(cs), probs)
	}
	if got := Text(value(&cs[0], "NOTE")); got != long {
		t.Errorf("NOTE read back = %q", got)
	}
	var cats []string
	for _, p := range cs[0].All("CATEGORIES") {
		cats = append(cats, List(p.Value)...)
	}
	if len(cats) != 2 || cats[0] != "VIP, shoes" || cats[1] != "wedding" {
		t.Errorf("CATEGORIES read back = %q", cats)
	}
}

// FuzzRead feeds the reader the real-world fixtures and mutations of them:
// it must never panic, and every value it returns is UTF-8 with a line.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(fixtures + "*.vcf")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("BEGIN:VCARD\nN;ENCODING=QUOTED-PRINTABLE:=E5=\n=8D\nEND:VCARD"))
	f.Fuzz(func(t *testing.T, b []byte) {
		cards, probs := Read(b)
		for _, c := range cards {
			for _, p := range c.Props {
				if p.Line < 1 || !utf8.ValidString(p.Value) {
					t.Fatalf("property %+v", p)
				}
				Fields(p.Value)
				List(p.Value)
				c.Label(&p)
			}
		}
		for _, p := range probs {
			if p.Line < 1 {
				t.Fatalf("problem without a line: %+v", p)
			}
		}
	})
}

// TestPoint11LongValuesPassedOver: a photo is left out without being
// copied, a value over ValueLimit is left out and reported, and the rest
// of the card is read; reading a file with a 20 MiB photo and a 2 MiB note
// allocates a small part of it (the values are never copied).
func TestPoint11LongValuesPassedOver(t *testing.T) {
	photo := strings.Repeat("QUJD", 5<<20) // 20 MiB of base64
	folded := strings.Repeat("x", 70) + strings.Repeat("\r\n "+strings.Repeat("y", 70), (2<<20)/70)
	data := []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Kept Name\r\nitem1.PHOTO;ENCODING=b;TYPE=JPEG:" + photo +
		"\r\nNOTE:" + folded + "\r\nTEL:13800001111\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Old Phone\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:QUJD\r\nQUJDQUJD\r\nQUJD\r\n\r\nTEL:13800002222\r\nEND:VCARD\r\n")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cards, problems := Read(data)
	runtime.ReadMemStats(&after)
	if len(cards) != 2 {
		t.Fatalf("%d cards, want 2 (problems %v)", len(cards), problems)
	}
	c := cards[0]
	if c.Get("FN") == nil || c.Get("TEL") == nil || c.Get("PHOTO") != nil || c.Get("NOTE") != nil {
		t.Errorf("the first card: %+v", c.Props)
	}
	if len(problems) != 1 || problems[0].Code != i18n.ImportValueTooLong || problems[0].Args[0] != "NOTE" {
		t.Errorf("problems %+v, want one: the note over the limit", problems)
	}
	if c := cards[1]; c.Get("TEL") == nil || c.Get("PHOTO") != nil {
		t.Errorf("the 2.1 card with a base64 photo: %+v", c.Props)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > uint64(len(data))/4 {
		t.Errorf("reading %d MiB allocated %d MiB: the long values were copied", len(data)>>20, got>>20)
	}
}

// TestCaretEscapes: RFC 6868's escapes in parameter values, with the cases
// sabre/vobject's reader tests (ReaderTest.php: ^n a line break, ^^n a
// caret and an n, ^' a double quote inside a quoted value), read the same
// here.
func TestCaretEscapes(t *testing.T) {
	card := "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ann\r\n" +
		"ADR;LABEL=paramvalue1^nvalue2^^nvalue3:;;Rue 1;Paris;;;FR\r\n" +
		"NOTE;X-Q=\"^'11^'\";X-C=a^b:n\r\nEND:VCARD\r\n"
	cs, probs := Read([]byte(card))
	if len(cs) != 1 || len(probs) != 0 {
		t.Fatalf("%d cards, problems %v", len(cs), probs)
	}
	if got := cs[0].Get("ADR").Param("LABEL"); got != "paramvalue1\nvalue2^nvalue3" {
		t.Errorf("LABEL %q", got)
	}
	note := cs[0].Get("NOTE")
	if got := note.Param("X-Q"); got != `"11"` {
		t.Errorf("X-Q %q", got)
	}
	if got := note.Param("X-C"); got != "a^b" {
		t.Errorf("X-C %q, a caret before another letter stays", got)
	}
}
