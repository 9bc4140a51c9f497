package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ukOutlookCSV is an Outlook export of a London boutique's clients, in
// Outlook's English column names: UK mobiles and landlines written as the
// British write them (07…, 020 …), one client who gave her home country,
// one only her business country, one with a Chinese mobile written with
// +86, one with no country at all.
const ukOutlookCSV = "First Name,Last Name,Mobile Phone,Business Phone,E-mail Address,Home Country/Region,Business Country/Region\r\n" +
	"Emma,Thompson,07911 123456,020 7946 0018,emma.thompson@example.co.uk,United Kingdom,\r\n" +
	"Oliver,Hughes,07400 123456,,oliver.hughes@example.co.uk,,United Kingdom\r\n" +
	"Mei,Chen,+86 139 1688 2046,,mei.chen@example.com,,\r\n" +
	"Charlotte,Davies,07824 315690,0161 496 0000,charlotte.davies@example.co.uk,,\r\n"

// ukVCard is a phone's vCard of a client whose address is in England.
const ukVCard = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Walker;James;;;\r\nFN:James Walker\r\n" +
	"TEL;TYPE=CELL:07723 456789\r\nADR;TYPE=HOME:;;12 King's Road;London;;SW3 4UD;United Kingdom\r\nEND:VCARD\r\n"

// TestPoint10ImportRegion: issue 12 point 10 on import. A UK file's
// numbers written without a country code are read as UK numbers, not in
// the book's country (China): by --region for the whole file, and by each
// row's own country (Outlook's Home or Business Country/Region, a vCard's
// ADR); a number written with +86 stays Chinese. The dry run says which
// numbers were read in which region, in English and Chinese; a --region
// that names no country is refused plainly.
func TestPoint10ImportRegion(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "outlook-london.csv")
	vcfPath := filepath.Join(dir, "james.vcf")
	for p, s := range map[string]string{csvPath: ukOutlookCSV, vcfPath: ukVCard} {
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	newBook := func() string {
		book := filepath.Join(t.TempDir(), "book.db")
		run(t, book, "init", "--associate", "李娜", "--store", "Shanghai IFC")
		return book
	}

	t.Run("without --region: each row's own country", func(t *testing.T) {
		book := newBook()
		out := run(t, book, "import", csvPath, "--dry-run")
		for _, want := range []string{
			"Numbers written without a country code:",
			"read as GB numbers (+44), the record's own country (its country column or address): 3",
			"line 2: 07911 123456 -> +44 7911 123456",
			"line 3: 07400 123456 -> +44 7400 123456",
			`"07824 315690" has no country code and is not a valid number in this book's country (+86)`, // Charlotte says no country
		} {
			if !strings.Contains(out, want) {
				t.Errorf("the dry run lacks %q:\n%s", want, out)
			}
		}
		run(t, book, "import", csvPath)
		for who, want := range map[string]string{"Emma Thompson": "+44 7911 123456", "Oliver Hughes": "+44 7400 123456", "Mei Chen": "139 1688 2046"} {
			if out := run(t, book, "show", who); !strings.Contains(out, want) {
				t.Errorf("%s: show lacks %q:\n%s", who, want, out)
			}
		}
		if out := run(t, book, "show", "Emma Thompson"); !strings.Contains(out, "+44 20 7946 0018") {
			t.Errorf("the London landline is not read as one:\n%s", out)
		}
	})

	t.Run("--region GB: the whole file", func(t *testing.T) {
		book := newBook()
		out := run(t, book, "import", csvPath, "--region", "GB", "--dry-run")
		for _, want := range []string{
			"read as GB numbers (+44), the record's own country (its country column or address): 3",
			"read as GB numbers (+44), the file's country (--region): 2",
			"line 5: 07824 315690 -> +44 7824 315690",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("the dry run lacks %q:\n%s", want, out)
			}
		}
		if strings.Contains(out, "not a valid number") {
			t.Errorf("a number is still read in the book's country:\n%s", out)
		}
		run(t, book, "import", csvPath, "--country", "United Kingdom")
		if out := run(t, book, "show", "Charlotte Davies"); !strings.Contains(out, "+44 7824 315690") || !strings.Contains(out, "+44 161 496 0000") {
			t.Errorf("Charlotte's numbers are not British:\n%s", out)
		}
		if out := run(t, book, "show", "Mei Chen"); !strings.Contains(out, "139 1688 2046") {
			t.Errorf("a +86 number did not stay Chinese:\n%s", out)
		}
	})

	t.Run("a vCard's address", func(t *testing.T) {
		book := newBook()
		out, _, err := runLang(book, "zh", "", "import", vcfPath, "--dry-run")
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"未写国家区号的号码：", "按 GB 号码（+44）读取，依据该记录自己的国家（国家列或地址）：1 个", "第 1 行：07723 456789 -> +44 7723 456789"} {
			if !strings.Contains(out, want) {
				t.Errorf("the dry run lacks %q:\n%s", want, out)
			}
		}
	})

	t.Run("a region that is none", func(t *testing.T) {
		book := newBook()
		for lang, want := range map[string]string{
			"en": `"Narnia" is not a country or region whose phone numbers vipbook knows`,
			"zh": `“Narnia”不是 vipbook 认得电话号码的国家或地区`,
		} {
			_, _, err := runLang(book, lang, "", "import", csvPath, "--region", "Narnia", "--dry-run")
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %v, want %q", lang, err, want)
			}
		}
	})
}
