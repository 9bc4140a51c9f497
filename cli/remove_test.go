package cli

import (
	"bytes"
	"encoding/json"
	"os"
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
	out := run(t, book, "note", "rm", d.Notes[0].ID, "--yes")
	if !strings.Contains(out, "Removed the note on 王小明 (visit): meant for another client") {
		t.Errorf("note rm said %q", out)
	}
	out = run(t, book, "buy", "rm", d.Purchases[0].ID, "--yes")
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
		out = run(t, book, "--lang", "zh", "buy", "rm", p.ID, "--yes")
		want := "已删除 王小明 于 " + p.Date + " 的购买 900 CNY。"
		if strings.Contains(out, "2,600") {
			want = "已删除 王小明 于 " + p.Date + " 的购买 2,600 CNY：丝巾"
		}
		if !strings.Contains(out, want) {
			t.Errorf("buy rm in Chinese said %q, want %q", out, want)
		}
	}
	_, errOut, err := runErr(book, "buy", "rm", d.Purchases[0].ID, "--yes")
	if err == nil || !strings.Contains(err.Error()+errOut, "vipbook show CLIENT lists") {
		t.Errorf("buy rm of a removed purchase: %v %q", err, errOut)
	}
}

// TestRmAsksAndCompacts: without --yes, note rm and buy rm say what they
// remove and that it cannot be undone, in English and in Chinese, and
// remove nothing unless the answer is yes; once removed, the note's text
// and the purchase's items are no longer anywhere in the book file (it
// was compacted), nor in the titles of the follow-ups the purchase had
// made, cancelled with it.
func TestRmAsksAndCompacts(t *testing.T) {
	for _, tc := range []struct {
		lang, yes             string
		noteWhat, buyWhat, no string
		ask                   []string
	}{
		{"en", "y", "This removes the note on 王小明 (note): RMMARKNOTE meant for another client",
			"This removes the purchase of 18,400 CNY by 王小明 on", "Nothing was removed (not confirmed)",
			[]string{"It cannot be undone", "Remove it? [y/N]"}},
		{"zh", "是", "将删除 王小明 的记录（", "将删除 王小明 于", "未删除任何内容（未确认）",
			[]string{"删除后无法撤销", "确定删除吗？（是/否，默认否）"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			book := filepath.Join(t.TempDir(), "book.db")
			run(t, book, "init", "--associate", "李娜", "--store", "Shanghai IFC")
			run(t, book, "add", "王小明", "--phone", "13800138000")
			run(t, book, "note", "王小明", "RMMARKNOTE meant for another client")
			run(t, book, "buy", "王小明", "18400", "--items", "RMMARKBUY navy suit")
			var d struct {
				Notes     []struct{ ID string }
				Purchases []struct{ ID string }
			}
			if err := json.Unmarshal([]byte(run(t, book, "show", "王小明", "--json")), &d); err != nil || len(d.Notes) != 1 || len(d.Purchases) != 1 {
				t.Fatalf("show --json: %v %+v", err, d)
			}
			for _, c := range []struct {
				args []string
				what string
			}{
				{[]string{"note", "rm", d.Notes[0].ID}, tc.noteWhat},
				{[]string{"buy", "rm", d.Purchases[0].ID}, tc.buyWhat},
			} {
				out, errOut, err := runLang(book, tc.lang, "n\n", c.args...)
				out += errOut
				if err == nil || !strings.Contains(out+err.Error(), tc.no) {
					t.Errorf("%v answered n: %v\n%s", c.args, err, out)
				}
				for _, w := range append([]string{c.what}, tc.ask...) {
					if !strings.Contains(out, w) {
						t.Errorf("%v does not say %q:\n%s", c.args, w, out)
					}
				}
			}
			if err := json.Unmarshal([]byte(run(t, book, "show", "王小明", "--json")), &d); err != nil || len(d.Notes) != 1 || len(d.Purchases) != 1 {
				t.Fatalf("a removal answered no removed something: %v %+v", err, d)
			}
			for _, args := range [][]string{{"note", "rm", d.Notes[0].ID}, {"buy", "rm", d.Purchases[0].ID}} {
				if out, _, err := runLang(book, tc.lang, tc.yes+"\n", args...); err != nil {
					t.Fatalf("%v answered yes: %v\n%s", args, err, out)
				}
			}
			raw, err := os.ReadFile(book)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range []string{"RMMARKNOTE", "RMMARKBUY"} {
				if bytes.Contains(raw, []byte(m)) {
					t.Errorf("%s is still in the book file after its removal", m)
				}
			}
		})
	}
}
