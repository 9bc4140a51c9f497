package tui

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// topSpenderBook writes, with the built binary, the book for
// point 1: eleven buyers of 1,000 to 2,000 CNY and 孙悦 with 50,000, the
// year's top spender; it returns the book.
func topSpenderBook(t *testing.T, bin string) string {
	t.Helper()
	if time.Now().YearDay() < 27 {
		t.Skip("the purchases, weeks ago, would fall in last year")
	}
	book := filepath.Join(t.TempDir(), "book.db")
	vipbookRun(t, bin, book, "init", "--associate", "李娜")
	names := []string{"王小明", "李华", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰", "吴敏", "徐峰", "孙悦"}
	for i, name := range names {
		out, _ := vipbookRun(t, bin, book, "add", name, "--phone", fmt.Sprintf("1380000%04d", i), "--json")
		var c struct{ ID string }
		if err := json.Unmarshal([]byte(out), &c); err != nil {
			t.Fatalf("add %s: %v\n%s", name, err, out)
		}
		// Bought weeks ago: their thank-yous and calls are past, the
		// briefing is clear of them.
		amount, ago := 1000+100*i, "-25d"
		if name == "孙悦" {
			amount, ago = 50000, "-20d"
		}
		vipbookRun(t, bin, book, "buy", c.ID, fmt.Sprint(amount), "--date", ago)
	}
	return book
}

// TestPoint1TopSpenderInTheApp: issue 12 point 1 walked in the built app,
// in English at 120x40 and in Chinese at 80x24. The briefing looks ahead
// to one visit with flowers, 孙悦's; 王小明 buys for 60,000 in the app and
// overtakes her: the briefing's one visit is now his, and her profile
// shows her visit cancelled with the reason, in the language in use.
func TestPoint1TopSpenderInTheApp(t *testing.T) {
	bin := e2eBinary(t)
	for _, tc := range []struct {
		lang          string
		w, h          int
		brief, visit  string
		recorded, why string
		amount, items string
		date          string
		profileKeys   string // in the profile's help bar alone
	}{
		{"en_GB.UTF-8", 120, 40, "Briefing for", "Personal visit with flowers", "Purchase of 60,000 recorded",
			"cancelled: 王小明 is now the year's top spender (61,000)", "Amount", "Items", "Date", "e edit"},
		{"zh_CN.UTF-8", 80, 24, "简报", "亲自拜访，送上鲜花", "60,000",
			"已取消：王小明现为本年度消费第一（61,000）", "金额", "商品", "日期", "e 编辑"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			book := topSpenderBook(t, bin)
			tm := newTmux(t)
			tm.start(tc.w, tc.h, []string{"LANG=" + tc.lang, "LC_ALL=", "LC_MESSAGES="}, bin, "--book", book)
			tm.waitFor(tc.brief)
			tm.scrollTo("孙悦", tc.visit)
			if n := linesWith(tm.screen(), tc.visit); n != 1 {
				t.Errorf("the briefing shows %d visits with flowers, want 1:\n%s", n, tm.screen())
			}
			// 王小明 buys for 60,000, logged in the app on his profile.
			tm.text("/王小明")
			tm.waitFor("> 王小明")
			tm.keys("Enter")
			tm.waitFor("138 0000 0000")
			// Each field typed once the form shows its focus there: the
			// form moves it after the enter, by a message of its own.
			tm.text("b")
			tm.waitFocus(tc.amount)
			tm.text("60000")
			tm.waitForLine("┃", "60000")
			tm.keys("Enter")
			tm.waitFocus(tc.items)
			tm.text("gold necklace")
			tm.waitForLine("┃", "gold necklace")
			tm.keys("Enter")
			tm.waitFocus(tc.date)
			tm.keys("Enter")
			tm.waitFor(tc.recorded)
			tm.escape(tc.profileKeys)
			tm.waitFor("/ 王小明")
			tm.text("1")
			tm.waitFor(tc.brief)
			tm.scrollTo("王小明", tc.visit)
			if s := tm.screen(); linesWith(s, tc.visit) != 1 || strings.Contains(s, "孙悦") && lineHas(s, "孙悦", tc.visit) {
				t.Errorf("after 王小明 overtook, the briefing's visits with flowers:\n%s", s)
			}
			// Her profile: the visit cancelled, and why.
			tm.text("/")
			tm.keys("C-u")
			tm.text("孙悦")
			tm.waitFor("> 孙悦")
			tm.keys("Enter")
			tm.waitFor(tc.why)
			tm.text("q")
			tm.waitExit()
		})
	}
}

// scrollTo moves the cursor down the screen until a line shows all of
// parts (the briefing's look-ahead is below the fold in a small window),
// one key at a time: each Down is sent once the one before is drawn, so
// that under load no Downs queue up and carry the line off the top again.
// At the end of a list a Down draws nothing: then it waits for the line
// to come (a screen read again after a write) and fails after patience.
func (tm *tmuxTerm) scrollTo(parts ...string) {
	tm.t.Helper()
	for range 60 {
		s := tm.screen()
		if lineHas(s, parts...) {
			return
		}
		tm.keys("Down")
		tm.waitUntil(fmt.Sprintf("a line with %q", parts), func(now string) bool { return now != s || lineHas(now, parts...) })
	}
	tm.waitForLine(parts...)
}

// linesWith counts the lines of screen that show s.
func linesWith(screen, s string) int {
	n := 0
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, s) {
			n++
		}
	}
	return n
}

// lineHas reports whether a line of screen shows all of parts.
func lineHas(screen string, parts ...string) bool {
lines:
	for _, l := range strings.Split(screen, "\n") {
		for _, p := range parts {
			if !strings.Contains(l, p) {
				continue lines
			}
		}
		return true
	}
	return false
}
