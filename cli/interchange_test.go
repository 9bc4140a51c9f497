package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportExport drives import and export as an associate would: a dry
// run writes nothing, the import lands, a second import changes nothing, a
// broken file is refused with its line, and every export is written 0600.
func TestImportExport(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "Li Na")
	dir := t.TempDir()
	sheet := filepath.Join(dir, "客户.csv")
	os.WriteFile(sheet, []byte("\uFEFF姓名,手机,生日,备注\r\n王小明,138 0013 8000,1985-03-02,喜欢藏青色\r\n,,,\r\n李娜,,,\r\n"), 0o600)

	out := run(t, book, "import", sheet, "--dry-run")
	for _, want := range []string{"CSV, UTF-8 with BOM, comma-separated", "姓名 -> name", "手机 -> phone (mobile)", "new 2, merged 0, unchanged 0, skipped 0", "line 2: 王小明"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}
	if got := run(t, book, "list"); strings.Contains(got, "王小明") {
		t.Fatalf("a dry run wrote to the book:\n%s", got)
	}
	if out := run(t, book, "import", sheet); !strings.Contains(out, "imported 2, merged 0") {
		t.Errorf("import:\n%s", out)
	}
	if out := run(t, book, "import", sheet); !strings.Contains(out, "imported 0, merged 0, unchanged 2, skipped 0") {
		t.Errorf("second import:\n%s", out)
	}
	broken := filepath.Join(dir, "broken.vcf")
	os.WriteFile(broken, []byte("VERSION:3.0\nFN:Nobody\nEND:VCARD\n"), 0o600)
	if out, _, err := runErr(book, "import", broken); err == nil || !strings.Contains(err.Error(), "nothing to import") || !strings.Contains(out, "line 1") {
		t.Errorf("broken file: %v\n%s", err, out)
	}
	for _, f := range []string{"book.vcf", "book.csv", "book.json", "book.ics"} {
		path := filepath.Join(dir, f)
		if out := run(t, book, "export", "-o", path); !strings.Contains(out, "Exported 2 clients") {
			t.Errorf("export %s: %s", f, out)
		}
		st, err := os.Stat(path)
		if err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v mode %v, want 0600", f, err, st.Mode().Perm())
		}
	}
	if _, _, err := runErr(book, "export", "-o", filepath.Join(dir, "x.pdf")); err == nil || !strings.Contains(err.Error(), "--format is vcf, csv, json or ics") {
		t.Errorf("unknown format: %v", err)
	}
}

// TestImportReasonsInChinese: with --lang zh the skipped records and the
// warnings of an import say why in Chinese, as the headings do.
func TestImportReasonsInChinese(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "Li Na")
	vcf := filepath.Join(t.TempDir(), "phone.vcf")
	os.WriteFile(vcf, []byte("BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:nobody@example.com\r\nEND:VCARD\r\n"+
		"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王小明\r\nTEL:Handy\r\nTEL:138 0013 8000\r\nEND:VCARD\r\n"+
		"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王晓红\r\nTEL:138 0013 8000\r\nEND:VCARD\r\n"), 0o600)
	out := run(t, book, "--lang", "zh", "import", vcf)
	for _, want := range []string{"跳过：", "第 1 行：没有姓名（只有邮箱 nobody@example.com）",
		"第 5 行：王小明：电话 \"Handy\" 不是号码；未导入", "第 11 行：王晓红：与第 5 行（王小明）共用电话 +8613800138000，但姓名不同；分开导入"} {
		if !strings.Contains(out, want) {
			t.Errorf("import --lang zh lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "not a number") || strings.Contains(out, "no name") {
		t.Errorf("English reasons under --lang zh:\n%s", out)
	}
}

// TestExportClientsQuery: --clients takes the search's query (filters
// city:, tag:, text, an id) and exports what it finds.
func TestExportClientsQuery(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "Li Na")
	sheet := filepath.Join(t.TempDir(), "clients.csv")
	os.WriteFile(sheet, []byte("name,phone,city,tags\n王小明,13800138000,上海,VIP\n李娜,13912345678,北京,VIP\nAnne Dubois,+33 6 12 34 56 78,上海,\n"), 0o600)
	run(t, book, "import", sheet)
	tests := []struct {
		query string
		want  []string
	}{
		{"city:上海", []string{"王小明", "Anne Dubois"}},
		{"tag:vip city:北京", []string{"李娜"}},
		{"wxm", []string{"王小明"}},
		{"anne", []string{"Anne Dubois"}},
	}
	for _, tt := range tests {
		out := run(t, book, "export", "-o", "-", "--format", "csv", "--clients", tt.query)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != len(tt.want)+1 {
			t.Errorf("--clients %q exported %d rows, want %v:\n%s", tt.query, len(lines)-1, tt.want, out)
			continue
		}
		for _, name := range tt.want {
			if !strings.Contains(out, "\n"+name+",") && !strings.Contains(out, ","+name+",") {
				t.Errorf("--clients %q lacks %s:\n%s", tt.query, name, out)
			}
		}
	}
	if _, _, err := runErr(book, "export", "-o", "-", "--format", "csv", "--clients", "city:广州"); err == nil || !strings.Contains(err.Error(), "no client matches") {
		t.Errorf("a query that finds nobody: %v", err)
	}
}

// TestExportKeepsAnExistingFile: export does not write over a file that is
// there unless --force says so, and then replaces it whole.
func TestExportKeepsAnExistingFile(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "Li Na")
	run(t, book, "add", "王小明", "--phone", "13800138000")
	out := filepath.Join(t.TempDir(), "clients.vcf")
	if err := os.WriteFile(out, []byte("my own notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runErr(book, "export", "-o", out); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("export over an existing file: %v", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "my own notes" {
		t.Fatalf("the existing file was changed: %q", b)
	}
	run(t, book, "export", "-o", out, "--force")
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "BEGIN:VCARD") || strings.Contains(string(b), "my own notes") {
		t.Fatalf("--force did not replace the file: %q", b)
	}
}

// TestImportEncoding: the dry run says the guessed encoding and how sure it
// is; an unsure guess writes nothing and asks for --encoding, which then
// imports; --no-header keeps the first row.
func TestImportEncoding(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "Li Na")
	dir := t.TempDir()
	ja := filepath.Join(dir, "ja.csv")
	data, err := os.ReadFile("../testdata/fixtures/csv/thunderbird_ja_shiftjis_written.csv")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(ja, data, 0o600)
	if out := run(t, book, "import", ja, "--dry-run"); !strings.Contains(out, "CSV, Shift_JIS (guessed, 99% sure)") || !strings.Contains(out, "名無しの権兵衛") {
		t.Errorf("dry run:\n%s", out)
	}
	odd := filepath.Join(dir, "odd.csv")
	os.WriteFile(odd, []byte("Name,Phone\r\nAnn\xb3,555 1234\r\n"), 0o600)
	if out := run(t, book, "import", odd, "--dry-run"); !strings.Contains(out, "is not clear") {
		t.Errorf("dry run of an unsure file:\n%s", out)
	}
	if _, _, err := runErr(book, "import", odd); err == nil || !strings.Contains(err.Error(), "--encoding") {
		t.Errorf("unsure import: %v", err)
	}
	if got := run(t, book, "list"); strings.Contains(got, "Ann") {
		t.Fatalf("an unsure import wrote:\n%s", got)
	}
	if out := run(t, book, "import", odd, "--encoding", "windows-1252"); !strings.Contains(out, "imported 1") {
		t.Errorf("named encoding:\n%s", out)
	}
	bare := filepath.Join(dir, "bare.csv")
	os.WriteFile(bare, []byte("周婷,13700001111\r\n"), 0o600)
	if out := run(t, book, "import", bare, "--no-header", "--map", "name=1", "--map", "phone=2"); !strings.Contains(out, "imported 1") {
		t.Errorf("--no-header:\n%s", out)
	}
}

// TestImportJSONExport: vipbook's JSON export imports back whole into an
// empty book (notes, tasks and all), a dry run writing nothing.
func TestImportJSONExport(t *testing.T) {
	dir := t.TempDir()
	from := filepath.Join(dir, "from.db")
	run(t, from, "init", "--associate", "Li Na")
	sheet := filepath.Join(dir, "c.csv")
	os.WriteFile(sheet, []byte("姓名,手机,备注\r\n王小明,138 0013 8000,喜欢藏青色\r\n"), 0o600)
	run(t, from, "import", sheet)
	js := filepath.Join(dir, "book.json")
	run(t, from, "export", "-o", js)
	to := filepath.Join(dir, "to.db")
	run(t, to, "init", "--associate", "Li Na")
	if out := run(t, to, "import", js, "--dry-run"); !strings.Contains(out, "王小明") {
		t.Errorf("dry run:\n%s", out)
	}
	if got := run(t, to, "list"); strings.Contains(got, "王小明") {
		t.Fatalf("a dry run wrote:\n%s", got)
	}
	run(t, to, "import", js)
	if got := run(t, to, "show", "王小明"); !strings.Contains(got, "喜欢藏青色") {
		t.Errorf("the note did not come back:\n%s", got)
	}
}

// TestImportRefusals: a jCard file and an --encoding that names no
// charset are refused with what to do, in the interface's language.
func TestImportRefusals(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "Li Na")
	jcard := filepath.Join(t.TempDir(), "contacts.json")
	os.WriteFile(jcard, []byte(`["vcard",[["version",{},"text","4.0"],["fn",{},"text","Simon Perreault"]]]`), 0o600)
	if _, _, err := runErr(book, "import", jcard); err == nil || !strings.Contains(err.Error(), "export them as vCard") {
		t.Errorf("jCard: %v", err)
	}
	if _, _, err := runErr(book, "--lang", "zh", "import", jcard); err == nil || !strings.Contains(err.Error(), "请导出为 vCard") {
		t.Errorf("jCard in Chinese: %v", err)
	}
	sheet := filepath.Join(t.TempDir(), "c.csv")
	os.WriteFile(sheet, []byte("Name\r\nAnn\r\n"), 0o600)
	if _, _, err := runErr(book, "import", sheet, "--encoding", "klingon"); err == nil || !strings.Contains(err.Error(), "names no charset") {
		t.Errorf("--encoding klingon: %v", err)
	}
}

// TestExportLeavesOutSpecialFlags: the special-person flags and their
// note are sensitive (shown only where they help service), so a vCard or
// CSV export, meant for phones, mail programs and spreadsheets, leaves
// them out and says for how many clients; --special includes them; the
// JSON export, vipbook's own, keeps them. The book keeps them throughout.
func TestExportLeavesOutSpecialFlags(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "Li Na")
	run(t, book, "add", "王小明", "--phone", "13800138000")
	run(t, book, "add", "李娜", "--phone", "13912345678")
	run(t, book, "edit", "王小明", "--set", "pregnant=true", "--set", "special_note=MARKSPECIAL due in May")
	dir := t.TempDir()
	for _, format := range []string{"vcf", "csv"} {
		file := filepath.Join(dir, "clients."+format)
		out := run(t, book, "export", "-o", file)
		if !strings.Contains(out, "special-person flags of 1 client ") || !strings.Contains(out, "--special") {
			t.Errorf("%s: the export does not say what it left out:\n%s", format, out)
		}
		b, _ := os.ReadFile(file)
		if strings.Contains(string(b), "MARKSPECIAL") || strings.Contains(string(b), "pregnant") {
			t.Errorf("%s: the special-person flags reached the file:\n%s", format, b)
		}
		if !strings.Contains(string(b), "王小明") {
			t.Errorf("%s: the client is not in the file:\n%s", format, b)
		}
		withFlags := filepath.Join(dir, "special."+format)
		out = run(t, book, "export", "-o", withFlags, "--special")
		if strings.Contains(out, "--special") {
			t.Errorf("%s --special: still says it left something out:\n%s", format, out)
		}
		if b, _ := os.ReadFile(withFlags); !strings.Contains(string(b), "MARKSPECIAL") || !strings.Contains(string(b), "pregnant") {
			t.Errorf("%s --special: the flags are not in the file:\n%s", format, b)
		}
		// Standard output: the data alone on stdout, the word on stderr.
		stdout, stderr, err := runErr(book, "export", "-o", "-", "--format", format)
		if err != nil || strings.Contains(stdout, "MARKSPECIAL") || !strings.Contains(stderr, "--special") {
			t.Errorf("%s to standard output: %v, stderr %q", format, err, stderr)
		}
	}
	if out, _, err := speak(book, "zh", "export", "-o", filepath.Join(dir, "zh.csv")); err != nil || !strings.Contains(out, "1 位客户的特殊人群标记") {
		t.Errorf("the Chinese export says: %q (%v)", out, err)
	}
	out := run(t, book, "export", "-o", "-", "--format", "json")
	if !strings.Contains(out, "MARKSPECIAL") {
		t.Error("the JSON export lost the special-person flags")
	}
	if show := run(t, book, "show", "王小明"); !strings.Contains(show, "MARKSPECIAL") {
		t.Errorf("the book lost the special note:\n%s", show)
	}
}

// TestExportHeadersFollowLang: the CSV export's header row is in the
// session's language (--lang zh: 编号,姓名,英文名…), --headers en|zh
// forces one, another value is refused saying what it takes (in English
// and Chinese), and the Chinese file imports back into an empty book.
func TestExportHeadersFollowLang(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "Li Na")
	run(t, book, "add", "王小明", "--phone", "13800138000")
	first := func(out string) string { return strings.SplitN(out, "\r\n", 2)[0] }
	if h := first(run(t, book, "export", "-o", "-", "--format", "csv")); !strings.HasPrefix(h, "id,name,latin_name,") {
		t.Errorf("--lang en: %s", h)
	}
	zh := run(t, book, "--lang", "zh", "export", "-o", "-", "--format", "csv")
	if h := first(zh); !strings.HasPrefix(h, "编号,姓名,英文名,称呼,性别,电话,") {
		t.Errorf("--lang zh: %s", h)
	}
	if h := first(run(t, book, "--lang", "zh", "export", "-o", "-", "--format", "csv", "--headers", "en")); !strings.HasPrefix(h, "id,name,") {
		t.Errorf("--lang zh --headers en: %s", h)
	}
	if h := first(run(t, book, "export", "-o", "-", "--format", "csv", "--headers", "ZH")); !strings.HasPrefix(h, "编号,姓名,") {
		t.Errorf("--headers ZH: %s", h)
	}
	for lang, want := range map[string]string{"en": "--headers is en (English column names) or zh (Chinese), not \"fr\"", "zh": "--headers 只能是 en（英文列名）或 zh（中文列名），不能是“fr”"} {
		if _, _, err := runErr(book, "--lang", lang, "export", "-o", "-", "--format", "csv", "--headers", "fr"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("--lang %s --headers fr: %v", lang, err)
		}
	}
	sheet := filepath.Join(t.TempDir(), "zh.csv")
	if err := os.WriteFile(sheet, []byte(zh), 0o600); err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(t.TempDir(), "other.db")
	run(t, other, "init", "--associate", "Wu Yi")
	run(t, other, "import", sheet)
	if out := run(t, other, "show", "13800138000"); !strings.Contains(out, "王小明") {
		t.Errorf("the Chinese file imported:\n%s", out)
	}
}
