package tui

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndProfile walks issue 11's profile with the built binary in a
// real terminal, on a new book, in English at 120x40 and then in Chinese
// at 80x24: on 王小明's profile + adds a size with its fit note, a like, a
// family member with a lunar birthday linked to another client of the
// book, and a membership card; / finds him by the card number as it was
// typed and by its digits, by size:shoes=39 (a client who must not be
// contacted marked beside him), by likes:loafers with his pinyin, and by
// wangxiao; the command line finds what the app wrote. (The merge of two
// clients in the app is walked by TestEndToEndMerge.)
func TestEndToEndProfile(t *testing.T) {
	bin := e2eBinary(t)
	book := filepath.Join(t.TempDir(), "book.db")
	vip := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, append([]string{"--book", book, "--lang", "en"}, args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("vipbook %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	vip("init", "--associate", "Li Na")
	vip("add", "王小明", "--phone", "13800000001")
	vip("add", "李梅", "--phone", "13900000002")
	vip("add", "Anne Dubois", "--phone", "13700000003")
	vip("size", "13700000003", "shoes", "39", "--system", "EU")
	vip("edit", "13700000003", "--set", "do_not_contact=true")

	tm := newTmux(t)
	tm.start(120, 40, []string{"LANG=en_GB.UTF-8", "LC_ALL=", "LC_MESSAGES="}, bin, "--book", book)
	tm.waitFor("Briefing")
	tm.text("2")
	tm.waitFor("sorted by")
	tm.text("/wangxiao")
	tm.waitFor("1 of 3 clients")
	tm.waitFor("> 王小明")
	tm.keys("Enter")
	tm.waitFor("138 0000 0001 (mobile)")
	// field answers each form field in turn, waiting for the focus to
	// reach it (the form moves its focus in a command of its own).
	field := func(title, answer string) {
		t.Helper()
		tm.waitFocus(title)
		if answer != "" {
			tm.text(answer)
			tm.waitFor(answer)
		}
		tm.keys("Enter")
	}
	tm.text("+")
	tm.waitFor("pick with one key")
	tm.text("s")
	field("Category", "shoes")
	field("Size", "39")
	field("System", "EU")
	field("Fit note", "narrow foot")
	field("Taken on", "")
	tm.waitForLine("shoes", "39 EU (narrow foot)")
	tm.text("+")
	tm.waitFor("pick with one key")
	tm.text("l")
	field("Likes", "loafers")
	field("What about", "")
	field("Note", "")
	tm.waitForLine("Styles", "loafers")
	tm.text("+")
	tm.waitFor("pick with one key")
	tm.text("f")
	field("Name", "张丽")
	field("Relation", "")
	field("Birthday", "农历八月十五")
	field("Lunar calendar birthday?", "")
	field("Also a client of the book", "13900000002")
	tm.waitForLine("Household", "张丽 (spouse)", "lunar 08-15", "client of the book: 李梅")
	tm.waitForLine("张丽's birthday", "lunar 08-15")
	tm.text("+")
	tm.waitFor("pick with one key")
	tm.text("c")
	field("Programme", "Maison Club")
	field("Card number", "VIP-8800-123")
	field("Level", "Gold")
	field("Points", "1200")
	field("Expires", "2027-12-31")
	tm.waitForLine("Maison Club", "VIP-8800-123", "Gold")
	tm.escape("e edit") // the profile's help bar
	tm.waitFor("of 3 clients")

	// search closes the search line of the one before (esc) and waits
	// for it to go before typing: esc then / at once reads as alt+/, and
	// under load the query went to the list as keys (3 opened the
	// follow-ups).
	prev := ""
	search := func(q, count string, lines ...[]string) {
		t.Helper()
		if prev != "" {
			tm.escape("/ " + prev)
		}
		prev = q
		tm.waitFor("sorted by")
		tm.text("/")
		tm.keys("C-u")
		tm.text(q)
		tm.waitFor(count)
		for _, l := range lines {
			tm.waitForLine(l...)
		}
	}
	search("VIP-8800-123", "1 of 3 clients", []string{"> 王小明"})
	search("8800123", "1 of 3 clients", []string{"> 王小明"})
	search("size:shoes=39", "2 of 3 clients", []string{"王小明"}, []string{"Anne Dubois", "(no contact)"})
	search("likes:loafers wxm", "1 of 3 clients", []string{"> 王小明"})
	tm.escape("/ " + prev) // the search line closes: q quits
	tm.text("q")
	tm.waitExit()

	// The command line reads what the app wrote.
	if out := vip("show", "VIP-8800-123"); !strings.Contains(out, "narrow foot") || !strings.Contains(out, "loafers") ||
		!strings.Contains(out, "张丽") || !strings.Contains(out, "Maison Club") {
		t.Fatalf("vipbook show by the card number:\n%s", out)
	}
	if out := vip("search", "size:shoes=39 likes:loafers"); !strings.Contains(out, "王小明") || strings.Contains(out, "Anne") {
		t.Fatalf("vipbook search size:shoes=39 likes:loafers:\n%s", out)
	}

	// In Chinese at 80x24: his card's digits find him, his profile shows
	// the household member linked and her lunar birthday.
	tm.fresh()
	tm.start(80, 24, []string{"LANG=zh_CN.UTF-8", "LC_ALL=", "LC_MESSAGES="}, bin, "--book", book)
	tm.waitFor("简报")
	tm.text("2")
	tm.waitFor("排序")
	tm.text("/8800-123")
	tm.waitFor("> 王小明")
	tm.keys("Enter")
	tm.waitFor("138 0000 0001")
	tm.waitForLine("张丽（配偶）", "本册客户：李梅")
	tm.text("q")
	tm.waitExit()
	if out := vip("check"); !strings.Contains(out, "sound: 3 clients") {
		t.Fatalf("check:\n%s", out)
	}
}
