package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFirstDay walks issue 2's check as an associate would: a new book,
// three clients, a note, a purchase, a task due today and a visit today;
// the briefing lists them; a phone typed another way finds the client.
func TestFirstDay(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜", "--store", "Shanghai IFC")
	run(t, book, "add", "王小明", "--phone", "+86 138 0013 8000", "--birthday", "1985-11-26")
	run(t, book, "add", "Anne Dubois", "--phone", "+33 6 12 34 56 78", "--email", "anne@example.com")
	run(t, book, "add", "曾小凡", "--phone", "139-1688-2046", "--birthday", "08-15", "--lunar")
	run(t, book, "note", "王小明", "prefers navy, dislikes loud logos", "--kind", "preference")
	run(t, book, "buy", "13800138000", "18400", "--items", "navy suit")
	// The follow-up is said with the glossary's word and the client's name
	// set apart from the title (it read "Task … : call about the coat
	// alteration Anne Dubois", the name glued to the title).
	if out := run(t, book, "task", "add", "Anne Dubois", "call about the coat alteration", "--due", "today"); !strings.HasPrefix(out, "Follow-up ") ||
		!strings.Contains(out, ": call about the coat alteration (Anne Dubois)") {
		t.Errorf("task add says %q", out)
	}
	if out := run(t, book, "--lang", "zh", "task", "add", "王小明", "问新款乐福鞋", "--due", "today"); !strings.Contains(out, "：问新款乐福鞋（王小明）") {
		t.Errorf("task add in zh says %q", out)
	}
	if out := run(t, book, "task", "add", "-", "order gift ribbons", "--due", "today"); !strings.HasSuffix(out, ": order gift ribbons\n") {
		t.Errorf("task add of no client says %q", out)
	}
	run(t, book, "visit", "曾小凡", "--at", "2026-11-24 15:00", "--purpose", "fitting")

	brief := run(t, book, "brief")
	for _, want := range []string{"曾小凡", "15:00", "fitting", "call about the coat alteration", "Anne Dubois", "王小明"} {
		if !strings.Contains(brief, want) {
			t.Errorf("brief lacks %q:\n%s", want, brief)
		}
	}

	show := run(t, book, "show", "13800138000", "--json")
	var got struct {
		Profile struct {
			Name   string `json:"name"`
			Phones []struct {
				Number string `json:"number"`
			} `json:"phones"`
		} `json:"profile"`
	}
	if err := json.Unmarshal([]byte(show), &got); err != nil {
		t.Fatalf("show --json: %v\n%s", err, show)
	}
	if got.Profile.Name != "王小明" || len(got.Profile.Phones) != 1 || got.Profile.Phones[0].Number != "+8613800138000" {
		t.Errorf("show by phone found %+v", got.Profile)
	}
	text := run(t, book, "show", "138-0013-8000")
	for _, want := range []string{"王小明", "navy", "18,400"} {
		if !strings.Contains(text, want) {
			t.Errorf("show lacks %q:\n%s", want, text)
		}
	}

	st, err := os.Stat(book)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("book mode %v, %v; want 0600", st.Mode().Perm(), err)
	}
}

// TestRefusesNonBook: a file that is not a book is refused with a clear
// message and left byte for byte as it was.
func TestRefusesNonBook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hostname")
	content := []byte("shop-till-3\n")
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"brief"}, {"add", "王小明", "--phone", "13800138000"}, {"note", "x", "y"}} {
		_, errOut, err := runErr(path, args...)
		if err == nil {
			t.Errorf("vipbook %v on a non-book succeeded", args)
		}
		if !strings.Contains(err.Error()+errOut, "not a vipbook book") {
			t.Errorf("vipbook %v: message %q / %q does not say what is wrong", args, err, errOut)
		}
	}
	after, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if !bytes.Equal(after, content) || st.Mode().Perm() != 0o644 {
		t.Error("the file was changed")
	}
}

// TestBadInputLosesNothing: rejected input names the problem and leaves the
// book as it was.
func TestBadInputLosesNothing(t *testing.T) {
	book := filepath.Join(t.TempDir(), "book.db")
	run(t, book, "init", "--associate", "李娜")
	run(t, book, "add", "王小明", "--phone", "13800138000")
	before := run(t, book, "show", "王小明", "--json")
	bad := []struct {
		args []string
		says string
	}{
		{[]string{"add", "Zhang", "--phone", "12"}, "phone"},
		{[]string{"add", "Zhang", "--phone", "13900000000", "--birthday", "02-30"}, "02-30"},
		{[]string{"buy", "王小明", "lots"}, "lots"},
		{[]string{"task", "add", "王小明", "call", "--due", "someday"}, "someday"},
		{[]string{"note", "nobody-here", "hello"}, "nobody-here"},
		{[]string{"visit", "王小明", "--at", "tomorrowish"}, "tomorrowish"},
	}
	for _, b := range bad {
		_, errOut, err := runErr(book, b.args...)
		if err == nil {
			t.Errorf("vipbook %v succeeded", b.args)
			continue
		}
		if !strings.Contains(err.Error()+errOut, b.says) {
			t.Errorf("vipbook %v: %q does not name %q", b.args, err.Error()+errOut, b.says)
		}
	}
	if after := run(t, book, "show", "王小明", "--json"); after != before {
		t.Errorf("the client changed after rejected input:\n%s\n%s", before, after)
	}
	if list := run(t, book, "list"); strings.Contains(list, "Zhang") {
		t.Errorf("a rejected client was added:\n%s", list)
	}
}
