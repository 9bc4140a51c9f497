package sheet

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vipbook/vipbook/interchange/textenc"
)

const fixtures = "../../testdata/fixtures/csv/"

func TestReadFixtures(t *testing.T) {
	tests := []struct {
		file      string
		enc       string
		delim     rune
		cols      int
		rows      int
		firstLine int
		check     func(t *testing.T, tb *Table)
	}{
		{"google_contacts_legacy_export_folkerkinzel.csv", textenc.UTF8, ',', 0, 0, 2, nil},
		{"outlook365_web_export_bom_folkerkinzel.csv", textenc.UTF8BOM, ',', 0, 1, 2, func(t *testing.T, tb *Table) {
			if tb.Header[0] != "First Name" {
				t.Errorf("BOM left in the header: %q", tb.Header[0])
			}
		}},
		{"outlook_microsoft_sample_import_contacts.csv", textenc.UTF8, ',', 0, 0, 2, nil},
		{"roundcube_all.csv", textenc.UTF8BOM, ',', 0, 1, 2, nil},
		{"shopify_legacy_template_solidus_importer_customers.csv", textenc.UTF8, ',', 21, 0, 2, func(t *testing.T, tb *Table) {
			if tb.Rows[0].Get(14) != "repeat_customer,member_since_2017" {
				t.Errorf("quoted tags = %q", tb.Rows[0].Get(14))
			}
		}},
		{"thunderbird_csv_semicolon.csv", textenc.UTF8, ';', 4, 2, 2, nil},
		{"thunderbird_export.csv", textenc.UTF8, ',', 0, 2, 2, func(t *testing.T, tb *Table) {
			r := tb.Rows[1]
			if r.Line != 3 || !strings.Contains(strings.Join(r.Cells, "|"), "custom\n4") {
				t.Errorf("quoted line break lost: line %d %q", r.Line, r.Cells)
			}
			if !strings.Contains(strings.Join(r.Cells, "|"), `"worker"`) {
				t.Errorf("doubled quotes: %q", r.Cells)
			}
		}},
		{"zh_hant_headers_bom_customer_manager_rust.csv", textenc.UTF8BOM, ',', 7, 0, 2, func(t *testing.T, tb *Table) {
			if tb.Header[1] != "姓名" || tb.Header[3] != "聯絡電話" {
				t.Errorf("header = %q", tb.Header)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(fixtures + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			tb, err := Read(b)
			if err != nil {
				t.Fatal(err)
			}
			if tb.Encoding != tt.enc || tb.Delimiter != tt.delim {
				t.Errorf("encoding %s delimiter %q, want %s %q", tb.Encoding, tb.Delimiter, tt.enc, tt.delim)
			}
			if tt.cols > 0 && len(tb.Header) != tt.cols {
				t.Errorf("%d columns, want %d", len(tb.Header), tt.cols)
			}
			if tt.rows > 0 && len(tb.Rows) != tt.rows {
				t.Errorf("%d rows, want %d", len(tb.Rows), tt.rows)
			}
			if len(tb.Rows) == 0 || tb.Rows[0].Line != tt.firstLine {
				t.Errorf("first row line %v", tb.Rows)
			}
			if tt.check != nil {
				tt.check(t, tb)
			}
		})
	}
}

func TestReadShapes(t *testing.T) {
	// GBK with semicolons and a quoted line break, as Chinese Excel saves.
	gbk := []byte("\xd0\xd5\xc3\xfb;\xca\xd6\xbb\xfa;\xb1\xb8\xd7\xa2\r\n\xcd\xf5\xd0\xa1\xc3\xf7;13800138000;\"a\r\nb\"\r\n\r\n;;\r\nAnn;555 1234\r\n")
	tb, err := Read(gbk)
	if err != nil {
		t.Fatal(err)
	}
	if tb.Encoding != textenc.GB18030 || tb.Delimiter != ';' || tb.Header[0] != "姓名" {
		t.Errorf("table = %+v", tb)
	}
	if len(tb.Rows) != 2 || tb.Rows[0].Cells[2] != "a\nb" || tb.Rows[1].Line != 6 || tb.Rows[1].Get(2) != "" {
		t.Errorf("rows = %+v", tb.Rows)
	}
	// Tabs; a comma inside a quoted header does not count.
	tb, _ = Read([]byte("\"Name, full\"\tPhone\tTags\nAnn\t555\ta,b\n"))
	if tb.Delimiter != '\t' || len(tb.Header) != 3 {
		t.Errorf("tab table = %+v", tb)
	}
	if _, err := Read([]byte("\n\n")); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty: %v", err)
	}
	if _, err := Read([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")); !errors.Is(err, textenc.ErrBinary) {
		t.Errorf("binary: %v", err)
	}
}

// FuzzRead feeds the CSV reader the fixtures and mutations of them: it
// never panics, and what it returns is UTF-8 with lines in order.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(fixtures + "*.csv")
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("a;b\n\"x\ny\";\"z\"\"\"\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := Read(b)
		if err != nil {
			return
		}
		last := 0
		for _, r := range tb.Rows {
			if r.Line <= last || len(r.Cells) != len(tb.Header) {
				t.Fatalf("row %+v after line %d", r, last)
			}
			last = r.Line
			for _, c := range r.Cells {
				if !utf8.ValidString(c) {
					t.Fatalf("cell %q", c)
				}
			}
		}
	})
}
