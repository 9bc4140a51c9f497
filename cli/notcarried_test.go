package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestExportSaysWhatIsNotCarried: a vCard or CSV export says what the
// clients hold that its file leaves out (purchases, follow-ups; for CSV
// the notes' days and kinds), counted, in English and in Chinese with no
// English word but the format's name and the flag; a JSON export, which
// keeps everything, says nothing of the kind, nor does an export of a
// client who holds nothing left out.
func TestExportSaysWhatIsNotCarried(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "Li Na")
	run(t, book, "add", "王小明", "--phone", "13800138000")
	run(t, book, "add", "李娜", "--phone", "13912345678")
	run(t, book, "note", "王小明", "likes navy")
	run(t, book, "buy", "王小明", "18400", "--items", "navy suit")
	run(t, book, "task", "add", "王小明", "call about the suit", "--due", "tomorrow")
	dir := t.TempDir()
	// The purchase's rules add follow-ups of their own: counted as tasks.
	for _, c := range []struct{ format, want string }{
		{"csv", `Not carried by CSV: 1 purchase, \d+ tasks, the day and kind of 1 note\. The JSON export \(--format json\) keeps everything\.`},
		{"vcf", `Not carried by vCard: 1 purchase, \d+ tasks\. The JSON export \(--format json\) keeps everything\.`},
	} {
		want := regexp.MustCompile(c.want)
		out := run(t, book, "export", "-o", filepath.Join(dir, "all."+c.format), "--clients", "王小明")
		if !want.MatchString(out) || !strings.Contains(out, "Exported 1 client to") {
			t.Errorf("%s: the export says\n%s\nwant %s", c.format, out, c.want)
		}
		_, stderr, err := runErr(book, "export", "-o", "-", "--format", c.format, "--clients", "王小明")
		if err != nil || !want.MatchString(stderr) {
			t.Errorf("%s to standard output: %v, stderr %q", c.format, err, stderr)
		}
		if out := run(t, book, "export", "-o", filepath.Join(dir, "lina."+c.format), "--clients", "李娜"); strings.Contains(out, "carried") {
			t.Errorf("%s of a client with nothing left out: %s", c.format, out)
		}
	}
	out, _, err := speak(book, "zh", "export", "-o", filepath.Join(dir, "zh.csv"), "--clients", "王小明")
	want := `CSV 文件不包含：1 笔购买、\d+ 项跟进、1 条记录的日期和类型。JSON 导出（--format json）会保留全部。`
	if err != nil || !regexp.MustCompile(want).MatchString(out) {
		t.Errorf("the Chinese export says %q (%v), want %s", out, err, want)
	}
	// What is no word: the file's name, the formats' names, the flag.
	rest := strings.NewReplacer(filepath.Join(dir, "zh.csv"), "", "CSV", "", "JSON", "", "--format json", "", "（csv）", "").Replace(out)
	if w := regexp.MustCompile(`[A-Za-z]{2,}`).FindString(rest); w != "" {
		t.Errorf("the Chinese export says an English word %q: %s", w, out)
	}
	if out := run(t, book, "export", "-o", filepath.Join(dir, "all.json")); strings.Contains(out, "carried") {
		t.Errorf("the JSON export says it left something out: %s", out)
	}
}
