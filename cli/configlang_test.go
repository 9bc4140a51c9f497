package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestConfigErrorsSpeakTheLanguage: a config file vipbook cannot use is
// refused in the language in use, naming the file and the line, for a
// TOML mistake, an unknown setting and a value out of range alike.
func TestConfigErrorsSpeakTheLanguage(t *testing.T) {
	book := rulesBook(t)
	english := regexp.MustCompile(`\b(bad|config|file|line|fix|cannot|must|unknown|setting|use|level|negative)\b`)
	for _, tt := range []struct {
		name, file, line, en, zh string
	}{
		{"syntax", "[rhythm]\ncall_day = three\n", "2", "fix that line", "格式不对"},
		{"unknown setting", "[rhythm]\ncall_dya = 3\n", "2", "unknown setting", "没有 \"rhythm.call_dya\" 这项设置"},
		{"negative", "[rhythm]\n\ncall_day = -1\n", "3", "cannot be negative", "不能为负数"},
		{"lead days", "[rhythm]\nfestival_lead_days = 400\n", "2", "1 to 366 days", "须为 1 至 366 天"},
		{"card level", "[tiers.cards.x]\n[[tiers.cards.x.levels]]\nname = \"a\"\n", "1", "no threshold", "没有门槛"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			writeConfig(t, tt.file)
			_, _, err := runAt(book, day("2026-02-01"), "brief")
			if err == nil || !strings.Contains(err.Error(), "bad config file") || !strings.Contains(err.Error(), "line "+tt.line) || !strings.Contains(err.Error(), tt.en) {
				t.Fatalf("en: err = %v, want the bad config file, line %s, %q", err, tt.line, tt.en)
			}
			_, _, err = runAt(book, day("2026-02-01"), "--lang", "zh", "brief")
			if err == nil {
				t.Fatal("zh: the bad file was taken")
			}
			msg := err.Error()
			if !strings.Contains(msg, "配置文件有误") || !strings.Contains(msg, "第 "+tt.line+" 行") || !strings.Contains(msg, tt.zh) {
				t.Errorf("zh: %q, want 配置文件有误, 第 %s 行 and %q", msg, tt.line, tt.zh)
			}
			if tt.name != "syntax" { // the parser's own words are quoted as they are
				path := filepath.Join(os.Getenv("XDG_CONFIG_HOME"), "vipbook", "config.toml")
				if w := english.FindString(strings.ReplaceAll(msg, path, "")); w != "" {
					t.Errorf("zh: %q has the English word %q", msg, w)
				}
			}
		})
	}
}

// TestChinesePunctuation: Chinese lines put full-width punctuation after
// Chinese words (所有客户：…, 原因 16：…；…, （逾期 5 天）), never the ASCII
// colon, semicolon or parenthesis; no ASCII space before a full-width
// bracket (2026-08-24（逾期 104 天）, 生日（农历）); a question asks 是/否 in
// Chinese, not [y/N]; and what the associate typed is quoted “so”, not
// "so" (an error's %q).
func TestChinesePunctuation(t *testing.T) {
	book := demoBook(t)
	mixed := regexp.MustCompile(`\p{Han}(: |; | ?\()|\)\p{Han}| （| ［|\[y/N\]|"[^"]*\p{Han}|\p{Han}[^"]*"`)
	check := func(args []string, out string) {
		t.Helper()
		for _, line := range strings.Split(out, "\n") {
			if m := mixed.FindString(line); m != "" {
				t.Errorf("vipbook %v: %q mixes punctuation: %s", args, m, line)
			}
		}
	}
	for _, args := range [][]string{{"brief"}, {"brief", "--markdown"}, {"report"}, {"task", "list"}, {"task", "list", "--days", "400"},
		{"list"}, {"show", "13916882046"}, {"tiers"}, {"search", "王"}, {"task", "list", "--help"}} {
		check(args, run(t, book, append([]string{"--lang", "zh"}, args...)...))
	}
	for _, args := range [][]string{{"show", "nobody"}, {"task", "done", "nosuch"}, {"note", "rm", "nosuch", "--yes"},
		{"edit", "13916882046", "--set", "elderly=maybe"}, {"list", "--sort", "age"}} {
		out, errOut, err := runErr(book, append([]string{"--lang", "zh"}, args...)...)
		if err == nil {
			t.Errorf("vipbook %v: no error", args)
			continue
		}
		check(args, out+errOut+err.Error())
	}
}

// TestSetYesNo: `edit --set pregnant=yes` (or 是, y, 1, true) is taken,
// and a word that says neither is refused naming the words read, in
// English and Chinese.
func TestSetYesNo(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜", "--store", "Shanghai IFC")
	run(t, book, "add", "王小明", "--phone", "13800138000")
	for _, v := range []string{"yes", "是", "y", "1", "TRUE"} {
		run(t, book, "edit", "王小明", "--set", "pregnant="+v, "--set", "do_not_contact=no")
		if show := run(t, book, "show", "王小明", "--json"); !strings.Contains(show, `"pregnant": true`) {
			t.Errorf("pregnant=%s not taken:\n%s", v, show)
		}
		run(t, book, "edit", "王小明", "--set", "pregnant=否")
		if show := run(t, book, "show", "王小明", "--json"); strings.Contains(show, `"pregnant": true`) {
			t.Errorf("pregnant=否 not taken:\n%s", show)
		}
	}
	_, _, err := runErr(book, "edit", "王小明", "--set", "pregnant=maybe")
	if err == nil || !strings.Contains(err.Error(), `pregnant is yes or no, not "maybe": write one of yes/no, y/n, true/false, 1/0, 是/否`) {
		t.Errorf("en: %v", err)
	}
	_, _, err = runErr(book, "--lang", "zh", "edit", "王小明", "--set", "elderly=maybe")
	if err == nil || !strings.Contains(err.Error(), `elderly 只能是“是”或“否”，不能是“maybe”：请写 是/否、yes/no、y/n、true/false、1/0 之一`) {
		t.Errorf("zh: %v", err)
	}
}
