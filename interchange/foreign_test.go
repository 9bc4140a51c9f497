package interchange

import (
	"errors"
	"github.com/vipbook/vipbook/profile"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/interchange/textenc"
)

// TestForeignExports reads the address books that German, French,
// Japanese, Chinese and Korean installations of Outlook, Thunderbird and
// Windows Live Mail write, each in the legacy encoding it writes: the
// encoding is recognised with confidence, the headers are read, and family
// and given names are joined in the language's order.
func TestForeignExports(t *testing.T) {
	type client struct {
		name, email, phone, birthday, city string
	}
	for _, tc := range []struct {
		file     string
		encoding string
		clients  []client
	}{
		// Real files first (testdata/fixtures/SOURCES.md): Thunderbird's own
		// import tests and FolkerKinzel/Contacts.IO's German exports.
		{"csv/thunderbird_shiftjis_addressbook.csv", textenc.ShiftJIS, []client{
			{"名無しの権兵衛", "名無しの権兵衛@host.invalid", "", "", ""},
		}},
		{"csv/thunderbird_utf16_addressbook.csv", textenc.UTF16LE, []client{
			{"John Doe", "johndoe@host.invalid", "", "", ""},
		}},
		{"csv/thunderbird_de_windows1252_folkerkinzel.csv", textenc.Windows1252, []client{
			{"Dr. Max Middle Name Mustermann jr.", "privat@folker-kinzel.de", "", "1972-01-31", "Wohnort"},
		}},
		{"csv/thunderbird_de_utf8_folkerkinzel.csv", textenc.UTF8, []client{
			{"Dr. Max Middle Name Mustermann jr.", "privat@folker-kinzel.de", "", "1972-01-31", "Wohnort"},
		}},
		{"csv/windows_live_mail_de_semicolon_bom_folkerkinzel.csv", textenc.UTF8BOM, []client{
			{"Max Middle Name Mustermann", "privat@folker-kinzel.de", "", "", "Ort"}, // "Name" holds the nickname Maxl
		}},
		{"csv/thunderbird_ja_shiftjis_written.csv", textenc.ShiftJIS, []client{
			{"名無しの権兵衛", "gonbe@example.jp", "090-1234-5678", "1970-04-01", "千代田区"},
			{"山田 太郎", "taro.yamada@example.co.jp", "080-2345-6789", "12-24", "大阪市"},
			{"佐藤花子", "hanako@example.jp", "070-3456-7890", "1988-07-07", ""}, // 姓 + 名, no display name
		}},
		{"csv/windows_live_mail_ja_shiftjis_written.csv", textenc.ShiftJIS, []client{
			{"鈴木 一郎", "ichiro@example.jp", "090-8765-4321", "", "横浜市"},
			{"高橋 さくら", "sakura.t@example.jp", "080-1111-2222", "", "京都市"},
		}},
		{"csv/thunderbird_zh_cn_gb18030_written.csv", textenc.GB18030, []client{
			{"王小明", "xiaoming.wang@example.cn", "138 0013 8000", "1985-03-02", "上海"}, // 王 + 小明
			{"李娜", "lina@example.cn", "139 1688 2046", "11-30", "杭州"},
			{"欧阳晓燕", "", "13917001700", "1972-02-29", "北京"},
		}},
		{"csv/outlook_de_windows1252_written.csv", textenc.Windows1252, []client{
			{"Jürgen Mößlitz", "j.moesslitz@example.de", "0151 2345678", "1970-12-24", "Stuttgart"}, // Vorname Nachname
			{"Françoise Weiß", "f.weiss@example.de", "0170 9876543", "1982-07-03", "München"},
		}},
		{"csv/thunderbird_de_utf8_written.csv", textenc.UTF8, []client{
			{"Anna Schäfer", "anna.schaefer@example.de", "0160 1234567", "1990-05-17", "Berlin"}, // Geburtstag is the day here
		}},
		{"csv/outlook_fr_windows1252_written.csv", textenc.Windows1252, []client{
			{"Hélène Lefèvre", "helene.lefevre@example.fr", "06 12 34 56 78", "1979-07-14", "Paris"},
		}},
		{"csv/outlook_zh_tw_big5_written.csv", textenc.Big5, []client{
			{"陳大文", "chan.taiman@example.tw", "0912-345-678", "1980-05-06", ""},
			{"林美玲", "meiling.lin@example.tw", "0933-123-456", "1992-11-23", ""},
		}},
		{"csv/outlook_ko_euckr_written.csv", textenc.EUCKR, []client{
			{"김민준", "minjun.kim@example.kr", "010-1234-5678", "1986-09-14", ""},
			{"이서연", "seoyeon.lee@example.kr", "010-9876-5432", "1993-03-21", ""},
		}},
		{"vcf/unknown_charset_ansi_written.vcf", textenc.Windows1252, []client{
			{"Jürgen Mößlitz", "", "+49 151 2345678", "", "Stuttgart"}, // CHARSET=ANSI, not Chinese
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile("../testdata/fixtures/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			src, err := Parse(tc.file, data, ParseOptions{CC: "86"})
			if err != nil {
				t.Fatal(err)
			}
			if src.Encoding != tc.encoding || src.EncodingUnsure() {
				t.Errorf("encoding %s (confidence %.2f), want %s, sure", src.Encoding, src.Confidence, tc.encoding)
			}
			if len(src.Records) != len(tc.clients) {
				t.Fatalf("%d records, want %d", len(src.Records), len(tc.clients))
			}
			for i, w := range tc.clients {
				p := src.Records[i].Profile
				var phones []string
				// Compared as numbers: a valid one is stored in E.164.
				for _, ph := range p.Phones {
					phones = append(phones, profile.NormalizePhone(ph.Number, "86"))
				}
				bday := ""
				if d, ok := p.Birthday(); ok {
					bday = d.When.String()
				}
				phoneOK := slices.Contains(phones, profile.NormalizePhone(w.phone, "86")) || w.phone == "" && len(phones) == 0
				if p.Name != w.name || p.Email != w.email || !phoneOK || bday != w.birthday || p.City != w.city {
					t.Errorf("record %d: %q %q %q birthday %q city %q; want %+v", i, p.Name, p.Email, phones, bday, p.City, w)
				}
			}
		})
	}
}

// TestEncodingOverride: --encoding decodes as named, without guessing; a
// name that is no charset is refused; a guess without enough evidence is
// unsure, and a named encoding is not.
func TestEncodingOverride(t *testing.T) {
	data, err := os.ReadFile("../testdata/fixtures/csv/thunderbird_ja_shiftjis_written.csv")
	if err != nil {
		t.Fatal(err)
	}
	src, err := Parse("ja.csv", data, ParseOptions{Encoding: "GB18030", Map: []string{"name=3"}})
	if err != nil {
		t.Fatal(err)
	}
	if src.Encoding != "GB18030" || src.Confidence != 1 || src.Records[0].Profile.Name == "名無しの権兵衛" {
		t.Errorf("--encoding GB18030 read %s %.2f %q", src.Encoding, src.Confidence, src.Records[0].Profile.Name)
	}
	if _, err := Parse("ja.csv", data, ParseOptions{Encoding: "klingon"}); !errors.Is(err, ErrBadEncoding) {
		t.Errorf("--encoding klingon: %v", err)
	}
	// One high byte after a letter: Windows-1252's ³ or a broken
	// character; no encoding is likely.
	src, err = Parse("few.csv", []byte("Name,Phone\r\nAnn\xb3,555 1234\r\n"), ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !src.EncodingUnsure() {
		t.Errorf("one odd byte: %s with confidence %.2f, want unsure", src.Encoding, src.Confidence)
	}
	src, err = Parse("few.csv", []byte("Name,Phone\r\nAnn\xb3,555 1234\r\n"), ParseOptions{Encoding: "windows-1252"})
	if err != nil || src.EncodingUnsure() || src.Records[0].Profile.Name != "Ann³" {
		t.Errorf("named windows-1252: %v %+v", err, src)
	}
}

// TestNoHeader: --no-header reads the first row as a contact.
func TestNoHeader(t *testing.T) {
	data := []byte("王小明,13800138000\r\n李娜,13916882046\r\n")
	src, err := Parse("list.csv", data, ParseOptions{NoHeader: true, Map: []string{"name=1", "phone=2"}, CC: "86"})
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Records) != 2 || src.Records[0].Profile.Name != "王小明" || src.Records[0].Line != 1 {
		t.Errorf("records %+v", src.Records)
	}
}

// TestJCardRefused: a jCard file is told to be exported as vCard.
func TestJCardRefused(t *testing.T) {
	jcard := []byte(`["vcard",[["version",{},"text","4.0"],["fn",{},"text","Simon Perreault"]]]`)
	for _, name := range []string{"contacts.json", "contacts.txt"} {
		_, err := Parse(name, jcard, ParseOptions{})
		if !errors.Is(err, ErrNotContacts) || !strings.Contains(err.Error(), "export them as vCard") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestShopifyConsent: a customer whose every marketing-consent column says
// no is imported as do-not-contact, with the columns as the reason and a
// warning the dry run shows; one who said yes to any keeps being
// contactable, the no kept in the details note.
func TestShopifyConsent(t *testing.T) {
	data, err := os.ReadFile("../testdata/fixtures/csv/shopify_customers_export_2024_written.csv")
	if err != nil {
		t.Fatal(err)
	}
	b := newBook(t)
	pl, err := importFile(t, b, "customers_export.csv", data, ParseOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pl.New) != 3 {
		t.Fatalf("%d new", len(pl.New))
	}
	want := map[string]string{
		"Mei Chen":     "the imported file says Accepts Email Marketing = no, Accepts SMS Marketing = no",
		"Oliver Smith": "",
		"Sofia Rossi":  "the imported file says Accepts Email Marketing = no",
	}
	for _, it := range pl.New {
		p := it.profile
		how, ok := want[p.Name]
		if !ok || p.Consent.DoNotContact != (how != "") || p.Consent.How != how {
			t.Errorf("%s: consent %+v, want %q", p.Name, p.Consent, how)
		}
		if p.Name == "Mei Chen" && (len(p.Phones) != 1 || p.Phones[0].Number != "+8613800138000") {
			t.Errorf("Shopify's apostrophe before + left on the phone: %v", p.Phones)
		}
	}
	var warned []string
	for _, w := range pl.Warnings {
		if strings.Contains(w.Text, "imported as do-not-contact") {
			warned = append(warned, w.Name)
		}
	}
	if !slices.Equal(warned, []string{"Mei Chen", "Sofia Rossi"}) {
		t.Errorf("do-not-contact warnings for %q", warned)
	}
}

// TestDeclaredCharsetNeedsNoGuess: a vCard whose values say their charset
// (The Bat!'s ISO-8859-1, an Android GBK card) is read without a guess,
// so it is never refused as unsure however few its accented letters.
func TestDeclaredCharsetNeedsNoGuess(t *testing.T) {
	card := []byte("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-1:M\xfcller;Ann\r\nTEL:555 1234\r\nEND:VCARD\r\n" +
		"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=GBK:\xcd\xf5\xd0\xa1\xc3\xf7\r\nTEL:13800138000\r\nEND:VCARD\r\n")
	src, err := Parse("two.vcf", card, ParseOptions{CC: "86"})
	if err != nil {
		t.Fatal(err)
	}
	if src.EncodingUnsure() || src.Encoding != "" || src.Records[0].Profile.Name != "Ann Müller" || src.Records[1].Profile.Name != "王小明" {
		t.Errorf("encoding %q %.2f, names %q %q", src.Encoding, src.Confidence, src.Records[0].Profile.Name, src.Records[1].Profile.Name)
	}
}
