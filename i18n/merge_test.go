package i18n

import (
	"fmt"
	"github.com/vipbook/vipbook/profile"
	"slices"
	"testing"

	"github.com/vipbook/vipbook/merge"
)

func TestMergeWords(t *testing.T) {
	diff := []merge.Change{
		{Field: "city", Old: "Shanghai", New: "Beijing"},
		{Field: "phones", New: "+8613800000000"},
		{Field: "do_not_contact", New: "true"},
		{Field: "special:child", New: "true"},
		{Field: "date:birthday", New: "1980-01-02"},
	}
	kept := []merge.Conflict{{Field: "email", Book: "a@b.cn", Incoming: "old@b.cn", Kept: "book"}}
	en := New("en").Changes(diff, kept)
	wantEn := []string{"city Shanghai -> Beijing", "+ phone +8613800000000", "do not contact", "+ special child",
		"+ birthday 1980-01-02", "kept e-mail a@b.cn (older old@b.cn in the history)"}
	if !slices.Equal(en, wantEn) {
		t.Errorf("en changes = %q, want %q", en, wantEn)
	}
	zh := New("zh").Changes(diff, kept)
	wantZh := []string{"城市 Shanghai -> Beijing", "+ 电话 +8613800000000", "勿联系", "+ 特别关照：儿童",
		"+ 生日 1980-01-02", "保留邮箱 a@b.cn（较旧的 old@b.cn 存入历史）"}
	if !slices.Equal(zh, wantZh) {
		t.Errorf("zh changes = %q, want %q", zh, wantZh)
	}
	if got := New("zh").MatchedBy(merge.ByPhone, "8613800000000"); got != "电话 +8613800000000" {
		t.Errorf("zh matched by phone = %q", got)
	}
	if got := New("en").MatchedBy(merge.ByEmail, "a@b.cn"); got != "e-mail a@b.cn" {
		t.Errorf("en matched by e-mail = %q", got)
	}
}

func TestImportNoteWordsFacts(t *testing.T) {
	shared := merge.Shared{ID: "c1", By: merge.ByPhone, Key: "8613800000000"}
	if got, want := New("en").ImportNote(ImportSharesKeyInFile, shared, 4, "Li Na"),
		"shares phone +8613800000000 with line 4 (Li Na) but not the name; kept apart"; got != want {
		t.Errorf("en = %q, want %q", got, want)
	}
	if got, want := New("zh").ImportNote(ImportSharesKeyInFile, shared, 4, "Li Na"),
		"与第 4 行（Li Na）共用电话 +8613800000000，但姓名不同；分开导入"; got != want {
		t.Errorf("zh = %q, want %q", got, want)
	}
	who := ClientMatches{{Name: "Li Na", ID: "c1", By: merge.ByEmail, Key: "a@b.cn"}, {Name: "Wang", ID: "c2"}}
	if got, want := New("zh").ImportNote(ImportSeveralClients, who),
		"对应多位客户：Li Na（c1，按邮箱 a@b.cn）；Wang（c2）；请先在客户册中合并他们，或修改文件"; got != want {
		t.Errorf("zh several = %q, want %q", got, want)
	}
	if got, want := New("zh").ImportNote(ImportDateNotDate, profile.DateAnniversary, "x"), "结婚纪念日 \"x\" 不是日期；已存入备注"; got != want {
		t.Errorf("zh date = %q, want %q", got, want)
	}
	if got, want := New("en").ImportNote(ImportDateNotDate, profile.DateAnniversary, "x"), "anniversary \"x\" is not a date; kept in a note"; got != want {
		t.Errorf("en date = %q, want %q", got, want)
	}
	if got := New("zh").ImportNote(ImportInvalid, fmt.Errorf("x: %w", profile.ErrBadPhone)); got != "电话号码无效" {
		t.Errorf("zh invalid = %q", got)
	}
	for k := range enImport {
		if zhImport[k] == "" {
			t.Errorf("%s has no Chinese", k)
		}
	}
}

func TestCalendarWords(t *testing.T) {
	en, zh := New("en"), New("zh")
	if got := en.T(IcsDateTitle, "Li Na", en.CalendarDateKind(profile.DateChildBirthday)+en.T(IcsLunar)); got != "Child's birthday (lunar): Li Na" {
		t.Errorf("en = %q", got)
	}
	if got := zh.T(IcsDateTitle, "李娜", zh.CalendarDateKind(profile.DateBirthday)+zh.T(IcsLunar)); got != "李娜 生日（农历）" {
		t.Errorf("zh = %q", got)
	}
	if got := en.CalendarDateKind("odd"); got != "Date" {
		t.Errorf("unknown kind = %q", got)
	}
}

func TestAudience(t *testing.T) {
	if got := New("zh").Audience("nation", "FR"); got != "来自 FR 的客户" {
		t.Errorf("zh nation = %q", got)
	}
	if got := New("en").Audience("couples", ""); got != "clients with a wedding anniversary" {
		t.Errorf("en couples = %q", got)
	}
}

// TestMergeWordsLabels: a phone's label and a family member's relation,
// which the merge writes in the book's English, are said in the language
// in use: "+ 电话 +8613900001111（手机）", "+ 家庭 张丽（子女） 2015-06-01".
func TestMergeWordsLabels(t *testing.T) {
	diff := []merge.Change{
		{Field: "phones", New: "+8613900001111 (mobile)"},
		{Field: "phones", Old: "+8613900002222 (home)", New: "+8613900002222 (work)"},
		{Field: "household", New: "张丽 (child) 2015-06-01"},
		{Field: "household", New: "Li (tennis coach)"},
	}
	zh := New("zh")
	got := zh.Changes(diff, nil)
	want := []string{"+ " + zh.MergeField("phones") + " +8613900001111（手机）",
		zh.MergeField("phones") + " +8613900002222（住宅） -> +8613900002222（工作）",
		"+ " + zh.MergeField("household") + " 张丽（子女） 2015-06-01",
		"+ " + zh.MergeField("household") + " Li（tennis coach）"}
	if !slices.Equal(got, want) {
		t.Errorf("zh changes = %q, want %q", got, want)
	}
	if en := New("en").Changes(diff[:1], nil); !slices.Equal(en, []string{"+ phone +8613900001111 (mobile)"}) {
		t.Errorf("en changes = %q", en)
	}
}
