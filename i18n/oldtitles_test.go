package i18n

import (
	"testing"

	"github.com/vipbook/vipbook/tasks"
)

// TestOldRuleTitlesWordedAgain: a rule's follow-up written before phrases
// were kept shows in the session's language when its stored title is a
// rule's title in either language; a typed one, or a rule's whose title
// is no rule's, shows as stored.
func TestOldRuleTitlesWordedAgain(t *testing.T) {
	en, zh := New("en"), New("zh")
	for _, c := range []struct {
		origin, title, zh, en string
	}{
		{"rhythm:abc", "Thank-you message for the purchase (jade bracelet)", "发送购物感谢信息（jade bracelet）", "Thank-you message for the purchase (jade bracelet)"},
		{"rhythm:abc", "Thank-you message for the purchase", "发送购物感谢信息", "Thank-you message for the purchase"},
		{"rhythm:abc", "回访电话：穿着感受如何？（丝巾）", "回访电话：穿着感受如何？（丝巾）", "Call: how does it wear? (丝巾)"},
		{"referral:x:thank_referrer", "Thank 王小明 for introducing 单丽娜", "感谢王小明介绍单丽娜", "Thank 王小明 for introducing 单丽娜"},
		// indexed: the referrer first in Chinese, the new client first in English
		{"referral:x:follow_up", "跟进王小明介绍的新客户单丽娜", "跟进王小明介绍的新客户单丽娜", "Follow up with 单丽娜, introduced by 王小明"},
		{"manual", "Thank-you message for the purchase", "Thank-you message for the purchase", "Thank-you message for the purchase"},
		{"", "Call: how does it wear?", "Call: how does it wear?", "Call: how does it wear?"},
		{"rhythm:abc", "Call her about the scarf", "Call her about the scarf", "Call her about the scarf"},
	} {
		tk := &tasks.Task{Origin: c.origin, Title: c.title}
		if got := zh.TaskTitle(tk); got != c.zh {
			t.Errorf("%q (%s) in Chinese: %q, want %q", c.title, c.origin, got, c.zh)
		}
		if got := en.TaskTitle(tk); got != c.en {
			t.Errorf("%q (%s) in English: %q, want %q", c.title, c.origin, got, c.en)
		}
	}
}

// TestOldTitleReadBackBuildsNothing: reading back an old follow-up's
// title (which a screen does for each such follow-up at every frame)
// compiles no title of the catalogs again: they are read as patterns
// once, and a title that is no rule's is tried against all of them
// without an allocation (over a hundred when each read built the order
// of the titles and each title's pattern).
func TestOldTitleReadBackBuildsNothing(t *testing.T) {
	en := New("en")
	tk := &tasks.Task{Origin: "rhythm:abc", Title: "Call her about the scarf"}
	if n := testing.AllocsPerRun(20, func() { en.TaskTitle(tk) }); n != 0 {
		t.Errorf("an old title that is no rule's read back with %v allocations, want 0", n)
	}
}
