package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmptyListsSaySo: card list, family list and gift with nothing to
// list say so and what to type, in English and Chinese, instead of
// printing nothing.
func TestEmptyListsSaySo(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "王小明", "--phone", "13800138000")
	for _, tt := range []struct {
		args   []string
		en, zh string
	}{
		{[]string{"card", "list", "王小明"}, "王小明 has no membership cards yet: vipbook card add", "王小明 还没有会员卡：vipbook card add"},
		{[]string{"family", "list", "王小明"}, "王小明 has no family members yet: vipbook family add", "王小明 还没有家人资料：vipbook family add"},
		{[]string{"gift", "王小明"}, "王小明 has no gifts logged yet: vipbook gift", "王小明 还没有送礼记录：vipbook gift"},
		{[]string{"size", "王小明"}, "王小明 has no sizes yet: vipbook size", "王小明 还没有尺码：vipbook size"},
		{[]string{"measure", "王小明"}, "王小明 has no measurements yet: vipbook measure", "王小明 还没有定制尺寸：vipbook measure"},
		{[]string{"like", "王小明"}, "王小明 has no likes noted yet: vipbook like", "王小明 还没有记下喜欢的：vipbook like"},
		{[]string{"dislike", "王小明"}, "王小明 has no dislikes noted yet: vipbook dislike", "王小明 还没有记下不喜欢的：vipbook dislike"},
	} {
		if out := run(t, book, tt.args...); !strings.Contains(out, tt.en) {
			t.Errorf("%v: %q", tt.args, out)
		}
		if out := run(t, book, append([]string{"--lang", "zh"}, tt.args...)...); !strings.Contains(out, tt.zh) {
			t.Errorf("zh %v: %q", tt.args, out)
		}
		if out := run(t, book, append(tt.args, "--json")...); strings.TrimSpace(out) != "null" && strings.TrimSpace(out) != "[]" {
			t.Errorf("%v --json: %q", tt.args, out)
		}
	}
}

// TestSearchSaysTheValueIsMissing: a filter typed without its value
// (size:shoes=, city:) that finds nobody is said as such, with the filter
// as it is typed whole, not as "no client matches".
func TestSearchSaysTheValueIsMissing(t *testing.T) {
	book := demoBook(t)
	for _, tt := range []struct {
		q, en, zh string
	}{
		{"size:shoes=", `"size:shoes=" has no value after it: type one too, as in size:shoes=39`, "“size:shoes=”后面没有要找的值：请一并写上，如 size:shoes=39"},
		{"tier:Z city:", `"city:" has no value after it: type one too, as in city:上海`, "“city:”后面没有要找的值：请一并写上，如 city:上海"},
	} {
		_, _, err := runErr(book, "search", tt.q)
		if err == nil || !strings.Contains(err.Error(), tt.en) {
			t.Errorf("search %q: %v", tt.q, err)
		}
		_, _, err = runErr(book, "--lang", "zh", "search", tt.q)
		if err == nil || !strings.Contains(err.Error(), tt.zh) {
			t.Errorf("zh search %q: %v", tt.q, err)
		}
	}
	// A real search with nobody found is still that.
	if _, _, err := runErr(book, "search", "size:shoes=99"); err == nil || !strings.Contains(err.Error(), `no client matches "size:shoes=99"`) {
		t.Errorf("search size:shoes=99: %v", err)
	}
}

// TestBackupFileErrorsInChinese: a backup that cannot be written where it
// was asked says what failed and why in Chinese, not in the system's
// English.
func TestBackupFileErrorsInChinese(t *testing.T) {
	book := demoBook(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ dst, zh string }{
		{filepath.Join(dir, "none", "b.db"), "文件不存在"},
		{filepath.Join(file, "b.db"), "路径中有一段是文件而不是文件夹"},
	} {
		_, errOut, err := runErr(book, "--lang", "zh", "backup", "-o", tt.dst)
		if err == nil || !strings.Contains(err.Error(), tt.zh) || strings.Contains(err.Error(), "directory") {
			t.Errorf("backup -o %s: %v\n%s", tt.dst, err, errOut)
		}
	}
}
