package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoteAndPurchaseRm: `show` gives each note and purchase its id;
// `note rm ID` and `buy rm ID` remove one logged by mistake, say what went
// (and the follow-ups the purchase had made, cancelled); the client's
// spend no longer counts it; an unknown id says where ids are listed.
func TestNoteAndPurchaseRm(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜", "--store", "Shanghai IFC")
	run(t, book, "add", "王小明", "--phone", "13800138000")
	run(t, book, "note", "王小明", "meant for another client", "--kind", "visit")
	run(t, book, "buy", "王小明", "18400", "--items", "navy suit")
	var d struct {
		Notes     []struct{ ID, Text string }
		Purchases []struct{ ID, Date string }
	}
	if err := json.Unmarshal([]byte(run(t, book, "show", "王小明", "--json")), &d); err != nil || len(d.Notes) != 1 || len(d.Purchases) != 1 {
		t.Fatalf("show --json: %v %+v", err, d)
	}
	show := run(t, book, "show", "王小明")
	for _, id := range []string{d.Notes[0].ID, d.Purchases[0].ID} {
		if !strings.Contains(show, "["+id+"]") {
			t.Errorf("show does not give the id %s:\n%s", id, show)
		}
	}
	out := run(t, book, "note", "rm", d.Notes[0].ID)
	if !strings.Contains(out, "Removed the note on 王小明 (visit): meant for another client") {
		t.Errorf("note rm said %q", out)
	}
	out = run(t, book, "buy", "rm", d.Purchases[0].ID)
	if !strings.Contains(out, "Removed the purchase of 18,400 CNY by 王小明 on "+d.Purchases[0].Date+": navy suit") || !strings.Contains(out, "open follow-ups it had made were cancelled") ||
		!strings.Contains(out, "Thank") {
		t.Errorf("buy rm said %q", out)
	}
	show = run(t, book, "show", "王小明")
	if strings.Contains(show, "History") || strings.Contains(show, "meant for another") || !strings.Contains(show, "12 months 0 CNY") ||
		strings.Contains(show, "open ") {
		t.Errorf("show after the removals:\n%s", show)
	}
	if tasks := run(t, book, "task", "list", "--client", "王小明"); strings.Contains(tasks, "navy suit") {
		t.Errorf("the removed purchase's follow-ups are still listed:\n%s", tasks)
	}
	// In Chinese, the items, the amount and the day as well; a purchase
	// without items says the rest.
	run(t, book, "buy", "王小明", "2600", "--items", "丝巾")
	run(t, book, "buy", "王小明", "900")
	if err := json.Unmarshal([]byte(run(t, book, "show", "王小明", "--json")), &d); err != nil || len(d.Purchases) != 2 {
		t.Fatalf("show --json: %v %+v", err, d)
	}
	for _, p := range d.Purchases {
		out = run(t, book, "--lang", "zh", "buy", "rm", p.ID)
		want := "已删除 王小明 于 " + p.Date + " 的购买 900 CNY。"
		if strings.Contains(out, "2,600") {
			want = "已删除 王小明 于 " + p.Date + " 的购买 2,600 CNY：丝巾"
		}
		if !strings.Contains(out, want) {
			t.Errorf("buy rm in Chinese said %q, want %q", out, want)
		}
	}
	_, errOut, err := runErr(book, "buy", "rm", d.Purchases[0].ID)
	if err == nil || !strings.Contains(err.Error()+errOut, "vipbook show CLIENT lists") {
		t.Errorf("buy rm of a removed purchase: %v %q", err, errOut)
	}
}
