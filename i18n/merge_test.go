package i18n

import (
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
