package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestErrorsSpeakChinese gives every command the mistakes an associate
// makes (a missing or wrong flag value, a file that is not there or not a
// contact list, a client no one matches, no book at all) in Chinese: each
// is refused in Chinese, with no interface English; only what was typed
// and the names of flags, values and commands stay as they are.
func TestErrorsSpeakChinese(t *testing.T) {
	book := demoBook(t)
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	xlsx := write("a.xlsx", "PK\x03\x04 a workbook")
	ics := write("c.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
	jcard := write("j.json", `[["vcard",[]]]`)
	noName := write("n.csv", "a,b\n1,2\n")
	empty := write("e.csv", "")
	missing := filepath.Join(dir, "missing.csv")
	emptyPass := write("pass", "\n")
	whole, err := os.ReadFile(book)
	if err != nil {
		t.Fatal(err)
	}
	truncated := write("half.db", string(whole[:len(whole)/2]))
	syntax, typed, data := syntaxWords(), typedWords(), dataWords(t, book)
	syntax["jCard"] = true
	for w := range formatWords() {
		syntax[w] = true
	}
	for _, w := range latinWord.FindAllString(dir, -1) {
		syntax[w] = true
	}
	for _, args := range [][]string{
		{"show", "nobody"},
		{"show", "a"}, // several clients match
		{"note", "nobody", "text", "--kind", "zzz"},
		{"brief", "--json", "--markdown"},
		{"brief", "--limit", "-1"},
		{"report", "--scheme", "zzz"},
		{"task", "add", "nobody", "call", "--due", "tomorrow", "--kind", "zzz"},
		{"request", "update", "r1", "--status", "zzz"},
		{"date", "add", "nobody", "--kind", "zzz", "--date", "05-20"},
		{"family", "add", "nobody", "x", "--relation", "zzz"},
		{"like", "nobody", "x", "--category", "zzz"},
		{"message", "nobody"},
		{"message", "nobody", "--kind", "zzz"},
		{"demo", "--clients", "0"},
		{"export"},
		{"export", "-o", filepath.Join(dir, "x.zzz"), "--format", "zzz"},
		{"import", missing},
		{"import", dir},
		{"import", xlsx},
		{"import", ics},
		{"import", jcard},
		{"import", noName},
		{"import", noName, "--map", "zzz=b"},
		{"import", noName, "--map", "name=zzz"},
		{"import", empty},
		{"import", noName, "--date-order", "zzz"},
		{"handover", "export", "-o", filepath.Join(dir, "h.vhb")},
		{"handover", "export", "--all"},
		{"handover", "import", missing},
		{"handover", "export", "--all", "-o", filepath.Join(dir, "h2.vhb"), "--passphrase-file", emptyPass},
		{"--book", filepath.Join(dir, "none.db"), "show", "x"},
		// Missing arguments, ids no one has, days that are not, flags
		// and values pflag refuses, a field no profile has.
		{"show"},
		{"buy", "13916882046"},
		{"task", "done", "nosuch"},
		{"note", "rm", "nosuch", "--yes"},
		{"request", "update", "nosuch", "--status", "open"},
		{"brief", "--date", "bad"},
		{"visit", "13916882046", "--at", "bad"},
		{"buy", "13916882046", "100", "--date", "2026-13-45"},
		{"frobnicate"},
		{"list", "--frob"},
		{"task", "list", "--days", "x"},
		{"edit", "13916882046", "--set", "nosuch=1"},
		{"add", "张三", "--phone", "123"},
		{"restore", missing, "--yes"},
		{"backup", "-o", filepath.Join(dir, "none", "b.db")},
		{"search", "size:shoes="},
		{"date", "rm", "13916882046", "d99"},
		// A value a field does not take, a negative amount pflag reads as
		// a flag, a file to restore that is no book or a damaged one.
		{"edit", "13916882046", "--set", "channel=fax"},
		{"edit", "13916882046", "--set", "country=France"},
		{"edit", "13916882046", "--set", "gender=x"},
		{"buy", "13916882046", "-5"},
		{"restore", noName, "--yes"},
		{"restore", truncated, "--yes"},
	} {
		_, errOut, err := speak(book, "zh", args...)
		if err == nil {
			t.Errorf("%v: no refusal", args)
			continue
		}
		msg := err.Error()
		if !strings.ContainsFunc(msg, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
			t.Errorf("%v: not said in Chinese: %s", args, msg)
		}
		said := map[string]bool{}
		for _, a := range args {
			for _, w := range latinWord.FindAllString(a, -1) {
				said[w] = true
			}
		}
		// The values a flag takes, listed after 可选, are typed as they are.
		if _, values, ok := strings.Cut(msg, "可选："); ok {
			for _, w := range latinWord.FindAllString(values, -1) {
				said[w] = true
			}
		}
		for _, w := range english(msg+errOut, syntax, typed, data, said) {
			t.Errorf("%v: English %s", args, w)
		}
	}
}

// TestLocaleSpeaksChinese: with no --lang, LANG=zh_CN.UTF-8 makes the
// commands speak Chinese as --lang zh does: no interface English.
func TestLocaleSpeaksChinese(t *testing.T) {
	t.Setenv("COLUMNS", "200")
	book := demoBook(t)
	data, syntax := dataWords(t, book), syntaxWords()
	for w := range formatWords() {
		syntax[w] = true
	}
	for _, args := range [][]string{{"list"}, {"show", "13916882046"}, {"brief"}, {"task", "list"}, {"report"},
		{"tiers"}, {"check"}, {"search", "tier:A"}, {"date", "list", "13916882046"}, {"card", "list", "13916882046"}, {"--help"}} {
		out := speakLocale(t, book, "zh_CN.UTF-8", args...)
		if !strings.ContainsFunc(out, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
			t.Errorf("LANG=zh_CN.UTF-8 vipbook %v: not in Chinese:\n%s", args, out)
		}
		for _, w := range english(out, data, syntax, typedWords()) {
			t.Errorf("LANG=zh_CN.UTF-8 vipbook %v: English %s", args, w)
		}
	}
}
