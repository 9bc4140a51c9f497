package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/vipbook/vipbook/briefing"
	"github.com/vipbook/vipbook/i18n"
)

// TestSizeTwoGarmentsOnShowAndBrief: 西装裤 48 (suit trousers) taken
// before 西装 50 (suit) are two garments: show lists both as current (48
// is not an earlier suit) and the prep card of brief has both; 鞋 39 taken
// before shoes 40 EU is one category: 39 is earlier, not on the card.
func TestSizeTwoGarmentsOnShowAndBrief(t *testing.T) {
	book := demoBook(t)
	var br briefing.Briefing
	if err := json.Unmarshal([]byte(run(t, book, "brief", "--json")), &br); err != nil {
		t.Fatal(err)
	}
	if len(br.Visits) == 0 {
		t.Fatal("no visit today in the demo book")
	}
	id, name := br.Visits[0].Appointment.ClientID, br.Visits[0].Name
	run(t, book, "size", id, "西装裤", "48", "--date", "2090-01-01")
	run(t, book, "size", id, "西装", "50", "--date", "2099-01-01")
	run(t, book, "size", id, "鞋", "39", "--date", "2090-01-01")
	run(t, book, "size", id, "shoes", "40", "--system", "EU", "--date", "2099-01-01")
	out := run(t, book, "show", id)
	earlier := i18n.New(i18n.English).T(i18n.CliProfileEarlier)
	var trousers, shoes39 string
	for _, l := range strings.Split(out, "\n") {
		switch {
		case strings.Contains(l, "西装裤") && strings.Contains(l, "48"):
			trousers = l
		case strings.Contains(l, "鞋 39"):
			shoes39 = l
		}
	}
	if trousers == "" || strings.Contains(trousers, earlier) || !strings.Contains(out, "西装") || !strings.Contains(out, "50") {
		t.Errorf("show: 西装裤 48 %q is not current beside 西装 50:\n%s", trousers, out)
	}
	if !strings.Contains(shoes39, earlier) {
		t.Errorf("show: 鞋 39 %q is not an earlier shoes 40 EU:\n%s", shoes39, out)
	}
	var sizes string
	in := false
	for _, l := range strings.Split(run(t, book, "brief"), "\n") {
		if strings.Contains(l, name) {
			in = true
		}
		if f := strings.TrimSpace(l); in && strings.HasPrefix(f, "sizes ") && sizes == "" {
			sizes = f
		}
	}
	if !strings.Contains(sizes, "西装裤 48") || !strings.Contains(sizes, "西装 50") || !strings.Contains(sizes, "shoes 40 EU") || strings.Contains(sizes, "39") {
		t.Errorf("brief: sizes line %q, want 西装裤 48, 西装 50 and shoes 40 EU, not 鞋 39", sizes)
	}
}

// TestSizeRemoveCategoryWithHistory: size CLIENT --remove 鞋码 removes the
// category as show lists it, its history in the other language included
// (shoes 39 EU, 鞋 38), and leaves another garment (鞋垫 40, insoles); it
// says what it removed (those sizes, in en and zh), not the word typed.
func TestSizeRemoveCategoryWithHistory(t *testing.T) {
	book := demoBook(t)
	var br briefing.Briefing
	if err := json.Unmarshal([]byte(run(t, book, "brief", "--json")), &br); err != nil {
		t.Fatal(err)
	}
	if len(br.Visits) == 0 {
		t.Fatal("no visit today in the demo book")
	}
	id := br.Visits[0].Appointment.ClientID
	run(t, book, "size", id, "shoes", "39", "--system", "EU", "--date", "2024-01-01")
	run(t, book, "size", id, "鞋", "38", "--date", "2025-01-01")
	run(t, book, "size", id, "鞋垫", "40", "--date", "2025-01-01")
	said := run(t, book, "size", id, "--remove", "鞋码")
	if !strings.Contains(said, ": shoes 39 EU, ") || !strings.Contains(said, ", 鞋 38") || strings.Contains(said, "鞋码") {
		t.Errorf("--remove 鞋码 says %q, want it to name shoes 39 EU and 鞋 38, not 鞋码", said)
	}
	out := run(t, book, "size", id)
	if strings.Contains(out, "shoes") || strings.Contains(out, "鞋 ") || !strings.Contains(out, "鞋垫") {
		t.Errorf("after --remove 鞋码 the sizes are:\n%s\nwant no shoes left, 鞋垫 40 kept", out)
	}
	run(t, book, "size", id, "ring", "12", "--date", "2024-01-01")
	run(t, book, "size", id, "手寸", "13")
	said = run(t, book, "--lang", "zh", "size", id, "--remove", "戒指")
	if !strings.Contains(said, "ring 12、手寸 13\n") || strings.Contains(said, "戒指") {
		t.Errorf("--lang zh --remove 戒指 says %q, want it to name ring 12 and 手寸 13, not 戒指", said)
	}
}
