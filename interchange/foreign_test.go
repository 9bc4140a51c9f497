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
		// Thunderbird's English layout in UTF-16LE with a BOM, the German
		// one in Windows-1252, and Windows Live Mail's German semicolon file.
		{"csv/thunderbird_utf16le_written.csv", textenc.UTF16LE, []client{
			{"Jane Roe", "jane.roe@example.com", "+44 7700 900123", "1991-10-02", "London"},
		}},
		{"csv/thunderbird_de_windows1252_written.csv", textenc.Windows1252, []client{
			{"Dr. Karl-Heinz Größer", "k.groesser@example.de", "0171 2345678", "1968-03-09", "Stuttgart"},
		}},
		{"csv/windows_live_mail_de_semicolon_bom_written.csv", textenc.UTF8BOM, []client{
			{"Jörg Anton Weißmüller", "joerg.w@example.de", "0152 3456789", "", "Köln"}, // "Name" holds the nickname Jogi
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
		// Outlook's own column layouts (SOURCES.md says where each was seen):
		// 名字 beside 姓氏 is the given name; 名字 alone holds the whole name.
		{"csv/outlook_zh_tw_big5_written.csv", textenc.Big5, []client{
			{"陳大文", "chan.taiman@example.tw", "0912-345-678", "1980-05-06", "台北市"}, // 姓氏 陳 + 名字 大文
			{"林美玲", "meiling.lin@example.tw", "0933-123-456", "1992-11-23", "台中市"}, // the whole name in 名字
		}},
		{"csv/outlook_zh_cn_gbk_written.csv", textenc.GB18030, []client{
			{"王小明", "xiaoming.wang@example.cn", "138 0013 8000", "1985-03-02", "上海"},
			{"欧阳晓燕", "", "13917001700", "1972-02-29", "北京"},
		}},
		{"csv/outlook_ko_euckr_written.csv", textenc.EUCKR, []client{
			{"김민준", "minjun.kim@example.kr", "010-1234-5678", "1986-09-14", "서울"},
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
				// Compared as numbers: a valid one is stored in E.164, read
				// in the record's own country (its country column).
				cc := "86"
				if p.Country != "" {
					cc = profile.CallingCodeOf(p.Country)
				}
				for _, ph := range p.Phones {
					phones = append(phones, profile.NormalizePhone(ph.Number, cc))
				}
				bday := ""
				if d, ok := p.Birthday(); ok {
					bday = d.When.String()
				}
				phoneOK := slices.Contains(phones, profile.NormalizePhone(w.phone, cc)) || w.phone == "" && len(phones) == 0
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

// TestOutlookLocalisedColumns: the columns of Outlook's Traditional
// Chinese, Simplified Chinese and Korean exports beyond name, e-mail and
// phone are read: every phone column (work and home too), the wedding
// anniversary, the job title, the categories as tags, the notes (附注,
// 記事, 메모) and the street address, which goes to the details.
func TestOutlookLocalisedColumns(t *testing.T) {
	type want struct {
		phones      int
		anniversary string
		occupation  string
		tags        []string
		note        string
		address     string
	}
	for file, w := range map[string]want{
		"csv/outlook_zh_tw_big5_written.csv": {2, "2008-10-10", "經理, 晶華建設", []string{"貴賓"}, "喜歡深色西裝，腰圍三十二", "信義路五段 7 號"},
		"csv/outlook_zh_cn_gbk_written.csv":  {2, "2012-05-20", "合伙人, 明德律师事务所", []string{"VIP"}, "喜欢深蓝色；尺码 M", "南京西路 1266 号"},
		"csv/outlook_ko_euckr_written.csv":   {2, "2015-04-11", "과장, 한빛상사", []string{"VIP"}, "정장 사이즈 100", "테헤란로 152"},
	} {
		data, err := os.ReadFile("../testdata/fixtures/" + file)
		if err != nil {
			t.Fatal(err)
		}
		src, err := Parse(file, data, ParseOptions{CC: "86"})
		if err != nil {
			t.Fatal(err)
		}
		r := src.Records[0]
		p := r.Profile
		anniversary := ""
		for _, d := range p.Dates {
			if d.Kind == profile.DateAnniversary {
				anniversary = d.When.String()
			}
		}
		var notes []string
		for _, n := range r.Notes {
			notes = append(notes, n.Text)
		}
		all := strings.Join(notes, "\n")
		if len(p.Phones) != w.phones || anniversary != w.anniversary || p.Occupation != w.occupation ||
			!slices.Equal(p.Tags, w.tags) || !slices.Contains(notes, w.note) || !strings.Contains(all, w.address) {
			t.Errorf("%s: phones %v anniversary %q occupation %q tags %q notes %q; want %+v", file, p.Phones, anniversary, p.Occupation, p.Tags, notes, w)
		}
		if len(src.Mapping.Unmapped) > 0 {
			for _, h := range src.Mapping.Unmapped {
				if !slices.Contains([]string{"私人", "私有", "숨김", "敏感度", "優先順序", "优先级", "우선 순위", "電子郵件類型", "电子邮件类型",
					"전자 메일 유형", "電子郵件顯示名稱", "电子邮件显示名称", "전자 메일 표시 이름"}, h) {
					t.Errorf("%s: column %q is not read", file, h)
				}
			}
		}
	}
}

// TestGivenNameWordsByNeighbour: 名字 is a Chinese sheet's whole name, and
// Outlook's given name beside 姓氏; Thunderbird's French Mois and Jour are
// a birth month and day beside Année de naissance, and nothing alone.
func TestGivenNameWordsByNeighbour(t *testing.T) {
	for _, tc := range []struct{ csv, name, birthday string }{
		{"名字,手机\r\n王小明,13800138000\r\n", "王小明", ""},
		{"名字,姓氏,行動電話\r\n小明,王,13800138000\r\n", "王小明", ""},
		{"Prénom,Nom,Année de naissance,Mois,Jour,Portable\r\nHélène,Lefèvre,1979,7,14,0612345678\r\n", "Hélène Lefèvre", "1979-07-14"},
		{"Prénom,Nom,Mois,Jour,Portable\r\nHélène,Lefèvre,7,14,0612345678\r\n", "Hélène Lefèvre", ""},
	} {
		src, err := Parse("x.csv", []byte(tc.csv), ParseOptions{CC: "86", Encoding: "utf-8"})
		if err != nil {
			t.Fatal(err)
		}
		p := src.Records[0].Profile
		bday := ""
		if d, ok := p.Birthday(); ok {
			bday = d.When.String()
		}
		if p.Name != tc.name || bday != tc.birthday {
			t.Errorf("%q: name %q birthday %q, want %q %q", tc.csv, p.Name, bday, tc.name, tc.birthday)
		}
	}
}

// TestGenderWords: the gender columns of Outlook's exports hold the word
// of the installation's language (男, 女性, weiblich, Féminin, 남성); each
// is read, and "unspecified" in any of them leaves the gender unknown.
func TestGenderWords(t *testing.T) {
	for v, want := range map[string]string{"男": "m", "女性": "f", "Männlich": "m", "weiblich": "f", "Masculin": "m",
		"Féminin": "f", "남성": "m", "여성": "f", "未指定": "", "Nicht angegeben": "", "지정 안 함": ""} {
		if got := gender(v); got != want {
			t.Errorf("%q read as %q, want %q", v, got, want)
		}
	}
}
